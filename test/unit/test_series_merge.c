/*
 * test_series_merge.c — s || newer (ts_merge): the union of two flat
 * series by period, the newer fact replacing an older one. What the
 * series store's append relies on: merging the series of the facts a
 * statement adds into the stored series gives, byte for byte, the series
 * the aggregate builds from every fact.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "series.h"

static long alloc_live;

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
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

/* One row of the reference table: a period with a level, a rate, both. */
typedef struct row
{
	char		period[24];
	int			flags;			/* TS_ROW_* */
	double		value;
	double		growth;
} row;

/* A flat series of the rows (one per period), built by the aggregate's
 * builder: what the store holds for them. */
typedef struct flat
{
	ts_view		v;
	ts_fact    *facts;
} flat;

static flat
build(const row *rows, int n, ts_kind kind)
{
	ts_builder	b;
	flat		f;
	int			i;

	ts_builder_init(&b, &heap);
	if (ts_builder_set_kind(&b, kind) != TS_OK)
		abort();
	for (i = 0; i < n; i++)
		if (ts_builder_add(&b, P(rows[i].period), rows[i].value, rows[i].flags,
						   rows[i].growth) != TS_OK)
			abort();
	f.facts = malloc((b.count + 1) * sizeof(ts_fact));
	ts_builder_flatten(&b, f.facts);
	f.v.grain = b.grain < 0 ? TP_MONTH : (tp_grain) b.grain;
	f.v.kind = b.kind;
	f.v.n = (int32_t) b.count;
	f.v.facts = f.facts;
	ts_builder_free(&b);
	return f;
}

/* s || newer, in a malloc'd flat series. */
static ts_status
merge(const flat *s, const flat *newer, flat *out)
{
	int32_t		n = -1;
	ts_status	st;

	out->facts = malloc(((size_t) s->v.n + newer->v.n + 1) * sizeof(ts_fact));
	st = ts_merge(&s->v, &newer->v, out->facts, &n);
	out->v = s->v;
	out->v.n = n;
	out->v.facts = out->facts;
	return st;
}

static int
same(const flat *a, const flat *b)
{
	return a->v.grain == b->v.grain && a->v.kind == b->v.kind && a->v.n == b->v.n &&
		memcmp(a->facts, b->facts, (size_t) a->v.n * sizeof(ts_fact)) == 0;
}

/* The text form, for readable expectations. */
static const char *
text(const flat *f)
{
	static char buf[4096];
	size_t		len;

	if (ts_format(&f->v, buf, sizeof buf, &len) != TS_OK)
		return "(unformattable)";
	return buf;
}

static void
release(flat *f)
{
	free(f->facts);
	f->facts = NULL;
}

static row
R(const char *p, double v)
{
	row			r;

	snprintf(r.period, sizeof r.period, "%s", p);
	r.flags = 0;
	r.value = v;
	r.growth = 0.0;
	return r;
}

static row
RG(const char *p, double v, double g)
{
	row			r = R(p, v);

	r.flags = TS_ROW_GROWTH;
	r.growth = g;
	return r;
}

/* A rate alone (规上工业增加值增长8.3%). */
static row
RO(const char *p, double g)
{
	row			r = R(p, 0.0);

	r.flags = TS_ROW_GROWTH | TS_ROW_NO_VALUE;
	r.growth = g;
	return r;
}

static void
test_append_month(void)
{
	row			old[] = {R("2022-01", 100), R("2022-02", 110), RG("2022-01..02", 210, 5)};
	row			add[] = {RG("2022-03", 120, 20), R("2022-01..03", 330)};
	row			all[] = {R("2022-01", 100), R("2022-02", 110), RG("2022-01..02", 210, 5),
	RG("2022-03", 120, 20), R("2022-01..03", 330)};
	flat		s = build(old, 3, TS_AMOUNT);
	flat		n = build(add, 2, TS_AMOUNT);
	flat		want = build(all, 5, TS_AMOUNT);
	flat		got;

	CHECK_INT(merge(&s, &n, &got), TS_OK);
	CHECK(same(&got, &want));
	CHECK_STR(text(&got),
			  "{2022-01: 100, 2022-02: 110, 2022-01..02: 210 (+5%), 2022-03: 120 (+20%), 2022-01..03: 330}");
	release(&got);
	/* the order of the arguments decides only which fact wins a period */
	CHECK_INT(merge(&n, &s, &got), TS_OK);
	CHECK(same(&got, &want));
	release(&got);
	release(&s);
	release(&n);
	release(&want);
}

static void
test_newer_replaces(void)
{
	row			old[] = {R("2022-01", 100), R("2022-02", 110), R("2022-03", 120)};
	row			fix[] = {RG("2022-02", 111, 1.5), RO("2022-04", 8.3)};
	flat		s = build(old, 3, TS_AMOUNT);
	flat		n = build(fix, 2, TS_AMOUNT);
	flat		got;

	CHECK_INT(merge(&s, &n, &got), TS_OK);
	CHECK_INT(got.v.n, 4);
	/* the stored 110 is replaced, never added to: 111, not 221 */
	CHECK_STR(text(&got), "{2022-01: 100, 2022-02: 111 (+1.5%), 2022-03: 120, 2022-04: NULL (+8.3%)}");
	CHECK(!ts_fits_version1(&got.v));
	release(&got);
	/* the other way round the stored facts win */
	CHECK_INT(merge(&n, &s, &got), TS_OK);
	CHECK_STR(text(&got), "{2022-01: 100, 2022-02: 110, 2022-03: 120, 2022-04: NULL (+8.3%)}");
	release(&got);
	/* s || s is s */
	CHECK_INT(merge(&s, &s, &got), TS_OK);
	CHECK(same(&got, &s));
	release(&got);
	release(&s);
	release(&n);
}

