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

#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

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

/* A column of a source relation must have the type of the same column
 * of tracker's own table. */
static void
check_column(Oid rel, Oid own, const char *relname, const char *source, const char *column)
{
	AttrNumber	att = get_attnum(rel, column);
	Oid			want = get_atttype(own, get_attnum(own, column));
	Oid			have;

	if (att == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s.%s has no column \"%s\"", source, relname, column),
				 errhint("A source holds observation and observation_series with the columns of tracker's tables.")));
	have = get_atttype(rel, att);
	if (have != want)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of %s.%s is of type %s, not %s",
						column, source, relname, format_type_be(have), format_type_be(want)),
				 errhint("A source holds observation and observation_series with the columns of tracker's tables.")));
}

static void
check_relation(Oid source_oid, Oid schema_oid, const char *source, const char *relname,
			   const char *const *columns, int ncolumns)
{
	Oid			rel = get_relname_relid(relname, source_oid);
	Oid			own = get_relname_relid(relname, schema_oid);
	int			i;

	if (!OidIsValid(rel))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation %s.%s does not exist", source, relname),
				 errhint("A source holds observation and observation_series with the columns of tracker's tables.")));
	if (!OidIsValid(own))
		elog(ERROR, "scoreboard: tracker's own %s is missing", relname);
	for (i = 0; i < ncolumns; i++)
		check_column(rel, own, relname, source, columns[i]);
}

void
store_scope_init(StoreScope *scope, Oid schema_oid, const char *schema, bool bound,
				 Oid period_type, Oid source, const char *source_quoted)
{
	static const char *const series_columns[] = {"region", "indicator", "series"};
	static const char *const fact_columns[] = {"region", "indicator", "period"};
	TypeCacheEntry *tc;
	HeapTuple	tup;
	Form_pg_operator op;

	memset(scope, 0, sizeof *scope);
	scope->schema = schema;
	scope->bound = bound;
	scope->period_type = period_type;
	if (!OidIsValid(source))
		return;
	scope->has_source = true;
	scope->source = source_quoted;
	check_relation(source, schema_oid, source_quoted, "observation_series", series_columns, 3);
	check_relation(source, schema_oid, source_quoted, "observation", fact_columns, 3);
	/*
	 * The source's facts are counted by a query of ours, which names the
	 * period's equality by the operator its btree opclass uses: the one
	 * operator of that schema and name over (period, period), which the
	 * extension owns. The caller chose the source and reads it with its
	 * own rights.
	 */
	tc = lookup_type_cache(period_type, TYPECACHE_EQ_OPR);
	if (!OidIsValid(tc->eq_opr))
		elog(ERROR, "scoreboard: the period type has no equality operator");
	tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(tc->eq_opr));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for operator %u", tc->eq_opr);
	op = (Form_pg_operator) GETSTRUCT(tup);
	scope->period_eq = psprintf("OPERATOR(%s.%s)",
								quote_identifier(get_namespace_name(op->oprnamespace)),
								NameStr(op->oprname));
	ReleaseSysCache(tup);
}

/* One bigint from a query of the two witness periods ($1, $2) and, when
 * filtered, the scope's arrays ($3, $4). */
static int64
count_of(const char *query, const StoreWitness *w, const StoreScope *scope)
{
	Oid			types[4] = {scope->period_type, scope->period_type, TEXTARRAYOID, TEXTARRAYOID};
	Datum		values[4];
	bool		isnull;
	Datum		d;

	values[0] = PeriodGetDatum(w->period[0]);
	values[1] = PeriodGetDatum(w->period[w->n - 1]);
	values[2] = scope->regions;
	values[3] = scope->indicators;
	if (SPI_execute_with_args(query, scope->filtered ? 4 : 2, types, values, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "scoreboard: the store check failed: %s", query);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt64(d);
}

/* A source's store is kept where its facts are written (each shard's
 * tracker), or the source's relations do not match. */
#define SOURCE_STALE_HINT \
	"The source's observation and observation_series must show the same facts: " \
	"check that both point at the same servers, and run SELECT tracker.rebuild_series(); " \
	"on a server whose store is behind."

/* The filter's conditions on the regions and indicators of o. */
#define SCOPE_WHERE \
	" o.region OPERATOR(pg_catalog.=) ANY ($3) AND o.indicator OPERATOR(pg_catalog.=) ANY ($4)"

void
store_check(const StoreWitness *w, const StoreScope *scope)
{
	int64		observed;
	char	   *at = tracker_period_text(w->period[0]);
	const char *facts = scope->has_source ? scope->source : scope->schema;

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
	if (scope->has_source)
		observed = count_of(psprintf("SELECT pg_catalog.count(*) FROM %s.observation o"
									 " WHERE o.period %s ANY (ARRAY[$1, $2])%s",
									 scope->source, scope->period_eq,
									 scope->filtered ? " AND" SCOPE_WHERE : ""),
							w, scope);
	else if (scope->bound)
		observed = count_of(psprintf(scope->filtered
									 ? "SELECT %s.observation_count($1, $2, $3, $4)"
									 : "SELECT %s.observation_count($1, $2)", scope->schema),
							w, scope);
	else
		observed = count_of(psprintf("SELECT pg_catalog.count(*) FROM %1$s.observation o"
									 " WHERE o.period OPERATOR(%1$s.=) ANY (ARRAY[$1, $2])",
									 scope->schema),
							w, scope);
	if (observed != w->stored)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("%s.observation_series is out of date", scope->has_source ? facts : "tracker"),
				 errdetail("%s.observation holds " INT64_FORMAT " facts of %s%s, "
						   "the stored series " INT64_FORMAT ".",
						   scope->has_source ? facts : "tracker", observed, at,
						   scope->filtered ? " among the regions and indicators read" : "",
						   w->stored),
				 scope->has_source ? errhint(SOURCE_STALE_HINT) : errhint(STORE_STALE_HINT)));
	if (w->series == 0 &&
		count_of(psprintf("SELECT pg_catalog.count(*) FROM"
						  " (SELECT FROM %s.observation o%s LIMIT 1) o"
						  " WHERE $1 IS NOT NULL AND $2 IS NOT NULL", facts,
						  scope->filtered ? " WHERE" SCOPE_WHERE : ""),
				 w, scope) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("%s.observation_series is out of date", scope->has_source ? facts : "tracker"),
				 errdetail("%s.observation holds facts%s, the stored series none.",
						   scope->has_source ? facts : "tracker",
						   scope->filtered ? " of the regions and indicators read" : ""),
				 scope->has_source ? errhint(SOURCE_STALE_HINT) : errhint(STORE_STALE_HINT)));
}
