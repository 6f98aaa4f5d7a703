/*
 * test_period_text.c — tp_parse, tp_format and tp_label: every input form,
 * every label, round trips over generated periods of every grain, and the
 * rejections with their status.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "period.h"
#include "check.h"

/* Parses text; the status, and the value in *p when TP_OK. */
static tp_status
parse_str(const char *text, tp_period *p)
{
	return tp_parse(text, strlen(text), p);
}

/* The canonical text of p into a static buffer ("<error>" on failure). */
static const char *
fmt(tp_period p)
{
	static char buf[TP_TEXT_MAX];
	size_t		len;

	if (tp_format(p, buf, sizeof(buf), &len) != TP_OK || len != strlen(buf))
		return "<error>";
	return buf;
}

/* text parses and formats as canonical. */
static void
expect_parse(const char *text, const char *canonical)
{
	tp_period	p = 0;
	tp_status	st = parse_str(text, &p);

	if (st != TP_OK)
	{
		fprintf(stderr, "  parsing \"%s\"\n", text);
		CHECK_INT(st, TP_OK);
		return;
	}
	if (strcmp(fmt(p), canonical) != 0)
		fprintf(stderr, "  parsing \"%s\"\n", text);
	CHECK_STR(fmt(p), canonical);
}

/* text parses to grain g from y0-m0-d0 through y1-m1-d1. */
static void
expect_days(const char *text, tp_grain g, int y0, int m0, int d0,
			int y1, int m1, int d1)
{
	tp_period	p = 0;
	tp_status	st = parse_str(text, &p);

	if (st != TP_OK)
	{
		fprintf(stderr, "  parsing \"%s\"\n", text);
		CHECK_INT(st, TP_OK);
		return;
	}
	if (tp_grain_of(p) != g || tp_start(p) != tp_days_from_civil(y0, m0, d0) ||
		tp_end(p) != tp_days_from_civil(y1, m1, d1))
		fprintf(stderr, "  parsing \"%s\"\n", text);
	CHECK_INT(tp_grain_of(p), g);
	CHECK_INT(tp_start(p), tp_days_from_civil(y0, m0, d0));
	CHECK_INT(tp_end(p), tp_days_from_civil(y1, m1, d1));
}

static void
expect_status_len(const char *text, size_t len, tp_status want)
{
	tp_period	p = 0;
	tp_status	st = tp_parse(text, len, &p);

	if (st != want)
		fprintf(stderr, "  parsing \"%.*s\"\n", (int) len, text);
	CHECK_INT(st, want);
}

static void
expect_status(const char *text, tp_status want)
{
	expect_status_len(text, strlen(text), want);
}

/* The labels of the period written canonical, and zh parsing back. */
static void
expect_labels(const char *canonical, const char *zh, const char *en)
{
	tp_period	p = 0;
	tp_period	q = 0;
	char		buf[TP_TEXT_MAX];
	size_t		len = 0;

	CHECK_INT(parse_str(canonical, &p), TP_OK);
	CHECK_INT(tp_label(p, TP_LANG_ZH, buf, sizeof(buf), &len), TP_OK);
	CHECK_STR(buf, zh);
	CHECK_INT(len, strlen(zh));
	CHECK_INT(parse_str(zh, &q), TP_OK);
	CHECK_INT(q, p);
	CHECK_INT(tp_label(p, TP_LANG_EN, buf, sizeof(buf), &len), TP_OK);
	CHECK_STR(buf, en);
	CHECK_INT(len, strlen(en));
}

