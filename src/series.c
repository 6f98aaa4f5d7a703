/*
 * series.c — tracker.series: text and binary I/O, equality and hashing,
 * and the series(p, value [, growth [, kind]]) and rollup(series)
 * aggregates.
 */
#include "series_type.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"

static void *
series_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
series_release(void *ctx, void *ptr)
{
	pfree(ptr);
}

void
series_builder_init(ts_builder *b, MemoryContext cxt)
{
	ts_alloc	a;

	a.alloc = series_alloc;
	a.release = series_release;
	a.ctx = cxt;
	ts_builder_init(b, &a);
}

/*
 * The header of a series of that kind and those facts: version 1 when it
 * can hold them, so that every series 0.1.0 could store is still stored
 * in the same bytes (and equal to a value stored then); else version 2.
 */
void
series_set_header(SeriesData *s, tp_grain grain, ts_kind kind, int32 n)
{
	ts_view		v;

	v.grain = grain;
	v.kind = kind;
	v.n = n;
	v.facts = s->facts;
	s->grain = (uint8) grain;
	s->n = n;
	if (ts_fits_version1(&v))
	{
		s->version = SERIES_VERSION_1;
		s->flags = 0;
	}
	else
	{
		s->version = SERIES_VERSION_2;
		s->flags = kind == TS_RATIO ? SERIES_FLAG_RATIO : 0;
	}
}

SeriesData *
series_from_builder(const ts_builder *b)
{
	SeriesData *s;

	if (b->count == 0)
		return NULL;
	s = palloc0(SERIES_SIZE(b->count));
	SET_VARSIZE(s, SERIES_SIZE(b->count));
	ts_builder_flatten(b, s->facts);
	series_set_header(s, (tp_grain) b->grain, b->kind, (int32) b->count);
	return s;
}

void
series_build_error(ts_status st, const ts_builder *b, tp_period p)
{
	switch (st)
	{
		case TS_EGRAIN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period %s is of grain %s, but the series has grain %s",
							tracker_period_text(p), tp_grain_name(tp_grain_of(p)),
							tp_grain_name((tp_grain) b->grain)),
					 errhint("A series holds facts of one grain; aggregate each grain separately.")));
			break;
		case TS_ESPAN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period %s is not a year-to-date span", tracker_period_text(p)),
					 errdetail("A series holds units of its grain and cumulative spans "
							   "from the first unit of a year, such as 2022-01..07."),
					 errhint("Split other spans into their units.")));
			break;
		case TS_EKIND:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot combine series of kinds amount and ratio"),
					 errdetail("A series holds facts of one kind.")));
			break;
		case TS_ERATIO:
			if (p == SERIES_NO_PERIOD)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("ratios cannot be added")));
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("period %s is given twice in a ratio series",
							tracker_period_text(p)),
					 errdetail("Ratios cannot be added: a ratio series holds one fact per period."),
					 errhint("Aggregate each region's ratio on its own, or publish the ratio of the sums.")));
			break;
		case TS_ENONFINITE:
			/* inputs are finite here (series_row_error sorts out rows) */
			if (p == SERIES_NO_PERIOD)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value out of range: a sum of the series overflows")));
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: the sums for period %s overflow",
							tracker_period_text(p)),
					 errdetail("The values of the period, or the bases their rates "
							   "imply, add up beyond the range of float8.")));
			break;
		case TS_ENOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory building a series")));
			break;
		default:
			elog(ERROR, "unexpected status %d building a series", (int) st);
	}
	pg_unreachable();
}

/*
 * The error for a row series(p, value [, growth]) refused: NaN is 22023
 * and an infinity 22003, as for the scalar functions, naming the
 * argument that holds it (NaN first, the order the core checks in).
 */
static void
series_row_error(ts_status st, const ts_builder *b, tp_period p,
				 double value, bool has_growth, double growth)
{
	const char *arg = NULL;

	if (st == TS_ENAN)
	{
		arg = isnan(value) ? "value" : "growth";
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s for period %s is NaN", arg, tracker_period_text(p)),
				 errdetail("Series values and rates must be finite numbers; "
						   "a NULL growth means no published rate.")));
	}
	if (st == TS_ENONFINITE && isinf(value))
		arg = "value";
	else if (st == TS_ENONFINITE && has_growth && isinf(growth))
		arg = "growth";
	if (arg != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s for period %s is infinite", arg, tracker_period_text(p)),
				 errdetail("Series values and rates must be finite numbers.")));
	series_build_error(st, b, p);
}

