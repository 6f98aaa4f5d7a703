/*
 * series_read.c — the readers of tracker.series: what a flat series says
 * about any period of its grain or coarser (the rules are in series.h).
 *
 * Every reader converts its period to a run a..b of units of the series'
 * grain and derives it with one set of rules (run_amount). A derivation
 * carries two quantities side by side: the value, and the comparable base
 * that the published rates of the same facts imply. The facts are chosen
 * by the value alone, so the base always describes exactly the facts the
 * value came from; it is usable only when every one of them has a rate.
 *
 * Facts are found by binary search; a year-to-date walk then steps back
 * through neighbouring array slots, since the facts of consecutive units
 * sit next to each other. Nothing here allocates.
 *
 * A fact without a level is, for every derivation of a level, a fact
 * that is not there: the level may still come from other facts (July
 * from 1-7月 and 1-6月). Its published rate is read only where the
 * period asked for is exactly that fact. A ratio series derives nothing:
 * each reading is the fact that is exactly the period.
 */
#include "series.h"
#include "rates.h"

#include <math.h>
#include <string.h>

/* The most units a sparkline draws. */
#define SPARK_MAX_UNITS 10000
#define SPARK_BLOCK_BYTES 3
/* U+2584, drawn for every value when all are equal. */
#define SPARK_FLAT_LEVEL 3

static const char spark_blocks[8][SPARK_BLOCK_BYTES + 1] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"
};

/* A derived quantity of a run of units. */
typedef struct amount
{
	double		value;
	double		base;			/* sum of implied bases; only when rated */
	int			rated;			/* every fact used has a rate and a finite
								 * implied base */
} amount;

static const amount amount_zero = {0.0, 0.0, 1};

/* ---- units and years ---- */

/*
 * The first and last unit of grain g in the year of unit u: the civil year,
 * or the ISO year for weeks (as tp_ytd counts it).
 */
static void
year_bounds(tp_grain g, int64_t u, int64_t *first, int64_t *last)
{
	int			y;
	int			m;
	int			d;
	int64_t		per;

	switch (g)
	{
		case TP_DAY:
			tp_civil_from_days((tp_day) u, &y, &m, &d);
			*first = tp_days_from_civil(y, 1, 1);
			*last = tp_days_from_civil(y, 12, 31);
			return;
		case TP_WEEK:
			tp_iso_week(tp_unit_start(TP_WEEK, u), &y, &m);
			*first = tp_unit_of(TP_WEEK, tp_iso_year_start(y));
			*last = *first + tp_iso_weeks_in_year(y) - 1;
			return;
		case TP_MONTH:
			per = 12;
			break;
		case TP_QUARTER:
			per = 4;
			break;
		case TP_HALF:
			per = 2;
			break;
		default:
			per = 1;
			break;
	}
	/* Valid units of these grains are positive, so % is a floor here. */
	*first = u - u % per;
	*last = *first + per - 1;
}

/*
 * The run of units of grain g that make up p. A coarser p is readable
 * only when those units tile it (no months for a week series). Every
 * reading starts here, so it takes the units straight from p's first and
 * last day.
 */
static ts_status
grain_run(tp_grain g, tp_period p, int64_t *a, int64_t *b)
{
	if (!tp_grain_tiles(g, tp_grain_of(p)))
		return TS_EGRAIN;
	*a = tp_unit_of(g, tp_start(p));
	*b = tp_unit_of(g, tp_end(p));
	return TS_OK;
}

static ts_status
period_run(const ts_view *s, tp_period p, int64_t *a, int64_t *b)
{
	return grain_run(s->grain, p, a, b);
}

/*
 * The run one year before a..b, the units of p in grain g. Months and
 * coarser grains have a fixed number of units a year, so that is a shift;
 * weeks and days move by the calendar (tp_year_ago: week 53 and 02-29
 * fall back). TS_NULL before the calendar starts.
 */
