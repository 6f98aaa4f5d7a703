/*
 * tracker.h — what the fmgr glue files share: the period Datum macros and
 * the mapping from core status codes to SQLSTATEs.
 */
#ifndef TRACKER_H
#define TRACKER_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/date.h"

#include "period.h"
#include "rates.h"

#define DatumGetPeriod(d)		((tp_period) DatumGetInt64(d))
#define PeriodGetDatum(p)		Int64GetDatum((int64) (p))
#define PG_GETARG_PERIOD(n)		DatumGetPeriod(PG_GETARG_DATUM(n))
#define PG_RETURN_PERIOD(p)		return PeriodGetDatum(p)

/* PostgreSQL dates count from 2000-01-01, the core from 0001-01-01. */
static inline tp_day
tracker_day_from_date(DateADT d)
{
	return (tp_day) ((int64) d + TP_PG_EPOCH_OFFSET);
}

static inline DateADT
tracker_date_from_day(tp_day d)
{
	return (DateADT) (d - TP_PG_EPOCH_OFFSET);
}

/* A date argument as a core day; infinite or out-of-range dates raise 22008. */
extern tp_day tracker_day_arg(DateADT d);

/* Raise the error for a period operation that failed with status st;
 * expr shows the operation as the user wrote it, e.g. "prev(0001)". */
extern void tracker_period_error(tp_status st, const char *expr) pg_attribute_noreturn();

/* Whether a text argument spells word exactly; no copy, so keyword
 * arguments (a method, a language) cost nothing per row. */
static inline bool
tracker_text_is(text *t, const char *word)
{
	size_t		len = strlen(word);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), word, len) == 0;
}

/* A label language argument: 'zh' or 'en'; others raise 22023. */
extern tp_lang tracker_lang_arg(text *t);

/* A grain name argument; unknown names raise 22023. */
extern tp_grain tracker_grain_arg(text *t);

/* summary_type.c: the stored forms of series and league are canonical,
 * so = compares and hashing hashes their bytes (4-byte headers). */
extern bool tracker_bytes_equal(const struct varlena *a, const struct varlena *b);
extern Datum tracker_bytes_hash(const struct varlena *v);
extern Datum tracker_bytes_hash_extended(const struct varlena *v, uint64 seed);
/* A number of a series or league text input that float8in would refuse
 * too (overflow, or underflow to zero): 22003 in float8in's words, naming
 * the number, and in the detail the item (a period, an entity) it belongs
 * to ("a number of period", "the value of entity"). */
struct dt_error;
extern void tracker_number_range_error(const char *str, const struct dt_error *e,
									   const char *type, const char *item)
			pg_attribute_noreturn();
/* The aggregate's memory context; an error outside an aggregate. */
extern MemoryContext tracker_aggregate_context(FunctionCallInfo fcinfo,
											   const char *fn);

/* rates.c: raise the error for a failed rate computation; fn names the
 * SQL function, arg_rule says what TR_EARG means for it. */
extern void tracker_rate_error(tr_status st, const char *fn,
							   const char *arg_rule) pg_attribute_noreturn();

/* period.c: time progress of a target period in percent, through a date
 * (infinite dates give 0 and 100) or through a reporting period (which
 * must end within the target: 22023 otherwise). */
extern double tracker_progress_asof(tp_period target, DateADT d);
extern double tracker_progress_through(tp_period target, tp_period reporting);

/* The canonical text of p, palloc'd. */
extern char *tracker_period_text(tp_period p);

#endif							/* TRACKER_H */
