/*
 * rates.c — growth, contributions, attainment, pace and scoring: the fmgr
 * glue over src/core/rates.c. Every function is STRICT; a core TR_NULL
 * becomes SQL NULL, the other statuses errors.
 */
#include "tracker.h"

#include "catalog/pg_enum.h"
#include "utils/builtins.h"
#include "utils/syscache.h"


/*
 * Raise the error for a failed rate computation. `fn` names the SQL
 * function; `arg_rule` says what TR_EARG means for it.
 */
void
tracker_rate_error(tr_status st, const char *fn, const char *arg_rule)
{
	switch (st)
	{
		case TR_ENAN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s is not defined for NaN", fn)));
			break;
		case TR_EINF:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s is not defined for infinite values", fn)));
			break;
		case TR_EOVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: %s overflows", fn)));
			break;
		case TR_EARG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid argument for %s", fn),
					 errdetail("%s", arg_rule)));
			break;
		default:
			elog(ERROR, "unexpected status %d from %s", (int) st, fn);
	}
}

/* Return the result of a float8-valued core call. */
#define RETURN_RATE(call, fn, arg_rule) \
	do { \
		double		rate_out_; \
		tr_status	rate_st_ = (call); \
		if (likely(rate_st_ == TR_OK)) \
			PG_RETURN_FLOAT8(rate_out_); \
		if (rate_st_ == TR_NULL) \
			PG_RETURN_NULL(); \
		tracker_rate_error(rate_st_, fn, arg_rule); \
		PG_RETURN_NULL(); \
	} while (0)
#define RATE_OUT (&rate_out_)

PG_FUNCTION_INFO_V1(rate_growth);
Datum
rate_growth(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_growth(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), RATE_OUT),
				"growth", "");
}

PG_FUNCTION_INFO_V1(rate_attainment);
Datum
rate_attainment(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_attainment(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), RATE_OUT),
				"attainment", "");
}

PG_FUNCTION_INFO_V1(rate_avg_growth);
Datum
rate_avg_growth(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_avg_growth(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
							  PG_GETARG_FLOAT8(2), RATE_OUT),
				"avg_growth", "years must be greater than zero.");
}

PG_FUNCTION_INFO_V1(rate_contribution);
Datum
rate_contribution(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_contribution(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								PG_GETARG_FLOAT8(2), RATE_OUT),
				"contribution", "");
}

PG_FUNCTION_INFO_V1(rate_contribution_share);
Datum
rate_contribution_share(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_contribution_share(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
									  PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
									  RATE_OUT),
				"contribution_share", "");
}

PG_FUNCTION_INFO_V1(rate_contribution_from_share);
Datum
rate_contribution_from_share(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_contribution_from_share(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										   PG_GETARG_FLOAT8(2), RATE_OUT),
				"contribution_from_share", "");
}

PG_FUNCTION_INFO_V1(rate_contribution_share_from_share);
Datum
rate_contribution_share_from_share(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_contribution_share_from_share(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
												 PG_GETARG_FLOAT8(2), RATE_OUT),
				"contribution_share_from_share", "");
}

/*
 * The calendar arguments of pace and its kin: the target period and either
 * a reporting period or an as_of date, as time progress in percent.
 */
static double
progress_arg(FunctionCallInfo fcinfo, int target_arg, bool as_of)
{
	tp_period	target = PG_GETARG_PERIOD(target_arg);

	if (as_of)
		return tracker_progress_asof(target, PG_GETARG_DATEADT(target_arg + 1));
	return tracker_progress_through(target, PG_GETARG_PERIOD(target_arg + 1));
}

/* How many months the target period holds: whole months where its grain
 * is made of months, else its days over the mean month of 365.2425/12. */
static double
months_in(tp_period target)
{
	tp_period	first;
	int64		count;

	if (tp_grain_of(target) >= TP_MONTH &&
		tp_split(target, TP_MONTH, &first, &count) == TP_OK)
		return (double) count;
	return tp_ndays(target) * 12.0 / 365.2425;
}

#define RATE_FN(name, body) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	body; \
}

