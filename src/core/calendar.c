/*
 * calendar.c — proleptic Gregorian and ISO 8601 week arithmetic on day
 * numbers (day 0 = 0001-01-01, a Monday).
 *
 * The civil conversions are Howard Hinnant's days_from_civil and
 * civil_from_days, shifted to our epoch. They work in 400-year eras counted
 * from 0000-03-01, so that the leap day falls at the end of each
 * computational year. Internally everything is int64 with floor division,
 * so any int argument is handled without overflow, also before year 1.
 */
#include "period.h"

/* 0000-03-01, the start of Hinnant's era 0, is 306 days before day 0. */
#define ERA_SHIFT 306
#define DAYS_PER_ERA 146097

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t
days_from_civil64(int64_t y, int64_t m, int64_t d)
{
	int64_t		era;
	int64_t		yoe;
	int64_t		doy;
	int64_t		doe;

	y -= (m <= 2);
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * DAYS_PER_ERA + doe - ERA_SHIFT;
}

static void
civil_from_days64(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era;
	int64_t		doe;
	int64_t		yoe;
	int64_t		doy;
	int64_t		mp;
	int64_t		mm;

	z += ERA_SHIFT;
	era = floor_div(z, DAYS_PER_ERA);
	doe = z - era * DAYS_PER_ERA;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	mm = mp < 10 ? mp + 3 : mp - 9;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) mm;
	*y = yoe + era * 400 + (mm <= 2);
}

/* Monday of ISO week 1: the week that holds January 4. */
static int64_t
iso_year_start64(int64_t iso_year)
{
	/* Day 0 is a Monday, so Mondays are the multiples of 7. */
	return floor_div(days_from_civil64(iso_year, 1, 4), 7) * 7;
}

tp_day
tp_days_from_civil(int y, int m, int d)
{
	return (tp_day) days_from_civil64(y, m, d);
}

void
tp_civil_from_days(tp_day z, int *y, int *m, int *d)
{
	int64_t		yy;

	civil_from_days64(z, &yy, m, d);
	*y = (int) yy;
}

int
tp_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
tp_days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && tp_is_leap(y))
		return 29;
	return mdays[m - 1];
}

void
tp_iso_week(tp_day d, int *iso_year, int *week)
{
	int64_t		thursday;
	int64_t		y;
	int			m;
	int			dd;

	/* A week belongs to the ISO year that holds its Thursday. */
	thursday = floor_div(d, 7) * 7 + 3;
	civil_from_days64(thursday, &y, &m, &dd);
	*iso_year = (int) y;
	*week = (int) ((thursday - days_from_civil64(y, 1, 1)) / 7 + 1);
}

int
tp_iso_weeks_in_year(int iso_year)
{
	return (int) ((iso_year_start64((int64_t) iso_year + 1) -
				   iso_year_start64(iso_year)) / 7);
}

tp_day
tp_iso_year_start(int iso_year)
{
	return (tp_day) iso_year_start64(iso_year);
}