static void
test_canonical(void)
{
	expect_parse("2022", "2022");
	expect_parse("2021..2023", "2021..2023");
	expect_parse("2022-H1", "2022-H1");
	expect_parse("2022-H1..H2", "2022-H1..H2");
	expect_parse("2021-H2..2022-H1", "2021-H2..2022-H1");
	expect_parse("2022-Q3", "2022-Q3");
	expect_parse("2022-Q1..Q3", "2022-Q1..Q3");
	expect_parse("2021-Q4..2022-Q2", "2021-Q4..2022-Q2");
	expect_parse("2022-07", "2022-07");
	expect_parse("2022-01..07", "2022-01..07");
	expect_parse("2021-11..2022-02", "2021-11..2022-02");
	expect_parse("2022-W27", "2022-W27");
	expect_parse("2022-W23..W36", "2022-W23..W36");
	expect_parse("2021-W52..2022-W03", "2021-W52..2022-W03");
	expect_parse("2022-07-15", "2022-07-15");
	expect_parse("2022-06-01..09-08", "2022-06-01..09-08");
	expect_parse("2021-12-25..2022-01-05", "2021-12-25..2022-01-05");

	expect_days("2022", TP_YEAR, 2022, 1, 1, 2022, 12, 31);
	expect_days("2021..2023", TP_YEAR, 2021, 1, 1, 2023, 12, 31);
	expect_days("2022-H1", TP_HALF, 2022, 1, 1, 2022, 6, 30);
	expect_days("2022-H1..H2", TP_HALF, 2022, 1, 1, 2022, 12, 31);
	expect_days("2021-H2..2022-H1", TP_HALF, 2021, 7, 1, 2022, 6, 30);
	expect_days("2022-Q3", TP_QUARTER, 2022, 7, 1, 2022, 9, 30);
	expect_days("2022-Q1..Q3", TP_QUARTER, 2022, 1, 1, 2022, 9, 30);
	expect_days("2021-Q4..2022-Q2", TP_QUARTER, 2021, 10, 1, 2022, 6, 30);
	expect_days("2022-07", TP_MONTH, 2022, 7, 1, 2022, 7, 31);
	expect_days("2022-01..07", TP_MONTH, 2022, 1, 1, 2022, 7, 31);
	expect_days("2021-11..2022-02", TP_MONTH, 2021, 11, 1, 2022, 2, 28);
	expect_days("2022-W27", TP_WEEK, 2022, 7, 4, 2022, 7, 10);
	expect_days("2022-W23..W36", TP_WEEK, 2022, 6, 6, 2022, 9, 11);
	expect_days("2021-W52..2022-W03", TP_WEEK, 2021, 12, 27, 2022, 1, 23);
	expect_days("2022-07-15", TP_DAY, 2022, 7, 15, 2022, 7, 15);
	expect_days("2022-06-01..09-08", TP_DAY, 2022, 6, 1, 2022, 9, 8);
	expect_days("2021-12-25..2022-01-05", TP_DAY, 2021, 12, 25, 2022, 1, 5);

	/* ISO week-years differ from civil years at the edges. */
	expect_days("2020-W53", TP_WEEK, 2020, 12, 28, 2021, 1, 3);
	expect_days("2021-W01", TP_WEEK, 2021, 1, 4, 2021, 1, 10);
	expect_days("2025-W01", TP_WEEK, 2024, 12, 30, 2025, 1, 5);
	expect_parse("2024-W52..2025-W01", "2024-W52..2025-W01");
	expect_days("2024-02-29", TP_DAY, 2024, 2, 29, 2024, 2, 29);

	/* Calendar edges. */
	expect_days("0001", TP_YEAR, 1, 1, 1, 1, 12, 31);
	expect_days("9999", TP_YEAR, 9999, 1, 1, 9999, 12, 31);
	expect_days("0001-W01", TP_WEEK, 1, 1, 1, 1, 1, 7);
	expect_days("9999-W51", TP_WEEK, 9999, 12, 20, 9999, 12, 26);
	expect_days("0001-01-01..9999-12-31", TP_DAY, 1, 1, 1, 9999, 12, 31);
	expect_parse("0001..9999", "0001..9999");
	expect_parse("9999-H2", "9999-H2");
	expect_parse("9999-Q4", "9999-Q4");
	expect_parse("9999-12", "9999-12");
}

static void
test_variants(void)
{
	/* Full right side within one year. */
	expect_parse("2022-01..2022-07", "2022-01..07");
	expect_parse("2022-H1..2022-H2", "2022-H1..H2");
	expect_parse("2022-Q1..2022-Q3", "2022-Q1..Q3");
	expect_parse("2022-W23..2022-W36", "2022-W23..W36");
	expect_parse("2022-06-01..2022-09-08", "2022-06-01..09-08");
	expect_parse("2022..2022", "2022");

	/* Compact and lower case. */
	expect_parse("2022H1", "2022-H1");
	expect_parse("2022Q3", "2022-Q3");
	expect_parse("2022W27", "2022-W27");
	expect_parse("2022h2", "2022-H2");
	expect_parse("2022q3", "2022-Q3");
	expect_parse("2022w27", "2022-W27");
	expect_parse("2022-q1..q3", "2022-Q1..Q3");
	expect_parse("2022Q1..Q3", "2022-Q1..Q3");
	expect_parse("2021Q4..2022Q2", "2021-Q4..2022-Q2");
	expect_parse("2022-W1", "2022-W01");
	expect_parse("2022-W01..W3", "2022-W01..W03");

	/* One- or two-digit fields. */
	expect_parse("2022-7", "2022-07");
	expect_parse("2022-7-5", "2022-07-05");
	expect_parse("2022-07-5", "2022-07-05");
	expect_parse("2022-1..7", "2022-01..07");
	expect_parse("2022-6-1..9-8", "2022-06-01..09-08");

	/* Surrounding whitespace. */
	expect_parse("  2022-07 ", "2022-07");
	expect_parse("\t\n2022-Q3\r\n", "2022-Q3");
	expect_parse(" \v\f2022 ", "2022");

	/* A span of one unit is that unit. */
	expect_parse("2022-07..07", "2022-07");
	expect_parse("2022-Q3..2022-Q3", "2022-Q3");
	expect_parse("2022年7月至7月", "2022-07");
}

