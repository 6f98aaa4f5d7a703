/*
 * test_series_build.c — the series builder (adding rows, merging, rollup,
 * flattening), its binary forms and its text form.
 */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "series.h"

/* ---- allocators ---- */

/* Allocations left before the allocator starts failing; < 0: never. */
static long alloc_budget = -1;
static long alloc_live;

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	alloc_live++;
	return malloc(size);
}

static void
test_release(void *ctx, void *ptr)
{
	(void) ctx;
	alloc_live--;
	free(ptr);
}

static const ts_alloc heap = {test_alloc, test_release, NULL};

/* ---- helpers ---- */

static tp_period
P(const char *s)
{
	tp_period	p = -1;

	if (tp_parse(s, strlen(s), &p) != TP_OK)
	{
		fprintf(stderr, "bad period in test: %s\n", s);
		abort();
	}
	return p;
}

static void
init(ts_builder *b)
{
	ts_builder_init(b, &heap);
}

static ts_status
add(ts_builder *b, const char *p, double v)
{
	return ts_builder_add(b, P(p), v, 0, 0.0);
}

static ts_status
addg(ts_builder *b, const char *p, double v, double g)
{
	return ts_builder_add(b, P(p), v, 1, g);
}

/* The flat form in a malloc'd array (NULL when empty). */
static ts_fact *
flat(const ts_builder *b)
{
	ts_fact    *f;

	if (b->count == 0)
		return NULL;
	f = malloc(b->count * sizeof(ts_fact));
	memset(f, 0xAB, b->count * sizeof(ts_fact));
	ts_builder_flatten(b, f);
	return f;
}

static ts_view
view_of(const ts_builder *b, const ts_fact *f)
{
	ts_view		v;

	v.grain = (tp_grain) b->grain;
	v.kind = b->kind;
	v.n = (int32_t) b->count;
	v.facts = f;
	return v;
}

/* Whether two builders flatten to the same bytes. */
static int
same_flat(const ts_builder *a, const ts_builder *b)
{
	ts_fact    *fa;
	ts_fact    *fb;
	int			same;

	if (a->count != b->count || a->grain != b->grain)
		return 0;
	fa = flat(a);
	fb = flat(b);
	same = a->count == 0 || memcmp(fa, fb, a->count * sizeof(ts_fact)) == 0;
	free(fa);
	free(fb);
	return same;
}

/* A copy of b made by adding every row again is not possible; copy the
 * table through the state codec instead. */
static void
copy_builder(const ts_builder *from, ts_builder *to)
{
	size_t		n = ts_state_encoded_size(from);
	uint8_t    *buf = malloc(n);

	ts_state_encode(from, buf);
	init(to);
	if (ts_state_decode(buf, n, to) != TS_OK)
		abort();
	free(buf);
}

static int
unit_of(const char *p)
{
	return (int) tp_last_unit(P(p));
}

/* A deterministic generator, so failures reproduce. */
static uint64_t rng_state = 88172645463325252ULL;

static uint32_t
rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t) (rng_state % n);
}

/* ---- adding rows ---- */

static void
test_rows_add_up(void)
{
	ts_builder	b;
	ts_fact    *f;
	double		base;
	int			i;

	init(&b);
	CHECK_INT(b.grain, -1);
	CHECK_INT(b.count, 0);
	CHECK_INT(addg(&b, "2022-03", 100, 12.3), TS_OK);
	CHECK_INT(b.grain, TP_MONTH);
	CHECK_INT(addg(&b, "2022-03", 50, -4), TS_OK);
	CHECK_INT(addg(&b, "2022-01..03", 400, 7.5), TS_OK);
	CHECK_INT(addg(&b, "2022-02", 10, 1e-9), TS_OK);
	/* a span of one unit is that unit */
	CHECK_INT(add(&b, "2022-01..01", 7), TS_OK);
	CHECK_INT(add(&b, "2022年1月", 8), TS_OK);
	CHECK_INT(b.count, 4);
	f = flat(&b);
	CHECK_INT(f[0].unit, unit_of("2022-01"));
	CHECK_INT(f[0].cumulative, 0);
	CHECK_INT(f[0].has_growth, 0);
	CHECK(f[0].value == 15);
	CHECK(f[0].growth == 0);
	CHECK_INT(f[1].unit, unit_of("2022-02"));
	CHECK_INT(f[1].has_growth, 1);
	CHECK(f[1].growth == 1e-9);	/* a single row keeps its rate exactly */
	CHECK_INT(f[2].unit, unit_of("2022-03"));
	CHECK_INT(f[2].cumulative, 0);
	CHECK(f[2].value == 150);
	base = 100 / (1 + 12.3 / 100) + 50 / (1 - 4.0 / 100);
	CHECK_INT(f[2].has_growth, 1);
	CHECK(f[2].growth == (150 / base - 1) * 100);
	CHECK_INT(f[3].unit, unit_of("2022-03"));
	CHECK_INT(f[3].cumulative, 1);
	CHECK(f[3].value == 400);
	CHECK(f[3].growth == 7.5);
	for (i = 0; i < 4; i++)
		CHECK(f[i].no_value == 0 && f[i].pad == 0);
	free(f);

	/* rows repeating a period take the cached path: the same sums */
	CHECK_INT(add(&b, "2022-01", 1), TS_OK);
	CHECK_INT(add(&b, "2022-01", 1), TS_OK);
	CHECK_INT(add(&b, "2022-01", 1), TS_OK);
	f = flat(&b);
	CHECK(f[0].value == 18);
	free(f);
	ts_builder_free(&b);
	CHECK_INT(b.count, 0);
	CHECK(b.slots == NULL);

	/* weeks and days: cumulative from W01 and from 01-01 */
	init(&b);
	CHECK_INT(add(&b, "2022-W01..W05", 5), TS_OK);
	CHECK_INT(add(&b, "2021-W01..W52", 5), TS_OK);
	CHECK_INT(add(&b, "2020-W01..W53", 5), TS_OK);
	CHECK_INT(add(&b, "2022-W02..W05", 5), TS_ESPAN);
	CHECK_INT(add(&b, "2021-W52..2022-W01", 5), TS_ESPAN);
	CHECK_INT(b.count, 3);
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-01-01..03-01", 5), TS_OK);
	CHECK_INT(add(&b, "2022-01-02..03-01", 5), TS_ESPAN);
	CHECK_INT(add(&b, "2022-07", 5), TS_EGRAIN);
	ts_builder_free(&b);

	/* -0 is stored as +0 */
	init(&b);
	CHECK_INT(addg(&b, "2022-05", -0.0, -0.0), TS_OK);
	f = flat(&b);
	CHECK(f[0].value == 0 && !signbit(f[0].value));
	CHECK_INT(f[0].has_growth, 0);	/* no positive base */
	CHECK(!signbit(f[0].growth));
	free(f);
	ts_builder_free(&b);
}

