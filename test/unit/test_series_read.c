/*
 * test_series_read.c — unit tests of src/core/series_read.c.
 *
 * Series are flat ts_fact arrays written by hand (not built), so these
 * tests depend on the builder only where resample hands its result to
 * one. Every expected number is derived by hand in the comments; C[..]
 * is a cumulative fact, U[..] a unit fact, @g a published rate of g%.
 */
#include "series.h"
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

#define SENTINEL (-12345.678)
#define TOL 1e-9

/* ---- hand-made series ---- */

static ts_fact facts[512];
static int32_t nfacts;
static ts_view sv;

static tp_period
P(const char *text)
{
	tp_period	p;

	if (tp_parse(text, strlen(text), &p) != TP_OK)
	{
		fprintf(stderr, "bad period in test: %s\n", text);
		abort();
	}
	return p;
}

static void
reset(tp_grain g)
{
	nfacts = 0;
	sv.grain = g;
	sv.kind = TS_AMOUNT;
	sv.n = 0;
	sv.facts = facts;
}

/* Insert one fact in (unit, cumulative) order; the period is its text. */
static void
put_fact(const char *text, double value, int no_value, int has_growth,
		 double growth)
{
	tp_period	p = P(text);
	ts_fact		f;
	int32_t		i;

	memset(&f, 0, sizeof f);
	f.unit = (int32_t) tp_last_unit(p);
	f.cumulative = tp_nunits(p) > 1;
	f.has_growth = (uint8_t) has_growth;
	f.no_value = (uint8_t) no_value;
	f.value = no_value ? 0.0 : value;
	f.growth = has_growth ? growth : 0.0;
	for (i = nfacts; i > 0; i--)
	{
		const ts_fact *q = &facts[i - 1];

		if (q->unit < f.unit || (q->unit == f.unit && q->cumulative < f.cumulative))
			break;
		facts[i] = facts[i - 1];
	}
	facts[i] = f;
	nfacts++;
	sv.n = nfacts;
}

static void
put(const char *text, double value, int has_growth, double growth)
{
	put_fact(text, value, 0, has_growth, growth);
}

#define U(text, v) put((text), (v), 0, 0.0)
#define UR(text, v, g) put((text), (v), 1, (g))
/* a rate-only fact (规上工业增加值增长8.3%), and one with neither */
#define R(text, g) put_fact((text), 0.0, 1, 1, (g))
#define NV(text) put_fact((text), 0.0, 1, 0, 0.0)

/* ---- reading ---- */

static double got;

/* fn(&sv, p) is TS_OK with want (within TOL). */
#define READS(fn, text, want) \
	do { \
		got = SENTINEL; \
		CHECK_INT(fn(&sv, P(text), &got), TS_OK); \
		CHECK_NEAR(got, (want), TOL); \
	} while (0)

/* Bit-exact. */
#define READS_EXACT(fn, text, want) \
	do { \
		got = SENTINEL; \
		CHECK_INT(fn(&sv, P(text), &got), TS_OK); \
		CHECK(got == (want)); \
		if (got != (want)) \
			fprintf(stderr, "    got %.17g want %.17g\n", got, (double) (want)); \
	} while (0)

/* fn(&sv, p) returns st and leaves the output alone. */
#define FAILS(fn, text, st) \
	do { \
		got = SENTINEL; \
		CHECK_INT(fn(&sv, P(text), &got), (st)); \
		CHECK(got == SENTINEL); \
	} while (0)

/* ---- find and fact periods ---- */

static void
test_find(void)
{
	int32_t		i;
	int32_t		u;
	int			ok = 1;
	double		ytd = 0;

	reset(TP_MONTH);
	U("2022-03", 1);
	U("2022-01..02", 2);
	U("2022-01..03", 3);
	/* Sorted: (Feb, cum), (Mar, unit), (Mar, cum). */
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-02")), 1), 0);
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-03")), 0), 1);
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-03")), 1), 2);
	/* Any nonzero cumulative means cumulative. */
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-03")), 7), 2);
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-02")), 0), -1);
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-01")), 0), -1);
	CHECK_INT(ts_find(&sv, (int32_t) tp_last_unit(P("2022-04")), 0), -1);
	CHECK_INT(ts_find(&sv, 0, 0), -1);
	CHECK(ts_fact_period(TP_MONTH, &facts[0]) == P("2022-01..02"));
	CHECK(ts_fact_period(TP_MONTH, &facts[1]) == P("2022-03"));
	CHECK(ts_fact_period(TP_MONTH, &facts[2]) == P("2022-01..03"));

	/* Weeks count from ISO week 1, days from 01-01. */
	reset(TP_WEEK);
	U("2021-W01..W05", 1);
	CHECK(ts_fact_period(TP_WEEK, &facts[0]) == P("2021-W01..W05"));
	reset(TP_DAY);
	U("2022-01-01..03-05", 1);
	CHECK(ts_fact_period(TP_DAY, &facts[0]) == P("2022-01-01..03-05"));

	/*
	 * 300 months from 2000-01, unit u worth u; every other month (never a
	 * January) also has its consistent cumulative fact: 450 facts.
	 */
	reset(TP_MONTH);
	for (u = 0; u < 300; u++)
	{
		ts_fact    *f = &facts[nfacts++];

		if (u % 12 == 0)
			ytd = 0;
		ytd += u;
		memset(f, 0, sizeof *f);
		f->unit = 12 * 2000 + u;
		f->value = u;
		if (u % 2 == 1)
		{
			f = &facts[nfacts++];
			memset(f, 0, sizeof *f);
			f->unit = 12 * 2000 + u;
			f->cumulative = 1;
			f->value = ytd;
		}
	}
	sv.n = nfacts;
	for (u = 0; u < 300; u++)
	{
		i = ts_find(&sv, 12 * 2000 + u, 0);
		if (i < 0 || facts[i].unit != 12 * 2000 + u || facts[i].cumulative)
			ok = 0;
		i = ts_find(&sv, 12 * 2000 + u, 1);
		if (u % 2 == 1 ? (i < 0 || facts[i].unit != 12 * 2000 + u ||
						  !facts[i].cumulative) : i != -1)
			ok = 0;
	}
	CHECK(ok);
	CHECK_INT(ts_find(&sv, 12 * 2000 - 1, 0), -1);
	CHECK_INT(ts_find(&sv, 12 * 2000 + 300, 0), -1);
	/* Dense units: every month reads its own fact. */
	READS(ts_value, "2000-01", 0);
	READS(ts_value, "2024-12", 299);
	/* 2010: months 120..131, C[2010-01..12] = 1506. */
	READS(ts_value, "2010", 1506);
	/* ytd(May) - ytd(Feb) = (C[01..04] + U[05]) - C[01..02]
	 * = 122 + 123 + 124. */
	READS(ts_value, "2010-03..05", 369);
}

/* ---- January missing: Jan–Feb published together ---- */

static void
test_january_missing(void)
{
	reset(TP_MONTH);
	U("2022-01..02", 300);
	U("2022-03", 150);

	/* No January of its own, and February would need January. */
	FAILS(ts_value, "2022-01", TS_NULL);
	FAILS(ts_value, "2022-02", TS_NULL);
	READS(ts_value, "2022-01..02", 300);
	/* C[01..02] + U[03] = 450, also as the quarter. */
	READS(ts_value, "2022-01..03", 450);
	READS(ts_value, "2022-Q1", 450);
	READS(ts_value, "2022-03", 150);
	/* ytd(Jan) is missing, and so is February as a unit. */
	FAILS(ts_value, "2022-02..03", TS_NULL);
	FAILS(ts_value, "2022-01..04", TS_NULL);
	FAILS(ts_value, "2022-H1", TS_NULL);
	FAILS(ts_value, "2022", TS_NULL);
	/* A day is finer than the series. */
	FAILS(ts_value, "2022-01-15", TS_EGRAIN);
}

/* ---- a month from two cumulative facts, and its comparable growth ---- */

