/*
 * period.c — grains, unit numbering, construction, navigation, relations,
 * subdivision and calendar progress of tracker.period (see period.h).
 *
 * Everything works on unit numbers: a grain's units are numbered
 * consecutively, so a period is a pair of unit numbers and navigation is
 * integer arithmetic followed by one range check in tp_make. Functions that
 * take a tp_period expect one that tp_check accepts.
 */
#include <string.h>

#include "period.h"

static const char *const grain_names[TP_NGRAINS] = {
	"day", "week", "month", "quarter", "half", "year"
};

/* Months per unit for the month-based grains; 0 for day and week. */
static const int months_per_unit[TP_NGRAINS] = {0, 0, 1, 3, 6, 12};

/*
 * The valid unit numbers of each grain. A week is valid only when all seven
 * days are in range: 9999-12-31 is a Friday, so 9999-W52 is not.
 */
static const int64_t unit_min[TP_NGRAINS] = {
	0, 0, 12 * TP_YEAR_MIN, 4 * TP_YEAR_MIN, 2 * TP_YEAR_MIN, TP_YEAR_MIN
};
static const int64_t unit_max[TP_NGRAINS] = {
	TP_DAY_MAX, (TP_DAY_MAX - 6) / 7, 12 * TP_YEAR_MAX + 11,
	4 * TP_YEAR_MAX + 3, 2 * TP_YEAR_MAX + 1, TP_YEAR_MAX
};

/*
 * tp_unit_start/tp_unit_end accept any int64 from callers that have not yet
 * checked it. Units are clamped to a million years either side so the day
 * arithmetic cannot overflow; results are exact inside that band.
 */
#define CLAMP_YEARS INT64_C(1000000)

/* No shift of more units than the calendar holds can stay inside it. */
#define SHIFT_MAX ((int64_t) TP_DAY_MAX + 1)

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int
grain_ok(tp_grain g)
{
	return (unsigned int) g < TP_NGRAINS;
}

static int
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
		c == '\f' || c == '\r';
}

static char
ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

static int64_t
clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/* Whether the units of `fine` partition every unit of `coarse`. */
static int
grain_tiles(tp_grain fine, tp_grain coarse)
{
	if (fine == TP_DAY)
		return 1;
	if (fine == TP_WEEK)
		return coarse == TP_WEEK;
	return coarse >= fine;
}

static tp_period
encode(tp_grain g, tp_day start, tp_day end)
{
	return ((int64_t) start << 25) | ((int64_t) end << 3) | (int64_t) g;
}

/* ---- grains and units ---- */

const char *
tp_grain_name(tp_grain g)
{
	return grain_ok(g) ? grain_names[g] : NULL;
}

tp_status
tp_parse_grain(const char *s, size_t len, tp_grain *g)
{
	int			i;
	size_t		j;

	if (s == NULL)
		return TP_EGRAIN;
	while (len > 0 && is_ascii_space(s[0]))
	{
		s++;
		len--;
	}
	while (len > 0 && is_ascii_space(s[len - 1]))
		len--;
	for (i = 0; i < TP_NGRAINS; i++)
	{
		const char *name = grain_names[i];

		if (strlen(name) != len)
			continue;
		for (j = 0; j < len; j++)
			if (ascii_lower(s[j]) != name[j])
				break;
		if (j == len)
		{
			*g = (tp_grain) i;
			return TP_OK;
		}
	}
	return TP_EGRAIN;
}

/* -1 for an unknown grain: no valid unit is negative. */
int64_t
tp_unit_of(tp_grain g, tp_day d)
{
	int			y;
	int			m;
	int			dd;
	int			per;

	switch (g)
	{
		case TP_DAY:
			return d;
		case TP_WEEK:
			return floor_div(d, 7);
		case TP_MONTH:
		case TP_QUARTER:
		case TP_HALF:
		case TP_YEAR:
			per = months_per_unit[g];
			tp_civil_from_days(d, &y, &m, &dd);
			return (int64_t) y * (12 / per) + (m - 1) / per;
	}
	return -1;
}

