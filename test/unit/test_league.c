/*
 * test_league.c — unit tests of src/core/league_*.c.
 *
 * Hand-checked rankings in both directions with every method, rounding
 * ties, leaders, gaps, top/bottom lists, mean and median, rank changes,
 * the building errors; a randomized check of every reader against naive
 * O(n^2) definitions; merge against one builder; the binary form's round
 * trip and rejections; the text form's round trip and errors.
 */
#include "league.h"
#include "rates.h"
#include "check.h"

#include <float.h>
#include <stdint.h>
#include <stdlib.h>

/* The view of a block as storage hands it over: header and full check. */
static tl_status
view_checked(const void *flat, size_t size, tl_view *v)
{
	tl_status	st = tl_view_of(flat, size, v);

	return st == TL_OK ? tl_view_check(v) : st;
}

/* ---- an allocator that counts what is still out ---- */

static long outstanding;

static void *
t_alloc(void *ctx, size_t size)
{
	(void) ctx;
	outstanding++;
	return malloc(size);
}

static void
t_release(void *ctx, void *ptr)
{
	(void) ctx;
	outstanding--;
	free(ptr);
}

static const tl_alloc alloc = {t_alloc, t_release, NULL};

/* Fails once `budget` allocations have succeeded. */
static long budget;

static void *
t_alloc_limited(void *ctx, size_t size)
{
	if (budget <= 0)
		return NULL;
	budget--;
	return t_alloc(ctx, size);
}

static const tl_alloc limited = {t_alloc_limited, t_release, NULL};

/* ---- leagues from arrays ---- */

typedef struct league
{
	void	   *flat;
	size_t		size;
	tl_view		v;
} league;

static void
league_free(league *l)
{
	free(l->flat);
	l->flat = NULL;
}

/* Flatten b into l; the status of tl_flatten. */
static tl_status
finish(const tl_builder *b, league *l)
{
	tl_status	st;

	l->size = tl_flat_size(b);
	l->flat = malloc(l->size);
	st = tl_flatten(b, l->flat, NULL, NULL);
	if (st == TL_OK && view_checked(l->flat, l->size, &l->v) != TL_OK)
		st = TL_ECORRUPT;
	if (st != TL_OK)
		league_free(l);
	return st;
}

static tl_status
make(league *l, int decimals, const char *const *names, const double *values,
	 int n)
{
	tl_builder	b;
	tl_status	st = TL_OK;
	int			i;

	tl_builder_init(&b, decimals, &alloc);
	for (i = 0; i < n && st == TL_OK; i++)
		st = tl_builder_add(&b, names[i], strlen(names[i]), values[i]);
	if (st == TL_OK)
		st = finish(&b, l);
	tl_builder_free(&b);
	return st;
}

#define NAME(s) (s), strlen(s)

static double
rank_of(const league *l, const char *name, int desc, tl_method m)
{
	double		r = -1;

	if (tl_rank(&l->v, NAME(name), desc, m, &r) != TL_OK)
		return -1;
	return r;
}

/* All four methods of one entity. */
#define CHECK_RANKS(l, name, desc, comp, dense, mod, avg) \
	do { \
		CHECK_NEAR(rank_of((l), (name), (desc), TL_COMPETITION), (comp), 0); \
		CHECK_NEAR(rank_of((l), (name), (desc), TL_DENSE), (dense), 0); \
		CHECK_NEAR(rank_of((l), (name), (desc), TL_MODIFIED), (mod), 0); \
		CHECK_NEAR(rank_of((l), (name), (desc), TL_AVERAGE), (avg), 0); \
	} while (0)

/* The names at pos[0..count) joined by spaces. */
static const char *
joined(const league *l, const int32_t *pos, int32_t count)
{
	static char buf[4096];
	size_t		n = 0;
	int32_t		i;

	buf[0] = '\0';
	for (i = 0; i < count; i++)
	{
		const char *name;
		size_t		len;

		tl_name_at(&l->v, pos[i], &name, &len);
		if (i > 0)
			buf[n++] = ' ';
		memcpy(buf + n, name, len);
		n += len;
		buf[n] = '\0';
	}
	return buf;
}

static const char *
top_names(const league *l, int64_t k, int desc, int bottom)
{
	int32_t		pos[64];
	int32_t		count = -1;
	tl_status	st;

	if (bottom)
		st = tl_bottom(&l->v, k, desc, pos, 64, &count);
	else
		st = tl_top(&l->v, k, desc, pos, 64, &count);
	if (st != TL_OK || count > 64)
		return "(error)";
	return joined(l, pos, count);
}

/* ---- hand-checked tests ---- */

static void
test_ranks(void)
{
	/* 10, 20, 20, 30 */
	static const char *const names[] = {"a", "b", "c", "d"};
	static const double values[] = {10, 20, 20, 30};

	/* 12, 9, 9, 9, 7, 5, 5: lopsided, so the directions differ */
	static const char *const names2[] = {"p1", "p2", "p3", "p4", "p5", "p6", "p7"};
	static const double values2[] = {12, 9, 9, 9, 7, 5, 5};
	league		l;
	league		l2;
	double		r = 0;

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 4), TL_OK);
	CHECK_INT(l.v.n, 4);
	CHECK_INT(l.v.ndistinct, 3);

	/*
	 * Descending: d is first; b and c share 2nd (competition 2, dense 2,
	 * modified 3 = three at or above, average (2 + 3) / 2); a is 4th,
	 * dense 3.
	 */
	CHECK_RANKS(&l, "d", 1, 1, 1, 1, 1);
	CHECK_RANKS(&l, "b", 1, 2, 2, 3, 2.5);
	CHECK_RANKS(&l, "c", 1, 2, 2, 3, 2.5);
	CHECK_RANKS(&l, "a", 1, 4, 3, 4, 4);
	/* Ascending: the mirror image, a first, d last */
	CHECK_RANKS(&l, "a", 0, 1, 1, 1, 1);
	CHECK_RANKS(&l, "b", 0, 2, 2, 3, 2.5);
	CHECK_RANKS(&l, "d", 0, 4, 3, 4, 4);

	CHECK_INT(tl_rank(&l.v, NAME("zz"), 1, TL_COMPETITION, &r), TL_NULL);
	CHECK_INT(tl_rank(&l.v, NAME("a"), 1, (tl_method) 4, &r), TL_EARG);
	CHECK_INT(tl_rank(&l.v, NAME(""), 1, TL_COMPETITION, &r), TL_NULL);
	CHECK_INT(tl_find(&l.v, NAME("c")), 2);	/* order d, b, c, a */
	CHECK_INT(tl_find(&l.v, NAME("ab")), -1);
	CHECK_INT(tl_value(&l.v, NAME("b"), &r), TL_OK);
	CHECK_NEAR(r, 20, 0);
	CHECK_INT(tl_value(&l.v, NAME("q"), &r), TL_NULL);

	CHECK_INT(make(&l2, TL_NO_ROUNDING, names2, values2, 7), TL_OK);

	/*
	 * Descending: p1 alone on top. p2..p4 (9): 1 better, 4 at or above,
	 * 1 distinct above -> 2, 2, 4, 3. p5 (7): 4 better, 2 distinct above
	 * -> 5, 3, 5, 5. p6, p7 (5): 5 better, 3 distinct -> 6, 4, 7, 6.5.
	 */
	CHECK_RANKS(&l2, "p1", 1, 1, 1, 1, 1);
	CHECK_RANKS(&l2, "p3", 1, 2, 2, 4, 3);
	CHECK_RANKS(&l2, "p5", 1, 5, 3, 5, 5);
	CHECK_RANKS(&l2, "p7", 1, 6, 4, 7, 6.5);

	/*
	 * Ascending: p6, p7 (5) first: 0 better, 2 at or below -> 1, 1, 2,
	 * 1.5. p5 (7): 2 better -> 3, 2, 3, 3. p2..p4 (9): 3 better, 6 at or
	 * below, 2 distinct below -> 4, 3, 6, 5. p1: 6 better -> 7, 4, 7, 7.
	 */
	CHECK_RANKS(&l2, "p6", 0, 1, 1, 2, 1.5);
	CHECK_RANKS(&l2, "p5", 0, 3, 2, 3, 3);
	CHECK_RANKS(&l2, "p2", 0, 4, 3, 6, 5);
	CHECK_RANKS(&l2, "p1", 0, 7, 4, 7, 7);

	/*
	 * Percentile = 100 * worse / (n - 1), n - 1 = 6. Descending: p1 has 6
	 * worse, p2 3 (p5, p6, p7), p5 2, p6 0. Ascending: p6 has 5 worse
	 * (p1..p5), p5 4, p2 1, p1 0.
	 */
	CHECK_INT(tl_percentile(&l2.v, NAME("p1"), 1, &r), TL_OK);
	CHECK_NEAR(r, 100, 0);
	CHECK_INT(tl_percentile(&l2.v, NAME("p2"), 1, &r), TL_OK);
	CHECK_NEAR(r, 50, 0);
	CHECK_INT(tl_percentile(&l2.v, NAME("p5"), 1, &r), TL_OK);
	CHECK_NEAR(r, 100.0 / 3, 1e-12);
	CHECK_INT(tl_percentile(&l2.v, NAME("p6"), 1, &r), TL_OK);
	CHECK_NEAR(r, 0, 0);
	CHECK_INT(tl_percentile(&l2.v, NAME("p6"), 0, &r), TL_OK);
	CHECK_NEAR(r, 500.0 / 6, 1e-12);
	CHECK_INT(tl_percentile(&l2.v, NAME("p5"), 0, &r), TL_OK);
	CHECK_NEAR(r, 400.0 / 6, 1e-12);
	CHECK_INT(tl_percentile(&l2.v, NAME("p2"), 0, &r), TL_OK);
	CHECK_NEAR(r, 100.0 / 6, 1e-12);
	CHECK_INT(tl_percentile(&l2.v, NAME("p1"), 0, &r), TL_OK);
	CHECK_NEAR(r, 0, 0);
	CHECK_INT(tl_percentile(&l2.v, NAME("p9"), 0, &r), TL_NULL);

	league_free(&l);
	league_free(&l2);

	/* one entity: first by every method, percentile 100 */
	{
		static const char *const one[] = {"solo"};
		static const double v1[] = {-3.5};

		CHECK_INT(make(&l, TL_NO_ROUNDING, one, v1, 1), TL_OK);
		CHECK_RANKS(&l, "solo", 1, 1, 1, 1, 1);
		CHECK_RANKS(&l, "solo", 0, 1, 1, 1, 1);
		CHECK_INT(tl_percentile(&l.v, NAME("solo"), 1, &r), TL_OK);
		CHECK_NEAR(r, 100, 0);
		CHECK_INT(tl_percentile(&l.v, NAME("solo"), 0, &r), TL_OK);
		CHECK_NEAR(r, 100, 0);
		CHECK_INT(tl_gap_to_next(&l.v, NAME("solo"), 1, &r), TL_NULL);
		CHECK_INT(tl_gap_to_leader(&l.v, NAME("solo"), 0, &r), TL_OK);
		CHECK_NEAR(r, 0, 0);
		CHECK_NEAR(tl_mean(&l.v), -3.5, 0);
		CHECK_NEAR(tl_median(&l.v), -3.5, 0);
		league_free(&l);
	}
}