static void
test_chinese(void)
{
	expect_parse("2022年", "2022");
	expect_parse("2022年上半年", "2022-H1");
	expect_parse("2022年下半年", "2022-H2");
	expect_parse("2022年三季度", "2022-Q3");
	expect_parse("2022年第三季度", "2022-Q3");
	expect_parse("2022年3季度", "2022-Q3");
	expect_parse("2022年第3季度", "2022-Q3");
	expect_parse("2022年一季度", "2022-Q1");
	expect_parse("2022年第二季度", "2022-Q2");
	expect_parse("2022年第四季度", "2022-Q4");
	expect_parse("2022年7月", "2022-07");
	expect_parse("2022年07月", "2022-07");
	expect_parse("2022年第27周", "2022-W27");
	expect_parse("2022年7月15日", "2022-07-15");
	expect_parse("2022年07月05日", "2022-07-05");

	expect_parse("2022年1-7月", "2022-01..07");
	expect_parse("2022年1—7月", "2022-01..07");
	expect_parse("2022年1–7月", "2022-01..07");
	expect_parse("2022年1~7月", "2022-01..07");
	expect_parse("2022年1～7月", "2022-01..07");
	expect_parse("2022年1至7月", "2022-01..07");
	expect_parse("2022年6月至9月", "2022-06..09");
	expect_parse("2022年6月-9月", "2022-06..09");
	expect_parse("2022年6月～9月", "2022-06..09");
	expect_parse("2021年11月至2022年2月", "2021-11..2022-02");
	expect_parse("2022年1月至2022年7月", "2022-01..07");

	expect_parse("2022年前两季度", "2022-Q1..Q2");
	expect_parse("2022年前二季度", "2022-Q1..Q2");
	expect_parse("2022年前三季度", "2022-Q1..Q3");
	expect_parse("2022年前四季度", "2022-Q1..Q4");
	expect_parse("2022年1-3季度", "2022-Q1..Q3");
	expect_parse("2022年一至三季度", "2022-Q1..Q3");
	expect_parse("2022年第二至第三季度", "2022-Q2..Q3");
	expect_parse("2022年第二季度至第三季度", "2022-Q2..Q3");
	expect_parse("2022年二季度至三季度", "2022-Q2..Q3");
	expect_parse("2022年2季度-3季度", "2022-Q2..Q3");
	expect_parse("2021年第四季度至2022年第一季度", "2021-Q4..2022-Q1");

	expect_parse("2022年上半年至下半年", "2022-H1..H2");
	expect_parse("2021年下半年至2022年上半年", "2021-H2..2022-H1");
	expect_parse("2021年上半年-2022年下半年", "2021-H1..2022-H2");

	expect_parse("2022年第23-36周", "2022-W23..W36");
	expect_parse("2022年第23周至第36周", "2022-W23..W36");
	expect_parse("2021年第52周至2022年第3周", "2021-W52..2022-W03");
	/* 第 may be left out before a week number. */
	expect_parse("2022年27周", "2022-W27");
	expect_parse("2022年23-36周", "2022-W23..W36");
	expect_parse("2022年23周至36周", "2022-W23..W36");

	expect_parse("2022年6月1日至9月8日", "2022-06-01..09-08");
	expect_parse("2022年6月1日-9月8日", "2022-06-01..09-08");
	expect_parse("2021年12月25日至2022年1月5日", "2021-12-25..2022-01-05");

	expect_parse("2021-2023年", "2021..2023");
	expect_parse("2021至2023年", "2021..2023");
	expect_parse("2021年至2023年", "2021..2023");
	expect_parse("2021年-2023年", "2021..2023");

	expect_parse("2022年前7个月", "2022-01..07");
	expect_parse("2022年前12个月", "2022-01..12");
	expect_parse("2022年前七个月", "2022-01..07");
	expect_parse("2022年前两个月", "2022-01..02");
	expect_parse("2022年前十二个月", "2022-01..12");

	expect_parse(" 2022年7月 ", "2022-07");

	expect_days("2022年第三季度", TP_QUARTER, 2022, 7, 1, 2022, 9, 30);
	expect_days("2022年前三季度", TP_QUARTER, 2022, 1, 1, 2022, 9, 30);
	expect_days("2021年第52周至2022年第3周", TP_WEEK,
				2021, 12, 27, 2022, 1, 23);
	expect_days("2022年6月1日至9月8日", TP_DAY, 2022, 6, 1, 2022, 9, 8);
	expect_days("2022年前7个月", TP_MONTH, 2022, 1, 1, 2022, 7, 31);
	expect_days("2021-2023年", TP_YEAR, 2021, 1, 1, 2023, 12, 31);
}

static void
test_labels(void)
{
	expect_labels("2022", "2022年", "2022");
	expect_labels("2021..2023", "2021年至2023年", "2021-2023");
	expect_labels("2022-H1", "2022年上半年", "H1 2022");
	expect_labels("2022-H2", "2022年下半年", "H2 2022");
	expect_labels("2022-H1..H2", "2022年上半年至下半年", "H1-H2 2022");
	expect_labels("2021-H2..2022-H1", "2021年下半年至2022年上半年",
				  "H2 2021-H1 2022");
	expect_labels("2022-Q3", "2022年第三季度", "Q3 2022");
	expect_labels("2022-Q1..Q2", "2022年前两季度", "Q1-Q2 2022");
	expect_labels("2022-Q1..Q3", "2022年前三季度", "Q1-Q3 2022");
	expect_labels("2022-Q2..Q3", "2022年第二季度至第三季度", "Q2-Q3 2022");
	expect_labels("2022-Q1..Q4", "2022年第一季度至第四季度", "Q1-Q4 2022");
	expect_labels("2021-Q4..2022-Q1", "2021年第四季度至2022年第一季度",
				  "Q4 2021-Q1 2022");
	expect_labels("2021-Q4..2022-Q2", "2021年第四季度至2022年第二季度",
				  "Q4 2021-Q2 2022");
	expect_labels("2022-07", "2022年7月", "Jul 2022");
	expect_labels("2022-01..07", "2022年1-7月", "Jan-Jul 2022");
	expect_labels("2021-11..2022-02", "2021年11月至2022年2月",
				  "Nov 2021-Feb 2022");
	expect_labels("2022-W27", "2022年第27周", "W27 2022");
	expect_labels("2022-W23..W36", "2022年第23-36周", "W23-W36 2022");
	expect_labels("2021-W52..2022-W03", "2021年第52周至2022年第3周",
				  "W52 2021-W03 2022");
	expect_labels("2022-07-15", "2022年7月15日", "15 Jul 2022");
	expect_labels("2022-06-01..09-08", "2022年6月1日至9月8日",
				  "1 Jun-8 Sep 2022");
	expect_labels("2021-12-25..2022-01-05", "2021年12月25日至2022年1月5日",
				  "25 Dec 2021-5 Jan 2022");
	expect_labels("0001-W01", "0001年第1周", "W01 0001");
	expect_labels("9999-12-31", "9999年12月31日", "31 Dec 9999");
}