/* -1 for an unknown grain. */
tp_day
tp_unit_start(tp_grain g, int64_t unit)
{
	int64_t		per_year;
	int64_t		y;

	switch (g)
	{
		case TP_DAY:
			return (tp_day) clamp(unit, INT32_MIN, INT32_MAX);
		case TP_WEEK:
			unit = clamp(unit, -53 * CLAMP_YEARS, 53 * CLAMP_YEARS);
			return (tp_day) (unit * 7);
		case TP_MONTH:
		case TP_QUARTER:
		case TP_HALF:
		case TP_YEAR:
			per_year = 12 / months_per_unit[g];
			unit = clamp(unit, -per_year * CLAMP_YEARS, per_year * CLAMP_YEARS);
			y = floor_div(unit, per_year);
			return tp_days_from_civil((int) y,
									  (int) (unit - y * per_year) * months_per_unit[g] + 1,
									  1);
	}
	return -1;
}

/* -1 for an unknown grain. */
tp_day
tp_unit_end(tp_grain g, int64_t unit)
{
	switch (g)
	{
		case TP_DAY:
			return tp_unit_start(g, unit);
		case TP_WEEK:
			return tp_unit_start(g, unit) + 6;
		case TP_MONTH:
		case TP_QUARTER:
		case TP_HALF:
		case TP_YEAR:
			/* unit + 1 cannot overflow: clamp it the same way first. */
			if (unit == INT64_MAX)
				unit--;
			return tp_unit_start(g, unit + 1) - 1;
	}
	return -1;
}

int
tp_unit_valid(tp_grain g, int64_t unit)
{
	return grain_ok(g) && unit >= unit_min[g] && unit <= unit_max[g];
}

/* ---- construction and fields ---- */

tp_status
tp_make(tp_grain g, int64_t first_unit, int64_t last_unit, tp_period *out)
{
	if (!grain_ok(g) || last_unit < first_unit)
		return TP_EARG;
	if (!tp_unit_valid(g, first_unit) || !tp_unit_valid(g, last_unit))
		return TP_ERANGE;
	*out = encode(g, tp_unit_start(g, first_unit), tp_unit_end(g, last_unit));
	return TP_OK;
}

/*
 * TP_ERANGE for a day past 9999-12-31 (the 22-bit fields reach further);
 * TP_EARG for anything else that no tp_make could have produced.
 */
tp_status
tp_check(tp_period p)
{
	tp_grain	g;
	tp_day		s;
	tp_day		e;

	if (p < 0 || (p >> 47) != 0)
		return TP_EARG;
	g = tp_grain_of(p);
	if (!grain_ok(g))
		return TP_EARG;
	s = tp_start(p);
	e = tp_end(p);
	if (s > TP_DAY_MAX || e > TP_DAY_MAX)
		return TP_ERANGE;
	if (s > e)
		return TP_EARG;
	if (tp_unit_start(g, tp_unit_of(g, s)) != s ||
		tp_unit_end(g, tp_unit_of(g, e)) != e)
		return TP_EARG;
	return TP_OK;
}

int64_t
tp_first_unit(tp_period p)
{
	return tp_unit_of(tp_grain_of(p), tp_start(p));
}

int64_t
tp_last_unit(tp_period p)
{
	return tp_unit_of(tp_grain_of(p), tp_end(p));
}

int64_t
tp_nunits(tp_period p)
{
	return tp_last_unit(p) - tp_first_unit(p) + 1;
}

int32_t
tp_ndays(tp_period p)
{
	return tp_end(p) - tp_start(p) + 1;
}

int
tp_year(tp_period p)
{
	int			y;
	int			m;
	int			d;

	if (tp_grain_of(p) == TP_WEEK)
		tp_iso_week(tp_start(p), &y, &m);
	else
		tp_civil_from_days(tp_start(p), &y, &m, &d);
	return y;
}