static void
test_derived_month(void)
{
	reset(TP_MONTH);
	UR("2022-01..06", 600, 20);
	UR("2022-01..07", 700, 25);

	/* July = 700 - 600 = 100; bases 600/1.2 = 500 and 700/1.25 = 560, so
	 * July's base is 60 and its growth (100 - 60) / 60 = 66.67%. */
	READS(ts_value, "2022-07", 100);
	READS(ts_base, "2022-07", 60);
	READS(ts_yoy, "2022-07", 200.0 / 3.0);
	/* June needs January..May. */
	FAILS(ts_value, "2022-06", TS_NULL);
	FAILS(ts_base, "2022-06", TS_NULL);
	FAILS(ts_yoy, "2022-06", TS_NULL);
	/* The facts themselves: their rates, exactly. */
	READS(ts_value, "2022-01..07", 700);
	READS(ts_base, "2022-01..07", 560);
	READS_EXACT(ts_yoy, "2022-01..07", 25.0);
	READS_EXACT(ts_yoy, "2022-01..06", 20.0);
	/* H1 is the same run of months as 2022-01..06. */
	READS(ts_base, "2022-H1", 500);
	READS_EXACT(ts_yoy, "2022-H1", 20.0);

	/* Q3 = C[01..09] - C[01..06] = 1000 - 600 = 400; base 1000/1.1 - 500
	 * = 409.09; growth 400 / 409.09 - 1 = 440/450 - 1 = -2.22%. */
	UR("2022-01..09", 1000, 10);
	READS(ts_value, "2022-Q3", 400);
	READS(ts_base, "2022-Q3", 1000 / 1.1 - 500);
	READS(ts_yoy, "2022-Q3", (440.0 / 450.0 - 1) * 100);
	/* August..September = ytd(Sep) - ytd(Jul) = 300; each month alone is
	 * not derivable (no August, no ytd(Aug)). */
	READS(ts_value, "2022-08..09", 300);
	FAILS(ts_value, "2022-08", TS_NULL);
	FAILS(ts_value, "2022-09", TS_NULL);
	/* Nothing after September. */
	FAILS(ts_value, "2022-Q4", TS_NULL);
	FAILS(ts_value, "2022", TS_NULL);
}

/* ---- a quarter from months; a missing month ---- */

static void
test_quarter_from_months(void)
{
	reset(TP_MONTH);
	U("2022-01", 10);
	U("2022-02", 20);
	U("2022-03", 30);
	U("2022-04", 40);
	U("2022-05", 50);
	U("2022-06", 60);
	/* Q1 = 10 + 20 + 30; Q2 = ytd(Jun) - ytd(Mar) = 210 - 60. */
	READS(ts_value, "2022-Q1", 60);
	READS(ts_value, "2022-Q2", 150);
	READS(ts_value, "2022-H1", 210);
	READS(ts_value, "2022-Q1..Q2", 210);
	/* 2022-02..05 = ytd(May) - ytd(Jan) = 150 - 10. */
	READS(ts_value, "2022-02..05", 140);
	/* No rates, no year-ago: no base. */
	FAILS(ts_base, "2022-Q2", TS_NULL);
	FAILS(ts_yoy, "2022-Q2", TS_NULL);

	/* Without May: every span through May is missing. */
	reset(TP_MONTH);
	U("2022-01", 10);
	U("2022-02", 20);
	U("2022-03", 30);
	U("2022-04", 40);
	U("2022-06", 60);
	READS(ts_value, "2022-Q1", 60);
	READS(ts_value, "2022-01..04", 100);
	FAILS(ts_value, "2022-05", TS_NULL);
	FAILS(ts_value, "2022-01..05", TS_NULL);
	FAILS(ts_value, "2022-01..06", TS_NULL);
	FAILS(ts_value, "2022-Q2", TS_NULL);
	FAILS(ts_value, "2022-05..06", TS_NULL);
	READS(ts_value, "2022-06", 60);
	/* A later cumulative fact bridges the gap: C[01..07] = 300, U[07]
	 * absent: ytd(Jul) = 300, ytd(Jun) still missing, so July is NULL but
	 * 2022-01..07 reads 300. */
	U("2022-01..07", 300);
	READS(ts_value, "2022-01..07", 300);
	FAILS(ts_value, "2022-07", TS_NULL);
	/* Q3 = ytd(Sep) - ytd(Jun): ytd(Sep) needs Aug and Sep. */
	U("2022-08", 80);
	U("2022-09", 90);
	/* ytd(Sep) = 300 + 80 + 90 = 470; ytd(Jun) missing; the months of Q3
	 * alone: July is missing. */
	READS(ts_value, "2022-01..09", 470);
	FAILS(ts_value, "2022-Q3", TS_NULL);
	/* August..September = ytd(Sep) - ytd(Jul) = 470 - 300. */
	READS(ts_value, "2022-08..09", 170);
}

/* ---- precedence when facts disagree ---- */

static void
test_precedence(void)
{
	reset(TP_MONTH);
	U("2022-01", 100);
	U("2022-02", 100);
	U("2022-01..02", 250);
	U("2022-03", 50);
	/* The unit fact wins for the unit; the cumulative fact for the YTD. */
	READS(ts_value, "2022-02", 100);
	READS(ts_value, "2022-01..02", 250);
	/* YTD through March: C[01..02] + U[03] = 300, not 100 + 100 + 50. */
	READS(ts_value, "2022-01..03", 300);
	READS(ts_value, "2022-Q1", 300);
	/* A span after January: ytd(Mar) - ytd(Jan) = 300 - 100 = 200, not
	 * U[02] + U[03] = 150. */
	READS(ts_value, "2022-02..03", 200);
	READS(ts_value, "2022-03", 50);

	/* A cumulative fact through March overrides the sum too. */
	U("2022-01..03", 320);
	READS(ts_value, "2022-01..03", 320);
	READS(ts_value, "2022-03", 50);
	READS(ts_value, "2022-02..03", 220);

	/* Without its own fact, a month is the step between YTD figures:
	 * Feb = C[01..02] - U[01] = 250 - 100. */
	reset(TP_MONTH);
	U("2022-01", 100);
	U("2022-01..02", 250);
	READS(ts_value, "2022-02", 150);
}

/* ---- base: from rates, else from last year's value ---- */

static void
test_base_fallback(void)
{
	reset(TP_MONTH);
	U("2021-03", 80);
	U("2021-04", 70);
	U("2021-07", 90);
	U("2022-03", 100);
	UR("2022-01..06", 600, 20);
	U("2022-01..07", 700);

	/* March has no rate: base = value(2021-03) = 80; yoy = 25%. */
	READS(ts_base, "2022-03", 80);
	READS(ts_yoy, "2022-03", 25);
	/* July uses C[01..07], which has no rate: base = value(2021-07) = 90,
	 * yoy = (100 - 90) / 90 = 11.11%, not the 560-based figure. */
	READS(ts_value, "2022-07", 100);
	READS(ts_base, "2022-07", 90);
	READS(ts_yoy, "2022-07", 100.0 / 9.0);
	/* 2022-01..07 likewise: value(2021-01..07) is missing. */
	FAILS(ts_base, "2022-01..07", TS_NULL);
	FAILS(ts_yoy, "2022-01..07", TS_NULL);
	/* From the rate: 600 / 1.2 = 500. */
	READS(ts_base, "2022-01..06", 500);
	/* No value this year, but a base all the same; no growth. */
	FAILS(ts_value, "2022-04", TS_NULL);
	READS(ts_base, "2022-04", 70);
	FAILS(ts_yoy, "2022-04", TS_NULL);
	/* A base <= 0 gives no growth. */
	U("2021-05", -10);
	U("2022-05", 5);
	U("2021-06", 0);
	U("2022-06", 5);
	READS(ts_base, "2022-05", -10);
	FAILS(ts_yoy, "2022-05", TS_NULL);
	READS(ts_base, "2022-06", 0);
	FAILS(ts_yoy, "2022-06", TS_NULL);
	/* Before the calendar starts there is no year ago. */
	reset(TP_MONTH);
	U("0001-01", 5);
	FAILS(ts_base, "0001-01", TS_NULL);
	FAILS(ts_yoy, "0001-01", TS_NULL);
}

/* ---- yoy returns a published rate exactly ---- */

