/*
 * fuzz_series_decode.c — libFuzzer target for the binary decoders of a
 * series (recv, versions 1 and 2) and of the aggregate's state
 * (deserialize, versions 1 and 2).
 *
 * Whatever ts_decode accepts must encode back to exactly the input bytes
 * when the input is in the version the encoder picks (version 1 whenever
 * it can hold the series); a version-2 input that version 1 can hold
 * encodes to version-1 bytes that decode to the same facts and kind.
 * Whatever ts_state_decode accepts must re-encode (in version 2; to the
 * input's size when the input is version 2) to a state that decodes to
 * the same flat form, and its flat form must be a series that ts_decode
 * accepts. An accepted series is also read at the periods of its first
 * and last facts and the years and quarters they fall in: ts_read must
 * agree with ts_value, ts_base and ts_yoy, ts_has_fact_starting must find
 * the first fact, and mom, avg_growth, the sparkline and resample must
 * run without fault (what resample builds must encode and decode), and
 * readings that share a memo must equal the plain ones bit for bit. It is
 * also split into its even and odd facts, which merge (s || newer) back
 * into it either way round, as it merges with itself and with its second
 * half; the result encodes to bytes the decoder takes. Every mismatch
 * aborts; the builder's memory comes from malloc, so the leak
 * checker sees what a failed decode leaves.
 *
 * Build: clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/[a-z]*.c test/fuzz/fuzz_series_decode.c -lm
 */
#include <math.h>
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

/* The facts of a builder, encoded and decoded: a series the decoder
 * accepts, of the builder's kind. */
static void
check_built(const ts_builder *b)
{
	ts_fact    *facts;
	ts_view		v;
	uint8_t    *out;
	size_t		size;
	tp_grain	g;
	int32_t		n;

	if (b->count == 0)
		return;
	facts = malloc(b->count * sizeof(ts_fact));
	if (facts == NULL)
		abort();
	ts_builder_flatten(b, facts);
	v.grain = (tp_grain) b->grain;
	v.kind = b->kind;
	v.n = (int32_t) b->count;
	v.facts = facts;
	size = ts_encoded_size(&v);
	out = malloc(size);
	if (out == NULL)
		abort();
	ts_encode(&v, out);
	if (ts_decode(out, size, &g, NULL, &n) != TS_OK || n != v.n || g != v.grain ||
		ts_decoded_kind(out, size) != v.kind)
		abort();
	free(out);
	free(facts);
}

/* The other readers: no fault, statuses within their range. */
static void
read_more(const ts_view *v, tp_period p)
{
	double		x;
	ts_status	st;
	tp_period	last;
	int			years;

	st = ts_mom(v, p, &x);
	if (st != TS_OK && st != TS_NULL && st != TS_ENONFINITE && st != TS_EGRAIN)
		abort();
	for (years = 1; years <= 3; years++)
	{
		st = ts_avg_growth(v, p, years, &x);
		if (st != TS_OK && st != TS_NULL && st != TS_ENONFINITE && st != TS_EGRAIN)
			abort();
		if (st == TS_OK && !isfinite(x))
			abort();
	}
	if (v->kind == TS_RATIO && ts_avg_growth(v, p, 2, &x) == TS_OK)
		abort();
	last = ts_last(v);
	if (tp_grain_of(last) == v->grain)
	{
		char		buf[256];
		size_t		len;

		st = ts_sparkline(v, ts_first(v), last, buf, sizeof buf, &len);
		if (st != TS_OK && st != TS_EBUF && st != TS_EARG && st != TS_ENONFINITE)
			abort();
	}
}

static void
resample_all(const ts_view *v)
{
	int			g;

	for (g = v->grain + 1; g < TP_NGRAINS; g++)
	{
		ts_builder	b;
		ts_status	st;

		/* a series over centuries resamples slowly, not wrongly */
		if (ts_fact_period(v->grain, &v->facts[v->n - 1]) -
			ts_fact_period(v->grain, &v->facts[0]) > ((tp_period) 3660 << 25))
			return;
		ts_builder_init(&b, &heap);
		st = ts_resample(v, (tp_grain) g, &b);
		if (st == TS_OK)
		{
			if (b.count > 0 && b.kind != v->kind)
				abort();
			check_built(&b);
		}
		else if (st != TS_EGRAIN && st != TS_ENONFINITE && st != TS_ENOMEM)
			abort();
		ts_builder_free(&b);
	}
}

