/*
 * bulletin_paragraph.c — tb_paragraph: an indicator's paragraph for the
 * parent region.
 *
 * The wording, sentence by sentence (each left out when it has nothing to
 * say; the first carries the period's label):
 *
 * 1. The parent's own figure: tb_sentence of the parent's row with the
 *    area word as its name (全市制造业投资完成323亿元，同比增长30.0%…);
 *    its own ranks only when style->outer_area names its peers' area
 *    (…制造业投资总量居全省第一), else none.
 * 2. The counts: {area}{n}个{地区}中，{a}个实现增长（a ratio: 同比提高），
 *    {b}个超序时进度，{c}个完成目标。 a: peers whose growth clause goes up
 *    (growth > 0.0 as printed, 扭亏为盈, 减亏, 新增); b: pace > 0.0 as
 *    printed, among the peers whose sentence states a pace (not on the
 *    target period's last report, where it says 超额完成 instead); c:
 *    attainment >= 100.0 as printed. A count is left out when
 *    no peer has its number (no pace anywhere: no b), and b and c when
 *    they are 0 (a bulletin does not print 0个完成目标 mid-year). en "Of the 12
 *    regions in the city, 10 grew (rose), 8 are ahead of schedule (1 is),
 *    3 met their target."
 * 3. The lists, by the peers' growth rank (rank_growth: the board's rank,
 *    one source of truth): 红旗：江北区（61.0%）、镇海区（45.0%）；蜗牛：
 *    高新区（-3.2%）、象山县（1.0%）。 红旗 are the peers of competition
 *    rank <= k, best first, where k is list_length but at most half the
 *    ranked peers (three peers: one of each); 蜗牛 those of rank <= k
 *    counted from the worst end (1 + peers ranked strictly worse), worst
 *    first, leaving out any already a 红旗 (few peers). Ties are kept
 *    together, so a list may be longer than list_length (league's top and
 *    bottom); within a tie, names in byte order. Figures: growth to one
 *    decimal with % (a ratio: 个百分点). en "Leaders: Jiangbei (61.0%),
 *    Zhenhai (45.0%); laggards: Gaoxin (-3.2%)."
 * 4. The spread, when two ranked peers differ: 增速最高的是江北区
 *    （61.0%），最低的是高新区（-3.2%）。 (a ratio: 增幅); tied names
 *    joined with 、. Highest and lowest are by the figure, whichever way
 *    is better. en "Highest growth: Jiangbei (61.0%); lowest: Gaoxin
 *    (-3.2%)." ("Largest change" / "smallest" for a ratio).
 *
 * Sentences follow each other without a space in Chinese, with one in
 * English. Nothing at all to say: TR_NULL.
 */
#include "bulletin_int.h"

#include <string.h>

static bool
ranked(const tb_row *const *peers, int32_t i)
{
	return peers[i] != NULL && peers[i]->has_rank_growth && peers[i]->rank_growth >= 1;
}

static const char *
name_of(const char *const *names, int32_t i)
{
	return names != NULL && names[i] != NULL ? names[i] : "";
}

/* (name, index) order, for ties. */
static bool
before(const char *const *names, int32_t a, int32_t b)
{
	int			c = strcmp(name_of(names, a), name_of(names, b));

	return c < 0 || (c == 0 && a < b);
}

/* The peers of one rank, in name order: "江北区（61.0%）、镇海区（61.0%）"
 * (figure after each name) or, with one figure for the group, after the
 * last. *count gets how many; sep precedes each but the first written. */
static void
put_group(tb_text *t, const tb_row *const *peers, const char *const *names,
		  int32_t n, int32_t rank, int32_t skip_to, const tb_subject *s,
		  tp_lang lang, bool one_figure, int32_t *written)
{
	int32_t		prev = -1;
	int32_t		last = -1;
	bool		en = lang == TP_LANG_EN;

	for (;;)
	{
		int32_t		best = -1;
		int32_t		i;

		for (i = 0; i < n; i++)
			if (ranked(peers, i) && peers[i]->rank_growth == rank &&
				peers[i]->rank_growth > skip_to &&
				(prev < 0 || before(names, prev, i)) &&
				(best < 0 || before(names, i, best)))
				best = i;
		if (best < 0)
			break;
		if (*written > 0)
			tb_put(t, en ? ", " : "、");
		tb_put(t, name_of(names, best));
		if (!one_figure && peers[best]->r.has_growth)
		{
			tb_put(t, en ? " (" : "（");
			tb_put_growth_figure(t, peers[best]->r.growth, s->kind, lang);
			tb_put(t, en ? ")" : "）");
		}
		(*written)++;
		last = best;
		prev = best;
	}
	if (one_figure && last >= 0 && peers[last]->r.has_growth)
	{
		tb_put(t, en ? " (" : "（");
		tb_put_growth_figure(t, peers[last]->r.growth, s->kind, lang);
		tb_put(t, en ? ")" : "）");
	}
}

