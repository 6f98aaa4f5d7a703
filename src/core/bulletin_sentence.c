/*
 * bulletin_sentence.c — tb_sentence: one region's sentence of the 通报.
 *
 * The wording (zh, the published style; en, the same clauses in the same
 * order):
 *
 *   {label}，{region}{indicator}{value}，同比{growth}，{rank}，{change}，
 *       {amount rank}；{attainment}，{pace}。
 *   {label}: {region}'s {indicator} was {value}, {growth} year on year,
 *       {rank}, {change}, {amount rank}; {attainment}, {pace}.
 *
 * - label: tb_period_label (1-7月, 一季度, 上半年; Jan-Jul, Q1, H1).
 * - value (an amount with a value): 完成12.5亿元 (subject->verb, 完成 by
 *   default; a negative amount as printed is a loss: 亏损50万元, en "was a
 *   loss of 50 万元"); with style->verb_inside and subject->object a suffix of the
 *   indicator's name, the verb goes before the object: 制造业完成投资540
 *   亿元. A ratio prints its level without a verb: 产销率98.1%. en "was
 *   12.5 亿元" (a unit other than % after a space), "was 98.1%". Rounded
 *   half even to subject->decimals.
 * - growth: 同比 + 增长61.0% / 下降2.1% / 持平 / 增长3.6倍 (from the
 *   row's growth, one decimal, describe_growth's rules) or, where the base
 *   is at or below zero or the value below zero, 扭亏为盈 / 由盈转亏 /
 *   减亏 / 增亏 / 新增 / 持平 (describe_growth of value and base). A ratio:
 *   同比提高0.3个百分点 / 下降 / 持平 (describe_change). en: "up 61.0%
 *   year on year", "from loss to profit year on year", "up 0.3 points
 *   year on year".
 * - rank (style->rank_by GROWTH or BOTH): 居全市第3位, 居全市首位 (第一
 *   with style->first_as_number), 并列全市第2位 (tied_growth > 1), 并列
 *   全市首位 (第1位 with style->first_as_place). After a value clause
 *   it says whose rank: 增速居… (an amount), 增幅居… (a ratio's change). en "3rd in the city", "joint 2nd
 *   in the city"; "… by growth" ("by change" for a ratio) when the amount rank follows.
 * - change (after the rank, when has_previous and the row has one):
 *   较上月前移2位 / 较上月后移1位 / 位次与上月持平; 上月 follows p's grain
 *   (上周, 上月, 上季度, 上年; 上期 for days and halves). en "up 2 places
 *   on the previous report", "down 1 place …", "unchanged from the
 *   previous report".
 * - amount rank (rank_by AMOUNT or BOTH, an amount with a value): 总量居
 *   全市第3位; with verb_inside the subject is split, so the indicator is
 *   named again: 制造业投资总量居全省第一. A ratio: 水平居…. en "1st in
 *   the province by total" ("by level").
 * - a cap (an amount where less is better, 能耗): 占全年目标的47.5%, and
 *   高于/低于序时进度X个百分点 (above the calendar is bad), never 完成 nor
 *   超额完成; en "used 47.5% of the full-year cap", "above/below schedule".
 * - attainment: 完成三季度目标的124.9% (the target period's label without
 *   its year, 全年目标 for a year; 目标 when the row has no target). On the
 *   target period's last report (time progress 100%): 超额完成三季度目标
 *   （124.9%） above 100.0 as printed, 完成三季度目标 at 100.0, else the
 *   share; then no pace (it would repeat the share). en "124.9% of the Q3
 *   target" ("reached …" when it opens the sentence), "exceeded the Q3
 *   target (124.9%)", "met the Q3 target"; "the full-year target".
 * - pace (before the last report): 超序时进度24.9个百分点 / 落后序时进度
 *   3.2个百分点 / 与序时进度持平 (0.0 as printed); style->pace_in_words:
 *   超序时进度 / 未达序时进度 / 与序时进度持平. en "24.9 points ahead of
 *   schedule" / "3.2 points behind schedule" / "on schedule" ("ahead of
 *   schedule", "behind schedule" in words).
 * - growth gap (no attainment and no pace, a growth target only): 高于
 *   三季度目标增速1.2个百分点 / 低于… / 与三季度目标增速持平 (a ratio: 目标
 *   rather than 目标增速). en "1.2 points above the Q3 growth target" /
 *   "below" / "at the Q3 growth target" ("target" for a ratio).
 *
 * Punctuation: ，between clauses, ；before the target part, 。at the end
 * (en ", ", "; ", "."). The first clause follows the subject directly (en
 * "was …", "reached …"); a missing number drops its clause and its comma.
 * A row with nothing to say gives TR_NULL and an empty buffer.
 */