/* One reading with the shared memo and one without, bit for bit. */
static void
check_memo_read(const ts_view *v, tp_period p, ts_memo *m)
{
	ts_run		run;
	ts_reading	plain;
	ts_reading	memo;
	double		x = 0.0;
	double		y = 0.0;

	if (ts_resolve(v->grain, p, &run) != TS_OK)
		return;
	ts_read_run(v, &run, &plain);
	ts_read_run_memo(v, &run, m, &memo);
	if (memcmp(&plain, &memo, sizeof plain) != 0 ||
		ts_value_run(v, &run, &x) != ts_value_run_memo(v, &run, m, &y) ||
		memcmp(&x, &y, sizeof x) != 0)
		abort();
}

/*
 * As a board reads a series: each fact's period, its year to date and
 * the report before, all with one memo; and ts_count_at counts what
 * ts_find finds at each fact's unit.
 */
static void
check_memo(const ts_view *v)
{
	ts_memo		m;
	int32_t		k;

	ts_memo_init(&m);
	for (k = 0; k < v->n && k < 64; k++)
	{
		tp_period	p = ts_fact_period(v->grain, &v->facts[k]);
		tp_period	q;
		int32_t		u = v->facts[k].unit;

		check_memo_read(v, p, &m);
		if (tp_ytd(p, &q) == TP_OK)
			check_memo_read(v, q, &m);
		if (tp_previous_report(p, &q) == TP_OK)
			check_memo_read(v, q, &m);
		if (ts_count_at(v, u) != (ts_find(v, u, 0) >= 0) + (ts_find(v, u, 1) >= 0))
			abort();
	}
}

static void
read_series(const ts_view *v)
{
	tp_period	first = ts_fact_period(v->grain, &v->facts[0]);
	tp_period	last = ts_fact_period(v->grain, &v->facts[v->n - 1]);
	tp_period	y;

	check_read(v, first);
	check_read(v, last);
	read_more(v, first);
	read_more(v, last);
	if (tp_from_day(tp_start(first), TP_YEAR, &y) == TP_OK)
	{
		check_read(v, y);
		read_more(v, y);
	}
	if (tp_from_day(tp_end(last), TP_QUARTER, &y) == TP_OK)
	{
		check_read(v, y);
		read_more(v, y);
	}
	if (!ts_has_fact_starting(v, tp_start(first), tp_start(first)))
		abort();
	check_memo(v);
	resample_all(v);
}

/* a || b is want, fact for fact, and a series the decoder takes back. */
static void
check_merged(const ts_view *a, const ts_view *b, const ts_view *want)
{
	ts_fact    *out = malloc(((size_t) a->n + b->n) * sizeof(ts_fact));
	ts_view		m = *want;
	int32_t		n = -1;
	uint8_t    *bytes;
	size_t		size;
	tp_grain	g;
	int32_t		k;

	if (out == NULL || ts_merge(a, b, out, &n) != TS_OK || n != want->n ||
		memcmp(out, want->facts, (size_t) n * sizeof(ts_fact)) != 0)
		abort();
	m.facts = out;
	size = ts_encoded_size(&m);
	bytes = malloc(size);
	if (bytes == NULL)
		abort();
	ts_encode(&m, bytes);
	if (ts_decode(bytes, size, &g, NULL, &k) != TS_OK || k != n)
		abort();
	free(bytes);
	free(out);
}

static void
check_merge(const ts_view *v)
{
	ts_fact    *even = malloc((size_t) v->n * sizeof(ts_fact));
	ts_fact    *odd = malloc((size_t) v->n * sizeof(ts_fact));
	ts_view		e = *v;
	ts_view		o = *v;
	ts_view		tail = *v;
	ts_view		other = *v;
	int32_t		i;
	int32_t		n = 0;

	if (even == NULL || odd == NULL)
		abort();
	e.n = o.n = 0;
	for (i = 0; i < v->n; i++)
	{
		if (i % 2 == 0)
			even[e.n++] = v->facts[i];
		else
			odd[o.n++] = v->facts[i];
	}
	e.facts = even;
	o.facts = odd;
	check_merged(&e, &o, v);
	check_merged(&o, &e, v);
	check_merged(v, v, v);
	tail.n = v->n - v->n / 2;
	tail.facts = v->facts + v->n / 2;
	check_merged(v, &tail, v);
	/* another grain or kind is refused, and nothing is written */
	other.grain = (tp_grain) ((v->grain + 1) % TP_NGRAINS);
	if (ts_merge(v, &other, even, &n) != TS_EGRAIN || n != 0)
		abort();
	other = *v;
	other.kind = v->kind == TS_AMOUNT ? TS_RATIO : TS_AMOUNT;
	if (ts_merge(&other, v, even, &n) != TS_EKIND || n != 0)
		abort();
	free(even);
	free(odd);
}

