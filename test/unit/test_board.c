/*
 * test_board.c — unit tests of src/core/board.c, the rules of a 晾晒表 row.
 *
 * Hand-derived figures for every kind of target (amount only, growth only,
 * both, loss limits, none), the ratio kind, the light's thresholds and
 * what it follows, the errors of a rate; hand-derived standings (ties at
 * the printed decimal with the tie tolerance, lower is better, unranked
 * rows, rank change, gap to the leader); and a randomized check that the
 * standing is exactly the league core's (what the scoreboard used).
 */
#include "board.h"
#include "league.h"
#include "check.h"

#include <float.h>
#include <stdlib.h>

/* ---- building rows ---- */

static tb_readings
reading(void)
{
	tb_readings r;

	memset(&r, 0, sizeof r);
	return r;
}

static tb_readings
with_growth(tb_readings r, double g)
{
	r.has_growth = true;
	r.growth = g;
	return r;
}

static tb_readings
with_actual(tb_readings r, double a)
{
	r.has_actual = true;
	r.actual = a;
	return r;
}

static tb_target
target(bool has_amount, double amount, bool has_growth, double growth)
{
	tb_target	t;

	memset(&t, 0, sizeof t);
	t.period = 0;
	t.has_amount = has_amount;
	t.amount = amount;
	t.has_growth = has_growth;
	t.growth = growth;
	return t;
}

/* Figures of one row; the row is filled with garbage first, to show
 * that every figure is written. */
static tr_status
figures(tb_row *row, tb_readings r, const tb_target *t, double progress,
		tb_kind kind)
{
	memset(row, 0x5a, sizeof *row);
	return tb_row_figures(row, &r, t, progress, kind, true);
}

/* ---- figures ---- */