/* Every error leaves the builder as it was, cached path or not. */
static void
test_errors_leave_builder(void)
{
	ts_builder	b;
	ts_builder	before;

	init(&b);
	CHECK_INT(addg(&b, "2022-01..07", 100, 5), TS_OK);
	CHECK_INT(add(&b, "2022-08", 10), TS_OK);
	copy_builder(&b, &before);

	CHECK_INT(add(&b, "2022-Q3", 1), TS_EGRAIN);
	CHECK_INT(add(&b, "2022", 1), TS_EGRAIN);
	CHECK_INT(add(&b, "2022-03-01", 1), TS_EGRAIN);
	CHECK_INT(add(&b, "2022-03..05", 1), TS_ESPAN);
	CHECK_INT(add(&b, "2021-11..2022-02", 1), TS_ESPAN);
	CHECK_INT(add(&b, "2021-01..2022-07", 1), TS_ESPAN);
	CHECK_INT(add(&b, "2022-09", NAN), TS_ENAN);
	CHECK_INT(add(&b, "2022-09", INFINITY), TS_ENONFINITE);
	CHECK_INT(add(&b, "2022-09", -INFINITY), TS_ENONFINITE);
	CHECK_INT(addg(&b, "2022-09", 1, NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-09", 1, INFINITY), TS_ENONFINITE);
	/* the cached period */
	CHECK_INT(add(&b, "2022-08", NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-08", 1, -INFINITY), TS_ENONFINITE);
	/* an implied base beyond the double range */
	CHECK_INT(addg(&b, "2022-09", DBL_MAX, -99.999999), TS_ENONFINITE);
	CHECK_INT(addg(&b, "2022-08", DBL_MAX, -99.999999), TS_ENONFINITE);
	/* a rate that will be ignored (<= -100) still needs a finite value */
	CHECK_INT(addg(&b, "2022-09", NAN, -200), TS_ENAN);
	/* NaN is reported before an infinity or an overflow, whichever holds it */
	CHECK_INT(addg(&b, "2022-09", INFINITY, NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-08", -INFINITY, NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-09", NAN, INFINITY), TS_ENAN);
	CHECK_INT(addg(&b, "2022-08", DBL_MAX, NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-09", INFINITY, -INFINITY), TS_ENONFINITE);
	CHECK(same_flat(&b, &before));
	CHECK_INT(b.count, 2);

	/* sums that would overflow */
	CHECK_INT(add(&b, "2022-08", DBL_MAX), TS_OK);
	ts_builder_free(&before);
	copy_builder(&b, &before);
	CHECK_INT(add(&b, "2022-08", DBL_MAX), TS_ENONFINITE);
	CHECK_INT(add(&b, "2022-07", 1), TS_OK);
	CHECK_INT(add(&b, "2022-08", DBL_MAX), TS_ENONFINITE);
	CHECK_INT(b.count, 3);
	CHECK_INT(add(&b, "2022-08", -DBL_MAX), TS_OK);

	/* a failing allocator: ENOMEM, nothing changed */
	alloc_budget = 0;
	CHECK_INT(add(&b, "2022-09", 1), TS_OK);	/* room without growing */
	CHECK_INT(b.count, 4);
	alloc_budget = -1;
	ts_builder_free(&b);
	ts_builder_free(&before);

	init(&b);
	alloc_budget = 0;
	CHECK_INT(add(&b, "2022-09", 1), TS_ENOMEM);
	CHECK_INT(b.count, 0);
	CHECK_INT(b.grain, -1);
	alloc_budget = -1;
	ts_builder_free(&b);

	/* year grain: every span of years is rejected */
	init(&b);
	CHECK_INT(add(&b, "2020..2022", 1), TS_ESPAN);
	CHECK_INT(b.grain, -1);
	CHECK_INT(add(&b, "2020", 1), TS_OK);
	CHECK_INT(add(&b, "2020..2022", 1), TS_ESPAN);
	CHECK_INT(b.count, 1);
	ts_builder_free(&b);

	/* half and quarter spans */
	init(&b);
	CHECK_INT(add(&b, "2022-H1..H2", 1), TS_OK);
	CHECK_INT(add(&b, "2021-H2..2022-H1", 1), TS_ESPAN);
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-Q1..Q3", 1), TS_OK);
	CHECK_INT(add(&b, "2022-Q2..Q3", 1), TS_ESPAN);
	ts_builder_free(&b);
}

static void
test_rates(void)
{
	ts_builder	b;
	ts_fact    *f;

	init(&b);
	/* a row without a rate leaves the period without one */
	CHECK_INT(addg(&b, "2022-01", 100, 10), TS_OK);
	CHECK_INT(add(&b, "2022-01", 100), TS_OK);
	/* a rate of -100 or less implies no base */
	CHECK_INT(addg(&b, "2022-02", 100, -100), TS_OK);
	CHECK_INT(addg(&b, "2022-03", 100, -250), TS_OK);
	CHECK_INT(addg(&b, "2022-04", 100, 10), TS_OK);
	CHECK_INT(addg(&b, "2022-04", 100, -100), TS_OK);
	/* a base that is not positive gives no rate */
	CHECK_INT(addg(&b, "2022-05", -50, 10), TS_OK);
	CHECK_INT(addg(&b, "2022-06", 0, 10), TS_OK);
	/* rates just above -100 are kept */
	CHECK_INT(addg(&b, "2022-07", 1, -99.5), TS_OK);
	/* rows cancelling out: value 0 over a positive base is -100: no rate */
	CHECK_INT(addg(&b, "2022-08", 100, 0), TS_OK);
	CHECK_INT(addg(&b, "2022-08", -100, 100), TS_OK);
	/* two rows: value / base - 1 */
	CHECK_INT(addg(&b, "2022-09", 120, 20), TS_OK);
	CHECK_INT(addg(&b, "2022-09", 300, 200), TS_OK);
	f = flat(&b);
	CHECK_INT(f[0].has_growth, 0);
	CHECK(f[0].value == 200);
	CHECK(f[0].growth == 0);
	CHECK_INT(f[1].has_growth, 0);
	CHECK_INT(f[2].has_growth, 0);
	CHECK_INT(f[3].has_growth, 0);
	CHECK_INT(f[4].has_growth, 0);
	CHECK(f[4].value == -50);
	CHECK_INT(f[5].has_growth, 0);
	CHECK_INT(f[6].has_growth, 1);
	CHECK(f[6].growth == -99.5);
	CHECK_INT(f[7].has_growth, 0);
	CHECK(f[7].value == 0);
	CHECK_INT(f[8].has_growth, 1);
	CHECK_NEAR(f[8].growth, (420.0 / 200.0 - 1) * 100, 1e-12);
	free(f);
	ts_builder_free(&b);
}

/* Thousands of distinct periods: the table grows, nothing is lost. */
static void
test_table_growth(void)
{
	ts_builder	b;
	ts_fact    *f;
	tp_period	first = P("2000-01-01");
	tp_period	p;
	int			n = 20000;
	int			i;
	int			ok = 1;

	init(&b);
	for (i = 0; i < n; i++)
	{
		/* out of order, each period twice with other periods between */
		int			k = (int) (((int64_t) i * 7919) % n);

		if (tp_shift(first, k, &p) != TP_OK ||
			ts_builder_add(&b, p, k + 1, 1, 1.0) != TS_OK ||
			ts_builder_add(&b, p, k + 1, 1, 1.0) != TS_OK)
			ok = 0;
	}
	CHECK(ok);
	CHECK_INT(b.count, n);
	CHECK(b.cap >= 4 * (uint32_t) n / 3);
	CHECK((b.cap & (b.cap - 1)) == 0);
	f = flat(&b);
	for (i = 0; i < n; i++)
	{
		if (f[i].unit != tp_first_unit(first) + i || f[i].cumulative ||
			f[i].value != 2.0 * (i + 1) || !f[i].has_growth ||
			fabs(f[i].growth - 1.0) > 1e-12)
			ok = 0;
	}
	CHECK(ok);
	free(f);
	ts_builder_free(&b);
}

/* Rows cycling through periods (many projects, the same months). */
static void
test_cycling_rows(void)
{
	ts_builder	b;
	ts_builder	before;
	ts_fact    *f;
	tp_period	periods[200];
	double		expect[200];
	int			np = 0;
	int			round;
	int			i;
	int			ok = 1;

	/* 2015..2022: every month and every year-to-date span */
	for (i = 0; i < 96; i++)
	{
		int64_t		u = 12 * 2015 + i;

		(void) tp_make(TP_MONTH, u, u, &periods[np++]);
		if (u % 12 != 0)
			(void) tp_make(TP_MONTH, u - u % 12, u, &periods[np++]);
	}
	init(&b);
	memset(expect, 0, sizeof(expect));
	for (round = 0; round < 30; round++)
		for (i = 0; i < np; i++)
		{
			int			k = (i * 7 + round) % np;

			expect[k] += 1 + (i + round) % 5;
			if (ts_builder_add(&b, periods[k], 1 + (i + round) % 5, 1, 100) != TS_OK)
				ok = 0;
		}
	CHECK(ok);
	CHECK_INT(b.count, np);
	copy_builder(&b, &before);
	/* errors for periods never seen, and for seen ones, change nothing */
	CHECK_INT(add(&b, "2016-02..04", 1), TS_ESPAN);
	CHECK_INT(add(&b, "2016-Q1", 1), TS_EGRAIN);
	CHECK_INT(add(&b, "2016-03", NAN), TS_ENAN);
	CHECK_INT(add(&b, "2016-01..03", INFINITY), TS_ENONFINITE);
	CHECK(same_flat(&b, &before));
	f = flat(&b);
	/* periods[] is in the order of the flat form */
	for (i = 0; i < np; i++)
	{
		if (f[i].unit != tp_last_unit(periods[i]) ||
			f[i].cumulative != (tp_nunits(periods[i]) > 1) ||
			f[i].value != expect[i] || !f[i].has_growth ||
			f[i].growth != 100)
			ok = 0;
	}
	CHECK(ok);
	free(f);
	ts_builder_free(&before);
	ts_builder_free(&b);
}

/* ---- merge and rollup ---- */

typedef struct row
{
	tp_period	p;
	double		value;
	int			has_growth;
	double		growth;
} row;

/* Rates whose implied bases are exact binary fractions of integers. */
static const double exact_rates[] = {0, 100, -50, 300, -75, 700};

static int
make_rows(row *rows, int n, int positive)
{
	static const char *const periods[] = {
		"2021-12", "2022-01", "2022-02", "2022-01..02", "2022-03",
		"2022-01..03", "2022-07", "2022-01..07", "2023-01", "2023-01..02"
	};
	int			i;

	for (i = 0; i < n; i++)
	{
		rows[i].p = P(periods[rnd(10)]);
		rows[i].value = (double) rnd(2001) - (positive ? -1 : 500);
		rows[i].has_growth = rnd(8) != 0;
		rows[i].growth = rows[i].has_growth ? exact_rates[rnd(6)] : 0;
	}
	return n;
}

static void
test_merge(void)
{
	row			rows[300];
	int			trial;
	int			ok_order = 1;
	int			ok_merge = 1;
	int			ok_rollup = 1;

	for (trial = 0; trial < 40; trial++)
	{
		int			positive = trial % 2;
		int			n = make_rows(rows, 1 + (int) rnd(300), positive);
		ts_builder	all;
		ts_builder	shuffled;
		ts_builder	parts[5];
		ts_builder	merged;
		ts_builder	rolled;
		int			nparts = 1 + (int) rnd(5);
		int			i;

		init(&all);
		for (i = 0; i < n; i++)
			if (ts_builder_add(&all, rows[i].p, rows[i].value,
							   rows[i].has_growth, rows[i].growth) != TS_OK)
				ok_order = 0;

		/* shuffled into one builder */
		for (i = n - 1; i > 0; i--)
		{
			int			j = (int) rnd((uint32_t) i + 1);
			row			t = rows[i];

			rows[i] = rows[j];
			rows[j] = t;
		}
		init(&shuffled);
		for (i = 0; i < n; i++)
			(void) ts_builder_add(&shuffled, rows[i].p, rows[i].value,
								  rows[i].has_growth, rows[i].growth);
		if (!same_flat(&all, &shuffled))
			ok_order = 0;

		/* split among builders, merged in a random order */
		for (i = 0; i < nparts; i++)
			init(&parts[i]);
		for (i = 0; i < n; i++)
			(void) ts_builder_add(&parts[rnd((uint32_t) nparts)], rows[i].p,
								  rows[i].value, rows[i].has_growth,
								  rows[i].growth);
		init(&merged);
		{
			int			perm[5];

			for (i = 0; i < nparts; i++)
				perm[i] = i;
			for (i = nparts - 1; i > 0; i--)
			{
				int			j = (int) rnd((uint32_t) i + 1);
				int			t = perm[i];

				perm[i] = perm[j];
				perm[j] = t;
			}
			for (i = 0; i < nparts; i++)
			{
				if (ts_builder_merge(&merged, &parts[perm[i]], NULL) != TS_OK)
					ok_merge = 0;
				if (rnd(2))
				{
					ts_builder	via;

					copy_builder(&merged, &via);
					ts_builder_free(&merged);
					merged = via;
				}
			}
		}
		if (!same_flat(&all, &merged))
			ok_merge = 0;

		/* rollup: each part finished, then added as a series */
		init(&rolled);
		for (i = 0; i < nparts; i++)
		{
			ts_fact    *f = flat(&parts[i]);
			ts_view		v = view_of(&parts[i], f);

			if (parts[i].count > 0 && ts_builder_add_series(&rolled, &v, NULL) != TS_OK)
				ok_rollup = 0;
			free(f);
		}
		/*
		 * A part's fact carries no rate where its base is not positive, so
		 * rollup matches the rows only for positive values. Rates are
		 * recomputed from the parts' rates: equal values, near rates.
		 */
		if (!positive)
			;
		else if (rolled.count != all.count)
			ok_rollup = 0;
		else if (all.count > 0)
		{
			ts_fact    *fa = flat(&all);
			ts_fact    *fr = flat(&rolled);
			uint32_t	j;

			for (j = 0; j < all.count; j++)
				if (fa[j].unit != fr[j].unit || fa[j].value != fr[j].value ||
					fa[j].has_growth != fr[j].has_growth ||
					fabs(fa[j].growth - fr[j].growth) > 1e-12 * (1 + fabs(fa[j].growth)))
					ok_rollup = 0;
			free(fa);
			free(fr);
		}

		for (i = 0; i < nparts; i++)
			ts_builder_free(&parts[i]);
		ts_builder_free(&all);
		ts_builder_free(&shuffled);
		ts_builder_free(&merged);
		ts_builder_free(&rolled);
	}
	CHECK(ok_order);
	CHECK(ok_merge);
	CHECK(ok_rollup);
}

static void
test_merge_edges(void)
{
	ts_builder	a;
	ts_builder	b;
	ts_builder	empty;
	ts_builder	before;
	ts_fact    *f;
	ts_view		v;

	init(&a);
	init(&b);
	init(&empty);
	CHECK_INT(addg(&a, "2022-01", 100, 25), TS_OK);
	CHECK_INT(addg(&b, "2022-02", 50, 10), TS_OK);
	CHECK_INT(addg(&b, "2022-01", 100, 100), TS_OK);
	CHECK_INT(ts_builder_merge(&a, &empty, NULL), TS_OK);
	CHECK_INT(ts_builder_merge(&empty, &empty, NULL), TS_OK);
	CHECK_INT(empty.grain, -1);
	CHECK_INT(ts_builder_merge(&a, &b, NULL), TS_OK);
	f = flat(&a);
	CHECK_INT(a.count, 2);
	CHECK(f[0].value == 200);
	CHECK(f[0].growth == (200.0 / (80 + 50) - 1) * 100);
	CHECK(f[1].growth == 10);	/* a slot new to `into` keeps its single rate */
	free(f);

	/* the cache still works after a merge */
	CHECK_INT(add(&a, "2022-01", 1), TS_OK);
	CHECK_INT(add(&a, "2022-01", 1), TS_OK);
	f = flat(&a);
	CHECK(f[0].value == 202);
	CHECK_INT(f[0].has_growth, 0);
	free(f);

	/* grain mismatch */
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-Q1", 1), TS_OK);
	copy_builder(&a, &before);
	CHECK_INT(ts_builder_merge(&a, &b, NULL), TS_EGRAIN);
	CHECK(same_flat(&a, &before));
	/* into an empty builder: takes the grain */
	CHECK_INT(ts_builder_merge(&empty, &b, NULL), TS_OK);
	CHECK_INT(empty.grain, TP_QUARTER);
	CHECK_INT(empty.count, 1);

	/* overflowing sums: refused, nothing changed */
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-05", 1), TS_OK);
	CHECK_INT(add(&b, "2022-01", DBL_MAX), TS_OK);
	CHECK_INT(add(&a, "2022-01", DBL_MAX), TS_OK);
	ts_builder_free(&before);
	copy_builder(&a, &before);
	CHECK_INT(ts_builder_merge(&a, &b, NULL), TS_ENONFINITE);
	CHECK(same_flat(&a, &before));
	/* the period whose sum overflows, for the message */
	{
		tp_period	where = -1;

		CHECK_INT(ts_builder_merge(&a, &b, &where), TS_ENONFINITE);
		CHECK_INT(where, P("2022-01"));
		CHECK(same_flat(&a, &before));
	}

	/* add_series: grain mismatch, then an empty series, then a good one */
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-Q1", 1), TS_OK);
	f = flat(&b);
	v = view_of(&b, f);
	CHECK_INT(ts_builder_add_series(&a, &v, NULL), TS_EGRAIN);
	CHECK(same_flat(&a, &before));
	v.n = 0;
	CHECK_INT(ts_builder_add_series(&a, &v, NULL), TS_OK);
	CHECK(same_flat(&a, &before));
	free(f);
	f = flat(&before);
	v = view_of(&before, f);
	CHECK_INT(ts_builder_add_series(&a, &v, NULL), TS_ENONFINITE);	/* DBL_MAX twice */
	CHECK(same_flat(&a, &before));
	{
		tp_period	where = -1;

		CHECK_INT(ts_builder_add_series(&a, &v, &where), TS_ENONFINITE);
		CHECK_INT(where, P("2022-01"));
	}
	free(f);

	/* ENOMEM in a merge: nothing changed */
	ts_builder_free(&b);
	init(&b);
	{
		int			i;
		char		text[32];

		for (i = 1; i <= 12; i++)
		{
			snprintf(text, sizeof(text), "2030-%02d", i);
			CHECK_INT(add(&b, text, i), TS_OK);
		}
		for (i = 1; i <= 12; i++)
		{
			snprintf(text, sizeof(text), "2031-%02d", i);
			CHECK_INT(add(&b, text, i), TS_OK);
		}
	}
	alloc_budget = 0;
	CHECK_INT(ts_builder_merge(&a, &b, NULL), TS_ENOMEM);
	f = flat(&b);
	v = view_of(&b, f);
	CHECK_INT(ts_builder_add_series(&a, &v, NULL), TS_ENOMEM);
	alloc_budget = -1;
	free(f);
	CHECK(same_flat(&a, &before));

	ts_builder_free(&a);
	ts_builder_free(&b);
	ts_builder_free(&empty);
	ts_builder_free(&before);
}

/* ---- binary forms ---- */

/* A series with every kind of fact: built, flattened, encoded. */
static uint8_t *
sample_encoding(size_t *len, ts_builder *b)
{
	ts_fact    *f;
	ts_view		v;
	uint8_t    *buf;

	init(b);
	(void) addg(b, "2022-01..02", 1234.5, 12.3);
	(void) add(b, "2022-03", 600);
	(void) add(b, "2022-01..03", 1834.5);
	(void) addg(b, "2022-01", -7.25, -2.1);	/* negative: no rate kept */
	(void) addg(b, "2023-12", 1e300, 0.5);
	f = flat(b);
	v = view_of(b, f);
	*len = ts_encoded_size(&v);
	buf = malloc(*len);
	ts_encode(&v, buf);
	free(f);
	return buf;
}

/* Whether byte i of a valid encoding is in the header or a flags byte. */
static int
is_fixed_byte(const uint8_t *enc, size_t len, size_t i)
{
	size_t		pos = 6;

	if (i < pos)
		return 1;
	while (pos < len)
	{
		if (i == pos + 4)
			return 1;
		pos += 13 + ((enc[pos + 4] & 2) ? 8 : 0);
	}
	return 0;
}

static ts_status
decode_all(const uint8_t *in, size_t len, ts_fact **out, int32_t *n,
		   tp_grain *g)
{
	ts_status	st = ts_decode(in, len, g, NULL, n);

	*out = NULL;
	if (st != TS_OK)
		return st;
	*out = malloc((size_t) *n * sizeof(ts_fact));
	return ts_decode(in, len, g, *out, n);
}

static void
test_series_codec(void)
{
	ts_builder	b;
	size_t		len;
	uint8_t    *enc = sample_encoding(&len, &b);
	uint8_t    *buf = malloc(len + 16);
	ts_fact    *f = flat(&b);
	ts_fact    *d;
	int32_t		n = 0;
	tp_grain	g = TP_DAY;
	size_t		i;
	int			ok;

	/* header, then 13 bytes per fact and 8 per rate */
	CHECK_INT(len, 6 + 5 * 13 + 2 * 8);
	CHECK_INT(enc[0], 1);
	CHECK_INT(enc[1], TP_MONTH);
	CHECK_INT(enc[2] | enc[3] | enc[4], 0);
	CHECK_INT(enc[5], 5);
	/* 2022-01 = unit 12 * 2022: big-endian */
	CHECK_INT(enc[6], 0);
	CHECK_INT(enc[7], 0);
	CHECK_INT(enc[8], (12 * 2022) >> 8);
	CHECK_INT(enc[9], (12 * 2022) & 255);
	CHECK_INT(enc[10], 0);
	CHECK_INT(enc[11], 0xC0);	/* -7.25 = 0xC01D000000000000 */
	CHECK_INT(enc[12], 0x1D);

	CHECK_INT(decode_all(enc, len, &d, &n, &g), TS_OK);
	CHECK_INT(n, 5);
	CHECK_INT(g, TP_MONTH);
	CHECK(memcmp(d, f, 5 * sizeof(ts_fact)) == 0);
	free(d);

	/* every truncation */
	ok = 1;
	for (i = 0; i < len; i++)
		if (ts_decode(enc, i, &g, NULL, &n) != TS_ECORRUPT)
			ok = 0;
	CHECK(ok);
	/* a trailing byte */
	memcpy(buf, enc, len);
	buf[len] = 0;
	CHECK_INT(ts_decode(buf, len + 1, &g, NULL, &n), TS_ECORRUPT);

	/*
	 * Every byte flipped: rejected, or (inside a number that stays valid)
	 * accepted and re-encoded to the same bytes.
	 */
	ok = 1;
	for (i = 0; i < len; i++)
	{
		ts_status	st;

		memcpy(buf, enc, len);
		buf[i] ^= 0xFF;
		st = decode_all(buf, len, &d, &n, &g);
		if (st == TS_OK)
		{
			ts_view		v;
			uint8_t    *again;

			v.grain = g;
			v.kind = TS_AMOUNT;
			v.n = n;
			v.facts = d;
			again = malloc(ts_encoded_size(&v));
			if (ts_encoded_size(&v) != len)
				ok = 0;
			else
			{
				ts_encode(&v, again);
				if (memcmp(again, buf, len) != 0)
					ok = 0;
			}
			free(again);
			/* a unit or a number may stay valid; a header or flags byte not */
			if (is_fixed_byte(enc, len, i))
				ok = 0;
		}
		else if (st != TS_ECORRUPT)
			ok = 0;
		free(d);
	}
	CHECK(ok);

#define CORRUPT_AT(off, byte) \
	do { \
		memcpy(buf, enc, len); \
		buf[off] = (byte); \
		CHECK_INT(ts_decode(buf, len, &g, NULL, &n), TS_ECORRUPT); \
	} while (0)

	CORRUPT_AT(0, 0);			/* version */
	CORRUPT_AT(0, 2);
	CORRUPT_AT(1, 6);			/* grain */
	CORRUPT_AT(1, 255);
	CORRUPT_AT(5, 0);			/* count 0 */
	CORRUPT_AT(5, 4);			/* count short: trailing bytes */
	CORRUPT_AT(5, 6);			/* count long */
	CORRUPT_AT(2, 0xFF);		/* huge counts */
	CORRUPT_AT(2, 0x7F);
	CORRUPT_AT(4, 1);
	CORRUPT_AT(10, 4);			/* flags bit 2 */
	CORRUPT_AT(10, 0x80);
	/* unit 2022-01 made cumulative: on January */
	CORRUPT_AT(10, 1);
	CORRUPT_AT(6, 0x80);		/* negative unit */
	CORRUPT_AT(6, 0x7F);		/* beyond 9999 */
	/* unsorted: the first fact moved to 2022-03, after the second */
	CORRUPT_AT(9, ((12 * 2022) & 255) + 2);
#undef CORRUPT_AT

	/* bad numbers, written through a view */
	{
		ts_fact		one;
		ts_view		v;
		uint8_t		small[32];
		static const double bad_values[] = {NAN, INFINITY, -INFINITY, -0.0};
		static const double bad_rates[] = {NAN, INFINITY, -INFINITY, -100, -1e9, -0.0};

		memset(&one, 0, sizeof(one));
		one.unit = unit_of("2022-05");
		one.value = 1;
		v.grain = TP_MONTH;
		v.kind = TS_AMOUNT;
		v.n = 1;
		v.facts = &one;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		for (i = 0; i < 4; i++)
		{
			one.value = bad_values[i];
			ts_encode(&v, small);
			CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		}
		one.value = 1;
		one.has_growth = 1;
		for (i = 0; i < 6; i++)
		{
			one.growth = bad_rates[i];
			ts_encode(&v, small);
			CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		}
		one.growth = -99.99;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);

		/* units outside the calendar: before 0001-01, after 9999-12 */
		one.unit = 11;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		one.unit = 12 * 10000;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		one.unit = 12 * 10000 - 1;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		one.unit = unit_of("2022-05");

		/* cumulative on a year's first unit, in each grain */
		one.has_growth = 0;
		one.cumulative = 1;
		one.unit = unit_of("2022-01");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		one.unit = unit_of("2022-02");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		v.grain = TP_YEAR;
		v.kind = TS_AMOUNT;
		one.unit = 2022;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		v.grain = TP_WEEK;
		v.kind = TS_AMOUNT;
		one.unit = unit_of("2022-W01");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		one.unit = unit_of("2022-W02");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		v.grain = TP_DAY;
		v.kind = TS_AMOUNT;
		one.unit = unit_of("2022-01-01");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
		one.unit = unit_of("2022-12-31");
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		CHECK_INT(g, TP_DAY);
		/* the last valid day, and one past it */
		one.cumulative = 0;
		one.unit = TP_DAY_MAX;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_OK);
		one.unit = TP_DAY_MAX + 1;
		ts_encode(&v, small);
		CHECK_INT(ts_decode(small, ts_encoded_size(&v), &g, NULL, &n), TS_ECORRUPT);
	}

	free(f);
	free(buf);
	free(enc);
	ts_builder_free(&b);
}

/* The status of decoding the encoding of facts f[0..n). */
static ts_status
encoded_status(tp_grain grain, const ts_fact *f, int32_t n)
{
	ts_view		v;
	uint8_t    *buf;
	tp_grain	g;
	int32_t		got;
	ts_status	st;

	v.grain = grain;
	v.kind = TS_AMOUNT;
	v.n = n;
	v.facts = f;
	buf = malloc(ts_encoded_size(&v));
	ts_encode(&v, buf);
	st = ts_decode(buf, ts_encoded_size(&v), &g, NULL, &got);
	free(buf);
	return st;
}

static void
test_order(void)
{
	ts_fact		f[3];

	memset(f, 0, sizeof(f));
	f[0].unit = unit_of("2022-02");
	f[1].unit = unit_of("2022-02");
	f[1].cumulative = 1;
	f[2].unit = unit_of("2022-03");
	CHECK_INT(encoded_status(TP_MONTH, f, 3), TS_OK);
	f[1].cumulative = 0;		/* the same fact twice */
	CHECK_INT(encoded_status(TP_MONTH, f, 3), TS_ECORRUPT);
	f[1].cumulative = 1;
	f[0].cumulative = 1;		/* the same cumulative fact twice */
	CHECK_INT(encoded_status(TP_MONTH, f, 3), TS_ECORRUPT);
	f[0].cumulative = 0;
	f[2].unit = unit_of("2022-01");	/* out of order */
	CHECK_INT(encoded_status(TP_MONTH, f, 3), TS_ECORRUPT);
	/* cumulative before unit within one unit */
	f[2].unit = unit_of("2022-03");
	f[0].cumulative = 1;
	f[1].cumulative = 0;
	CHECK_INT(encoded_status(TP_MONTH, f, 3), TS_ECORRUPT);
}

/* Big-endian fields into a hand-made state. */
static void
put_be(uint8_t *out, uint64_t v, int bytes)
{
	int			i;

	for (i = 0; i < bytes; i++)
		out[i] = (uint8_t) (v >> (8 * (bytes - 1 - i)));
}

static void
put_be_double(uint8_t *out, double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	put_be(out, bits, 8);
}

static void
test_state_codec(void)
{
	ts_builder	b;
	ts_builder	d;
	size_t		len;
	uint8_t    *enc;
	uint8_t    *buf;
	uint8_t    *again;
	size_t		i;
	int			ok;

	free(sample_encoding(&len, &b));
	CHECK_INT(add(&b, "2022-03", 1), TS_OK);	/* two rows, one plain */
	len = ts_state_encoded_size(&b);
	/* version 2: header of 7, then 21 bytes a slot */
	CHECK_INT(len, 7 + 21 * 5);
	enc = malloc(len);
	buf = malloc(len + 1);
	again = malloc(len);
	ts_state_encode(&b, enc);
	CHECK_INT(enc[0], 2);
	CHECK_INT(enc[1], TP_MONTH);
	CHECK_INT(enc[2], TS_AMOUNT);
	init(&d);
	CHECK_INT(ts_state_decode(enc, len, &d), TS_OK);
	CHECK(same_flat(&b, &d));
	CHECK_INT(ts_state_encoded_size(&d), len);
	/* decoding into a builder that is not empty */
	CHECK_INT(ts_state_decode(enc, len, &d), TS_EARG);
	/* the decoded table re-encodes (in its own slot order) to the same
	 * bytes when decoded again */
	ts_state_encode(&d, again);
	ts_builder_free(&d);
	init(&d);
	CHECK_INT(ts_state_decode(again, len, &d), TS_OK);
	CHECK(same_flat(&b, &d));
	/* and the decoded builder keeps adding */
	CHECK_INT(add(&d, "2022-03", 1), TS_OK);
	CHECK_INT(add(&d, "2022-04", 1), TS_OK);
	CHECK_INT(d.count, 6);
	ts_builder_free(&d);

	/* an empty builder: grain 255, count 0 */
	{
		ts_builder	e;
		uint8_t		eb[7];

		init(&e);
		CHECK_INT(ts_state_encoded_size(&e), 7);
		ts_state_encode(&e, eb);
		CHECK_INT(eb[1], 255);
		init(&d);
		CHECK_INT(ts_state_decode(eb, 7, &d), TS_OK);
		CHECK_INT(d.count, 0);
		CHECK_INT(d.grain, -1);
		eb[6] = 1;
		CHECK_INT(ts_state_decode(eb, 7, &d), TS_ECORRUPT);
	}

	ok = 1;
	for (i = 0; i < len; i++)
	{
		init(&d);
		if (ts_state_decode(enc, i, &d) != TS_ECORRUPT || d.count != 0 ||
			d.slots != NULL)
			ok = 0;
	}
	CHECK(ok);
	memcpy(buf, enc, len);
	buf[len] = 0;
	init(&d);
	CHECK_INT(ts_state_decode(buf, len + 1, &d), TS_ECORRUPT);

	/* every byte flipped: rejected, or a valid state of the same size */
	ok = 1;
	for (i = 0; i < len; i++)
	{
		ts_status	st;

		memcpy(buf, enc, len);
		buf[i] ^= 0xFF;
		init(&d);
		st = ts_state_decode(buf, len, &d);
		if (st == TS_OK)
		{
			if (ts_state_encoded_size(&d) != len)
				ok = 0;
		}
		else if (st != TS_ECORRUPT || d.slots != NULL)
			ok = 0;
		ts_builder_free(&d);
	}
	CHECK(ok);

#define STATE_CORRUPT(off, byte) \
	do { \
		memcpy(buf, enc, len); \
		buf[off] = (byte); \
		init(&d); \
		CHECK_INT(ts_state_decode(buf, len, &d), TS_ECORRUPT); \
		CHECK(d.slots == NULL && d.count == 0); \
	} while (0)

	STATE_CORRUPT(0, 3);		/* version */
	STATE_CORRUPT(0, 0);
	STATE_CORRUPT(1, 6);		/* grain */
	STATE_CORRUPT(1, 255);		/* "none" with slots */
	STATE_CORRUPT(2, 2);		/* kind */
	STATE_CORRUPT(6, 4);		/* count */
	STATE_CORRUPT(3, 0xFF);
	STATE_CORRUPT(7, 0x80);		/* negative key */
	STATE_CORRUPT(7 + 21 + 3, enc[7 + 3]);	/* duplicate key */
	STATE_CORRUPT(7 + 4, 8);	/* unknown slot flag */
	{
		static const double bad[] = {NAN, INFINITY, -INFINITY};
		int			k;
		int			field;

		/* value and rate of the second slot */
		for (field = 0; field < 2; field++)
			for (k = 0; k < 3; k++)
			{
				memcpy(buf, enc, len);
				put_be_double(buf + 7 + 21 + 5 + 8 * (size_t) field, bad[k]);
				init(&d);
				CHECK_INT(ts_state_decode(buf, len, &d), TS_ECORRUPT);
				CHECK(d.slots == NULL && d.count == 0);
			}
	}
#undef STATE_CORRUPT

	/* keys: cumulative on January, an invalid unit */
	{
		uint8_t		one[7 + 21];
		ts_builder	s;
		int64_t		key;
		int			k;

		init(&s);
		CHECK_INT(add(&s, "2022-05", 3), TS_OK);
		ts_state_encode(&s, one);
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_OK);
		ts_builder_free(&d);
		for (k = 0; k < 3; k++)
		{
			key = k == 0 ? (int64_t) unit_of("2022-01") * 2 + 1 :
				k == 1 ? 11 * 2 : (int64_t) 12 * 10000 * 2;
			put_be(one + 7, (uint64_t) key, 4);
			init(&d);
			CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_ECORRUPT);
		}
		key = (int64_t) unit_of("2022-02") * 2 + 1;
		put_be(one + 7, (uint64_t) key, 4);
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_OK);
		ts_builder_free(&d);

		/* A single row's rate must be one the builder keeps: > -100, and
		 * a base that fits. Flags 0: one row, with a rate. */
		put_be(one + 7, (uint64_t) unit_of("2022-05") * 2, 4);
		one[7 + 4] = 0;
		put_be_double(one + 7 + 5, 3.0);
		put_be_double(one + 7 + 13, -100.0);
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_ECORRUPT);
		put_be_double(one + 7 + 5, 1e308);
		put_be_double(one + 7 + 13, -99.9999);
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_ECORRUPT);
		put_be_double(one + 7 + 5, 3.0);
		put_be_double(one + 7 + 13, 50.0);
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_OK);
		ts_builder_free(&d);
		/* a ratio state holds one row a slot */
		one[2] = TS_RATIO;
		one[7 + 4] = TS_SLOT_MANY;
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_ECORRUPT);
		one[7 + 4] = 0;
		put_be_double(one + 7 + 13, -250.0);	/* points: no bound */
		init(&d);
		CHECK_INT(ts_state_decode(one, sizeof(one), &d), TS_OK);
		CHECK_INT(d.kind, TS_RATIO);
		ts_builder_free(&d);
		ts_builder_free(&s);
	}

	/*
	 * Version 1, as releases before kinds wrote it, still decodes: u8 1,
	 * grain, u32 count, then i64 key, value, base, growth, i64 nrows,
	 * nplain. Two slots: 2022-05 one row 240 at +20% (base 200); 2022-06
	 * three rows summing 300, two plain, base 80 of the third.
	 */
	{
		uint8_t		v1[6 + 2 * 48];
		ts_fact		f[2];

		memset(v1, 0, sizeof(v1));
		v1[0] = 1;
		v1[1] = TP_MONTH;
		put_be(v1 + 2, 2, 4);
		put_be(v1 + 6, (uint64_t) unit_of("2022-05") * 2, 8);
		put_be_double(v1 + 6 + 8, 240.0);
		put_be_double(v1 + 6 + 16, 200.0);
		put_be_double(v1 + 6 + 24, 20.0);
		put_be(v1 + 6 + 32, 1, 8);
		put_be(v1 + 6 + 40, 0, 8);
		put_be(v1 + 54, (uint64_t) unit_of("2022-06") * 2, 8);
		put_be_double(v1 + 54 + 8, 300.0);
		put_be_double(v1 + 54 + 16, 80.0);
		put_be_double(v1 + 54 + 24, 0.0);
		put_be(v1 + 54 + 32, 3, 8);
		put_be(v1 + 54 + 40, 2, 8);
		init(&d);
		CHECK_INT(ts_state_decode(v1, sizeof(v1), &d), TS_OK);
		CHECK_INT(d.count, 2);
		CHECK_INT(d.kind, TS_AMOUNT);
		ts_builder_flatten(&d, f);
		CHECK(f[0].value == 240.0 && f[0].has_growth && f[0].growth == 20.0);
		CHECK(f[1].value == 300.0 && !f[1].has_growth);
		/* and it adds up as the rows would: May + 60 at +20% (base 50)
		 * is 300 over 250, +20% */
		CHECK_INT(addg(&d, "2022-05", 60, 20), TS_OK);
		ts_builder_flatten(&d, f);
		CHECK(f[0].value == 300.0 && f[0].has_growth);
		CHECK_NEAR(f[0].growth, 20.0, 1e-9);
		ts_builder_free(&d);
		/* nrows 0, nplain > nrows, a single row with a rate of -100 */
		put_be(v1 + 6 + 32, 0, 8);
		init(&d);
		CHECK_INT(ts_state_decode(v1, sizeof(v1), &d), TS_ECORRUPT);
		put_be(v1 + 6 + 32, 1, 8);
		put_be(v1 + 6 + 40, 2, 8);
		init(&d);
		CHECK_INT(ts_state_decode(v1, sizeof(v1), &d), TS_ECORRUPT);
		put_be(v1 + 6 + 40, 0, 8);
		put_be_double(v1 + 6 + 24, -100.0);
		init(&d);
		CHECK_INT(ts_state_decode(v1, sizeof(v1), &d), TS_ECORRUPT);
		CHECK(d.slots == NULL && d.count == 0);
	}

	/* ENOMEM while decoding: reported, nothing left allocated */
	alloc_budget = 0;
	init(&d);
	CHECK_INT(ts_state_decode(enc, len, &d), TS_ENOMEM);
	CHECK(d.slots == NULL);
	alloc_budget = -1;

	free(again);
	free(buf);
	free(enc);
	ts_builder_free(&b);
}

