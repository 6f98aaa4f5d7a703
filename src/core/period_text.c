/*
 * period_text.c — the text forms of tracker.period: tp_parse (canonical,
 * compact and Chinese input), tp_format (canonical text) and tp_label
 * (published wording).
 *
 * Every form starts with a four-digit year and what follows it is short, so
 * the parser is a cursor over the bytes that tries the few forms in turn
 * from a saved position; a form counts only when it consumes the whole
 * input. Parsing only recognises the shape and collects the numbers; the
 * fields are checked afterwards (build), so a recognised form with an
 * impossible field, such as month 13, is a syntax error rather than a
 * reason to try some other reading of the text.
 *
 * Before that, fold() rewrites the text as bureaus type it into the bytes
 * the forms expect: full-width digits and punctuation become ASCII, and the
 * spaces between the tokens of a Chinese form go. The forms then see one
 * spelling of each token.
 */
#include <stdbool.h>
#include <string.h>

#include "period.h"

/* The Chinese words of the forms, in UTF-8. */
#define ZH_YEAR			"年"
#define ZH_MONTH		"月"
#define ZH_DAY			"日"
#define ZH_WEEK			"周"
#define ZH_QUARTER		"季度"
#define ZH_ORDINAL		"第"
#define ZH_FIRST_N		"前"	/* 前三季度: the first three quarters */
#define ZH_N_MONTHS		"个月"	/* 前7个月: counting months, not naming one */
#define ZH_TWO			"两"	/* "two" when counting: 前两季度 */
#define ZH_H1			"上半年"
#define ZH_H2			"下半年"
#define ZH_TO			"至"
#define ZH_MONTH_OF		"份"	/* 7月份: "the month of July" */
#define ZH_CUMULATIVE	"累计"	/* 1-7月累计: the total over the span */
#define ZH_YEAR_OF		"度"	/* 2022年度: the (reporting) year */
#define ZH_WHOLE_YEAR	"全年"	/* 2022年全年: the whole year */

/* The year a year-less text is tried with (leap, with an ISO week 53). */
#define NOYEAR_PROBE	"2020" ZH_YEAR

/* ---- parsing ---- */

typedef struct cursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} cursor;

/*
 * What a form says, before any check: both ends of the span (equal for a
 * single unit). num is the half, quarter, month or week number; day is the
 * day of the month. Fields a grain does not use are 1. For weeks, year is
 * the ISO week-year.
 */
typedef struct raw_period
{
	tp_grain	grain;
	int			year[2];
	int			num[2];
	int			day[2];
} raw_period;

typedef bool (*form_fn) (cursor *c, int year, raw_period *r);

/* Reads the part of a Chinese unit after the year: the number(s). */
typedef bool (*zh_unit_fn) (cursor *c, int *num, int *day);

static bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' ||
		ch == '\f' || ch == '\r';
}

static bool
at_end(const cursor *c)
{
	return c->pos == c->len;
}

static bool
match_literal(cursor *c, const char *lit)
{
	size_t		n = strlen(lit);

	if (c->len - c->pos < n || memcmp(c->s + c->pos, lit, n) != 0)
		return false;
	c->pos += n;
	return true;
}

/* An ASCII letter in either case; upper is the upper-case one. */
static bool
match_letter(cursor *c, char upper)
{
	char		ch;

	if (at_end(c))
		return false;
	ch = c->s[c->pos];
	if (ch != upper && ch != upper - 'A' + 'a')
		return false;
	c->pos++;
	return true;
}

/*
 * min_digits..max_digits decimal digits and no more, so that "2022-007" is
 * not month 7 and "2021-2023年" is not a month. Consumes nothing on failure.
 */
static bool
read_number(cursor *c, size_t min_digits, size_t max_digits, int *value)
{
	size_t		n = 0;
	int			v = 0;

	while (c->pos + n < c->len && is_digit(c->s[c->pos + n]))
	{
		if (n == max_digits)
			return false;
		v = v * 10 + (c->s[c->pos + n] - '0');
		n++;
	}
	if (n < min_digits)
		return false;
	c->pos += n;
	*value = v;
	return true;
}

static bool
read_year(cursor *c, int *year)
{
	return read_number(c, 4, 4, year);
}

/* "2022年", consuming nothing unless both are there. */
static bool
read_zh_year(cursor *c, int *year)
{
	size_t		save = c->pos;

	if (read_year(c, year) && match_literal(c, ZH_YEAR))
		return true;
	c->pos = save;
	return false;
}

