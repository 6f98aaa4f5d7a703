/*
 * series_type.h — the on-disk form of tracker.series and what the glue
 * files of the series share.
 */
#ifndef TRACKER_SERIES_TYPE_H
#define TRACKER_SERIES_TYPE_H

#include "tracker.h"

#include "series.h"

/*
 * Stored versions. 1: an amount series whose every fact has a level, the
 * only kind 0.1.0 knew; such a series is still stored in version 1, byte
 * for byte as then. 2: the same layout, with the kind in flags and facts
 * that may lack a level (ts_fact.no_value, a padding byte in version 1).
 */
#define SERIES_VERSION_1 1
#define SERIES_VERSION_2 2
#define SERIES_FLAG_RATIO 1		/* version 2: a ratio series */

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
	uint16		flags;			/* version 1: 0; version 2: SERIES_FLAG_* */
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

	if (likely(s->version == SERIES_VERSION_1 && s->flags == 0))
		v.kind = TS_AMOUNT;
	else if (s->version == SERIES_VERSION_2 && (s->flags & ~SERIES_FLAG_RATIO) == 0)
		v.kind = (s->flags & SERIES_FLAG_RATIO) ? TS_RATIO : TS_AMOUNT;
	else
		series_version_error(s);

	v.grain = (tp_grain) s->grain;
	v.n = s->n;
	v.facts = s->facts;
	return v;
}

/* A builder whose memory comes from the given context. */
extern void series_builder_init(ts_builder *b, MemoryContext cxt);
/* Fill in the header of a series whose n facts are in place: version 1
 * when it can hold them, else version 2 with the kind. */
extern void series_set_header(SeriesData *s, tp_grain grain, ts_kind kind, int32 n);
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