static void
test_rejections(void)
{
	static const char nul_inside[] = "2022\0-07";
	static const char nul_after[] = "2022-07\0";

	expect_status("", TP_ESYNTAX);
	expect_status("   ", TP_ESYNTAX);
	expect_status(" \t\n", TP_ESYNTAX);
	expect_status("2022-13", TP_ESYNTAX);
	expect_status("2022-00", TP_ESYNTAX);
	expect_status("2022-02-30", TP_ESYNTAX);
	expect_status("2022-02-29", TP_ESYNTAX);
	expect_status("2022-04-31", TP_ESYNTAX);
	expect_status("2022-07-00", TP_ESYNTAX);
	expect_status("2021-W53", TP_ESYNTAX);
	expect_status("2022-W00", TP_ESYNTAX);
	expect_status("2022-W54", TP_ESYNTAX);
	expect_status("2022-Q5", TP_ESYNTAX);
	expect_status("2022-Q0", TP_ESYNTAX);
	expect_status("2022-H3", TP_ESYNTAX);
	expect_status("2022-07..05", TP_ESYNTAX);
	expect_status("2023..2021", TP_ESYNTAX);
	expect_status("2022-W36..W23", TP_ESYNTAX);
	expect_status("2022-06-01..05-31", TP_ESYNTAX);
	expect_status("2022年7月至6月", TP_ESYNTAX);
	expect_status("2022-07x", TP_ESYNTAX);
	expect_status("2022-07 x", TP_ESYNTAX);
	expect_status("2022-07..", TP_ESYNTAX);
	expect_status("2022-07-", TP_ESYNTAX);
	expect_status("2022-", TP_ESYNTAX);
	expect_status("2022..", TP_ESYNTAX);
	expect_status("2022年7月x", TP_ESYNTAX);
	expect_status_len(nul_inside, sizeof(nul_inside) - 1, TP_ESYNTAX);
	expect_status_len(nul_after, sizeof(nul_after) - 1, TP_ESYNTAX);
	expect_status_len("\0", 1, TP_ESYNTAX);
	expect_status("2022-01..Q3", TP_ESYNTAX);
	expect_status("2022-Q1..W3", TP_ESYNTAX);
	expect_status("2022-01..2022-01-05", TP_ESYNTAX);
	expect_status("2022年7月至8月15日", TP_ESYNTAX);
	expect_status("2022年上半年至第三季度", TP_ESYNTAX);
	/* Truncated UTF-8: 年 is E5 B9 B4. */
	expect_status("2022\xe5\xb9", TP_ESYNTAX);
	expect_status("2022\xe5", TP_ESYNTAX);
	expect_status("2022年7\xe6\x9c", TP_ESYNTAX);
	expect_status("2022年\xe4\xb8", TP_ESYNTAX);

	/* Year exactly four digits; fields at most two. */
	expect_status("22", TP_ESYNTAX);
	expect_status("022-07", TP_ESYNTAX);
	expect_status("20222", TP_ESYNTAX);
	expect_status("2022-007", TP_ESYNTAX);
	expect_status("2022-W027", TP_ESYNTAX);
	expect_status("2022-01..0007", TP_ESYNTAX);
	expect_status("2021-2023", TP_ESYNTAX);
	/* Interior whitespace and other junk. */
	expect_status("2022 -07", TP_ESYNTAX);
	expect_status("2022-07 .. 09", TP_ESYNTAX);
	expect_status("+2022", TP_ESYNTAX);
	expect_status("-2022", TP_ESYNTAX);
	expect_status("2022-X1", TP_ESYNTAX);
	expect_status("2022--07", TP_ESYNTAX);
	expect_status("2022年第13月", TP_ESYNTAX);
	expect_status("2022年五季度", TP_ESYNTAX);
	expect_status("2022年前一季度", TP_ESYNTAX);
	expect_status("2022年前五季度", TP_ESYNTAX);
	expect_status("2022年前13个月", TP_ESYNTAX);
	expect_status("2022年前1个月", TP_ESYNTAX);
	expect_status("2022年第1-7月", TP_ESYNTAX);
	expect_status("2022年七月", TP_ESYNTAX);
	expect_status("2022年2月30日", TP_ESYNTAX);
	expect_status("2021年第53周", TP_ESYNTAX);
	expect_status("2022年第三季度至", TP_ESYNTAX);
	expect_status("2022年至", TP_ESYNTAX);
	expect_status("年", TP_ESYNTAX);

	/* Well formed but outside 0001-01-01 .. 9999-12-31. */
	expect_status("0000", TP_ERANGE);
	expect_status("0000-07", TP_ERANGE);
	expect_status("0000-Q1..0001-Q1", TP_ERANGE);
	expect_status("0000年7月", TP_ERANGE);
	expect_status("9999-W52", TP_ERANGE);
	expect_status("9999-W51..W52", TP_ERANGE);
	expect_status("9999年第52周", TP_ERANGE);
}