/* The separators of Chinese spans. */
static bool
match_sep(cursor *c)
{
	static const char *const seps[] = {
		"-", "—", "–", "−", "~", "～", "〜", ZH_TO
	};
	size_t		i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		if (match_literal(c, seps[i]))
			return true;
	return false;
}

/*
 * Chinese numerals one to twelve: quarters are written 一..四, and 前N个月
 * may count up to 十二. Two-character numerals come before 十 so that 十二
 * is not read as 十 followed by junk.
 */
static bool
read_cn_numeral(cursor *c, int *value)
{
	static const struct
	{
		const char *text;
		int			value;
	}			numerals[] = {
		{"十一", 11}, {"十二", 12}, {"一", 1}, {"二", 2}, {"三", 3},
		{"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
		{"十", 10}
	};
	size_t		i;

	for (i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
	{
		if (match_literal(c, numerals[i].text))
		{
			*value = numerals[i].value;
			return true;
		}
	}
	return false;
}

/* A number in Chinese numerals or in one or two digits. */
static bool
read_zh_number(cursor *c, int *value, bool *in_cn)
{
	*in_cn = read_cn_numeral(c, value);
	return *in_cn || read_number(c, 1, 2, value);
}

static void
set_side(raw_period *r, int side, int year, int num, int day)
{
	r->year[side] = year;
	r->num[side] = num;
	r->day[side] = day;
}

static void
set_unit(raw_period *r, tp_grain g, int year, int num, int day)
{
	r->grain = g;
	set_side(r, 0, year, num, day);
	set_side(r, 1, year, num, day);
}

/*
 * Tries each form from the current position; true for the first that
 * consumes the rest of the input.
 */
static bool
try_forms(cursor *c, int year, const form_fn *forms, size_t nforms,
		  raw_period *r)
{
	size_t		start = c->pos;
	size_t		i;

	for (i = 0; i < nforms; i++)
	{
		c->pos = start;
		if (forms[i] (c, year, r) && at_end(c))
			return true;
	}
	c->pos = start;
	return false;
}

/* 2022, 2021..2023 */
static bool
iso_year(cursor *c, int year, raw_period *r)
{
	int			last = year;

	if (match_literal(c, "..") && !read_year(c, &last))
		return false;
	r->grain = TP_YEAR;
	set_side(r, 0, year, 1, 1);
	set_side(r, 1, last, 1, 1);
	return true;
}

/* 2022-H1, 2022Q3, 2022-w27, 2022-Q1..Q3, 2021-Q4..2022-Q2 */
static bool
iso_lettered(cursor *c, int year, raw_period *r)
{
	static const char letters[] = {'H', 'Q', 'W'};
	static const tp_grain grains[] = {TP_HALF, TP_QUARTER, TP_WEEK};
	size_t		i;
	int			num;
	int			year2 = year;
	int			num2;

	(void) match_literal(c, "-");
	for (i = 0; i < sizeof(letters); i++)
		if (match_letter(c, letters[i]))
			break;
	if (i == sizeof(letters) || !read_number(c, 1, 2, &num))
		return false;
	num2 = num;
	if (match_literal(c, ".."))
	{
		if (read_year(c, &year2))
			(void) match_literal(c, "-");
		if (!match_letter(c, letters[i]) || !read_number(c, 1, 2, &num2))
			return false;
	}
	r->grain = grains[i];
	set_side(r, 0, year, num, 1);
	set_side(r, 1, year2, num2, 1);
	return true;
}

/* 2022-07, 2022-7-5, 2022-01..07, 2022-06-01..09-08, 2021-11..2022-02 */
static bool
iso_month_day(cursor *c, int year, raw_period *r)
{
	int			month;
	int			day = 1;
	int			year2 = year;
	int			month2;
	int			day2;
	bool		is_day;

	if (!match_literal(c, "-") || !read_number(c, 1, 2, &month))
		return false;
	is_day = match_literal(c, "-");
	if (is_day && !read_number(c, 1, 2, &day))
		return false;
	month2 = month;
	day2 = day;
	if (match_literal(c, ".."))
	{
		if (read_year(c, &year2) && !match_literal(c, "-"))
			return false;
		if (!read_number(c, 1, 2, &month2))
			return false;
		if (is_day &&
			(!match_literal(c, "-") || !read_number(c, 1, 2, &day2)))
			return false;
	}
	r->grain = is_day ? TP_DAY : TP_MONTH;
	set_side(r, 0, year, month, day);
	set_side(r, 1, year2, month2, day2);
	return true;
}

/*
 * 2022.7, 2022/07, 2022.1-7, 2022/6/1, 2022.6.1-9.8, 2021.11-2022.2: months
 * and days after the year with one separator, '.' or '/', throughout. A
 * span's second side has the same fields and may repeat the year.
 */
static bool
dotted(cursor *c, int year, raw_period *r)
{
	char		sep[2] = {0, 0};
	int			month;
	int			day = 1;
	int			year2 = year;
	int			month2;
	int			day2;
	bool		is_day;
	size_t		save;

	if (at_end(c) || (c->s[c->pos] != '.' && c->s[c->pos] != '/'))
		return false;
	sep[0] = c->s[c->pos++];
	if (!read_number(c, 1, 2, &month))
		return false;
	is_day = match_literal(c, sep);
	if (is_day && !read_number(c, 1, 2, &day))
		return false;
	month2 = month;
	day2 = day;
	if (match_sep(c))
	{
		save = c->pos;
		if (!read_year(c, &year2) || !match_literal(c, sep))
		{
			c->pos = save;
			year2 = year;
		}
		if (!read_number(c, 1, 2, &month2))
			return false;
		if (is_day && (!match_literal(c, sep) || !read_number(c, 1, 2, &day2)))
			return false;
	}
	r->grain = is_day ? TP_DAY : TP_MONTH;
	set_side(r, 0, year, month, day);
	set_side(r, 1, year2, month2, day2);
	return true;
}

/* The end of a year after its 年: 2022年, 2022年度, 2022年全年. */
static void
skip_year_word(cursor *c)
{
	if (!match_literal(c, ZH_YEAR_OF))
		(void) match_literal(c, ZH_WHOLE_YEAR);
}

/* 2021-2023年, 2021-2023年度: the years share one 年. */
static bool
zh_year_range(cursor *c, int year, raw_period *r)
{
	int			last;

	if (!match_sep(c) || !read_year(c, &last) || !match_literal(c, ZH_YEAR))
		return false;
	(void) match_literal(c, ZH_YEAR_OF);
	r->grain = TP_YEAR;
	set_side(r, 0, year, 1, 1);
	set_side(r, 1, last, 1, 1);
	return true;
}

/* After "2022年": nothing, 度 or 全年, then nothing or 至2023年 (度, 全年) */
static bool
zh_year(cursor *c, int year, raw_period *r)
{
	int			last = year;

	skip_year_word(c);
	if (!at_end(c))
	{
		if (!match_sep(c) || !read_year(c, &last) ||
			!match_literal(c, ZH_YEAR))
			return false;
		skip_year_word(c);
	}
	r->grain = TP_YEAR;
	set_side(r, 0, year, 1, 1);
	set_side(r, 1, last, 1, 1);
	return true;
}

static bool
zh_half_unit(cursor *c, int *num, int *day)
{
	*day = 1;
	if (match_literal(c, ZH_H1))
		*num = 1;
	else if (match_literal(c, ZH_H2))
		*num = 2;
	else
		return false;
	return true;
}

/* 第三季度, 三季度, 第3季度, 3季度 */
static bool
zh_quarter_unit(cursor *c, int *num, int *day)
{
	bool		in_cn;

	*day = 1;
	(void) match_literal(c, ZH_ORDINAL);
	return read_zh_number(c, num, &in_cn) && match_literal(c, ZH_QUARTER);
}

/* 7月, 07月, 7月份 */
static bool
zh_month_unit(cursor *c, int *num, int *day)
{
	*day = 1;
	if (!read_number(c, 1, 2, num) || !match_literal(c, ZH_MONTH))
		return false;
	(void) match_literal(c, ZH_MONTH_OF);
	return true;
}

/* 第27周 (第 may be left out) */
static bool
zh_week_unit(cursor *c, int *num, int *day)
{
	*day = 1;
	(void) match_literal(c, ZH_ORDINAL);
	return read_number(c, 1, 2, num) && match_literal(c, ZH_WEEK);
}

/* 7月15日 */
static bool
zh_day_unit(cursor *c, int *num, int *day)
{
	return read_number(c, 1, 2, num) && match_literal(c, ZH_MONTH) &&
		read_number(c, 1, 2, day) && match_literal(c, ZH_DAY);
}

/*
 * A unit written out, optionally followed by a separator and a second unit
 * of the same grain, which may repeat the year: 6月至9月, 第四季度至2022年第一季度.
 * A span may end in 累计 (6月至9月累计); a single unit may not: 7月累计 is
 * read by some as July alone and by others as January to July.
 */
static bool
zh_unit_span(cursor *c, int year, tp_grain g, zh_unit_fn read_unit,
			 raw_period *r)
{
	int			num;
	int			day;
	int			year2 = year;

	if (!read_unit(c, &num, &day))
		return false;
	set_unit(r, g, year, num, day);
	if (at_end(c))
		return true;
	if (!match_sep(c))
		return false;
	(void) read_zh_year(c, &year2);
	if (!read_unit(c, &num, &day))
		return false;
	set_side(r, 1, year2, num, day);
	(void) match_literal(c, ZH_CUMULATIVE);
	return true;
}

/*
 * Two numbers sharing one suffix: 1-7月, 1-3季度, 一至三季度, 第二至第三季度,
 * 第23-36周. Months are plain digits; Chinese numerals only for quarters.
 * Months may be 1-7月份; any of them may end in 累计.
 */
static bool
zh_shared_suffix(cursor *c, int year, raw_period *r)
{
	bool		ordinal;
	bool		cn1;
	bool		cn2;
	int			first;
	int			last;
	tp_grain	g;

	ordinal = match_literal(c, ZH_ORDINAL);
	if (!read_zh_number(c, &first, &cn1) || !match_sep(c))
		return false;
	ordinal = match_literal(c, ZH_ORDINAL) || ordinal;
	if (!read_zh_number(c, &last, &cn2))
		return false;
	if (match_literal(c, ZH_QUARTER))
		g = TP_QUARTER;
	else if (!cn1 && !cn2 && !ordinal && match_literal(c, ZH_MONTH))
	{
		g = TP_MONTH;
		(void) match_literal(c, ZH_MONTH_OF);
	}
	else if (!cn1 && !cn2 && match_literal(c, ZH_WEEK))
		g = TP_WEEK;
	else
		return false;
	(void) match_literal(c, ZH_CUMULATIVE);
	r->grain = g;
	set_side(r, 0, year, first, 1);
	set_side(r, 1, year, last, 1);
	return true;
}

/*
 * 前三季度, 前两季度, 前7个月, 前7个月累计: the first n units of the year. n
 * must be at least 2: 前一季度 usually means "the previous quarter", not Q1.
 */
static bool
zh_first_n(cursor *c, int year, raw_period *r)
{
	int			n;
	bool		in_cn;

	if (!match_literal(c, ZH_FIRST_N))
		return false;
	if (match_literal(c, ZH_TWO))
		n = 2;
	else if (!read_zh_number(c, &n, &in_cn))
		return false;
	if (n < 2)
		return false;
	if (match_literal(c, ZH_QUARTER))
		r->grain = TP_QUARTER;
	else if (match_literal(c, ZH_N_MONTHS))
		r->grain = TP_MONTH;
	else
		return false;
	(void) match_literal(c, ZH_CUMULATIVE);
	set_side(r, 0, year, 1, 1);
	set_side(r, 1, year, n, 1);
	return true;
}

/* Everything that starts "2022年". */
static bool
zh_forms(cursor *c, int year, raw_period *r)
{
	static const struct
	{
		tp_grain	grain;
		zh_unit_fn	read_unit;
	}			units[] = {
		{TP_HALF, zh_half_unit},
		{TP_QUARTER, zh_quarter_unit},
		{TP_MONTH, zh_month_unit},
		{TP_WEEK, zh_week_unit},
		{TP_DAY, zh_day_unit}
	};
	static const form_fn others[] = {zh_year, zh_shared_suffix, zh_first_n};
	size_t		start;
	size_t		i;

	if (!match_literal(c, ZH_YEAR))
		return false;
	start = c->pos;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
	{
		c->pos = start;
		if (zh_unit_span(c, year, units[i].grain, units[i].read_unit, r) &&
			at_end(c))
			return true;
	}
	c->pos = start;
	return try_forms(c, year, others, sizeof(others) / sizeof(others[0]), r);
}

static bool
num_in_range(tp_grain g, int num)
{
	switch (g)
	{
		case TP_YEAR:
			return true;
		case TP_HALF:
			return num >= 1 && num <= 2;
		case TP_QUARTER:
			return num >= 1 && num <= 4;
		case TP_MONTH:
		case TP_DAY:
			return num >= 1 && num <= 12;
		case TP_WEEK:
			return num >= 1 && num <= 53;
	}
	return false;
}

/* The unit number of checked fields (see period.h for the numbering). */
static int64_t
unit_number(tp_grain g, int year, int num, int day)
{
	switch (g)
	{
		case TP_YEAR:
			return year;
		case TP_HALF:
			return 2 * (int64_t) year + num - 1;
		case TP_QUARTER:
			return 4 * (int64_t) year + num - 1;
		case TP_MONTH:
			return 12 * (int64_t) year + num - 1;
		case TP_WEEK:
			return tp_unit_of(TP_WEEK, tp_iso_year_start(year)) + num - 1;
		case TP_DAY:
			return tp_days_from_civil(year, num, day);
	}
	return -1;
}

/*
 * Impossible fields (month 13, 02-30, week 53 of a 52-week year) are syntax
 * errors; year 0000, or a week that runs past 9999-12-31, is out of range.
 * Month and week counts are checked after the year because they depend on
 * it and the calendar functions are meant for years in range.
 */
static tp_status
build(const raw_period *r, tp_period *out)
{
	int64_t		unit[2];
	int			i;

	for (i = 0; i < 2; i++)
		if (!num_in_range(r->grain, r->num[i]) ||
			r->day[i] < 1 || r->day[i] > 31)
			return TP_ESYNTAX;
	for (i = 0; i < 2; i++)
		if (r->year[i] < TP_YEAR_MIN || r->year[i] > TP_YEAR_MAX)
			return TP_ERANGE;
	for (i = 0; i < 2; i++)
	{
		if (r->grain == TP_DAY &&
			r->day[i] > tp_days_in_month(r->year[i], r->num[i]))
			return TP_ESYNTAX;
		if (r->grain == TP_WEEK &&
			r->num[i] > tp_iso_weeks_in_year(r->year[i]))
			return TP_ESYNTAX;
		unit[i] = unit_number(r->grain, r->year[i], r->num[i], r->day[i]);
	}
	if (unit[1] < unit[0])
		return TP_ESYNTAX;
	return tp_make(r->grain, unit[0], unit[1], out);
}

/*
 * The length of the whitespace at s[0..len): an ASCII space or control, the
 * ideographic space U+3000, the no-break space U+00A0; 0 if none.
 */
static size_t
space_at(const char *s, size_t len)
{
	if (len >= 1 && is_space(s[0]))
		return 1;
	if (len >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (len >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

/* The length of the whitespace that ends s[0..len); 0 if none. */
static size_t
space_before(const char *s, size_t len)
{
	if (len >= 1 && is_space(s[len - 1]))
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

void
tp_trim(const char **s, size_t *len)
{
	size_t		n;

	if (*s == NULL)
	{
		*len = 0;
		return;
	}
	while ((n = space_at(*s, *len)) > 0)
	{
		*s += n;
		*len -= n;
	}
	while ((n = space_before(*s, *len)) > 0)
		*len -= n;
}

/*
 * The full-width forms (U+FF01..FF5E are EF BC 81..BF, EF BD 80..9E) that
 * read as ASCII: digits ０..９ and the separators －．／. Returns the ASCII
 * byte, or 0.
 */
static char
fullwidth_at(const char *s, size_t len)
{
	unsigned char b;

	if (len < 3 || (unsigned char) s[0] != 0xEF || (unsigned char) s[1] != 0xBC)
		return 0;
	b = (unsigned char) s[2];
	if (b >= 0x90 && b <= 0x99)
		return (char) ('0' + (b - 0x90));
	if (b == 0x8D)
		return '-';
	if (b == 0x8E)
		return '.';
	if (b == 0x8F)
		return '/';
	return 0;
}

/*
 * The length of the well-formed UTF-8 character of two to four bytes at
 * s[0..len), 0 if there is none: a bad lead or continuation byte, a
 * truncated, overlong or surrogate sequence, or one past U+10FFFF.
 */
static size_t
utf8_char_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		n;
	size_t		i;
	unsigned char lo = 0x80;
	unsigned char hi = 0xBF;

	if (len == 0)
		return 0;
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		n = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
	{
		n = 3;
		if (u[0] == 0xE0)
			lo = 0xA0;			/* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F;			/* surrogates */
	}
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
	{
		n = 4;
		if (u[0] == 0xF0)
			lo = 0x90;			/* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F;			/* past U+10FFFF */
	}
	else
		return 0;
	if (len < n || u[1] < lo || u[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (u[i] < 0x80 || u[i] > 0xBF)
			return 0;
	return n;
}

/*
 * Writes s (trimmed, at most TP_PARSE_MAX bytes) to out as the forms read
 * it: full-width digits and －．／ as ASCII, each run of whitespace as one
 * space at first. Then, if the text has words (any byte beyond ASCII: 年,
 * 月, a Unicode dash), the spaces between its tokens go, except between
 * two digits, which would join two numbers into one. In an ASCII text the
 * spaces stay, and the forms reject them as before. Sets *out_len; false
 * for text that is not well-formed UTF-8 (which could otherwise lose a
 * space between two halves of a character and become a word). Folding
 * never lengthens, so out needs len bytes.
 */
static bool
fold(const char *s, size_t len, char *out, size_t *out_len)
{
	size_t		i = 0;
	size_t		n = 0;
	size_t		k;
	size_t		m = 0;
	bool		words = false;
	char		ch;

	while (i < len)
	{
		if ((k = space_at(s + i, len - i)) > 0)
		{
			if (n == 0 || out[n - 1] != ' ')
				out[n++] = ' ';
			i += k;
		}
		else if ((ch = fullwidth_at(s + i, len - i)) != 0)
		{
			out[n++] = ch;
			i += 3;
		}
		else if ((unsigned char) s[i] < 0x80)
			out[n++] = s[i++];
		else
		{
			if ((k = utf8_char_at(s + i, len - i)) == 0)
				return false;
			memcpy(out + n, s + i, k);
			n += k;
			i += k;
			words = true;
		}
	}
	*out_len = n;
	if (!words)
		return true;
	for (i = 0; i < n; i++)
	{
		/* A trimmed text neither starts nor ends with a space. */
		if (out[i] == ' ' && i > 0 && i + 1 < n &&
			!(is_digit(out[m - 1]) && is_digit(out[i + 1])))
			continue;
		out[m++] = out[i];
	}
	*out_len = m;
	return true;
}

/* Parses folded text, every byte of it. */
static tp_status
parse_folded(const char *s, size_t len, tp_period *out)
{
	static const form_fn forms[] = {
		iso_year, iso_lettered, iso_month_day, dotted, zh_year_range,
		zh_forms
	};
	cursor		c;
	raw_period	r;
	int			year;

	c.s = s;
	c.len = len;
	c.pos = 0;
	if (!read_year(&c, &year) ||
		!try_forms(&c, year, forms, sizeof(forms) / sizeof(forms[0]), &r))
		return TP_ESYNTAX;
	return build(&r, out);
}

/*
 * 1-7月, 7月份, 第三季度: text that does not start with a year but would be
 * a period of a grain finer than the year after one. (A year alone, as in
 * 度 or 至2023年, is not a period without its year.)
 */
static bool
lacks_year(const char *s, size_t len)
{
	char		buf[sizeof(NOYEAR_PROBE) - 1 + TP_PARSE_MAX];
	size_t		probe = sizeof(NOYEAR_PROBE) - 1;
	cursor		c;
	int			year;
	tp_period	p;

	c.s = s;
	c.len = len;
	c.pos = 0;
	if (len == 0 || len > TP_PARSE_MAX || read_year(&c, &year))
		return false;
	memcpy(buf, NOYEAR_PROBE, probe);
	memcpy(buf + probe, s, len);
	return parse_folded(buf, probe + len, &p) == TP_OK &&
		tp_grain_of(p) != TP_YEAR;
}

tp_status
tp_parse(const char *s, size_t len, tp_period *out)
{
	char		buf[TP_PARSE_MAX];
	size_t		n;
	tp_status	st;

	if (s == NULL)
		return TP_ESYNTAX;
	tp_trim(&s, &len);
	if (len == 0 || len > TP_PARSE_MAX)
		return TP_ESYNTAX;
	if (!fold(s, len, buf, &n))
		return TP_ESYNTAX;
	st = parse_folded(buf, n, out);
	if (st == TP_ESYNTAX && lacks_year(buf, n))
		return TP_ENOYEAR;
	return st;
}

/* ---- formatting ---- */

/* Output that never writes past cap and always leaves room for the NUL. */
typedef struct outbuf
{
	char	   *buf;
	size_t		cap;
	size_t		len;
	bool		overflow;
} outbuf;

/* Fields of one unit: year (ISO week-year for weeks), number, day. */
typedef struct fields
{
	int			year;
	int			num;
	int			day;
} fields;

/* A period taken apart for writing. */
typedef struct decoded
{
	tp_grain	grain;
	fields		first;
	fields		last;
	bool		span;
	bool		same_year;
} decoded;

static const char *const en_months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static const char *const cn_quarters[4] = {"一", "二", "三", "四"};

static void
put_str(outbuf *o, const char *s)
{
	size_t		n = strlen(s);

	if (o->overflow || o->cap - o->len <= n)
	{
		o->overflow = true;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* v in decimal, zero-padded to width digits. */
static void
put_num(outbuf *o, int v, int width)
{
	char		tmp[16];
	int			i = sizeof(tmp) - 1;

	/* Only a corrupt value could be negative; write 0 rather than garbage. */
	if (v < 0)
		v = 0;
	tmp[i] = '\0';
	do
	{
		tmp[--i] = (char) ('0' + v % 10);
		v /= 10;
		width--;
	} while ((v > 0 || width > 0) && i > 0);
	put_str(o, tmp + i);
}

static const char *
en_month(int m)
{
	return (m >= 1 && m <= 12) ? en_months[m - 1] : "???";
}

static const char *
cn_quarter(int q)
{
	return (q >= 1 && q <= 4) ? cn_quarters[q - 1] : "?";
}

static void
decode_unit(tp_grain g, int64_t unit, fields *f)
{
	f->year = 0;
	f->num = 1;
	f->day = 1;
	switch (g)
	{
		case TP_YEAR:
			f->year = (int) unit;
			break;
		case TP_HALF:
			f->year = (int) (unit / 2);
			f->num = (int) (unit % 2) + 1;
			break;
		case TP_QUARTER:
			f->year = (int) (unit / 4);
			f->num = (int) (unit % 4) + 1;
			break;
		case TP_MONTH:
			f->year = (int) (unit / 12);
			f->num = (int) (unit % 12) + 1;
			break;
		case TP_WEEK:
			tp_iso_week(tp_unit_start(TP_WEEK, unit), &f->year, &f->num);
			break;
		case TP_DAY:
			tp_civil_from_days((tp_day) unit, &f->year, &f->num, &f->day);
			break;
	}
}

/*
 * The units are decoded only from a value tp_check accepts, which keeps
 * every field in range for the tables above.
 */
static tp_status
decode(tp_period p, decoded *d)
{
	tp_status	st = tp_check(p);

	if (st != TP_OK)
		return st;
	d->grain = tp_grain_of(p);
	decode_unit(d->grain, tp_first_unit(p), &d->first);
	decode_unit(d->grain, tp_last_unit(p), &d->last);
	d->span = tp_first_unit(p) != tp_last_unit(p);
	d->same_year = d->first.year == d->last.year;
	return TP_OK;
}

static void
outbuf_init(outbuf *o, char *buf, size_t cap)
{
	o->buf = buf;
	o->cap = buf == NULL ? 0 : cap;
	o->len = 0;
	o->overflow = false;
}

/* On any failure the caller gets an empty string, never a truncated text. */
static tp_status
outbuf_finish(outbuf *o, tp_status st, size_t *len)
{
	if (st == TP_OK && (o->overflow || o->cap == 0))
		st = TP_EBUF;
	if (st != TP_OK)
		o->len = 0;
	if (o->cap > 0)
		o->buf[o->len] = '\0';
	if (len != NULL)
		*len = o->len;
	return st;
}

/* 2022-07-15 with the year, 07-15 without. */
static void
iso_unit(outbuf *o, tp_grain g, const fields *f, bool with_year)
{
	if (with_year)
	{
		put_num(o, f->year, 4);
		if (g == TP_YEAR)
			return;
		put_str(o, "-");
	}
	switch (g)
	{
		case TP_YEAR:
			break;
		case TP_HALF:
			put_str(o, "H");
			put_num(o, f->num, 1);
			break;
		case TP_QUARTER:
			put_str(o, "Q");
			put_num(o, f->num, 1);
			break;
		case TP_MONTH:
			put_num(o, f->num, 2);
			break;
		case TP_WEEK:
			put_str(o, "W");
			put_num(o, f->num, 2);
			break;
		case TP_DAY:
			put_num(o, f->num, 2);
			put_str(o, "-");
			put_num(o, f->day, 2);
			break;
	}
}

tp_status
tp_format(tp_period p, char *buf, size_t cap, size_t *len)
{
	outbuf		o;
	decoded		d;
	tp_status	st;

	outbuf_init(&o, buf, cap);
	st = decode(p, &d);
	if (st == TP_OK)
	{
		iso_unit(&o, d.grain, &d.first, true);
		if (d.span)
		{
			put_str(&o, "..");
			iso_unit(&o, d.grain, &d.last,
					 d.grain == TP_YEAR || !d.same_year);
		}
	}
	return outbuf_finish(&o, st, len);
}

static void
zh_year_text(outbuf *o, int year)
{
	put_num(o, year, 4);
	put_str(o, ZH_YEAR);
}

/* The unit after its year: 上半年, 第三季度, 7月, 第27周, 7月15日. */
static void
zh_unit(outbuf *o, tp_grain g, const fields *f)
{
	switch (g)
	{
		case TP_YEAR:
			break;
		case TP_HALF:
			put_str(o, f->num == 1 ? ZH_H1 : ZH_H2);
			break;
		case TP_QUARTER:
			put_str(o, ZH_ORDINAL);
			put_str(o, cn_quarter(f->num));
			put_str(o, ZH_QUARTER);
			break;
		case TP_MONTH:
			put_num(o, f->num, 1);
			put_str(o, ZH_MONTH);
			break;
		case TP_WEEK:
			put_str(o, ZH_ORDINAL);
			put_num(o, f->num, 1);
			put_str(o, ZH_WEEK);
			break;
		case TP_DAY:
			put_num(o, f->num, 1);
			put_str(o, ZH_MONTH);
			put_num(o, f->day, 1);
			put_str(o, ZH_DAY);
			break;
	}
}

static void
zh_label(outbuf *o, const decoded *d)
{
	const fields *a = &d->first;
	const fields *b = &d->last;

	zh_year_text(o, a->year);
	if (!d->span)
	{
		zh_unit(o, d->grain, a);
		return;
	}
	if (d->grain == TP_YEAR || !d->same_year)
	{
		zh_unit(o, d->grain, a);
		put_str(o, ZH_TO);
		zh_year_text(o, b->year);
		zh_unit(o, d->grain, b);
		return;
	}
	switch (d->grain)
	{
		case TP_QUARTER:
			/* The customary names of the year-to-date quarters. */
			if (a->num == 1 && (b->num == 2 || b->num == 3))
			{
				put_str(o, ZH_FIRST_N);
				put_str(o, b->num == 2 ? ZH_TWO : cn_quarter(3));
				put_str(o, ZH_QUARTER);
				return;
			}
			break;
		case TP_MONTH:
			put_num(o, a->num, 1);
			put_str(o, "-");
			put_num(o, b->num, 1);
			put_str(o, ZH_MONTH);
			return;
		case TP_WEEK:
			put_str(o, ZH_ORDINAL);
			put_num(o, a->num, 1);
			put_str(o, "-");
			put_num(o, b->num, 1);
			put_str(o, ZH_WEEK);
			return;
		default:
			break;
	}
	zh_unit(o, d->grain, a);
	put_str(o, ZH_TO);
	zh_unit(o, d->grain, b);
}

/* The unit without its year: H1, Q3, Jul, W27, 15 Jul. */
static void
en_unit(outbuf *o, tp_grain g, const fields *f)
{
	switch (g)
	{
		case TP_YEAR:
			break;
		case TP_HALF:
			put_str(o, "H");
			put_num(o, f->num, 1);
			break;
		case TP_QUARTER:
			put_str(o, "Q");
			put_num(o, f->num, 1);
			break;
		case TP_MONTH:
			put_str(o, en_month(f->num));
			break;
		case TP_WEEK:
			put_str(o, "W");
			put_num(o, f->num, 2);
			break;
		case TP_DAY:
			put_num(o, f->day, 1);
			put_str(o, " ");
			put_str(o, en_month(f->num));
			break;
	}
}

static void
en_label(outbuf *o, const decoded *d)
{
	const fields *a = &d->first;
	const fields *b = &d->last;

	if (d->grain == TP_YEAR)
	{
		put_num(o, a->year, 4);
		if (d->span)
		{
			put_str(o, "-");
			put_num(o, b->year, 4);
		}
		return;
	}
	en_unit(o, d->grain, a);
	if (d->span && !d->same_year)
	{
		put_str(o, " ");
		put_num(o, a->year, 4);
	}
	if (d->span)
	{
		put_str(o, "-");
		en_unit(o, d->grain, b);
	}
	put_str(o, " ");
	put_num(o, b->year, 4);
}

tp_status
tp_label(tp_period p, tp_lang lang, char *buf, size_t cap, size_t *len)
{
	outbuf		o;
	decoded		d;
	tp_status	st;

	outbuf_init(&o, buf, cap);
	st = decode(p, &d);
	if (st == TP_OK)
	{
		if (lang == TP_LANG_ZH)
			zh_label(&o, &d);
		else if (lang == TP_LANG_EN)
			en_label(&o, &d);
		else
			st = TP_EARG;
	}
	return outbuf_finish(&o, st, len);
}