static ts_status
year_ago_run(tp_grain g, tp_period p, int64_t a, int64_t b,
			 int64_t *a2, int64_t *b2)
{
	tp_period	q;
	int64_t		per_year;

	switch (g)
	{
		case TP_MONTH:
			per_year = 12;
			break;
		case TP_QUARTER:
			per_year = 4;
			break;
		case TP_HALF:
			per_year = 2;
			break;
		case TP_YEAR:
			per_year = 1;
			break;
		default:
			if (tp_year_ago(p, 1, &q) != TP_OK)
				return TS_NULL;
			return grain_run(g, q, a2, b2);
	}
	*a2 = a - per_year;
	*b2 = b - per_year;
	return tp_unit_valid(g, *a2) ? TS_OK : TS_NULL;
}

ts_status
ts_resolve(tp_grain g, tp_period p, ts_run *out)
{
	ts_status	st;

	memset(out, 0, sizeof *out);
	out->grain = g;
	if ((st = grain_run(g, p, &out->a, &out->b)) != TS_OK)
		return st;
	out->ago_status = year_ago_run(g, p, out->a, out->b, &out->ago_a, &out->ago_b);
	return TS_OK;
}

/* ---- finding facts ---- */

/* A fact's place in sort order: (unit, cumulative) as one number. */
#define FACT_KEY(f) ((int64_t) (f)->unit * 2 + (f)->cumulative)

/* Steps taken from the interpolated guess before bisecting instead. */
#define FLOOR_STEPS 3

/*
 * Index of the last fact at or before (unit, cumulative) in sort order,
 * or -1. Facts are mostly one per unit, or two where a year-to-date fact
 * sits by its month, so the place of a key is guessed from where it lies
 * between the first and the last key, and a few steps from the guess
 * find it; a series with gaps falls back to bisecting what is left. The
 * guess touches three or four of a series' cache lines where bisection
 * touches one per halving, and a board reads each series once, cold.
 */
