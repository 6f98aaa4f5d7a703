/*
 * test_figure_text.c — fg_parse: figures as bureaus print them.
 * Every expected value is the number written in the test, read by hand.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "figure_text.h"

static fg_status last_status;
static fg_reason last_why;

static double
parse(const char *s)
{
	double		d = -12345.0;

	last_status = fg_parse(s, strlen(s), &d, &last_why);
	return d;
}

#define OK(text, want) \
	do { \
		double check_d_ = parse(text); \
		CHECK_INT(last_status, FG_OK); \
		CHECK_INT(last_why, FG_WHY_NONE); \
		CHECK(check_d_ == (want)); \
	} while (0)

#define NUL(text) \
	do { \
		(void) parse(text); \
		CHECK_INT(last_status, FG_NULL); \
	} while (0)

#define BAD(text, reason) \
	do { \
		(void) parse(text); \
		CHECK_INT(last_status, FG_SYNTAX); \
		CHECK_INT(last_why, reason); \
	} while (0)

static void
test_plain(void)
{
	OK("0", 0.0);
	OK("42", 42.0);
	OK("1088.1", 1088.1);
	OK("-2.1", -2.1);
	OK("+2.1", 2.1);
	OK(".5", 0.5);
	OK("5.", 5.0);
	OK("007", 7.0);
	OK("0.000", 0.0);
	/* -0 reads as 0, not as float8's -0 */
	CHECK(!signbit(parse("-0.0")));
	CHECK_INT(last_status, FG_OK);
}

static void
test_separators(void)
{
	OK("1,088.1", 1088.1);
	OK("12,345,678", 12345678.0);
	OK("-1,000", -1000.0);
	OK("999,999.25", 999999.25);
	BAD("1,08", FG_WHY_SEPARATOR);		/* a group of 2 */
	BAD("1,0881", FG_WHY_SEPARATOR);	/* a group of 4 */
	BAD("1088,1", FG_WHY_SEPARATOR);	/* first group of 4 */
	BAD("0,123", FG_WHY_SEPARATOR);		/* a European decimal comma */
	BAD(",123", FG_WHY_SEPARATOR);
	BAD("1,,088", FG_WHY_SEPARATOR);
	BAD("1,088,", FG_WHY_SEPARATOR);
	BAD("1.088,1", FG_WHY_SEPARATOR);	/* separators in the fraction */
	BAD("1,088.1,2", FG_WHY_SEPARATOR);
}

static void
test_percent(void)
{
	OK("4.0%", 4.0);
	OK("-2.1%", -2.1);
	OK("1,088%", 1088.0);
	BAD("%", FG_WHY_CHARACTER);
	BAD("4.0%%", FG_WHY_CHARACTER);
	BAD("%4.0", FG_WHY_CHARACTER);
	BAD("4.0 %", FG_WHY_CHARACTER);
}

static void
test_wide_and_minus(void)
{
	OK("\xe2\x88\x92" "2.1", -2.1);							/* U+2212 */
	OK("\xef\xbc\x91\xef\xbc\x8c\xef\xbc\x90\xef\xbc\x98\xef\xbc\x98"
	   "\xef\xbc\x8e\xef\xbc\x91", 1088.1);					/* １，０８８．１ */
	OK("\xef\xbc\x8d\xef\xbc\x92\xef\xbc\x8e\xef\xbc\x91", -2.1);	/* －２．１ */
	OK("\xef\xbc\x94\xef\xbc\x8e\xef\xbc\x90\xef\xbc\x85", 4.0);	/* ４．０％ */
	OK("\xef\xbc\x8b\xef\xbc\x93", 3.0);						/* ＋３ */
	OK("1\xef\xbc\x8c" "088.5", 1088.5);						/* mixed widths */
	BAD("\xe2\x80\x93" "2.1", FG_WHY_CHARACTER);				/* en dash is no minus */
	BAD("\xe2\x80\x94" "2.1", FG_WHY_CHARACTER);				/* em dash neither */
	BAD("--2", FG_WHY_CHARACTER);
	BAD("+-2", FG_WHY_CHARACTER);
}

static void
test_spaces(void)
{
	OK("  12.5\t", 12.5);
	OK("\r\n12.5\r\n", 12.5);
	OK("\xe3\x80\x80" "12.5" "\xe3\x80\x80", 12.5);			/* U+3000 */
	OK("\xc2\xa0" "12.5" "\xc2\xa0", 12.5);					/* U+00A0 */
	BAD("1 088", FG_WHY_CHARACTER);
	BAD("- 2", FG_WHY_CHARACTER);
}

static void
test_not_published(void)
{
	NUL("");
	NUL("   ");
	NUL("\xe3\x80\x80\xe3\x80\x80");
	NUL("\xe2\x80\x94");							/* — */
	NUL("\xe2\x80\x94\xe2\x80\x94");				/* —— */
	NUL("-");
	NUL("--");
	NUL("\xef\xbc\x8d");							/* － */
	NUL("\xe2\x80\x93");							/* – */
	NUL("\xe2\x88\x92");							/* − */
	NUL(" \xe2\x80\x94 ");
	NUL("\xe2\x80\x95\xe2\x80\x95");				/* ―― (U+2015) */
	BAD("---", FG_WHY_CHARACTER);
	BAD("-\xe2\x80\x94", FG_WHY_CHARACTER);		/* two different dashes */
	BAD("\xe2\x80\x94" "-", FG_WHY_CHARACTER);
}