static void
check_series(const uint8_t *data, size_t size)
{
	tp_grain	g;
	int32_t		n = 0;
	ts_fact    *facts;
	ts_view		v;
	uint8_t    *out;

	size_t		out_size;
	int32_t		i;

	if (ts_decode(data, size, &g, NULL, &n) != TS_OK)
		return;
	if (n < 1 || (size_t) n > size)
		abort();
	facts = malloc((size_t) n * sizeof(ts_fact));
	if (facts == NULL || ts_decode(data, size, &g, facts, &n) != TS_OK)
		abort();
	v.grain = g;
	v.kind = ts_decoded_kind(data, size);
	v.n = n;
	v.facts = facts;
	for (i = 0; i < n; i++)
	{
		/* the stored form is canonical: no level is 0, padding 0 */
		if (facts[i].pad != 0 || (facts[i].no_value && facts[i].value != 0.0) ||
			(!facts[i].has_growth && facts[i].growth != 0.0))
			abort();
	}
	out_size = ts_encoded_size(&v);
	out = malloc(out_size);
	if (out == NULL)
		abort();
	ts_encode(&v, out);
	if (data[0] == (ts_fits_version1(&v) ? 1 : 2))
	{
		if (out_size != size || memcmp(out, data, size) != 0)
			abort();
	}
	else
	{
		/* version 2 of what version 1 holds: written in version 1 */
		ts_fact    *again = malloc((size_t) n * sizeof(ts_fact));
		int32_t		m = 0;

		if (data[0] != 2 || out[0] != 1 || again == NULL ||
			ts_decode(out, out_size, &g, again, &m) != TS_OK || m != n ||
			ts_decoded_kind(out, out_size) != v.kind ||
			memcmp(again, facts, (size_t) n * sizeof(ts_fact)) != 0)
			abort();
		free(again);
	}
	read_series(&v);
	check_merge(&v);
	free(out);
	free(facts);
}

static void
check_state(const uint8_t *data, size_t size)
{
	ts_builder	b;
	uint8_t    *out;
	size_t		out_size;

	ts_builder_init(&b, &heap);
	if (ts_state_decode(data, size, &b) != TS_OK)
	{
		/* a failed decode leaves nothing allocated */
		if (b.slots != NULL || b.rates != NULL || b.count != 0)
			abort();
		return;
	}
	/* states are written in version 2 */
	out_size = ts_state_encoded_size(&b);
	if (data[0] == 2 && out_size != size)
		abort();
	out = malloc(out_size);
	if (out == NULL)
		abort();
	ts_state_encode(&b, out);
	if (out[0] != 2)
		abort();
	/* and what is written decodes to the same flat form */
	{
		ts_builder	again;
		ts_fact    *f1;
		ts_fact    *f2;

		ts_builder_init(&again, &heap);
		if (ts_state_decode(out, out_size, &again) != TS_OK ||
			again.count != b.count || again.grain != b.grain ||
			(b.count > 0 && again.kind != b.kind))
			abort();
		if (b.count > 0)
		{
			f1 = malloc(b.count * sizeof(ts_fact));
			f2 = malloc(b.count * sizeof(ts_fact));
			if (f1 == NULL || f2 == NULL)
				abort();
			ts_builder_flatten(&b, f1);
			ts_builder_flatten(&again, f2);
			if (memcmp(f1, f2, b.count * sizeof(ts_fact)) != 0)
				abort();
			free(f1);
			free(f2);
		}
		ts_builder_free(&again);
	}
	free(out);
	check_built(&b);
	ts_builder_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_series(data, size);
	check_state(data, size);
	return 0;
}
