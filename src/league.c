/*
 * league.c — tracker.league: text and binary I/O, equality and hashing,
 * the league(entity, value [, decimals]) aggregate and its accessors.
 */
#include "tracker.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "access/detoast.h"
#include "league_type.h"

#define LEAGUE_VERSION 1

/* A flat league in a varlena: an 8-byte header, then the flat block. */
typedef struct LeagueData
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	char		flat[FLEXIBLE_ARRAY_MEMBER];
} LeagueData;

#define LEAGUE_HDRSZ		offsetof(LeagueData, flat)
#define PG_GETARG_LEAGUE(n)	((LeagueData *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/*
 * A league of a few thousand entities is stored out of line, and a query
 * that looks up every entity reads the same league once per row. Keep the
 * last detoasted and checked copy per call site, keyed by its TOAST
 * pointer, which names one immutable value. A league read from storage
 * is checked through once (O(n)) when it enters the cache; in memory, a
 * league is what our own final or input function built, and only its
 * header is checked (O(1)), so a look-up stays O(log n).
 */
typedef struct LeagueCache
{
	Oid			toastrelid;
	Oid			valueid;
	LeagueData *league;
	tl_view		view;
} LeagueCache;

static tl_view
league_view(const LeagueData *l)
{
	tl_view		v;

	if (l->version != LEAGUE_VERSION ||
		tl_view_of(l->flat, VARSIZE(l) - LEAGUE_HDRSZ, &v) != TL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt league value")));
	return v;
}

/* Argument n (0 or 1: rank_change reads two leagues) as a checked view. */
static tl_view
league_view_arg(FunctionCallInfo fcinfo, int n)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(n));
	LeagueCache *cache = (LeagueCache *) fcinfo->flinfo->fn_extra;
	struct varatt_external ptr;
	MemoryContext old;

	if (!VARATT_IS_EXTERNAL_ONDISK(raw))
		return league_view((LeagueData *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)));
	VARATT_EXTERNAL_GET_POINTER(ptr, raw);
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, 2 * sizeof(LeagueCache));
	cache += n;
	if (cache->league != NULL && cache->toastrelid == ptr.va_toastrelid &&
		cache->valueid == ptr.va_valueid)
		return cache->view;
	if (cache->league != NULL)
		pfree(cache->league);
	cache->league = NULL;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	cache->league = (LeagueData *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(n));
	MemoryContextSwitchTo(old);
	cache->view = league_view(cache->league);
	if (tl_view_check(&cache->view) != TL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt league value")));
	cache->toastrelid = ptr.va_toastrelid;
	cache->valueid = ptr.va_valueid;
	return cache->view;
}

static void *
league_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
league_release(void *ctx, void *ptr)
{
	pfree(ptr);
}

void
league_builder_init(tl_builder *b, int decimals, MemoryContext cxt)
{
	tl_alloc	a;

	a.alloc = league_alloc;
	a.release = league_release;
	a.ctx = cxt;
	tl_builder_init(b, decimals, &a);
}

void
league_error(tl_status st)
{
	if (st == TL_ENOMEM)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY),
						errmsg("out of memory building a league")));
	if (st == TL_ENAN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("league values must not be NaN")));
	if (st == TL_ENONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: a league value or a gap between two is not finite")));
	if (st == TL_ETOOLONG)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("entity names must be at most %d bytes", TL_MAX_ENTITY)));
	if (st == TL_EARG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must lie between 0 and 15 and be the same in every row")));
	elog(ERROR, "unexpected status %d building a league", (int) st);
}

/*
 * An entity name over TL_MAX_ENTITY bytes: 22001, as for a string too
 * long for its column, showing how the name begins and how long it is.
 * start holds at least its first bytes in the database encoding.
 */
static void
name_too_long(const char *start, size_t available, size_t len)
{
	int			shown = pg_mbcliplen(start, (int) Min(available, 64), 24);

	ereport(ERROR,
			(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
			 errmsg("entity names must be at most %d bytes", TL_MAX_ENTITY),
			 errdetail("The name beginning \"%s\" is %zu bytes long.",
					   pnstrdup(start, shown), len)));
}