/* Next distinct rank after `after` (ascending) or before it (descending). */
static int32_t
next_rank(const tb_row *const *peers, int32_t n, int32_t after, bool up)
{
	int32_t		r = -1;
	int32_t		i;

	for (i = 0; i < n; i++)
		if (ranked(peers, i))
		{
			int32_t		k = peers[i]->rank_growth;

			if (up ? (k > after && (r < 0 || k < r))
				: (k < after && (r < 0 || k > r)))
				r = k;
		}
	return r;
}

/* The worst rank (the largest), or -1 when none is ranked. */
static int32_t
worst_rank(const tb_row *const *peers, int32_t n)
{
	int32_t		r = -1;
	int32_t		i;

	for (i = 0; i < n; i++)
		if (ranked(peers, i) && peers[i]->rank_growth > r)
			r = peers[i]->rank_growth;
	return r;
}

static int32_t
worse_than(const tb_row *const *peers, int32_t n, int32_t rank)
{
	int32_t		c = 0;
	int32_t		i;

	for (i = 0; i < n; i++)
		if (ranked(peers, i) && peers[i]->rank_growth > rank)
			c++;
	return c;
}

/* Open the paragraph's next sentence: label on the first. */
static void
open_sentence(tb_text *t, int *sentences, const char *label, tp_lang lang)
{
	if (*sentences == 0)
	{
		tb_put(t, label);
		tb_put(t, lang == TP_LANG_EN ? ": " : "，");
	}
	else if (lang == TP_LANG_EN)
		tb_put(t, " ");
	(*sentences)++;
}