static void
test_rounding(void)
{
	/*
	 * At 1 decimal 24.14 and 24.06 both become 24.1 and tie behind 24.2;
	 * 24.05 is the decimal tie 24.0|5 -> even 24.0, 24.15 -> 24.2 and
	 * 24.25 -> 24.2 (half-even on the printed decimal).
	 */
	static const char *const names[] = {"x", "y", "z", "t1", "t2", "t3"};
	static const double values[] = {24.14, 24.06, 24.2, 24.05, 24.15, 24.25};
	league		l;
	league		raw;
	double		r = 0;

	CHECK_INT(make(&l, 1, names, values, 6), TL_OK);
	CHECK_INT(l.v.decimals, 1);
	CHECK_INT(tl_value(&l.v, NAME("x"), &r), TL_OK);
	CHECK(r == 24.1);
	CHECK_INT(tl_value(&l.v, NAME("y"), &r), TL_OK);
	CHECK(r == 24.1);
	CHECK_INT(tl_value(&l.v, NAME("t1"), &r), TL_OK);
	CHECK(r == 24.0);
	CHECK_INT(tl_value(&l.v, NAME("t2"), &r), TL_OK);
	CHECK(r == 24.2);
	CHECK_INT(tl_value(&l.v, NAME("t3"), &r), TL_OK);
	CHECK(r == 24.2);

	/* 24.2 x3 (t2, t3, z), then 24.1 x2 (x, y), then 24.0 (t1) */
	CHECK_RANKS(&l, "z", 1, 1, 1, 3, 2);
	CHECK_RANKS(&l, "x", 1, 4, 2, 5, 4.5);
	CHECK_RANKS(&l, "y", 1, 4, 2, 5, 4.5);
	CHECK_RANKS(&l, "t1", 1, 6, 3, 6, 6);
	/* the gap is the decimal 0.1, not 24.2 - 24.1 = 0.099999999999997868 */
	CHECK_INT(tl_gap_to_next(&l.v, NAME("x"), 1, &r), TL_OK);
	CHECK(r == 0.1);
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("t1"), 1, &r), TL_OK);
	CHECK(r == 0.2);

	/* unrounded: x (24.14) and y (24.06) are 4th and 5th */
	CHECK_INT(make(&raw, TL_NO_ROUNDING, names, values, 6), TL_OK);
	CHECK_RANKS(&raw, "x", 1, 4, 4, 4, 4);
	CHECK_RANKS(&raw, "y", 1, 5, 5, 5, 5);
	CHECK_INT(tl_gap_to_next(&raw.v, NAME("y"), 1, &r), TL_OK);
	CHECK_NEAR(r, 24.14 - 24.06, 0);
	league_free(&l);
	league_free(&raw);

	/* -0 is stored as 0, also when rounding makes it: -0.04 -> 0 */
	{
		static const char *const nz[] = {"m", "n"};
		static const double vz[] = {-0.0, -0.04};

		CHECK_INT(make(&l, 1, nz, vz, 2), TL_OK);
		CHECK(l.v.value[0] == 0 && !signbit(l.v.value[0]));
		CHECK(l.v.value[1] == 0 && !signbit(l.v.value[1]));
		CHECK_INT(l.v.ndistinct, 1);
		league_free(&l);
		CHECK_INT(make(&l, TL_NO_ROUNDING, nz, vz, 1), TL_OK);
		CHECK(!signbit(l.v.value[0]));
		league_free(&l);
	}
}

static void
test_leader_and_gaps(void)
{
	/* zz and ab tie for the top, c and d for the bottom */
	static const char *const names[] = {"zz", "ab", "m", "d", "c"};
	static const double values[] = {30, 30, 20, 10, 10};
	league		l;
	const char *name;
	size_t		len;
	double		r = -1;

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 5), TL_OK);
	tl_leader(&l.v, 1, &name, &len);
	CHECK(len == 2 && memcmp(name, "ab", 2) == 0);
	tl_leader(&l.v, 0, &name, &len);
	CHECK(len == 1 && memcmp(name, "c", 1) == 0);

	/* descending: leader 30 */
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("zz"), 1, &r), TL_OK);
	CHECK_NEAR(r, 0, 0);
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("m"), 1, &r), TL_OK);
	CHECK_NEAR(r, 10, 0);
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("c"), 1, &r), TL_OK);
	CHECK_NEAR(r, 20, 0);
	r = -1;
	CHECK_INT(tl_gap_to_next(&l.v, NAME("zz"), 1, &r), TL_NULL);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("ab"), 1, &r), TL_NULL);
	CHECK_NEAR(r, -1, 0);		/* untouched */
	CHECK_INT(tl_gap_to_next(&l.v, NAME("m"), 1, &r), TL_OK);
	CHECK_NEAR(r, 10, 0);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("d"), 1, &r), TL_OK);
	CHECK_NEAR(r, 10, 0);		/* to m's 20, not to c's equal 10 */

	/* ascending: leader 10 */
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("zz"), 0, &r), TL_OK);
	CHECK_NEAR(r, 20, 0);
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("d"), 0, &r), TL_OK);
	CHECK_NEAR(r, 0, 0);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("c"), 0, &r), TL_NULL);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("m"), 0, &r), TL_OK);
	CHECK_NEAR(r, 10, 0);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("ab"), 0, &r), TL_OK);
	CHECK_NEAR(r, 10, 0);
	CHECK_INT(tl_gap_to_next(&l.v, NAME("nobody"), 0, &r), TL_NULL);
	CHECK_INT(tl_gap_to_leader(&l.v, NAME("nobody"), 1, &r), TL_NULL);
	league_free(&l);

	/* a gap beyond the double range */
	{
		static const char *const hn[] = {"hi", "lo"};
		static const double hv[] = {DBL_MAX, -DBL_MAX};

		CHECK_INT(make(&l, TL_NO_ROUNDING, hn, hv, 2), TL_OK);
		CHECK_INT(tl_gap_to_leader(&l.v, NAME("lo"), 1, &r), TL_ENONFINITE);
		CHECK_NEAR(tl_mean(&l.v), 0, 0);
		CHECK_NEAR(tl_median(&l.v), 0, 0);
		league_free(&l);
	}
	/* with decimals the gap is the decimal difference */
	{
		static const char *const gn[] = {"a", "b"};
		static const double gv[] = {24.1, 23.7};

		CHECK_INT(make(&l, 1, gn, gv, 2), TL_OK);
		CHECK_INT(tl_gap_to_leader(&l.v, NAME("b"), 1, &r), TL_OK);
		CHECK(r == 0.4);
		league_free(&l);
	}
}