/* Flatten a non-empty builder into 8-aligned memory of tl_flat_size(b). */
static void
flatten_into(const tl_builder *b, void *flat)
{
	const char *dup;
	size_t		dup_len;

	if (tl_flatten(b, flat, &dup, &dup_len) == TL_EDUPLICATE)
		ereport(ERROR,
				(errcode(ERRCODE_CARDINALITY_VIOLATION),
				 errmsg("entity \"%s\" appears more than once in the league",
						pnstrdup(dup, dup_len)),
				 errhint("Aggregate one value per entity.")));
}

/* The finished league of a builder; NULL when it has no entity. */
static LeagueData *
league_from_builder(const tl_builder *b)
{
	size_t		size;
	LeagueData *l;

	if (b->n == 0)
		return NULL;
	size = tl_flat_size(b);
	l = palloc0(LEAGUE_HDRSZ + size);
	SET_VARSIZE(l, LEAGUE_HDRSZ + size);
	l->version = LEAGUE_VERSION;
	flatten_into(b, l->flat);
	return l;
}

tl_view
league_flatten_view(const tl_builder *b)
{
	size_t		size;
	void	   *flat;
	tl_view		v;

	if (b->n == 0)
	{
		memset(&v, 0, sizeof v);
		return v;
	}
	size = tl_flat_size(b);
	flat = palloc0(size);		/* palloc memory is MAXALIGNed: 8 bytes */
	flatten_into(b, flat);
	if (tl_view_of(flat, size, &v) != TL_OK)
		elog(ERROR, "league flattened into an unreadable block");
	return v;
}

/* ---- I/O ---- */

/* The bytes [pos, pos + len) of str, as a palloc'd string. */
static char *
input_part(const char *str, size_t pos, size_t len)
{
	return pnstrdup(str + pos, len);
}

/* Where malformed input goes wrong, for the detail of 22P02. */
static char *
syntax_detail(const char *str, size_t pos)
{
	if (str[pos] == '\0')
		return pstrdup("The text ends too early.");
	return psprintf("Unexpected \"%s\" at character %d.",
					input_part(str, pos, pg_mblen(str + pos)),
					pg_mbstrlen_with_len(str, (int) pos) + 1);
}

PG_FUNCTION_INFO_V1(league_in);
Datum
league_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	tl_builder	b;
	tl_status	st;
	dt_error	e;

	league_builder_init(&b, TL_NO_ROUNDING, CurrentMemoryContext);
	st = tl_parse(str, strlen(str), &b, &e);
	if (st == TL_ENOMEM || st == TL_ENONFINITE)
		league_error(st);
	if (st == TL_ERANGE)
		tracker_number_range_error(str, &e, "league", "the value of entity");
	/* the name begins after its opening quote */
	if (st == TL_ETOOLONG && e.name_len > TL_MAX_ENTITY)
		name_too_long(str + e.pos + 1, e.len - 1, e.name_len);
	if (st != TL_OK || b.n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "league", str),
				 st == TL_EARG
				 ? errdetail("A league rounds to 0 to 15 decimals, not %s.",
							 input_part(str, e.pos, e.len))
				 : errdetail("%s", syntax_detail(str, e.pos)),
				 errhint("Write {\"entity\": value, ...}, optionally followed by /decimals.")));
	PG_RETURN_POINTER(league_from_builder(&b));
}