static void
test_yoy_exact(void)
{
	reset(TP_MONTH);
	UR("2022-04", 120, 20.3);
	UR("2022-01..03", 300, 7.7);
	READS_EXACT(ts_yoy, "2022-04", 20.3);
	READS_EXACT(ts_yoy, "2022-01..03", 7.7);
	READS_EXACT(ts_yoy, "2022-Q1", 7.7);
	/* Not a fact: from the implied bases 120/1.203 + 300/1.077. */
	READS(ts_yoy, "2022-01..04",
		  (420 / (120 / 1.203 + 300 / 1.077) - 1) * 100);

	reset(TP_DAY);
	UR("2022-01-01", 5, 3.3);
	UR("2022-01-01..01-02", 9, -4.1);
	READS_EXACT(ts_yoy, "2022-01-01", 3.3);
	READS_EXACT(ts_yoy, "2022-01-01..01-02", -4.1);

	/* A rate of 0 is a rate. */
	reset(TP_QUARTER);
	UR("2022-Q2", 50, 0);
	READS_EXACT(ts_yoy, "2022-Q2", 0.0);
	READS(ts_base, "2022-Q2", 50);
}

/* ---- mom ---- */

static void
test_mom(void)
{
	reset(TP_MONTH);
	U("2021-10", 100);
	U("2021-11", 100);
	U("2021-12", 200);
	U("2022-01", 220);
	U("2022-02", 180);
	U("2022-03", 200);
	/* Across the year end: 220 over 200. */
	READS(ts_mom, "2022-01", 10);
	/* 2022-Q1 = 600 over 2021-Q4 = 400. */
	READS(ts_mom, "2022-Q1", 50);
	/* A span keeps its length: 2022-02..03 = 380 over 2021-12..2022-01 =
	 * 420. */
	READS(ts_mom, "2022-02..03", (380.0 / 420.0 - 1) * 100);
	/* No September 2021. */
	FAILS(ts_mom, "2021-10", TS_NULL);
	FAILS(ts_mom, "2022-04", TS_NULL);
	/* A previous value of 0 gives no growth. */
	U("2022-04", 0);
	U("2022-05", 10);
	READS(ts_mom, "2022-04", -100);
	FAILS(ts_mom, "2022-05", TS_NULL);
	/* Before the calendar. */
	reset(TP_YEAR);
	U("0001", 1);
	FAILS(ts_mom, "0001", TS_NULL);
}

/* ---- avg_growth ---- */

static void
test_avg_growth(void)
{
	double		g;

	/* From published rates: sqrt(1.20 * 1.05) - 1 = 12.2497%. */
	reset(TP_MONTH);
	UR("2021-05", 105, 5);
	UR("2022-05", 126, 20);
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2022-05"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(1.2 * 1.05) - 1) * 100, TOL);
	/* One year is yoy itself. */
	CHECK_INT(ts_avg_growth(&sv, P("2022-05"), 1, &got), TS_OK);
	CHECK_NEAR(got, 20, TOL);
	/* 2020-05 has no yoy. */
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2022-05"), 3, &got), TS_NULL);
	CHECK_INT(ts_avg_growth(&sv, P("2022-05"), 0, &got), TS_EARG);
	CHECK_INT(ts_avg_growth(&sv, P("2022-05"), -1, &got), TS_EARG);
	CHECK(got == SENTINEL);

	/* From levels: 100 → 110 → 121 is 10% a year. */
	reset(TP_MONTH);
	U("2020-06", 100);
	U("2021-06", 110);
	U("2022-06", 121);
	CHECK_INT(ts_avg_growth(&sv, P("2022-06"), 2, &got), TS_OK);
	CHECK_NEAR(got, 10, TOL);
	CHECK_INT(ts_avg_growth(&sv, P("2022-06"), 3, &got), TS_NULL);
	/* Far more years than the calendar has: NULL, not a long loop. */
	CHECK_INT(ts_avg_growth(&sv, P("2022-06"), 2000000000, &got), TS_NULL);

	/* A two-year average over a coarser period: H1 from months.
	 * 2020-H1 = 100, 2021-H1 = 120, 2022-H1 = 144: 20% a year. */
	reset(TP_MONTH);
	U("2020-01..06", 100);
	U("2021-01..06", 120);
	U("2022-01..06", 144);
	CHECK_INT(ts_avg_growth(&sv, P("2022-H1"), 2, &g), TS_OK);
	CHECK_NEAR(g, 20, TOL);

	/* A fall below zero: factors (-50/100) and (100/50) multiply to -1. */
	reset(TP_MONTH);
	U("2020-07", 50);
	U("2021-07", 100);
	U("2022-07", -50);
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2022-07"), 2, &got), TS_NULL);
	/* A fall to zero: a product of 0. */
	U("2020-08", 100);
	U("2021-08", 100);
	U("2022-08", 0);
	CHECK_INT(ts_avg_growth(&sv, P("2022-08"), 2, &got), TS_NULL);
	CHECK(got == SENTINEL);
	CHECK_INT(ts_avg_growth(&sv, P("2022-08"), 1, &got), TS_NULL);

	/* Huge factors do not overflow the product: rates of 1e300% twice
	 * average to 1e300% (the factor is 1e298, its geometric mean too). */
	reset(TP_YEAR);
	UR("2021", 1, 1e300);
	UR("2022", 1, 1e300);
	CHECK_INT(ts_avg_growth(&sv, P("2022"), 2, &got), TS_OK);
	CHECK_NEAR(got / 1e300, 1, 1e-12);
}

/* ---- spans across years ---- */

static void
test_across_years(void)
{
	reset(TP_MONTH);
	UR("2021-11", 10, 25);
	UR("2021-12", 20, 25);
	UR("2022-01..02", 75, 50);
	/* 2021 part: 10 + 20 (no ytd(Oct) for a difference); 2022 part: the
	 * cumulative fact. 105 in all; bases 8 + 16 + 50 = 74. */
	READS(ts_value, "2021-11..2022-02", 105);
	READS(ts_base, "2021-11..2022-02", 74);
	READS(ts_yoy, "2021-11..2022-02", (105.0 / 74.0 - 1) * 100);
	/* January alone is missing. */
	FAILS(ts_value, "2021-12..2022-01", TS_NULL);
	FAILS(ts_value, "2021-Q4..2022-Q1", TS_NULL);
	READS(ts_value, "2021-12..2022-02", 95);

	/* Whole years. */
	reset(TP_MONTH);
	U("2020-01..12", 1200);
	U("2021-01..12", 1300);
	READS(ts_value, "2020..2021", 2500);
	READS(ts_value, "2020-Q1..2021-Q4", 2500);
	/* 2020-H2 would be ytd(Dec) - ytd(Jun), and June is unknown. */
	FAILS(ts_value, "2020-H2..2021-H2", TS_NULL);

	/* A day series read by an ISO week across the civil year end:
	 * 2021-12-27..31 one each, C[2022-01-01..01-02] = 2: 7 in all. */
	reset(TP_DAY);
	U("2021-12-27", 1);
	U("2021-12-28", 1);
	U("2021-12-29", 1);
	U("2021-12-30", 1);
	U("2021-12-31", 1);
	U("2022-01-01..01-02", 2);
	READS(ts_value, "2021-W52", 7);
	READS(ts_value, "2021-12-30..2022-01-02", 4);
	FAILS(ts_value, "2021-12", TS_NULL);

	/* A week series across the ISO year end. */
	reset(TP_WEEK);
	U("2021-W52", 4);
	U("2022-W01", 1);
	U("2022-W02", 2);
	U("2022-W01..W03", 10);
	/* W03 = 10 - (1 + 2) = 7; 2021-W52..2022-W03 = 4 + 10. */
	READS(ts_value, "2022-W03", 7);
	READS(ts_value, "2021-W52..2022-W03", 14);
	READS(ts_value, "2022-W02..W03", 9);
}

/* ---- grains a series cannot read ---- */

static void
test_grains(void)
{
	double		v;
	char		buf[64];
	size_t		len;

	reset(TP_WEEK);
	U("2022-W01", 1);
	U("2022-W02", 2);
	U("2022-W03", 3);
	READS(ts_value, "2022-W01..W03", 6);
	/* Weeks do not tile months or years; days are finer. */
	FAILS(ts_value, "2022-01", TS_EGRAIN);
	FAILS(ts_value, "2022", TS_EGRAIN);
	FAILS(ts_value, "2022-Q1", TS_EGRAIN);
	FAILS(ts_value, "2022-01-03", TS_EGRAIN);
	FAILS(ts_base, "2022-01", TS_EGRAIN);
	FAILS(ts_yoy, "2022-01", TS_EGRAIN);
	FAILS(ts_mom, "2022-01", TS_EGRAIN);
	CHECK_INT(ts_avg_growth(&sv, P("2022-01"), 2, &v), TS_EGRAIN);
	CHECK_INT(ts_sparkline(&sv, P("2022-01"), P("2022-02"), buf, sizeof buf,
						   &len), TS_EGRAIN);

	/* A day series reads weeks, months and years. */
	reset(TP_DAY);
	U("2022-01-03", 1);
	U("2022-01-04", 2);
	READS(ts_value, "2022-01-03..01-04", 3);
	FAILS(ts_value, "2022-W01", TS_NULL);
	FAILS(ts_value, "2022-01", TS_NULL);

	/* A quarter series: months are finer. */
	reset(TP_QUARTER);
	U("2022-Q1", 5);
	U("2022-Q2", 6);
	READS(ts_value, "2022-H1", 11);
	FAILS(ts_value, "2022-01", TS_EGRAIN);
	FAILS(ts_value, "2022-W01", TS_EGRAIN);
}