static void
test_top_bottom(void)
{
	/* 12, 9, 9, 9, 7, 5, 5 as in test_ranks */
	static const char *const names[] = {"p1", "p4", "p3", "p2", "p5", "p7", "p6"};
	static const double values[] = {12, 9, 9, 9, 7, 5, 5};
	league		l;
	int32_t		pos[8];
	int32_t		count = -1;

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 7), TL_OK);

	/* descending competition ranks: p1 1, p2..p4 2, p5 5, p6 p7 6 */
	CHECK_STR(top_names(&l, 0, 1, 0), "");
	CHECK_STR(top_names(&l, 1, 1, 0), "p1");
	CHECK_STR(top_names(&l, 2, 1, 0), "p1 p2 p3 p4");	/* ties straddle 2 */
	CHECK_STR(top_names(&l, 4, 1, 0), "p1 p2 p3 p4");
	CHECK_STR(top_names(&l, 5, 1, 0), "p1 p2 p3 p4 p5");
	CHECK_STR(top_names(&l, 6, 1, 0), "p1 p2 p3 p4 p5 p6 p7");
	CHECK_STR(top_names(&l, 100, 1, 0), "p1 p2 p3 p4 p5 p6 p7");
	CHECK_STR(top_names(&l, INT64_MAX, 1, 0), "p1 p2 p3 p4 p5 p6 p7");

	/* ascending: p6 p7 1, p5 3, p2..p4 4, p1 7 */
	CHECK_STR(top_names(&l, 0, 0, 0), "");
	CHECK_STR(top_names(&l, 1, 0, 0), "p6 p7");
	CHECK_STR(top_names(&l, 2, 0, 0), "p6 p7");
	CHECK_STR(top_names(&l, 3, 0, 0), "p6 p7 p5");
	CHECK_STR(top_names(&l, 4, 0, 0), "p6 p7 p5 p2 p3 p4");
	CHECK_STR(top_names(&l, 7, 0, 0), "p6 p7 p5 p2 p3 p4 p1");
	CHECK_STR(top_names(&l, 8, 0, 0), "p6 p7 p5 p2 p3 p4 p1");

	/* bottom, descending: worst first, ties by name */
	CHECK_STR(top_names(&l, 0, 1, 1), "");
	CHECK_STR(top_names(&l, 1, 1, 1), "p6 p7");
	CHECK_STR(top_names(&l, 3, 1, 1), "p6 p7 p5");
	CHECK_STR(top_names(&l, 4, 1, 1), "p6 p7 p5 p2 p3 p4");
	CHECK_STR(top_names(&l, 50, 1, 1), "p6 p7 p5 p2 p3 p4 p1");
	/* bottom, ascending: the highest are the worst */
	CHECK_STR(top_names(&l, 1, 0, 1), "p1");
	CHECK_STR(top_names(&l, 2, 0, 1), "p1 p2 p3 p4");
	CHECK_STR(top_names(&l, 5, 0, 1), "p1 p2 p3 p4 p5");

	CHECK_INT(tl_top(&l.v, -1, 1, pos, 8, &count), TL_EARG);
	CHECK_INT(tl_bottom(&l.v, -1, 0, pos, 8, &count), TL_EARG);

	/* a small buffer: the full count comes back, only cap is written */
	pos[2] = -7;
	CHECK_INT(tl_top(&l.v, 2, 1, pos, 2, &count), TL_OK);
	CHECK_INT(count, 4);
	CHECK_STR(joined(&l, pos, 2), "p1 p2");
	CHECK_INT(pos[2], -7);
	CHECK_INT(tl_top(&l.v, 4, 0, NULL, 0, &count), TL_OK);
	CHECK_INT(count, 6);
	league_free(&l);
}

static void
test_mean_median(void)
{
	static const char *const names[] = {"a", "b", "c", "d", "e"};
	static const double odd[] = {1, 2, 3, 4, 100};
	static const double even[] = {10, 20, 20, 30};
	static const double cancel[] = {1e16, 1, -1e16};
	static const double big[] = {1.7e308, 1.6e308};
	league		l;
	int			above = -1;

	/* (1 + 2 + 3 + 4 + 100) / 5 = 22; the middle of five is 3 */
	CHECK_INT(make(&l, TL_NO_ROUNDING, names, odd, 5), TL_OK);
	CHECK_NEAR(tl_mean(&l.v), 22, 0);
	CHECK_NEAR(tl_median(&l.v), 3, 0);
	CHECK_INT(tl_above_mean(&l.v, NAME("e"), &above), TL_OK);
	CHECK_INT(above, 1);
	CHECK_INT(tl_above_mean(&l.v, NAME("d"), &above), TL_OK);
	CHECK_INT(above, 0);
	CHECK_INT(tl_above_mean(&l.v, NAME("x"), &above), TL_NULL);
	league_free(&l);

	/* mean 80 / 4 = 20, median (20 + 20) / 2; 20 is not above 20 */
	CHECK_INT(make(&l, TL_NO_ROUNDING, names, even, 4), TL_OK);
	CHECK_NEAR(tl_mean(&l.v), 20, 0);
	CHECK_NEAR(tl_median(&l.v), 20, 0);
	CHECK_INT(tl_above_mean(&l.v, NAME("b"), &above), TL_OK);
	CHECK_INT(above, 0);
	CHECK_INT(tl_above_mean(&l.v, NAME("d"), &above), TL_OK);
	CHECK_INT(above, 1);
	league_free(&l);

	/* 1, 2, 3, 4: mean 2.5, median (2 + 3) / 2 */
	CHECK_INT(make(&l, TL_NO_ROUNDING, names, odd, 4), TL_OK);
	CHECK_NEAR(tl_mean(&l.v), 2.5, 0);
	CHECK_NEAR(tl_median(&l.v), 2.5, 0);
	league_free(&l);

	/* naive summation loses the 1: 1e16 + 1 == 1e16 */
	CHECK_INT(make(&l, TL_NO_ROUNDING, names, cancel, 3), TL_OK);
	CHECK_NEAR(tl_mean(&l.v), 1.0 / 3, 1e-16);
	CHECK_NEAR(tl_median(&l.v), 1, 0);
	league_free(&l);

	/* sums beyond DBL_MAX, means within */
	CHECK_INT(make(&l, TL_NO_ROUNDING, names, big, 2), TL_OK);
	CHECK_NEAR(tl_mean(&l.v), 1.65e308, 1e293);
	CHECK_NEAR(tl_median(&l.v), 1.65e308, 1e293);
	league_free(&l);
}

static void
test_rank_change(void)
{
	/* before: c 30 (1), b 20 (2), a 10 (3) */
	static const char *const bn[] = {"a", "b", "c"};
	static const double bv[] = {10, 20, 30};

	/* now: d 50 (1), a 40 (2), c 30 (3), b 20 (4) */
	static const char *const nn[] = {"a", "b", "c", "d"};
	static const double nv[] = {40, 20, 30, 50};
	league		before;
	league		now;
	double		r = 99;

	CHECK_INT(make(&before, TL_NO_ROUNDING, bn, bv, 3), TL_OK);
	CHECK_INT(make(&now, TL_NO_ROUNDING, nn, nv, 4), TL_OK);
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("a"), 1, &r), TL_OK);
	CHECK_NEAR(r, 1, 0);		/* 3 -> 2: moved up */
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("b"), 1, &r), TL_OK);
	CHECK_NEAR(r, -2, 0);		/* 2 -> 4 */
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("c"), 1, &r), TL_OK);
	CHECK_NEAR(r, -2, 0);		/* 1 -> 3 */
	r = 99;
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("d"), 1, &r), TL_NULL);
	CHECK_INT(tl_rank_change(&before.v, &now.v, NAME("d"), 1, &r), TL_NULL);
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("x"), 1, &r), TL_NULL);
	CHECK_NEAR(r, 99, 0);
	/* ascending: before a 1, b 2, c 3; now b 1, c 2, a 3, d 4 */
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("a"), 0, &r), TL_OK);
	CHECK_NEAR(r, -2, 0);
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("b"), 0, &r), TL_OK);
	CHECK_NEAR(r, 1, 0);
	CHECK_INT(tl_rank_change(&now.v, &before.v, NAME("c"), 0, &r), TL_OK);
	CHECK_NEAR(r, 1, 0);
	league_free(&before);
	league_free(&now);
}