PG_FUNCTION_INFO_V1(league_out);
Datum
league_out(PG_FUNCTION_ARGS)
{
	LeagueData *l = PG_GETARG_LEAGUE(0);
	tl_view		v = league_view(l);
	size_t		cap = 64 + 2 * (size_t) VARSIZE(l);
	size_t		len;
	char	   *buf = palloc(cap);

	if (tl_format(&v, buf, cap, &len) == TL_EBUF)
	{
		cap = len + 1;
		buf = repalloc(buf, cap);
		if (tl_format(&v, buf, cap, &len) != TL_OK)
			elog(ERROR, "cannot format league");
	}
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(league_send);
Datum
league_send(PG_FUNCTION_ARGS)
{
	LeagueData *l = PG_GETARG_LEAGUE(0);
	tl_view		v = league_view(l);
	size_t		size = tl_view_encoded_size(&v);
	bytea	   *out = palloc(VARHDRSZ + size);

	SET_VARSIZE(out, VARHDRSZ + size);
	tl_view_encode(&v, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/*
 * Every entity name must be valid in the database encoding: text input
 * and the aggregate only see names the server has verified, but binary
 * input hands us raw bytes, and a name that is not valid text could be
 * stored but not dumped and restored. 22021, as PostgreSQL reports an
 * invalid byte sequence, with the bytes as it shows them.
 */
static void
check_names_encoding(const tl_builder *b)
{
	int			encoding = GetDatabaseEncoding();
	uint32		i;

	for (i = 0; i < b->n; i++)
	{
		const char *name = b->pool + b->entries[i].name_off;
		int			len = (int) b->entries[i].name_len;
		int			valid;
		int			shown;
		StringInfoData bytes;
		int			j;

		if (pg_verify_mbstr(encoding, name, len, true))
			continue;
		valid = pg_encoding_verifymbstr(encoding, name, len);
		/* no mblen: some encodings would read past a truncated name */
		shown = Min(len - valid, MAX_MULTIBYTE_CHAR_LEN);
		initStringInfo(&bytes);
		for (j = 0; j < shown; j++)
			appendStringInfo(&bytes, "%s0x%02x", j > 0 ? " " : "",
							 (unsigned char) name[valid + j]);
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid byte sequence for encoding \"%s\" in a league entity name: %s",
						GetDatabaseEncodingName(), bytes.data),
				 errdetail("Entity %u of %u, at byte %d of its %d-byte name.",
						   i + 1, b->n, valid + 1, len)));
	}
}

PG_FUNCTION_INFO_V1(league_recv);
Datum
league_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	tl_builder	b;

	league_builder_init(&b, TL_NO_ROUNDING, CurrentMemoryContext);
	if (tl_decode((const uint8_t *) buf->data + buf->cursor,
				  buf->len - buf->cursor, &b) != TL_OK || b.n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external league value")));
	check_names_encoding(&b);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(league_from_builder(&b));
}

PG_FUNCTION_INFO_V1(league_eq);
Datum
league_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracker_bytes_equal(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
									   PG_DETOAST_DATUM(PG_GETARG_DATUM(1))));
}

PG_FUNCTION_INFO_V1(league_ne);
Datum
league_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!tracker_bytes_equal(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
										PG_DETOAST_DATUM(PG_GETARG_DATUM(1))));
}

PG_FUNCTION_INFO_V1(league_hash);
Datum
league_hash(PG_FUNCTION_ARGS)
{
	return tracker_bytes_hash(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)));
}

PG_FUNCTION_INFO_V1(league_hash_extended);
Datum
league_hash_extended(PG_FUNCTION_ARGS)
{
	return tracker_bytes_hash_extended(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
									   PG_GETARG_INT64(1));
}

/* ---- the aggregate ---- */

static tl_builder *
new_state(MemoryContext aggcxt, int decimals)
{
	tl_builder *b = MemoryContextAlloc(aggcxt, sizeof(tl_builder));

	league_builder_init(b, decimals, aggcxt);
	return b;
}

static const char *
decimals_text(int decimals)
{
	return decimals == TL_NO_ROUNDING ? "NULL (no rounding)" : psprintf("%d", decimals);
}

/*
 * league(entity, value [, decimals]): rows without an entity or a value
 * are not ranked. NULL decimals mean no rounding, as in the two-argument
 * form; decimals must be the same in every row.
 */
PG_FUNCTION_INFO_V1(league_sfunc);
Datum
league_sfunc(PG_FUNCTION_ARGS)
{
	tl_builder *b = PG_ARGISNULL(0) ? NULL : (tl_builder *) PG_GETARG_POINTER(0);
	int			decimals = TL_NO_ROUNDING;
	text	   *entity;
	double		value;
	tl_status	st;

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		decimals = PG_GETARG_INT32(3);
		if (decimals < 0 || decimals > 15)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("decimals must lie between 0 and 15, not %d", decimals),
					 errhint("Pass NULL decimals for no rounding.")));
	}
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (b == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(b);
	}
	if (b == NULL)
		b = new_state(tracker_aggregate_context(fcinfo, "league_sfunc"), decimals);
	entity = PG_GETARG_TEXT_PP(1);
	value = PG_GETARG_FLOAT8(2);
	if (b->decimals != decimals)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be the same in every row of a league"),
				 errdetail("Earlier rows give %s, the row of entity \"%s\" gives %s.",
						   decimals_text(b->decimals), text_to_cstring(entity),
						   decimals_text(decimals))));
	st = tl_builder_add(b, VARDATA_ANY(entity), VARSIZE_ANY_EXHDR(entity), value);
	if (st == TL_OK)
		PG_RETURN_POINTER(b);
	/* the rule of the scalar functions: NaN 22023, infinities 22003 */
	if (st == TL_ENAN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("value for entity \"%s\" is NaN", text_to_cstring(entity)),
				 errdetail("League values must be finite numbers; NULL values are not ranked.")));
	if (st == TL_ENONFINITE && isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value for entity \"%s\" is infinite", text_to_cstring(entity)),
				 errdetail("League values must be finite numbers; NULL values are not ranked.")));
	if (st == TL_ETOOLONG && VARSIZE_ANY_EXHDR(entity) > TL_MAX_ENTITY)
		name_too_long(VARDATA_ANY(entity), VARSIZE_ANY_EXHDR(entity),
					  VARSIZE_ANY_EXHDR(entity));
	league_error(st);
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(league_final);
Datum
league_final(PG_FUNCTION_ARGS)
{
	LeagueData *l;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	l = league_from_builder((tl_builder *) PG_GETARG_POINTER(0));
	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(l);
}

