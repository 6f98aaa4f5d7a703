/*
 * period.c — tracker.period constructors, accessors, navigation and
 * calendar progress.
 */
#include "tracker.h"

#include "utils/builtins.h"
#include "catalog/pg_type.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

tp_grain
tracker_grain_arg(text *t)
{
	tp_grain	g;

	if (tp_parse_grain(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &g) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown grain \"%s\"", text_to_cstring(t)),
				 errhint("Grains are year, half, quarter, month, week and day; "
						 "to list the periods between two periods, cast the "
						 "second argument to period.")));
	return g;
}

PG_FUNCTION_INFO_V1(period_make);
Datum
period_make(PG_FUNCTION_ARGS)
{
	tp_day		d = tracker_day_arg(PG_GETARG_DATEADT(0));
	tp_grain	g = tracker_grain_arg(PG_GETARG_TEXT_PP(1));
	tp_period	p;

	if (tp_from_day(d, g, &p) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("the %s containing %s is out of range", tp_grain_name(g),
						DatumGetCString(DirectFunctionCall1(date_out,
															PG_GETARG_DATUM(0)))),
				 errdetail("Periods lie between 0001-01-01 and 9999-12-31.")));
	PG_RETURN_PERIOD(p);
}

PG_FUNCTION_INFO_V1(period_from_date);
Datum
period_from_date(PG_FUNCTION_ARGS)
{
	tp_period	p;

	(void) tp_from_day(tracker_day_arg(PG_GETARG_DATEADT(0)), TP_DAY, &p);
	PG_RETURN_PERIOD(p);
}

PG_FUNCTION_INFO_V1(period_span);
Datum
period_span(PG_FUNCTION_ARGS)
{
	tp_period	first = PG_GETARG_PERIOD(0);
	tp_period	last = PG_GETARG_PERIOD(1);
	tp_period	p;

	if (tp_grain_of(first) != tp_grain_of(last))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot span from %s to %s", tracker_period_text(first),
						tracker_period_text(last)),
				 errdetail("The first is of grain %s, the last of grain %s.",
						   tp_grain_name(tp_grain_of(first)),
						   tp_grain_name(tp_grain_of(last))),
				 errhint("A span runs over units of one grain.")));
	if (tp_span(first, last, &p) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot span from %s to %s", tracker_period_text(first),
						tracker_period_text(last)),
				 errdetail("The last period ends before the first starts.")));
	PG_RETURN_PERIOD(p);
}

PG_FUNCTION_INFO_V1(period_ytd);
Datum
period_ytd(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	tp_period	r;
	tp_status	st = tp_ytd(p, &r);

	if (st != TP_OK)
		tracker_period_error(st, psprintf("ytd(%s)", tracker_period_text(p)));
	PG_RETURN_PERIOD(r);
}

PG_FUNCTION_INFO_V1(period_start_date);
Datum
period_start_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(tracker_date_from_day(tp_start(PG_GETARG_PERIOD(0))));
}

PG_FUNCTION_INFO_V1(period_end_date);
Datum
period_end_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(tracker_date_from_day(tp_end(PG_GETARG_PERIOD(0))));
}

PG_FUNCTION_INFO_V1(period_days);
Datum
period_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(tp_ndays(PG_GETARG_PERIOD(0)));
}

PG_FUNCTION_INFO_V1(period_grain);
Datum
period_grain(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(tp_grain_name(tp_grain_of(PG_GETARG_PERIOD(0)))));
}

PG_FUNCTION_INFO_V1(period_year);
Datum
period_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(tp_year(PG_GETARG_PERIOD(0)));
}

PG_FUNCTION_INFO_V1(period_to_daterange);
Datum
period_to_daterange(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower;
	RangeBound	upper;

	/* daterange is canonically [start, end + 1); 9999-12-31 + 1 still fits. */
	lower.val = DateADTGetDatum(tracker_date_from_day(tp_start(p)));
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum(tracker_date_from_day(tp_end(p)) + 1);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false));
}

static Datum
shifted(tp_period p, int64 n)
{
	tp_period	r;
	tp_status	st = tp_shift(p, n, &r);

	if (st != TP_OK)
		tracker_period_error(st, psprintf("%s %c %lld", tracker_period_text(p),
										  n < 0 ? '-' : '+', (long long) (n < 0 ? -n : n)));
	PG_RETURN_PERIOD(r);
}

PG_FUNCTION_INFO_V1(period_plus);
Datum
period_plus(PG_FUNCTION_ARGS)
{
	return shifted(PG_GETARG_PERIOD(0), PG_GETARG_INT32(1));
}

PG_FUNCTION_INFO_V1(period_int_plus);
Datum
period_int_plus(PG_FUNCTION_ARGS)
{
	return shifted(PG_GETARG_PERIOD(1), PG_GETARG_INT32(0));
}

PG_FUNCTION_INFO_V1(period_minus);
Datum
period_minus(PG_FUNCTION_ARGS)
{
	return shifted(PG_GETARG_PERIOD(0), -(int64) PG_GETARG_INT32(1));
}

PG_FUNCTION_INFO_V1(period_prev);
Datum
period_prev(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	tp_period	r;
	tp_status	st = tp_prev(p, &r);

	if (st != TP_OK)
		tracker_period_error(st, psprintf("prev(%s)", tracker_period_text(p)));
	PG_RETURN_PERIOD(r);
}

PG_FUNCTION_INFO_V1(period_year_ago);
Datum
period_year_ago(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	int32		years = PG_NARGS() > 1 ? PG_GETARG_INT32(1) : 1;
	tp_period	r;
	tp_status	st = tp_year_ago(p, years, &r);

	if (st != TP_OK)
		tracker_period_error(st, psprintf("year_ago(%s, %d)", tracker_period_text(p), years));
	PG_RETURN_PERIOD(r);
}

/* Time progress through a date; infinite dates clamp like any date
 * before or after the period. */
double
tracker_progress_asof(tp_period target, DateADT d)
{
	if (DATE_IS_NOBEGIN(d))
		return 0.0;
	if (DATE_IS_NOEND(d))
		return 100.0;
	return tp_time_progress_asof(target,
								 (tp_day) Max(Min((int64) d + TP_PG_EPOCH_OFFSET,
												  (int64) TP_DAY_MAX + 1), -1));
}

double
tracker_progress_through(tp_period target, tp_period reporting)
{
	double		pct;

	if (tp_time_progress(target, reporting, &pct) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reporting period %s does not end within target period %s",
						tracker_period_text(reporting), tracker_period_text(target)),
				 errhint("Time progress counts from the target's start through "
						 "the reporting period's end; for a date, pass it as a date.")));
	return pct;
}

PG_FUNCTION_INFO_V1(period_time_progress);
Datum
period_time_progress(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(tracker_progress_through(PG_GETARG_PERIOD(0), PG_GETARG_PERIOD(1)));
}

PG_FUNCTION_INFO_V1(period_time_progress_asof);
Datum
period_time_progress_asof(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(tracker_progress_asof(PG_GETARG_PERIOD(0), PG_GETARG_DATEADT(1)));
}