static void
test_build_errors(void)
{
	tl_builder	b;
	league		l;
	char		longname[TL_MAX_ENTITY + 2];
	const char *dup = NULL;
	size_t		duplen = 0;
	void	   *flat;

	memset(longname, 'x', sizeof(longname));
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	CHECK_INT(tl_builder_add(&b, longname, TL_MAX_ENTITY + 1, 1), TL_ETOOLONG);
	CHECK_INT(tl_builder_add(&b, longname, TL_MAX_ENTITY, 1), TL_OK);
	CHECK_INT(tl_builder_add(&b, "a\0b", 3, 1), TL_ETOOLONG);
	CHECK_INT(tl_builder_add(&b, "a", 1, NAN), TL_ENAN);
	CHECK_INT(tl_builder_add(&b, "a", 1, -NAN), TL_ENAN);
	CHECK_INT(tl_builder_add(&b, "a", 1, INFINITY), TL_ENONFINITE);
	CHECK_INT(tl_builder_add(&b, "a", 1, -INFINITY), TL_ENONFINITE);
	CHECK_INT(b.n, 1);
	CHECK_INT(tl_builder_add(&b, "", 0, 2), TL_OK);	/* "" is a name */
	CHECK_INT(finish(&b, &l), TL_OK);
	CHECK_INT(tl_find(&l.v, "", 0), 0);
	league_free(&l);
	tl_builder_free(&b);

	/* an empty league cannot be flattened */
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	flat = malloc(tl_flat_size(&b));
	CHECK_INT(tl_flatten(&b, flat, NULL, NULL), TL_EARG);
	free(flat);

	/* decimals outside -1..15 */
	b.decimals = 16;
	CHECK_INT(tl_builder_add(&b, "a", 1, 1), TL_EARG);
	b.decimals = -2;
	CHECK_INT(tl_builder_add(&b, "a", 1, 1), TL_EARG);
	tl_builder_free(&b);

	/* duplicates: the first by name is reported, pointing into b */
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	CHECK_INT(tl_builder_add(&b, "b", 1, 1), TL_OK);
	CHECK_INT(tl_builder_add(&b, "ab", 2, 2), TL_OK);
	CHECK_INT(tl_builder_add(&b, "b", 1, 3), TL_OK);
	CHECK_INT(tl_builder_add(&b, "a", 1, 3), TL_OK);
	CHECK_INT(tl_builder_add(&b, "a", 1, 3), TL_OK);
	flat = malloc(tl_flat_size(&b));
	CHECK_INT(tl_flatten(&b, flat, &dup, &duplen), TL_EDUPLICATE);
	CHECK(duplen == 1 && dup != NULL && dup[0] == 'a');
	CHECK(dup >= b.pool && dup < b.pool + b.pool_len);
	free(flat);
	tl_builder_free(&b);

	/* a prefix is not a duplicate; equal values are not either */
	{
		static const char *const pn[] = {"a", "ab", "abc", "b"};
		static const double pv[] = {1, 1, 1, 1};

		CHECK_INT(make(&l, TL_NO_ROUNDING, pn, pv, 4), TL_OK);
		CHECK_INT(l.v.ndistinct, 1);
		CHECK_INT(tl_find(&l.v, NAME("ab")), 1);
		league_free(&l);
	}
	CHECK_INT(outstanding, 0);
}

/* ---- view validation ---- */

static void
test_view_of(void)
{
	static const char *const names[] = {"a", "b", "c"};
	static const double values[] = {3, 2, 2};
	league		l;
	tl_view		v;
	int32_t    *hdr;
	uint32_t   *off;
	int32_t    *by_name;

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 3), TL_OK);
	/* 20 + 20 * 3 + 3 = 83 -> 88 */
	CHECK_INT(l.size, 88);
	hdr = l.flat;
	off = (uint32_t *) l.v.name_off;
	by_name = (int32_t *) l.v.by_name;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_OK);
	CHECK_INT(view_checked(l.flat, 82, &v), TL_ECORRUPT);
	CHECK_INT(view_checked(l.flat, 8, &v), TL_ECORRUPT);
	CHECK_INT(view_checked((char *) l.flat + 4, 80, &v), TL_ECORRUPT);

	hdr[0] = 0;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[0] = INT32_MAX;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[0] = 3;
	hdr[1] = 16;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[1] = -2;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[1] = -1;
	hdr[2] = 4;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[2] = 3;					/* dense[] says 2 */
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[2] = 2;
	hdr[3] = -1;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[3] = 100;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	hdr[3] = 3;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_OK);
	off[1] = 2;
	off[2] = 1;					/* decreasing */
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	off[1] = 1;
	off[2] = 2;
	by_name[1] = 3;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	by_name[1] = -1;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_ECORRUPT);
	by_name[1] = 1;
	CHECK_INT(view_checked(l.flat, l.size, &v), TL_OK);
	league_free(&l);
}

/* ---- randomized oracle ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(uint32_t bound)
{
	/* xorshift64*: reproducible on every platform */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 0x2545F4914F6CDD1DULL) >> 32) % bound;
}

#define ORACLE_MAX 48

typedef struct oracle
{
	int			n;
	char		names[ORACLE_MAX][16];
	double		v[ORACLE_MAX];	/* rounded as the league rounds */
} oracle;

static int
better(double a, double b, int desc)
{
	return desc ? a > b : a < b;
}

static int
oracle_name_cmp(const oracle *o, int i, int j)
{
	return strcmp(o->names[i], o->names[j]);
}

static int
oracle_competition(const oracle *o, int i, int desc)
{
	int			j;
	int			c = 1;

	for (j = 0; j < o->n; j++)
		c += better(o->v[j], o->v[i], desc);
	return c;
}

/* Rank i by method m, counted the slow way. */
static double
oracle_rank(const oracle *o, int i, int desc, tl_method m)
{
	int			j;
	int			k;
	int			bt = 0;
	int			be = 0;
	int			distinct = 0;

	for (j = 0; j < o->n; j++)
	{
		if (better(o->v[j], o->v[i], desc))
		{
			int			seen = 0;

			bt++;
			for (k = 0; k < j; k++)
				seen |= o->v[k] == o->v[j];
			distinct += !seen;
		}
		if (better(o->v[j], o->v[i], desc) || o->v[j] == o->v[i])
			be++;
	}
	switch (m)
	{
		case TL_COMPETITION:
			return 1 + bt;
		case TL_DENSE:
			return 1 + distinct;
		case TL_MODIFIED:
			return be;
		case TL_AVERAGE:
			return (1 + bt + be) / 2.0;
	}
	return -1;
}

/* a goes before b in a best-first list */
static int
oracle_before(const oracle *o, int a, int b, int desc)
{
	if (o->v[a] != o->v[b])
		return better(o->v[a], o->v[b], desc);
	return oracle_name_cmp(o, a, b) < 0;
}

