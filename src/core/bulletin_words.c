/*
 * bulletin_words.c — the words of the 通报: the text builder, figures as
 * printed, period labels without the year, area words, rank words and the
 * growth clause (bulletin.h says what; bulletin_sentence.c says where they
 * go).
 */
#include "bulletin_int.h"

#include <stdio.h>
#include <string.h>

void
tb_text_init(tb_text *t, char *buf, size_t cap)
{
	t->buf = buf;
	t->cap = cap;
	t->len = 0;
	if (cap > 0)
		buf[0] = '\0';
}

void
tb_putn(tb_text *t, const char *s, size_t n)
{
	if (t->len < t->cap)
	{
		size_t		room = t->cap - t->len;

		memcpy(t->buf + t->len, s, n < room ? n : room);
	}
	t->len += n;
}

void
tb_put(tb_text *t, const char *s)
{
	if (s != NULL)
		tb_putn(t, s, strlen(s));
}

tr_status
tb_text_finish(tb_text *t, size_t *len)
{
	if (len != NULL)
		*len = t->len;
	if (t->len >= t->cap)
	{
		if (t->cap > 0)
			t->buf[0] = '\0';
		return TR_EBUF;
	}
	t->buf[t->len] = '\0';
	return TR_OK;
}

tr_status
tb_text_fail(char *buf, size_t cap, tr_status st)
{
	if (cap > 0)
		buf[0] = '\0';
	return st;
}

