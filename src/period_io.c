/*
 * period_io.c — tracker.period text and binary I/O, labels, and the
 * mapping of core status codes to errors.
 */
#include "tracker.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"

#define PERIOD_FORMS_HINT \
	"Accepted forms: 2022, 2022-H1, 2022-Q3, 2022-07, 2022-W27, 2022-07-15, " \
	"spans such as 2022-01..07, 2022-Q1..Q3, 2021-11..2022-02, " \
	"2022-06-01..09-08, and Chinese forms such as 2022年1-7月, 2022年前三季度."

char *
tracker_period_text(tp_period p)
{
	char		buf[TP_TEXT_MAX];
	size_t		len;

	if (tp_format(p, buf, sizeof(buf), &len) != TP_OK)
		elog(ERROR, "cannot format period value " INT64_FORMAT, (int64) p);
	return pnstrdup(buf, len);
}

void
tracker_period_error(tp_status st, const char *expr)
{
	if (st == TP_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("period %s is out of range", expr),
				 errdetail("Periods lie between 0001-01-01 and 9999-12-31.")));
	if (st == TP_EARG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid arguments for %s", expr)));
	elog(ERROR, "unexpected status %d from %s", (int) st, expr);
	pg_unreachable();
}

tp_day
tracker_day_arg(DateADT d)
{
	if (DATE_NOT_FINITE(d) ||
		(int64) d + TP_PG_EPOCH_OFFSET < 0 ||
		(int64) d + TP_PG_EPOCH_OFFSET > TP_DAY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range for a period: \"%s\"",
						DatumGetCString(DirectFunctionCall1(date_out,
															DateADTGetDatum(d)))),
				 errdetail("Periods lie between 0001-01-01 and 9999-12-31.")));
	return tracker_day_from_date(d);
}

PG_FUNCTION_INFO_V1(period_in);
Datum
period_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	tp_period	p;
	tp_status	st = tp_parse(str, strlen(str), &p);

	if (st == TP_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("period out of range: \"%s\"", str),
				 errdetail("Periods lie between 0001-01-01 and 9999-12-31.")));
	if (st == TP_ENOYEAR)
	{
		/* The hint shows the input, trimmed, after an example year. */
		const char *t = str;
		size_t		n = strlen(str);

		tp_trim(&t, &n);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						"period", str),
				 errdetail("The period has no year."),
				 errhint("Write the year: 2022年%.*s.", (int) n, t)));
	}
	if (st != TP_OK)
	{
		/* 累计 after one month: bureaus mean July alone or January to
		 * July, so neither is guessed; say why. */
		const char *cum = strstr(str, "累计");
		tp_period	month;

		if (cum != NULL && cum[strlen("累计")] == '\0' &&
			tp_parse(str, cum - str, &month) == TP_OK &&
			tp_grain_of(month) == TP_MONTH && tp_first_unit(month) == tp_last_unit(month))
		{
			int			y;
			int			m;
			int			d;

			tp_civil_from_days(tp_start(month), &y, &m, &d);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"period", str),
					 errdetail("累计 after a single month could mean that month alone or the year to date through it."),
					 errhint("Write %d年%d月 for the month, or %d年1-%d月累计 for the year to date.",
							 y, m, y, m)));
		}
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						"period", str),
				 errhint(PERIOD_FORMS_HINT)));
	}
	PG_RETURN_PERIOD(p);
}

PG_FUNCTION_INFO_V1(period_out);
Datum
period_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(tracker_period_text(PG_GETARG_PERIOD(0)));
}

/*
 * Binary form: grain (1 byte, 0 = day … 5 = year), first and last day as
 * PostgreSQL dates (int4 each, days from 2000-01-01), network byte order.
 */
PG_FUNCTION_INFO_V1(period_send);
Datum
period_send(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint8(&buf, (int8) tp_grain_of(p));
	pq_sendint32(&buf, (int32) tracker_date_from_day(tp_start(p)));
	pq_sendint32(&buf, (int32) tracker_date_from_day(tp_end(p)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * A grain byte and two day numbers: no text, so nothing to check against
 * the database encoding (league_recv must; see there).
 */
PG_FUNCTION_INFO_V1(period_recv);
Datum
period_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			grain = pq_getmsgbyte(buf);
	int64		first = (int64) (int32) pq_getmsgint(buf, 4) + TP_PG_EPOCH_OFFSET;
	int64		last = (int64) (int32) pq_getmsgint(buf, 4) + TP_PG_EPOCH_OFFSET;
	tp_period	p;

	if (grain < 0 || grain >= TP_NGRAINS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid grain %d in external period value", grain)));
	if (first < 0 || first > TP_DAY_MAX || last < 0 || last > TP_DAY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range in external period value")));
	p = ((tp_period) first << 25) | ((tp_period) last << 3) | grain;
	if (tp_check(p) != TP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external period value"),
				 errdetail("Days %lld..%lld do not bound whole units of grain %s.",
						   (long long) (first - TP_PG_EPOCH_OFFSET),
						   (long long) (last - TP_PG_EPOCH_OFFSET),
						   tp_grain_name((tp_grain) grain))));
	PG_RETURN_PERIOD(p);
}

PG_FUNCTION_INFO_V1(period_is_period);
Datum
period_is_period(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	tp_period	p;

	PG_RETURN_BOOL(tp_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &p) == TP_OK);
}

tp_lang
tracker_lang_arg(text *t)
{
	if (tracker_text_is(t, "zh"))
		return TP_LANG_ZH;
	if (tracker_text_is(t, "en"))
		return TP_LANG_EN;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown label language \"%s\"", text_to_cstring(t)),
			 errhint("Use 'zh' or 'en'.")));
	return TP_LANG_ZH;
}

PG_FUNCTION_INFO_V1(period_label);
Datum
period_label(PG_FUNCTION_ARGS)
{
	tp_period	p = PG_GETARG_PERIOD(0);
	tp_lang		l = tracker_lang_arg(PG_GETARG_TEXT_PP(1));
	char		buf[TP_TEXT_MAX];
	size_t		len;

	if (tp_label(p, l, buf, sizeof(buf), &len) != TP_OK)
		elog(ERROR, "cannot label period value " INT64_FORMAT, (int64) p);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}