#include "bulletin_int.h"

#include <string.h>

tr_status
tb_check_args(const tb_subject *s, const tb_style *style)
{
	if (s == NULL || style == NULL ||
		(style->lang != TP_LANG_ZH && style->lang != TP_LANG_EN) ||
		s->decimals < TR_ROUND_MIN_DECIMALS || s->decimals > TR_ROUND_MAX_DECIMALS ||
		(s->kind != TB_AMOUNT && s->kind != TB_RATIO) ||
		(style->rank_by != TB_RANK_GROWTH && style->rank_by != TB_RANK_AMOUNT &&
		 style->rank_by != TB_RANK_BOTH))
		return TR_EARG;
	return TR_OK;
}

/* Clause bookkeeping: the separator before each clause. */
typedef struct clauses
{
	tb_text    *t;
	tp_lang		lang;
	int			main;			/* clauses in the main part */
	int			target;			/* clauses in the target part */
} clauses;

/* Open a clause of the main part; returns whether it is the first. */
static bool
open_main(clauses *c)
{
	bool		first = c->main == 0;

	if (first)
		tb_put(c->t, c->lang == TP_LANG_EN ? " was " : "");
	else
		tb_put(c->t, c->lang == TP_LANG_EN ? ", " : "，");
	c->main++;
	return first;
}

/* Open a clause of the target part; returns whether it opens the sentence. */
static bool
open_target(clauses *c)
{
	bool		first = c->main == 0 && c->target == 0;

	if (c->target == 0)
		tb_put(c->t, c->main == 0 ? (c->lang == TP_LANG_EN ? " " : "")
			   : (c->lang == TP_LANG_EN ? "; " : "；"));
	else
		tb_put(c->t, c->lang == TP_LANG_EN ? ", " : "，");
	c->target++;
	return first;
}

static const char *
previous_word(tp_grain g)
{
	switch (g)
	{
		case TP_WEEK:
			return "上周";
		case TP_MONTH:
			return "上月";
		case TP_QUARTER:
			return "上季度";
		case TP_YEAR:
			return "上年";
		default:
			return "上期";
	}
}

/* 三季度 / Q3 / 全年 / full-year: the target period's label. */
static void
target_label(const tb_row *row, tp_lang lang, char out[TP_TEXT_MAX])
{
	out[0] = '\0';
	if (!row->has_target ||
		tb_period_label(row->target.period, lang, out, TP_TEXT_MAX, NULL) != TR_OK)
		out[0] = '\0';
	else if (lang == TP_LANG_EN && strcmp(out, "Full year") == 0)
		strcpy(out, "full-year");
}

/* en "the Q3 target" / zh "三季度目标" (growth: 目标增速 / "growth target") */
static void
put_target(tb_text *t, tp_lang lang, const char *label, const char *what_zh,
		   const char *what_en)
{
	if (lang == TP_LANG_EN)
	{
		tb_put(t, "the ");
		if (label[0])
		{
			tb_put(t, label);
			tb_put(t, " ");
		}
		tb_put(t, what_en);
	}
	else
	{
		tb_put(t, label);
		tb_put(t, what_zh);
	}
}