tr_status
tb_paragraph(const tb_row *parent, const tb_subject *subject,
			 const tb_row *const *peers, const char *const *peer_names,
			 int32_t n, tp_period p, const tb_style *style,
			 char *buf, size_t cap, size_t *len)
{
	char		label[TP_TEXT_MAX];
	char		area[TB_AREA_MAX * 4];
	char		outer[TB_AREA_MAX * 4];
	tb_text		t;
	tr_status	st;
	tp_lang		lang;
	bool		en;
	int			sentences = 0;
	int32_t		i;
	int32_t		grew = 0, with_growth = 0, ahead = 0, with_pace = 0;
	int32_t		met = 0, with_att = 0, nranked = 0;
	/* a cap (less is better): below the calendar is good, and its share
	 * used is not a target met */
	bool		capped = subject->kind == TB_AMOUNT && !subject->higher_is_better;
	int			k;

	if ((st = tb_check_args(subject, style)) != TR_OK || n < 0 ||
		(n > 0 && peers == NULL))
		return tb_text_fail(buf, cap, TR_EARG);
	if (parent != NULL && (st = tb_row_check(parent)) != TR_OK)
		return tb_text_fail(buf, cap, st);
	for (i = 0; i < n; i++)
		if (peers[i] != NULL && (st = tb_row_check(peers[i])) != TR_OK)
			return tb_text_fail(buf, cap, st);
	lang = style->lang;
	en = lang == TP_LANG_EN;
	if (tb_period_label(p, lang, label, sizeof(label), NULL) != TR_OK)
		return tb_text_fail(buf, cap, TR_EARG);
	tb_area_of(style, subject->parent_name, area);
	tb_text_init(&t, buf, cap);

	/* 1. the parent's own figure */
	if (parent != NULL)
	{
		const char *oa = NULL;

		if (style->outer_area != NULL)
		{
			tb_style	o = *style;

			o.area = style->outer_area;
			tb_area_of(&o, NULL, outer);
			oa = outer;
		}
		st = tb_write_sentence(&t, parent, subject, area, label, tp_grain_of(p),
							   true, style, oa);
		if (st == TR_OK)
			sentences++;
		else if (st != TR_NULL)
			return tb_text_fail(buf, cap, st);
	}

	/* 2. the counts */
	for (i = 0; i < n; i++)
	{
		const tb_row *r = peers[i];
		char		words[TR_DESCRIBE_MAX];
		int			dir = 0;

		if (r == NULL)
			continue;
		if (tb_growth_words(r, subject->kind, lang, words, &dir) == TR_OK)
		{
			with_growth++;
			grew += dir > 0;
		}
		/* as the sentence: no pace on the target period's last report
		 * (a cap's sentence always has one); a cap is "ahead" below its
		 * calendar */
		if (r->has_pace && (capped || !(r->has_attainment && tb_target_complete(r))))
		{
			double		pc;

			(void) tr_round_half_even(r->pace, 1, &pc);
			with_pace++;
			ahead += capped ? pc < 0.0 : pc > 0.0;
		}
		if (r->has_attainment)
		{
			double		a;

			(void) tr_round_half_even(r->attainment, 1, &a);
			with_att++;
			met += !capped && a >= 100.0;
		}
		nranked += ranked(peers, i);
	}
	/* Counts of 0 ahead or met are not printed: forget their figures. */
	if (ahead == 0)
		with_pace = 0;
	if (met == 0)
		with_att = 0;
	if (with_growth + with_pace + with_att > 0)
	{
		int			parts = 0;

		open_sentence(&t, &sentences, label, lang);
		if (en)
		{
			tb_put(&t, "Of the ");
			tb_put_int(&t, n);
			tb_put(&t, " ");
			tb_put(&t, style->peer_noun ? style->peer_noun : n == 1 ? "region" : "regions");
			tb_put(&t, " in ");
			tb_put(&t, area);
			tb_put(&t, ", ");
		}
		else
		{
			tb_put(&t, area);
			tb_put_int(&t, n);
			tb_put(&t, "个");
			tb_put(&t, style->peer_noun ? style->peer_noun : "地区");
			tb_put(&t, "中，");
		}
		if (with_growth > 0)
		{
			tb_put_int(&t, grew);
			tb_put(&t, en ? (subject->kind == TB_RATIO ? " rose" : " grew")
				   : (subject->kind == TB_RATIO ? "个同比提高" : "个实现增长"));
			parts++;
		}
		if (with_pace > 0)
		{
			if (parts++)
				tb_put(&t, en ? ", " : "，");
			tb_put_int(&t, ahead);
			tb_put(&t, en ? (capped ? (ahead == 1 ? " is below schedule" : " are below schedule")
							 : (ahead == 1 ? " is ahead of schedule" : " are ahead of schedule"))
				   : capped ? "个低于序时进度" : "个超序时进度");
		}
		if (with_att > 0)
		{
			if (parts++)
				tb_put(&t, en ? ", " : "，");
			tb_put_int(&t, met);
			tb_put(&t, en ? " met their target" : "个完成目标");
		}
		tb_put(&t, en ? "." : "。");
	}

	/* 3. 红旗 and 蜗牛: at most half the ranked peers each, so that a
	 * small group is not all 红旗 (three peers: one of each). */
	k = style->list_length;
	if (k > nranked / 2)
		k = nranked / 2;
	if (k > 0 && nranked > 0)
	{
		int32_t		written = 0;
		int32_t		top = next_rank(peers, n, 0, true);
		int32_t		worst = worst_rank(peers, n);
		bool		has_top = top > 0 && top <= k;
		bool		has_bottom = worst > k && worse_than(peers, n, worst) < k;
		int32_t		r;

		if (has_top || has_bottom)
		{
			open_sentence(&t, &sentences, label, lang);
			if (has_top)
			{
				tb_put(&t, en ? "Leaders: " : "红旗：");
				for (r = top; r > 0 && r <= k; r = next_rank(peers, n, r, true))
					put_group(&t, peers, peer_names, n, r, 0, subject, lang, false, &written);
			}
			/* worst first; those already leaders are left out */
			if (has_bottom)
			{
				tb_put(&t, has_top ? (en ? "; laggards: " : "；蜗牛：")
					   : (en ? "Laggards: " : "蜗牛："));
				written = 0;
				for (r = worst; r > k && worse_than(peers, n, r) < k;
					 r = next_rank(peers, n, r, false))
					put_group(&t, peers, peer_names, n, r, k, subject, lang, false, &written);
			}
			tb_put(&t, en ? "." : "。");
		}
	}

	/* 4. the spread */
	if (nranked >= 2)
	{
		int32_t		best = next_rank(peers, n, 0, true);
		int32_t		worst = worst_rank(peers, n);

		if (best != worst)
		{
			int32_t		hi = subject->higher_is_better ? best : worst;
			int32_t		lo = subject->higher_is_better ? worst : best;
			int32_t		w = 0;

			open_sentence(&t, &sentences, label, lang);
			if (en)
				tb_put(&t, subject->kind == TB_RATIO ? "Largest change: " : "Highest growth: ");
			else
				tb_put(&t, subject->kind == TB_RATIO ? "增幅最高的是" : "增速最高的是");
			put_group(&t, peers, peer_names, n, hi, 0, subject, lang, true, &w);
			w = 0;
			tb_put(&t, en ? (subject->kind == TB_RATIO ? "; smallest: " : "; lowest: ")
				   : "，最低的是");
			put_group(&t, peers, peer_names, n, lo, 0, subject, lang, true, &w);
			tb_put(&t, en ? "." : "。");
		}
	}

	if (sentences == 0)
		return tb_text_fail(buf, cap, TR_NULL);
	return tb_text_finish(&t, len);
}
