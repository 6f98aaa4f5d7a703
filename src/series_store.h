/*
 * series_store.h — checks on tracker.observation_series, the stored
 * series that scoreboard reads instead of the observations.
 */
#ifndef TRACKER_SERIES_STORE_H
#define TRACKER_SERIES_STORE_H

#include "tracker.h"

/*
 * The facts of a report that the store must hold: the unit of p's grain
 * that p ends in, and the year-to-date span through it (one period when
 * that unit starts its year). They are what a board shows first, and the
 * store loses them first when observations are written with its triggers
 * off.
 */
typedef struct StoreWitness
{
	tp_period	period[2];
	int			n;
	tp_grain	grain;			/* of both */
	int32		unit;			/* the unit, numbered as a series numbers it */
	int64		stored;			/* facts found in the series read */
	int64		series;			/* series read, of any grain */
} StoreWitness;

/* What to do about a store that is out of date (55000). */
#define STORE_STALE_HINT \
	"Observations were written without its triggers " \
	"(pg_restore --disable-triggers, a replication subscriber): " \
	"run SELECT tracker.rebuild_series(); as the extension's owner."

/* The witness periods of a report period p; counts start at zero. */
extern void store_witness_init(StoreWitness *w, tp_period p);

/*
 * What the check counts: the facts of schema tracker (or of a source
 * schema holding observation and observation_series shaped as
 * tracker's), all of them or, when filtered, those of the regions and
 * indicators in two text[] arrays (the board's read set).
 */
typedef struct StoreScope
{
	const char *schema;			/* the extension's tables' schema, quoted */
	bool		bound;			/* 0.2.0 on: observation_count exists */
	Oid			period_type;
	bool		has_source;
	const char *source;			/* the source schema, quoted */
	const char *period_eq;		/* OPERATOR(…) of period equality */
	bool		filtered;
	Datum		regions;		/* text[], when filtered */
	Datum		indicators;		/* text[], when filtered */
} StoreScope;

/*
 * Set up a scope; with a source (a schema's OID), check that it holds
 * observation and observation_series with tracker's column types
 * (42P01, 42703, 42804). Not filtered until the caller says so.
 */
extern void store_scope_init(StoreScope *scope, Oid schema_oid, const char *schema,
							 bool bound, Oid period_type, Oid source,
							 const char *source_quoted);

/*
 * Raise 55000 when the store read disagrees with the facts in scope:
 * when it holds a different number of facts at the witness periods than
 * the observations, or nothing while there are observations. Runs two
 * queries through the caller's SPI connection.
 */
extern void store_check(const StoreWitness *w, const StoreScope *scope);

#endif							/* TRACKER_SERIES_STORE_H */