/* Check every reader of l against the naive definitions. */
static int
oracle_check(const oracle *o, const league *l)
{
	int			desc;
	int			i;
	int			j;
	int			ok = 1;

	for (desc = 0; desc <= 1; desc++)
	{
		int			lead = -1;
		const char *name;
		size_t		len;
		int			k;

		for (i = 0; i < o->n; i++)
		{
			int			m;
			double		r;
			double		want;
			int			nb = -1;

			for (m = 0; m < 4; m++)
			{
				if (tl_rank(&l->v, NAME(o->names[i]), desc, (tl_method) m, &r) != TL_OK ||
					r != oracle_rank(o, i, desc, (tl_method) m))
					ok = 0;
			}
			/* by position: the same rank and gap to the leader */
			{
				int32_t		p = tl_find(&l->v, NAME(o->names[i]));
				double		g1 = -1;
				double		g2 = -2;

				ok &= p >= 0 && (double) tl_competition_at(&l->v, p, desc) ==
					oracle_rank(o, i, desc, TL_COMPETITION);
				ok &= p >= 0 && tl_gap_to_leader_at(&l->v, p, desc, &g1) == TL_OK &&
					tl_gap_to_leader(&l->v, NAME(o->names[i]), desc, &g2) == TL_OK &&
					g1 == g2;
			}
			/* percentile: worse entities over n - 1 */
			want = 0;
			for (j = 0; j < o->n; j++)
				want += better(o->v[i], o->v[j], desc);
			want = o->n == 1 ? 100 : 100 * want / (o->n - 1);
			if (tl_percentile(&l->v, NAME(o->names[i]), desc, &r) != TL_OK ||
				fabs(r - want) > 1e-9)
				ok = 0;
			/* gap to the nearest better value */
			for (j = 0; j < o->n; j++)
			{
				if (better(o->v[j], o->v[i], desc) &&
					(nb < 0 || better(o->v[nb], o->v[j], desc)))
					nb = j;
			}
			if (nb < 0)
				ok &= tl_gap_to_next(&l->v, NAME(o->names[i]), desc, &r) == TL_NULL;
			else
				ok &= tl_gap_to_next(&l->v, NAME(o->names[i]), desc, &r) == TL_OK &&
					fabs(r - fabs(o->v[nb] - o->v[i])) <= 1e-9;
			if (lead < 0 || oracle_before(o, i, lead, desc))
				lead = i;
		}
		/* by_name walks the names in bytewise order */
		for (j = 0; j + 1 < o->n; j++)
		{
			const char *a;
			const char *b2;
			size_t		alen;
			size_t		blen;
			size_t		mlen;

			tl_name_at(&l->v, l->v.by_name[j], &a, &alen);
			tl_name_at(&l->v, l->v.by_name[j + 1], &b2, &blen);
			mlen = alen < blen ? alen : blen;
			ok &= memcmp(a, b2, mlen) < 0 || (memcmp(a, b2, mlen) == 0 && alen < blen);
		}
		tl_leader(&l->v, desc, &name, &len);
		ok &= len == strlen(o->names[lead]) &&
			memcmp(name, o->names[lead], len) == 0;

		/* top and bottom for every k */
		for (k = 0; k <= o->n + 1; k++)
		{
			int32_t		pos[ORACLE_MAX];
			int32_t		count;
			int			bottom;

			for (bottom = 0; bottom <= 1; bottom++)
			{
				int			d = bottom ? !desc : desc;
				int			want = 0;
				int			prev = -1;

				if ((bottom ? tl_bottom(&l->v, k, desc, pos, ORACLE_MAX, &count)
					 : tl_top(&l->v, k, desc, pos, ORACLE_MAX, &count)) != TL_OK)
				{
					ok = 0;
					continue;
				}
				for (i = 0; i < o->n; i++)
					want += oracle_competition(o, i, d) <= k;
				if (count != want)
				{
					ok = 0;
					continue;
				}
				/* each one qualifies and comes after the one before */
				for (j = 0; j < count; j++)
				{
					int			e;

					tl_name_at(&l->v, pos[j], &name, &len);
					for (e = 0; e < o->n; e++)
					{
						if (strlen(o->names[e]) == len &&
							memcmp(o->names[e], name, len) == 0)
							break;
					}
					if (e == o->n || oracle_competition(o, e, d) > k ||
						(prev >= 0 && !oracle_before(o, prev, e, d)))
						ok = 0;
					prev = e;
				}
			}
		}
	}
	return ok;
}

static void
test_oracle(void)
{
	int			iter;
	int			bad = 0;

	for (iter = 0; iter < 4000; iter++)
	{
		oracle		o;
		tl_builder	b;
		league		l;
		int			decimals = iter % 3 == 0 ? 1 : TL_NO_ROUNDING;
		int			spread = 1 + (int) rnd(12);	/* few values: many ties */
		int			i;
		int			ok = 1;

		o.n = 1 + (int) rnd(ORACLE_MAX);
		tl_builder_init(&b, decimals, &alloc);
		for (i = 0; i < o.n; i++)
		{
			double		x;

			/* unique names, in an order unrelated to the values; every
			 * fourth league in name order (tl_flatten's fast path) */
			if (iter % 4 == 1)
				snprintf(o.names[i], sizeof(o.names[i]), "n%06d", i);
			else
				snprintf(o.names[i], sizeof(o.names[i]), "%c%d",
						 (char) ('a' + rnd(26)), i);
			if (decimals == 1)
				x = ((double) rnd((uint32_t) spread * 10) - 30) / 100 * 3;
			else
				x = (double) rnd((uint32_t) spread) - 4;
			if (tl_builder_add(&b, NAME(o.names[i]), x) != TL_OK)
				ok = 0;
			if (decimals == 1)
				tr_round_half_even(x, 1, &x);
			o.v[i] = x;
		}
		if (!ok || finish(&b, &l) != TL_OK)
			bad++;
		else
		{
			if (!oracle_check(&o, &l))
			{
				bad++;
				if (bad < 5)
					fprintf(stderr, "oracle mismatch at iteration %d\n", iter);
			}
			league_free(&l);
		}
		tl_builder_free(&b);
	}
	CHECK_INT(bad, 0);
	CHECK_INT(outstanding, 0);
}

/* ---- merge ---- */

static void
test_merge(void)
{
	int			iter;
	int			bad = 0;

	for (iter = 0; iter < 500; iter++)
	{
		tl_builder	all;
		tl_builder	part[3];
		league		la;
		league		lm;
		int			n = 1 + (int) rnd(60);
		int			decimals = iter % 2 ? 2 : TL_NO_ROUNDING;
		int			i;

		tl_builder_init(&all, decimals, &alloc);
		/* part 0 starts with other decimals: empty, it takes part 1's */
		tl_builder_init(&part[0], 7, &alloc);
		for (i = 1; i < 3; i++)
			tl_builder_init(&part[i], decimals, &alloc);
		part[1].has_rows = 1;
		for (i = 0; i < n; i++)
		{
			char		name[16];
			double		x = (double) rnd(1000) / 7;
			int			p = 1 + (int) rnd(2);

			snprintf(name, sizeof(name), "n%d", (int) rnd(100000) * 64 + i);
			tl_builder_add(&all, NAME(name), x);
			tl_builder_add(&part[p], NAME(name), x);
		}
		if (tl_builder_merge(&part[0], &part[2]) != TL_OK ||
			tl_builder_merge(&part[0], &part[1]) != TL_OK ||
			part[0].decimals != decimals ||
			finish(&all, &la) != TL_OK)
			bad++;
		else
		{
			if (finish(&part[0], &lm) != TL_OK ||
				la.size != lm.size || memcmp(la.flat, lm.flat, la.size) != 0)
				bad++;
			league_free(&la);
			league_free(&lm);
		}
		tl_builder_free(&all);
		for (i = 0; i < 3; i++)
			tl_builder_free(&part[i]);
	}
	CHECK_INT(bad, 0);

	/* different decimals; merging a builder into itself */
	{
		tl_builder	a;
		tl_builder	b;
		tl_builder	empty;

		tl_builder_init(&a, 1, &alloc);
		tl_builder_init(&b, 2, &alloc);
		tl_builder_init(&empty, 5, &alloc);
		CHECK_INT(tl_builder_add(&a, NAME("x"), 1), TL_OK);
		CHECK_INT(tl_builder_add(&b, NAME("y"), 1), TL_OK);
		CHECK_INT(tl_builder_merge(&a, &b), TL_EARG);
		CHECK_INT(tl_builder_merge(&a, &empty), TL_OK);
		CHECK_INT(a.decimals, 1);
		CHECK_INT(tl_builder_merge(&a, &a), TL_OK);
		CHECK_INT(a.n, 2);
		CHECK(memcmp(a.pool, "xx", 2) == 0);
		tl_builder_free(&a);
		tl_builder_free(&b);
		tl_builder_free(&empty);
	}
	/*
	 * No rounding (NULL decimals in SQL) and 1 decimal differ as 1 and 2
	 * do, so partial states of a group that mixes them do not combine.
	 */
	{
		tl_builder	a;
		tl_builder	b;

		tl_builder_init(&a, TL_NO_ROUNDING, &alloc);
		tl_builder_init(&b, 1, &alloc);
		CHECK_INT(tl_builder_add(&a, NAME("x"), 24.14), TL_OK);
		CHECK_INT(tl_builder_add(&b, NAME("y"), 24.06), TL_OK);
		CHECK_INT(tl_builder_merge(&a, &b), TL_EARG);
		CHECK_INT(tl_builder_merge(&b, &a), TL_EARG);
		CHECK_INT(a.n, 1);
		CHECK_INT(b.n, 1);
		tl_builder_free(&a);
		tl_builder_free(&b);
	}
	CHECK_INT(outstanding, 0);
}

/* ---- binary form ---- */

/* Encode l's view, decode, flatten: the same block. */
static int
view_round_trip(const league *l)
{
	size_t		n = tl_view_encoded_size(&l->v);
	uint8_t    *buf = malloc(n);
	tl_builder	b;
	league		back;
	int			ok;

	tl_view_encode(&l->v, buf);
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	ok = tl_decode(buf, n, &b) == TL_OK && finish(&b, &back) == TL_OK;
	if (ok)
	{
		ok = back.size == l->size && memcmp(back.flat, l->flat, l->size) == 0;
		league_free(&back);
	}
	tl_builder_free(&b);
	free(buf);
	return ok;
}

