/*
 * series_store.c — is tracker.observation_series current?
 *
 * The stored series are kept by statement triggers on tracker.observation.
 * Writes that skip triggers — pg_restore --disable-triggers (which
 * pg_dump suggests, because region refers to itself),
 * session_replication_role = replica (a logical replication subscriber),
 * ALTER TABLE … DISABLE TRIGGER — leave the store behind, and a board
 * read from it would be silently short. A full comparison costs a pass
 * over every observation; the board instead counts the facts of the
 * report's own periods, the facts most recently written, both ways: in
 * the series it reads anyway, and in tracker.observation through its
 * period index.
 */
#include "series_store.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"

void
store_witness_init(StoreWitness *w, tp_period p)
{
	tp_period	unit;
	tp_period	ytd;

	memset(w, 0, sizeof *w);
	w->grain = tp_grain_of(p);
	w->unit = (int32) tp_last_unit(p);
	/* p is a valid period, so the unit it ends in and its year to date
	 * are too. */
	if (tp_make(w->grain, w->unit, w->unit, &unit) != TP_OK ||
		tp_ytd(unit, &ytd) != TP_OK)
		elog(ERROR, "scoreboard: no unit at the end of period %s",
			 tracker_period_text(p));
	w->period[w->n++] = unit;
	if (ytd != unit)
		w->period[w->n++] = ytd;
}

/* One bigint from a query of two period parameters. */
static int64
count_of(const char *query, const StoreWitness *w, Oid period_type)
{
	Oid			types[2] = {period_type, period_type};
	Datum		values[2];
	bool		isnull;
	Datum		d;

	values[0] = PeriodGetDatum(w->period[0]);
	values[1] = PeriodGetDatum(w->period[w->n - 1]);
	if (SPI_execute_with_args(query, 2, types, values, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "scoreboard: the store check failed: %s", query);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt64(d);
}

void
store_check(const StoreWitness *w, const char *schema, Oid period_type,
			bool bound)
{
	int64		observed;
	char	   *at = tracker_period_text(w->period[0]);

	if (w->n > 1)
		at = psprintf("%s and %s", at, tracker_period_text(w->period[1]));
	/*
	 * Since 0.2.0 the period's operators live in the schema named at
	 * CREATE EXTENSION, whose owner may rename it and put look-alikes
	 * there; observation_count, in the superuser's schema, was bound to
	 * them by OID when it was made. A 0.1.0 database, served by this
	 * library until ALTER EXTENSION UPDATE, has them next to its tables.
	 * (= ANY, not OR: an index-only scan of the period index, where OR
	 * makes a bitmap scan that visits the heap, 6× slower here.)
	 */
	if (bound)
		observed = count_of(psprintf("SELECT %s.observation_count($1, $2)", schema),
							w, period_type);
	else
		observed = count_of(psprintf("SELECT pg_catalog.count(*) FROM %1$s.observation o"
									 " WHERE o.period OPERATOR(%1$s.=) ANY (ARRAY[$1, $2])",
									 schema),
							w, period_type);
	if (observed != w->stored)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("tracker.observation_series is out of date"),
				 errdetail("tracker.observation holds " INT64_FORMAT " facts of %s, "
						   "the stored series " INT64_FORMAT ".",
						   observed, at, w->stored),
				 errhint(STORE_STALE_HINT)));
	if (w->series == 0 &&
		count_of(psprintf("SELECT pg_catalog.count(*) FROM"
						  " (SELECT FROM %1$s.observation o LIMIT 1) o"
						  " WHERE $1 IS NOT NULL AND $2 IS NOT NULL", schema),
				 w, period_type) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("tracker.observation_series is out of date"),
				 errdetail("tracker.observation holds facts, the stored series none."),
				 errhint(STORE_STALE_HINT)));
}