static void
test_refused(void)
{
	BAD("12\xe4\xba\xbf", FG_WHY_UNIT);			/* 12亿 */
	BAD("3.5\xe4\xb8\x87", FG_WHY_UNIT);			/* 3.5万 */
	BAD("1e5", FG_WHY_EXPONENT);
	BAD("1.5E+3", FG_WHY_EXPONENT);
	BAD("NaN", FG_WHY_CHARACTER);
	BAD("Infinity", FG_WHY_CHARACTER);
	BAD("-inf", FG_WHY_CHARACTER);
	BAD("0x10", FG_WHY_CHARACTER);
	BAD(".", FG_WHY_CHARACTER);
	BAD("+", FG_WHY_CHARACTER);
	BAD("-.", FG_WHY_CHARACTER);
	BAD("1.2.3", FG_WHY_CHARACTER);
	BAD("(2.1)", FG_WHY_CHARACTER);
	BAD("abc", FG_WHY_CHARACTER);
	BAD("\xe2\x80\xa6", FG_WHY_CHARACTER);		/* … */
	/* a NUL byte is no figure */
	{
		double		d;
		fg_reason	why;

		CHECK_INT(fg_parse("1\0" "2", 3, &d, &why), FG_SYNTAX);
		CHECK_INT(fg_parse("\0", 1, &d, &why), FG_SYNTAX);
	}
}

static void
test_encoding(void)
{
	BAD("\xff", FG_WHY_ENCODING);
	BAD("1\xc3", FG_WHY_ENCODING);				/* truncated */
	BAD("\xc0\xb1", FG_WHY_ENCODING);			/* overlong "1" */
	BAD("\xe0\x80\xb1", FG_WHY_ENCODING);		/* overlong "1" */
	BAD("\xed\xa0\x80", FG_WHY_ENCODING);		/* surrogate */
	BAD("\xf4\x90\x80\x80", FG_WHY_ENCODING);	/* beyond U+10FFFF */
	BAD("12\x80", FG_WHY_ENCODING);
	/* an invalid byte after blank text is still refused, not NULL */
	BAD("   \xff", FG_WHY_ENCODING);
	BAD("\xf0\x9f\x98\x80", FG_WHY_CHARACTER);	/* valid, a 4-byte character, no figure */
}

static void
test_range_and_length(void)
{
	char		buf[FG_TEXT_MAX + 64];
	size_t		k;
	double		d;

	OK("1,000,000,000,000,000,000", 1e18);			/* beyond 1e15: the tables' CHECKs judge */
	/* 1 and 309 zeros: over DBL_MAX */
	buf[0] = '1';
	for (k = 1; k <= 309; k++)
		buf[k] = '0';
	buf[310] = '\0';
	CHECK_INT(fg_parse(buf, 310, &d, NULL), FG_RANGE);
	buf[309] = '\0';							/* 1e308 fits */
	CHECK_INT(fg_parse(buf, 309, &d, NULL), FG_OK);
	CHECK(d == 1e308);
	/* 0. and 350 zeros and 1: underflows to 0 */
	memcpy(buf, "0.", 2);
	for (k = 2; k < 352; k++)
		buf[k] = '0';
	buf[352] = '1';
	CHECK_INT(fg_parse(buf, 353, &d, NULL), FG_RANGE);
	/* 0. and 322 zeros and 5: 5e-323, a denormal, kept */
	buf[324] = '5';
	CHECK_INT(fg_parse(buf, 325, &d, NULL), FG_OK);
	CHECK(d > 0 && d < DBL_MIN);
	/* at most FG_TEXT_MAX characters between the spaces */
	for (k = 0; k < FG_TEXT_MAX; k++)
		buf[k] = '0';
	CHECK_INT(fg_parse(buf, FG_TEXT_MAX, &d, NULL), FG_OK);
	CHECK(d == 0.0);
	buf[FG_TEXT_MAX] = '0';
	CHECK_INT(fg_parse(buf, FG_TEXT_MAX + 1, &d, &last_why), FG_SYNTAX);
	CHECK_INT(last_why, FG_WHY_TOO_LONG);
	/* spaces do not count */
	memset(buf + FG_TEXT_MAX, ' ', 50);
	CHECK_INT(fg_parse(buf, FG_TEXT_MAX + 50, &d, NULL), FG_OK);
	memset(buf, ' ', FG_TEXT_MAX + 50);
	CHECK_INT(fg_parse(buf, FG_TEXT_MAX + 50, &d, NULL), FG_NULL);
	/* a NULL why is fine */
	CHECK_INT(fg_parse("x", 1, &d, NULL), FG_SYNTAX);
}

int
main(void)
{
	test_plain();
	test_separators();
	test_percent();
	test_wide_and_minus();
	test_spaces();
	test_not_published();
	test_refused();
	test_encoding();
	test_range_and_length();
	return check_report("figure_text");
}