RATE_FN(rate_pace,
			RETURN_RATE(tr_pace(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								progress_arg(fcinfo, 2, false), RATE_OUT), "pace", ""))
RATE_FN(rate_pace_asof,
			RETURN_RATE(tr_pace(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								progress_arg(fcinfo, 2, true), RATE_OUT), "pace", ""))
RATE_FN(rate_schedule_gap,
			RETURN_RATE(tr_schedule_gap(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										progress_arg(fcinfo, 2, false), RATE_OUT),
						"schedule_gap", ""))
RATE_FN(rate_schedule_gap_asof,
			RETURN_RATE(tr_schedule_gap(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										progress_arg(fcinfo, 2, true), RATE_OUT),
						"schedule_gap", ""))
RATE_FN(rate_projection,
			RETURN_RATE(tr_projection(PG_GETARG_FLOAT8(0),
									  progress_arg(fcinfo, 1, false), RATE_OUT),
						"projection", ""))
RATE_FN(rate_projection_asof,
			RETURN_RATE(tr_projection(PG_GETARG_FLOAT8(0),
									  progress_arg(fcinfo, 1, true), RATE_OUT),
						"projection", ""))

static Datum
required_per_month(FunctionCallInfo fcinfo, bool as_of)
{
	double		pct = progress_arg(fcinfo, 2, as_of);
	double		remaining = months_in(PG_GETARG_PERIOD(2)) * (100.0 - pct) / 100.0;

	RETURN_RATE(tr_required_per_month(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
									  remaining, RATE_OUT),
				"required_per_month", "");
}

PG_FUNCTION_INFO_V1(rate_required_per_month);
Datum
rate_required_per_month(PG_FUNCTION_ARGS)
{
	return required_per_month(fcinfo, false);
}

PG_FUNCTION_INFO_V1(rate_required_per_month_asof);
Datum
rate_required_per_month_asof(PG_FUNCTION_ARGS)
{
	return required_per_month(fcinfo, true);
}

PG_FUNCTION_INFO_V1(rate_points_by_rank);
Datum
rate_points_by_rank(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_points_by_rank(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								  PG_GETARG_FLOAT8(2), RATE_OUT),
				"points_by_rank", "rank must be at least 1 and step must not be negative.");
}

PG_FUNCTION_INFO_V1(rate_efficacy_score);
Datum
rate_efficacy_score(PG_FUNCTION_ARGS)
{
	RETURN_RATE(tr_efficacy_score(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								  PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
								  PG_GETARG_FLOAT8(4), RATE_OUT),
				"efficacy_score", "unacceptable and satisfactory must differ.");
}

PG_FUNCTION_INFO_V1(rate_round_half_even);
Datum
rate_round_half_even(PG_FUNCTION_ARGS)
{
	int32		decimals = PG_GETARG_INT32(1);

	/* Clamp before narrowing: the core rejects anything outside -15..15. */
	decimals = Max(Min(decimals, TR_ROUND_MAX_DECIMALS + 1), TR_ROUND_MIN_DECIMALS - 1);
	RETURN_RATE(tr_round_half_even(PG_GETARG_FLOAT8(0), decimals, RATE_OUT),
				"round_half_even", "decimals must lie between -15 and 15.");
}