/* ---- first and last ---- */

static void
test_first_last(void)
{
	reset(TP_MONTH);
	U("2022-03", 1);
	U("2022-01..05", 1);
	/* The cumulative fact covers from January. */
	CHECK(ts_first(&sv) == P("2022-01"));
	CHECK(ts_last(&sv) == P("2022-05"));

	reset(TP_MONTH);
	U("2021-11", 1);
	U("2022-01..02", 1);
	CHECK(ts_first(&sv) == P("2021-11"));
	CHECK(ts_last(&sv) == P("2022-02"));

	reset(TP_MONTH);
	U("2022-01..02", 1);
	CHECK(ts_first(&sv) == P("2022-01"));
	CHECK(ts_last(&sv) == P("2022-02"));

	reset(TP_QUARTER);
	U("2022-Q3", 1);
	CHECK(ts_first(&sv) == P("2022-Q3"));
	CHECK(ts_last(&sv) == P("2022-Q3"));

	reset(TP_WEEK);
	U("2022-W04", 1);
	U("2022-W01..W05", 1);
	U("2023-W02", 1);
	CHECK(ts_first(&sv) == P("2022-W01"));
	CHECK(ts_last(&sv) == P("2023-W02"));
}

/* ---- value, base and growth at once ---- */

/* ts_read agrees with ts_value, ts_base and ts_yoy, status and number. */
static void
read_agrees(const char *text)
{
	tp_period	p = P(text);
	ts_reading	r;
	double		x = SENTINEL;
	ts_status	st = ts_read(&sv, p, &r);

	if (st != TS_OK)
	{
		ts_run		run;

		CHECK_INT(st, ts_value(&sv, p, &x));
		CHECK_INT(ts_resolve(sv.grain, p, &run), st);
		return;
	}
	x = SENTINEL;
	CHECK_INT(r.value_status, ts_value(&sv, p, &x));
	if (r.value_status == TS_OK)
		CHECK(r.value == x);
	x = SENTINEL;
	CHECK_INT(r.base_status, ts_base(&sv, p, &x));
	if (r.base_status == TS_OK)
		CHECK(r.base == x);
	x = SENTINEL;
	CHECK_INT(r.growth_status, ts_yoy(&sv, p, &x));
	if (r.growth_status == TS_OK)
		CHECK(r.growth == x);
	/* resolved once, read the same */
	{
		ts_run		run;
		ts_reading	r2;
		double		y = SENTINEL;

		CHECK_INT(ts_resolve(sv.grain, p, &run), TS_OK);
		ts_read_run(&sv, &run, &r2);
		CHECK(memcmp(&r, &r2, sizeof r) == 0);
		x = SENTINEL;
		CHECK_INT(ts_value_run(&sv, &run, &y), ts_value(&sv, p, &x));
		CHECK(y == x);
	}
}

/*
 * Readings that share a memo (a board's p, previous report and target
 * span) equal the plain ones bit for bit, in whatever order they come:
 * forward, backward, and with more sums than the memo holds.
 */
static void
memo_agrees(const char *const *periods, size_t n, int backward)
{
	ts_memo		m;
	size_t		k;

	ts_memo_init(&m);
	for (k = 0; k < n; k++)
	{
		tp_period	p = P(periods[backward ? n - 1 - k : k]);
		ts_run		run;
		ts_reading	plain;
		ts_reading	memo;
		double		x = SENTINEL;
		double		y = SENTINEL;

		if (ts_resolve(sv.grain, p, &run) != TS_OK)
			continue;
		ts_read_run(&sv, &run, &plain);
		ts_read_run_memo(&sv, &run, &m, &memo);
		CHECK(memcmp(&plain, &memo, sizeof plain) == 0);
		CHECK_INT(ts_value_run_memo(&sv, &run, &m, &y), ts_value_run(&sv, &run, &x));
		CHECK(memcmp(&x, &y, sizeof x) == 0);
	}
}

/* ts_count_at counts what ts_find finds at a unit. */
static void
count_agrees(void)
{
	int32_t		k;

	for (k = 0; k < sv.n; k++)
	{
		int32_t		u = sv.facts[k].unit;

		CHECK_INT(ts_count_at(&sv, u), (ts_find(&sv, u, 0) >= 0) + (ts_find(&sv, u, 1) >= 0));
		CHECK_INT(ts_count_at(&sv, u - 1), (ts_find(&sv, u - 1, 0) >= 0) + (ts_find(&sv, u - 1, 1) >= 0));
		CHECK_INT(ts_count_at(&sv, u + 1), (ts_find(&sv, u + 1, 0) >= 0) + (ts_find(&sv, u + 1, 1) >= 0));
	}
}

static void
read_agrees_everywhere(void)
{
	static const char *const periods[] = {
		"2021-01", "2021-02", "2021-03", "2021-06", "2021-07", "2021-12",
		"2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06",
		"2022-07", "2022-12", "2023-01", "2022-01..02", "2022-01..03",
		"2022-01..06", "2022-01..07", "2022-02..04", "2021-11..2022-02",
		"2022-Q1", "2022-Q2", "2022-Q3", "2022-H1", "2022", "2021"};
	/* a board of 1-7月: p, the previous report, the target's span */
	static const char *const board[] = {"2022-01..07", "2022-01..06", "2022-01..07"};
	size_t		i;

	for (i = 0; i < sizeof periods / sizeof periods[0]; i++)
		read_agrees(periods[i]);
	memo_agrees(periods, sizeof periods / sizeof periods[0], 0);
	memo_agrees(periods, sizeof periods / sizeof periods[0], 1);
	memo_agrees(board, sizeof board / sizeof board[0], 0);
	count_agrees();
}

static void
test_read(void)
{
	/* Unit facts, cumulative facts with and without rates, a derived
	 * month, a missing month, a rate on a unit fact, a zero base. */
	reset(TP_MONTH);
	U("2021-01", 10);
	U("2021-02", 0);
	U("2021-03", 12);
	U("2021-06", 15);
	U("2021-07", 16);
	UR("2022-01..02", 30, 20);
	U("2022-01..03", 44);
	U("2022-03", 15);
	UR("2022-06", 18, 12.5);
	U("2022-07", 20);
	UR("2022-01..07", 130, 10);
	read_agrees_everywhere();

	/* Only rates: bases from them, no year-ago facts at all. */
	reset(TP_MONTH);
	UR("2022-01", 10, 25);
	UR("2022-02", 11, -10);
	UR("2022-01..03", 33, 5);
	read_agrees_everywhere();

	/* Quarters: months cannot be read. */
	reset(TP_QUARTER);
	U("2021-Q3", 100);
	UR("2022-Q3", 110, 8);
	U("2022-Q1..Q2", 200);
	read_agrees_everywhere();
	{
		ts_reading	r;

		CHECK_INT(ts_read(&sv, P("2022-07"), &r), TS_EGRAIN);
		/* 2022-Q3: 110 with its published 8%; base 110 / 1.08. */
		CHECK_INT(ts_read(&sv, P("2022-Q3"), &r), TS_OK);
		CHECK(r.value == 110 && r.growth == 8);
		CHECK_NEAR(r.base, 110 / 1.08, TOL);
	}
}

/* ---- facts starting within days ---- */

static tp_day
D(int y, int m, int d)
{
	return tp_days_from_civil(y, m, d);
}