/* The forms statistics bureaus print, and their neighbours. */
static void
test_bureau_forms(void)
{
	/* 份 after a month; 累计 after a span. */
	expect_parse("2022年7月份", "2022-07");
	expect_parse("2022年07月份", "2022-07");
	expect_parse("2022年1-7月份", "2022-01..07");
	expect_parse("2022年1-7月累计", "2022-01..07");
	expect_parse("2022年1-7月份累计", "2022-01..07");
	expect_parse("2022年1～7月累计", "2022-01..07");
	expect_parse("2022年3-7月累计", "2022-03..07");
	expect_parse("2022年1月份至7月份", "2022-01..07");
	expect_parse("2022年1月至7月累计", "2022-01..07");
	expect_parse("2021年11月至2022年2月累计", "2021-11..2022-02");
	expect_parse("2022年前7个月累计", "2022-01..07");
	expect_parse("2022年1-3季度累计", "2022-Q1..Q3");
	expect_parse("2022年前三季度累计", "2022-Q1..Q3");
	expect_days("2022年1-7月累计", TP_MONTH, 2022, 1, 1, 2022, 7, 31);

	/* The year: 年度, 全年. */
	expect_parse("2022年度", "2022");
	expect_parse("2022年全年", "2022");
	expect_parse("2021-2023年度", "2021..2023");
	expect_parse("2021年度至2023年度", "2021..2023");
	expect_days("2022年全年", TP_YEAR, 2022, 1, 1, 2022, 12, 31);

	/* Full-width digits, －．／ and the dashes between months. */
	expect_parse("２０２２年１－７月", "2022-01..07");
	expect_parse("２０２２年７月", "2022-07");
	expect_parse("２０２２年０７月份", "2022-07");
	expect_parse("２０２２年第三季度", "2022-Q3");
	expect_parse("２０２２年第２７周", "2022-W27");
	expect_parse("２０２２年７月１５日", "2022-07-15");
	expect_parse("２０２２年", "2022");
	expect_parse("２０２２－０７", "2022-07");
	expect_parse("２０２２．１－７", "2022-01..07");
	expect_parse("２０２２／０７", "2022-07");
	expect_parse("2022年1–7月", "2022-01..07");	/* U+2013 */
	expect_parse("2022年1—7月", "2022-01..07");	/* U+2014 */
	expect_parse("2022年1−7月", "2022-01..07");	/* U+2212 */
	expect_parse("2022年1〜7月", "2022-01..07");	/* U+301C */
	expect_parse("2022年1～7月", "2022-01..07");	/* U+FF5E */
	expect_parse("2022年1~7月", "2022-01..07");
	expect_parse("2022年１～７月份", "2022-01..07");

	/* Spaces between the tokens of a Chinese form: ASCII, U+3000, U+00A0. */
	expect_parse("2022 年 1-7 月", "2022-01..07");
	expect_parse("2022 年 1 - 7 月", "2022-01..07");
	expect_parse("2022年 7月", "2022-07");
	expect_parse("2022　年　7　月", "2022-07");
	expect_parse("2022\xc2\xa0年7月", "2022-07");
	expect_parse("2022  年   7月份", "2022-07");
	expect_parse("2022 年 第 三 季度", "2022-Q3");
	expect_parse("2022 年 7 月 15 日", "2022-07-15");
	expect_parse("2022 年 前 7 个月 累计", "2022-01..07");
	expect_parse("2021 - 2023 年", "2021..2023");
	expect_parse("2022年 度", "2022");
	expect_parse("２０２２　年　１－７　月", "2022-01..07");
	expect_parse("　2022年7月　", "2022-07");
	expect_parse("\xc2\xa0 2022-07\xc2\xa0", "2022-07");
	expect_parse("2022.1 – 7", "2022-01..07");

	/* Year, then '.' or '/' between month (and day) fields. */
	expect_parse("2022.07", "2022-07");
	expect_parse("2022.7", "2022-07");
	expect_parse("2022/07", "2022-07");
	expect_parse("2022/7", "2022-07");
	expect_parse("2022.1-7", "2022-01..07");
	expect_parse("2022.01-07", "2022-01..07");
	expect_parse("2022/1-7", "2022-01..07");
	expect_parse("2022.1～7", "2022-01..07");
	expect_parse("2022.1—7", "2022-01..07");
	expect_parse("2022.1至7", "2022-01..07");
	expect_parse("2022.1-2022.7", "2022-01..07");
	expect_parse("2021.11-2022.2", "2021-11..2022-02");
	expect_parse("2021/11-2022/2", "2021-11..2022-02");
	expect_parse("2022.7.15", "2022-07-15");
	expect_parse("2022/7/1", "2022-07-01");
	expect_parse("2022/07/01", "2022-07-01");
	expect_parse("2022.6.1-9.8", "2022-06-01..09-08");
	expect_parse("2021.12.25-2022.1.5", "2021-12-25..2022-01-05");
	expect_parse("2022.7-7", "2022-07");
	expect_days("2022.1-7", TP_MONTH, 2022, 1, 1, 2022, 7, 31);
	expect_days("2022/7/1", TP_DAY, 2022, 7, 1, 2022, 7, 1);
}

