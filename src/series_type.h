/*
 * series_type.h — the on-disk form of tracker.series and what the glue
 * files of the series share.
 */
#ifndef TRACKER_SERIES_TYPE_H
#define TRACKER_SERIES_TYPE_H

#include "tracker.h"

#include "series.h"

#define SERIES_VERSION 1

/*
 * A flat series in a varlena: a 16-byte header, then the facts, 8-byte
 * aligned (the type's alignment is double), sorted and normalised so
 * that two equal series are equal byte for byte.
 */
typedef struct SeriesData
{
	int32		vl_len_;
	uint8		version;
	uint8		grain;
	uint16		flags;			/* 0 */
	int32		n;
	int32		pad;			/* 0 */
	ts_fact		facts[FLEXIBLE_ARRAY_MEMBER];
} SeriesData;

#define SERIES_SIZE(n)			(offsetof(SeriesData, facts) + (n) * sizeof(ts_fact))
#define DatumGetSeries(d)		((SeriesData *) PG_DETOAST_DATUM(d))
#define PG_GETARG_SERIES(n)		DatumGetSeries(PG_GETARG_DATUM(n))

/* A stored series of a version this release cannot read: 22P03 rather
 * than facts made up from unknown bytes (data_corrupted would blame the
 * disk; the value may come from a later release). */
extern void series_version_error(const SeriesData *s) pg_attribute_noreturn();

static inline ts_view
series_view(const SeriesData *s)
{
	ts_view		v;

	if (unlikely(s->version != SERIES_VERSION))
		series_version_error(s);

	v.grain = (tp_grain) s->grain;
	v.n = s->n;
	v.facts = s->facts;
	return v;
}

/* A builder whose memory comes from the given context. */
extern void series_builder_init(ts_builder *b, MemoryContext cxt);
/* The finished series of a builder, palloc'd; NULL when it is empty. */
extern SeriesData *series_from_builder(const ts_builder *b);
/* Raise the error for a failed read of a series of that grain at p. */
extern void series_read_error(ts_status st, tp_grain grain,
							  tp_period p) pg_attribute_noreturn();
/* Raise the error for a failed build step; p is the offending period,
 * or SERIES_NO_PERIOD when none is known. */
#define SERIES_NO_PERIOD ((tp_period) -1)	/* valid periods are non-negative */
extern void series_build_error(ts_status st, const ts_builder *b,
							   tp_period p) pg_attribute_noreturn();

#endif							/* TRACKER_SERIES_TYPE_H */
