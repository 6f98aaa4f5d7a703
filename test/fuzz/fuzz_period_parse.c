/*
 * fuzz_period_parse.c — libFuzzer target for tp_parse.
 *
 * Any bytes may be given to tp_parse. Whatever it accepts must be a valid
 * period whose canonical text and Chinese label parse back to the same
 * value, and whose English label can be written; every mismatch aborts.
 * The writers are also run with a buffer one byte too small, which must
 * fail cleanly with TP_EBUF and an empty string. Text said to lack its
 * year must, trimmed and after a year, parse to a period finer than one.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/calendar.c src/core/period.c src/core/period_text.c
 *        test/fuzz/fuzz_period_parse.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text written by tp_format (lang < 0) or tp_label parses back to p. */
static void
check_text(tp_period p, int lang, int must_parse)
{
	char		buf[TP_TEXT_MAX];
	char		small[TP_TEXT_MAX];
	size_t		len = 0;
	size_t		small_len = 1;
	tp_period	q = 0;
	tp_status	st;

	if (lang < 0)
		st = tp_format(p, buf, sizeof(buf), &len);
	else
		st = tp_label(p, (tp_lang) lang, buf, sizeof(buf), &len);
	if (st != TP_OK || len == 0 || len != strlen(buf))
		abort();
	if (must_parse && (tp_parse(buf, len, &q) != TP_OK || q != p))
		abort();

	/* One byte short of room for the NUL. */
	if (lang < 0)
		st = tp_format(p, small, len, &small_len);
	else
		st = tp_label(p, (tp_lang) lang, small, len, &small_len);
	if (st != TP_EBUF || small[0] != '\0' || small_len != 0)
		abort();
}

/* "2020年" and the trimmed text parse to a period finer than a year. */
static void
check_no_year(const char *s, size_t len)
{
	static const char year[] = "2020年";
	char		buf[sizeof(year) - 1 + TP_PARSE_MAX];
	tp_period	p = 0;

	tp_trim(&s, &len);
	if (len == 0 || len > TP_PARSE_MAX)
		abort();
	memcpy(buf, year, sizeof(year) - 1);
	memcpy(buf + sizeof(year) - 1, s, len);
	if (tp_parse(buf, sizeof(year) - 1 + len, &p) != TP_OK ||
		tp_grain_of(p) == TP_YEAR)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tp_period	p = 0;
	tp_status	st = tp_parse((const char *) data, size, &p);

	if (st == TP_ENOYEAR)
		check_no_year((const char *) data, size);
	if (st != TP_OK && st != TP_ESYNTAX && st != TP_ERANGE &&
		st != TP_ENOYEAR)
		abort();
	if (st != TP_OK)
		return 0;
	if (tp_check(p) != TP_OK)
		abort();
	check_text(p, -1, 1);
	check_text(p, TP_LANG_ZH, 1);
	check_text(p, TP_LANG_EN, 0);
	return 0;
}