PG_FUNCTION_INFO_V1(league_combine);
Datum
league_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tracker_aggregate_context(fcinfo, "league_combine");
	tl_builder *into = PG_ARGISNULL(0) ? NULL : (tl_builder *) PG_GETARG_POINTER(0);
	tl_builder *from = PG_ARGISNULL(1) ? NULL : (tl_builder *) PG_GETARG_POINTER(1);
	tl_status	st;

	if (from == NULL)
	{
		if (into == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(into);
	}
	if (into == NULL)
		into = new_state(aggcxt, from->decimals);
	st = tl_builder_merge(into, from);
	if (st != TL_OK)
		league_error(st);
	PG_RETURN_POINTER(into);
}

PG_FUNCTION_INFO_V1(league_serialize);
Datum
league_serialize(PG_FUNCTION_ARGS)
{
	tl_builder *b = (tl_builder *) PG_GETARG_POINTER(0);
	size_t		size = tl_builder_encoded_size(b);
	bytea	   *out = palloc(VARHDRSZ + size);

	(void) tracker_aggregate_context(fcinfo, "league_serialize");
	SET_VARSIZE(out, VARHDRSZ + size);
	tl_builder_encode(b, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/*
 * No encoding check, unlike league_recv: SQL cannot call this function
 * (its internal argument), so the bytes come from league_serialize of a
 * partial state, whose names were the aggregate's text arguments, which
 * the server verified. The decoder still checks every length, so a
 * damaged state cannot make it read out of bounds.
 */
PG_FUNCTION_INFO_V1(league_deserialize);
Datum
league_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tracker_aggregate_context(fcinfo, "league_deserialize");
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	tl_builder *b = new_state(aggcxt, TL_NO_ROUNDING);

	if (tl_decode((const uint8_t *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), b) != TL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized league state")));
	PG_RETURN_POINTER(b);
}

/* ---- accessors ---- */

static tl_method
method_arg(text *t)
{
	if (tracker_text_is(t, "competition"))
		return TL_COMPETITION;
	if (tracker_text_is(t, "dense"))
		return TL_DENSE;
	if (tracker_text_is(t, "modified"))
		return TL_MODIFIED;
	if (tracker_text_is(t, "average"))
		return TL_AVERAGE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown ranking method \"%s\"", text_to_cstring(t)),
			 errhint("Use competition (1,2,2,4), dense (1,2,2,3), modified (1,3,3,4) or average (1,2.5,2.5,4).")));
	return TL_COMPETITION;
}

/* Return a float8 answer, NULL for TL_NULL. */
#define RETURN_LEAGUE_FLOAT(call) \
	do { \
		double		league_out_; \
		tl_status	league_st_ = (call); \
		if (league_st_ == TL_OK) \
			PG_RETURN_FLOAT8(league_out_); \
		if (league_st_ == TL_NULL) \
			PG_RETURN_NULL(); \
		league_error(league_st_); \
		PG_RETURN_NULL(); \
	} while (0)
#define LEAGUE_OUT (&league_out_)
/* An entity argument as the (bytes, length) pair the core takes. */
#define ENTITY(t) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)

