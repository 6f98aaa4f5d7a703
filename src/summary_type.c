/*
 * summary_type.c — what the summary types (series, league) share: their
 * stored forms are canonical, so equality is byte equality and hashing
 * hashes the bytes; and their aggregates all need the aggregate context.
 */
#include "tracker.h"

#include "common/hashfn.h"

#include "decimal_text.h"

bool
tracker_bytes_equal(const struct varlena *a, const struct varlena *b)
{
	return VARSIZE(a) == VARSIZE(b) &&
		memcmp(VARDATA(a), VARDATA(b), VARSIZE(a) - VARHDRSZ) == 0;
}

Datum
tracker_bytes_hash(const struct varlena *v)
{
	return hash_any((const unsigned char *) VARDATA(v), VARSIZE(v) - VARHDRSZ);
}

Datum
tracker_bytes_hash_extended(const struct varlena *v, uint64 seed)
{
	return hash_any_extended((const unsigned char *) VARDATA(v),
							 VARSIZE(v) - VARHDRSZ, seed);
}

MemoryContext
tracker_aggregate_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return aggcxt;
}

void
tracker_number_range_error(const char *str, const struct dt_error *e,
						   const char *type, const char *item)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("\"%s\" is out of range for type double precision",
					pnstrdup(str + e->pos, e->len)),
			 errdetail("It is %s %s in the input of %s.",
					   item, pnstrdup(str + e->item_pos, e->item_len), type)));
}
