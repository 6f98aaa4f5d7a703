/*
 * test_period.c — unit tests of the calendar and period core (everything in
 * period.h except the text functions).
 *
 * The calendar is checked exhaustively, day by day from 0001-01-01 to
 * 9999-12-31, against a naive date counter and Sakamoto's weekday formula,
 * which share no code with calendar.c. Loops count their own failures and
 * report once, so the pass count stays readable.
 */
#include <stdint.h>
#include <stdio.h>

#include "period.h"
#include "check.h"

/* ---- independent reference calendar ---- */

static int
ref_leap(int y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

static int
ref_mdays(int y, int m)
{
	static const int t[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && ref_leap(y) ? 29 : t[m - 1];
}

/* Sakamoto's weekday: 0 = Sunday. */
static int
ref_dow(int y, int m, int d)
{
	static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};

	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* Long ISO years: 1 January a Thursday, or a leap year starting Wednesday. */
static int
ref_iso_weeks(int y)
{
	int			p = (y + y / 4 - y / 100 + y / 400) % 7;
	int			q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;

	return (p == 4 || q == 3) ? 53 : 52;
}

/* ISO week from the ordinal date: week = (ordinal - weekday + 10) / 7. */
static void
ref_iso_week(int y, int ordinal, int wd_mon1, int *iy, int *w)
{
	int			week = (ordinal - wd_mon1 + 10) / 7;

	if (week < 1)
	{
		*iy = y - 1;
		*w = ref_iso_weeks(y - 1);
	}
	else if (week > ref_iso_weeks(y))
	{
		*iy = y + 1;
		*w = 1;
	}
	else
	{
		*iy = y;
		*w = week;
	}
}

/* ---- builders, using the unit numbering of period.h ---- */

static tp_period
mk(tp_grain g, int64_t first, int64_t last)
{
	tp_period	p = -1;
	tp_status	st = tp_make(g, first, last, &p);

	if (st != TP_OK)
	{
		fprintf(stderr, "mk(%d, %lld, %lld) failed: %d\n", (int) g,
				(long long) first, (long long) last, (int) st);
		check_failed++;
	}
	return p;
}

static tp_day
D(int y, int m, int d)
{
	return tp_days_from_civil(y, m, d);
}

static tp_period
Pday(int y, int m, int d)
{
	return mk(TP_DAY, D(y, m, d), D(y, m, d));
}

static tp_period
Pdays(tp_day a, tp_day b)
{
	return mk(TP_DAY, a, b);
}

static int64_t
Uweek(int iso_year, int w)
{
	return tp_iso_year_start(iso_year) / 7 + w - 1;
}

static tp_period
Pweek(int iso_year, int w)
{
	return mk(TP_WEEK, Uweek(iso_year, w), Uweek(iso_year, w));
}

static tp_period
Pweeks(int y1, int w1, int y2, int w2)
{
	return mk(TP_WEEK, Uweek(y1, w1), Uweek(y2, w2));
}

static tp_period
Pmonth(int y, int m)
{
	return mk(TP_MONTH, 12 * (int64_t) y + m - 1, 12 * (int64_t) y + m - 1);
}

static tp_period
Pmonths(int y1, int m1, int y2, int m2)
{
	return mk(TP_MONTH, 12 * (int64_t) y1 + m1 - 1, 12 * (int64_t) y2 + m2 - 1);
}

static tp_period
Pquarters(int y, int q1, int q2)
{
	return mk(TP_QUARTER, 4 * (int64_t) y + q1 - 1, 4 * (int64_t) y + q2 - 1);
}

static tp_period
Phalf(int y, int h)
{
	return mk(TP_HALF, 2 * (int64_t) y + h - 1, 2 * (int64_t) y + h - 1);
}

static tp_period
Pyear(int y)
{
	return mk(TP_YEAR, y, y);
}

static tp_period
raw(tp_grain g, tp_day s, tp_day e)
{
	return ((int64_t) s << 25) | ((int64_t) e << 3) | (int64_t) g;
}

/* xorshift64*: reproducible pseudo-random numbers for property tests. */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng() % (uint64_t) (hi - lo + 1));
}

/* ---- calendar ---- */