static void
test_has_fact_starting(void)
{
	reset(TP_MONTH);
	U("2020-03", 1);
	U("2021-08", 1);
	U("2022-01..05", 1);
	/* 2021-08 starts on 08-01: inside 2021, not inside 2021-01..07. */
	CHECK(ts_has_fact_starting(&sv, D(2021, 1, 1), D(2021, 12, 31)));
	CHECK(!ts_has_fact_starting(&sv, D(2021, 1, 1), D(2021, 7, 31)));
	CHECK(ts_has_fact_starting(&sv, D(2021, 8, 1), D(2021, 8, 1)));
	CHECK(!ts_has_fact_starting(&sv, D(2021, 8, 2), D(2021, 12, 31)));
	/* The cumulative 1-5月 starts on 2022-01-01, before its last month. */
	CHECK(ts_has_fact_starting(&sv, D(2022, 1, 1), D(2022, 1, 1)));
	CHECK(!ts_has_fact_starting(&sv, D(2022, 1, 2), D(2022, 12, 31)));
	CHECK(ts_has_fact_starting(&sv, D(2020, 3, 1), D(2020, 3, 1)));
	CHECK(!ts_has_fact_starting(&sv, D(2019, 1, 1), D(2020, 2, 29)));
	CHECK(!ts_has_fact_starting(&sv, D(2023, 1, 1), D(2030, 1, 1)));
	CHECK(ts_has_fact_starting(&sv, D(1, 1, 1), D(9999, 12, 31)));

	/* ISO weeks: 2022-W01 starts on 2022-01-03. */
	reset(TP_WEEK);
	U("2022-W01..W05", 1);
	CHECK(ts_has_fact_starting(&sv, D(2022, 1, 3), D(2022, 1, 3)));
	CHECK(!ts_has_fact_starting(&sv, D(2022, 1, 1), D(2022, 1, 2)));
	CHECK(!ts_has_fact_starting(&sv, D(2022, 1, 4), D(2022, 12, 31)));
}

/* ---- sparkline ---- */

#define B1 "\xe2\x96\x81"
#define B2 "\xe2\x96\x82"
#define B3 "\xe2\x96\x83"
#define B4 "\xe2\x96\x84"
#define B5 "\xe2\x96\x85"
#define B6 "\xe2\x96\x86"
#define B7 "\xe2\x96\x87"
#define B8 "\xe2\x96\x88"

static char line[40000];
static size_t linelen;

static ts_status
spark(const char *from, const char *to, size_t cap)
{
	memset(line, 'x', sizeof line);
	linelen = 12345;
	return ts_sparkline(&sv, P(from), P(to), line, cap, &linelen);
}

static void
test_sparkline(void)
{
	int			i;
	int			spaces = 1;

	reset(TP_MONTH);
	U("2022-01", 1);
	U("2022-02", 2);
	U("2022-03", 3);
	U("2022-04", 4);
	U("2022-05", 5);
	U("2022-06", 6);
	U("2022-07", 7);
	U("2022-08", 8);
	/* (v - 1) / 7 * 7 = v - 1: one level each. */
	CHECK_INT(spark("2022-01", "2022-08", sizeof line), TS_OK);
	CHECK_STR(line, B1 B2 B3 B4 B5 B6 B7 B8);
	CHECK_INT(linelen, 24);
	/* The scale is of the range drawn: 5..8 → 0, 7/3, 14/3, 7 → 0 2 5 7. */
	CHECK_INT(spark("2022-05", "2022-08", sizeof line), TS_OK);
	CHECK_STR(line, B1 B3 B6 B8);
	/* Exactly enough room: 24 bytes and the NUL. */
	CHECK_INT(spark("2022-01", "2022-08", 25), TS_OK);
	CHECK_INT(linelen, 24);
	CHECK_INT(spark("2022-01", "2022-08", 24), TS_EBUF);
	CHECK_INT(linelen, 24);
	CHECK(line[0] == '\0');
	CHECK_INT(spark("2022-01", "2022-08", 5), TS_EBUF);
	CHECK(line[0] == '\0');
	CHECK_INT(ts_sparkline(&sv, P("2022-01"), P("2022-08"), NULL, 0, &linelen),
			  TS_EBUF);
	CHECK_INT(linelen, 24);
	/* One unit. */
	CHECK_INT(spark("2022-03", "2022-03", sizeof line), TS_OK);
	CHECK_STR(line, B4);

	/* NULL gaps are spaces, one byte each. */
	reset(TP_MONTH);
	U("2022-01", 0);
	U("2022-03", 10);
	CHECK_INT(spark("2022-01", "2022-04", sizeof line), TS_OK);
	CHECK_STR(line, B1 " " B8 " ");
	CHECK_INT(linelen, 8);
	/* Nothing derivable: all spaces. */
	CHECK_INT(spark("2023-01", "2023-03", sizeof line), TS_OK);
	CHECK_STR(line, "   ");
	/* Rounding to nearest: 0, 1, 5, 10 → 0, 0.7, 3.5, 7 → 0 1 4 7. */
	U("2022-02", 5);
	U("2022-04", 1);
	CHECK_INT(spark("2022-01", "2022-04", sizeof line), TS_OK);
	CHECK_STR(line, B1 B5 B8 B2);
	/* Derived units are drawn: February = C[01..02] - U[01] = 20. */
	reset(TP_MONTH);
	U("2022-01", 10);
	U("2022-01..02", 30);
	CHECK_INT(spark("2022-01", "2022-02", sizeof line), TS_OK);
	CHECK_STR(line, B1 B8);

	/* Flat data: all the middle block. */
	reset(TP_MONTH);
	U("2022-01", 5);
	U("2022-02", 5);
	U("2022-03", 5);
	CHECK_INT(spark("2022-01", "2022-04", sizeof line), TS_OK);
	CHECK_STR(line, B4 B4 B4 " ");
	/* Extreme values keep a finite scale. */
	U("2022-04", -1.7e308);
	U("2022-05", 1.7e308);
	CHECK_INT(spark("2022-04", "2022-06", sizeof line), TS_OK);
	CHECK_STR(line, B1 B8 " ");
	CHECK_INT(spark("2022-03", "2022-05", sizeof line), TS_OK);
	CHECK_STR(line, B5 B1 B8);

	/* Arguments. */
	CHECK_INT(spark("2022-02", "2022-01", sizeof line), TS_EARG);
	CHECK(line[0] == '\0');
	CHECK_INT(spark("2022-Q1", "2022-Q2", sizeof line), TS_EGRAIN);
	CHECK(line[0] == '\0');
	CHECK_INT(spark("2022-01..02", "2022-03", sizeof line), TS_EGRAIN);
	CHECK_INT(spark("2022-01", "2022-03-01", sizeof line), TS_EGRAIN);

	/* Denormal levels whose halves are equal (5e-324 and -5e-324 halve to
	 * 0 and -0): no 0 / 0 (the fuzzer found it); 0, in the middle, is
	 * block 4 of 0..7. */
	reset(TP_MONTH);
	U("2022-01", 0.0);
	U("2022-02", 5e-324);
	U("2022-03", -5e-324);
	CHECK_INT(spark("2022-01", "2022-03", sizeof line), TS_OK);
	CHECK_STR(line, B5 B8 B1);
	reset(TP_DAY);
	U("2000-01-01", 1);
	/* 2000-01-01 + 9999 days = 2027-05-18: 10000 units, the most. */
	CHECK_INT(spark("2000-01-01", "2027-05-18", sizeof line), TS_OK);
	CHECK_INT(linelen, 3 + 9999);
	CHECK(memcmp(line, B4, 3) == 0);
	for (i = 3; i < 3 + 9999; i++)
		if (line[i] != ' ')
			spaces = 0;
	CHECK(spaces);
	CHECK(line[3 + 9999] == '\0');
	CHECK_INT(spark("2000-01-01", "2027-05-19", sizeof line), TS_EARG);
}

/* ---- resample ---- */

static void *
test_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
test_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const ts_alloc heap = {test_alloc, test_release, NULL};

static ts_fact out[256];

/* Resample sv into out[]; the number of facts, or -1 on error st. */
static int
resample(tp_grain g, ts_status *st)
{
	ts_builder	b;
	int			n = -1;

	ts_builder_init(&b, &heap);
	*st = ts_resample(&sv, g, &b);
	if (*st == TS_OK && b.count <= 256)
	{
		ts_builder_flatten(&b, out);
		n = (int) b.count;
	}
	ts_builder_free(&b);
	return n;
}

