/*
 * series_merge.c — s || newer: the facts of two series of one grain and
 * kind, newer's where both have one of a period (the core's ts_merge).
 * What the series store's append writes (tracker.observation_series_append).
 */
#include "series_type.h"

PG_FUNCTION_INFO_V1(series_merge);
Datum
series_merge(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	SeriesData *newer = PG_GETARG_SERIES(1);
	ts_view		a = series_view(s);
	ts_view		b = series_view(newer);
	SeriesData *out;
	int32_t		n = 0;
	ts_status	st;

	/* at most a few thousand facts each: the sum cannot overflow */
	out = palloc0(SERIES_SIZE((Size) a.n + (Size) b.n));
	st = ts_merge(&a, &b, out->facts, &n);
	if (st == TS_EGRAIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge a series of grain %s with one of grain %s",
						tp_grain_name(a.grain), tp_grain_name(b.grain)),
				 errhint("Resample the series to one grain first.")));
	if (st == TS_EKIND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge a series of kind %s with one of kind %s",
						ts_kind_name(a.kind), ts_kind_name(b.kind)),
				 errdetail("A series holds facts of one kind.")));
	if (st != TS_OK)
		elog(ERROR, "unexpected status %d merging series", (int) st);
	SET_VARSIZE(out, SERIES_SIZE(n));
	series_set_header(out, a.grain, a.kind, n);
	PG_RETURN_POINTER(out);
}