static void
test_civil_known(void)
{
	int			y,
				m,
				d;

	CHECK_INT(D(1, 1, 1), 0);
	CHECK_INT(D(1970, 1, 1), 719162);
	CHECK_INT(D(2000, 1, 1), TP_PG_EPOCH_OFFSET);
	CHECK_INT(D(9999, 12, 31), TP_DAY_MAX);
	CHECK_INT(D(2022, 7, 15) - D(2022, 1, 1), 195);

	/* Before day 0 and after 9999: floor division, year 0 is a leap year. */
	CHECK_INT(D(0, 12, 31), -1);
	CHECK_INT(D(0, 1, 1), -366);
	CHECK_INT(D(-1, 1, 1), -731);
	CHECK_INT(D(10000, 1, 1), TP_DAY_MAX + 1);
	tp_civil_from_days(-1, &y, &m, &d);
	CHECK(y == 0 && m == 12 && d == 31);
	tp_civil_from_days(-366, &y, &m, &d);
	CHECK(y == 0 && m == 1 && d == 1);
	tp_civil_from_days(-306, &y, &m, &d);
	CHECK(y == 0 && m == 3 && d == 1);
	tp_civil_from_days(-307, &y, &m, &d);
	CHECK(y == 0 && m == 2 && d == 29);
	tp_civil_from_days(-731, &y, &m, &d);
	CHECK(y == -1 && m == 1 && d == 1);
	tp_civil_from_days(TP_DAY_MAX + 1, &y, &m, &d);
	CHECK(y == 10000 && m == 1 && d == 1);

	/* Extreme arguments must not overflow (UBSan watches). */
	tp_civil_from_days(INT32_MIN, &y, &m, &d);
	CHECK(y < -5000000 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	CHECK_INT(D(y, m, d), INT32_MIN);
	tp_civil_from_days(INT32_MAX, &y, &m, &d);
	CHECK(y > 5000000 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	CHECK_INT(D(y, m, d), INT32_MAX);
	(void) tp_days_from_civil(INT32_MAX, INT32_MAX, INT32_MAX);
	(void) tp_days_from_civil(INT32_MIN, INT32_MIN, INT32_MIN);

	CHECK(tp_is_leap(2000));
	CHECK(tp_is_leap(2024));
	CHECK(tp_is_leap(0));
	CHECK(tp_is_leap(-4));
	CHECK(!tp_is_leap(1900));
	CHECK(!tp_is_leap(2023));
	CHECK(!tp_is_leap(-1));
	CHECK(!tp_is_leap(INT32_MIN + 1));
	CHECK_INT(tp_days_in_month(2024, 2), 29);
	CHECK_INT(tp_days_in_month(2023, 2), 28);
	CHECK_INT(tp_days_in_month(1900, 2), 28);
	CHECK_INT(tp_days_in_month(2000, 2), 29);
	CHECK_INT(tp_days_in_month(2022, 4), 30);
	CHECK_INT(tp_days_in_month(2022, 12), 31);
	CHECK_INT(tp_days_in_month(2022, 0), 0);
	CHECK_INT(tp_days_in_month(2022, 13), 0);
	CHECK_INT(tp_days_in_month(2022, -1), 0);
}

/*
 * Every day of the calendar: civil conversions both ways, weekday (day 0 is
 * a Monday), ISO week, and the unit functions of every grain.
 */
static void
test_every_day(void)
{
	int			y = 1,
				m = 1,
				d = 1,
				ordinal = 1;
	int64_t		z;
	long		bad_civil = 0,
				bad_dow = 0,
				bad_iso = 0,
				bad_units = 0,
				bad_leap = 0;
	int			g;

	for (z = 0; z <= TP_DAY_MAX; z++)
	{
		int			cy,
					cm,
					cd,
					iy,
					iw,
					ry,
					rw,
					wd;

		tp_civil_from_days((tp_day) z, &cy, &cm, &cd);
		if (cy != y || cm != m || cd != d || D(y, m, d) != z)
			bad_civil++;
		if (tp_days_in_month(y, m) != ref_mdays(y, m) ||
			tp_is_leap(y) != ref_leap(y))
			bad_leap++;

		/* Sakamoto: 0 = Sunday; ours: z % 7, 0 = Monday. */
		wd = (ref_dow(y, m, d) + 6) % 7;
		if (wd != z % 7)
			bad_dow++;

		tp_iso_week((tp_day) z, &iy, &iw);
		ref_iso_week(y, ordinal, wd + 1, &ry, &rw);
		if (iy != ry || iw != rw ||
			tp_iso_year_start(iy) + 7 * (iw - 1) != z - wd)
			bad_iso++;

		for (g = 0; g < TP_NGRAINS; g++)
		{
			int64_t		u = tp_unit_of((tp_grain) g, (tp_day) z);
			tp_day		s = tp_unit_start((tp_grain) g, u);
			tp_day		e = tp_unit_end((tp_grain) g, u);
			int			in_range = s >= 0 && e <= TP_DAY_MAX;

			if (s > z || e < z || tp_unit_start((tp_grain) g, u + 1) != e + 1 ||
				tp_unit_valid((tp_grain) g, u) != in_range)
				bad_units++;
		}

		/* The naive successor. */
		ordinal++;
		if (++d > ref_mdays(y, m))
		{
			d = 1;
			if (++m > 12)
			{
				m = 1;
				y++;
				ordinal = 1;
			}
		}
	}
	CHECK(y == 10000 && m == 1 && d == 1);
	CHECK_INT(bad_civil, 0);
	CHECK_INT(bad_leap, 0);
	CHECK_INT(bad_dow, 0);
	CHECK_INT(bad_iso, 0);
	CHECK_INT(bad_units, 0);
}

static void
test_iso_weeks(void)
{
	int			y,
				w,
				bad = 0;

	for (y = 1; y <= 10000; y++)
	{
		tp_day		s = tp_iso_year_start(y);
		int			iy,
					iw;

		if (tp_iso_weeks_in_year(y) != ref_iso_weeks(y))
			bad++;
		/* Monday of the week that holds 4 January. */
		if (s % 7 != 0 || s > D(y, 1, 4) || s + 6 < D(y, 1, 4))
			bad++;
		if (tp_iso_year_start(y + 1) - s != 7 * tp_iso_weeks_in_year(y))
			bad++;
		tp_iso_week(s, &iy, &iw);
		if (iy != y || iw != 1)
			bad++;
	}
	CHECK_INT(bad, 0);

	CHECK_INT(tp_iso_weeks_in_year(2020), 53);
	CHECK_INT(tp_iso_weeks_in_year(2015), 53);
	CHECK_INT(tp_iso_weeks_in_year(2021), 52);
	CHECK_INT(tp_iso_weeks_in_year(2019), 52);
	CHECK_INT(tp_iso_weeks_in_year(9999), 52);
	CHECK_INT(tp_iso_year_start(1), 0);
	CHECK_INT(tp_iso_year_start(2022), D(2022, 1, 3));
	CHECK_INT(tp_iso_year_start(2021), D(2021, 1, 4));
	CHECK_INT(tp_iso_year_start(2020), D(2019, 12, 30));
	tp_iso_week(D(2021, 1, 3), &y, &w);
	CHECK(y == 2020 && w == 53);
	tp_iso_week(D(2022, 1, 2), &y, &w);
	CHECK(y == 2021 && w == 52);
	tp_iso_week(D(2022, 1, 3), &y, &w);
	CHECK(y == 2022 && w == 1);
	tp_iso_week(D(2019, 12, 30), &y, &w);
	CHECK(y == 2020 && w == 1);
	tp_iso_week(D(2016, 1, 3), &y, &w);
	CHECK(y == 2015 && w == 53);
	tp_iso_week(D(9999, 12, 31), &y, &w);
	CHECK(y == 9999 && w == 52);
	tp_iso_week(0, &y, &w);
	CHECK(y == 1 && w == 1);
	tp_iso_week(-1, &y, &w);
	CHECK(y == 0 && w == 52);
	tp_iso_week(INT32_MIN, &y, &w);
	CHECK(w >= 1 && w <= 53);
	tp_iso_week(INT32_MAX, &y, &w);
	CHECK(w >= 1 && w <= 53);
	(void) tp_iso_weeks_in_year(INT32_MAX);
	(void) tp_iso_weeks_in_year(INT32_MIN);

	CHECK_INT(tp_unit_start(TP_WEEK, Uweek(2022, 1)), D(2022, 1, 3));
	CHECK_INT(tp_unit_end(TP_WEEK, Uweek(2021, 52)), D(2022, 1, 2));
	CHECK(tp_unit_valid(TP_WEEK, Uweek(2015, 53)));
	CHECK_INT(tp_unit_start(TP_WEEK, Uweek(2015, 53)), D(2015, 12, 28));
}

/* ---- grains and units ---- */

static void
test_grains(void)
{
	tp_grain	g = TP_YEAR;
	const char *names[] = {"day", "week", "month", "quarter", "half", "year"};
	int			i;

	for (i = 0; i < TP_NGRAINS; i++)
	{
		CHECK_STR(tp_grain_name((tp_grain) i), names[i]);
		g = TP_DAY;
		CHECK_INT(tp_parse_grain(names[i], strlen(names[i]), &g), TP_OK);
		CHECK_INT(g, i);
	}
	CHECK(tp_grain_name((tp_grain) 6) == NULL);
	CHECK(tp_grain_name((tp_grain) -1) == NULL);

	CHECK_INT(tp_parse_grain("Quarter", 7, &g), TP_OK);
	CHECK_INT(g, TP_QUARTER);
	CHECK_INT(tp_parse_grain(" \t\r\nMONTH \f\v", 12, &g), TP_OK);
	CHECK_INT(g, TP_MONTH);
	CHECK_INT(tp_parse_grain("weekly", 4, &g), TP_OK);	/* only len bytes */
	CHECK_INT(g, TP_WEEK);
	CHECK_INT(tp_parse_grain("yEaR", 4, &g), TP_OK);
	CHECK_INT(g, TP_YEAR);

	g = TP_HALF;
	CHECK_INT(tp_parse_grain("", 0, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("   ", 3, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("days", 4, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("mon", 3, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("we ek", 5, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("day\0", 4, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain("\xe6\x9c\x88", 3, &g), TP_EGRAIN);
	CHECK_INT(tp_parse_grain(NULL, 0, &g), TP_EGRAIN);
	CHECK_INT(g, TP_HALF);		/* untouched on failure */

	/* Unit numbering as period.h states it. */
	CHECK_INT(tp_unit_of(TP_YEAR, D(2022, 7, 15)), 2022);
	CHECK_INT(tp_unit_of(TP_HALF, D(2022, 7, 15)), 2 * 2022 + 1);
	CHECK_INT(tp_unit_of(TP_HALF, D(2022, 6, 30)), 2 * 2022);
	CHECK_INT(tp_unit_of(TP_QUARTER, D(2022, 7, 15)), 4 * 2022 + 2);
	CHECK_INT(tp_unit_of(TP_MONTH, D(2022, 7, 15)), 12 * 2022 + 6);
	CHECK_INT(tp_unit_of(TP_WEEK, D(2022, 7, 15)), D(2022, 7, 11) / 7);
	CHECK_INT(tp_unit_of(TP_DAY, D(2022, 7, 15)), D(2022, 7, 15));
	CHECK_INT(tp_unit_of((tp_grain) 7, 100), -1);
	CHECK_INT(tp_unit_start(TP_QUARTER, 4 * 2022 + 2), D(2022, 7, 1));
	CHECK_INT(tp_unit_end(TP_QUARTER, 4 * 2022 + 2), D(2022, 9, 30));
	CHECK_INT(tp_unit_start(TP_HALF, 2 * 2022 + 1), D(2022, 7, 1));
	CHECK_INT(tp_unit_end(TP_HALF, 2 * 2022), D(2022, 6, 30));
	CHECK_INT(tp_unit_end(TP_MONTH, 12 * 2024 + 1), D(2024, 2, 29));
	CHECK_INT(tp_unit_end(TP_YEAR, 9999), TP_DAY_MAX);
	CHECK_INT(tp_unit_start(TP_YEAR, 0), D(0, 1, 1));
	CHECK_INT(tp_unit_start(TP_MONTH, -1), D(-1, 12, 1));
	CHECK_INT(tp_unit_end(TP_MONTH, -1), D(-1, 12, 31));
	CHECK_INT(tp_unit_start((tp_grain) 6, 1), -1);
	CHECK_INT(tp_unit_end((tp_grain) 6, 1), -1);

	/* Bounds of every grain. */
	CHECK(tp_unit_valid(TP_DAY, 0));
	CHECK(tp_unit_valid(TP_DAY, TP_DAY_MAX));
	CHECK(!tp_unit_valid(TP_DAY, -1));
	CHECK(!tp_unit_valid(TP_DAY, TP_DAY_MAX + 1));
	CHECK(tp_unit_valid(TP_WEEK, 0));
	CHECK(tp_unit_valid(TP_WEEK, Uweek(9999, 51)));
	CHECK(!tp_unit_valid(TP_WEEK, Uweek(9999, 52)));
	CHECK(!tp_unit_valid(TP_WEEK, -1));
	CHECK(tp_unit_valid(TP_MONTH, 12));
	CHECK(!tp_unit_valid(TP_MONTH, 11));
	CHECK(tp_unit_valid(TP_MONTH, 12 * 9999 + 11));
	CHECK(!tp_unit_valid(TP_MONTH, 12 * 10000));
	CHECK(tp_unit_valid(TP_QUARTER, 4));
	CHECK(!tp_unit_valid(TP_QUARTER, 3));
	CHECK(tp_unit_valid(TP_QUARTER, 4 * 9999 + 3));
	CHECK(!tp_unit_valid(TP_QUARTER, 4 * 10000));
	CHECK(tp_unit_valid(TP_HALF, 2));
	CHECK(!tp_unit_valid(TP_HALF, 1));
	CHECK(tp_unit_valid(TP_HALF, 2 * 9999 + 1));
	CHECK(!tp_unit_valid(TP_HALF, 2 * 10000));
	CHECK(tp_unit_valid(TP_YEAR, 1));
	CHECK(tp_unit_valid(TP_YEAR, 9999));
	CHECK(!tp_unit_valid(TP_YEAR, 0));
	CHECK(!tp_unit_valid(TP_YEAR, 10000));
	CHECK(!tp_unit_valid((tp_grain) 6, 2000));
	CHECK(!tp_unit_valid((tp_grain) -1, 2000));

	/* Arbitrary int64 units: no overflow, and a sane ordering. */
	for (i = 0; i < TP_NGRAINS; i++)
	{
		CHECK(!tp_unit_valid((tp_grain) i, INT64_MIN));
		CHECK(!tp_unit_valid((tp_grain) i, INT64_MAX));
		CHECK(tp_unit_start((tp_grain) i, INT64_MIN) < 0);
		CHECK(tp_unit_end((tp_grain) i, INT64_MIN) < 0);
		CHECK(tp_unit_start((tp_grain) i, INT64_MAX) > TP_DAY_MAX);
		CHECK(tp_unit_end((tp_grain) i, INT64_MAX) > TP_DAY_MAX);
	}
}

/* ---- construction, validation and fields ---- */

static void
test_make_check(void)
{
	tp_period	p = 0;
	int			g;
	long		bad = 0;
	int			i;

	CHECK_INT(tp_make(TP_MONTH, 12 * 2022 + 6, 12 * 2022 + 6, &p), TP_OK);
	CHECK_INT(tp_start(p), D(2022, 7, 1));
	CHECK_INT(tp_end(p), D(2022, 7, 31));
	CHECK_INT(tp_grain_of(p), TP_MONTH);
	CHECK_INT(p, raw(TP_MONTH, D(2022, 7, 1), D(2022, 7, 31)));

	p = 42;
	CHECK_INT(tp_make(TP_MONTH, 12 * 2022 + 6, 12 * 2022 + 5, &p), TP_EARG);
	CHECK_INT(tp_make((tp_grain) 6, 1, 1, &p), TP_EARG);
	CHECK_INT(tp_make((tp_grain) -1, 1, 1, &p), TP_EARG);
	CHECK_INT(tp_make(TP_YEAR, 0, 1, &p), TP_ERANGE);
	CHECK_INT(tp_make(TP_YEAR, 9999, 10000, &p), TP_ERANGE);
	CHECK_INT(tp_make(TP_YEAR, INT64_MIN, INT64_MAX, &p), TP_ERANGE);
	CHECK_INT(tp_make(TP_WEEK, Uweek(9999, 52), Uweek(9999, 52), &p), TP_ERANGE);
	CHECK_INT(tp_make(TP_DAY, -1, 0, &p), TP_ERANGE);
	CHECK_INT(p, 42);			/* untouched on failure */

	/* The calendar's edges. */
	CHECK_INT(tp_make(TP_DAY, 0, TP_DAY_MAX, &p), TP_OK);
	CHECK_INT(tp_check(p), TP_OK);
	CHECK_INT(tp_make(TP_YEAR, 1, 9999, &p), TP_OK);
	CHECK_INT(p, raw(TP_YEAR, 0, TP_DAY_MAX));
	CHECK_INT(tp_make(TP_WEEK, 0, Uweek(9999, 51), &p), TP_OK);
	CHECK_INT(tp_end(p), D(9999, 12, 26));

	/* Every single unit of every grain is a valid encoding. */
	for (g = 0; g < TP_NGRAINS; g++)
	{
		int64_t		u;
		int64_t		lo = tp_unit_of((tp_grain) g, 0);
		int64_t		hi = tp_unit_of((tp_grain) g, TP_DAY_MAX);

		for (u = lo; u <= hi; u++)
		{
			tp_status	st = tp_make((tp_grain) g, u, u, &p);

			if (g == TP_WEEK && u == hi)
			{
				if (st != TP_ERANGE)
					bad++;
				continue;
			}
			if (st != TP_OK || tp_check(p) != TP_OK ||
				tp_first_unit(p) != u || tp_last_unit(p) != u ||
				tp_nunits(p) != 1)
				bad++;
		}
	}
	CHECK_INT(bad, 0);

	/* Garbage and misaligned encodings. */
	p = Pmonth(2022, 7);
	CHECK_INT(tp_check(p), TP_OK);
	CHECK_INT(tp_check(-1), TP_EARG);
	CHECK_INT(tp_check(INT64_MIN), TP_EARG);
	CHECK_INT(tp_check(INT64_MAX), TP_EARG);
	CHECK_INT(tp_check(p | ((int64_t) 1 << 47)), TP_EARG);
	CHECK_INT(tp_check(p | ((int64_t) 1 << 62)), TP_EARG);
	CHECK_INT(tp_check((p & ~(int64_t) 7) | 6), TP_EARG);
	CHECK_INT(tp_check((p & ~(int64_t) 7) | 7), TP_EARG);
	CHECK_INT(tp_check(raw(TP_DAY, 0, 0)), TP_OK);
	CHECK_INT(tp_check(0), TP_OK);
	CHECK_INT(tp_check(raw(TP_DAY, TP_DAY_MAX, TP_DAY_MAX)), TP_OK);
	CHECK_INT(tp_check(raw(TP_DAY, 0, TP_DAY_MAX + 1)), TP_ERANGE);
	CHECK_INT(tp_check(raw(TP_DAY, TP_DAY_MAX + 1, TP_DAY_MAX + 1)), TP_ERANGE);
	CHECK_INT(tp_check(raw(TP_DAY, 0x3FFFFF, 0x3FFFFF)), TP_ERANGE);
	CHECK_INT(tp_check(raw(TP_YEAR, D(10000, 1, 1), D(10000, 12, 31))), TP_ERANGE);
	CHECK_INT(tp_check(raw(TP_DAY, 5, 4)), TP_EARG);
	CHECK_INT(tp_check(raw(TP_MONTH, D(2022, 8, 1), D(2022, 7, 31))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_MONTH, D(2022, 7, 2), D(2022, 7, 31))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_MONTH, D(2022, 7, 1), D(2022, 7, 30))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_MONTH, D(2022, 7, 1), D(2022, 9, 30))), TP_OK);
	CHECK_INT(tp_check(raw(TP_QUARTER, D(2022, 7, 1), D(2022, 9, 30))), TP_OK);
	CHECK_INT(tp_check(raw(TP_QUARTER, D(2022, 8, 1), D(2022, 10, 31))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_QUARTER, D(2022, 7, 1), D(2022, 8, 31))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_HALF, D(2022, 4, 1), D(2022, 9, 30))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_HALF, D(2022, 1, 1), D(2022, 9, 30))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_HALF, D(2022, 1, 1), D(2022, 6, 30))), TP_OK);
	CHECK_INT(tp_check(raw(TP_YEAR, D(2022, 1, 1), D(2022, 6, 30))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_YEAR, D(2022, 2, 1), D(2023, 1, 31))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_YEAR, D(2021, 1, 1), D(2022, 12, 31))), TP_OK);
	CHECK_INT(tp_check(raw(TP_WEEK, D(2022, 1, 3), D(2022, 1, 9))), TP_OK);
	CHECK_INT(tp_check(raw(TP_WEEK, D(2022, 1, 4), D(2022, 1, 10))), TP_EARG);
	CHECK_INT(tp_check(raw(TP_WEEK, D(2022, 1, 3), D(2022, 1, 8))), TP_EARG);
	/* 9999-12-27 is the Monday of a week that leaves the calendar. */
	CHECK_INT(tp_check(raw(TP_WEEK, D(9999, 12, 27), TP_DAY_MAX)), TP_EARG);
	CHECK_INT(tp_check(raw(TP_WEEK, D(9999, 12, 20), TP_DAY_MAX)), TP_EARG);
	CHECK_INT(tp_check(raw(TP_WEEK, 0, 6)), TP_OK);

	/* Random 47-bit values against an oracle built from tp_from_day. */
	bad = 0;
	for (i = 0; i < 200000; i++)
	{
		int64_t		v = (int64_t) (rng() >> 17);
		tp_grain	vg;
		tp_day		s,
					e;
		tp_period	a,
					b;
		tp_status	want;

		/* Half the time, start from a real boundary to reach deep checks. */
		if (i % 2)
		{
			vg = (tp_grain) rng_range(0, 5);
			s = (tp_day) rng_range(0, TP_DAY_MAX);
			e = (tp_day) rng_range(s, s + 800 > TP_DAY_MAX ? TP_DAY_MAX : s + 800);
			if (tp_from_day(s, vg, &a) == TP_OK)
				s = tp_start(a);
			if (i % 4 == 1 && tp_from_day(e, vg, &b) == TP_OK)
				e = tp_end(b);
			v = raw(vg, s, e);
		}
		vg = tp_grain_of(v);
		s = tp_start(v);
		e = tp_end(v);
		if ((int) vg > 5)
			want = TP_EARG;
		else if (s > TP_DAY_MAX || e > TP_DAY_MAX)
			want = TP_ERANGE;
		else if (s > e)
			want = TP_EARG;
		else if (tp_from_day(s, vg, &a) != TP_OK ||
				 tp_from_day(e, vg, &b) != TP_OK ||
				 tp_start(a) != s || tp_end(b) != e)
			want = TP_EARG;
		else
			want = TP_OK;
		if (tp_check(v) != want)
			bad++;
	}
	CHECK_INT(bad, 0);
}