PG_FUNCTION_INFO_V1(rate_describe_growth);
Datum
rate_describe_growth(PG_FUNCTION_ARGS)
{
	char		buf[TR_DESCRIBE_MAX];
	size_t		len;
	tr_status	st = tr_describe_growth(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										tracker_lang_arg(PG_GETARG_TEXT_PP(2)),
										buf, sizeof(buf), &len);

	if (st != TR_OK)
		tracker_rate_error(st, "describe_growth", "");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

PG_FUNCTION_INFO_V1(rate_describe_change);
Datum
rate_describe_change(PG_FUNCTION_ARGS)
{
	char		buf[TR_DESCRIBE_MAX];
	size_t		len;
	tr_status	st = tr_describe_change(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										tracker_lang_arg(PG_GETARG_TEXT_PP(2)),
										buf, sizeof(buf), &len);

	if (st != TR_OK)
		tracker_rate_error(st, "describe_change", "");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

PG_FUNCTION_INFO_V1(rate_bar);
Datum
rate_bar(PG_FUNCTION_ARGS)
{
	int32		width = PG_GETARG_INT32(2);
	char	   *buf;
	size_t		len;
	tr_status	st;

	if (width < 1 || width > TR_BAR_MAX_WIDTH)
		tracker_rate_error(TR_EARG, "bar", "width must lie between 1 and 1000.");
	buf = palloc(TR_BAR_CAP(width));
	st = tr_bar(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), width, buf,
				TR_BAR_CAP(width), &len);
	if (st == TR_NULL)
		PG_RETURN_NULL();
	if (st != TR_OK)
		tracker_rate_error(st, "bar", "width must lie between 1 and 1000.");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

/*
 * light() returns the enum tracker.light. The labels' OIDs are looked up
 * once per call site through the function's declared result type.
 */
PG_FUNCTION_INFO_V1(rate_light);
Datum
rate_light(PG_FUNCTION_ARGS)
{
	static const char *const labels[] = {"green", "yellow", "red"};
	Oid		   *oids = (Oid *) fcinfo->flinfo->fn_extra;
	tr_light	light;
	tr_status	st;

	st = tr_light_of(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
					 PG_GETARG_FLOAT8(2), &light);
	if (st != TR_OK)
		tracker_rate_error(st, "light", "green_at must not be below red_below.");
	if (oids == NULL)
	{
		Oid			enumtype = get_fn_expr_rettype(fcinfo->flinfo);
		int			i;

		oids = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, 3 * sizeof(Oid));
		for (i = 0; i < 3; i++)
		{
			oids[i] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									  ObjectIdGetDatum(enumtype),
									  CStringGetDatum(labels[i]));
			if (!OidIsValid(oids[i]))
				elog(ERROR, "enum light has no label \"%s\"", labels[i]);
		}
		fcinfo->flinfo->fn_extra = oids;
	}
	PG_RETURN_OID(oids[light]);
}

/*
 * label(light, lang, words): 绿灯/黄灯/红灯, or 红旗/—/蜗牛 where an
 * office hangs flags (NULL for a yellow light: no flag). The light is an
 * enum value; its label is read through enum_out, by OID.
 */
static Datum light_label(FunctionCallInfo fcinfo, const char *words);

PG_FUNCTION_INFO_V1(rate_light_label_lights);
Datum
rate_light_label_lights(PG_FUNCTION_ARGS)
{
	return light_label(fcinfo, "lights");
}

PG_FUNCTION_INFO_V1(rate_light_label);
Datum
rate_light_label(PG_FUNCTION_ARGS)
{
	return light_label(fcinfo, text_to_cstring(PG_GETARG_TEXT_PP(2)));
}

static Datum
light_label(FunctionCallInfo fcinfo, const char *words)
{
	char	   *name = DatumGetCString(DirectFunctionCall1(enum_out, PG_GETARG_DATUM(0)));
	tp_lang		lang = tracker_lang_arg(PG_GETARG_TEXT_PP(1));
	tr_light	light;
	int			w;
	const char *out;
	tr_status	st;

	if (strcmp(name, "green") == 0)
		light = TR_GREEN;
	else if (strcmp(name, "yellow") == 0)
		light = TR_YELLOW;
	else if (strcmp(name, "red") == 0)
		light = TR_RED;
	else
		elog(ERROR, "enum light has no label \"%s\"", name);
	if (strcmp(words, "lights") == 0)
		w = TR_WORDS_LIGHTS;
	else if (strcmp(words, "flags") == 0)
		w = TR_WORDS_FLAGS;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown wording \"%s\" for a light", words),
				 errhint("Use 'lights' (绿灯, 黄灯, 红灯) or 'flags' (红旗, 蜗牛).")));
	st = tr_light_label(light, (int) lang, w, &out);
	if (st == TR_NULL)
		PG_RETURN_NULL();
	if (st != TR_OK)
		tracker_rate_error(st, "label", "");
	PG_RETURN_TEXT_P(cstring_to_text(out));
}