/* Bureau forms that are not periods, and periods that lack their year. */
static void
test_bureau_rejections(void)
{
	char		longtext[TP_PARSE_MAX + 40];
	size_t		i;

	/* Impossible fields and reversed spans stay syntax errors. */
	expect_status("2022年13月", TP_ESYNTAX);
	expect_status("2022年13月份", TP_ESYNTAX);
	expect_status("2022年0月", TP_ESYNTAX);
	expect_status("2022年7-1月", TP_ESYNTAX);
	expect_status("2022年7-1月累计", TP_ESYNTAX);
	expect_status("2022年1-13月份", TP_ESYNTAX);
	expect_status("２０２２年１３月", TP_ESYNTAX);
	expect_status("2022.1-13", TP_ESYNTAX);
	expect_status("2022.13", TP_ESYNTAX);
	expect_status("2022.0", TP_ESYNTAX);
	expect_status("2022.7-1", TP_ESYNTAX);
	expect_status("2022/2/30", TP_ESYNTAX);
	expect_status("2022.6.1-5.31", TP_ESYNTAX);
	/* Shapes the forms do not have. */
	expect_status("2022/7/1/", TP_ESYNTAX);
	expect_status("2022/7/", TP_ESYNTAX);
	expect_status("2022/", TP_ESYNTAX);
	expect_status("2022.", TP_ESYNTAX);
	expect_status("2022./7", TP_ESYNTAX);
	expect_status("2022.7/1", TP_ESYNTAX);	/* mixed separators */
	expect_status("2022/7.1", TP_ESYNTAX);
	expect_status("2022.007", TP_ESYNTAX);
	expect_status("2022.1..7", TP_ESYNTAX);
	expect_status("2022.1-", TP_ESYNTAX);
	expect_status("2022.6.1-9", TP_ESYNTAX);	/* day, then month */
	expect_status("2022.1-7.8", TP_ESYNTAX);	/* month, then day */
	expect_status("2022.1-2022", TP_ESYNTAX);
	expect_status("2022.1-2022/7", TP_ESYNTAX);
	expect_status("2022/2023", TP_ESYNTAX);
	expect_status("2022.Q3", TP_ESYNTAX);
	expect_status("2022年7月累计", TP_ESYNTAX);	/* July, or January to July? */
	expect_status("2022年累计", TP_ESYNTAX);
	expect_status("2022年7月份份", TP_ESYNTAX);
	expect_status("2022年1-7月累计累计", TP_ESYNTAX);
	expect_status("2022年份", TP_ESYNTAX);
	expect_status("2022年7日", TP_ESYNTAX);
	expect_status("2022年度度", TP_ESYNTAX);
	expect_status("2022年全", TP_ESYNTAX);
	expect_status("2022年度7月", TP_ESYNTAX);
	expect_status("2022全年", TP_ESYNTAX);
	expect_status("2022年第1-7月份", TP_ESYNTAX);
	expect_status("年", TP_ESYNTAX);
	expect_status("年度", TP_ESYNTAX);
	expect_status("全年", TP_ESYNTAX);
	expect_status("月", TP_ESYNTAX);
	expect_status("　", TP_ESYNTAX);
	expect_status("\xc2\xa0", TP_ESYNTAX);
	/* Spaces never split a number, nor enter an ASCII form. */
	expect_status("20 22年7月", TP_ESYNTAX);
	expect_status("2022年1 7月", TP_ESYNTAX);
	expect_status("2022年 1 7 月", TP_ESYNTAX);
	expect_status("２０２２年１　７月", TP_ESYNTAX);
	expect_status("2022 .7", TP_ESYNTAX);
	expect_status("2022. 7", TP_ESYNTAX);
	expect_status("2022 / 07", TP_ESYNTAX);
	expect_status("2022.1 - 7", TP_ESYNTAX);
	expect_status("2022\xc2\xa0-07", TP_ESYNTAX);
	expect_status("2022　-07", TP_ESYNTAX);
	/* Full-width letters are not folded. */
	expect_status("２０２２Ｑ３", TP_ESYNTAX);
	/* Full-width forms cut short: ０ is EF BC 90. */
	expect_status("2022\xef\xbc", TP_ESYNTAX);
	expect_status("\xef\xbc\x90\xef\xbc", TP_ESYNTAX);
	/* Invalid UTF-8: a space never joins the halves of a character. */
	expect_status("2022\xe5 \xb9\xb4", TP_ESYNTAX);
	expect_status("2022\xe5\xc2\xa0\xb9\xb4", TP_ESYNTAX);
	expect_status("2022\xe5\xb9\xb4\xff", TP_ESYNTAX);
	expect_status("2022年\x80", TP_ESYNTAX);
	expect_status("\xc0\xb2\xc0\xb0\xc0\xb2\xc0\xb2", TP_ESYNTAX);	/* overlong */
	expect_status("\xe0\x80\xb2" "022年", TP_ESYNTAX);	/* overlong '2' */
	expect_status("2022年\xed\xa0\x80", TP_ESYNTAX);	/* a surrogate */
	expect_status("2022年\xf4\x90\x80\x80", TP_ESYNTAX);	/* past U+10FFFF */
	expect_status("2022年\xf0\x9f\x98\x80", TP_ESYNTAX);	/* valid, not a word */

	/*
	 * Overlong input: TP_PARSE_MAX bytes once trimmed, and no more.
	 * "2022年" (7 bytes), spaces, "7月" (4 bytes) in exactly n bytes.
	 */
	memset(longtext, ' ', sizeof(longtext));
	memcpy(longtext, "2022年", 7);
	memcpy(longtext + TP_PARSE_MAX - 4, "7月", 4);
	expect_status_len(longtext, TP_PARSE_MAX, TP_OK);
	memset(longtext, ' ', sizeof(longtext));
	memcpy(longtext, "2022年", 7);
	memcpy(longtext + TP_PARSE_MAX - 3, "7月", 4);
	expect_status_len(longtext, TP_PARSE_MAX + 1, TP_ESYNTAX);
	/* Surrounding whitespace does not count. */
	memset(longtext, ' ', sizeof(longtext));
	memcpy(longtext + 200, "2022-07", 7);
	expect_status_len(longtext, sizeof(longtext), TP_OK);
	for (i = 0; i < sizeof(longtext); i++)
		longtext[i] = (char) ('0' + i % 10);
	expect_status_len(longtext, sizeof(longtext), TP_ESYNTAX);

	/* Without the year: a period of its own status, when one would do. */
	expect_status("1-7月", TP_ENOYEAR);
	expect_status("7月", TP_ENOYEAR);
	expect_status("07月份", TP_ENOYEAR);
	expect_status("1-7月累计", TP_ENOYEAR);
	expect_status("１－７月", TP_ENOYEAR);
	expect_status(" 1 - 7 月 ", TP_ENOYEAR);
	expect_status("第三季度", TP_ENOYEAR);
	expect_status("三季度", TP_ENOYEAR);
	expect_status("前三季度", TP_ENOYEAR);
	expect_status("上半年", TP_ENOYEAR);
	expect_status("第27周", TP_ENOYEAR);
	expect_status("第53周", TP_ENOYEAR);
	expect_status("7月15日", TP_ENOYEAR);
	expect_status("2月29日", TP_ENOYEAR);
	expect_status("前7个月", TP_ENOYEAR);
	/* ... and not when no year would make it one. */
	expect_status("13月", TP_ESYNTAX);
	expect_status("7-1月", TP_ESYNTAX);
	expect_status("1-7", TP_ESYNTAX);
	expect_status("7", TP_ESYNTAX);
	expect_status("07", TP_ESYNTAX);
	expect_status("7月累计", TP_ESYNTAX);
	expect_status("2月30日", TP_ESYNTAX);
	expect_status("度", TP_ESYNTAX);
	expect_status("至2023年", TP_ESYNTAX);
	expect_status("22年7月", TP_ESYNTAX);
	expect_status("年7月", TP_ESYNTAX);
	expect_status("20220年7月", TP_ESYNTAX);
	expect_status("2022年7月 1-7月", TP_ESYNTAX);
	expect_status("Q3", TP_ESYNTAX);
	expect_status("-07", TP_ESYNTAX);
}