tp_status
tp_from_day(tp_day d, tp_grain g, tp_period *out)
{
	int64_t		unit;

	if (!grain_ok(g))
		return TP_EARG;
	if (d < 0 || d > TP_DAY_MAX)
		return TP_ERANGE;
	unit = tp_unit_of(g, d);
	return tp_make(g, unit, unit, out);
}

tp_status
tp_span(tp_period first, tp_period last, tp_period *out)
{
	if (tp_grain_of(first) != tp_grain_of(last) ||
		tp_end(last) < tp_start(first))
		return TP_EARG;
	return tp_make(tp_grain_of(first), tp_first_unit(first),
				   tp_last_unit(last), out);
}

/* ---- navigation ---- */

tp_status
tp_shift(tp_period p, int64_t n, tp_period *out)
{
	if (n > SHIFT_MAX || n < -SHIFT_MAX)
		return TP_ERANGE;
	return tp_make(tp_grain_of(p), tp_first_unit(p) + n,
				   tp_last_unit(p) + n, out);
}

tp_status
tp_prev(tp_period p, tp_period *out)
{
	return tp_shift(p, -tp_nunits(p), out);
}

/* The same month and day `years` earlier; a leap day falls back to 02-28. */
static tp_status
day_year_ago(tp_day d, int64_t years, int64_t *out)
{
	int			y;
	int			m;
	int			dd;
	int64_t		y2;

	tp_civil_from_days(d, &y, &m, &dd);
	y2 = y - years;
	if (y2 < TP_YEAR_MIN || y2 > TP_YEAR_MAX)
		return TP_ERANGE;
	if (m == 2 && dd == 29 && !tp_is_leap((int) y2))
		dd = 28;
	*out = tp_days_from_civil((int) y2, m, dd);
	return TP_OK;
}

/* The same ISO week number `years` earlier; week 53 falls back to 52. */
static tp_status
week_year_ago(int64_t unit, int64_t years, int64_t *out)
{
	int			y;
	int			w;
	int			nweeks;
	int64_t		y2;

	tp_iso_week(tp_unit_start(TP_WEEK, unit), &y, &w);
	y2 = y - years;
	if (y2 < TP_YEAR_MIN || y2 > TP_YEAR_MAX)
		return TP_ERANGE;
	nweeks = tp_iso_weeks_in_year((int) y2);
	if (w > nweeks)
		w = nweeks;
	*out = tp_unit_of(TP_WEEK, tp_iso_year_start((int) y2)) + w - 1;
	return TP_OK;
}

/*
 * Each end moves on its own, and both maps are monotone, so the moved ends
 * stay in order; a span whose ends collapse (02-28..02-29) becomes one unit.
 */
tp_status
tp_year_ago(tp_period p, int32_t years, tp_period *out)
{
	tp_grain	g = tp_grain_of(p);
	int64_t		first;
	int64_t		last;
	tp_status	st;

	switch (g)
	{
		case TP_DAY:
			if ((st = day_year_ago(tp_start(p), years, &first)) != TP_OK ||
				(st = day_year_ago(tp_end(p), years, &last)) != TP_OK)
				return st;
			break;
		case TP_WEEK:
			if ((st = week_year_ago(tp_first_unit(p), years, &first)) != TP_OK ||
				(st = week_year_ago(tp_last_unit(p), years, &last)) != TP_OK)
				return st;
			break;
		case TP_MONTH:
		case TP_QUARTER:
		case TP_HALF:
		case TP_YEAR:
			first = tp_first_unit(p) - (int64_t) years * (12 / months_per_unit[g]);
			last = tp_last_unit(p) - (int64_t) years * (12 / months_per_unit[g]);
			break;
		default:
			return TP_EARG;
	}
	return tp_make(g, first, last, out);
}

