/*
 * test_formats.c — every released binary format still decodes.
 *
 * A value sent by an older release (COPY … (FORMAT binary), a driver's
 * binary mode, a binary dump) must read the same in every later one. The
 * bytes below are what tracker 0.1.0's series_send and league_send
 * returned, checked by hand against the layouts in series.h and league.h;
 * a release that adds a format version adds its own bytes here and keeps
 * these (0.2.0: series version 2).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "league.h"
#include "series.h"

static void *
heap_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
heap_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

/*
 * series_send('{2022-01..02: 240 (+20%), 2022-03: 150}') in 0.1.0:
 * version 1, grain 2 (month), 2 facts; unit 24265 (2022-02, 12·2022 + 1)
 * with flags 3 (cumulative, rate), 240.0 and +20.0; unit 24266 (March),
 * flags 0, 150.0.
 */
static const uint8_t series_v1[] = {
	0x01, 0x02, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x5e, 0xc9, 0x03,
	0x40, 0x6e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x40, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x5e, 0xca, 0x00,
	0x40, 0x62, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static void
test_series_v1(void)
{
	ts_fact		facts[2];
	tp_grain	grain;
	int32_t		n = 0;
	ts_view		v;
	uint8_t		again[sizeof(series_v1)];
	uint8_t		future[sizeof(series_v1)];

	CHECK_INT(ts_decode(series_v1, sizeof(series_v1), &grain, NULL, &n), TS_OK);
	CHECK_INT(n, 2);
	CHECK_INT(ts_decode(series_v1, sizeof(series_v1), &grain, facts, &n), TS_OK);
	CHECK_INT(grain, TP_MONTH);
	CHECK_INT(facts[0].unit, 12 * 2022 + 1);
	CHECK_INT(facts[0].cumulative, 1);
	CHECK_INT(facts[0].has_growth, 1);
	CHECK(facts[0].value == 240.0 && facts[0].growth == 20.0);
	CHECK_INT(facts[1].unit, 12 * 2022 + 2);
	CHECK_INT(facts[1].cumulative, 0);
	CHECK_INT(facts[1].has_growth, 0);
	CHECK(facts[1].value == 150.0);

	/* What it decodes to encodes back to the same bytes. */
	v.grain = grain;
	v.kind = TS_AMOUNT;
	v.n = n;
	v.facts = facts;
	CHECK_INT(ts_encoded_size(&v), sizeof(series_v1));
	ts_encode(&v, again);
	CHECK(memcmp(again, series_v1, sizeof(series_v1)) == 0);

	/* A fact whose implied base value / (1 + rate/100) overflows is
	 * refused, as text input refuses it: {2022-07: 1e308 (-99.999%)}. */
	{
		static const uint8_t huge_base[] = {
			0x01, 0x02, 0x00, 0x00, 0x00, 0x01,
			0x00, 0x00, 0x5e, 0xce, 0x02,
			0x7f, 0xe1, 0xcc, 0xf3, 0x85, 0xeb, 0xc8, 0xa0,	/* 1e308 */
			0xc0, 0x58, 0xff, 0xef, 0x9d, 0xb2, 0x2d, 0x0e,	/* -99.999 */
		};
		CHECK_INT(ts_decode(huge_base, sizeof(huge_base), &grain, NULL, &n), TS_ECORRUPT);
	}

	/* A version this release does not know is refused, not guessed at
	 * (0.2.0 reads versions 1 and 2). */
	memcpy(future, series_v1, sizeof(series_v1));
	future[0] = 0x03;
	CHECK_INT(ts_decode(future, sizeof(future), &grain, NULL, &n), TS_ECORRUPT);
}

/*
 * Version 2 (0.2.0), for what version 1 cannot hold. series_send of
 * '{2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}': version 2,
 * grain 2 (month), kind 0 (amount), 3 facts; unit 24269 (2022-06) flags
 * 0, 120.0; unit 24270 (July) flags 6 (a rate, no level), +8.3; unit
 * 24271 (August) flags 4 (no level, no rate).
 */
static const uint8_t series_v2_amount[] = {
	0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x03,
	0x00, 0x00, 0x5e, 0xcd, 0x00,
	0x40, 0x5e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x5e, 0xce, 0x06,
	0x40, 0x20, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a,
	0x00, 0x00, 0x5e, 0xcf, 0x04,
};

/*
 * series_send('{2022-06: 98.4, 2022-07: 98.1 (+0.3pp)}/ratio'): version
 * 2, grain 2, kind 1 (ratio), 2 facts; 2022-06 flags 0, 98.4; 2022-07
 * flags 2, 98.1 and +0.3 points.
 */
static const uint8_t series_v2_ratio[] = {
	0x02, 0x02, 0x01, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x5e, 0xcd, 0x00,
	0x40, 0x58, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a,
	0x00, 0x00, 0x5e, 0xce, 0x02,
	0x40, 0x58, 0x86, 0x66, 0x66, 0x66, 0x66, 0x66,
	0x3f, 0xd3, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33,
};

/*
 * The series of series_v1, written in version 2 (as a client may send
 * it): it decodes to the same facts, and what it decodes to is written
 * in version 1, as series_v1 itself.
 */
static const uint8_t series_v1_as_v2[] = {
	0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x5e, 0xc9, 0x03,
	0x40, 0x6e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x40, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x5e, 0xca, 0x00,
	0x40, 0x62, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* Decode bytes into facts (at most 4), checking the count and kind, and
 * encode them back into out; the encoded size. */
static size_t
series_round(const uint8_t *bytes, size_t len, int32_t want_n, ts_kind want_kind,
			 ts_fact *facts, uint8_t *out)
{
	tp_grain	grain;
	int32_t		n = 0;
	ts_view		v;

	CHECK_INT(ts_decode(bytes, len, &grain, NULL, &n), TS_OK);
	CHECK_INT(n, want_n);
	if (n != want_n)
		return 0;
	CHECK_INT(ts_decode(bytes, len, &grain, facts, &n), TS_OK);
	CHECK_INT(grain, TP_MONTH);
	CHECK_INT(ts_decoded_kind(bytes, len), want_kind);
	v.grain = grain;
	v.kind = ts_decoded_kind(bytes, len);
	v.n = n;
	v.facts = facts;
	ts_encode(&v, out);
	return ts_encoded_size(&v);
}

static void
test_series_v2(void)
{
	ts_fact		facts[4];
	uint8_t		out[64];
	size_t		len;

	len = series_round(series_v2_amount, sizeof(series_v2_amount), 3, TS_AMOUNT, facts, out);
	CHECK_INT(len, sizeof(series_v2_amount));
	CHECK(memcmp(out, series_v2_amount, sizeof(series_v2_amount)) == 0);
	CHECK(facts[0].unit == 12 * 2022 + 5 && facts[0].value == 120.0 &&
		  !facts[0].no_value && !facts[0].has_growth);
	CHECK(facts[1].unit == 12 * 2022 + 6 && facts[1].no_value && facts[1].value == 0.0 &&
		  facts[1].has_growth && facts[1].growth == 8.3);
	CHECK(facts[2].unit == 12 * 2022 + 7 && facts[2].no_value && !facts[2].has_growth);

	len = series_round(series_v2_ratio, sizeof(series_v2_ratio), 2, TS_RATIO, facts, out);
	CHECK_INT(len, sizeof(series_v2_ratio));
	CHECK(memcmp(out, series_v2_ratio, sizeof(series_v2_ratio)) == 0);
	CHECK(facts[0].value == 98.4 && !facts[0].has_growth);
	CHECK(facts[1].value == 98.1 && facts[1].has_growth && facts[1].growth == 0.3);

	/* what version 1 can hold is written in version 1 */
	len = series_round(series_v1_as_v2, sizeof(series_v1_as_v2), 2, TS_AMOUNT, facts, out);
	CHECK_INT(len, sizeof(series_v1));
	CHECK(memcmp(out, series_v1, sizeof(series_v1)) == 0);
}

/*
 * league_send('{"海曙": 24.1, "b": -5}/1') in 0.1.0: version 1, decimals
 * 1, 2 entities in value order: "海曙" (6 bytes of UTF-8) at 24.1 and "b"
 * at -5.0. And league_send('{"a": 1.5}'): decimals -1 (none).
 */
static const uint8_t league_v1[] = {
	0x01, 0x01, 0x00, 0x00, 0x00, 0x02,
	0x00, 0x00, 0x00, 0x06, 0xe6, 0xb5, 0xb7, 0xe6, 0x9b, 0x99,
	0x40, 0x38, 0x19, 0x99, 0x99, 0x99, 0x99, 0x9a,
	0x00, 0x00, 0x00, 0x01, 0x62,
	0xc0, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};
static const uint8_t league_v1_plain[] = {
	0x01, 0xff, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x01, 0x61,
	0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* Decode, flatten, look up, and encode back. */
static void
check_league(const uint8_t *bytes, size_t len, int decimals, const char *name,
			 double value, int32_t n)
{
	tl_alloc	a = {heap_alloc, heap_release, NULL};
	tl_builder	b;
	tl_view		v;
	void	   *flat;
	uint8_t    *again;
	const char *dup;
	size_t		dup_len;
	double		x = 0.0;

	tl_builder_init(&b, TL_NO_ROUNDING, &a);
	CHECK_INT(tl_decode(bytes, len, &b), TL_OK);
	CHECK_INT(b.decimals, decimals);
	flat = malloc(tl_flat_size(&b));
	CHECK_INT(tl_flatten(&b, flat, &dup, &dup_len), TL_OK);
	CHECK_INT(tl_view_of(flat, tl_flat_size(&b), &v), TL_OK);
	CHECK_INT(v.n, n);
	CHECK_INT(tl_value(&v, name, strlen(name), &x), TL_OK);
	CHECK(x == value);
	again = malloc(tl_view_encoded_size(&v));
	CHECK_INT(tl_view_encoded_size(&v), len);
	tl_view_encode(&v, again);
	CHECK(memcmp(again, bytes, len) == 0);
	free(again);
	free(flat);
	tl_builder_free(&b);
}

static void
test_league_v1(void)
{
	tl_alloc	a = {heap_alloc, heap_release, NULL};
	tl_builder	b;
	uint8_t		future[sizeof(league_v1)];

	check_league(league_v1, sizeof(league_v1), 1, "海曙", 24.1, 2);
	check_league(league_v1, sizeof(league_v1), 1, "b", -5.0, 2);
	check_league(league_v1_plain, sizeof(league_v1_plain), TL_NO_ROUNDING, "a", 1.5, 1);

	memcpy(future, league_v1, sizeof(league_v1));
	future[0] = 0x02;
	tl_builder_init(&b, TL_NO_ROUNDING, &a);
	CHECK_INT(tl_decode(future, sizeof(future), &b), TL_ECORRUPT);
	tl_builder_free(&b);
}

int
main(void)
{
	test_series_v1();
	test_series_v2();
	test_league_v1();
	return check_report("formats");
}