/* Powers of ten for the fast path of tb_fmt_fixed. */
static const double pow10_fmt[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

/*
 * r, already rounded to `decimals` (0..8), as "%.*f" prints it, without
 * snprintf (the 通报 prints several figures a row; snprintf of a double
 * is most of a sentence's cost). r is the double nearest k / 10^decimals
 * for an integer k; below 1e15 in magnitude r * 10^decimals is within a
 * quarter of k, so llround gives k, and "%.*f" prints k's digits too (r
 * is off k / 10^d by far less than half a printed unit). false when out
 * of that range: the caller uses snprintf.
 */
static bool
fmt_fixed_fast(double r, int decimals, char out[TB_NUM_MAX])
{
	double		y;
	long long	k;
	char		digits[24];
	int			n = 0;
	char	   *o = out;

	if (decimals < 0 || decimals > 8)
		return false;
	y = r * pow10_fmt[decimals];
	if (!(fabs(y) < 1e15))
		return false;
	k = llround(y);
	if (k < 0)
	{
		*o++ = '-';
		k = -k;
	}
	do
	{
		digits[n++] = (char) ('0' + k % 10);
		k /= 10;
	} while (k > 0);
	while (n <= decimals)
		digits[n++] = '0';
	while (n > 0)
	{
		if (n == decimals)
			*o++ = '.';
		*o++ = digits[--n];
	}
	*o = '\0';
	return true;
}

/* C locale: %f writes a '.' (rates.h). */
void
tb_fmt_fixed(double x, int decimals, char out[TB_NUM_MAX])
{
	double		r = x;

	if (tr_round_half_even(x, decimals, &r) != TR_OK)
		r = x;
	else if (fmt_fixed_fast(r + 0.0, decimals, out))	/* -0 prints as 0 */
		return;
	snprintf(out, TB_NUM_MAX, "%.*f", decimals > 0 ? decimals : 0, r + 0.0);
}

void
tb_put_figure(tb_text *t, const char *num, const char *unit, tp_lang lang)
{
	tb_put(t, num);
	if (unit == NULL || unit[0] == '\0')
		return;
	if (lang == TP_LANG_EN && strcmp(unit, "%") != 0)
		tb_put(t, " ");
	tb_put(t, unit);
}

void
tb_put_int(tb_text *t, int64_t n)
{
	char		s[32];
	char	   *o = s + sizeof(s);
	uint64_t	u = n < 0 ? (uint64_t) 0 - (uint64_t) n : (uint64_t) n;

	do
	{
		*--o = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (n < 0)
		*--o = '-';
	tb_putn(t, o, (size_t) (s + sizeof(s) - o));
}

void
tb_put_ordinal(tb_text *t, int32_t n)
{
	int32_t		h = n % 100;
	int32_t		d = n % 10;

	tb_put_int(t, n);
	if (h >= 11 && h <= 13)
		tb_put(t, "th");
	else
		tb_put(t, d == 1 ? "st" : d == 2 ? "nd" : d == 3 ? "rd" : "th");
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		n = strlen(s);
	size_t		m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* The area words, zh and en, in the order tb_area_word tries them. */
static const char *const areas[][3] = {
	{"自治区", "全省", "the province"},
	{"省", "全省", "the province"},
	{"区", "全区", "the district"},
	{"县", "全县", "the county"},
	{"市", "全市", "the city"},
};

void
tb_area_word(const char *parent_name, tp_lang lang, char *buf, size_t cap)
{
	const char *w = lang == TP_LANG_EN ? "the city" : "全市";
	size_t		i;
	size_t		n;

	if (parent_name != NULL)
		for (i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
			if (ends_with(parent_name, areas[i][0]))
			{
				w = areas[i][lang == TP_LANG_EN ? 2 : 1];
				break;
			}
	if (cap == 0)
		return;
	n = strlen(w);
	if (n >= cap)
		n = 0;
	memcpy(buf, w, n);
	buf[n] = '\0';
}

/*
 * style->area verbatim in Chinese; in English the four Chinese area words
 * become "the city"..., anything else is kept.
 */
void
tb_area_of(const tb_style *style, const char *parent_name,
		   char out[TB_AREA_MAX * 4])
{
	size_t		i;

	if (style->area == NULL)
	{
		tb_area_word(parent_name, style->lang, out, TB_AREA_MAX);
		return;
	}
	if (style->lang == TP_LANG_EN)
		for (i = 1; i < sizeof(areas) / sizeof(areas[0]); i++)
			if (strcmp(style->area, areas[i][1]) == 0)
			{
				snprintf(out, TB_AREA_MAX * 4, "%s", areas[i][2]);
				return;
			}
	snprintf(out, TB_AREA_MAX * 4, "%s", style->area);
}

/* How many times a digit is followed by 年 (zh), or a run of 4 digits
 * occurs (en): the years a label names. */
static int
years_named(const char *s, tp_lang lang)
{
	int			count = 0;
	int			run = 0;
	const char *c;

	for (c = s; *c; c++)
	{
		if (*c >= '0' && *c <= '9')
			run++;
		else
		{
			if (lang == TP_LANG_ZH ? (run > 0 && strncmp(c, "年", 3) == 0) : run == 4)
				count++;
			run = 0;
		}
	}
	if (lang == TP_LANG_EN && run == 4)
		count++;
	return count;
}

/* The label of p in lang into buf (TP_TEXT_MAX bytes); 0 when invalid. */
static int
period_label(tp_period p, tp_lang lang, char *buf)
{
	char		full[TP_TEXT_MAX];
	char		year[16];
	size_t		n;
	size_t		y;
	const char *s;
	tb_text		t;

	if ((lang != TP_LANG_ZH && lang != TP_LANG_EN) || tp_check(p) != TP_OK ||
		tp_label(p, lang, full, sizeof(full), &n) != TP_OK)
		return 0;
	tb_text_init(&t, buf, TP_TEXT_MAX);
	s = full;
	if (years_named(full, lang) == 1)
	{
		snprintf(year, sizeof(year), "%d", tp_year(p));
		y = strlen(year);
		if (lang == TP_LANG_ZH && strncmp(full, year, y) == 0 &&
			strncmp(full + y, "年", 3) == 0)
		{
			s = full + y + 3;
			/* 第一季度 → 一季度: a quarter as bulletins name it */
			if (strlen(s) == 12 && strncmp(s, "第", 3) == 0 && ends_with(s, "季度"))
				s += 3;
			if (*s == '\0')
				s = "全年";
		}
		else if (lang == TP_LANG_EN && n >= y && strcmp(full + n - y, year) == 0)
		{
			if (n == y)
				s = "Full year";
			else if (n > y && full[n - y - 1] == ' ')
				full[n - y - 1] = '\0';
		}
	}
	tb_put(&t, s);
	return tb_text_finish(&t, NULL) == TR_OK;
}

/*
 * The labels last made. A 通报 writes the same two for every region, its
 * report period's and its targets' (1-7月 … 完成全年目标), and making one
 * takes the calendar through tp_label: made anew for each of 60,000
 * sentences they took 31 ms of the 45 ms the bulletin spent beyond its
 * board.
 */
#define LABELS_KEPT 4

static struct
{
	int			valid;
	tp_period	p;
	tp_lang		lang;
	char		label[TP_TEXT_MAX];
}			labels[LABELS_KEPT];
static int	labels_next;

tr_status
tb_period_label(tp_period p, tp_lang lang, char *buf, size_t cap, size_t *len)
{
	tb_text		t;
	int			k;

	for (k = 0; k < LABELS_KEPT; k++)
		if (labels[k].valid && labels[k].p == p && labels[k].lang == lang)
			break;
	if (k == LABELS_KEPT)
	{
		k = labels_next;
		labels[k].valid = 0;	/* until its label is made */
		if (!period_label(p, lang, labels[k].label))
			return tb_text_fail(buf, cap, TR_EARG);
		labels[k].valid = 1;
		labels[k].p = p;
		labels[k].lang = lang;
		labels_next = (k + 1) % LABELS_KEPT;
	}
	tb_text_init(&t, buf, cap);
	tb_put(&t, labels[k].label);
	return tb_text_finish(&t, len);
}

/*
 * The growth clause. One source of truth: the row's growth as read (the
 * number the board shows and ranks), worded as describe_growth words it;
 * the words for a base at or below zero, or a value below zero (扭亏为盈,
 * 由盈转亏, 减亏, 增亏, 新增), from value and base as describe_growth
 * gives them. A ratio: its change in points, as describe_change.
 */
tr_status
tb_growth_words(const tb_row *row, tb_kind kind, tp_lang lang,
				char out[TR_DESCRIBE_MAX], int *dir)
{
	const tb_readings *r = &row->r;
	double		shown;
	double		multiple;
	tr_status	st;

	out[0] = '\0';
	if (kind == TB_RATIO)
	{
		double		d;

		if (r->has_growth)
			st = tr_describe_change(r->growth, 0.0, lang, out, TR_DESCRIBE_MAX, NULL);
		else if (r->has_value && r->has_base)
			st = tr_describe_change(r->value, r->base, lang, out, TR_DESCRIBE_MAX, NULL);
		else
			return TR_NULL;
		if (st != TR_OK)
			return st == TR_EBUF ? TR_EOVERFLOW : st;
		d = r->has_growth ? r->growth : r->value - r->base;
		if (!isfinite(d))
			d = r->value > r->base ? 1.0 : -1.0;
		(void) tr_round_half_even(d, 1, &shown);
		*dir = shown > 0.0 ? 1 : shown < 0.0 ? -1 : 0;
		return TR_OK;
	}
	if (r->has_value && r->has_base &&
		(r->base <= 0.0 || r->value < 0.0 || !r->has_growth))
	{
		st = tr_describe_growth(r->value, r->base, lang, out, TR_DESCRIBE_MAX, NULL);
		if (st != TR_OK)
			return st == TR_EBUF ? TR_EOVERFLOW : st;
		if (r->base < 0.0)
			*dir = r->value > r->base ? 1 : r->value == r->base ? 0 : -1;
		else if (r->base == 0.0)
			*dir = r->value > 0.0 ? 1 : r->value == 0.0 ? 0 : -1;
		else if (r->value < 0.0)
			*dir = -1;
		else
		{
			double		g;

			if (tr_growth(r->value, r->base, &g) != TR_OK)
				g = 0.0;
			(void) tr_round_half_even(g, 1, &shown);
			*dir = shown > 0.0 ? 1 : shown < 0.0 ? -1 : 0;
		}
		return TR_OK;
	}
	if (!r->has_growth)
		return TR_NULL;
	/* describe_growth's rules, from the growth as read */
	(void) tr_round_half_even(r->growth, 1, &shown);
	if (shown == 0.0)
	{
		*dir = 0;
		snprintf(out, TR_DESCRIBE_MAX, "%s", lang == TP_LANG_EN ? "flat" : "持平");
		return TR_OK;
	}
	*dir = shown > 0.0 ? 1 : -1;
	{
		char		num[TB_NUM_MAX];
		tb_text		t;

		tb_text_init(&t, out, TR_DESCRIBE_MAX);
		if (shown >= 100.0)
		{
			(void) tr_round_half_even(r->growth / 100.0, 1, &multiple);
			tb_fmt_fixed(multiple, 1, num);
			tb_put(&t, lang == TP_LANG_EN ? "up " : "增长");
			tb_put(&t, num);
			tb_put(&t, lang == TP_LANG_EN ? " times" : "倍");
		}
		else
		{
			tb_fmt_fixed(fabs(shown), 1, num);
			tb_put(&t, lang == TP_LANG_EN ? (shown > 0.0 ? "up " : "down ")
				   : (shown > 0.0 ? "增长" : "下降"));
			tb_put(&t, num);
			tb_put(&t, "%");
		}
		if (tb_text_finish(&t, NULL) != TR_OK)
			return TR_EOVERFLOW;
	}
	return TR_OK;
}

void
tb_put_rank(tb_text *t, const tb_style *style, const char *area,
			int32_t rank, int32_t tied)
{
	if (style->lang == TP_LANG_EN)
	{
		if (tied > 1)
			tb_put(t, "joint ");
		tb_put_ordinal(t, rank);
		tb_put(t, " in ");
		tb_put(t, area);
		return;
	}
	tb_put(t, tied > 1 ? "并列" : "居");
	tb_put(t, area);
	if (rank == 1 && !style->first_as_place)
		tb_put(t, style->first_as_number ? "第一" : "首位");
	else
	{
		tb_put(t, "第");
		tb_put_int(t, rank);
		tb_put(t, "位");
	}
}

void
tb_put_growth_figure(tb_text *t, double growth, tb_kind kind, tp_lang lang)
{
	char		num[TB_NUM_MAX];

	tb_fmt_fixed(growth, 1, num);
	tb_put(t, num);
	if (kind == TB_RATIO)
		tb_put(t, lang == TP_LANG_EN ? " points" : "个百分点");
	else
		tb_put(t, "%");
}

static tr_status
check2(tr_status acc, bool has, double x)
{
	if (!has || acc == TR_ENAN)
		return acc;
	if (isnan(x))
		return TR_ENAN;
	if (isinf(x))
		return TR_EINF;
	return acc;
}

tr_status
tb_row_check(const tb_row *row)
{
	tr_status	st = TR_OK;

	st = check2(st, row->r.has_value, row->r.value);
	st = check2(st, row->r.has_base, row->r.base);
	st = check2(st, row->r.has_growth, row->r.growth);
	st = check2(st, row->has_attainment, row->attainment);
	st = check2(st, row->has_growth_gap, row->growth_gap);
	st = check2(st, row->has_time_progress, row->time_progress);
	st = check2(st, row->has_pace, row->pace);
	return st;
}

bool
tb_target_complete(const tb_row *row)
{
	double		tp;

	if (!row->has_time_progress)
		return false;
	(void) tr_round_half_even(row->time_progress, 1, &tp);
	return tp >= 100.0;
}