void
series_version_error(const SeriesData *s)
{
	if (s->version == SERIES_VERSION_1 || s->version == SERIES_VERSION_2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("series value of format version %d has unknown flags %d",
						(int) s->version, (int) s->flags),
				 errhint("Update the tracker library to the release that wrote the value.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("series value of unknown format version %d", (int) s->version),
			 errdetail("This release reads versions %d and %d.",
					   SERIES_VERSION_1, SERIES_VERSION_2),
			 errhint("Update the tracker library to the release that wrote the value.")));
}

/* ---- I/O ---- */

/* The bytes [pos, pos + len) of str, as a palloc'd string. */
static char *
input_part(const char *str, size_t pos, size_t len)
{
	return pnstrdup(str + pos, len);
}

PG_FUNCTION_INFO_V1(series_in);
Datum
series_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	ts_builder	b;
	ts_status	st;
	dt_error	e;
	SeriesData *s;

	series_builder_init(&b, CurrentMemoryContext);
	st = ts_parse(str, strlen(str), &b, &e);
	if (st == TS_ENOMEM)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY),
						errmsg("out of memory reading a series")));
	if (st == TS_ERANGE)
		tracker_number_range_error(str, &e, "series", "a number of period");
	/* the numbers read are finite: a fact's implied base overflowed */
	if (st == TS_ENONFINITE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: the base of period %s overflows",
						input_part(str, e.item_pos, e.item_len)),
				 errdetail("The base value / (1 + rate/100) a rate implies must lie "
						   "within the range of float8.")));
	if (st == TS_EUNIT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "series", str),
				 b.kind == TS_RATIO
				 ? errdetail("The changes of a ratio series are in percentage points (pp); "
							 "period %s has one in \"%s\".",
							 input_part(str, e.item_pos, e.item_len),
							 input_part(str, e.pos, e.len))
				 : errdetail("The rates of an amount series are in percent (%%); "
							 "period %s has one in \"%s\".",
							 input_part(str, e.item_pos, e.item_len),
							 input_part(str, e.pos, e.len)),
				 errhint("Write {2022-07: 98.1 (+0.3pp)}/ratio for a ratio and its change in points, "
						 "{2022-07: 1234.5 (+12.3%%)} for an amount and its rate.")));
	if (st == TS_EKIND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "series", str),
				 errdetail("The kind after / must be amount or ratio, not \"%s\".",
						   input_part(str, e.pos, e.len))));
	if (st != TS_OK || b.count == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "series", str),
				 st == TS_ERATE
				 ? errdetail("A published rate must be greater than -100%%; "
							 "period %s has %s%%.",
							 input_part(str, e.item_pos, e.item_len),
							 input_part(str, e.pos, e.len))
				 : errdetail("%s",
							 st == TS_EGRAIN ? "The periods are not all of one grain." :
							 st == TS_ESPAN ? "A span is not year-to-date within one year." :
							 st == TS_EDUPLICATE ? "A period is given twice." :
							 "Malformed text."),
				 errhint("Write {period: value, period: value (+rate%%), ...}, "
						 "for example {2022-01..02: 1234.5 (+12.3%%), 2022-03: 600}.")));
	s = series_from_builder(&b);
	ts_builder_free(&b);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(series_out);