static tl_status
decode_status(const uint8_t *buf, size_t len)
{
	tl_builder	b;
	tl_status	st;

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	st = tl_decode(buf, len, &b);
	if (st != TL_OK)
		CHECK(b.n == 0);
	tl_builder_free(&b);
	return st;
}

static void
test_binary(void)
{
	static const char *const names[] = {"鄞州", "say \"hi\"", "a\\b", "", "z"};
	static const double values[] = {24.1, -3, 1e300, 0.5, 24.1};
	static const uint8_t one[] = {
		1, 1, 0, 0, 0, 1,		/* version, decimals 1, n = 1 */
		0, 0, 0, 1, 'a',		/* name "a" */
		0x40, 0x38, 0x19, 0x99, 0x99, 0x99, 0x99, 0x9a	/* 24.1 */
	};
	league		l;
	tl_builder	b;
	uint8_t    *buf;
	uint8_t		bad[sizeof(one) + 1];
	size_t		n;
	size_t		i;

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 5), TL_OK);
	CHECK(view_round_trip(&l));
	league_free(&l);
	CHECK_INT(make(&l, 1, names, values, 4), TL_OK);
	CHECK(view_round_trip(&l));
	league_free(&l);

	/* the header's format, byte by byte */
	CHECK_INT(make(&l, 1, names + 4, values, 1), TL_OK);
	CHECK_INT(tl_view_encoded_size(&l.v), sizeof(one));
	buf = malloc(sizeof(one));
	tl_view_encode(&l.v, buf);
	CHECK(buf[0] == 1 && buf[1] == 1 && buf[5] == 1 && buf[9] == 1 &&
		  buf[10] == 'z' && buf[11] == 0x40 && buf[18] == 0x9a);
	free(buf);
	league_free(&l);
	CHECK_INT(decode_status(one, sizeof(one)), TL_OK);

	/* a builder's state, duplicates and all, in arrival order */
	tl_builder_init(&b, 2, &alloc);
	CHECK_INT(tl_builder_add(&b, NAME("b"), 1.234), TL_OK);
	CHECK_INT(tl_builder_add(&b, NAME("a"), -7), TL_OK);
	CHECK_INT(tl_builder_add(&b, NAME("b"), 5), TL_OK);
	n = tl_builder_encoded_size(&b);
	CHECK_INT(n, 6 + 3 * 12 + 3);
	buf = malloc(n + 1);
	tl_builder_encode(&b, buf);
	CHECK_INT(buf[1], 2);
	{
		tl_builder	c;

		tl_builder_init(&c, TL_NO_ROUNDING, &alloc);
		CHECK_INT(tl_decode(buf, n, &c), TL_OK);
		CHECK_INT(c.n, 3);
		CHECK_INT(c.decimals, 2);
		CHECK(c.entries[0].value == 1.23 && c.entries[1].value == -7);
		CHECK(memcmp(c.pool, "bab", 3) == 0);
		/* decoding wants an empty builder */
		CHECK_INT(tl_decode(buf, n, &c), TL_EARG);
		tl_builder_free(&c);
	}

	/* every truncation fails, and so does a trailing byte */
	for (i = 0; i < n; i++)
		CHECK_INT(decode_status(buf, i), TL_ECORRUPT);
	buf[n] = 0;
	CHECK_INT(decode_status(buf, n + 1), TL_ECORRUPT);
	free(buf);
	tl_builder_free(&b);

	/* an empty state decodes (it is the aggregate's, never a league's) */
	{
		static const uint8_t empty[] = {1, 0xff, 0, 0, 0, 0};

		CHECK_INT(decode_status(empty, sizeof(empty)), TL_OK);
	}

	/* flipped fields */
#define MUTATE(at, byte, want) \
	do { \
		memcpy(bad, one, sizeof(one)); \
		bad[at] = (byte); \
		CHECK_INT(decode_status(bad, sizeof(one)), (want)); \
	} while (0)
	MUTATE(0, 0, TL_ECORRUPT);	/* version 0 */
	MUTATE(0, 2, TL_ECORRUPT);	/* version 2 */
	MUTATE(1, 16, TL_ECORRUPT);	/* 16 decimals */
	MUTATE(1, 0xfe, TL_ECORRUPT);	/* -2 decimals */
	MUTATE(1, 0xff, TL_OK);		/* no rounding */
	MUTATE(1, 15, TL_OK);		/* 24.1 is rounded at 15 too */
	MUTATE(1, 0, TL_ECORRUPT);	/* 24.1 is not rounded to 0 places */
	MUTATE(5, 2, TL_ECORRUPT);	/* n = 2 but only one entry */
	MUTATE(5, 0, TL_ECORRUPT);	/* n = 0 and bytes left over */
	MUTATE(2, 0x80, TL_ECORRUPT);	/* n huge */
	MUTATE(9, 2, TL_ECORRUPT);	/* name runs into the value */
	MUTATE(9, 0, TL_ECORRUPT);	/* name shorter: one byte left over */
	MUTATE(7, 1, TL_ECORRUPT);	/* name longer than the input */
	MUTATE(10, 0, TL_ECORRUPT);	/* NUL in the name */
	MUTATE(18, 0x9b, TL_ECORRUPT);	/* 24.100000000000005: not rounded */
	MUTATE(11, 0x7f, TL_OK);	/* 0x7f38...: a huge integer, rounded */
	memcpy(bad, one, sizeof(one));
	memcpy(bad + 11, "\x7f\xf8\0\0\0\0\0\0", 8);
	CHECK_INT(decode_status(bad, sizeof(one)), TL_ECORRUPT);	/* NaN */
	memcpy(bad + 11, "\xff\xf0\0\0\0\0\0\1", 8);
	CHECK_INT(decode_status(bad, sizeof(one)), TL_ECORRUPT);	/* NaN */
	memcpy(bad + 11, "\x7f\xf0\0\0\0\0\0\0", 8);
	CHECK_INT(decode_status(bad, sizeof(one)), TL_ECORRUPT);	/* +inf */
	memcpy(bad + 11, "\x80\0\0\0\0\0\0\0", 8);
	CHECK_INT(decode_status(bad, sizeof(one)), TL_OK);	/* -0 -> 0 */

	/* a name of TL_MAX_ENTITY bytes decodes; one more does not */
	{
		size_t		len = 6 + 4 + TL_MAX_ENTITY + 1 + 8;
		uint8_t    *big = calloc(1, len);

		big[0] = 1;
		big[1] = 0xff;
		big[5] = 1;
		big[8] = TL_MAX_ENTITY >> 8;
		memset(big + 10, 'n', TL_MAX_ENTITY + 1);
		CHECK_INT(decode_status(big, len - 1), TL_OK);
		big[9] = 1;
		CHECK_INT(decode_status(big, len), TL_ECORRUPT);
		free(big);
	}

	/* every single-byte change fails cleanly or decodes to a builder */
	for (i = 0; i < sizeof(one); i++)
	{
		int			bit;

		for (bit = 0; bit < 8; bit++)
		{
			tl_builder	c;
			tl_status	st;

			memcpy(bad, one, sizeof(one));
			bad[i] ^= (uint8_t) (1 << bit);
			tl_builder_init(&c, TL_NO_ROUNDING, &alloc);
			st = tl_decode(bad, sizeof(one), &c);
			CHECK(st == TL_OK || st == TL_ECORRUPT);
			if (st == TL_OK)
			{
				CHECK(c.n == 1 && isfinite(c.entries[0].value));
				CHECK(finish(&c, &l) == TL_OK && view_round_trip(&l));
				league_free(&l);
			}
			tl_builder_free(&c);
		}
	}
#undef MUTATE
	CHECK_INT(outstanding, 0);
}

/* ---- text form ---- */

static char text[8192];

/* Format l into text; its length or -1. */
static long
format(const league *l)
{
	size_t		len = 0;

	if (tl_format(&l->v, text, sizeof(text), &len) != TL_OK ||
		len != strlen(text))
		return -1;
	return (long) len;
}

static tl_status
parse_status(const char *s)
{
	tl_builder	b;
	tl_status	st;

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	st = tl_parse(s, strlen(s), &b, NULL);
	if (st != TL_OK)
		CHECK(b.n == 0);
	tl_builder_free(&b);
	return st;
}