static void
put_points(tb_text *t, double x, tp_lang lang)
{
	char		num[TB_NUM_MAX];

	tb_fmt_fixed(x, 1, num);
	tb_put(t, num);
	tb_put(t, lang == TP_LANG_EN ? " points" : "个百分点");
}

static void
value_clause(clauses *c, const tb_row *row, const tb_subject *s,
			 const char *region, const tb_style *style)
{
	tb_text    *t = c->t;
	const char *name = s->indicator_name ? s->indicator_name : "";
	const char *verb = s->verb ? s->verb : "完成";
	const char *obj = s->object;
	char		num[TB_NUM_MAX];

	bool		loss;

	tb_fmt_fixed(row->r.value, s->decimals, num);
	/* A negative amount as printed is a loss (利润总额亏损50万元), not
	 * "完成-50万元". */
	loss = s->kind == TB_AMOUNT && num[0] == '-';
	c->main++;
	if (style->lang == TP_LANG_EN)
	{
		tb_put(t, loss ? " was a loss of " : " was ");
		tb_put_figure(t, loss ? num + 1 : num, s->unit, TP_LANG_EN);
		return;
	}
	(void) region;
	if (s->kind == TB_RATIO)
	{
		tb_put_figure(t, num, s->unit, TP_LANG_ZH);
		return;
	}
	if (loss)
	{
		tb_put(t, "亏损");
		tb_put_figure(t, num + 1, s->unit, TP_LANG_ZH);
		return;
	}
	if (!s->higher_is_better && s->verb == NULL)
	{
		/* a cap's level is used, not completed: 能耗95.0万吨标准煤 */
		tb_put_figure(t, num, s->unit, TP_LANG_ZH);
		return;
	}
	if (style->verb_inside && obj != NULL && obj[0] != '\0' &&
		strlen(name) > strlen(obj) &&
		strcmp(name + strlen(name) - strlen(obj), obj) == 0)
	{
		/* the subject was written up to the object: 全市制造业 */
		tb_put(t, verb);
		tb_put(t, obj);
	}
	else
		tb_put(t, verb);
	tb_put_figure(t, num, s->unit, TP_LANG_ZH);
}