static void
test_resample(void)
{
	ts_status	st;
	int			n;

	/*
	 * January missing. Q1 = C[01..02] + U[03] = 450, bases 300/1.2 +
	 * 150/1.25 = 250 + 120 = 370: +21.62%. Q2 = ytd(Jun) - ytd(Mar) = 600
	 * - 450 = 150, and Q1..Q2 = 600, both without a rate (April..June have
	 * none; 2021 is not consulted). Q3: August and September missing.
	 */
	reset(TP_MONTH);
	UR("2022-01..02", 300, 20);
	UR("2022-03", 150, 25);
	U("2022-04", 40);
	U("2022-05", 50);
	U("2022-06", 60);
	UR("2022-07", 70, 40);
	n = resample(TP_QUARTER, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 3);
	if (n == 3)
	{
		CHECK(ts_fact_period(TP_QUARTER, &out[0]) == P("2022-Q1"));
		CHECK_NEAR(out[0].value, 450, TOL);
		CHECK_INT(out[0].has_growth, 1);
		CHECK_NEAR(out[0].growth, 8000.0 / 370.0, TOL);
		CHECK(ts_fact_period(TP_QUARTER, &out[1]) == P("2022-Q2"));
		CHECK_NEAR(out[1].value, 150, TOL);
		CHECK_INT(out[1].has_growth, 0);
		CHECK(ts_fact_period(TP_QUARTER, &out[2]) == P("2022-Q1..Q2"));
		CHECK_NEAR(out[2].value, 600, TOL);
		CHECK_INT(out[2].has_growth, 0);
	}

	/*
	 * Published cumulative rates carry over exactly where a quarter is a
	 * fact: Q1 = C[01..03] at 10%, Q1..Q2 = C[01..06] at 20%. Q2 = 400 over
	 * 700/1.2 - 300/1.1 = 4100/13.2: growth 5280/4100 - 1 = 28.78%.
	 */
	reset(TP_MONTH);
	UR("2022-01..03", 300, 10);
	UR("2022-01..06", 700, 20);
	n = resample(TP_QUARTER, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 3);
	if (n == 3)
	{
		CHECK(ts_fact_period(TP_QUARTER, &out[0]) == P("2022-Q1"));
		CHECK(out[0].value == 300 && out[0].has_growth && out[0].growth == 10);
		CHECK(ts_fact_period(TP_QUARTER, &out[1]) == P("2022-Q2"));
		CHECK_NEAR(out[1].value, 400, TOL);
		CHECK_INT(out[1].has_growth, 1);
		CHECK_NEAR(out[1].growth, (5280.0 / 4100.0 - 1) * 100, TOL);
		CHECK(ts_fact_period(TP_QUARTER, &out[2]) == P("2022-Q1..Q2"));
		CHECK(out[2].value == 700 && out[2].has_growth && out[2].growth == 20);
	}
	/* To halves: H1 is the cumulative fact through June. */
	n = resample(TP_HALF, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 1);
	if (n == 1)
	{
		CHECK(ts_fact_period(TP_HALF, &out[0]) == P("2022-H1"));
		CHECK(out[0].value == 700 && out[0].has_growth && out[0].growth == 20);
	}
	/* To years: 2022 needs December. */
	n = resample(TP_YEAR, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 0);

	/*
	 * Across years, from 2021-Q1 (C[2021-01..09] covers from January).
	 * 2021-Q1..Q3 and 2021-Q1..Q4 are the cumulative facts, rates exact.
	 * 2021-Q4 = 100 - 100 = 0 over bases 100/1.0 - 100/1.25 = 20: -100%,
	 * which implies no base, so no rate. 2021-Q1..Q3 alone: no ytd(Jun).
	 * 2022-Q1 = 7 + 8 + 9 = 24 without a rate.
	 */
	reset(TP_MONTH);
	UR("2021-01..09", 100, 25);
	UR("2021-01..12", 100, 0);
	U("2022-01", 7);
	U("2022-02", 8);
	U("2022-03", 9);
	n = resample(TP_QUARTER, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 4);
	if (n == 4)
	{
		CHECK(ts_fact_period(TP_QUARTER, &out[0]) == P("2021-Q1..Q3"));
		CHECK(out[0].value == 100 && out[0].has_growth && out[0].growth == 25);
		CHECK(ts_fact_period(TP_QUARTER, &out[1]) == P("2021-Q4"));
		CHECK(out[1].value == 0 && !out[1].has_growth);
		CHECK(ts_fact_period(TP_QUARTER, &out[2]) == P("2021-Q1..Q4"));
		CHECK(out[2].value == 100 && out[2].has_growth && out[2].growth == 0);
		CHECK(ts_fact_period(TP_QUARTER, &out[3]) == P("2022-Q1"));
		CHECK_NEAR(out[3].value, 24, TOL);
		CHECK_INT(out[3].has_growth, 0);
	}

	/* Days to weeks. 2022-W01 is 01-03..01-09. */
	reset(TP_DAY);
	U("2022-01-03", 1);
	U("2022-01-04", 1);
	U("2022-01-05", 1);
	U("2022-01-06", 1);
	U("2022-01-07", 1);
	U("2022-01-08", 1);
	U("2022-01-09", 1);
	U("2022-01-10", 1);
	n = resample(TP_WEEK, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 1);
	if (n == 1)
	{
		CHECK(ts_fact_period(TP_WEEK, &out[0]) == P("2022-W01"));
		CHECK_NEAR(out[0].value, 7, TOL);
	}

	/* Rejected grains. */
	reset(TP_MONTH);
	U("2022-01", 1);
	CHECK(resample(TP_WEEK, &st) == -1 && st == TS_EGRAIN);
	CHECK(resample(TP_MONTH, &st) == -1 && st == TS_EGRAIN);
	CHECK(resample(TP_DAY, &st) == -1 && st == TS_EGRAIN);
	CHECK(resample((tp_grain) 9, &st) == -1 && st == TS_EGRAIN);
	reset(TP_WEEK);
	U("2022-W01", 1);
	CHECK(resample(TP_MONTH, &st) == -1 && st == TS_EGRAIN);
	CHECK(resample(TP_YEAR, &st) == -1 && st == TS_EGRAIN);
}

/* ---- overflow ---- */

static void
test_overflow(void)
{
	reset(TP_MONTH);
	U("2022-01", 1.5e308);
	U("2022-02", 1.5e308);
	FAILS(ts_value, "2022-01..02", TS_ENONFINITE);
	FAILS(ts_yoy, "2022-01..02", TS_ENONFINITE);
	READS(ts_value, "2022-01", 1.5e308);
	/* A rate near -100 implies a base beyond the range: unusable, so the
	 * base falls back to last year. */
	reset(TP_MONTH);
	U("2021-03", 4);
	UR("2022-03", 1e300, -99.999999999999);
	READS(ts_base, "2022-03", 4);
	READS_EXACT(ts_yoy, "2022-03", -99.999999999999);
}


/* ---- what a fact can be: rate-only facts and facts with neither ---- */