PG_FUNCTION_INFO_V1(league_rank);
Datum
league_rank(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);

	RETURN_LEAGUE_FLOAT(tl_rank(&v, ENTITY(entity), PG_GETARG_BOOL(2),
								method_arg(PG_GETARG_TEXT_PP(3)), LEAGUE_OUT));
}

PG_FUNCTION_INFO_V1(league_percentile);
Datum
league_percentile(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);

	RETURN_LEAGUE_FLOAT(tl_percentile(&v, ENTITY(entity), PG_GETARG_BOOL(2), LEAGUE_OUT));
}

PG_FUNCTION_INFO_V1(league_value);
Datum
league_value(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);

	RETURN_LEAGUE_FLOAT(tl_value(&v, ENTITY(entity), LEAGUE_OUT));
}

PG_FUNCTION_INFO_V1(league_gap_to_leader);
Datum
league_gap_to_leader(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);

	RETURN_LEAGUE_FLOAT(tl_gap_to_leader(&v, ENTITY(entity), PG_GETARG_BOOL(2), LEAGUE_OUT));
}

PG_FUNCTION_INFO_V1(league_gap_to_next);
Datum
league_gap_to_next(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);

	RETURN_LEAGUE_FLOAT(tl_gap_to_next(&v, ENTITY(entity), PG_GETARG_BOOL(2), LEAGUE_OUT));
}

PG_FUNCTION_INFO_V1(league_rank_change);
Datum
league_rank_change(PG_FUNCTION_ARGS)
{
	tl_view		now = league_view_arg(fcinfo, 0);
	tl_view		before = league_view_arg(fcinfo, 1);
	text	   *entity = PG_GETARG_TEXT_PP(2);
	double		out;
	tl_status	st = tl_rank_change(&now, &before, ENTITY(entity), PG_GETARG_BOOL(3), &out);

	if (st == TL_NULL)
		PG_RETURN_NULL();
	if (st != TL_OK)
		league_error(st);
	PG_RETURN_INT32((int32) out);
}

PG_FUNCTION_INFO_V1(league_size);
Datum
league_size(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);

	PG_RETURN_INT32(v.n);
}

PG_FUNCTION_INFO_V1(league_mean);
Datum
league_mean(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);

	PG_RETURN_FLOAT8(tl_mean(&v));
}

PG_FUNCTION_INFO_V1(league_median);
Datum
league_median(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);

	PG_RETURN_FLOAT8(tl_median(&v));
}

PG_FUNCTION_INFO_V1(league_above_mean);
Datum
league_above_mean(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	text	   *entity = PG_GETARG_TEXT_PP(1);
	int			out;
	tl_status	st = tl_above_mean(&v, ENTITY(entity), &out);

	if (st == TL_NULL)
		PG_RETURN_NULL();
	if (st != TL_OK)
		league_error(st);
	PG_RETURN_BOOL(out != 0);
}

PG_FUNCTION_INFO_V1(league_leader);
Datum
league_leader(PG_FUNCTION_ARGS)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	const char *name;
	size_t		len;

	tl_leader(&v, PG_GETARG_BOOL(1), &name, &len);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(name, len));
}

/* top and bottom: the names at the positions the core picks, as text[]. */
static Datum
names_array(FunctionCallInfo fcinfo, bool top)
{
	tl_view		v = league_view_arg(fcinfo, 0);
	int32		k = PG_GETARG_INT32(1);
	bool		descending = PG_GETARG_BOOL(2);
	int32	   *pos = palloc(sizeof(int32) * v.n);
	int32		count;
	Datum	   *names;
	int			i;
	tl_status	st;

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must not be negative")));
	st = top ? tl_top(&v, k, descending, pos, v.n, &count)
		: tl_bottom(&v, k, descending, pos, v.n, &count);
	if (st != TL_OK)
		league_error(st);
	names = palloc(sizeof(Datum) * Max(count, 1));
	for (i = 0; i < count; i++)
	{
		const char *name;
		size_t		len;

		tl_name_at(&v, pos[i], &name, &len);
		names[i] = PointerGetDatum(cstring_to_text_with_len(name, len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(names, count, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(league_top);
Datum
league_top(PG_FUNCTION_ARGS)
{
	return names_array(fcinfo, true);
}

PG_FUNCTION_INFO_V1(league_bottom);
Datum
league_bottom(PG_FUNCTION_ARGS)
{
	return names_array(fcinfo, false);
}