/* ---- text ---- */

static void
check_number(double x, const char *want)
{
	ts_fact		f;
	ts_view		v;
	char		buf[128];
	char		expect[128];
	size_t		len;

	memset(&f, 0, sizeof(f));
	f.unit = unit_of("2022-05");
	f.value = x;
	v.grain = TP_MONTH;
	v.kind = TS_AMOUNT;
	v.n = 1;
	v.facts = &f;
	snprintf(expect, sizeof(expect), "{2022-05: %s}", want);
	CHECK_INT(ts_format(&v, buf, sizeof(buf), &len), TS_OK);
	CHECK_STR(buf, expect);
	CHECK_INT(len, strlen(expect));
}

/* format(s) parses back to s, bit for bit. */
static int
text_round_trip(const ts_builder *b, char *out, size_t cap)
{
	ts_fact    *f = flat(b);
	ts_view		v = view_of(b, f);
	size_t		len;
	ts_builder	again;
	int			ok;

	ok = ts_format(&v, out, cap, &len) == TS_OK && len == strlen(out);
	init(&again);
	ok = ok && ts_parse(out, len, &again, NULL) == TS_OK && same_flat(b, &again);
	ts_builder_free(&again);
	free(f);
	return ok;
}

static void
test_format(void)
{
	ts_builder	b;
	ts_fact    *f;
	ts_view		v;
	char		buf[512];
	size_t		len;
	size_t		need;

	check_number(0, "0");
	check_number(-0.0, "0");
	check_number(600, "600");
	check_number(1234.5, "1234.5");
	check_number(-2.5, "-2.5");
	check_number(0.1, "0.1");
	check_number(0.0001, "0.0001");
	check_number(0.00012345, "0.00012345");
	check_number(1.5e-5, "1.5e-05");
	check_number(-1.5e-5, "-1.5e-05");
	check_number(1e14, "100000000000000");
	check_number(123456789012345.6, "123456789012345.6");
	check_number(1e15, "1e+15");
	check_number(1.25e15, "1.25e+15");
	check_number(1e20, "1e+20");
	check_number(123456789012345678901.0, "1.2345678901234568e+20");
	check_number(1e100, "1e+100");
	check_number(1e-300, "1e-300");
	check_number(5e-324, "5e-324");
	check_number(DBL_MAX, "1.7976931348623157e+308");
	check_number(-DBL_MAX, "-1.7976931348623157e+308");
	check_number(0.1 + 0.2, "0.30000000000000004");
	check_number(100, "100");
	check_number(1e5, "100000");

	init(&b);
	CHECK_INT(addg(&b, "2022-01..02", 1234.5, 12.3), TS_OK);
	CHECK_INT(add(&b, "2022-03", 600), TS_OK);
	CHECK_INT(add(&b, "2022-01..03", 1834.5), TS_OK);
	CHECK_INT(addg(&b, "2022-04", 10, -2.1), TS_OK);
	CHECK_INT(addg(&b, "2022-05", 10, 0), TS_OK);
	CHECK_INT(addg(&b, "2022-06", 10, 1e-7), TS_OK);
	f = flat(&b);
	v = view_of(&b, f);
	CHECK_INT(ts_format(&v, buf, sizeof(buf), &len), TS_OK);
	CHECK_STR(buf, "{2022-01..02: 1234.5 (+12.3%), 2022-03: 600, "
			  "2022-01..03: 1834.5, 2022-04: 10 (-2.1%), 2022-05: 10 (+0%), "
			  "2022-06: 10 (+1e-07%)}");
	need = len;
	/* too small: EBUF with the length needed, an empty string */
	CHECK_INT(ts_format(&v, buf, need, &len), TS_EBUF);
	CHECK_INT(len, need);
	CHECK_STR(buf, "");
	CHECK_INT(ts_format(&v, buf, 5, &len), TS_EBUF);
	CHECK_INT(len, need);
	CHECK_INT(ts_format(&v, NULL, 0, &len), TS_EBUF);
	CHECK_INT(len, need);
	CHECK_INT(ts_format(&v, buf, need + 1, &len), TS_OK);
	CHECK_INT(len, need);
	free(f);
	CHECK(text_round_trip(&b, buf, sizeof(buf)));
	ts_builder_free(&b);

	/* other grains */
	init(&b);
	CHECK_INT(addg(&b, "2022-W01..W10", 3, 4), TS_OK);
	CHECK_INT(add(&b, "2022-W11", -3), TS_OK);
	f = flat(&b);
	v = view_of(&b, f);
	CHECK_INT(ts_format(&v, buf, sizeof(buf), &len), TS_OK);
	CHECK_STR(buf, "{2022-W01..W10: 3 (+4%), 2022-W11: -3}");
	free(f);
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(add(&b, "2022-Q1..Q3", 1e-10), TS_OK);
	CHECK_INT(add(&b, "2021-Q4", 2e22), TS_OK);
	f = flat(&b);
	v = view_of(&b, f);
	CHECK_INT(ts_format(&v, buf, sizeof(buf), &len), TS_OK);
	CHECK_STR(buf, "{2021-Q4: 2e+22, 2022-Q1..Q3: 1e-10}");
	free(f);
	ts_builder_free(&b);

	/* random values and rates round trip exactly */
	{
		int			trial;
		int			ok = 1;

		for (trial = 0; trial < 300; trial++)
		{
			int			i;
			char		big[4096];

			init(&b);
			for (i = 0; i < 12; i++)
			{
				uint64_t	bits = ((uint64_t) rnd(UINT32_MAX) << 32) | rnd(UINT32_MAX);
				double		x;
				double		g;
				tp_period	p;
				int64_t		u = 12 * 2022 + rnd(24);

				memcpy(&x, &bits, sizeof(x));
				if (!isfinite(x))
					x = (double) rnd(1000) / 7;
				g = ldexp((double) rnd(1u << 30), -(int) rnd(60)) - 50;
				if (tp_make(TP_MONTH, u, u, &p) != TP_OK ||
					(rnd(2) && tp_ytd(p, &p) != TP_OK))
					abort();
				if (ts_builder_add(&b, p, x, (int) rnd(2), g) != TS_OK)
					continue;
				/* keep every slot a single row */
				if ((b.slots[b.last_slot].tag >> TS_SLOT_SHIFT) & TS_SLOT_MANY)
				{
					ts_builder_free(&b);
					init(&b);
				}
			}
			if (b.count > 0 && !text_round_trip(&b, big, sizeof(big)))
				ok = 0;
			ts_builder_free(&b);
		}
		CHECK(ok);
	}
}