static void
test_ratio(void)
{
	row			old[] = {R("2021-07", 97.8)};
	row			add[] = {RG("2022-07", 98.1, 0.3)};
	flat		s = build(old, 1, TS_RATIO);
	flat		n = build(add, 1, TS_RATIO);
	flat		a = build(add, 1, TS_AMOUNT);
	flat		got;

	CHECK_INT(merge(&s, &n, &got), TS_OK);
	CHECK_INT(got.v.kind, TS_RATIO);
	CHECK_STR(text(&got), "{2021-07: 97.8, 2022-07: 98.1 (+0.3pp)}/ratio");
	release(&got);
	/* kinds must match: a ratio series stays one */
	CHECK_INT(merge(&s, &a, &got), TS_EKIND);
	release(&got);
	CHECK_INT(merge(&a, &s, &got), TS_EKIND);
	release(&got);
	release(&s);
	release(&n);
	release(&a);
}

static void
test_grains(void)
{
	row			months[] = {R("2022-01", 1)};
	row			years[] = {R("2021", 12)};
	flat		m = build(months, 1, TS_AMOUNT);
	flat		y = build(years, 1, TS_AMOUNT);
	flat		got;

	CHECK_INT(merge(&m, &y, &got), TS_EGRAIN);
	release(&got);
	release(&m);
	release(&y);
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

/* A random fact for a month of 2019..2022, a unit or its year to date. */
static row
random_row(int slot, ts_kind kind)
{
	int			year = 2019 + slot / 24;
	int			month = 1 + slot % 24 / 2;
	int			ytd = slot % 2 && month > 1;
	char		p[24];
	row			r;
	double		v = (double) (rnd(100000) + 1) / 8;
	double		g = ((double) rnd(4000) - 1000) / 16;

	if (ytd)
		snprintf(p, sizeof p, "%d-01..%02d", year, month);
	else
		snprintf(p, sizeof p, "%d-%02d", year, month);
	switch (rnd(kind == TS_RATIO ? 3 : 4))
	{
		case 0:
			r = R(p, v);
			break;
		case 1:
			r = RG(p, v, g);
			break;
		case 2:
			r = RO(p, g);
			break;
		default:
			/* a published fall of 100% or more: no rate */
			r = RG(p, v, -100.0 - rnd(5));
			break;
	}
	return r;
}

/*
 * Rows of random periods split into what is stored and what a statement
 * adds, some of the added replacing stored ones (a store that missed a
 * delete): the stored series || the added one is, byte for byte, the
 * series of the stored rows that were not replaced and the added ones.
 */
static void
test_random_splits(void)
{
	int			round;

	for (round = 0; round < 2000; round++)
	{
		ts_kind		kind = round % 3 == 0 ? TS_RATIO : TS_AMOUNT;
		row			old[96];
		row			add[96];
		row			all[96];
		int			nold = 0;
		int			nadd = 0;
		int			nall = 0;
		int			slot;
		int			i;
		flat		s;
		flat		n;
		flat		want;
		flat		got;

		for (slot = 0; slot < 96; slot++)
		{
			uint32_t	where = rnd(6);

			if (slot % 2 && slot % 24 < 2)
				continue;		/* January's year to date is January */
			if (where == 0 || where == 1)
				old[nold++] = random_row(slot, kind);
			else if (where == 2)
				add[nadd++] = random_row(slot, kind);
			else if (where == 3)
			{
				/* stored, and added again with other figures */
				old[nold++] = random_row(slot, kind);
				add[nadd++] = random_row(slot, kind);
			}
		}
		if (nold == 0 || nadd == 0)
			continue;
		for (i = 0; i < nadd; i++)
			all[nall++] = add[i];
		for (i = 0; i < nold; i++)
		{
			int			j;
			int			replaced = 0;

			for (j = 0; j < nadd; j++)
				replaced |= strcmp(old[i].period, add[j].period) == 0;
			if (!replaced)
				all[nall++] = old[i];
		}
		s = build(old, nold, kind);
		n = build(add, nadd, kind);
		want = build(all, nall, kind);
		CHECK_INT(merge(&s, &n, &got), TS_OK);
		if (!same(&got, &want))
		{
			fprintf(stderr, "round %d:\n  %s\n", round, text(&got));
			fprintf(stderr, "  want %s\n", text(&want));
		}
		CHECK(same(&got, &want));
		/* what a merge writes the codec takes back */
		{
			size_t		size = ts_encoded_size(&got.v);
			uint8_t    *buf = malloc(size);
			tp_grain	g;
			int32_t		m;

			ts_encode(&got.v, buf);
			CHECK_INT(ts_decode(buf, size, &g, NULL, &m), TS_OK);
			CHECK_INT(m, got.v.n);
			CHECK_INT(ts_fits_version1(&got.v), ts_fits_version1(&want.v));
			free(buf);
		}
		release(&got);
		release(&s);
		release(&n);
		release(&want);
	}
}

int
main(void)
{
	test_append_month();
	test_newer_replaces();
	test_ratio();
	test_grains();
	test_random_splits();
	CHECK_INT(alloc_live, 0);
	return check_report("series_merge");
}
