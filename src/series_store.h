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
 * Raise 55000 when the store read disagrees with tracker.observation in
 * schema `schema` (quoted): when it holds a different number of facts at
 * the witness periods than the observations, or nothing while there are
 * observations. Runs two queries through the caller's SPI connection.
 */
extern void store_check(const StoreWitness *w, const char *schema, Oid period_type,
						bool bound);

#endif							/* TRACKER_SERIES_STORE_H */
