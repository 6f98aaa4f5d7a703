/*
 * figure.c — figure(text): a number in a bureau's table, as staged text,
 * read into float8 (src/core/figure_text.c), for loading with
 * INSERT … SELECT.
 */
#include "tracker.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "figure_text.h"

#define FIGURE_FORMS_HINT \
	"A figure is a number as bureaus print it: 1088.1, 1,088.1, 4.0% (read as 4.0), " \
	"−2.1, full-width １，０８８．１; a blank cell, — or - for not published. " \
	"Units (万, 亿), exponents and words are not accepted."

PG_FUNCTION_INFO_V1(figure_text);
Datum
figure_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	double		d = 0.0;
	fg_reason	why = FG_WHY_NONE;
	fg_status	st;
	const char *detail = NULL;

	/* The core reads UTF-8; another server encoding converts first. */
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		s = pg_server_to_any(s, len, PG_UTF8);
		if (s != VARDATA_ANY(t))
			len = strlen(s);
	}
	st = fg_parse(s, (size_t) len, &d, &why);
	if (st == FG_OK)
		PG_RETURN_FLOAT8(d);
	if (st == FG_NULL)
		PG_RETURN_NULL();
	if (st == FG_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("figure \"%s\" is out of range for type double precision",
						text_to_cstring(t))));
	switch (why)
	{
		case FG_WHY_ENCODING:
			detail = "It is not valid UTF-8.";
			break;
		case FG_WHY_TOO_LONG:
			detail = "A figure has at most 400 characters.";
			break;
		case FG_WHY_SEPARATOR:
			detail = "Thousands separators group the digits before the point by three: 1,088.1, 12,345,678.";
			break;
		case FG_WHY_EXPONENT:
			detail = "Exponent notation (1e5) is not a form bureaus print.";
			break;
		case FG_WHY_UNIT:
			detail = "A unit (万, 亿) is not part of a figure: convert to the indicator's unit before loading.";
			break;
		default:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for a figure: \"%s\"", text_to_cstring(t)),
			 detail ? errdetail_internal("%s", detail) : 0,
			 errhint("%s", FIGURE_FORMS_HINT)));
	PG_RETURN_NULL();			/* not reached */
}