/* tp_trim drops the whitespace tp_parse ignores, and nothing else. */
static void
test_trim(void)
{
	const char *s = " \t　2022 年 7月\xc2\xa0 ";
	size_t		len = strlen(s);
	const char *e = "";
	size_t		elen = 0;

	tp_trim(&s, &len);
	CHECK_INT(len, strlen("2022 年 7月"));
	CHECK(memcmp(s, "2022 年 7月", len) == 0);
	tp_trim(&e, &elen);
	CHECK_INT(elen, 0);
	e = "　 ";
	elen = strlen(e);
	tp_trim(&e, &elen);
	CHECK_INT(elen, 0);
}

static void
test_buffers(void)
{
	tp_period	p = 0;
	char		buf[TP_TEXT_MAX];
	size_t		len = 99;

	CHECK_INT(parse_str("2022-07", &p), TP_OK);
	/* "2022-07" needs 8 bytes with the NUL. */
	memset(buf, 'x', sizeof(buf));
	CHECK_INT(tp_format(p, buf, 8, &len), TP_OK);
	CHECK_STR(buf, "2022-07");
	CHECK_INT(len, 7);
	memset(buf, 'x', sizeof(buf));
	CHECK_INT(tp_format(p, buf, 7, &len), TP_EBUF);
	CHECK_INT(buf[0], '\0');
	CHECK_INT(buf[7], 'x');
	CHECK_INT(len, 0);
	CHECK_INT(tp_format(p, buf, 1, &len), TP_EBUF);
	CHECK_INT(buf[0], '\0');
	CHECK_INT(tp_format(p, NULL, 0, &len), TP_EBUF);
	CHECK_INT(tp_format(p, buf, sizeof(buf), NULL), TP_OK);
	/* "2022年7月" is 11 bytes. */
	CHECK_INT(tp_label(p, TP_LANG_ZH, buf, 12, &len), TP_OK);
	CHECK_INT(len, 11);
	CHECK_INT(tp_label(p, TP_LANG_ZH, buf, 11, &len), TP_EBUF);
	CHECK_INT(buf[0], '\0');
	CHECK_INT(tp_label(p, TP_LANG_EN, buf, 3, &len), TP_EBUF);
	CHECK_INT(buf[0], '\0');

	/* An invalid value writes nothing and reports why. */
	CHECK(tp_format(-1, buf, sizeof(buf), &len) != TP_OK);
	CHECK_INT(buf[0], '\0');
	CHECK(tp_label(((int64_t) 5 << 25) | ((int64_t) 3 << 3) | 7,
				   TP_LANG_ZH, buf, sizeof(buf), &len) != TP_OK);
	CHECK_INT(buf[0], '\0');
	CHECK(tp_label(p, (tp_lang) 7, buf, sizeof(buf), &len) != TP_OK);
	CHECK_INT(buf[0], '\0');
}