static void
test_fields(void)
{
	tp_period	p;

	p = Pmonths(2022, 1, 2022, 7);
	CHECK_INT(tp_first_unit(p), 12 * 2022);
	CHECK_INT(tp_last_unit(p), 12 * 2022 + 6);
	CHECK_INT(tp_nunits(p), 7);
	CHECK_INT(tp_ndays(p), 212);
	CHECK_INT(tp_year(p), 2022);
	CHECK_INT(tp_year(Pmonths(2021, 11, 2022, 2)), 2021);
	CHECK_INT(tp_year(Pday(2021, 1, 3)), 2021);
	CHECK_INT(tp_year(Pweek(2020, 53)), 2020);
	CHECK_INT(tp_year(Pweek(2020, 1)), 2020);	/* starts 2019-12-30 */
	CHECK_INT(tp_year(Pyear(9999)), 9999);
	CHECK_INT(tp_year(Pday(1, 1, 1)), 1);
	CHECK_INT(tp_ndays(Pyear(2024)), 366);
	CHECK_INT(tp_ndays(Pweek(2020, 53)), 7);
	CHECK_INT(tp_nunits(Pweeks(2020, 1, 2021, 1)), 54);
	CHECK_INT(tp_ndays(Pdays(D(2022, 6, 1), D(2022, 9, 8))), 100);
	CHECK_INT(tp_ndays(Pdays(0, TP_DAY_MAX)), TP_DAY_MAX + 1);
	CHECK_INT(tp_nunits(Pquarters(2022, 1, 3)), 3);
}