tr_status
tb_write_sentence(tb_text *t, const tb_row *row, const tb_subject *s,
				  const char *region, const char *label, tp_grain grain,
				  bool has_previous, const tb_style *style,
				  const char *rank_area)
{
	tp_lang		lang = style->lang;
	bool		en = lang == TP_LANG_EN;
	size_t		start = t->len;
	const char *name = s->indicator_name ? s->indicator_name : "";
	bool		split;
	bool		has_value;
	bool		rank_growth;
	bool		rank_amount;
	bool		complete;
	/* A cap: an amount where less is better (能耗), whose target is a
	 * limit: 占…目标的X%, 高于/低于序时进度. */
	bool		cap = s->kind == TB_AMOUNT && !s->higher_is_better;
	char		words[TR_DESCRIBE_MAX];
	char		tlabel[TP_TEXT_MAX];
	char		num[TB_NUM_MAX];
	int			dir = 0;
	tr_status	st;
	clauses		c = {t, lang, 0, 0};

	has_value = row->r.has_value;
	split = !en && has_value && s->kind == TB_AMOUNT && style->verb_inside &&
		s->object != NULL && s->object[0] != '\0' &&
		strlen(name) > strlen(s->object) &&
		strcmp(name + strlen(name) - strlen(s->object), s->object) == 0;

	/* {label}，{region}{indicator} */
	tb_put(t, label);
	tb_put(t, en ? ": " : "，");
	tb_put(t, region);
	if (en)
		tb_put(t, "'s ");
	if (split)
		tb_putn(t, name, strlen(name) - strlen(s->object));
	else
		tb_put(t, name);

	if (has_value)
		value_clause(&c, row, s, region, style);

	st = tb_growth_words(row, s->kind, lang, words, &dir);
	if (st == TR_OK)
	{
		open_main(&c);
		if (!en)
			tb_put(t, "同比");
		tb_put(t, words);
		if (en)
			tb_put(t, " year on year");
	}
	else if (st != TR_NULL && st != TR_EOVERFLOW)
		return st;

	/* A rank among no peers (a region alone in its group, the top of the
	 * tree) says nothing: left out, like a missing one. */
	rank_amount = rank_area != NULL && style->rank_by != TB_RANK_GROWTH &&
		has_value && row->has_rank_amount && row->rank_amount >= 1 && row->peers >= 2;
	rank_growth = rank_area != NULL && style->rank_by != TB_RANK_AMOUNT &&
		row->has_rank_growth && row->rank_growth >= 1 && row->peers >= 2;
	if (rank_growth)
	{
		open_main(&c);
		if (!en && has_value)
			tb_put(t, s->kind == TB_RATIO ? "增幅" : "增速");
		tb_put_rank(t, style, rank_area, row->rank_growth, row->tied_growth);
		if (en && rank_amount)
			tb_put(t, s->kind == TB_RATIO ? " by change" : " by growth");
		if (has_previous && row->has_rank_change)
		{
			int64_t		rc = row->rank_change;

			open_main(&c);
			if (en)
			{
				if (rc == 0)
					tb_put(t, "unchanged from the previous report");
				else
				{
					tb_put(t, rc > 0 ? "up " : "down ");
					tb_put_int(t, rc > 0 ? rc : -rc);
					tb_put(t, rc == 1 || rc == -1 ? " place" : " places");
					tb_put(t, " on the previous report");
				}
			}
			else if (rc == 0)
			{
				tb_put(t, "位次与");
				tb_put(t, previous_word(grain));
				tb_put(t, "持平");
			}
			else
			{
				tb_put(t, "较");
				tb_put(t, previous_word(grain));
				tb_put(t, rc > 0 ? "前移" : "后移");
				tb_put_int(t, rc > 0 ? rc : -rc);
				tb_put(t, "位");
			}
		}
	}
	if (rank_amount)
	{
		open_main(&c);
		if (!en)
		{
			if (split)
				tb_put(t, name);
			tb_put(t, s->kind == TB_RATIO ? "水平" : "总量");
		}
		tb_put_rank(t, style, rank_area, row->rank_amount, row->tied_amount);
		if (en)
			tb_put(t, s->kind == TB_RATIO ? " by level" : " by total");
	}

	/* the target part */
	target_label(row, lang, tlabel);
	complete = tb_target_complete(row);
	if (row->has_attainment)
	{
		double		a;
		bool		first = open_target(&c);

		(void) tr_round_half_even(row->attainment, 1, &a);
		tb_fmt_fixed(row->attainment, 1, num);
		if (cap)
		{
			/* a cap (less is better): the share used, never 完成 */
			if (en)
			{
				if (first)
					tb_put(t, "used ");
				tb_put(t, num);
				tb_put(t, "% of ");
				put_target(t, lang, tlabel, "", "cap");
			}
			else
			{
				tb_put(t, "占");
				put_target(t, lang, tlabel, "目标", "");
				tb_put(t, "的");
				tb_put(t, num);
				tb_put(t, "%");
			}
		}
		else if (complete && a > 100.0)
		{
			if (en)
			{
				tb_put(t, "exceeded ");
				put_target(t, lang, tlabel, "", "target");
				tb_put(t, " (");
				tb_put(t, num);
				tb_put(t, "%)");
			}
			else
			{
				tb_put(t, "超额完成");
				put_target(t, lang, tlabel, "目标", "");
				tb_put(t, "（");
				tb_put(t, num);
				tb_put(t, "%）");
			}
		}
		else if (complete && a == 100.0)
		{
			tb_put(t, en ? "met " : "完成");
			put_target(t, lang, tlabel, "目标", "target");
		}
		else if (en)
		{
			if (first)
				tb_put(t, "reached ");
			tb_put(t, num);
			tb_put(t, "% of ");
			put_target(t, lang, tlabel, "", "target");
		}
		else
		{
			tb_put(t, "完成");
			put_target(t, lang, tlabel, "目标", "");
			tb_put(t, "的");
			tb_put(t, num);
			tb_put(t, "%");
		}
	}
	if (row->has_pace && (cap || !(complete && row->has_attainment)))
	{
		double		pc;
		bool		first = open_target(&c);

		(void) tr_round_half_even(row->pace, 1, &pc);
		if (en)
		{
			if (first)
				tb_put(t, "was ");
			if (pc == 0.0)
				tb_put(t, "on schedule");
			else
			{
				if (!style->pace_in_words)
				{
					put_points(t, fabs(pc), lang);
					tb_put(t, " ");
				}
				tb_put(t, cap ? (pc > 0.0 ? "above schedule" : "below schedule")
					   : (pc > 0.0 ? "ahead of schedule" : "behind schedule"));
			}
		}
		else if (pc == 0.0)
			tb_put(t, "与序时进度持平");
		else if (cap)
		{
			/* a cap used faster than the calendar is above it: bad */
			tb_put(t, pc > 0.0 ? "高于序时进度" : "低于序时进度");
			if (!style->pace_in_words)
				put_points(t, fabs(pc), lang);
		}
		else if (style->pace_in_words)
			tb_put(t, pc > 0.0 ? "超序时进度" : "未达序时进度");
		else
		{
			tb_put(t, pc > 0.0 ? "超序时进度" : "落后序时进度");
			put_points(t, fabs(pc), lang);
		}
	}
	if (row->has_growth_gap && !row->has_attainment && !row->has_pace)
	{
		double		g;
		bool		first = open_target(&c);

		(void) tr_round_half_even(row->growth_gap, 1, &g);
		if (en)
		{
			if (first)
				tb_put(t, "was ");
			if (g != 0.0)
			{
				put_points(t, fabs(g), lang);
				tb_put(t, g > 0.0 ? " above " : " below ");
			}
			else
				tb_put(t, "at ");
			put_target(t, lang, tlabel, "",
					   s->kind == TB_RATIO ? "target" : "growth target");
		}
		else
		{
			tb_put(t, g > 0.0 ? "高于" : g < 0.0 ? "低于" : "与");
			put_target(t, lang, tlabel, s->kind == TB_RATIO ? "目标" : "目标增速", "");
			if (g != 0.0)
				put_points(t, fabs(g), lang);
			else
				tb_put(t, "持平");
		}
	}

	if (c.main == 0 && c.target == 0)
	{
		t->len = start;
		return TR_NULL;
	}
	tb_put(t, en ? "." : "。");
	return TR_OK;
}

tr_status
tb_sentence(const tb_row *row, const tb_subject *subject, tp_period p,
			bool has_previous, const tb_style *style,
			char *buf, size_t cap, size_t *len)
{
	char		label[TP_TEXT_MAX];
	char		area[TB_AREA_MAX * 4];
	tb_text		t;
	tr_status	st;

	if (row == NULL || (st = tb_check_args(subject, style)) != TR_OK)
		return tb_text_fail(buf, cap, TR_EARG);
	if ((st = tb_row_check(row)) != TR_OK)
		return tb_text_fail(buf, cap, st);
	if (tb_period_label(p, style->lang, label, sizeof(label), NULL) != TR_OK)
		return tb_text_fail(buf, cap, TR_EARG);
	tb_area_of(style, subject->parent_name, area);
	tb_text_init(&t, buf, cap);
	st = tb_write_sentence(&t, row, subject,
						   subject->region_name ? subject->region_name : "",
						   label, tp_grain_of(p), has_previous, style, area);
	if (st != TR_OK)
		return tb_text_fail(buf, cap, st);
	return tb_text_finish(&t, len);
}