/* Where tl_parse says s went wrong: "pos:token" and the item. */
static tl_status
parse_where(const char *s, const char **tok, const char **item, size_t *name_len)
{
	static char tokbuf[TL_MAX_ENTITY + 64];
	static char itembuf[TL_MAX_ENTITY + 64];
	tl_builder	b;
	dt_error	e;
	tl_status	st;
	size_t		n = strlen(s);

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	memset(&e, 0xff, sizeof(e));
	st = tl_parse(s, n, &b, &e);
	tl_builder_free(&b);
	tokbuf[0] = itembuf[0] = '\0';
	if (st != TL_OK && e.pos <= n && e.len <= n - e.pos && e.item_pos <= n &&
		e.item_len <= n - e.item_pos && e.len < TL_MAX_ENTITY + 32 &&
		e.item_len < TL_MAX_ENTITY + 32)
	{
		snprintf(tokbuf, sizeof(tokbuf), "%zu:%.*s", e.pos, (int) e.len, s + e.pos);
		snprintf(itembuf, sizeof(itembuf), "%.*s", (int) e.item_len, s + e.item_pos);
	}
	*tok = tokbuf;
	*item = itembuf;
	if (name_len != NULL)
		*name_len = e.name_len;
	return st;
}

/* Parse s and format it again. */
static const char *
reformat(const char *s)
{
	tl_builder	b;
	league		l;
	tl_status	st;

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	st = tl_parse(s, strlen(s), &b, NULL);
	if (st == TL_OK)
		st = finish(&b, &l);
	tl_builder_free(&b);
	if (st != TL_OK)
		return "(error)";
	if (format(&l) < 0)
		strcpy(text, "(format error)");
	league_free(&l);
	return text;
}

/* Format l, parse it back, flatten: the same block. */
static int
text_round_trip(const league *l)
{
	tl_builder	b;
	league		back;
	long		len = format(l);
	int			ok;

	if (len < 0)
		return 0;
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	ok = tl_parse(text, (size_t) len, &b, NULL) == TL_OK && finish(&b, &back) == TL_OK;
	if (ok)
	{
		ok = back.size == l->size && memcmp(back.flat, l->flat, l->size) == 0;
		league_free(&back);
	}
	tl_builder_free(&b);
	return ok;
}