static void
test_no_target(void)
{
	tb_row		row;
	tb_readings r = with_actual(with_growth(reading(), 12.0), 500.0);

	CHECK(figures(&row, r, NULL, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_target);
	CHECK(row.r.has_growth && row.r.growth == 12.0);
	CHECK(row.r.has_actual && row.r.actual == 500.0);
	CHECK(!row.has_attainment);
	CHECK(!row.has_growth_gap);
	CHECK(!row.has_time_progress);
	CHECK(!row.has_pace);
	CHECK(!row.has_light);
	CHECK(row.error_in == NULL);
}

static void
test_amount_only(void)
{
	tb_row		row;
	tb_target	t = target(true, 1000.0, false, 0.0);

	/* 700 of 1000 at half time: 70% done, 20 points ahead: green */
	CHECK(figures(&row, with_actual(with_growth(reading(), 3.0), 700.0), &t, 50.0,
				  TB_AMOUNT) == TR_OK);
	CHECK(row.has_target && row.target.has_amount && row.target.amount == 1000.0);
	CHECK(row.has_attainment);
	CHECK_NEAR(row.attainment, 70.0, 1e-12);
	CHECK(row.has_time_progress && row.time_progress == 50.0);
	CHECK(row.has_pace);
	CHECK_NEAR(row.pace, 20.0, 1e-12);
	CHECK(!row.has_growth_gap);	/* a growth but no growth target */
	CHECK(row.has_light && row.light == TR_GREEN);

	/* 124.9% of the target at 100% of time */
	CHECK(figures(&row, with_actual(reading(), 1249.0), &t, 100.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.attainment, 124.9, 1e-12);
	CHECK_NEAR(row.pace, 24.9, 1e-12);

	/* light thresholds: pace 0 is green, -5 yellow, below -5 red */
	t = target(true, 100.0, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), 50.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.has_pace && row.pace == 0.0);
	CHECK(row.light == TR_GREEN);
	CHECK(figures(&row, with_actual(reading(), 45.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.has_pace && row.pace == -5.0);
	CHECK(row.light == TR_YELLOW);
	CHECK(figures(&row, with_actual(reading(), 44.9), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.pace, -5.1, 1e-12);
	CHECK(row.light == TR_RED);
	CHECK(figures(&row, with_actual(reading(), 49.9), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.light == TR_YELLOW);

	/* less is better (energy use under a cap of 100): 55 used at half
	 * the year is 5 points ahead of the cap's calendar, yellow; 56 is
	 * red; 45, below the calendar, green. A growth of -5% against a
	 * target of -3% is 2 points better, green. */
	{
	tb_target	cap = target(true, 100.0, false, 0.0);
	tb_target	cut = target(false, 0.0, true, -3.0);

	CHECK(tb_row_figures(&row, &(tb_readings) {.has_actual = true, .actual = 55.0}, &cap, 50.0,
						 TB_AMOUNT, false) == TR_OK);
	CHECK_NEAR(row.pace, 5.0, 1e-12);
	CHECK(row.light == TR_YELLOW);
	CHECK(tb_row_figures(&row, &(tb_readings) {.has_actual = true, .actual = 56.0}, &cap, 50.0,
						 TB_AMOUNT, false) == TR_OK);
	CHECK(row.light == TR_RED);
	CHECK(tb_row_figures(&row, &(tb_readings) {.has_actual = true, .actual = 45.0}, &cap, 50.0,
						 TB_AMOUNT, false) == TR_OK);
	CHECK(row.light == TR_GREEN);
	CHECK(tb_row_figures(&row, &(tb_readings) {.has_growth = true, .growth = -5.0}, &cut, 50.0,
						 TB_AMOUNT, false) == TR_OK);
	CHECK(row.growth_gap == -2.0 && row.light == TR_GREEN);
	CHECK(tb_row_figures(&row, &(tb_readings) {.has_growth = true, .growth = 3.0}, &cut, 50.0,
						 TB_AMOUNT, false) == TR_OK);
	CHECK(row.growth_gap == 6.0 && row.light == TR_RED);
	}

	/* an amount target but no actual read: time progress only */
	CHECK(figures(&row, with_growth(reading(), 5.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.has_time_progress);
	CHECK(!row.has_attainment && !row.has_pace && !row.has_growth_gap && !row.has_light);

	/* a zero target: no attainment, no pace (TR_NULL), no light */
	t = target(true, 0.0, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), 5.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_attainment && !row.has_pace && !row.has_light);
	CHECK(row.error_in == NULL);
}

static void
test_growth_only(void)
{
	tb_row		row;
	tb_target	t = target(false, 0.0, true, 8.0);

	/* growth 10.5 against 8: 2.5 points ahead, green */
	CHECK(figures(&row, with_actual(with_growth(reading(), 10.5), 600.0), &t, 50.0,
				  TB_AMOUNT) == TR_OK);
	CHECK(row.has_growth_gap);
	CHECK_NEAR(row.growth_gap, 2.5, 1e-12);
	CHECK(!row.has_attainment && !row.has_pace);	/* no amount to attain */
	CHECK(row.has_time_progress && row.time_progress == 50.0);
	CHECK(row.has_target && !row.target.has_amount && row.target.growth == 8.0);
	CHECK(row.has_light && row.light == TR_GREEN);
	/* gap exactly 0: green; exactly -5: yellow; below: red */
	CHECK(figures(&row, with_growth(reading(), 8.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.growth_gap == 0.0 && row.light == TR_GREEN);
	CHECK(figures(&row, with_growth(reading(), 3.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.growth_gap == -5.0 && row.light == TR_YELLOW);
	CHECK(figures(&row, with_growth(reading(), 2.5), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.growth_gap == -5.5 && row.light == TR_RED);
	CHECK(figures(&row, with_growth(reading(), 7.9), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.light == TR_YELLOW);
	/* no growth read: nothing but time progress */
	CHECK(figures(&row, reading(), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_growth_gap && !row.has_light && row.has_time_progress);
	/* a gap beyond the double range is left out, not an error */
	t = target(false, 0.0, true, -DBL_MAX);
	CHECK(figures(&row, with_growth(reading(), DBL_MAX), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_growth_gap && !row.has_light);
	/* a target of decline (an energy-intensity cut): -3 against -5 */
	t = target(false, 0.0, true, -5.0);
	CHECK(figures(&row, with_growth(reading(), -3.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(row.growth_gap == 2.0 && row.light == TR_GREEN);
}

static void
test_both(void)
{
	tb_row		row;
	tb_target	t = target(true, 1000.0, true, 8.0);

	/* pace decides the light: 40% done at 50% time (-10, red) although
	 * growth is 5 points above its target */
	CHECK(figures(&row, with_actual(with_growth(reading(), 13.0), 400.0), &t, 50.0,
				  TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.attainment, 40.0, 1e-12);
	CHECK_NEAR(row.pace, -10.0, 1e-12);
	CHECK(row.has_growth_gap && row.growth_gap == 5.0);
	CHECK(row.light == TR_RED);
	/* and the other way round: ahead of time, growth far behind */
	CHECK(figures(&row, with_actual(with_growth(reading(), -20.0), 600.0), &t, 50.0,
				  TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.pace, 10.0, 1e-12);
	CHECK(row.growth_gap == -28.0);
	CHECK(row.light == TR_GREEN);
	/* without an actual the gap decides */
	CHECK(figures(&row, with_growth(reading(), 4.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_pace && row.growth_gap == -4.0 && row.light == TR_YELLOW);
}

static void
test_loss_limit(void)
{
	tb_row		row;
	tb_target	t = target(true, -100.0, false, 0.0);

	/* a loss of 80 against a limit of 100: attainment 120; at half time
	 * the allowance is 50, so 30 points behind: red */
	CHECK(figures(&row, with_actual(reading(), -80.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.attainment, 120.0, 1e-12);
	CHECK_NEAR(row.pace, -30.0, 1e-12);
	CHECK(row.light == TR_RED);
	/* a loss of 40: attainment 160, 10 points ahead */
	CHECK(figures(&row, with_actual(reading(), -40.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.attainment, 160.0, 1e-12);
	CHECK_NEAR(row.pace, 10.0, 1e-12);
	CHECK(row.light == TR_GREEN);
	/* breaking even: 200% */
	CHECK(figures(&row, with_actual(reading(), 0.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.attainment, 200.0, 1e-12);
	/* -50 against -120 at half time: 8.3 points ahead (rates.h) */
	t = target(true, -120.0, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), -50.0), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK_NEAR(row.pace, 50.0 - 50.0 / 120.0 * 100.0, 1e-12);
	CHECK(row.light == TR_GREEN);
}

static void
test_ratio(void)
{
	tb_row		row;
	tb_target	t = target(true, 98.0, true, 0.5);

	/* a ratio (产销率): never attainment nor pace, even with an actual;
	 * its change in points against the target's */
	CHECK(figures(&row, with_actual(with_growth(reading(), 0.3), 98.1), &t, 50.0,
				  TB_RATIO) == TR_OK);
	CHECK(!row.has_attainment && !row.has_pace);
	CHECK(row.has_growth_gap);
	CHECK_NEAR(row.growth_gap, -0.2, 1e-12);
	CHECK(row.has_time_progress);
	CHECK(row.light == TR_YELLOW);
	CHECK(row.has_target && row.target.amount == 98.0);
	CHECK(figures(&row, with_actual(reading(), 98.1), &t, 50.0, TB_RATIO) == TR_OK);
	CHECK(!row.has_light);
}

static void
test_errors(void)
{
	tb_row		row;
	tb_target	t = target(true, NAN, false, 0.0);

	CHECK(figures(&row, with_actual(reading(), 5.0), &t, 50.0, TB_AMOUNT) == TR_ENAN);
	CHECK_STR(row.error_in, "attainment");
	t = target(true, INFINITY, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), 5.0), &t, 50.0, TB_AMOUNT) == TR_EINF);
	CHECK_STR(row.error_in, "attainment");
	/* progress outside 0..100 is the pace's error */
	t = target(true, 100.0, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), 5.0), &t, 150.0, TB_AMOUNT) == TR_EARG);
	CHECK_STR(row.error_in, "pace");
	/* but not where no pace is computed */
	CHECK(figures(&row, reading(), &t, 150.0, TB_AMOUNT) == TR_OK);
	CHECK(row.error_in == NULL);
	/* an attainment beyond the double range: left out, not an error */
	t = target(true, 1e-300, false, 0.0);
	CHECK(figures(&row, with_actual(reading(), 1e300), &t, 50.0, TB_AMOUNT) == TR_OK);
	CHECK(!row.has_attainment && !row.has_pace && !row.has_light);
}

/* ---- standing ---- */

#define MAXROWS 300

static tb_row rows[MAXROWS];
static tb_row *ptrs[MAXROWS];
static void *scratch;

static tr_status
rank(int n, bool desc, int decimals)
{
	int			i;

	for (i = 0; i < n; i++)
		ptrs[i] = &rows[i];
	free(scratch);
	scratch = malloc(tb_rank_scratch_size(n) + 1);
	return tb_rank_peers(ptrs, n, desc, decimals, scratch);
}

static void
set_growth(int i, double g)
{
	rows[i].r.has_growth = true;
	rows[i].r.growth = g;
}

static void
set_previous(int i, double g)
{
	rows[i].r.has_previous_growth = true;
	rows[i].r.previous_growth = g;
}

static void
set_value(int i, double v)
{
	rows[i].r.has_value = true;
	rows[i].r.value = v;
}

static void
clear_rows(void)
{
	memset(rows, 0x5a, sizeof rows);
	for (int i = 0; i < MAXROWS; i++)
		rows[i].r = reading();
}

enum
{
	A, B, C, D, E, F, G
};

static void
setup_growths(void)
{
	double		g035;

	clear_rows();
	CHECK(tr_growth(100.35, 100.0, &g035) == TR_OK);
	CHECK(g035 != 0.35 && g035 < 0.35);	/* 0.3499999999999943 */
	set_growth(A, 25.0);
	set_growth(B, 24.14);		/* 24.1 */
	set_growth(C, 24.06);		/* 24.1: tied with B */
	set_growth(D, 24.05);		/* 24.0, half even */
	set_growth(E, g035);		/* 0.4: rounds as the tie 0.35 */
	set_growth(F, 0.3);
	/* G: no growth, unranked */
	set_previous(A, 20.0);
	set_previous(B, 30.0);
	set_previous(C, 25.04);		/* 25.0 */
	set_previous(E, 10.0);
	set_previous(G, 40.0);		/* first before, no growth now */
}

static void
test_rank_growth(void)
{
	int			i;

	setup_growths();
	CHECK(rank(7, true, 1) == TR_OK);
	for (i = A; i <= G; i++)
		CHECK_INT(rows[i].peers, 7);
	CHECK(rows[A].has_rank_growth && rows[A].rank_growth == 1 && rows[A].tied_growth == 1);
	CHECK_INT(rows[B].rank_growth, 2);
	CHECK_INT(rows[B].tied_growth, 2);
	CHECK_INT(rows[C].rank_growth, 2);
	CHECK_INT(rows[C].tied_growth, 2);
	CHECK_INT(rows[D].rank_growth, 4);
	CHECK_INT(rows[D].tied_growth, 1);
	CHECK_INT(rows[E].rank_growth, 5);
	CHECK_INT(rows[F].rank_growth, 6);
	CHECK(!rows[G].has_rank_growth && rows[G].rank_growth == 0 && rows[G].tied_growth == 0);
	/* gap to the leader on the rounded growths, rounded again */
	CHECK(rows[A].has_gap_to_leader && rows[A].gap_to_leader == 0.0);
	CHECK(rows[B].gap_to_leader == 0.9 && rows[C].gap_to_leader == 0.9);
	CHECK(rows[D].gap_to_leader == 1.0);
	CHECK(rows[E].gap_to_leader == 24.6);
	CHECK(rows[F].gap_to_leader == 24.7);
	CHECK(!rows[G].has_gap_to_leader);
	/* previous ranks: G 40 (1), B 30 (2), C 25.0 (3), A 20 (4), E 10 (5) */
	CHECK(rows[A].has_rank_change && rows[A].rank_change == 3);	/* 4 -> 1 */
	CHECK(rows[B].has_rank_change && rows[B].rank_change == 0);	/* 2 -> 2 */
	CHECK(rows[C].has_rank_change && rows[C].rank_change == 1);	/* 3 -> 2 */
	CHECK(!rows[D].has_rank_change);	/* not ranked before */
	CHECK(rows[E].has_rank_change && rows[E].rank_change == 0);	/* 5 -> 5 */
	CHECK(!rows[F].has_rank_change);
	CHECK(!rows[G].has_rank_change);	/* not ranked now */
	/* no values: no amount ranks */
	for (i = A; i <= G; i++)
		CHECK(!rows[i].has_rank_amount && rows[i].rank_amount == 0);
}

static void
test_rank_lower_better(void)
{
	setup_growths();
	CHECK(rank(7, false, 1) == TR_OK);
	CHECK_INT(rows[F].rank_growth, 1);
	CHECK_INT(rows[E].rank_growth, 2);
	CHECK_INT(rows[D].rank_growth, 3);
	CHECK_INT(rows[B].rank_growth, 4);
	CHECK_INT(rows[C].rank_growth, 4);
	CHECK_INT(rows[C].tied_growth, 2);
	CHECK_INT(rows[A].rank_growth, 6);
	CHECK(!rows[G].has_rank_growth);
	CHECK(rows[F].gap_to_leader == 0.0);
	CHECK(rows[E].gap_to_leader == 0.1);
	CHECK(rows[D].gap_to_leader == 23.7);
	CHECK(rows[B].gap_to_leader == 23.8);
	CHECK(rows[A].gap_to_leader == 24.7);
	/* previous, lowest first: E 10 (1), A 20 (2), C 25.0 (3), B 30 (4), G (5) */
	CHECK_INT(rows[A].rank_change, 2 - 6);
	CHECK_INT(rows[B].rank_change, 4 - 4);
	CHECK_INT(rows[C].rank_change, 3 - 4);
	CHECK_INT(rows[E].rank_change, 1 - 2);
}

static void
test_rank_amount(void)
{
	clear_rows();
	/* decimals 0: 100.4 -> 100, 100.5 -> 100 (half even), 101.5 -> 102,
	 * 99.6 -> 100, 99.4 -> 99 */
	set_value(0, 100.4);
	set_value(1, 100.5);
	set_value(2, 101.5);
	set_value(3, 99.6);
	set_value(4, 99.4);
	/* 5: no value */
	CHECK(rank(6, true, 0) == TR_OK);
	CHECK_INT(rows[2].rank_amount, 1);
	CHECK_INT(rows[0].rank_amount, 2);
	CHECK_INT(rows[1].rank_amount, 2);
	CHECK_INT(rows[3].rank_amount, 2);
	CHECK_INT(rows[3].tied_amount, 3);
	CHECK_INT(rows[4].rank_amount, 5);
	CHECK(!rows[5].has_rank_amount && rows[5].tied_amount == 0);
	/* growth absent everywhere: no growth rank, no gap, no change */
	CHECK(!rows[0].has_rank_growth && !rows[0].has_gap_to_leader && !rows[0].has_rank_change);
	CHECK(rank(6, false, 0) == TR_OK);
	CHECK_INT(rows[4].rank_amount, 1);
	CHECK_INT(rows[0].rank_amount, 2);
	CHECK_INT(rows[2].rank_amount, 5);
	/* decimals 2: 12.345 (12.34, half even: the double lies below .345
	 * within the tolerance) and 12.335 (12.34) tie; 12.3449 does not */
	clear_rows();
	set_value(0, 12.345);
	set_value(1, 12.335);
	set_value(2, 12.3449);
	CHECK(rank(3, true, 2) == TR_OK);
	CHECK_INT(rows[0].rank_amount, 1);
	CHECK_INT(rows[1].rank_amount, 1);
	CHECK_INT(rows[2].rank_amount, 1 + 2 * (12.3449 < 12.335));
	/* amounts rank at the indicator's decimals, growth always at 1 */
	clear_rows();
	set_value(0, 1.06);
	set_value(1, 1.14);
	set_growth(0, 1.06);		/* 1.1 */
	set_growth(1, 1.14);		/* 1.1 */
	CHECK(rank(2, true, 2) == TR_OK);
	CHECK_INT(rows[1].rank_amount, 1);
	CHECK_INT(rows[0].rank_amount, 2);
	CHECK_INT(rows[0].rank_growth, 1);
	CHECK_INT(rows[1].rank_growth, 1);
	CHECK_INT(rows[1].tied_growth, 2);
}

static void
test_rank_edges(void)
{
	clear_rows();
	CHECK(rank(0, true, 1) == TR_OK);
	/* one row: first, no gap */
	set_growth(0, -3.0);
	CHECK(rank(1, true, 1) == TR_OK);
	CHECK(rows[0].peers == 1 && rows[0].rank_growth == 1 && rows[0].gap_to_leader == 0.0);
	/* decimals outside 0..15 */
	CHECK(rank(1, true, 16) == TR_EARG);
	CHECK(rank(1, true, -1) == TR_EARG);
	/* NaN and infinite readings, and the rows left as they were */
	clear_rows();
	set_growth(0, 1.0);
	set_value(1, NAN);
	rows[0].peers = 77;
	CHECK(rank(2, true, 1) == TR_ENAN);
	CHECK_INT(rows[0].peers, 77);
	rows[1].r.value = INFINITY;
	CHECK(rank(2, true, 1) == TR_EINF);
	rows[1].r.has_value = false;
	set_previous(1, -INFINITY);
	CHECK(rank(2, true, 1) == TR_EINF);
	/* a gap beyond the double range is left out */
	clear_rows();
	set_growth(0, DBL_MAX);
	set_growth(1, -DBL_MAX);
	CHECK(rank(2, true, 1) == TR_OK);
	CHECK(rows[0].has_gap_to_leader && rows[0].gap_to_leader == 0.0);
	CHECK(!rows[1].has_gap_to_leader);
	CHECK_INT(rows[1].rank_growth, 2);
	/* -0 ranks as 0 */
	clear_rows();
	set_growth(0, -0.0);
	set_growth(1, 0.04);
	CHECK(rank(2, true, 1) == TR_OK);
	CHECK(rows[0].rank_growth == 1 && rows[1].rank_growth == 1);
	CHECK(!signbit(rows[0].gap_to_leader));
}

/* ---- against the league core, as the scoreboard ranked ---- */

static void *
l_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
l_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const tl_alloc l_allocator = {l_alloc, l_release, NULL};

/* A league over the rows that have a reading; the row's position in it
 * through names "%04d". */
static void *
league_of(int n, int which, int decimals, tl_view *v)
{
	tl_builder	b;
	void	   *flat;
	int			i;

	tl_builder_init(&b, decimals, &l_allocator);
	for (i = 0; i < n; i++)
	{
		const tb_readings *r = &rows[i].r;
		bool		has = which == 0 ? r->has_growth : which == 1 ? r->has_previous_growth : r->has_value;
		double		x = which == 0 ? r->growth : which == 1 ? r->previous_growth : r->value;
		char		name[16];

		if (!has)
			continue;
		snprintf(name, sizeof name, "%04d", i);
		CHECK(tl_builder_add(&b, name, 4, x) == TL_OK);
	}
	if (b.n == 0)
	{
		tl_builder_free(&b);
		memset(v, 0, sizeof *v);
		return NULL;
	}
	flat = malloc(tl_flat_size(&b));	/* malloc aligns to 8 at least */
	CHECK(tl_flatten(&b, flat, NULL, NULL) == TL_OK);
	CHECK(tl_view_of(flat, tl_flat_size(&b), v) == TL_OK);
	tl_builder_free(&b);
	return flat;
}

static int32_t
pos_of(const tl_view *v, int i)
{
	char		name[16];

	if (v->n == 0)
		return -1;
	snprintf(name, sizeof name, "%04d", i);
	return tl_find(v, name, 4);
}

/* A random reading near a tie at 1 or 2 decimals: x.x5 and its doubles'
 * neighbours, and growths computed as the store computes them. */
static double
random_reading(void)
{
	int			k = rand() % 6;
	double		base = (double) (rand() % 400 - 200) / 10.0;
	double		g;

	switch (k)
	{
		case 0:
			return base + 0.05;
		case 1:
			return base + 0.04;
		case 2:
			return base;
		case 3:
			if (tr_growth(100.0 + (double) (rand() % 1000) / 100.0, 100.0, &g) == TR_OK)
				return g;
			return base;
		case 4:
			return base + (double) (rand() % 1000) / 1000.0;
		default:
			return nextafter(base + 0.05, rand() % 2 ? 1e9 : -1e9);
	}
}

static void
test_against_league(void)
{
	int			round;

	srand(13);
	for (round = 0; round < 3000; round++)
	{
		int			n = 1 + rand() % MAXROWS;
		bool		desc = rand() % 2;
		int			decimals = rand() % 3;
		tl_view		vg;
		tl_view		vp;
		tl_view		va;
		void	   *fg;
		void	   *fp;
		void	   *fa;
		int			i;
		bool		same = true;

		clear_rows();
		for (i = 0; i < n; i++)
		{
			if (rand() % 8)
				set_growth(i, random_reading());
			if (rand() % 4)
				set_previous(i, random_reading());
			if (rand() % 8)
				set_value(i, random_reading() * 10.0);
		}
		if (rank(n, desc, decimals) != TR_OK)
		{
			CHECK(false);
			continue;
		}
		fg = league_of(n, 0, 1, &vg);
		fp = league_of(n, 1, 1, &vp);
		fa = league_of(n, 2, decimals, &va);
		for (i = 0; i < n; i++)
		{
			const tb_row *row = &rows[i];
			int32_t		g = pos_of(&vg, i);
			int32_t		p = pos_of(&vp, i);
			int32_t		a = pos_of(&va, i);
			double		gap = 0.0;
			tl_status	st = g >= 0 ? tl_gap_to_leader_at(&vg, g, desc, &gap) : TL_NULL;

			same &= row->peers == n;
			same &= row->has_rank_growth == (g >= 0);
			same &= g < 0 || row->rank_growth == tl_competition_at(&vg, g, desc);
			same &= row->has_rank_amount == (a >= 0);
			same &= a < 0 || row->rank_amount == tl_competition_at(&va, a, desc);
			same &= row->has_rank_change == (g >= 0 && p >= 0);
			same &= !(g >= 0 && p >= 0) || row->rank_change ==
				tl_competition_at(&vp, p, desc) - tl_competition_at(&vg, g, desc);
			same &= row->has_gap_to_leader == (st == TL_OK);
			same &= st != TL_OK || memcmp(&gap, &row->gap_to_leader, sizeof gap) == 0;
			/* ties: the peers of equal rank */
			if (g >= 0)
			{
				int			tied = 0;

				for (int j = 0; j < vg.n; j++)
					tied += vg.value[j] == vg.value[g];
				same &= row->tied_growth == tied;
			}
		}
		CHECK(same);
		free(fg);
		free(fp);
		free(fa);
	}
}

int
main(void)
{
	test_no_target();
	test_amount_only();
	test_growth_only();
	test_both();
	test_loss_limit();
	test_ratio();
	test_errors();
	test_rank_growth();
	test_rank_lower_better();
	test_rank_amount();
	test_rank_edges();
	test_against_league();
	free(scratch);
	return check_report("board");
}