Datum
series_out(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	size_t		cap = 32 + 64 * (size_t) s->n;
	size_t		len;
	char	   *buf = palloc(cap);

	if (ts_format(&v, buf, cap, &len) == TS_EBUF)
	{
		cap = len + 1;
		buf = repalloc(buf, cap);
		if (ts_format(&v, buf, cap, &len) != TS_OK)
			elog(ERROR, "cannot format series");
	}
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(series_send);
Datum
series_send(PG_FUNCTION_ARGS)
{
	SeriesData *s = PG_GETARG_SERIES(0);
	ts_view		v = series_view(s);
	size_t		size = ts_encoded_size(&v);
	bytea	   *out = palloc(VARHDRSZ + size);

	SET_VARSIZE(out, VARHDRSZ + size);
	ts_encode(&v, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* Decode the binary form into a new SeriesData; NULL when invalid. */
static SeriesData *
series_decode(const uint8_t *data, size_t len)
{
	tp_grain	grain;
	int32_t		n;
	SeriesData *s;

	if (ts_decode(data, len, &grain, NULL, &n) != TS_OK)
		return NULL;
	s = palloc0(SERIES_SIZE(n));
	SET_VARSIZE(s, SERIES_SIZE(n));
	if (ts_decode(data, len, &grain, s->facts, &n) != TS_OK)
		return NULL;
	/* stored in version 1 whenever it can be, whichever version was sent */
	series_set_header(s, grain, ts_decoded_kind(data, len), n);
	return s;
}

/*
 * Units, flags and doubles: a series carries no text, so there is no
 * encoding to check (league_recv checks its names). A non-finite value or
 * rate is an invalid representation (22P03), not a NaN argument (22023).
 */
PG_FUNCTION_INFO_V1(series_recv);
Datum
series_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SeriesData *s = series_decode((const uint8_t *) buf->data + buf->cursor,
								  buf->len - buf->cursor);

	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external series value")));
	buf->cursor = buf->len;
	PG_RETURN_POINTER(s);
}

/* ---- equality and hashing: the flat form is canonical ---- */

PG_FUNCTION_INFO_V1(series_eq);
Datum
series_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracker_bytes_equal(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
									   PG_DETOAST_DATUM(PG_GETARG_DATUM(1))));
}

PG_FUNCTION_INFO_V1(series_ne);
Datum
series_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!tracker_bytes_equal(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
										PG_DETOAST_DATUM(PG_GETARG_DATUM(1))));
}

PG_FUNCTION_INFO_V1(series_hash);
Datum
series_hash(PG_FUNCTION_ARGS)
{
	return tracker_bytes_hash(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)));
}

PG_FUNCTION_INFO_V1(series_hash_extended);
Datum
series_hash_extended(PG_FUNCTION_ARGS)
{
	return tracker_bytes_hash_extended(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)),
									   PG_GETARG_INT64(1));
}

/* ---- the aggregates ---- */

static ts_builder *
new_state(MemoryContext aggcxt)
{
	ts_builder *b = MemoryContextAlloc(aggcxt, sizeof(ts_builder));

	series_builder_init(b, aggcxt);
	return b;
}

/*
 * One row of series(p, value [, growth [, kind]]): a row without a period,
 * or with neither a value nor a growth, is skipped; a NULL growth means
 * "no published rate" and a NULL value "no published level", and either
 * alone keeps the row.
 */
static Datum
series_row(FunctionCallInfo fcinfo, ts_builder *b, int kind)
{
	int			flags = 0;
	double		value = 0.0;
	double		growth = 0.0;
	tp_period	p;
	ts_status	st;

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		flags = TS_ROW_GROWTH;
		growth = PG_GETARG_FLOAT8(3);
	}
	if (unlikely(PG_ARGISNULL(1) || (PG_ARGISNULL(2) && flags == 0)))
	{
		if (b == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(b);
	}
	if (PG_ARGISNULL(2))
		flags |= TS_ROW_NO_VALUE;
	else
		value = PG_GETARG_FLOAT8(2);
	/* Only an aggregate can hand us a state, so check the context once. */
	if (unlikely(b == NULL))
		b = new_state(tracker_aggregate_context(fcinfo, "series_sfunc"));
	p = PG_GETARG_PERIOD(1);
	if (kind >= 0 && unlikely(ts_builder_set_kind(b, (ts_kind) kind) != TS_OK))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period %s is of kind %s, but the series has kind %s",
						tracker_period_text(p), ts_kind_name((ts_kind) kind),
						ts_kind_name(b->kind)),
				 errdetail("A series holds facts of one kind.")));
	st = ts_builder_add(b, p, value, flags, growth);
	if (unlikely(st != TS_OK))
		series_row_error(st, b, p, value, (flags & TS_ROW_GROWTH) != 0, growth);
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(series_sfunc);
Datum
series_sfunc(PG_FUNCTION_ARGS)
{
	return series_row(fcinfo, PG_ARGISNULL(0) ? NULL : (ts_builder *) PG_GETARG_POINTER(0), -1);
}