static void
test_rate_only(void)
{
	double		g;

	/* 规上工业增加值 published as rates only. yoy and ytd_yoy read the
	 * published rate of the fact that is exactly the period (Q1 covers
	 * 1-3月); nothing else comes from rates alone. */
	reset(TP_MONTH);
	R("2021-01..07", 14.8);
	R("2022-03", 6.5);
	R("2022-01..03", 7.0);
	R("2022-07", 9.1);
	R("2022-01..07", 8.3);
	READS_EXACT(ts_yoy, "2022-07", 9.1);
	READS_EXACT(ts_yoy, "2022-01..07", 8.3);
	READS_EXACT(ts_yoy, "2022-03", 6.5);
	READS_EXACT(ts_yoy, "2022-01..03", 7.0);
	READS_EXACT(ts_yoy, "2022-Q1", 7.0);
	FAILS(ts_value, "2022-07", TS_NULL);
	FAILS(ts_base, "2022-07", TS_NULL);
	FAILS(ts_mom, "2022-07", TS_NULL);
	FAILS(ts_value, "2022-01..07", TS_NULL);
	FAILS(ts_base, "2022-01..07", TS_NULL);
	FAILS(ts_yoy, "2022-Q3", TS_NULL);
	FAILS(ts_yoy, "2022-06..07", TS_NULL);
	FAILS(ts_yoy, "2022-01..02", TS_NULL);
	/* 两年平均 from the rates: sqrt(1.083 * 1.148) - 1 */
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2022-01..07"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(1.083 * 1.148) - 1) * 100, TOL);
	read_agrees_everywhere();

	/* A fact without a level is no level in any derivation; its rate is
	 * still the period's. 1-3月 published as +5% only: its level is the
	 * months' 10 + 20 + 30 = 60, its base 60 / 1.05. */
	reset(TP_MONTH);
	U("2022-01", 10);
	U("2022-02", 20);
	U("2022-03", 30);
	R("2022-01..03", 5);
	READS(ts_value, "2022-01..03", 60);
	READS_EXACT(ts_yoy, "2022-01..03", 5);
	READS(ts_base, "2022-01..03", 60 / 1.05);
	READS(ts_value, "2022-Q1", 60);
	read_agrees_everywhere();

	/* February from 1-2月 needs that fact's level. */
	reset(TP_MONTH);
	U("2022-01", 10);
	R("2022-01..02", 5);
	FAILS(ts_value, "2022-02", TS_NULL);
	FAILS(ts_value, "2022-01..02", TS_NULL);
	READS_EXACT(ts_yoy, "2022-01..02", 5);

	/* July published as +30% only, between cumulative facts with levels:
	 * its level 1050 - 840 = 210, its rate 30 (a published rate wins over
	 * the bases 840 - 700 = 140 the cumulative rates imply), its base the
	 * one that rate implies: 210 / 1.3. */
	reset(TP_MONTH);
	UR("2022-01..06", 840, 20);
	UR("2022-01..07", 1050, 25);
	R("2022-07", 30);
	READS(ts_value, "2022-07", 210);
	READS_EXACT(ts_yoy, "2022-07", 30);
	READS(ts_base, "2022-07", 210 / 1.3);
	read_agrees_everywhere();

	/* The year to date through a cumulative fact without a level walks
	 * on through the units: 1-7月 = 1-6月 840 + July 210. Its own fact has
	 * no rate, July none either: no comparable base, and no 2021. */
	reset(TP_MONTH);
	UR("2022-01..06", 840, 20);
	U("2022-07", 210);
	NV("2022-01..07");
	READS(ts_value, "2022-01..07", 1050);
	READS(ts_value, "2022-07", 210);
	FAILS(ts_yoy, "2022-01..07", TS_NULL);
	FAILS(ts_base, "2022-01..07", TS_NULL);
	read_agrees_everywhere();

	/* A unit with neither stops a sum of units, and has no value. */
	reset(TP_MONTH);
	U("2022-01", 1);
	NV("2022-02");
	U("2022-03", 3);
	FAILS(ts_value, "2022-02", TS_NULL);
	FAILS(ts_value, "2022-01..03", TS_NULL);
	FAILS(ts_yoy, "2022-02", TS_NULL);
	READS(ts_value, "2022-03", 3);

	/* A published rate on a derived level <= 0 implies no base (as a
	 * fact with both would keep no rate): 90 - 100 = -10 at +5%. */
	reset(TP_MONTH);
	U("2022-01..06", 100);
	U("2022-01..07", 90);
	R("2022-07", 5);
	READS(ts_value, "2022-07", -10);
	READS_EXACT(ts_yoy, "2022-07", 5);
	FAILS(ts_base, "2022-07", TS_NULL);
	read_agrees_everywhere();

	/* mom needs both levels. */
	reset(TP_MONTH);
	U("2022-06", 100);
	R("2022-07", 5);
	FAILS(ts_mom, "2022-07", TS_NULL);
	R("2022-05", 2);
	FAILS(ts_mom, "2022-06", TS_NULL);
	(void) g;
}

static void
test_avg_growth_fallback(void)
{
	/* Levels 100, 0, 110: 2021 has no rate over a base of 0, so the
	 * average is the level ratio over two years, sqrt(1.1) - 1. */
	reset(TP_YEAR);
	U("2019", 100);
	U("2020", 0);
	U("2021", 110);
	FAILS(ts_yoy, "2021", TS_NULL);
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(1.1) - 1) * 100, TOL);
	/* one year: 110 over 0 has no ratio either */
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 1, &got), TS_NULL);
	/* three years need 2018 */
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 3, &got), TS_NULL);
	CHECK(got == SENTINEL);

	/* 2020 missing: the same. */
	reset(TP_YEAR);
	U("2019", 100);
	U("2021", 110);
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(1.1) - 1) * 100, TOL);
	/* and far more years than the calendar has: NULL */
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2000000000, &got), TS_NULL);
	CHECK(got == SENTINEL);

	/* A level ratio <= 0 has no mean. */
	reset(TP_YEAR);
	U("2019", 100);
	U("2021", -5);
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_NULL);
	U("2022", 0);
	CHECK_INT(ts_avg_growth(&sv, P("2022"), 3, &got), TS_NULL);
	CHECK(got == SENTINEL);

	/* Rates are chained, even against the levels (可比口径): -5% and +8%
	 * give sqrt(0.95 * 1.08) - 1 though 55 / 50 is +10%; rates alone the
	 * same. */
	reset(TP_YEAR);
	U("2019", 52);
	UR("2020", 50, -5);
	UR("2021", 55, 8);
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(0.95 * 1.08) - 1) * 100, TOL);
	reset(TP_YEAR);
	R("2020", -5);
	R("2021", 8);
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_OK);
	CHECK_NEAR(got, (sqrt(0.95 * 1.08) - 1) * 100, TOL);
	/* one rate missing and no levels: NULL */
	reset(TP_YEAR);
	R("2021", 8);
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_NULL);
	CHECK(got == SENTINEL);

	/* A chain that reaches a factor of 0 (a fall of 100%) is complete:
	 * no mean, and no fallback, as before. */
	reset(TP_YEAR);
	U("2019", 100);
	U("2020", 0);
	UR("2021", 110, 12);
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_NULL);

	/* Huge level ratios do not overflow: 1e300 over 1e-300 in two years is
	 * a factor of 1e300 a year. */
	reset(TP_YEAR);
	U("2019", 1e-300);
	U("2021", 1e300);
	CHECK_INT(ts_avg_growth(&sv, P("2021"), 2, &got), TS_OK);
	CHECK_NEAR(got / 1e302, 1, 1e-9);
}

/* ---- ratio series ---- */

