/*
 * period_srf.c — the periods(...) set-returning functions: a period's
 * units, its units at a finer grain, and the sequence between two periods.
 * Each call yields the next period by shifting; nothing is materialised.
 */
#include "tracker.h"

#include "funcapi.h"

typedef struct period_walk
{
	tp_period	next;
	int64		remaining;
} period_walk;

static Datum
walk_next(FunctionCallInfo fcinfo, FuncCallContext *fctx)
{
	period_walk *w = (period_walk *) fctx->user_fctx;
	tp_period	cur;

	if (w->remaining <= 0)
		SRF_RETURN_DONE(fctx);
	cur = w->next;
	/* The last step may leave the calendar; it is never returned. */
	if (--w->remaining > 0 && tp_shift(cur, 1, &w->next) != TP_OK)
		w->remaining = 0;
	SRF_RETURN_NEXT(fctx, PeriodGetDatum(cur));
}

static period_walk *
walk_start(FuncCallContext *fctx)
{
	return (period_walk *) MemoryContextAllocZero(fctx->multi_call_memory_ctx,
												  sizeof(period_walk));
}

static void
split_or_error(tp_period p, tp_grain g, period_walk *w)
{
	if (tp_split(p, g, &w->next, &w->remaining) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot divide %s of grain %s into units of grain %s",
						tracker_period_text(p), tp_grain_name(tp_grain_of(p)),
						tp_grain_name(g)),
				 errhint("Divide into the same or a finer grain whose units "
						 "tile the period: weeks tile only weeks, days tile everything.")));
}

PG_FUNCTION_INFO_V1(period_units);
Datum
period_units(PG_FUNCTION_ARGS)
{
	FuncCallContext *fctx;

	if (SRF_IS_FIRSTCALL())
	{
		tp_period	p = PG_GETARG_PERIOD(0);

		fctx = SRF_FIRSTCALL_INIT();
		fctx->user_fctx = walk_start(fctx);
		split_or_error(p, tp_grain_of(p), fctx->user_fctx);
	}
	fctx = SRF_PERCALL_SETUP();
	return walk_next(fcinfo, fctx);
}

PG_FUNCTION_INFO_V1(period_units_of_grain);
Datum
period_units_of_grain(PG_FUNCTION_ARGS)
{
	FuncCallContext *fctx;

	if (SRF_IS_FIRSTCALL())
	{
		tp_period	p = PG_GETARG_PERIOD(0);
		tp_grain	g = tracker_grain_arg(PG_GETARG_TEXT_PP(1));

		fctx = SRF_FIRSTCALL_INIT();
		fctx->user_fctx = walk_start(fctx);
		split_or_error(p, g, fctx->user_fctx);
	}
	fctx = SRF_PERCALL_SETUP();
	return walk_next(fcinfo, fctx);
}

/*
 * first, first + 1, … up to last: both of one grain and length, like
 * generate_series; empty when last comes before first.
 */
PG_FUNCTION_INFO_V1(period_series);
Datum
period_series(PG_FUNCTION_ARGS)
{
	FuncCallContext *fctx;

	if (SRF_IS_FIRSTCALL())
	{
		tp_period	first = PG_GETARG_PERIOD(0);
		tp_period	last = PG_GETARG_PERIOD(1);
		period_walk *w;

		if (tp_grain_of(first) != tp_grain_of(last) ||
			tp_nunits(first) != tp_nunits(last))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot list the periods from %s to %s",
							tracker_period_text(first), tracker_period_text(last)),
					 errdetail("The two periods differ in grain or length."),
					 errhint("Both ends must be of one grain and one length.")));
		fctx = SRF_FIRSTCALL_INIT();
		w = walk_start(fctx);
		fctx->user_fctx = w;
		w->next = first;
		w->remaining = tp_first_unit(last) >= tp_first_unit(first) ?
			tp_first_unit(last) - tp_first_unit(first) + 1 : 0;
	}
	fctx = SRF_PERCALL_SETUP();
	return walk_next(fcinfo, fctx);
}
