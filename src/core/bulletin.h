/*
 * bulletin.h — the 通报: sentences and paragraphs in the published style,
 * written from board rows (board.h), in Chinese or English (issue 13).
 *
 * No PostgreSQL headers, nothing allocated: text goes into a buffer the
 * caller supplies, under the rules of rates.h (UTF-8, NUL-terminated when
 * cap > 0, *len the length written on TR_OK and the length needed on
 * TR_EBUF). A clause whose number is missing is left out, never printed
 * empty: no target, no previous report, a rate-only fact, no rank.
 *
 * Figures as printed: values rounded half-even to the indicator's
 * decimals, rates and points to one decimal (tr_round_half_even, with its
 * tie tolerance), the unit from the indicator (亿元, 万元, %).
 */
#ifndef TRACKER_CORE_BULLETIN_H
#define TRACKER_CORE_BULLETIN_H

#include <stddef.h>

#include "board.h"

/* Which standing a sentence states (tb_style.rank_by). */
typedef enum tb_rank_by
{
	TB_RANK_GROWTH = 0,			/* 增速居全市第1位 (default) */
	TB_RANK_AMOUNT = 1,			/* 总量居全省第一 */
	TB_RANK_BOTH = 2			/* both, growth first */
} tb_rank_by;

/*
 * How an office words its 通报. All-zero is the default style: Chinese,
 * the area word from the parent's name, 首位, ranks by growth, 序时进度
 * in points, no 红旗 / 蜗牛 lists.
 */
typedef struct tb_style
{
	tp_lang		lang;			/* TP_LANG_ZH (default) or TP_LANG_EN */
	const char *area;			/* 全市, 全省, 全区...; NULL: from the parent's name */
	bool		first_as_number;	/* 居全市第一 rather than 居全市首位 */
	int			list_length;	/* how many 红旗 and 蜗牛 a paragraph names (<= 0: none) */
	/* Added for issue 13 part B: */
	bool		first_as_place;	/* 居全市第1位, like any other place (wins
								 * over first_as_number) */
	tb_rank_by	rank_by;		/* which rank clauses a sentence has */
	bool		verb_inside;	/* 制造业完成投资540亿元 (needs subject->object) */
	bool		pace_in_words;	/* 超序时进度 / 未达序时进度, without the points */
	const char *outer_area;		/* tb_paragraph: area word of the parent's own
								 * peers (全省); NULL: its ranks are left out */
	const char *peer_noun;		/* tb_paragraph: 地区 / regions when NULL */
} tb_style;

/* What a row is about. */
typedef struct tb_subject
{
	const char *region_name;	/* 江北区 */
	const char *indicator_name; /* 制造业投资 */
	const char *unit;			/* 亿元; NULL or "" when none */
	int			decimals;		/* the indicator's printed decimals */
	tb_kind		kind;
	bool		higher_is_better;
	const char *parent_name;	/* 宁波市: gives the area word 全市 */
	/* Added for issue 13 part B: */
	const char *verb;			/* the value's verb: 完成 when NULL (实现...) */
	const char *object;			/* the noun the verb takes, a suffix of
								 * indicator_name (投资), for verb_inside */
} tb_subject;

/*
 * The area word of peers under a parent named `parent_name`: 全市 for a
 * name ending in 市, 全省 for 省 or 自治区, 全区 for 区 or 新区, 全县 for
 * 县, else 全市 (English: "the city", "the province", ...). Writes at most
 * 16 bytes with the NUL.
 */
extern void tb_area_word(const char *parent_name, tp_lang lang, char *buf, size_t cap);

#define TB_AREA_MAX 16

/*
 * The label of p without its year, as a 通报 whose title carries the year
 * prints it: 1-7月, 7月, 一季度 (第 dropped from quarters), 上半年,
 * 前三季度, 第5周, 7月15日, 全年 (a whole year); English Jan-Jul, Jul,
 * Q1, H1, Q1-Q3, W05, 15 Jul, Full year. A period over two years keeps
 * its years. TR_EARG for an invalid period or language; text rules of
 * rates.h (at most TP_TEXT_MAX bytes with the NUL).
 */
extern tr_status tb_period_label(tp_period p, tp_lang lang, char *buf,
								 size_t cap, size_t *len);

/*
 * One region's sentence for report period p (its label without the year,
 * 1-7月, when the reader knows the year): value and unit, growth in the
 * bulletins' words (增长, 下降, 持平, 增长3.6倍, 扭亏为盈...), rank among
 * peers (居全市第1位, 并列第2位, 首位), its change (较上月前移2位, 后移,
 * 位次与上月持平), the target (完成三季度目标的124.9%, 超额完成), and
 * 序时进度 (超序时进度24.9个百分点, 落后序时进度X个百分点). A ratio
 * indicator prints its value in its unit and its change in points
 * (提高0.3个百分点). has_previous: whether p has a previous report (the
 * rank-change clause needs one).
 */
extern tr_status tb_sentence(const tb_row *row, const tb_subject *subject,
							 tp_period p, bool has_previous,
							 const tb_style *style,
							 char *buf, size_t cap, size_t *len);

/*
 * The paragraph of an indicator for a parent region: its own figure
 * (parent may be NULL when the parent has no row), how many of the n
 * peers grew, are ahead of 序时进度 and met their target, the top and the
 * bottom style->list_length by growth with ties kept together (红旗 /
 * 蜗牛, as league's top and bottom), and the spread (最高…最低…).
 * peer_names[i] names peers[i].
 */
extern tr_status tb_paragraph(const tb_row *parent, const tb_subject *subject,
							  const tb_row *const *peers,
							  const char *const *peer_names, int32_t n,
							  tp_period p, const tb_style *style,
							  char *buf, size_t cap, size_t *len);

#endif							/* TRACKER_CORE_BULLETIN_H */