static void
test_from_day_span(void)
{
	tp_period	p = 42;

	CHECK_INT(tp_from_day(D(2022, 7, 15), TP_MONTH, &p), TP_OK);
	CHECK_INT(p, Pmonth(2022, 7));
	CHECK_INT(tp_from_day(D(2022, 7, 15), TP_HALF, &p), TP_OK);
	CHECK_INT(p, Phalf(2022, 2));
	CHECK_INT(tp_from_day(D(2021, 1, 3), TP_WEEK, &p), TP_OK);
	CHECK_INT(p, Pweek(2020, 53));
	CHECK_INT(tp_from_day(D(2022, 1, 3), TP_WEEK, &p), TP_OK);
	CHECK_INT(tp_start(p), D(2022, 1, 3));
	CHECK_INT(tp_from_day(0, TP_WEEK, &p), TP_OK);
	CHECK_INT(tp_start(p), 0);
	CHECK_INT(tp_from_day(TP_DAY_MAX, TP_YEAR, &p), TP_OK);
	CHECK_INT(p, Pyear(9999));
	CHECK_INT(tp_from_day(TP_DAY_MAX, TP_DAY, &p), TP_OK);
	CHECK_INT(tp_from_day(D(9999, 12, 26), TP_WEEK, &p), TP_OK);
	p = 42;
	CHECK_INT(tp_from_day(D(9999, 12, 27), TP_WEEK, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(TP_DAY_MAX, TP_WEEK, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(-1, TP_DAY, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(TP_DAY_MAX + 1, TP_YEAR, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(INT32_MIN, TP_MONTH, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(INT32_MAX, TP_MONTH, &p), TP_ERANGE);
	CHECK_INT(tp_from_day(100, (tp_grain) 6, &p), TP_EARG);
	CHECK_INT(p, 42);

	CHECK_INT(tp_span(Pmonth(2022, 1), Pmonth(2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 1, 2022, 7));
	CHECK_INT(tp_span(Pmonths(2021, 11, 2021, 12), Pmonths(2022, 1, 2022, 2), &p), TP_OK);
	CHECK_INT(p, Pmonths(2021, 11, 2022, 2));
	CHECK_INT(tp_span(Pmonth(2022, 7), Pmonth(2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonth(2022, 7));
	/* Overlapping inputs: first's first unit through last's last unit. */
	CHECK_INT(tp_span(Pmonths(2022, 3, 2022, 5), Pmonths(2022, 1, 2022, 4), &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 3, 2022, 4));
	p = 42;
	CHECK_INT(tp_span(Pmonth(2022, 7), Pmonth(2022, 6), &p), TP_EARG);
	CHECK_INT(tp_span(Pmonths(2022, 3, 2022, 5), Pmonths(2022, 1, 2022, 2), &p), TP_EARG);
	CHECK_INT(tp_span(Pmonth(2022, 1), Pquarters(2022, 1, 1), &p), TP_EARG);
	CHECK_INT(tp_span(Phalf(2022, 1), Pquarters(2022, 1, 2), &p), TP_EARG);
	CHECK_INT(p, 42);
}

/* ---- navigation ---- */

static void
test_shift_prev(void)
{
	tp_period	p = 42;
	tp_period	q;

	CHECK_INT(tp_shift(Pmonths(2022, 1, 2022, 7), 1, &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 2, 2022, 8));
	CHECK_INT(tp_prev(Pmonths(2022, 1, 2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonths(2021, 6, 2021, 12));
	CHECK_INT(tp_shift(Pmonth(2022, 7), 0, &p), TP_OK);
	CHECK_INT(p, Pmonth(2022, 7));
	CHECK_INT(tp_shift(Pmonth(2022, 12), 1, &p), TP_OK);
	CHECK_INT(p, Pmonth(2023, 1));
	CHECK_INT(tp_shift(Pmonth(2022, 1), -13, &p), TP_OK);
	CHECK_INT(p, Pmonth(2020, 12));
	CHECK_INT(tp_shift(Pweek(2020, 53), 1, &p), TP_OK);
	CHECK_INT(p, Pweek(2021, 1));
	CHECK_INT(tp_prev(Pweek(2021, 1), &p), TP_OK);
	CHECK_INT(p, Pweek(2020, 53));
	CHECK_INT(tp_prev(Pday(2024, 3, 1), &p), TP_OK);
	CHECK_INT(p, Pday(2024, 2, 29));
	CHECK_INT(tp_prev(Pquarters(2022, 1, 3), &p), TP_OK);
	CHECK_INT(p, mk(TP_QUARTER, 4 * 2021 + 1, 4 * 2021 + 3));
	CHECK_INT(tp_prev(Phalf(2022, 1), &p), TP_OK);
	CHECK_INT(p, Phalf(2021, 2));
	CHECK_INT(tp_shift(Pyear(2022), -2021, &p), TP_OK);
	CHECK_INT(p, Pyear(1));
	CHECK_INT(tp_shift(Pday(1, 1, 1), TP_DAY_MAX, &p), TP_OK);
	CHECK_INT(p, Pday(9999, 12, 31));
	CHECK_INT(tp_shift(Pday(9999, 12, 31), -TP_DAY_MAX, &p), TP_OK);
	CHECK_INT(p, 0);

	/* The previous report: 1-7月 → 1-6月, 1-2月 → 1月; a unit, a span
	 * that is not year-to-date and a year have the preceding period. */
	CHECK_INT(tp_previous_report(Pmonths(2022, 1, 2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 1, 2022, 6));
	CHECK_INT(tp_previous_report(Pmonths(2022, 1, 2022, 2), &p), TP_OK);
	CHECK_INT(p, Pmonth(2022, 1));
	CHECK_INT(tp_previous_report(Pmonth(2022, 1), &p), TP_OK);
	CHECK_INT(p, Pmonth(2021, 12));
	CHECK_INT(tp_previous_report(Pmonths(2022, 2, 2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonths(2021, 8, 2022, 1));
	CHECK_INT(tp_previous_report(Pquarters(2022, 1, 3), &p), TP_OK);
	CHECK_INT(p, Pquarters(2022, 1, 2));
	CHECK_INT(tp_previous_report(Pyear(2022), &p), TP_OK);
	CHECK_INT(p, Pyear(2021));
	CHECK_INT(tp_previous_report(Pyear(1), &p), TP_ERANGE);

	/* Leaving the calendar, and huge n. */
	q = 42;
	CHECK_INT(tp_shift(Pyear(2022), -2022, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pyear(9999), 1, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pmonth(9999, 12), 1, &q), TP_ERANGE);
	CHECK_INT(tp_prev(Pmonth(1, 1), &q), TP_ERANGE);
	CHECK_INT(tp_prev(Pdays(0, 10), &q), TP_ERANGE);
	CHECK_INT(tp_prev(Pyear(9999), &q), TP_OK);
	CHECK_INT(tp_shift(Pweek(9999, 51), 1, &q), TP_ERANGE);
	q = 42;
	CHECK_INT(tp_shift(Pweek(1, 1), -1, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pday(2022, 1, 1), TP_DAY_MAX + 1, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pday(2022, 1, 1), -(int64_t) TP_DAY_MAX - 1, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pday(2022, 1, 1), INT64_MAX, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pday(2022, 1, 1), INT64_MIN, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pyear(2022), INT64_MAX, &q), TP_ERANGE);
	CHECK_INT(tp_shift(Pyear(2022), INT64_MIN, &q), TP_ERANGE);
	CHECK_INT(tp_prev(Pdays(0, TP_DAY_MAX), &q), TP_ERANGE);
	CHECK_INT(q, 42);
}

static void
test_year_ago(void)
{
	tp_period	p = 42;

	CHECK_INT(tp_year_ago(Pweek(2020, 53), 1, &p), TP_OK);
	CHECK_INT(p, Pweek(2019, 52));
	CHECK_INT(tp_year_ago(Pweek(2021, 10), 1, &p), TP_OK);
	CHECK_INT(p, Pweek(2020, 10));
	CHECK_INT(tp_year_ago(Pweek(2020, 53), 5, &p), TP_OK);
	CHECK_INT(p, Pweek(2015, 53));
	CHECK_INT(tp_year_ago(Pweek(2016, 1), -4, &p), TP_OK);
	CHECK_INT(p, Pweek(2020, 1));
	/* Both ends of W52..W53 land on W52: one unit. */
	CHECK_INT(tp_year_ago(Pweeks(2020, 52, 2020, 53), 1, &p), TP_OK);
	CHECK_INT(p, Pweek(2019, 52));
	CHECK_INT(tp_year_ago(Pweeks(2020, 1, 2020, 53), 1, &p), TP_OK);
	CHECK_INT(p, Pweeks(2019, 1, 2019, 52));
	CHECK_INT(tp_year_ago(Pweeks(2020, 50, 2021, 2), 1, &p), TP_OK);
	CHECK_INT(p, Pweeks(2019, 50, 2020, 2));

	CHECK_INT(tp_year_ago(Pday(2024, 2, 29), 1, &p), TP_OK);
	CHECK_INT(p, Pday(2023, 2, 28));
	CHECK_INT(tp_year_ago(Pday(2024, 2, 29), 4, &p), TP_OK);
	CHECK_INT(p, Pday(2020, 2, 29));
	CHECK_INT(tp_year_ago(Pday(2024, 2, 29), 124, &p), TP_OK);
	CHECK_INT(p, Pday(1900, 2, 28));
	CHECK_INT(tp_year_ago(Pday(2023, 2, 28), -1, &p), TP_OK);
	CHECK_INT(p, Pday(2024, 2, 28));
	CHECK_INT(tp_year_ago(Pdays(D(2024, 2, 1), D(2024, 2, 29)), 1, &p), TP_OK);
	CHECK_INT(p, Pdays(D(2023, 2, 1), D(2023, 2, 28)));
	CHECK_INT(tp_year_ago(Pdays(D(2024, 2, 28), D(2024, 2, 29)), 1, &p), TP_OK);
	CHECK_INT(p, Pday(2023, 2, 28));
	CHECK_INT(tp_year_ago(Pdays(D(2022, 6, 1), D(2022, 9, 8)), 1, &p), TP_OK);
	CHECK_INT(p, Pdays(D(2021, 6, 1), D(2021, 9, 8)));

	CHECK_INT(tp_year_ago(Pmonth(2022, 7), 1, &p), TP_OK);
	CHECK_INT(p, Pmonth(2021, 7));
	CHECK_INT(tp_year_ago(Pmonths(2021, 11, 2022, 2), 1, &p), TP_OK);
	CHECK_INT(p, Pmonths(2020, 11, 2021, 2));
	CHECK_INT(tp_year_ago(Pmonth(2024, 2), 1, &p), TP_OK);
	CHECK_INT(p, Pmonth(2023, 2));
	CHECK_INT(tp_year_ago(Pquarters(2022, 1, 3), 2, &p), TP_OK);
	CHECK_INT(p, Pquarters(2020, 1, 3));
	CHECK_INT(tp_year_ago(Phalf(2022, 2), 1, &p), TP_OK);
	CHECK_INT(p, Phalf(2021, 2));
	CHECK_INT(tp_year_ago(Pyear(2022), 1, &p), TP_OK);
	CHECK_INT(p, Pyear(2021));
	CHECK_INT(tp_year_ago(Pyear(2022), 0, &p), TP_OK);
	CHECK_INT(p, Pyear(2022));
	CHECK_INT(tp_year_ago(Pyear(2), 1, &p), TP_OK);
	CHECK_INT(p, Pyear(1));
	CHECK_INT(tp_year_ago(Pyear(9998), -1, &p), TP_OK);
	CHECK_INT(p, Pyear(9999));

	/* Out of 1..9999, for every grain, and extreme years. */
	p = 42;
	CHECK_INT(tp_year_ago(Pyear(1), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pyear(9999), -1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pmonth(1, 12), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pquarters(9999, 1, 1), -1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Phalf(1, 2), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pday(1, 12, 31), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pdays(D(1, 12, 31), D(2, 1, 1)), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pdays(D(9998, 12, 31), D(9999, 1, 1)), -1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pweek(1, 10), 1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pweek(9998, 52), -1, &p), TP_ERANGE);	/* 9999-W52 */
	CHECK_INT(tp_year_ago(Pweek(9998, 1), -1, &p), TP_OK);
	CHECK_INT(p, Pweek(9999, 1));
	p = 42;
	CHECK_INT(tp_year_ago(Pweeks(9998, 1, 9998, 52), -1, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pyear(2022), INT32_MAX, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pyear(2022), INT32_MIN, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pmonth(2022, 1), INT32_MIN, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pday(2022, 1, 1), INT32_MIN, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pday(2022, 1, 1), INT32_MAX, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pweek(2022, 1), INT32_MIN, &p), TP_ERANGE);
	CHECK_INT(tp_year_ago(Pweek(2022, 1), INT32_MAX, &p), TP_ERANGE);
	CHECK_INT(p, 42);
}

static void
test_ytd(void)
{
	tp_period	p = 42;

	CHECK_INT(tp_ytd(Pmonth(2022, 7), &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 1, 2022, 7));
	CHECK_INT(tp_ytd(Pmonth(2022, 1), &p), TP_OK);
	CHECK_INT(p, Pmonth(2022, 1));
	CHECK_INT(tp_ytd(Pquarters(2022, 3, 3), &p), TP_OK);
	CHECK_INT(p, Pquarters(2022, 1, 3));
	CHECK_INT(tp_ytd(Pmonths(2021, 11, 2022, 2), &p), TP_OK);
	CHECK_INT(p, Pmonths(2022, 1, 2022, 2));
	CHECK_INT(tp_ytd(Pweek(2022, 10), &p), TP_OK);
	CHECK_INT(p, Pweeks(2022, 1, 2022, 10));
	/* 2021-01-03 belongs to 2020-W53: the ISO year decides. */
	CHECK_INT(tp_ytd(Pweek(2020, 53), &p), TP_OK);
	CHECK_INT(p, Pweeks(2020, 1, 2020, 53));
	CHECK_INT(tp_start(p), D(2019, 12, 30));
	CHECK_INT(tp_ytd(Phalf(2022, 2), &p), TP_OK);
	CHECK_INT(p, mk(TP_HALF, 2 * 2022, 2 * 2022 + 1));
	CHECK_INT(tp_ytd(Pyear(2022), &p), TP_OK);
	CHECK_INT(p, Pyear(2022));
	CHECK_INT(tp_ytd(mk(TP_YEAR, 2020, 2022), &p), TP_OK);
	CHECK_INT(p, Pyear(2022));
	CHECK_INT(tp_ytd(Pday(2022, 7, 15), &p), TP_OK);
	CHECK_INT(p, Pdays(D(2022, 1, 1), D(2022, 7, 15)));
	CHECK_INT(tp_ytd(Pdays(D(2021, 12, 1), D(2022, 1, 5)), &p), TP_OK);
	CHECK_INT(p, Pdays(D(2022, 1, 1), D(2022, 1, 5)));
	CHECK_INT(tp_ytd(Pday(1, 1, 1), &p), TP_OK);
	CHECK_INT(p, 0);
	CHECK_INT(tp_ytd(Pweek(1, 1), &p), TP_OK);
	CHECK_INT(p, Pweek(1, 1));
	CHECK_INT(tp_ytd(Pweek(9999, 51), &p), TP_OK);
	CHECK_INT(p, Pweeks(9999, 1, 9999, 51));
	CHECK_INT(tp_ytd(Pday(9999, 12, 31), &p), TP_OK);
	CHECK_INT(tp_ndays(p), 365);
}

/* ---- relations and order ---- */

static void
test_relations_order(void)
{
	tp_period	m1 = Pmonth(2022, 1);
	tp_period	m17 = Pmonths(2022, 1, 2022, 7);
	tp_period	m2 = Pmonth(2022, 2);
	tp_period	h1 = Phalf(2022, 1);
	tp_period	q12 = Pquarters(2022, 1, 2);

	CHECK(m1 < m17);
	CHECK(m17 < m2);
	CHECK(Pday(2022, 1, 1) < m1);	/* same start, earlier end */
	/* Same days: the finer grain sorts first. */
	CHECK(Pmonths(2022, 1, 2022, 3) < Pquarters(2022, 1, 1));
	CHECK(h1 != q12);
	CHECK(tp_start(h1) == tp_start(q12) && tp_end(h1) == tp_end(q12));
	CHECK(q12 < h1);
	CHECK(Pyear(2021) < m1);
	CHECK(Pweek(2021, 52) < Pyear(2022));	/* starts 2021-12-27 */

	CHECK(tp_contains(m17, m1));
	CHECK(tp_contains(m17, m17));
	CHECK(tp_contains(h1, q12) && tp_contains(q12, h1));
	CHECK(!tp_contains(m1, m17));
	CHECK(!tp_contains(Pmonths(2022, 2, 2022, 7), m1));
	CHECK(tp_contains(Pyear(2022), Pday(2022, 12, 31)));
	CHECK(!tp_contains(Pyear(2022), Pweek(2022, 52)));	/* ends 2023-01-01 */
	CHECK(tp_contains_day(m1, D(2022, 1, 1)));
	CHECK(tp_contains_day(m1, D(2022, 1, 31)));
	CHECK(!tp_contains_day(m1, D(2022, 2, 1)));
	CHECK(!tp_contains_day(m1, D(2021, 12, 31)));
	CHECK(!tp_contains_day(m1, -1));
	CHECK(tp_overlaps(m17, m2));
	CHECK(tp_overlaps(m2, m17));
	CHECK(!tp_overlaps(m1, m2));
	CHECK(tp_overlaps(Pyear(2022), Pweek(2022, 52)));
	CHECK(tp_overlaps(Pyear(2023), Pweek(2022, 52)));
	CHECK(!tp_overlaps(Pyear(2021), Pweek(2022, 1)));
	CHECK(tp_overlaps(m1, Pday(2022, 1, 31)));
}

/* ---- subdivision ---- */

static void
test_split(void)
{
	tp_period	f = 42;
	int64_t		n = -1;

	/* Which grains tile which: days everything, weeks only weeks, months
	 * and coarser every coarser grain; never a finer one. */
	CHECK_INT(tp_grain_tiles(TP_DAY, TP_WEEK), 1);
	CHECK_INT(tp_grain_tiles(TP_DAY, TP_YEAR), 1);
	CHECK_INT(tp_grain_tiles(TP_WEEK, TP_WEEK), 1);
	CHECK_INT(tp_grain_tiles(TP_WEEK, TP_MONTH), 0);
	CHECK_INT(tp_grain_tiles(TP_MONTH, TP_WEEK), 0);
	CHECK_INT(tp_grain_tiles(TP_MONTH, TP_QUARTER), 1);
	CHECK_INT(tp_grain_tiles(TP_QUARTER, TP_HALF), 1);
	CHECK_INT(tp_grain_tiles(TP_YEAR, TP_MONTH), 0);
	CHECK_INT(tp_grain_tiles((tp_grain) 6, TP_YEAR), 0);
	CHECK_INT(tp_grain_tiles(TP_DAY, (tp_grain) 7), 0);

	CHECK_INT(tp_split(Pyear(2022), TP_MONTH, &f, &n), TP_OK);
	CHECK_INT(f, Pmonth(2022, 1));
	CHECK_INT(n, 12);
	CHECK_INT(tp_split(Pyear(2022), TP_QUARTER, &f, &n), TP_OK);
	CHECK_INT(f, Pquarters(2022, 1, 1));
	CHECK_INT(n, 4);
	CHECK_INT(tp_split(Pyear(2022), TP_HALF, &f, &n), TP_OK);
	CHECK_INT(n, 2);
	CHECK_INT(tp_split(Pyear(2022), TP_YEAR, &f, &n), TP_OK);
	CHECK_INT(f, Pyear(2022));
	CHECK_INT(n, 1);
	CHECK_INT(tp_split(Pyear(2024), TP_DAY, &f, &n), TP_OK);
	CHECK_INT(f, Pday(2024, 1, 1));
	CHECK_INT(n, 366);
	CHECK_INT(tp_split(Pmonths(2022, 1, 2022, 7), TP_MONTH, &f, &n), TP_OK);
	CHECK_INT(f, Pmonth(2022, 1));
	CHECK_INT(n, 7);
	CHECK_INT(tp_split(Pquarters(2022, 2, 3), TP_MONTH, &f, &n), TP_OK);
	CHECK_INT(f, Pmonth(2022, 4));
	CHECK_INT(n, 6);
	CHECK_INT(tp_split(Phalf(2022, 2), TP_QUARTER, &f, &n), TP_OK);
	CHECK_INT(f, Pquarters(2022, 3, 3));
	CHECK_INT(n, 2);
	CHECK_INT(tp_split(Pweeks(2020, 52, 2021, 2), TP_WEEK, &f, &n), TP_OK);
	CHECK_INT(f, Pweek(2020, 52));
	CHECK_INT(n, 4);
	CHECK_INT(tp_split(Pweek(2022, 1), TP_DAY, &f, &n), TP_OK);
	CHECK_INT(f, Pday(2022, 1, 3));
	CHECK_INT(n, 7);
	CHECK_INT(tp_split(Pdays(0, TP_DAY_MAX), TP_DAY, &f, &n), TP_OK);
	CHECK_INT(n, TP_DAY_MAX + 1);
	CHECK_INT(tp_split(Pyear(9999), TP_MONTH, &f, &n), TP_OK);
	CHECK_INT(f, Pmonth(9999, 1));

	f = 42;
	n = -1;
	CHECK_INT(tp_split(Pyear(2022), TP_WEEK, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pmonth(2022, 7), TP_WEEK, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pmonth(2022, 7), TP_QUARTER, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pweek(2022, 1), TP_MONTH, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pday(2022, 1, 1), TP_WEEK, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pquarters(2022, 1, 1), TP_YEAR, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pyear(2022), (tp_grain) 6, &f, &n), TP_EARG);
	CHECK_INT(tp_split(Pyear(2022), (tp_grain) -1, &f, &n), TP_EARG);
	CHECK_INT(f, 42);
	CHECK_INT(n, -1);
}

/* ---- calendar progress ---- */

static void
test_time_progress(void)
{
	double		pct = -1;

	CHECK_INT(tp_time_progress(Pyear(2022), Pmonths(2022, 1, 2022, 10), &pct), TP_OK);
	CHECK_NEAR(pct, 250.0 / 3.0, 1e-9);
	CHECK_INT(tp_time_progress(Pyear(2022), Phalf(2022, 1), &pct), TP_OK);
	CHECK(pct == 50.0);
	CHECK_INT(tp_time_progress(Pquarters(2022, 3, 3), Pmonth(2022, 7), &pct), TP_OK);
	CHECK_NEAR(pct, 100.0 / 3.0, 1e-9);
	CHECK_INT(tp_time_progress(Pquarters(2022, 3, 3), Pday(2022, 7, 15), &pct), TP_OK);
	CHECK_NEAR(pct, 15.0 / 92.0 * 100.0, 1e-9);
	/* A coarser reporting period: counted in the target's units. */
	CHECK_INT(tp_time_progress(Pmonths(2022, 1, 2022, 12), Pquarters(2022, 1, 2), &pct), TP_OK);
	CHECK(pct == 50.0);
	CHECK_INT(tp_time_progress(Pyear(2022), Pyear(2022), &pct), TP_OK);
	CHECK(pct == 100.0);
	CHECK_INT(tp_time_progress(Pyear(2022), Pmonth(2022, 1), &pct), TP_OK);
	CHECK_NEAR(pct, 100.0 / 12.0, 1e-9);
	/* Only the reporting end matters; its start may precede the target. */
	CHECK_INT(tp_time_progress(Pyear(2022), Pmonths(2021, 11, 2022, 3), &pct), TP_OK);
	CHECK(pct == 25.0);
	/* Weeks against months or years do not tile: days. */
	CHECK_INT(tp_time_progress(Pyear(2022), Pweek(2022, 1), &pct), TP_OK);
	CHECK_NEAR(pct, 9.0 / 365.0 * 100.0, 1e-9);
	CHECK_INT(tp_time_progress(Pweeks(2022, 1, 2022, 10), Pmonth(2022, 1), &pct), TP_OK);
	CHECK_NEAR(pct, 29.0 / 70.0 * 100.0, 1e-9);
	CHECK_INT(tp_time_progress(Pweeks(2022, 1, 2022, 10), Pweeks(2022, 1, 2022, 4), &pct), TP_OK);
	CHECK(pct == 40.0);
	CHECK_INT(tp_time_progress(Pdays(D(2022, 6, 1), D(2022, 9, 8)), Pday(2022, 7, 10), &pct), TP_OK);
	CHECK(pct == 40.0);
	CHECK_INT(tp_time_progress(Pdays(D(2022, 6, 1), D(2022, 9, 8)), Pmonth(2022, 7), &pct), TP_OK);
	CHECK(pct == 61.0);
	/* The first day of the calendar as both ends. */
	CHECK_INT(tp_time_progress(Pdays(0, TP_DAY_MAX), Pday(1, 1, 1), &pct), TP_OK);
	CHECK_NEAR(pct, 100.0 / (TP_DAY_MAX + 1.0), 1e-12);

	pct = -1;
	CHECK_INT(tp_time_progress(Pyear(2022), Pmonth(2021, 12), &pct), TP_EARG);
	CHECK_INT(tp_time_progress(Pyear(2022), Pmonth(2023, 1), &pct), TP_EARG);
	CHECK_INT(tp_time_progress(Pyear(2022), Pmonths(2022, 11, 2023, 1), &pct), TP_EARG);
	CHECK_INT(tp_time_progress(Pyear(2022), Pweek(2022, 52), &pct), TP_EARG);
	CHECK_INT(tp_time_progress(Pmonth(2022, 7), Pyear(2022), &pct), TP_EARG);
	CHECK_INT(tp_time_progress(Pyear(2022), raw((tp_grain) 6, 0, 0), &pct), TP_EARG);
	CHECK(pct == -1);

	CHECK(tp_time_progress_asof(Pdays(D(2022, 6, 1), D(2022, 9, 8)), D(2022, 7, 10)) == 40.0);
	CHECK(tp_time_progress_asof(Pdays(D(2022, 6, 1), D(2022, 9, 8)), D(2022, 6, 1)) == 1.0);
	CHECK(tp_time_progress_asof(Pdays(D(2022, 6, 1), D(2022, 9, 8)), D(2022, 5, 31)) == 0.0);
	CHECK(tp_time_progress_asof(Pdays(D(2022, 6, 1), D(2022, 9, 8)), D(2022, 9, 8)) == 100.0);
	CHECK(tp_time_progress_asof(Pdays(D(2022, 6, 1), D(2022, 9, 8)), D(2023, 1, 1)) == 100.0);
	CHECK(tp_time_progress_asof(Pyear(2022), INT32_MIN) == 0.0);
	CHECK(tp_time_progress_asof(Pyear(2022), INT32_MAX) == 100.0);
	CHECK_NEAR(tp_time_progress_asof(Pyear(2022), D(2022, 7, 1)), 182.0 / 365.0 * 100.0, 1e-9);
	CHECK(tp_time_progress_asof(Pday(2022, 7, 1), D(2022, 7, 1)) == 100.0);
}

/* ---- properties over random valid periods ---- */

static tp_period
random_period(void)
{
	tp_grain	g = (tp_grain) rng_range(0, 5);
	int64_t		lo = tp_unit_of(g, 0);
	int64_t		hi = tp_unit_of(g, TP_DAY_MAX) - (g == TP_WEEK);
	int64_t		first = rng_range(lo, hi);
	int64_t		len = rng() % 4 == 0 ? 1 : rng_range(1, 40);
	int64_t		last = first + len - 1 > hi ? hi : first + len - 1;

	return mk(g, first, last);
}

static void
test_properties(void)
{
	long		bad = 0;
	int			i;

	for (i = 0; i < 100000; i++)
	{
		tp_period	p = random_period();
		tp_period	q,
					r;
		int64_t		n = rng_range(-50, 50);
		int32_t		years = (int32_t) rng_range(-3, 3);
		tp_status	st;

		if (tp_check(p) != TP_OK)
			bad++;

		/* shift: same length, reversible, consistent with prev. */
		st = tp_shift(p, n, &q);
		if (st == TP_OK)
		{
			if (tp_check(q) != TP_OK || tp_nunits(q) != tp_nunits(p) ||
				tp_first_unit(q) != tp_first_unit(p) + n ||
				tp_shift(q, -n, &r) != TP_OK || r != p)
				bad++;
		}
		else if (st != TP_ERANGE)
			bad++;
		if (tp_prev(p, &q) == TP_OK &&
			(tp_end(q) + 1 != tp_start(p) || tp_nunits(q) != tp_nunits(p) ||
			 tp_check(q) != TP_OK))
			bad++;

		/* year_ago: valid, same grain, the year moves by `years`. */
		st = tp_year_ago(p, years, &q);
		if (st == TP_OK)
		{
			if (tp_check(q) != TP_OK || tp_grain_of(q) != tp_grain_of(p) ||
				tp_year(q) != tp_year(p) - years)
				bad++;
			if (tp_grain_of(p) >= TP_MONTH &&
				(tp_year_ago(q, -years, &r) != TP_OK || r != p))
				bad++;
		}
		else if (st != TP_ERANGE)
			bad++;

		/* ytd: ends with p, starts in January or W01 of that year. */
		if (tp_ytd(p, &q) != TP_OK || tp_end(q) != tp_end(p) ||
			tp_check(q) != TP_OK || tp_grain_of(q) != tp_grain_of(p))
			bad++;

		/* split into days always works and covers p exactly. */
		{
			tp_period	f;
			int64_t		cnt;

			if (tp_split(p, TP_DAY, &f, &cnt) != TP_OK ||
				tp_start(f) != tp_start(p) || cnt != tp_ndays(p))
				bad++;
		}

		/* from_day of each end returns the end units. */
		if (tp_from_day(tp_start(p), tp_grain_of(p), &q) != TP_OK ||
			tp_from_day(tp_end(p), tp_grain_of(p), &r) != TP_OK ||
			tp_span(q, r, &q) != TP_OK || q != p)
			bad++;

		/* time progress of p against its own first unit. */
		{
			double		pct;

			if (tp_from_day(tp_start(p), tp_grain_of(p), &q) != TP_OK ||
				tp_time_progress(p, q, &pct) != TP_OK ||
				fabs(pct - 100.0 / (double) tp_nunits(p)) > 1e-9)
				bad++;
		}
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_civil_known();
	test_every_day();
	test_iso_weeks();
	test_grains();
	test_make_check();
	test_fields();
	test_from_day_span();
	test_shift_prev();
	test_year_ago();
	test_ytd();
	test_relations_order();
	test_split();
	test_time_progress();
	test_properties();
	return check_report("period");
}
