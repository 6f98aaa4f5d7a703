/*
 * period_ops.c — ordering, hashing, containment and overlap of periods.
 *
 * The encoding orders periods by start day, then end day, then grain, so
 * comparison is integer comparison and sorting can use the signed-Datum
 * fast path.
 */
#include "tracker.h"

#include "common/hashfn.h"
#include "utils/sortsupport.h"

#define PERIOD_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_PERIOD(0) op PG_GETARG_PERIOD(1)); \
}

PERIOD_CMP_FN(period_eq, ==)
PERIOD_CMP_FN(period_ne, !=)
PERIOD_CMP_FN(period_lt, <)
PERIOD_CMP_FN(period_le, <=)
PERIOD_CMP_FN(period_gt, >)
PERIOD_CMP_FN(period_ge, >=)

PG_FUNCTION_INFO_V1(period_cmp);
Datum
period_cmp(PG_FUNCTION_ARGS)
{
	tp_period	a = PG_GETARG_PERIOD(0);
	tp_period	b = PG_GETARG_PERIOD(1);

	PG_RETURN_INT32(a < b ? -1 : a > b ? 1 : 0);
}

#if SIZEOF_DATUM < 8
static int
period_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	tp_period	a = DatumGetPeriod(x);
	tp_period	b = DatumGetPeriod(y);

	return a < b ? -1 : a > b ? 1 : 0;
}
#endif

PG_FUNCTION_INFO_V1(period_sortsupport);
Datum
period_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if SIZEOF_DATUM >= 8
	/* Encoded periods are non-negative int64s: the signed-Datum comparator
	 * lets tuplesort use its specialised quicksort. */
	ssup->comparator = ssup_datum_signed_cmp;
#else
	ssup->comparator = period_fastcmp;
#endif
	PG_RETURN_VOID();
}

/* Hash the two halves the way int8 does, so hashes are stable across
 * platforms of either byte order. */
static inline uint32
period_hash_key(tp_period p)
{
	uint32		lo = (uint32) p;
	uint32		hi = (uint32) ((uint64) p >> 32);

	return lo ^ hi;
}

PG_FUNCTION_INFO_V1(period_hash);
Datum
period_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32(period_hash_key(PG_GETARG_PERIOD(0)));
}

PG_FUNCTION_INFO_V1(period_hash_extended);
Datum
period_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(period_hash_key(PG_GETARG_PERIOD(0)),
								PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(period_contains);
Datum
period_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tp_contains(PG_GETARG_PERIOD(0), PG_GETARG_PERIOD(1)));
}

PG_FUNCTION_INFO_V1(period_contained_by);
Datum
period_contained_by(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tp_contains(PG_GETARG_PERIOD(1), PG_GETARG_PERIOD(0)));
}

/* A date outside the period range cannot lie in any period. */
static bool
contains_date(tp_period p, DateADT d)
{
	int64		day = (int64) d + TP_PG_EPOCH_OFFSET;

	if (DATE_NOT_FINITE(d) || day < 0 || day > TP_DAY_MAX)
		return false;
	return tp_contains_day(p, (tp_day) day);
}

PG_FUNCTION_INFO_V1(period_contains_date);
Datum
period_contains_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains_date(PG_GETARG_PERIOD(0), PG_GETARG_DATEADT(1)));
}

PG_FUNCTION_INFO_V1(date_contained_by_period);
Datum
date_contained_by_period(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains_date(PG_GETARG_PERIOD(1), PG_GETARG_DATEADT(0)));
}

PG_FUNCTION_INFO_V1(period_overlaps);
Datum
period_overlaps(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tp_overlaps(PG_GETARG_PERIOD(0), PG_GETARG_PERIOD(1)));
}

PG_FUNCTION_INFO_V1(period_larger);
Datum
period_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_PERIOD(Max(PG_GETARG_PERIOD(0), PG_GETARG_PERIOD(1)));
}

PG_FUNCTION_INFO_V1(period_smaller);
Datum
period_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_PERIOD(Min(PG_GETARG_PERIOD(0), PG_GETARG_PERIOD(1)));
}