tp_status
tp_ytd(tp_period p, tp_period *out)
{
	tp_grain	g = tp_grain_of(p);
	int64_t		last = tp_last_unit(p);
	int64_t		first;
	int64_t		per_year;
	int			y;
	int			m;
	int			d;

	switch (g)
	{
		case TP_DAY:
			tp_civil_from_days(tp_end(p), &y, &m, &d);
			first = tp_days_from_civil(y, 1, 1);
			break;
		case TP_WEEK:
			tp_iso_week(tp_end(p), &y, &m);
			first = tp_unit_of(TP_WEEK, tp_iso_year_start(y));
			break;
		case TP_MONTH:
		case TP_QUARTER:
		case TP_HALF:
		case TP_YEAR:
			per_year = 12 / months_per_unit[g];
			first = floor_div(last, per_year) * per_year;
			break;
		default:
			return TP_EARG;
	}
	return tp_make(g, first, last, out);
}

tp_status
tp_previous_report(tp_period p, tp_period *out)
{
	tp_period	ytd;
	tp_period	before;
	int64_t		last = tp_last_unit(p);
	tp_status	st;

	if (tp_nunits(p) > 1 && tp_ytd(p, &ytd) == TP_OK && ytd == p)
	{
		/* A YTD span of two or more units starts in the same year as its
		 * last unit, so the unit before that is in range and in the year. */
		if ((st = tp_make(tp_grain_of(p), last - 1, last - 1, &before)) != TP_OK)
			return st;
		return tp_ytd(before, out);
	}
	return tp_prev(p, out);
}

/* ---- relations ---- */

int
tp_contains(tp_period a, tp_period b)
{
	return tp_start(a) <= tp_start(b) && tp_end(b) <= tp_end(a);
}

int
tp_contains_day(tp_period a, tp_day d)
{
	return tp_start(a) <= d && d <= tp_end(a);
}

int
tp_overlaps(tp_period a, tp_period b)
{
	return tp_start(a) <= tp_end(b) && tp_start(b) <= tp_end(a);
}

/* ---- subdivision ---- */

int
tp_grain_tiles(tp_grain fine, tp_grain coarse)
{
	return grain_ok(fine) && grain_ok(coarse) && fine <= coarse &&
		grain_tiles(fine, coarse);
}

tp_status
tp_split(tp_period p, tp_grain g, tp_period *first, int64_t *count)
{
	tp_grain	pg = tp_grain_of(p);
	int64_t		u;

	if (!grain_ok(g) || !grain_ok(pg) || g > pg || !grain_tiles(g, pg))
		return TP_EARG;
	u = tp_unit_of(g, tp_start(p));
	*count = tp_unit_of(g, tp_end(p)) - u + 1;
	return tp_make(g, u, u, first);
}

/* ---- calendar progress ---- */

tp_status
tp_time_progress(tp_period target, tp_period reporting, double *pct)
{
	tp_grain	tg = tp_grain_of(target);
	tp_grain	rg = tp_grain_of(reporting);
	tp_grain	fine;
	int64_t		origin;
	int64_t		total;
	int64_t		elapsed;

	if (!grain_ok(tg) || !grain_ok(rg))
		return TP_EARG;
	if (tp_end(reporting) < tp_start(target) ||
		tp_end(reporting) > tp_end(target))
		return TP_EARG;
	fine = tg < rg ? tg : rg;
	if (!grain_tiles(fine, tg < rg ? rg : tg))
		fine = TP_DAY;
	/* fine tiles both grains, so both ends fall on its unit boundaries. */
	origin = tp_unit_of(fine, tp_start(target));
	total = tp_unit_of(fine, tp_end(target)) - origin + 1;
	elapsed = tp_unit_of(fine, tp_end(reporting)) - origin + 1;
	*pct = 100.0 * (double) elapsed / (double) total;
	return TP_OK;
}

double
tp_time_progress_asof(tp_period p, tp_day as_of)
{
	if (as_of < tp_start(p))
		return 0.0;
	if (as_of >= tp_end(p))
		return 100.0;
	return 100.0 * (double) ((int64_t) as_of - tp_start(p) + 1) /
		(double) tp_ndays(p);
}