static int32_t
floor_index(const ts_view *s, int64_t unit, int cumulative)
{
	const ts_fact *f = s->facts;
	int64_t		key = unit * 2 + (cumulative != 0);
	int64_t		first = s->n > 0 ? FACT_KEY(&f[0]) : 0;
	int64_t		last = s->n > 0 ? FACT_KEY(&f[s->n - 1]) : 0;
	int32_t		lo;				/* f[lo - 1] <= key */
	int32_t		hi;				/* f[hi] > key */
	int32_t		g;
	int			step;

	if (s->n <= 0 || key < first)
		return -1;
	if (key >= last)
		return s->n - 1;
	/* first <= key < last, so n >= 2 and the guess is in [0, n - 2]. */
	g = (int32_t) ((double) (key - first) / (double) (last - first) * (s->n - 1));
	if (g > s->n - 2)
		g = s->n - 2;
	if (g < 0)
		g = 0;
	if (FACT_KEY(&f[g]) <= key)
	{
		lo = g + 1;
		hi = s->n - 1;			/* f[n - 1] > key */
		for (step = 0; step < FLOOR_STEPS; step++, lo++)
			if (FACT_KEY(&f[lo]) > key)
				return lo - 1;
	}
	else
	{
		lo = 1;					/* f[0] <= key */
		hi = g;
		for (step = 0; step < FLOOR_STEPS; step++, hi--)
			if (FACT_KEY(&f[hi - 1]) <= key)
				return hi - 1;
	}
	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (FACT_KEY(&f[mid]) <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

static int32_t
find_fact(const ts_view *s, int64_t unit, int cumulative)
{
	int32_t		i = floor_index(s, unit, cumulative);

	if (i >= 0 && s->facts[i].unit == unit &&
		s->facts[i].cumulative == cumulative)
		return i;
	return -1;
}

int32_t
ts_find(const ts_view *s, int32_t unit, int cumulative)
{
	return find_fact(s, unit, cumulative != 0);
}

int
ts_count_at(const ts_view *s, int32_t unit)
{
	int32_t		i = floor_index(s, unit, 1);
	int			n = 0;

	/* (unit, 1) sorts right after (unit, 0): both end here. */
	for (; i >= 0 && s->facts[i].unit == unit; i--)
		n++;
	return n;
}

int
ts_has_fact_starting(const ts_view *s, tp_day from, tp_day to)
{
	/* Facts before the unit holding `from` start before it, cumulative
	 * ones too; a fact's year starts no later than the fact, and years
	 * start in fact order, so the scan stops at the first year after `to`. */
	int32_t		i = floor_index(s, tp_unit_of(s->grain, from), 0);

	for (i = i < 0 ? 0 : i; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		int64_t		first;
		int64_t		last;
		tp_day		start;

		year_bounds(s->grain, f->unit, &first, &last);
		if (tp_unit_start(s->grain, first) > to)
			break;
		start = tp_unit_start(s->grain, f->cumulative ? first : f->unit);
		if (start >= from && start <= to)
			return 1;
	}
	return 0;
}

tp_period
ts_fact_period(tp_grain g, const ts_fact *f)
{
	int64_t		first = f->unit;
	int64_t		last;
	tp_period	p = 0;

	if (f->cumulative)
		year_bounds(g, f->unit, &first, &last);
	(void) tp_make(g, first, f->unit, &p);
	return p;
}

/* ---- the derivation ---- */

static void
amount_of_fact(const ts_fact *f, amount *out)
{
	out->value = f->value;
	out->base = 0.0;
	out->rated = 0;
	if (f->has_growth)
	{
		/* A rate near -100 can imply a base beyond the double range. */
		out->base = f->value / (1.0 + f->growth / 100.0);
		out->rated = isfinite(out->base);
	}
}

static void
amount_add(amount *acc, const amount *x)
{
	acc->value += x->value;
	acc->base += x->base;
	acc->rated = acc->rated && x->rated;
}

/* ---- the memo of year-to-date sums (series.h) ---- */

void
ts_memo_init(ts_memo *m)
{
	m->n = 0;
	m->next = 0;
}

static int
memo_get(const ts_memo *m, int64_t u, amount *out, ts_status *st)
{
	int			k;

	for (k = 0; k < m->n; k++)
		if (m->sum[k].unit == u)
		{
			*st = m->sum[k].status;
			if (*st == TS_OK)
			{
				out->value = m->sum[k].value;
				out->base = m->sum[k].base;
				out->rated = m->sum[k].rated;
			}
			return 1;
		}
	return 0;
}

static void
memo_put(ts_memo *m, int64_t u, ts_status st, const amount *x)
{
	int			k = m->n < TS_MEMO_SIZE ? m->n++ : m->next;

	m->next = (k + 1) % TS_MEMO_SIZE;
	m->sum[k].unit = u;
	m->sum[k].status = st;
	m->sum[k].value = x->value;
	m->sum[k].base = x->base;
	m->sum[k].rated = x->rated;
}

/*
 * Year to date through unit u of the year starting at unit `first`: the
 * latest cumulative fact through some k <= u plus the unit facts k+1..u,
 * or the unit facts first..u. Walking back from u and stopping at the
 * first missing unit fact finds exactly that: a cumulative fact further
 * back could only be completed by the unit fact that is missing.
 *
 * With a memo, a sum it holds is not walked again, and the walk keeps
 * the sum through u - 1 too: once past unit u's own fact it stands where
 * that walk would start (the last fact at or before (u - 1, cumulative))
 * and takes the same steps, so a second accumulator started there adds
 * the same facts in the same order.
 */
static ts_status
ytd_through(const ts_view *s, int64_t first, int64_t u, amount *out,
			ts_memo *m)
{
	int32_t		i;
	amount		acc = amount_zero;
	amount		below = amount_zero;	/* through u - 1 */
	int			tracking = 0;	/* the walk is where u - 1's starts */
	ts_status	st = TS_OK;
	int64_t		j;

	if (m != NULL && memo_get(m, u, out, &st))
		return st;
	i = floor_index(s, u, 1);
	for (j = u;; j--)
	{
		amount		x;

		if (i >= 0 && s->facts[i].unit == j && s->facts[i].cumulative)
		{
			if (j > first && !s->facts[i].no_value)
			{
				amount_of_fact(&s->facts[i], &x);
				amount_add(&acc, &x);
				if (tracking)
					amount_add(&below, &x);
				break;
			}
			/* No level, or malformed (a cumulative fact on the year's
			 * first unit, which the decoder rejects): the unit fact and
			 * those before it must stand in. */
			i--;
		}
		if (i < 0 || s->facts[i].unit != j || s->facts[i].no_value)
		{
			st = TS_NULL;
			break;
		}
		amount_of_fact(&s->facts[i], &x);
		amount_add(&acc, &x);
		if (tracking)
			amount_add(&below, &x);
		i--;
		if (j == first)
			break;
		tracking = (m != NULL);
	}
	if (m != NULL)
	{
		memo_put(m, u, st, &acc);
		if (tracking)
			memo_put(m, u - 1, st, &below);
	}
	if (st == TS_OK)
		*out = acc;
	return st;
}

/* Unit u of the year starting at `first`: its own fact, else the step
 * between the cumulative fact through u and the year to date before. */
static ts_status
unit_amount(const ts_view *s, int64_t first, int64_t u, amount *out,
			ts_memo *m)
{
	int32_t		i = find_fact(s, u, 0);
	amount		before;

	if (i >= 0 && !s->facts[i].no_value)
	{
		amount_of_fact(&s->facts[i], out);
		return TS_OK;
	}
	if (u > first && (i = find_fact(s, u, 1)) >= 0 && !s->facts[i].no_value &&
		ytd_through(s, first, u - 1, &before, m) == TS_OK)
	{
		amount_of_fact(&s->facts[i], out);
		out->value -= before.value;
		out->base -= before.base;
		out->rated = out->rated && before.rated;
		return TS_OK;
	}
	return TS_NULL;
}

/* Units a..b of the one year that starts at unit `first`. */
static ts_status
year_part(const ts_view *s, int64_t first, int64_t a, int64_t b, amount *out,
		  ts_memo *m)
{
	amount		hi;
	amount		lo;
	amount		acc;
	int64_t		u;

	if (a == b)
		return unit_amount(s, first, a, out, m);
	if (a == first)
		return ytd_through(s, first, b, out, m);
	if (ytd_through(s, first, b, &hi, m) == TS_OK &&
		ytd_through(s, first, a - 1, &lo, m) == TS_OK)
	{
		out->value = hi.value - lo.value;
		out->base = hi.base - lo.base;
		out->rated = hi.rated && lo.rated;
		return TS_OK;
	}
	acc = amount_zero;
	for (u = a; u <= b; u++)
	{
		amount		x;

		if (unit_amount(s, first, u, &x, m) != TS_OK)
			return TS_NULL;
		amount_add(&acc, &x);
	}
	*out = acc;
	return TS_OK;
}

/*
 * Units a..b of the series' grain, split at year ends. TS_ENONFINITE when
 * the value overflows; a base that overflows is unusable, not an error.
 */
static ts_status
run_amount(const ts_view *s, int64_t a, int64_t b, amount *out, ts_memo *m)
{
	amount		acc = amount_zero;

	for (;;)
	{
		int64_t		first;
		int64_t		last;
		int64_t		end;
		amount		part;
		ts_status	st;

		year_bounds(s->grain, a, &first, &last);
		end = b < last ? b : last;
		if ((st = year_part(s, first, a, end, &part, m)) != TS_OK)
			return st;
		amount_add(&acc, &part);
		if (end >= b)
			break;
		a = end + 1;
	}
	if (!isfinite(acc.value))
		return TS_ENONFINITE;
	if (!isfinite(acc.base))
		acc.rated = 0;
	/* acc started at +0, so no -0 (an underflowed base) gets out. */
	*out = acc;
	return TS_OK;
}

/* The fact that covers exactly units a..b, or -1. */
static int32_t
exact_fact(const ts_view *s, int64_t a, int64_t b)
{
	int64_t		first;
	int64_t		last;

	if (a == b)
		return find_fact(s, a, 0);
	year_bounds(s->grain, a, &first, &last);
	if (a == first && b <= last)
		return find_fact(s, b, 1);
	return -1;
}

static ts_status
growth_status(double cur, double base, double *out)
{
	switch (tr_growth(cur, base, out))
	{
		case TR_OK:
			return TS_OK;
		case TR_NULL:
			return TS_NULL;
		default:
			return TS_ENONFINITE;
	}
}

/* A difference of levels in points (a ratio's change), or why not. */
static ts_status
points_status(double cur, double before, double *out)
{
	double		d = cur - before;

	if (!isfinite(d))
		return TS_ENONFINITE;
	*out = d + 0.0;
	return TS_OK;
}

/* ---- value, base and growth ---- */

/* A ratio's level of units a..b: the fact that is exactly a..b. */
static ts_status
ratio_value(const ts_view *s, int64_t a, int64_t b, double *out)
{
	int32_t		i = exact_fact(s, a, b);

	if (i < 0 || s->facts[i].no_value)
		return TS_NULL;
	*out = s->facts[i].value;
	return TS_OK;
}

/* The value of units a..b. */
static ts_status
run_value(const ts_view *s, int64_t a, int64_t b, double *out, ts_memo *m)
{
	amount		x;
	ts_status	st;

	if (s->kind == TS_RATIO)
		return ratio_value(s, a, b, out);
	st = run_amount(s, a, b, &x, m);
	if (st == TS_OK)
		*out = x.value;
	return st;
}

ts_status
ts_value(const ts_view *s, tp_period p, double *out)
{
	int64_t		a;
	int64_t		b;
	ts_status	st;

	if ((st = period_run(s, p, &a, &b)) != TS_OK)
		return st;
	return run_value(s, a, b, out, NULL);
}

ts_status
ts_value_run(const ts_view *s, const ts_run *run, double *out)
{
	return run_value(s, run->a, run->b, out, NULL);
}

ts_status
ts_value_run_memo(const ts_view *s, const ts_run *run, ts_memo *m, double *out)
{
	return run_value(s, run->a, run->b, out, m);
}

/* The value of the run a year before the resolved period. */
static ts_status
year_ago_value(const ts_view *s, const ts_run *run, double *out, ts_memo *m)
{
	if (run->ago_status != TS_OK)
		return run->ago_status;
	return run_value(s, run->ago_a, run->ago_b, out, m);
}

/* base and yoy are read together (ts_read_run): the rules between
 * published rates and year-ago values are written once. */
ts_status
ts_base(const ts_view *s, tp_period p, double *out)
{
	ts_reading	r;
	ts_status	st = ts_read(s, p, &r);

	if (st != TS_OK)
		return st;
	if (r.base_status == TS_OK)
		*out = r.base;
	return r.base_status;
}

ts_status
ts_yoy(const ts_view *s, tp_period p, double *out)
{
	ts_reading	r;
	ts_status	st = ts_read(s, p, &r);

	if (st != TS_OK)
		return st;
	if (r.growth_status == TS_OK)
		*out = r.growth;
	return r.growth_status;
}

ts_status
ts_read(const ts_view *s, tp_period p, ts_reading *out)
{
	ts_run		run;
	ts_status	st;

	if ((st = ts_resolve(s->grain, p, &run)) != TS_OK)
		return st;
	ts_read_run(s, &run, out);
	return TS_OK;
}

/*
 * A ratio: the fact that is exactly the period, the one a year before as
 * the base, and the published change, else the difference in points.
 */
static void
read_ratio(const ts_view *s, const ts_run *run, ts_reading *out)
{
	int32_t		i = exact_fact(s, run->a, run->b);

	out->value_status = ratio_value(s, run->a, run->b, &out->value);
	out->base_status = year_ago_value(s, run, &out->base, NULL);
	if (i >= 0 && s->facts[i].has_growth)
	{
		out->growth_status = TS_OK;
		out->growth = s->facts[i].growth;
	}
	else if (out->value_status != TS_OK)
		out->growth_status = out->value_status;
	else if (out->base_status != TS_OK)
		out->growth_status = out->base_status;
	else
		out->growth_status = points_status(out->value, out->base, &out->growth);
	if (out->value_status != TS_OK)
		out->value = 0.0;
	if (out->base_status != TS_OK)
		out->base = 0.0;
	if (out->growth_status != TS_OK)
		out->growth = 0.0;
}

/*
 * An amount whose period is exactly a fact with a published rate but no
 * level: the rate as published, and the comparable base it implies on
 * the value, where other facts give a value (July from 1-7月 and 1-6月),
 * so that value, base and rate agree. Never the year-ago level: the rate
 * was published against a base that may have been re-scoped.
 */
static void
read_rate_only(const ts_fact *f, ts_status value_status, double value,
			   ts_reading *out)
{
	double		base;

	out->growth_status = TS_OK;
	out->growth = f->growth;
	out->value_status = value_status;
	if (value_status == TS_OK)
		out->value = value;
	if (value_status != TS_OK)
		out->base_status = value_status;
	else
	{
		base = value / (1.0 + f->growth / 100.0);
		/* as for a fact with both: a base <= 0 or beyond range is none */
		out->base_status = isfinite(base) && base > 0.0 ? TS_OK : TS_NULL;
		if (out->base_status == TS_OK)
			out->base = base;
	}
}

void
ts_read_run(const ts_view *s, const ts_run *run, ts_reading *out)
{
	ts_read_run_memo(s, run, NULL, out);
}

void
ts_read_run_memo(const ts_view *s, const ts_run *run, ts_memo *m,
				 ts_reading *out)
{
	int32_t		i;
	amount		x = amount_zero;
	double		ago = 0.0;
	ts_status	ago_status = TS_NULL;
	ts_status	st;

	memset(out, 0, sizeof *out);
	if (s->kind == TS_RATIO)
	{
		read_ratio(s, run, out);
		return;
	}
	st = run_amount(s, run->a, run->b, &x, m);
	i = exact_fact(s, run->a, run->b);
	if (i >= 0 && s->facts[i].no_value && s->facts[i].has_growth)
	{
		read_rate_only(&s->facts[i], st, x.value, out);
		return;
	}
	out->value_status = st;
	if (st == TS_OK)
		out->value = x.value;
	/* The base: from published rates, else the value a year before. */
	if (st == TS_OK && x.rated)
	{
		out->base_status = TS_OK;
		out->base = x.base;
	}
	else if (st != TS_OK && st != TS_NULL)
		out->base_status = st;
	else
	{
		ago_status = year_ago_value(s, run, &ago, m);
		out->base_status = ago_status;
		if (ago_status == TS_OK)
			out->base = ago;
	}
	/* The growth: a published rate is authoritative (可比口径) and never
	 * recomputed; else value over base (the year-ago value was read
	 * above whenever it is needed here). */
	if (i >= 0 && s->facts[i].has_growth)
	{
		out->growth_status = TS_OK;
		out->growth = s->facts[i].growth;
	}
	else if (st != TS_OK)
		out->growth_status = st;
	else if (x.rated)
		out->growth_status = growth_status(x.value, x.base, &out->growth);
	else if (ago_status != TS_OK)
		out->growth_status = ago_status;
	else
		out->growth_status = growth_status(x.value, ago, &out->growth);
	if (out->growth_status != TS_OK)
		out->growth = 0.0;
}

ts_status
ts_mom(const ts_view *s, tp_period p, double *out)
{
	double		cur;
	double		before;
	tp_period	q;
	ts_status	st;

	if ((st = ts_value(s, p, &cur)) != TS_OK)
		return st;
	if (tp_prev(p, &q) != TP_OK)
		return TS_NULL;
	if ((st = ts_value(s, q, &before)) != TS_OK)
		return st;
	if (s->kind == TS_RATIO)
		return points_status(cur, before, out);
	return growth_status(cur, before, out);
}

/* (mant * 2^bexp)^(1/years) - 1, in percent: the root taken on the
 * mantissa and the exponent apart, so that no factor overflows. */
static ts_status
mean_rate(double mant, long bexp, int years, double *out)
{
	double		r;

	if (!(mant > 0.0))
		return TS_NULL;
	r = (pow(mant, 1.0 / years) *
		 pow(2.0, (double) bexp / years) - 1.0) * 100.0;
	if (!isfinite(r))
		return TS_ENONFINITE;
	*out = r + 0.0;
	return TS_OK;
}

/*
 * The fallback of avg_growth: the ratio of the levels of p and of p
 * `years` years before, where a yearly rate is missing (a year with a
 * level of 0 has no rate, but the years around it do have levels).
 */
static ts_status
level_ratio_rate(const ts_view *s, tp_period p, int years, double *out)
{
	tp_period	q;
	double		cur;
	double		ago;
	int			ec;
	int			ea;
	double		mc;
	double		ma;
	ts_status	st;

	if (tp_year_ago(p, years, &q) != TP_OK)
		return TS_NULL;
	if ((st = ts_value(s, p, &cur)) != TS_OK || (st = ts_value(s, q, &ago)) != TS_OK)
		return st;
	/* a base <= 0 has no growth, as for growth() */
	if (!(ago > 0.0) || !(cur > 0.0))
		return TS_NULL;
	mc = frexp(cur, &ec);
	ma = frexp(ago, &ea);
	return mean_rate(mc / ma, (long) ec - ea, years, out);
}

/*
 * The product of the yearly factors is kept as a mantissa and a binary
 * exponent, so that no number of large factors can overflow it before
 * the root brings it back into range.
 */
ts_status
ts_avg_growth(const ts_view *s, tp_period p, int years, double *out)
{
	double		mant = 1.0;
	long		bexp = 0;
	int			k;

	if (years < 1)
		return TS_EARG;
	/* Changes in points do not compound: no bulletin averages them so. */
	if (s->kind == TS_RATIO)
		return TS_NULL;
	for (k = 0; k < years; k++)
	{
		tp_period	q;
		double		g;
		int			e;
		ts_status	st;

		if (tp_year_ago(p, k, &q) != TP_OK)
			return TS_NULL;
		st = ts_yoy(s, q, &g);
		if (st == TS_NULL)
			return level_ratio_rate(s, p, years, out);
		if (st != TS_OK)
			return st;
		mant = frexp(mant * (1.0 + g / 100.0), &e);
		bexp += e;
	}
	return mean_rate(mant, bexp, years, out);
}

/* ---- extent ---- */

tp_period
ts_first(const ts_view *s)
{
	int64_t		u;
	int64_t		first;
	int64_t		last;
	int32_t		i;
	tp_period	p = 0;

	if (s->n < 1)
		return 0;
	/*
	 * The earliest fact by unit starts there, unless a cumulative fact of
	 * the same year reaches back to the year's first unit.
	 */
	u = s->facts[0].unit;
	year_bounds(s->grain, u, &first, &last);
	for (i = 0; i < s->n && s->facts[i].unit <= last; i++)
	{
		if (s->facts[i].cumulative)
		{
			u = first;
			break;
		}
	}
	(void) tp_make(s->grain, u, u, &p);
	return p;
}

tp_period
ts_last(const ts_view *s)
{
	int64_t		u;
	tp_period	p = 0;

	if (s->n < 1)
		return 0;
	u = s->facts[s->n - 1].unit;
	(void) tp_make(s->grain, u, u, &p);
	return p;
}

/* ---- sparkline ---- */

static int
is_unit_of(tp_period p, tp_grain g)
{
	return tp_grain_of(p) == g && tp_nunits(p) == 1;
}

static ts_status
spark_failure(ts_status st, char *buf, size_t cap)
{
	if (cap > 0)
		buf[0] = '\0';
	return st;
}

/*
 * Block 0..7 for v; halves keep max - min finite whatever the values. Two
 * denormals that differ (5e-324 and 0) have equal halves, but then their
 * plain difference is exact and no overflow is possible.
 */
static int
spark_level(double v, double min, double max)
{
	double		span = max / 2 - min / 2;
	double		off = v / 2 - min / 2;
	double		x;

	if (max == min)
		return SPARK_FLAT_LEVEL;
	if (!(span > 0.0))
	{
		span = max - min;
		off = v - min;
	}
	x = floor(off / span * 7.0 + 0.5);
	if (!(x > 0.0))
		return 0;
	if (x > 7.0)
		return 7;
	return (int) x;
}

ts_status
ts_sparkline(const ts_view *s, tp_period from, tp_period to, char *buf,
			 size_t cap, size_t *len)
{
	int64_t		f;
	int64_t		t;
	int64_t		u;
	double		min = 0.0;
	double		max = 0.0;
	int			seen = 0;
	size_t		need = 0;
	size_t		pos = 0;

	if (!is_unit_of(from, s->grain) || !is_unit_of(to, s->grain))
		return spark_failure(TS_EGRAIN, buf, cap);
	f = tp_first_unit(from);
	t = tp_first_unit(to);
	if (t < f || t - f >= SPARK_MAX_UNITS)
		return spark_failure(TS_EARG, buf, cap);

	/* Two passes rather than a buffer of values: the scale comes first. */
	for (u = f; u <= t; u++)
	{
		double		x;
		ts_status	st = run_value(s, u, u, &x, NULL);

		if (st == TS_NULL)
		{
			need += 1;
			continue;
		}
		if (st != TS_OK)
			return spark_failure(st, buf, cap);
		need += SPARK_BLOCK_BYTES;
		if (!seen || x < min)
			min = x;
		if (!seen || x > max)
			max = x;
		seen = 1;
	}
	if (len != NULL)
		*len = need;
	if (need >= cap)
		return spark_failure(TS_EBUF, buf, cap);
	for (u = f; u <= t; u++)
	{
		double		x;

		if (run_value(s, u, u, &x, NULL) != TS_OK)
			buf[pos++] = ' ';
		else
		{
			memcpy(buf + pos, spark_blocks[spark_level(x, min, max)],
				   SPARK_BLOCK_BYTES);
			pos += SPARK_BLOCK_BYTES;
		}
	}
	buf[pos] = '\0';
	return TS_OK;
}

/* ---- resample ---- */

/*
 * Add period p (of the coarser grain) as a fact if its value is derivable.
 * Its rate: the published one when p is exactly a fact with a rate; else
 * one computed from bases implied by published rates. A base from last
 * year's values is left out: the result would then claim a published,
 * comparable rate that nobody published. Where only the published rate
 * is known, a rate-only fact. A ratio is only ever the fact that is
 * exactly p, as published.
 */
static ts_status
resample_add(const ts_view *s, tp_period p, ts_builder *out)
{
	int64_t		a;
	int64_t		b;
	int32_t		i;
	amount		x;
	double		g = 0.0;
	int			has = 0;
	ts_status	st;

	if ((st = period_run(s, p, &a, &b)) != TS_OK)
		return st;
	i = exact_fact(s, a, b);
	if (s->kind == TS_RATIO)
	{
		const ts_fact *f = i >= 0 ? &s->facts[i] : NULL;

		if (f == NULL || (f->no_value && !f->has_growth))
			return TS_OK;
		return ts_builder_add(out, p, f->value,
							  (f->no_value ? TS_ROW_NO_VALUE : 0) |
							  (f->has_growth ? TS_ROW_GROWTH : 0), f->growth);
	}
	st = run_amount(s, a, b, &x, NULL);
	if (st == TS_NULL)
	{
		if (i >= 0 && s->facts[i].has_growth)
			return ts_builder_add(out, p, 0.0, TS_ROW_NO_VALUE | TS_ROW_GROWTH,
								  s->facts[i].growth);
		return TS_OK;
	}
	if (st != TS_OK)
		return st;
	if (i >= 0 && s->facts[i].has_growth)
	{
		g = s->facts[i].growth;
		/* the published rate on a derived value (the fact itself has no
		 * level) must imply a base a fact can hold */
		has = isfinite(x.value / (1.0 + g / 100.0));
	}
	else if (x.rated && tr_growth(x.value, x.base, &g) == TR_OK &&
			 g > -100.0)
		has = 1;
	if (!has)
		g = 0.0;
	return ts_builder_add(out, p, x.value, has ? TS_ROW_GROWTH : 0, g);
}

ts_status
ts_resample(const ts_view *s, tp_grain g, ts_builder *out)
{
	tp_period	first = ts_first(s);
	tp_period	sample;
	tp_period	unit;
	int64_t		count;
	int64_t		u;
	int64_t		end;

	if ((unsigned int) g >= TP_NGRAINS || g <= s->grain)
		return TS_EGRAIN;
	if (ts_builder_set_kind(out, s->kind) != TS_OK)
		return TS_EARG;
	if (tp_from_day(tp_start(first), g, &sample) != TP_OK ||
		tp_split(sample, s->grain, &unit, &count) != TP_OK)
		return TS_EGRAIN;
	end = tp_unit_of(g, tp_end(ts_last(s)));
	for (u = tp_first_unit(sample); u <= end; u++)
	{
		tp_period	p;
		int64_t		yfirst;
		int64_t		ylast;
		ts_status	st;

		if (tp_make(g, u, u, &p) != TP_OK)
			return TS_EGRAIN;
		if ((st = resample_add(s, p, out)) != TS_OK)
			return st;
		year_bounds(g, u, &yfirst, &ylast);
		if (u > yfirst)
		{
			tp_period	ytd;

			if (tp_make(g, yfirst, u, &ytd) != TP_OK)
				return TS_EGRAIN;
			if ((st = resample_add(s, ytd, out)) != TS_OK)
				return st;
		}
	}
	return TS_OK;
}
