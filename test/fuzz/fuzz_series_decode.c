/*
 * fuzz_series_decode.c — libFuzzer target for the binary decoders of a
 * series (recv) and of the aggregate's state (deserialize).
 *
 * Whatever ts_decode accepts must encode back to exactly the input bytes:
 * the binary form is canonical. Whatever ts_state_decode accepts must
 * re-encode to the input's size, and its flat form must be a series that
 * ts_decode accepts. An accepted series is also read at the periods of
 * its first and last facts and the years they fall in: ts_read must agree
 * with ts_value, ts_base and ts_yoy, and ts_has_fact_starting must find
 * the first fact. Every mismatch aborts; the builder's memory comes from
 * malloc, so the leak checker sees what a failed decode leaves.
 *
 * Build: clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/[a-z]*.c test/fuzz/fuzz_series_decode.c -lm
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *
fuzz_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
fuzz_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const ts_alloc heap = {fuzz_alloc, fuzz_release, NULL};

/* ts_read agrees with the separate readers, status and number. */
static void
check_read(const ts_view *v, tp_period p)
{
	ts_reading	r;
	double		x;
	ts_status	st = ts_read(v, p, &r);

	if (st != TS_OK)
	{
		if (ts_value(v, p, &x) != st)
			abort();
		return;
	}
	x = 0.0;
	if (ts_value(v, p, &x) != r.value_status || (r.value_status == TS_OK && x != r.value))
		abort();
	x = 0.0;
	if (ts_base(v, p, &x) != r.base_status || (r.base_status == TS_OK && x != r.base))
		abort();
	x = 0.0;
	if (ts_yoy(v, p, &x) != r.growth_status || (r.growth_status == TS_OK && x != r.growth))
		abort();
}

static void
read_series(const ts_view *v)
{
	tp_period	first = ts_fact_period(v->grain, &v->facts[0]);
	tp_period	last = ts_fact_period(v->grain, &v->facts[v->n - 1]);
	tp_period	y;

	check_read(v, first);
	check_read(v, last);
	if (tp_from_day(tp_start(first), TP_YEAR, &y) == TP_OK)
		check_read(v, y);
	if (tp_from_day(tp_end(last), TP_QUARTER, &y) == TP_OK)
		check_read(v, y);
	if (!ts_has_fact_starting(v, tp_start(first), tp_start(first)))
		abort();
}

static void
check_series(const uint8_t *data, size_t size)
{
	tp_grain	g;
	int32_t		n = 0;
	ts_fact    *facts;
	ts_view		v;
	uint8_t    *out;

	if (ts_decode(data, size, &g, NULL, &n) != TS_OK)
		return;
	if (n < 1 || (size_t) n > size)
		abort();
	facts = malloc((size_t) n * sizeof(ts_fact));
	if (facts == NULL || ts_decode(data, size, &g, facts, &n) != TS_OK)
		abort();
	v.grain = g;
	v.n = n;
	v.facts = facts;
	if (ts_encoded_size(&v) != size)
		abort();
	out = malloc(size);
	if (out == NULL)
		abort();
	ts_encode(&v, out);
	if (memcmp(out, data, size) != 0)
		abort();
	read_series(&v);
	free(out);
	free(facts);
}

static void
check_state(const uint8_t *data, size_t size)
{
	ts_builder	b;
	ts_fact    *facts;
	ts_view		v;
	uint8_t    *out;
	size_t		out_size;
	tp_grain	g;
	int32_t		n;

	ts_builder_init(&b, &heap);
	if (ts_state_decode(data, size, &b) != TS_OK)
	{
		/* a failed decode leaves nothing allocated */
		if (b.slots != NULL || b.count != 0)
			abort();
		return;
	}
	if (ts_state_encoded_size(&b) != size)
		abort();
	out = malloc(size);
	if (out == NULL)
		abort();
	ts_state_encode(&b, out);
	free(out);
	if (b.count > 0)
	{
		facts = malloc(b.count * sizeof(ts_fact));
		if (facts == NULL)
			abort();
		ts_builder_flatten(&b, facts);
		v.grain = (tp_grain) b.grain;
		v.n = (int32_t) b.count;
		v.facts = facts;
		out_size = ts_encoded_size(&v);
		out = malloc(out_size);
		if (out == NULL)
			abort();
		ts_encode(&v, out);
		if (ts_decode(out, out_size, &g, NULL, &n) != TS_OK ||
			n != v.n || g != v.grain)
			abort();
		free(out);
		free(facts);
	}
	ts_builder_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_series(data, size);
	check_state(data, size);
	return 0;
}
