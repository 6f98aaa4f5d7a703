/*
 * series_access.c — reading a tracker.series: value, base, yoy, mom, ytd,
 * ytd_yoy, avg_growth, kind, first, last, sparkline, unnest and resample.
 */
#include "series_type.h"

#include "funcapi.h"
#include "utils/builtins.h"

void
series_read_error(ts_status st, tp_grain grain, tp_period p)
{
	if (st == TS_EGRAIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a series of grain %s cannot be read at period %s",
						tp_grain_name(grain), tracker_period_text(p)),
				 errhint("Read periods of the series' grain, or of a coarser grain "
						 "made of whole units of it (weeks make up only weeks).")));
	if (st == TS_EARG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("years must be at least 1")));
	if (st == TS_ENONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: reading the series at period %s overflows",
						tracker_period_text(p)),
				 errdetail("A sum of its facts, a base or a rate derived from them is beyond the range of double precision.")));
	elog(ERROR, "unexpected status %d reading a series", (int) st);
}

typedef ts_status (*series_reader) (const ts_view *s, tp_period p, double *out);

/* Apply a reader to (series, period) arguments. */
static Datum
read_series(FunctionCallInfo fcinfo, series_reader reader, bool ytd)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	tp_period	p = PG_GETARG_PERIOD(1);
	double		out;
	ts_status	st;

	if (ytd)
	{
		tp_period	y;

		if (tp_ytd(p, &y) != TP_OK)
			PG_RETURN_NULL();
		p = y;
	}
	st = reader(&v, p, &out);
	if (st == TS_OK)
		PG_RETURN_FLOAT8(out);
	if (st == TS_NULL)
		PG_RETURN_NULL();
	series_read_error(st, (tp_grain) s->grain, p);
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(series_value);
Datum
series_value(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_value, false);
}

PG_FUNCTION_INFO_V1(series_base);
Datum
series_base(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_base, false);
}

PG_FUNCTION_INFO_V1(series_yoy);
Datum
series_yoy(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_yoy, false);
}

PG_FUNCTION_INFO_V1(series_mom);
Datum
series_mom(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_mom, false);
}

PG_FUNCTION_INFO_V1(series_ytd);
Datum
series_ytd(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_value, true);
}

PG_FUNCTION_INFO_V1(series_ytd_yoy);
Datum
series_ytd_yoy(PG_FUNCTION_ARGS)
{
	return read_series(fcinfo, ts_yoy, true);
}

PG_FUNCTION_INFO_V1(series_avg_growth);
Datum
series_avg_growth(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	tp_period	p = PG_GETARG_PERIOD(1);
	int32		years = PG_GETARG_INT32(2);
	double		out;
	ts_status	st = ts_avg_growth(&v, p, years, &out);

	if (st == TS_OK)
		PG_RETURN_FLOAT8(out);
	if (st == TS_NULL)
		PG_RETURN_NULL();
	series_read_error(st, (tp_grain) s->grain, p);
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(series_kind);
Datum
series_kind(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);

	PG_RETURN_TEXT_P(cstring_to_text(ts_kind_name(v.kind)));
}

PG_FUNCTION_INFO_V1(series_first);
Datum
series_first(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);

	PG_RETURN_PERIOD(ts_first(&v));
}

PG_FUNCTION_INFO_V1(series_last);
Datum
series_last(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);

	PG_RETURN_PERIOD(ts_last(&v));
}

PG_FUNCTION_INFO_V1(series_sparkline);
Datum
series_sparkline(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	tp_period	from = PG_NARGS() > 1 ? PG_GETARG_PERIOD(1) : ts_first(&v);
	tp_period	to = PG_NARGS() > 2 ? PG_GETARG_PERIOD(2) : ts_last(&v);
	size_t		cap = 64;
	size_t		len;
	char	   *buf = palloc(cap);
	ts_status	st = ts_sparkline(&v, from, to, buf, cap, &len);

	if (st == TS_EBUF)
	{
		cap = len + 1;
		buf = repalloc(buf, cap);
		st = ts_sparkline(&v, from, to, buf, cap, &len);
	}
	if (st == TS_EGRAIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sparkline bounds %s and %s are not units of the series' grain %s",
						tracker_period_text(from), tracker_period_text(to),
						tp_grain_name((tp_grain) s->grain))));
	if (st == TS_EARG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sparkline from %s to %s must run forward over at most 10000 units",
						tracker_period_text(from), tracker_period_text(to))));
	if (st != TS_OK)
		elog(ERROR, "unexpected status %d drawing a sparkline", (int) st);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

PG_FUNCTION_INFO_V1(series_resample);
Datum
series_resample(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	tp_grain	g = tracker_grain_arg(PG_GETARG_TEXT_PP(1));
	ts_builder	b;
	ts_status	st;
	SeriesData *r;

	if (g == (tp_grain) s->grain)
		PG_RETURN_POINTER(s);
	series_builder_init(&b, CurrentMemoryContext);
	st = ts_resample(&v, g, &b);
	if (st == TS_EGRAIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot resample a series of grain %s to grain %s",
						tp_grain_name((tp_grain) s->grain), tp_grain_name(g)),
				 errhint("Resample to a coarser grain made of whole units of the "
						 "series' grain (weeks make up only weeks).")));
	if (st != TS_OK)
		series_build_error(st, &b, SERIES_NO_PERIOD);
	r = series_from_builder(&b);
	ts_builder_free(&b);
	if (r == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(r);
}

/* unnest(s): one row per fact, in order. */
PG_FUNCTION_INFO_V1(series_unnest);
Datum
series_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *fctx;
	SeriesData *s;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	desc;

		fctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(fctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "unnest(series) must return a composite type");
		fctx->tuple_desc = BlessTupleDesc(desc);
		fctx->user_fctx = PG_GETARG_SERIES(0);
		fctx->max_calls = ((SeriesData *) fctx->user_fctx)->n;
		MemoryContextSwitchTo(old);
	}
	fctx = SRF_PERCALL_SETUP();
	s = (SeriesData *) fctx->user_fctx;
	if (fctx->call_cntr < fctx->max_calls)
	{
		const ts_fact *f = &s->facts[fctx->call_cntr];
		Datum		values[4];
		bool		nulls[4] = {false, f->no_value != 0, !f->has_growth, false};

		values[0] = PeriodGetDatum(ts_fact_period((tp_grain) s->grain, f));
		values[1] = Float8GetDatum(f->value);
		values[2] = Float8GetDatum(f->growth);
		values[3] = BoolGetDatum(f->cumulative != 0);
		SRF_RETURN_NEXT(fctx, HeapTupleGetDatum(heap_form_tuple(fctx->tuple_desc,
																values, nulls)));
	}
	SRF_RETURN_DONE(fctx);
}