/* p's canonical text and zh label parse back to p; en label is written. */
static int
round_trip(tp_period p)
{
	char		buf[TP_TEXT_MAX];
	size_t		len;
	tp_period	q;
	int			ok = 1;

	if (tp_format(p, buf, sizeof(buf), &len) != TP_OK ||
		tp_parse(buf, len, &q) != TP_OK || q != p)
	{
		fprintf(stderr, "  format round trip failed: \"%s\"\n", buf);
		ok = 0;
	}
	if (tp_label(p, TP_LANG_ZH, buf, sizeof(buf), &len) != TP_OK ||
		tp_parse(buf, len, &q) != TP_OK || q != p)
	{
		fprintf(stderr, "  zh label round trip failed: \"%s\" (%s)\n",
				buf, fmt(p));
		ok = 0;
	}
	if (tp_label(p, TP_LANG_EN, buf, sizeof(buf), &len) != TP_OK ||
		len == 0 || len != strlen(buf))
	{
		fprintf(stderr, "  en label failed: %s\n", fmt(p));
		ok = 0;
	}
	return ok;
}

/*
 * Units and spans of every grain: each edge of the calendar, then a
 * pseudo-random walk through it, with lengths from one unit to many, so
 * that same-year and cross-year spans both occur.
 */
static void
test_round_trips(void)
{
	static const int64_t lengths[] = {1, 2, 3, 4, 5, 7, 12, 13, 52, 53, 60, 400};
	uint64_t	rng = 12345;
	int			g;
	int			failures = 0;
	int			tried = 0;

	for (g = 0; g < TP_NGRAINS; g++)
	{
		int64_t		lo = tp_unit_of((tp_grain) g, 0);
		int64_t		hi = tp_unit_of((tp_grain) g, TP_DAY_MAX);
		int			i;
		size_t		k;

		if (!tp_unit_valid((tp_grain) g, hi))
			hi--;
		CHECK(tp_unit_valid((tp_grain) g, lo));
		CHECK(tp_unit_valid((tp_grain) g, hi));
		for (i = 0; i < 3000; i++)
		{
			int64_t		first;

			if (i < 60)
				first = lo + i;
			else if (i < 120)
				first = hi - (i - 60);
			else
			{
				rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
				first = lo + (int64_t) ((rng >> 33) % (uint64_t) (hi - lo + 1));
			}
			for (k = 0; k < sizeof(lengths) / sizeof(lengths[0]); k++)
			{
				tp_period	p;
				int64_t		last = first + lengths[k] - 1;

				if (last > hi)
					continue;
				if (tp_make((tp_grain) g, first, last, &p) != TP_OK)
				{
					failures++;
					continue;
				}
				tried++;
				if (!round_trip(p))
					failures++;
			}
		}
	}
	CHECK(tried > 100000);
	CHECK_INT(failures, 0);
}

/* Every week of some years around ISO edge cases, as units and spans. */
static void
test_week_edges(void)
{
	int			y;
	int			failures = 0;

	for (y = 1; y <= 9999; y += (y < 30 || y > 9970) ? 1 : 97)
	{
		int			w;
		int			nweeks = tp_iso_weeks_in_year(y);

		for (w = 1; w <= nweeks; w++)
		{
			char		text[32];
			tp_period	p;
			int			iy;
			int			iw;
			tp_status	st;

			snprintf(text, sizeof(text), "%04d-W%02d", y, w);
			st = parse_str(text, &p);
			if (y == 9999 && w == nweeks)
			{
				if (st != TP_ERANGE)
					failures++;
				continue;
			}
			if (st != TP_OK || strcmp(fmt(p), text) != 0)
			{
				failures++;
				continue;
			}
			tp_iso_week(tp_start(p), &iy, &iw);
			if (iy != y || iw != w || tp_ndays(p) != 7 || !round_trip(p))
				failures++;
		}
	}
	CHECK_INT(failures, 0);
}

int
main(void)
{
	test_canonical();
	test_variants();
	test_chinese();
	test_labels();
	test_rejections();
	test_bureau_forms();
	test_bureau_rejections();
	test_trim();
	test_buffers();
	test_round_trips();
	test_week_edges();
	return check_report("period_text");
}