static void
test_ratio(void)
{
	ts_reading	r;

	/* 产销率: levels are ratios, changes in points. */
	reset(TP_MONTH);
	sv.kind = TS_RATIO;
	U("2021-06", 98.0);
	U("2021-07", 97.8);
	U("2021-01..07", 97.6);
	U("2022-01..06", 98.2);
	U("2022-06", 98.4);
	UR("2022-07", 98.1, 0.3);
	UR("2022-01..07", 97.9, 0.3);
	READS_EXACT(ts_value, "2022-07", 98.1);
	READS_EXACT(ts_base, "2022-07", 97.8);
	READS_EXACT(ts_yoy, "2022-07", 0.3);
	/* no published change: the difference in points */
	READS_EXACT(ts_yoy, "2022-06", 98.4 - 98.0);
	READS_EXACT(ts_base, "2022-06", 98.0);
	READS_EXACT(ts_mom, "2022-07", 98.1 - 98.4);
	/* the facts a coarser or cumulative period is exactly */
	READS_EXACT(ts_value, "2022-H1", 98.2);
	READS_EXACT(ts_value, "2022-Q1..Q2", 98.2);
	READS_EXACT(ts_value, "2022-01..07", 97.9);
	READS_EXACT(ts_yoy, "2022-01..07", 0.3);
	FAILS(ts_yoy, "2021-01..07", TS_NULL);
	/* never summed nor differenced */
	FAILS(ts_value, "2022-Q2", TS_NULL);
	FAILS(ts_value, "2022-06..07", TS_NULL);
	FAILS(ts_value, "2022-Q3", TS_NULL);
	FAILS(ts_value, "2022", TS_NULL);
	FAILS(ts_value, "2021-12..2022-01", TS_NULL);
	FAILS(ts_mom, "2022-01..07", TS_NULL);
	/* changes in points do not compound */
	got = SENTINEL;
	CHECK_INT(ts_avg_growth(&sv, P("2022-07"), 2, &got), TS_NULL);
	CHECK_INT(ts_avg_growth(&sv, P("2022-07"), 1, &got), TS_NULL);
	CHECK_INT(ts_avg_growth(&sv, P("2022-07"), 0, &got), TS_EARG);
	CHECK(got == SENTINEL);
	/* reading at a finer grain is still an error */
	FAILS(ts_value, "2022-07-01", TS_EGRAIN);
	read_agrees_everywhere();
	CHECK_INT(ts_read(&sv, P("2022-05"), &r), TS_OK);
	CHECK_INT(r.value_status, TS_NULL);
	CHECK_INT(r.base_status, TS_NULL);
	CHECK_INT(r.growth_status, TS_NULL);

	/* What an amount would derive, a ratio does not: July from 1-7月 and
	 * 1-6月, Q1 from its months. */
	reset(TP_MONTH);
	sv.kind = TS_RATIO;
	U("2022-01", 50);
	U("2022-02", 60);
	U("2022-03", 70);
	U("2022-01..06", 98.2);
	U("2022-01..07", 97.9);
	FAILS(ts_value, "2022-07", TS_NULL);
	FAILS(ts_value, "2022-Q1", TS_NULL);
	FAILS(ts_value, "2022-02..03", TS_NULL);
	READS_EXACT(ts_value, "2022-03", 70);
	/* mom in points */
	READS_EXACT(ts_mom, "2022-03", 10);
	sv.kind = TS_AMOUNT;
	READS(ts_value, "2022-07", 97.9 - 98.2);
	READS(ts_value, "2022-Q1", 180);
	sv.kind = TS_RATIO;

	/* A change without a level: the change as published, the base a year
	 * before, no value. A level without a year-ago fact: no change. */
	reset(TP_MONTH);
	sv.kind = TS_RATIO;
	U("2021-07", 5.1);
	R("2022-07", 0.3);
	U("2022-08", 5.4);
	FAILS(ts_value, "2022-07", TS_NULL);
	READS_EXACT(ts_base, "2022-07", 5.1);
	READS_EXACT(ts_yoy, "2022-07", 0.3);
	FAILS(ts_yoy, "2022-08", TS_NULL);
	FAILS(ts_mom, "2022-08", TS_NULL);
	/* changes of any size: no -100 bound in points */
	UR("2022-09", 1.0, -150.0);
	READS_EXACT(ts_yoy, "2022-09", -150.0);
	read_agrees_everywhere();

	/* A difference in points beyond the double range is an error, as
	 * for sums; an equal pair is +0. */
	reset(TP_MONTH);
	sv.kind = TS_RATIO;
	U("2021-07", -1e308);
	U("2022-06", -1e308);
	U("2022-07", 1e308);
	FAILS(ts_yoy, "2022-07", TS_ENONFINITE);
	FAILS(ts_mom, "2022-07", TS_ENONFINITE);
	U("2021-08", 5);
	U("2022-08", 5);
	READS_EXACT(ts_yoy, "2022-08", 0.0);
	CHECK(!signbit(got));
}


static void
test_resample_kinds(void)
{
	ts_status	st;
	ts_builder	b;
	char		buf[64];
	size_t		len;
	int			n;

	/* A ratio keeps the facts that are exactly a quarter or a year to
	 * date through one, as published: Q1 from 1-3月, Q1..Q2 from 1-6月
	 * with its change; Q2 (April-June) is no fact; a fact with neither
	 * is left out. */
	reset(TP_MONTH);
	sv.kind = TS_RATIO;
	U("2022-01..03", 70);
	U("2022-04", 1);
	U("2022-05", 2);
	U("2022-06", 3);
	UR("2022-01..06", 98.2, 0.5);
	NV("2022-01..09");
	R("2022-01..12", -0.25);
	n = resample(TP_QUARTER, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 3);
	if (n == 3)
	{
		CHECK(ts_fact_period(TP_QUARTER, &out[0]) == P("2022-Q1"));
		CHECK(out[0].value == 70 && !out[0].has_growth && !out[0].no_value);
		CHECK(ts_fact_period(TP_QUARTER, &out[1]) == P("2022-Q1..Q2"));
		CHECK(out[1].value == 98.2 && out[1].has_growth && out[1].growth == 0.5);
		CHECK(ts_fact_period(TP_QUARTER, &out[2]) == P("2022-Q1..Q4"));
		CHECK(out[2].no_value && out[2].has_growth && out[2].growth == -0.25);
	}
	ts_builder_init(&b, &heap);
	CHECK_INT(ts_resample(&sv, TP_HALF, &b), TS_OK);
	CHECK_INT(b.kind, TS_RATIO);
	CHECK_INT(b.count, 2);		/* H1 from 1-6月, H1..H2 from 1-12月 */
	ts_builder_free(&b);
	/* the sparkline draws unit facts only: April to June 1, 2, 3 */
	CHECK_INT(ts_sparkline(&sv, P("2022-03"), P("2022-06"), buf, sizeof buf, &len), TS_OK);
	CHECK_STR(buf, " " B1 "\xe2\x96\x85" "\xe2\x96\x88");

	/* An amount where only the published rate of a coarser period is
	 * known: a rate-only fact. Q1 is 1-3月 at +7%; Q2 (April-June) has
	 * neither; the year to date through Q2, 1-6月, has neither. */
	reset(TP_MONTH);
	R("2022-01..03", 7);
	NV("2022-01..06");
	n = resample(TP_QUARTER, &st);
	CHECK_INT(st, TS_OK);
	CHECK_INT(n, 1);
	if (n == 1)
	{
		CHECK(ts_fact_period(TP_QUARTER, &out[0]) == P("2022-Q1"));
		CHECK(out[0].no_value && out[0].has_growth && out[0].growth == 7);
	}
	/* With the months' levels, Q1 has both: 60 at the published +7%. */
	U("2022-01", 10);
	U("2022-02", 20);
	U("2022-03", 30);
	n = resample(TP_QUARTER, &st);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK(out[0].value == 60 && !out[0].no_value && out[0].growth == 7);
	/* a sparkline is blank where the level is missing */
	CHECK_INT(ts_sparkline(&sv, P("2022-03"), P("2022-05"), buf, sizeof buf, &len), TS_OK);
	CHECK_STR(buf, "\xe2\x96\x84  ");
}

/*
 * ts_find and ts_count_at against a linear scan, on random series whose
 * keys (unit, cumulative) are dense, gapped or both: the interpolated
 * guess lands anywhere from exact to far off, so its steps and the
 * bisection after them are both taken. Every key from below the first
 * to beyond the last is looked up.
 */
static void
test_search_random(void)
{
	int			trial;

	srand(7);
	for (trial = 0; trial < 3000; trial++)
	{
		int32_t		n = 1 + rand() % 300;
		int64_t		key = 24000 * 2 + rand() % 50;
		int64_t		k;
		int32_t		i;

		reset(TP_MONTH);
		for (i = 0; i < n; i++)
		{
			memset(&facts[i], 0, sizeof facts[i]);
			facts[i].unit = (int32_t) (key / 2);
			facts[i].cumulative = (uint8_t) (key % 2);
			switch (rand() % 4)
			{
				case 0:
					key += 1;
					break;
				case 1:
					key += 2;
					break;
				case 2:
					key += 1 + rand() % 5;
					break;
				default:
					key += 1 + (rand() % 8 == 0 ? rand() % 400 : 0);
					break;
			}
		}
		nfacts = n;
		sv.n = n;
		for (k = (int64_t) facts[0].unit * 2 - 5; k <= (int64_t) facts[n - 1].unit * 2 + 6; k++)
		{
			int32_t		u = (int32_t) (k / 2);
			int			c = (int) (k % 2);
			int32_t		want = -1;
			int			count = 0;

			for (i = 0; i < n; i++)
			{
				if (facts[i].unit == u && facts[i].cumulative == c)
					want = i;
				count += facts[i].unit == u;
			}
			CHECK_INT(ts_find(&sv, u, c), want);
			if (c == 0)
				CHECK_INT(ts_count_at(&sv, u), count);
		}
	}
}

int
main(void)
{
	test_find();
	test_search_random();
	test_january_missing();
	test_derived_month();
	test_quarter_from_months();
	test_precedence();
	test_base_fallback();
	test_yoy_exact();
	test_mom();
	test_avg_growth();
	test_across_years();
	test_grains();
	test_first_last();
	test_has_fact_starting();
	test_read();
	test_sparkline();
	test_resample();
	test_overflow();
	test_rate_only();
	test_avg_growth_fallback();
	test_ratio();
	test_resample_kinds();
	return check_report("series_read");
}