/* The kind argument of series(p, value, growth, kind): NULL is amount. */
static ts_kind
kind_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t;
	ts_kind		kind;

	if (PG_ARGISNULL(argno))
		return TS_AMOUNT;
	t = PG_GETARG_TEXT_PP(argno);
	if (ts_parse_kind(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &kind) != TS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("kind must be amount or ratio, not \"%s\"", text_to_cstring(t)),
				 errdetail("An amount adds up and has rates in percent; a ratio "
						   "(开工率, 失业率) never adds up and has changes in points.")));
	return kind;
}

/* series(p, value, growth, kind): the same rows, of the given kind. */
PG_FUNCTION_INFO_V1(series_kind_sfunc);
Datum
series_kind_sfunc(PG_FUNCTION_ARGS)
{
	ts_kind		kind = kind_arg(fcinfo, 4);

	return series_row(fcinfo, PG_ARGISNULL(0) ? NULL : (ts_builder *) PG_GETARG_POINTER(0),
					  (int) kind);
}

PG_FUNCTION_INFO_V1(series_rollup_sfunc);
Datum
series_rollup_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tracker_aggregate_context(fcinfo, "series_rollup_sfunc");
	ts_builder *b = PG_ARGISNULL(0) ? NULL : (ts_builder *) PG_GETARG_POINTER(0);
	SeriesData *s;
	ts_view		v;
	ts_status	st;
	tp_period	where = SERIES_NO_PERIOD;

	if (PG_ARGISNULL(1))
	{
		if (b == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(b);
	}
	if (b == NULL)
		b = new_state(aggcxt);
	s = PG_GETARG_SERIES(1);
	v = series_view(s);
	if (v.kind == TS_RATIO)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot roll up a ratio series"),
				 errdetail("Ratios such as 开工率 or 失业率 cannot be added across regions."),
				 errhint("Aggregate the parts the ratio is made of, and divide.")));
	if (b->grain >= 0 && b->grain != (int) v.grain)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot roll up a series of grain %s with series of grain %s",
						tp_grain_name(v.grain), tp_grain_name((tp_grain) b->grain)),
				 errhint("Resample the series to one grain first.")));
	st = ts_builder_add_series(b, &v, &where);
	if (st != TS_OK)
		series_build_error(st, b, where);
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(series_final);
Datum
series_final(PG_FUNCTION_ARGS)
{
	SeriesData *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = series_from_builder((ts_builder *) PG_GETARG_POINTER(0));
	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(series_combine);
Datum
series_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tracker_aggregate_context(fcinfo, "series_combine");
	ts_builder *into = PG_ARGISNULL(0) ? NULL : (ts_builder *) PG_GETARG_POINTER(0);
	ts_builder *from = PG_ARGISNULL(1) ? NULL : (ts_builder *) PG_GETARG_POINTER(1);
	ts_status	st;
	tp_period	where = SERIES_NO_PERIOD;

	if (from == NULL)
	{
		if (into == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(into);
	}
	/* The first state may live in another context: build a fresh one here. */
	if (into == NULL)
		into = new_state(aggcxt);
	if (into->grain >= 0 && from->grain >= 0 && into->grain != from->grain)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine series of grains %s and %s",
						tp_grain_name((tp_grain) into->grain),
						tp_grain_name((tp_grain) from->grain))));
	st = ts_builder_merge(into, from, &where);
	if (st != TS_OK)
		series_build_error(st, into, where);
	PG_RETURN_POINTER(into);
}

PG_FUNCTION_INFO_V1(series_serialize);
Datum
series_serialize(PG_FUNCTION_ARGS)
{
	ts_builder *b = (ts_builder *) PG_GETARG_POINTER(0);
	size_t		size = ts_state_encoded_size(b);
	bytea	   *out = palloc(VARHDRSZ + size);

	(void) tracker_aggregate_context(fcinfo, "series_serialize");
	SET_VARSIZE(out, VARHDRSZ + size);
	ts_state_encode(b, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(series_deserialize);
Datum
series_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tracker_aggregate_context(fcinfo, "series_deserialize");
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	ts_builder *b = new_state(aggcxt);

	if (ts_state_decode((const uint8_t *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), b) != TS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized series state")));
	PG_RETURN_POINTER(b);
}