static ts_status
parse(const char *text, ts_builder *b)
{
	ts_builder_free(b);
	init(b);
	return ts_parse(text, strlen(text), b, NULL);
}

static void
test_parse(void)
{
	ts_builder	b;
	ts_builder	c;
	ts_fact    *f;
	char		buf[512];

	init(&b);
	init(&c);
	CHECK_INT(parse("{2022-01..02: 1234.5 (+12.3%), 2022-03: 600, 2022-01..03: 1834.5}", &b), TS_OK);
	CHECK_INT(b.count, 3);
	f = flat(&b);
	CHECK(f[0].value == 1234.5 && f[0].has_growth && f[0].growth == 12.3);
	CHECK(f[1].value == 600 && !f[1].has_growth);
	CHECK(f[2].value == 1834.5 && f[2].cumulative);
	free(f);
	/* any order, other period forms, whitespace everywhere */
	CHECK_INT(parse(" \t{\n2022年1-3月 :1834.5 ,2022-03:600,\r\n"
					"  2022年1-2月:\f1234.5\v( +12.3 % ) } \n", &c), TS_OK);
	CHECK(same_flat(&b, &c));
	CHECK_INT(parse("{2022-01..02:1234.5(+12.3%),2022-03:600,2022-01..03:1834.5}", &c), TS_OK);
	CHECK(same_flat(&b, &c));
	/* numbers in the forms strtod reads; denormals, as float8in takes them */
	CHECK_INT(parse("{2022-01: -.5, 2022-02: +5., 2022-03: 1E3 (-5e-1%), 2022-04: 1e-310,"
					" 2022-05: 0e-400, 2022-06: 2.5e-324 (-1e-320%)}", &b), TS_OK);
	f = flat(&b);
	CHECK(f[0].value == -0.5);
	CHECK(f[1].value == 5);
	CHECK(f[2].value == 1000 && f[2].growth == -0.5);
	CHECK(f[3].value == 1e-310);
	CHECK(f[4].value == 0 && !signbit(f[4].value));
	CHECK(f[5].value == 4.9406564584124654e-324 && f[5].has_growth &&
		  f[5].growth == -1e-320);
	free(f);
	CHECK(text_round_trip(&b, buf, sizeof(buf)));
	CHECK_INT(parse("{2022-01: -0}", &b), TS_OK);
	f = flat(&b);
	CHECK(f[0].value == 0 && !signbit(f[0].value));
	free(f);
	/* a rate just above -100 is a rate */
	CHECK_INT(parse("{2022-01: 5 (-99.999%)}", &b), TS_OK);
	f = flat(&b);
	CHECK(f[0].has_growth && f[0].growth == -99.999);
	free(f);
	CHECK(text_round_trip(&b, buf, sizeof(buf)));

	/* rejections */
	CHECK_INT(parse("", &b), TS_ESYNTAX);
	CHECK_INT(parse("   ", &b), TS_ESYNTAX);
	CHECK_INT(parse("{}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{ }", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1", &b), TS_ESYNTAX);
	CHECK_INT(parse("2022-01: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1,}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{, 2022-01: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1,, 2022-02: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 2022-02: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: }", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-13: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01:: 1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1} x", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1}}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 (+5)}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 (+5%}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 +5%)}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 (%)}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 (+5%) (+5%)}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1.2.3}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1e}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: e5}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: --1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1-}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: inf}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: -Infinity}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: nan}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 0x10}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1,5}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-01: 1 (nan%)}", &b), TS_ESYNTAX);
	/* out of float8 range, as float8in judges: underflow to 0, overflow */
	CHECK_INT(parse("{2022-01: 1e999}", &b), TS_ERANGE);
	CHECK_INT(parse("{2022-01: 1 (-1e999%)}", &b), TS_ERANGE);
	CHECK_INT(parse("{2022-01: 1e-400}", &b), TS_ERANGE);
	CHECK_INT(parse("{2022-01: -1e-400}", &b), TS_ERANGE);
	CHECK_INT(parse("{2022-01: 2e-324}", &b), TS_ERANGE);
	CHECK_INT(parse("{2022-01: 1 (1e-400%)}", &b), TS_ERANGE);
	/* published rates of -100% or less (the aggregate keeps the value) */
	CHECK_INT(parse("{2022-01: 5 (-100%)}", &b), TS_ERATE);
	CHECK_INT(parse("{2022-01: 5 (-150%)}", &b), TS_ERATE);
	CHECK_INT(parse("{2022-01: 5 (-1e308%)}", &b), TS_ERATE);
	CHECK_INT(parse("{2022-01: 1, 2022-01..01: 2}", &b), TS_EDUPLICATE);
	/* a period given twice, even when its values would overflow when added */
	CHECK_INT(parse("{2022-01: 1e308, 2022-02: 1, 2022-01: 1e308}", &b), TS_EDUPLICATE);
	CHECK_INT(parse("{2022-01: 1e308 (+5%), 2022-01: 1e308 (+5%)}", &b), TS_EDUPLICATE);
	/* a single fact whose implied base overflows */
	CHECK_INT(parse("{2022-01: 1e308 (-99.9999999%)}", &b), TS_ENONFINITE);
	CHECK_INT(parse("{2022-01: 1, 2022-02: 1, 2022年1月: 2}", &b), TS_EDUPLICATE);
	CHECK_INT(parse("{2022-01..03: 1, 2022年1-3月: 2}", &b), TS_EDUPLICATE);
	CHECK_INT(parse("{2022-01: 1, 2022-Q1: 2}", &b), TS_EGRAIN);
	CHECK_INT(parse("{2022-02..03: 1}", &b), TS_ESPAN);
	CHECK_INT(parse("{2021-12..2022-01: 1}", &b), TS_ESPAN);
	CHECK_INT(parse("{2020..2022: 1}", &b), TS_ESPAN);
	/* a NUL inside the text is not whitespace */
	CHECK_INT(parse("", &b), TS_ESYNTAX);
	CHECK_INT(ts_parse("{2022-01: 1}\0", 13, &b, NULL), TS_ESYNTAX);
	CHECK_INT(parse("", &b), TS_ESYNTAX);
	CHECK_INT(ts_parse("{2022-01: 1}xyz", 12, &b, NULL), TS_OK);
	/* an over-long number token */
	{
		char		longnum[600];

		memset(longnum, '0', sizeof(longnum));
		memcpy(longnum, "{2022-01: ", 10);
		memcpy(longnum + sizeof(longnum) - 2, "}", 2);
		CHECK_INT(parse(longnum, &b), TS_ESYNTAX);
		longnum[10 + 390] = '}';
		longnum[10 + 391] = '\0';
		CHECK_INT(parse(longnum, &b), TS_OK);
	}

	ts_builder_free(&b);
	ts_builder_free(&c);
}

/* Where ts_parse says the text went wrong. */
static ts_status
parse_where(const char *text, const char **tok, const char **item)
{
	static char tokbuf[64];
	static char itembuf[64];
	ts_builder	b;
	dt_error	e;
	ts_status	st;

	init(&b);
	memset(&e, 0xff, sizeof(e));
	st = ts_parse(text, strlen(text), &b, &e);
	ts_builder_free(&b);
	tokbuf[0] = itembuf[0] = '\0';
	if (st != TS_OK && e.pos <= strlen(text) && e.len < sizeof(tokbuf) &&
		e.item_len < sizeof(itembuf) && e.pos + e.len <= strlen(text) &&
		e.item_pos + e.item_len <= strlen(text))
	{
		/* pos marks a place even when len is 0: show what stands there */
		snprintf(tokbuf, sizeof(tokbuf), "%zu:%.*s", e.pos, (int) e.len, text + e.pos);
		snprintf(itembuf, sizeof(itembuf), "%.*s", (int) e.item_len, text + e.item_pos);
	}
	*tok = tokbuf;
	*item = itembuf;
	return st;
}

static void
test_parse_errors_where(void)
{
	const char *tok;
	const char *item;

	/* the number as written, and the period it belongs to */
	CHECK_INT(parse_where("{2022-07: 1e-400}", &tok, &item), TS_ERANGE);
	CHECK_STR(tok, "10:1e-400");
	CHECK_STR(item, "2022-07");
	CHECK_INT(parse_where("{2022-06: 1, 2022年7月 :  5 ( +1E999 %)}", &tok, &item), TS_ERANGE);
	CHECK_STR(tok, "32:+1E999");
	CHECK_STR(item, "2022年7月");
	/* the rate, and its period */
	CHECK_INT(parse_where("{ 2022-07 : 100 (-100%)}", &tok, &item), TS_ERATE);
	CHECK_STR(tok, "17:-100");
	CHECK_STR(item, "2022-07");
	/* faults of a fact as a whole: the period */
	CHECK_INT(parse_where("{2022-01: 1, 2022-02..03: 1}", &tok, &item), TS_ESPAN);
	CHECK_STR(tok, "13:2022-02..03");
	CHECK_INT(parse_where("{2022-01: 1, 2022年1月: 2}", &tok, &item), TS_EDUPLICATE);
	CHECK_STR(tok, "13:2022年1月");
	CHECK_INT(parse_where("{2022-01: 1, 2022-Q1: 2}", &tok, &item), TS_EGRAIN);
	CHECK_STR(tok, "13:2022-Q1");
	/* malformed text: where it went wrong, belonging to no fact after } */
	CHECK_INT(parse_where("{2022-01: 1 2022-02: 1}", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "12:");
	CHECK_INT(parse_where("{2022-01: 1} x", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "13:");
	CHECK_STR(item, "");
	CHECK_INT(parse_where("{2022-01: 1 (+5%}", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "16:");
	CHECK_INT(parse_where("{2022-01: x}", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "10:");
	CHECK_INT(parse_where("", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "0:");
}


/* ---- what a fact can be, and kinds ---- */

/* A row without a level, with or without a rate. */
static ts_status
addr(ts_builder *b, const char *p, double g)
{
	return ts_builder_add(b, P(p), 0.0, TS_ROW_NO_VALUE | TS_ROW_GROWTH, g);
}

static ts_status
addn(ts_builder *b, const char *p)
{
	return ts_builder_add(b, P(p), 0.0, TS_ROW_NO_VALUE, 0.0);
}

/* The one fact of b for period p (which must be there). */
static ts_fact
fact_of(const ts_builder *b, const char *p)
{
	ts_fact    *f = flat(b);
	ts_fact		x;
	uint32_t	i;

	memset(&x, 0xAB, sizeof x);
	for (i = 0; i < b->count; i++)
	{
		if (ts_fact_period((tp_grain) b->grain, &f[i]) == P(p))
			x = f[i];
	}
	free(f);
	return x;
}

#define IS_RATE_ONLY(f, g) ((f).no_value == 1 && (f).value == 0.0 && (f).has_growth == 1 && (f).growth == (g))
#define IS_NEITHER(f) ((f).no_value == 1 && (f).value == 0.0 && (f).has_growth == 0 && (f).growth == 0.0)

static void
test_rows_without_level(void)
{
	ts_builder	b;
	ts_builder	c;
	ts_fact		f;

	/* One row without a level keeps its rate. */
	init(&b);
	CHECK_INT(addr(&b, "2022-07", 8.3), TS_OK);
	f = fact_of(&b, "2022-07");
	CHECK(IS_RATE_ONLY(f, 8.3));
	CHECK(f.pad == 0);
	/* a second row of the period, with a level: neither */
	CHECK_INT(addg(&b, "2022-07", 100, 5), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-07")));
	/* and whatever comes after */
	CHECK_INT(add(&b, "2022-07", 1), TS_OK);
	CHECK_INT(addr(&b, "2022-07", 2), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-07")));
	CHECK_INT(b.count, 1);

	/* the other order, and two rate-only rows */
	CHECK_INT(add(&b, "2022-08", 100), TS_OK);
	CHECK_INT(addr(&b, "2022-08", 5), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-08")));
	CHECK_INT(addr(&b, "2022-09", 5), TS_OK);
	CHECK_INT(addr(&b, "2022-09", 5), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-09")));
	/* a rate of -100% or less is no rate: with no level, neither */
	CHECK_INT(addr(&b, "2022-10", -100), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-10")));
	/* a row with neither value nor rate (rollup passes such facts) */
	CHECK_INT(addn(&b, "2022-11"), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-11")));
	/* the rate of a row without a level has no -0 */
	CHECK_INT(addr(&b, "2022-12", -0.0), TS_OK);
	f = fact_of(&b, "2022-12");
	CHECK(IS_RATE_ONLY(f, 0.0) && !signbit(f.growth));
	/* NaN and infinities of a rate without a level */
	CHECK_INT(addr(&b, "2022-07", NAN), TS_ENAN);
	CHECK_INT(addr(&b, "2023-01", INFINITY), TS_ENONFINITE);
	CHECK_INT(addr(&b, "2023-01", -INFINITY), TS_ENONFINITE);
	CHECK_INT(b.count, 6);
	ts_builder_free(&b);

	/* Levels of a period with a rate-only row still add up, so a sum that
	 * overflows is an error in every order. */
	init(&b);
	CHECK_INT(addr(&b, "2022-07", 3), TS_OK);
	CHECK_INT(add(&b, "2022-07", 1e308), TS_OK);
	CHECK_INT(add(&b, "2022-07", 1e308), TS_ENONFINITE);
	ts_builder_free(&b);

	/* A row at +0%: its base is its value, also once a second row
	 * arrives (no rates array was needed for a rate of 0): 100 at 0% and
	 * 100 at 0% is 200 at 0%; and 100 at 0% plus 60 at +50% is 160 over
	 * 100 + 40: +14.2857%. */
	init(&b);
	CHECK_INT(addg(&b, "2022-05", 100, 0), TS_OK);
	CHECK_INT(addg(&b, "2022-05", 100, 0), TS_OK);
	f = fact_of(&b, "2022-05");
	CHECK(f.value == 200 && f.has_growth && f.growth == 0.0);
	CHECK_INT(addg(&b, "2022-06", 100, 0), TS_OK);
	CHECK_INT(addg(&b, "2022-06", 60, 50), TS_OK);
	f = fact_of(&b, "2022-06");
	CHECK(f.value == 160 && f.has_growth);
	CHECK_NEAR(f.growth, (160.0 / 140.0 - 1) * 100, 1e-9);
	/* a plain row after one at 0%: the level adds, no rate */
	CHECK_INT(addg(&b, "2022-07", 100, 0), TS_OK);
	CHECK_INT(add(&b, "2022-07", 50), TS_OK);
	f = fact_of(&b, "2022-07");
	CHECK(f.value == 150 && !f.has_growth);
	/* merged: a slot at 0% from each side */
	init(&c);
	CHECK_INT(addg(&c, "2022-08", 100, 0), TS_OK);
	CHECK_INT(addg(&b, "2022-08", 60, 50), TS_OK);
	CHECK_INT(ts_builder_merge(&c, &b, NULL), TS_OK);
	f = fact_of(&c, "2022-08");
	CHECK(f.value == 160);
	CHECK_NEAR(f.growth, (160.0 / 140.0 - 1) * 100, 1e-9);
	ts_builder_free(&c);
	ts_builder_free(&b);

	/* Merging states: a rate-only slot meets a slot with a level. */
	init(&b);
	init(&c);
	CHECK_INT(addr(&b, "2022-07", 8.3), TS_OK);
	CHECK_INT(addr(&b, "2022-08", 1), TS_OK);
	CHECK_INT(addg(&c, "2022-07", 100, 5), TS_OK);
	CHECK_INT(ts_builder_merge(&c, &b, NULL), TS_OK);
	CHECK(IS_NEITHER(fact_of(&c, "2022-07")));
	CHECK(IS_RATE_ONLY(fact_of(&c, "2022-08"), 1.0));
	ts_builder_free(&b);
	ts_builder_free(&c);
}

static void
test_rollup_without_level(void)
{
	ts_builder	b;
	ts_builder	one;
	ts_fact    *f;
	ts_view		v;
	tp_period	where = 0;

	/* One district rate-only for July and 1-7月, another with a level
	 * for July: July has neither; 1-7月, a single input, keeps its rate;
	 * a fact with neither stays one. */
	init(&one);
	CHECK_INT(addr(&one, "2022-07", 9.1), TS_OK);
	CHECK_INT(addr(&one, "2022-01..07", 8.3), TS_OK);
	CHECK_INT(addr(&one, "2022-08", 1), TS_OK);
	CHECK_INT(addr(&one, "2022-08", 2), TS_OK);
	f = flat(&one);
	v = view_of(&one, f);
	init(&b);
	CHECK_INT(addg(&b, "2022-07", 300, 9.5), TS_OK);
	CHECK_INT(ts_builder_add_series(&b, &v, &where), TS_OK);
	CHECK(IS_NEITHER(fact_of(&b, "2022-07")));
	CHECK(IS_RATE_ONLY(fact_of(&b, "2022-01..07"), 8.3));
	CHECK(IS_NEITHER(fact_of(&b, "2022-08")));
	/* rollup of a series into an empty builder is that series */
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(ts_builder_add_series(&b, &v, &where), TS_OK);
	CHECK(same_flat(&b, &one));

	/* A ratio series is never added: TS_ERATIO naming its first fact;
	 * nor is an amount series into a ratio builder. */
	v.kind = TS_RATIO;
	where = 0;
	CHECK_INT(ts_builder_add_series(&b, &v, &where), TS_ERATIO);
	CHECK(where == P("2022-07"));
	v.kind = TS_AMOUNT;
	ts_builder_free(&b);
	init(&b);
	CHECK_INT(ts_builder_set_kind(&b, TS_RATIO), TS_OK);
	CHECK_INT(add(&b, "2022-01", 1), TS_OK);
	CHECK_INT(ts_builder_add_series(&b, &v, &where), TS_EKIND);
	CHECK_INT(b.count, 1);
	ts_builder_free(&b);
	free(f);
	ts_builder_free(&one);
}

static void
test_ratio_rows(void)
{
	ts_builder	b;
	ts_builder	c;
	ts_fact		f;
	tp_period	where = 0;

	init(&b);
	CHECK_INT(ts_builder_set_kind(&b, TS_RATIO), TS_OK);
	CHECK_INT(addg(&b, "2022-07", 98.1, 0.3), TS_OK);
	/* any period twice: ratios cannot be added; the builder unchanged */
	CHECK_INT(add(&b, "2022-07", 97), TS_ERATIO);
	CHECK_INT(addg(&b, "2022-07", 97, 1), TS_ERATIO);
	CHECK_INT(addr(&b, "2022-07", 1), TS_ERATIO);
	/* the row's own faults first */
	CHECK_INT(add(&b, "2022-07", NAN), TS_ENAN);
	CHECK_INT(addg(&b, "2022-07", 1, INFINITY), TS_ENONFINITE);
	CHECK_INT(b.count, 1);
	f = fact_of(&b, "2022-07");
	CHECK(f.value == 98.1 && f.has_growth && f.growth == 0.3 && !f.no_value);
	/* changes of any size, a change without a level, a level without */
	CHECK_INT(addg(&b, "2022-08", 40, -150), TS_OK);
	CHECK_INT(addr(&b, "2022-09", -0.1), TS_OK);
	CHECK_INT(add(&b, "2022-10", -0.0), TS_OK);
	CHECK_INT(addn(&b, "2022-11"), TS_OK);
	CHECK(fact_of(&b, "2022-08").growth == -150);
	CHECK(IS_RATE_ONLY(fact_of(&b, "2022-09"), -0.1));
	f = fact_of(&b, "2022-10");
	CHECK(f.value == 0.0 && !signbit(f.value) && !f.has_growth);
	CHECK(IS_NEITHER(fact_of(&b, "2022-11")));
	/* the cumulative fact and the unit are different periods */
	CHECK_INT(add(&b, "2022-01..07", 97.9), TS_OK);
	CHECK_INT(b.count, 6);
	/* the kind is fixed by the rows */
	CHECK_INT(ts_builder_set_kind(&b, TS_AMOUNT), TS_EKIND);
	CHECK_INT(ts_builder_set_kind(&b, TS_RATIO), TS_OK);

	/* Merging ratio states: disjoint periods, then one in both. */
	init(&c);
	CHECK_INT(ts_builder_set_kind(&c, TS_RATIO), TS_OK);
	CHECK_INT(add(&c, "2022-06", 98.4), TS_OK);
	CHECK_INT(ts_builder_merge(&b, &c, &where), TS_OK);
	CHECK_INT(b.count, 7);
	CHECK_INT(b.kind, TS_RATIO);
	CHECK_INT(ts_builder_merge(&b, &c, &where), TS_ERATIO);
	CHECK(where == P("2022-06"));
	CHECK_INT(b.count, 7);
	/* a ratio state into an empty builder makes it a ratio builder */
	ts_builder_free(&c);
	init(&c);
	CHECK_INT(ts_builder_merge(&c, &b, &where), TS_OK);
	CHECK_INT(c.kind, TS_RATIO);
	CHECK(same_flat(&b, &c));
	/* an amount state and a ratio state do not combine */
	ts_builder_free(&c);
	init(&c);
	CHECK_INT(add(&c, "2023-01", 1), TS_OK);
	CHECK_INT(ts_builder_merge(&b, &c, &where), TS_EKIND);
	CHECK_INT(ts_builder_merge(&c, &b, &where), TS_EKIND);
	ts_builder_free(&c);
	/* the state codec carries the kind */
	copy_builder(&b, &c);
	CHECK_INT(c.kind, TS_RATIO);
	CHECK(same_flat(&b, &c));
	CHECK_INT(add(&c, "2022-07", 1), TS_ERATIO);
	ts_builder_free(&c);
	ts_builder_free(&b);

	/* An empty builder takes any kind; amount is the default. */
	init(&b);
	CHECK_INT(b.kind, TS_AMOUNT);
	CHECK_INT(ts_builder_set_kind(&b, TS_RATIO), TS_OK);
	CHECK_INT(ts_builder_set_kind(&b, TS_AMOUNT), TS_OK);
	CHECK_INT(add(&b, "2022-07", 1), TS_OK);
	CHECK_INT(add(&b, "2022-07", 1), TS_OK);
	CHECK_INT(ts_builder_set_kind(&b, TS_RATIO), TS_EKIND);
	ts_builder_free(&b);

	/* kind names */
	{
		ts_kind		k = TS_AMOUNT;

		CHECK_INT(ts_parse_kind("ratio", 5, &k), TS_OK);
		CHECK_INT(k, TS_RATIO);
		CHECK_INT(ts_parse_kind("amount", 6, &k), TS_OK);
		CHECK_INT(k, TS_AMOUNT);
		CHECK_INT(ts_parse_kind("Ratio", 5, &k), TS_EKIND);
		CHECK_INT(ts_parse_kind("ratios", 6, &k), TS_EKIND);
		CHECK_INT(ts_parse_kind("rati", 4, &k), TS_EKIND);
		CHECK_INT(ts_parse_kind("", 0, &k), TS_EKIND);
		CHECK_STR(ts_kind_name(TS_RATIO), "ratio");
		CHECK_STR(ts_kind_name(TS_AMOUNT), "amount");
	}
}

/* Encode facts of that kind; decode again; the bytes and the facts. */
static void
check_codec(ts_kind kind, const ts_fact *facts, int32_t n, int want_version,
			size_t want_len)
{
	ts_view		v;
	uint8_t		buf[512];
	ts_fact		back[16];
	tp_grain	g = TP_DAY;
	int32_t		m = 0;
	size_t		len;
	size_t		i;
	int			ok = 1;

	v.grain = TP_MONTH;
	v.kind = kind;
	v.n = n;
	v.facts = facts;
	len = ts_encoded_size(&v);
	CHECK_INT(len, want_len);
	CHECK_INT(ts_fits_version1(&v), want_version == 1);
	ts_encode(&v, buf);
	CHECK_INT(buf[0], want_version);
	CHECK_INT(ts_decode(buf, len, &g, back, &m), TS_OK);
	CHECK_INT(m, n);
	CHECK_INT(g, TP_MONTH);
	CHECK_INT(ts_decoded_kind(buf, len), kind);
	CHECK(memcmp(back, facts, (size_t) n * sizeof(ts_fact)) == 0);
	/* every shorter prefix and one more byte are refused */
	for (i = 0; i < len; i++)
		if (ts_decode(buf, i, &g, NULL, &m) != TS_ECORRUPT)
			ok = 0;
	buf[len] = 0;
	if (ts_decode(buf, len + 1, &g, NULL, &m) != TS_ECORRUPT)
		ok = 0;
	CHECK(ok);
}

static ts_fact
mkfact(const char *p, double value, int no_value, int has_growth, double growth)
{
	ts_fact		f;
	int32_t		key = ts_period_key(P(p));

	memset(&f, 0, sizeof f);
	f.unit = key / 2;
	f.cumulative = (uint8_t) (key % 2);
	f.no_value = (uint8_t) no_value;
	f.has_growth = (uint8_t) has_growth;
	f.value = value;
	f.growth = growth;
	return f;
}

static void
test_codec_v2(void)
{
	ts_fact		f[4];
	uint8_t		bytes[64];
	tp_grain	g;
	int32_t		n;

	/* Version 1 for an amount with levels: header 6, 13 a fact, 8 a rate. */
	f[0] = mkfact("2022-06", 120, 0, 0, 0);
	f[1] = mkfact("2022-07", 130, 0, 1, 8.3);
	check_codec(TS_AMOUNT, f, 2, 1, 6 + 13 + 13 + 8);
	/* Version 2 as soon as a fact has no level: header 7, 5 a fact, 8 a
	 * level, 8 a rate. */
	f[1] = mkfact("2022-07", 0, 1, 1, 8.3);
	f[2] = mkfact("2022-08", 0, 1, 0, 0);
	check_codec(TS_AMOUNT, f, 3, 2, 7 + (5 + 8) + (5 + 8) + 5);
	/* or for any ratio series; changes in points have no -100 bound */
	f[0] = mkfact("2022-06", 98.4, 0, 0, 0);
	f[1] = mkfact("2022-07", 98.1, 0, 1, 0.3);
	f[2] = mkfact("2022-01..07", 40, 0, 1, -150);
	check_codec(TS_RATIO, f, 3, 2, 7 + (5 + 8) + (5 + 16) + (5 + 16));
	check_codec(TS_RATIO, f, 1, 2, 7 + 5 + 8);

	/* A version-1-representable series sent in version 2 decodes (and
	 * encodes back in version 1). */
	{
		static const uint8_t v2_of_v1[] = {
			0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
			0x00, 0x00, 0x5e, 0xca, 0x00,
			0x40, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		};
		ts_fact		back[1];
		ts_view		v;
		uint8_t		out[32];

		CHECK_INT(ts_decode(v2_of_v1, sizeof v2_of_v1, &g, back, &n), TS_OK);
		CHECK(back[0].value == 5.0 && !back[0].no_value);
		v.grain = g;
		v.kind = ts_decoded_kind(v2_of_v1, sizeof v2_of_v1);
		v.n = n;
		v.facts = back;
		CHECK_INT(ts_encoded_size(&v), 6 + 13);
		ts_encode(&v, out);
		CHECK_INT(out[0], 1);
	}

	/* Faults of version 2: the base is {2022-07: NULL (+8.3%)}. */
	{
		static const uint8_t good[] = {
			0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
			0x00, 0x00, 0x5e, 0xce, 0x06,
			0x40, 0x20, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a,
		};

#define V2_CORRUPT(off, byte) \
		do { \
			memcpy(bytes, good, sizeof good); \
			bytes[off] = (byte); \
			CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT); \
		} while (0)

		memcpy(bytes, good, sizeof good);
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_OK);
		V2_CORRUPT(0, 3);		/* version */
		V2_CORRUPT(1, 6);		/* grain */
		V2_CORRUPT(2, 2);		/* kind */
		V2_CORRUPT(6, 2);		/* count */
		V2_CORRUPT(11, 0x0e);	/* an unknown flag */
		V2_CORRUPT(11, 0x04);	/* no rate: eight bytes too many */
		V2_CORRUPT(11, 0x02);	/* a level: eight bytes too few */
		/* 1-7月 rate-only is a fact; 1-1月 is not (January is a unit) */
		memcpy(bytes, good, sizeof good);
		bytes[11] = 0x07;
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_OK);
		bytes[10] = 0xc8;		/* unit 0x5ec8: 2022-01 */
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		/* a rate of -8.3% */
		memcpy(bytes, good, sizeof good);
		bytes[12] = 0xc0;
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_OK);
		/* -100% for an amount; -0; NaN */
		memcpy(bytes, good, sizeof good);
		memcpy(bytes + 12, "\xc0\x59\x00\x00\x00\x00\x00\x00", 8);
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		/* as the change of a ratio, -100 points is fine */
		bytes[2] = 1;
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_OK);
		CHECK_INT(ts_decoded_kind(bytes, sizeof good), TS_RATIO);
		memcpy(bytes + 12, "\x80\x00\x00\x00\x00\x00\x00\x00", 8);
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		memcpy(bytes + 12, "\x7f\xf8\x00\x00\x00\x00\x00\x00", 8);
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		memcpy(bytes + 12, "\x7f\xf0\x00\x00\x00\x00\x00\x00", 8);
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		/* version 1 knows no flag 4 */
		memcpy(bytes, good, sizeof good);
		bytes[0] = 1;
		CHECK_INT(ts_decode(bytes, sizeof good, &g, NULL, &n), TS_ECORRUPT);
		/* a short header */
		CHECK_INT(ts_decode(good, 6, &g, NULL, &n), TS_ECORRUPT);
#undef V2_CORRUPT
	}
}

static void
test_text_kinds(void)
{
	ts_builder	b;
	char		buf[256];
	const char *tok;
	const char *item;
	size_t		len;

	init(&b);
	/* rate-only facts and facts with neither */
	CHECK_INT(parse("{2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}", &b), TS_OK);
	CHECK(IS_RATE_ONLY(fact_of(&b, "2022-07"), 8.3));
	CHECK(IS_NEITHER(fact_of(&b, "2022-08")));
	CHECK(text_round_trip(&b, buf, sizeof buf));
	CHECK_STR(buf, "{2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}");
	/* NULL in any case, spaces anywhere, an explicit /amount */
	CHECK_INT(parse(" { 2022-07 :null( +8.3 % ) ,2022-08:Null } / amount ", &b), TS_OK);
	CHECK(text_round_trip(&b, buf, sizeof buf));
	CHECK_STR(buf, "{2022-07: NULL (+8.3%), 2022-08: NULL}");
	CHECK_INT(b.kind, TS_AMOUNT);
	/* ratio series: changes in points, the kind after the braces */
	CHECK_INT(parse("{2022-06: 97.8, 2022-07: 98.1 (+0.3pp), 2022-08: NULL (-0.1pp),"
					" 2022-01..08: 40 (-150pp)}/ratio", &b), TS_OK);
	CHECK_INT(b.kind, TS_RATIO);
	CHECK(text_round_trip(&b, buf, sizeof buf));
	CHECK_STR(buf, "{2022-06: 97.8, 2022-07: 98.1 (+0.3pp), 2022-08: NULL (-0.1pp),"
			  " 2022-01..08: 40 (-150pp)}/ratio");
	CHECK_INT(parse("{2022-07: 98.1 ( +0 pp )} /ratio", &b), TS_OK);
	CHECK(text_round_trip(&b, buf, sizeof buf));
	CHECK_STR(buf, "{2022-07: 98.1 (+0pp)}/ratio");
	CHECK_INT(parse("{2022-07: NULL}/ratio", &b), TS_OK);
	CHECK(text_round_trip(&b, buf, sizeof buf));
	CHECK_STR(buf, "{2022-07: NULL}/ratio");
	/* the short-buffer protocol counts the suffix */
	{
		ts_fact    *f = flat(&b);
		ts_view		v = view_of(&b, f);

		v.kind = TS_RATIO;
		CHECK_INT(ts_format(&v, buf, 21, &len), TS_EBUF);
		CHECK_INT(len, 21);
		CHECK_INT(ts_format(&v, buf, 22, &len), TS_OK);
		free(f);
	}

	/* errors */
	CHECK_INT(parse("{2022-07: 98.1 (+0.3%)}/ratio", &b), TS_EUNIT);
	CHECK_INT(parse("{2022-07: 98.1 (+0.3pp)}", &b), TS_EUNIT);
	CHECK_INT(parse("{2022-07: 98.1 (+0.3pp)}/amount", &b), TS_EUNIT);
	CHECK_INT(parse("{2022-07: 98.1 (+0.3p)}/ratio", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1 (+0.3PP)}/ratio", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1 (+0.3ppx)}/ratio", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1}/rate", &b), TS_EKIND);
	CHECK_INT(parse("{2022-07: 98.1}/Ratio", &b), TS_EKIND);
	CHECK_INT(parse("{2022-07: 98.1}/", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1}/ratio x", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1}/ratio}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1}/ratio/ratio", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: 98.1}ratio", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: NULLS}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: NUL}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: NULL1}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: NULL (+1%)(+1%)}", &b), TS_ESYNTAX);
	CHECK_INT(parse("{2022-07: NULL (-100%)}", &b), TS_ERATE);
	CHECK_INT(parse("{2022-07: NULL, 2022-07: 5}", &b), TS_EDUPLICATE);
	CHECK_INT(parse("{2022-07: 5 (+1pp), 2022-07: 5}/ratio", &b), TS_EDUPLICATE);
	CHECK_INT(parse("{2022-07: 1 (+1e999pp)}/ratio", &b), TS_ERANGE);
	/* where: the unit and its period; the kind */
	CHECK_INT(parse_where("{2022-06: 1, 2022-07: 98.1 (+0.3 %)}/ratio", &tok, &item), TS_EUNIT);
	CHECK_STR(tok, "33:%");
	CHECK_STR(item, "2022-07");
	CHECK_INT(parse_where("{2022-07: 98.1 (+0.3pp)}", &tok, &item), TS_EUNIT);
	CHECK_STR(tok, "20:pp");
	CHECK_INT(parse_where("{2022-07: 98.1}/ rate", &tok, &item), TS_EKIND);
	CHECK_STR(tok, "17:rate");
	CHECK_INT(parse_where("{2022-07: NULLS}", &tok, &item), TS_ESYNTAX);
	CHECK_STR(tok, "10:");
	ts_builder_free(&b);
}

int
main(void)
{
	test_rows_add_up();
	test_errors_leave_builder();
	test_rates();
	test_table_growth();
	test_cycling_rows();
	test_merge();
	test_merge_edges();
	test_series_codec();
	test_order();
	test_state_codec();
	test_format();
	test_parse();
	test_parse_errors_where();
	test_rows_without_level();
	test_rollup_without_level();
	test_ratio_rows();
	test_codec_v2();
	test_text_kinds();
	CHECK_INT(alloc_live, 0);
	return check_report("series_build");
}