static void
test_text(void)
{
	static const char *const names[] = {"d", "b", "c", "a"};
	static const double values[] = {30, 20, 20, 10};
	static const char *const odd_names[] = {
		"say \"hi\"", "back\\slash", "鄞州区", "宁波·北仑", "", "tab\there",
		"\\\"", "new\nline"
	};
	static const double numbers[] = {
		1e15, 1e14, 0.0001, 0.00001, -1.5, 0.30000000000000004,
		DBL_MAX, 5e-324
	};
	league		l;
	size_t		len;
	char		small[8];

	CHECK_INT(make(&l, TL_NO_ROUNDING, names, values, 4), TL_OK);
	CHECK_INT(format(&l), 36);
	CHECK_STR(text, "{\"d\": 30, \"b\": 20, \"c\": 20, \"a\": 10}");
	CHECK(text_round_trip(&l));
	/* the buffer one byte short of the NUL: *len is the text's length */
	len = 0;
	CHECK_INT(tl_format(&l.v, small, 8, &len), TL_EBUF);
	CHECK_INT(len, 36);
	CHECK_STR(small, "");
	{
		char	   *exact = malloc(37);

		CHECK_INT(tl_format(&l.v, exact, 36, &len), TL_EBUF);
		CHECK_INT(tl_format(&l.v, exact, 37, &len), TL_OK);
		CHECK_STR(exact, "{\"d\": 30, \"b\": 20, \"c\": 20, \"a\": 10}");
		free(exact);
	}
	CHECK_INT(tl_format(&l.v, NULL, 0, &len), TL_EBUF);
	CHECK_INT(len, 36);
	league_free(&l);

	/* decimals go after the brace; values are the rounded ones */
	{
		static const char *const rn[] = {"x", "y", "z"};
		static const double rv[] = {24.14, 24.06, 24.2};

		CHECK_INT(make(&l, 1, rn, rv, 3), TL_OK);
		format(&l);
		CHECK_STR(text, "{\"z\": 24.2, \"x\": 24.1, \"y\": 24.1}/1");
		CHECK(text_round_trip(&l));
		league_free(&l);
		CHECK_INT(make(&l, 15, rn, rv, 1), TL_OK);
		format(&l);
		CHECK_STR(text, "{\"x\": 24.14}/15");
		CHECK(text_round_trip(&l));
		league_free(&l);
	}

	/* names that need escaping, and Chinese */
	CHECK_INT(make(&l, TL_NO_ROUNDING, odd_names, numbers, 8), TL_OK);
	CHECK(text_round_trip(&l));
	league_free(&l);
	CHECK_INT(make(&l, TL_NO_ROUNDING, odd_names, numbers, 2), TL_OK);
	format(&l);
	CHECK_STR(text, "{\"say \\\"hi\\\"\": 1e+15, \"back\\\\slash\": 100000000000000}");
	league_free(&l);
	CHECK_STR(reformat("{\"\\\\\\\"\": 1}"), "{\"\\\\\\\"\": 1}");
	CHECK_STR(reformat("{\"鄞州区\": 24.1}"), "{\"鄞州区\": 24.1}");

	/* numbers as float8out prints them */
	CHECK_STR(reformat("{\"a\": 1e15}"), "{\"a\": 1e+15}");
	CHECK_STR(reformat("{\"a\": 123456789012345}"), "{\"a\": 123456789012345}");
	CHECK_STR(reformat("{\"a\": 0.0001}"), "{\"a\": 0.0001}");
	CHECK_STR(reformat("{\"a\": 0.00001}"), "{\"a\": 1e-05}");
	CHECK_STR(reformat("{\"a\": -0.000123}"), "{\"a\": -0.000123}");
	CHECK_STR(reformat("{\"a\": 1.5E-7}"), "{\"a\": 1.5e-07}");
	CHECK_STR(reformat("{\"a\": 1.7976931348623157e308}"),
			  "{\"a\": 1.7976931348623157e+308}");
	CHECK_STR(reformat("{\"a\": 4.9e-324}"), "{\"a\": 5e-324}");
	CHECK_STR(reformat("{\"a\": 0.1e1}"), "{\"a\": 1}");
	CHECK_STR(reformat("{\"a\": -0}"), "{\"a\": 0}");
	CHECK_STR(reformat("{\"a\": +2.50}"), "{\"a\": 2.5}");
	CHECK_STR(reformat("{\"a\": 0.30000000000000004}"),
			  "{\"a\": 0.30000000000000004}");

	/* any order, ASCII whitespace anywhere between tokens */
	CHECK_STR(reformat(" \t{ \"b\" :2 ,\n\"a\":1,\"c\" : 3 }\r\n/ 1 \f"),
			  "{\"c\": 3, \"b\": 2, \"a\": 1}/1");
	/* values are rounded once the decimals are known */
	CHECK_STR(reformat("{\"a\": 24.14, \"b\": 24.05}/1"),
			  "{\"a\": 24.1, \"b\": 24}/1");
	CHECK_STR(reformat("{\"a\": 1}/01"), "{\"a\": 1}/1");
	CHECK_STR(reformat("{\"a\": 1}/0"), "{\"a\": 1}/0");

	CHECK_INT(parse_status(""), TL_ESYNTAX);
	CHECK_INT(parse_status("   "), TL_ESYNTAX);
	CHECK_INT(parse_status("{}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{ }/1"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1,}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{,\"a\": 1}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\" 1}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": }"), TL_ESYNTAX);
	CHECK_INT(parse_status("{a: 1}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a: 1}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\\"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\\n\": 1}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1 \"b\": 2}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1} x"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1}{"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1}/"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1}/-1"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1}/1.5"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1}/16"), TL_EARG);
	CHECK_INT(parse_status("{\"a\": 1}/99999999999999999999"), TL_EARG);
	CHECK_INT(parse_status("{\"a\": nan}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": NaN}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": inf}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": Infinity}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 0x10}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1e}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": 1-2}"), TL_ESYNTAX);
	CHECK_INT(parse_status("{\"a\": .}"), TL_ESYNTAX);
	/* out of float8 range, as float8in judges: underflow to 0, overflow;
	 * denormals are numbers */
	CHECK_INT(parse_status("{\"a\": 1e999}"), TL_ERANGE);
	CHECK_INT(parse_status("{\"a\": -1e999}"), TL_ERANGE);
	CHECK_INT(parse_status("{\"a\": 1e-400}"), TL_ERANGE);
	CHECK_INT(parse_status("{\"a\": -1e-400}"), TL_ERANGE);
	CHECK_INT(parse_status("{\"a\": 2e-324}"), TL_ERANGE);
	CHECK_INT(parse_status("{\"a\": 1, \"b\": 1e-400}/1"), TL_ERANGE);
	CHECK_STR(reformat("{\"a\": 1e-310}"), "{\"a\": 1e-310}");
	CHECK_STR(reformat("{\"a\": 0e-400}"), "{\"a\": 0}");
	CHECK_INT(parse_status("{\"a\": 1, \"a\": 2}"), TL_OK);	/* flatten says */
	CHECK_STR(reformat("{\"a\": 1, \"a\": 2}"), "(error)");
	CHECK_INT(parse_status("{\"a\": 1}"), TL_OK);
	{
		static const char nul[] = "{\"a\0b\": 1}";
		tl_builder	b;

		tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
		CHECK_INT(tl_parse(nul, sizeof(nul) - 1, &b, NULL), TL_ETOOLONG);
		CHECK_INT(tl_parse("{\"a\": 1}", 8, &b, NULL), TL_OK);
		CHECK_INT(tl_parse("{\"a\": 1}", 8, &b, NULL), TL_EARG);	/* not empty */
		tl_builder_free(&b);
	}
	/* a name of TL_MAX_ENTITY bytes, escapes counted once; then one more */
	{
		char	   *s = malloc(2 * TL_MAX_ENTITY + 32);
		size_t		n = 0;
		int			i;

		s[n++] = '{';
		s[n++] = '"';
		for (i = 0; i < TL_MAX_ENTITY; i++)
		{
			s[n++] = '\\';
			s[n++] = '"';
		}
		strcpy(s + n, "\": 1}");
		CHECK_INT(parse_status(s), TL_OK);
		strcpy(s + n, "x\": 1}");
		CHECK_INT(parse_status(s), TL_ETOOLONG);
		/* a number token longer than any float8out writes */
		memset(s, '1', 500);
		memcpy(s, "{\"a\": ", 6);
		strcpy(s + 500, "}");
		CHECK_INT(parse_status(s), TL_ESYNTAX);
		free(s);
	}

	/* where the text went wrong, for the messages */
	{
		const char *tok;
		const char *item;

		CHECK_INT(parse_where("{\"a\": 1, \"b\\\"c\": 1e-400}", &tok, &item, NULL), TL_ERANGE);
		CHECK_STR(tok, "17:1e-400");
		CHECK_STR(item, "\"b\\\"c\"");
		CHECK_INT(parse_where("{\"a\": 1}/16", &tok, &item, NULL), TL_EARG);
		CHECK_STR(tok, "9:16");
		CHECK_INT(parse_where("{\"a\" 1}", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "5:");
		CHECK_STR(item, "\"a\"");
		CHECK_INT(parse_where("{ }", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "2:");
		CHECK_INT(parse_where("{\"a\": x}", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "6:");
		CHECK_INT(parse_where("{\"a\\n\": 1}", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "4:");
		CHECK_INT(parse_where("{\"a", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "3:");
		CHECK_INT(parse_where("{\"a\": 1} x", &tok, &item, NULL), TL_ESYNTAX);
		CHECK_STR(tok, "9:");
		CHECK_STR(item, "");
	}
	/* a name over the limit: the whole quoted name and its unescaped length */
	{
		char	   *s = malloc(TL_MAX_ENTITY + 64);
		const char *tok;
		const char *item;
		size_t		name_len;

		strcpy(s, "{\"x\": 1, \"\\\\");
		memset(s + 12, 'y', TL_MAX_ENTITY);
		strcpy(s + 12 + TL_MAX_ENTITY, "\": 2}");
		CHECK_INT(parse_where(s, &tok, &item, &name_len), TL_ETOOLONG);
		CHECK_INT(name_len, TL_MAX_ENTITY + 1);
		CHECK_INT(strlen(tok), strlen("9:") + TL_MAX_ENTITY + 4);
		CHECK(strncmp(tok, "9:\"\\\\yyy", 8) == 0);
		/* one byte less fits */
		strcpy(s, "{\"x\": 1, \"");
		memset(s + 10, 'y', TL_MAX_ENTITY);
		strcpy(s + 10 + TL_MAX_ENTITY, "\": 2}");
		CHECK_INT(parse_where(s, &tok, &item, &name_len), TL_OK);
		/* unterminated: malformed, however long */
		s[10 + TL_MAX_ENTITY] = 'y';
		s[11 + TL_MAX_ENTITY] = '\0';
		CHECK_INT(parse_where(s, &tok, &item, &name_len), TL_ESYNTAX);
		free(s);
	}

	/* random leagues round trip through text */
	{
		int			iter;
		int			bad = 0;

		for (iter = 0; iter < 300; iter++)
		{
			tl_builder	b;
			int			n = 1 + (int) rnd(20);
			int			decimals = (int) rnd(17) - 1;
			int			i;

			tl_builder_init(&b, decimals, &alloc);
			for (i = 0; i < n; i++)
			{
				char		name[24];
				uint64_t	bits = ((uint64_t) rnd(1u << 31) << 33) ^
					((uint64_t) rnd(1u << 31) << 2) ^ rnd(4);
				double		x;

				memcpy(&x, &bits, sizeof(x));
				if (!isfinite(x))
					x = (double) rnd(100) / 3;
				snprintf(name, sizeof(name), "\"%d\\%c", i, (char) ('a' + rnd(26)));
				tl_builder_add(&b, NAME(name), x);
			}
			if (finish(&b, &l) != TL_OK)
				bad++;
			else
			{
				if (!text_round_trip(&l) || !view_round_trip(&l))
					bad++;
				league_free(&l);
			}
			tl_builder_free(&b);
		}
		CHECK_INT(bad, 0);
	}
	CHECK_INT(outstanding, 0);
}

static void
test_enomem(void)
{
	static const uint8_t two[] = {
		1, 0xff, 0, 0, 0, 2,
		0, 0, 0, 1, 'a', 0x3f, 0xf0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 1, 'b', 0x40, 0, 0, 0, 0, 0, 0, 0
	};
	tl_builder	b;
	tl_builder	c;
	char		name[100];
	int			i;
	int			round;
	int			ok = 1;

	/* every allocation failure is TL_ENOMEM and leaves b usable */
	for (round = 0; round < 4; round++)
	{
		budget = round;
		tl_builder_init(&b, TL_NO_ROUNDING, &limited);
		for (i = 0; i < 40; i++)
		{
			tl_status	st;
			uint32_t	n = b.n;

			memset(name, 'a' + i % 26, sizeof(name));
			st = tl_builder_add(&b, name, sizeof(name), i);
			if (st != TL_OK && (st != TL_ENOMEM || b.n != n))
				ok = 0;
		}
		if (round == 0 && b.n != 0)
			ok = 0;
		tl_builder_free(&b);
	}
	CHECK(ok);

	budget = 1;
	tl_builder_init(&b, TL_NO_ROUNDING, &limited);
	CHECK_INT(tl_decode(two, sizeof(two), &b), TL_ENOMEM);
	CHECK_INT(b.n, 0);
	tl_builder_free(&b);
	budget = 1;
	tl_builder_init(&b, TL_NO_ROUNDING, &limited);
	CHECK_INT(tl_parse("{\"a\": 1}", 8, &b, NULL), TL_ENOMEM);
	tl_builder_free(&b);

	budget = 2;
	tl_builder_init(&b, TL_NO_ROUNDING, &limited);
	tl_builder_init(&c, TL_NO_ROUNDING, &alloc);
	CHECK_INT(tl_builder_add(&b, "x", 1, 1), TL_OK);
	for (i = 0; i < 100; i++)
		CHECK_INT(tl_builder_add(&c, "y", 1, i), TL_OK);
	CHECK_INT(tl_builder_merge(&b, &c), TL_ENOMEM);
	CHECK_INT(b.n, 1);
	tl_builder_free(&b);
	tl_builder_free(&c);

	/* beyond the int32 offsets of the flat form: refused before allocating */
	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	b.n = 107374181;			/* 20 + 20 (n + 1) + 7 > INT32_MAX */
	b.cap = b.n;
	CHECK_INT(tl_builder_add(&b, "", 0, 1), TL_ENOMEM);
	b.n = 107374180;			/* fits, but not with a byte of names */
	b.pool_len = 1;
	CHECK_INT(tl_builder_add(&b, "", 0, 1), TL_ENOMEM);
	b.n = 0;
	b.cap = 0;
	b.pool_len = 0;
	tl_builder_free(&b);
	CHECK_INT(outstanding, 0);
}

int
main(void)
{
	test_ranks();
	test_rounding();
	test_leader_and_gaps();
	test_top_bottom();
	test_mean_median();
	test_rank_change();
	test_build_errors();
	test_view_of();
	test_oracle();
	test_merge();
	test_binary();
	test_text();
	test_enomem();
	CHECK_INT(outstanding, 0);
	return check_report("league");
}
