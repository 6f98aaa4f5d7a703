/*
 * test_bulletin.c — the 通报's wording (bulletin.h), on rows filled by
 * hand: every clause and every word, in Chinese and English, clauses
 * dropped when their number is missing, the seed document's own sentence
 * (嘉兴, 上半年), paragraphs with ties, and the buffer rules.
 * Every expected text below is written out by hand from the row.
 */
#include <stdlib.h>

#include "bulletin.h"
#include "bulletin_int.h"
#include "check.h"

static tp_period
per(const char *s)
{
	tp_period	p = 0;

	if (tp_parse(s, strlen(s), &p) != TP_OK)
	{
		fprintf(stderr, "bad period %s\n", s);
		abort();
	}
	return p;
}

static char out[2048];
static size_t outlen;

static tr_status
sentence(const tb_row *row, const tb_subject *s, const char *p, bool prev,
		 const tb_style *st)
{
	return tb_sentence(row, s, per(p), prev, st, out, sizeof(out), &outlen);
}

#define SENT(row, subj, p, prev, style, want) \
	do { \
		CHECK_INT(sentence((row), (subj), (p), (prev), (style)), TR_OK); \
		CHECK_STR(out, want); \
		CHECK_INT(outlen, strlen(want)); \
	} while (0)

static const tb_subject invest = {
	"江北区", "制造业投资", "亿元", 1, TB_AMOUNT, true, "宁波市", NULL, NULL
};
static const tb_subject iva = {
	"镇海区", "规上工业增加值", "%", 1, TB_AMOUNT, true, "宁波市", NULL, NULL
};
static const tb_subject ratio = {
	"北仑区", "产销率", "%", 1, TB_RATIO, true, "宁波市", NULL, NULL
};

/* The first example, field by field. */
static tb_row
jiangbei(void)
{
	tb_row		r;

	memset(&r, 0, sizeof(r));
	r.r.has_value = true;
	r.r.value = 12.5;
	r.r.has_base = true;
	r.r.base = 7.76;
	r.r.has_growth = true;
	r.r.growth = 61.04;
	r.has_target = true;
	r.target.period = per("2022-Q3");
	r.target.has_amount = true;
	r.target.amount = 10;
	r.has_attainment = true;
	r.attainment = 124.94;
	r.has_time_progress = true;
	r.time_progress = 100.0 / 3.0;
	r.has_pace = true;
	r.pace = 24.85;				/* a tie: 24.8 */
	r.has_light = true;
	r.light = TR_GREEN;
	r.peers = 12;
	r.has_rank_growth = true;
	r.rank_growth = 1;
	r.tied_growth = 1;
	r.has_rank_change = true;
	r.rank_change = 2;
	return r;
}

static void
test_examples(void)
{
	tb_style	st;
	tb_row		r = jiangbei();
	tb_row		z;

	memset(&st, 0, sizeof(st));
	st.first_as_place = true;
	r.pace = 24.9;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，增速居全市第1位，较上月前移2位；完成三季度目标的124.9%，超序时进度24.9个百分点。");
	/* half even: 24.85 prints 24.8 */
	r.pace = 24.85;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，增速居全市第1位，较上月前移2位；完成三季度目标的124.9%，超序时进度24.8个百分点。");
	/* a cap (less is better: energy use under a full-year limit): the
	 * level without 完成, the share used, and 低于/高于序时进度 */
	{
		tb_subject	energy = {"江北区", "能耗", "万吨标准煤", 1, TB_AMOUNT, false, "宁波市", NULL, NULL};
		tb_row		e;
		tb_style	plain;

		memset(&e, 0, sizeof(e));
		memset(&plain, 0, sizeof(plain));
		e.r.has_value = true;
		e.r.value = 95.0;
		e.r.has_base = true;
		e.r.base = 100.0;
		e.r.has_growth = true;
		e.r.growth = -5.0;
		e.has_target = true;
		e.target.period = per("2022");
		e.target.has_amount = true;
		e.target.amount = 200.0;
		e.has_attainment = true;
		e.attainment = 47.5;
		e.has_time_progress = true;
		e.time_progress = 58.3;
		e.has_pace = true;
		e.pace = -10.8;
		e.peers = 12;
		e.has_rank_growth = true;
		e.rank_growth = 1;
		e.tied_growth = 1;
		SENT(&e, &energy, "2022-01..07", false, &plain,
			 "1-7月，江北区能耗95.0万吨标准煤，同比下降5.0%，增速居全市首位；占全年目标的47.5%，低于序时进度10.8个百分点。");
		e.pace = 15.0;
		SENT(&e, &energy, "2022-01..07", false, &plain,
			 "1-7月，江北区能耗95.0万吨标准煤，同比下降5.0%，增速居全市首位；占全年目标的47.5%，高于序时进度15.0个百分点。");
	}
	/* alone in its group (the city itself): no rank, no rank change */
	r.peers = 1;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成三季度目标的124.9%，超序时进度24.8个百分点。");
	r.peers = 12;

	/* rate only: no value, no 增速 before the rank */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_growth = true;
	z.r.growth = 8.3;
	z.has_rank_growth = true;
	z.rank_growth = 3;
	z.tied_growth = 1;
	z.has_rank_change = true;
	z.rank_change = 0;
	SENT(&z, &iva, "2022-01..07", true, &st,
		 "1-7月，镇海区规上工业增加值同比增长8.3%，居全市第3位，位次与上月持平。");

	/* a ratio: its level in %, its change in points */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_value = true;
	z.r.value = 98.1;
	z.r.has_base = true;
	z.r.base = 97.8;
	z.r.has_growth = true;
	z.r.growth = 98.1 - 97.8;
	SENT(&z, &ratio, "2022-01..07", true, &st,
		 "1-7月，北仑区产销率98.1%，同比提高0.3个百分点。");
	z.r.growth = -0.25;			/* tie: -0.2 */
	SENT(&z, &ratio, "2022-01..07", true, &st,
		 "1-7月，北仑区产销率98.1%，同比下降0.2个百分点。");
	z.r.growth = 0.04;
	SENT(&z, &ratio, "2022-01..07", true, &st,
		 "1-7月，北仑区产销率98.1%，同比持平。");
	/* a ratio's rank after its value: 增幅 */
	z.has_rank_growth = true;
	z.rank_growth = 4;
	z.tied_growth = 1;
	SENT(&z, &ratio, "2022-01..07", true, &st,
		 "1-7月，北仑区产销率98.1%，同比持平，增幅居全市第4位。");
	/* without a growth reading, the change from value and base */
	z.r.has_growth = false;
	z.has_rank_growth = false;
	SENT(&z, &ratio, "2022-01..07", true, &st,
		 "1-7月，北仑区产销率98.1%，同比提高0.3个百分点。");
}

/* The growth words: from the growth as read, or from value and base. */
static void
test_growth_words(void)
{
	tb_style	st;
	tb_row		z;

	memset(&st, 0, sizeof(st));
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_growth = true;
	z.r.growth = -2.14;
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比下降2.1%。");
	z.r.growth = 0.04;
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比持平。");
	z.r.growth = -0.05;			/* tie to even: 0.0 */
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比持平。");
	z.r.growth = 360.4;
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比增长3.6倍。");
	z.r.growth = 99.96;			/* prints 100.0: the multiple 1.0 */
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比增长1.0倍。");
	z.r.growth = 5;
	SENT(&z, &iva, "2022-07", false, &st, "7月，镇海区规上工业增加值同比增长5.0%。");

	/* words from value and base (亿元, 0 decimals: -3 → -3) */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_value = true;
	z.r.has_base = true;
	z.r.value = 3;
	z.r.base = -2;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资完成3.0亿元，同比扭亏为盈。");
	z.r.value = -1;
	z.r.base = 2;
	z.r.has_growth = true;		/* the board's -150%: words win */
	z.r.growth = -150;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资亏损1.0亿元，同比由盈转亏。");
	z.r.has_growth = false;
	z.r.value = -1;
	z.r.base = -3;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资亏损1.0亿元，同比减亏。");
	z.r.value = -5;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资亏损5.0亿元，同比增亏。");
	z.r.value = -3;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资亏损3.0亿元，同比持平。");
	z.r.value = 4;
	z.r.base = 0;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资完成4.0亿元，同比新增。");
	/* the value rounded half even to the indicator's decimals */
	z.r.value = 12.25;
	z.r.base = 10;
	SENT(&z, &invest, "2022-07", false, &st, "7月，江北区制造业投资完成12.2亿元，同比增长22.5%。");
	{
		tb_subject	s0 = invest;

		s0.decimals = 0;
		s0.unit = "万元";
		z.r.value = 2.5;
		z.r.base = 2;
		SENT(&z, &s0, "2022-07", false, &st, "7月，江北区制造业投资完成2万元，同比增长25.0%。");
		s0.unit = NULL;
		SENT(&z, &s0, "2022-07", false, &st, "7月，江北区制造业投资完成2，同比增长25.0%。");
		s0.verb = "实现";
		s0.indicator_name = "利润";
		SENT(&z, &s0, "2022-07", false, &st, "7月，江北区利润实现2，同比增长25.0%。");
	}
}

static void
test_ranks(void)
{
	tb_style	st;
	tb_row		z;

	memset(&st, 0, sizeof(st));
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_growth = true;
	z.r.growth = 8.3;
	z.has_rank_growth = true;
	z.rank_growth = 1;
	z.tied_growth = 1;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，居全市首位。");
	st.first_as_number = true;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，居全市第一。");
	z.tied_growth = 2;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，并列全市第一。");
	st.first_as_number = false;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，并列全市首位。");
	z.rank_growth = 2;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，并列全市第2位。");
	z.tied_growth = 1;
	z.has_rank_change = true;
	z.rank_change = -1;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，居全市第2位，较上月后移1位。");
	z.rank_change = 3;
	SENT(&z, &iva, "2022-Q1..Q3", true, &st, "前三季度，镇海区规上工业增加值同比增长8.3%，居全市第2位，较上季度前移3位。");
	SENT(&z, &iva, "2022-W05", true, &st, "第5周，镇海区规上工业增加值同比增长8.3%，居全市第2位，较上周前移3位。");
	/* no previous report: no change clause, even if the row has one */
	SENT(&z, &iva, "2022-01..07", false, &st, "1-7月，镇海区规上工业增加值同比增长8.3%，居全市第2位。");
	/* the area word from the parent, or the style */
	{
		tb_subject	s = iva;

		s.parent_name = "浙江省";
		SENT(&z, &s, "2022-01", false, &st, "1月，镇海区规上工业增加值同比增长8.3%，居全省第2位。");
		s.parent_name = "象山县";
		SENT(&z, &s, "2022-01", false, &st, "1月，镇海区规上工业增加值同比增长8.3%，居全县第2位。");
		st.area = "全区";
		SENT(&z, &s, "2022-01", false, &st, "1月，镇海区规上工业增加值同比增长8.3%，居全区第2位。");
	}
	st.area = NULL;
	/* rank by amount, and both */
	{
		tb_row		r = jiangbei();

		r.has_attainment = r.has_pace = r.has_time_progress = r.has_target = false;
		r.has_rank_amount = true;
		r.rank_amount = 3;
		r.tied_amount = 1;
		st.rank_by = TB_RANK_BOTH;
		SENT(&r, &invest, "2022-01..07", true, &st,
			 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，增速居全市首位，较上月前移2位，总量居全市第3位。");
		st.rank_by = TB_RANK_AMOUNT;
		SENT(&r, &invest, "2022-01..07", true, &st,
			 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，总量居全市第3位。");
		r.tied_amount = 2;
		SENT(&r, &invest, "2022-01..07", true, &st,
			 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，总量并列全市第3位。");
		/* a rate-only fact has no amount rank */
		r.r.has_value = false;
		SENT(&r, &invest, "2022-01..07", true, &st, "1-7月，江北区制造业投资同比增长61.0%。");
	}
	/* an unranked row: no rank clause, no change clause */
	st.rank_by = TB_RANK_GROWTH;
	z.has_rank_growth = false;
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%。");
	z.has_rank_growth = true;
	z.rank_growth = 0;			/* not a rank */
	SENT(&z, &iva, "2022-01..07", true, &st, "1-7月，镇海区规上工业增加值同比增长8.3%。");
}

static void
test_targets(void)
{
	tb_style	st;
	tb_row		r = jiangbei();

	memset(&st, 0, sizeof(st));
	r.has_rank_growth = false;
	r.pace = -3.24;
	r.attainment = 30.1;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成三季度目标的30.1%，落后序时进度3.2个百分点。");
	r.pace = -0.04;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成三季度目标的30.1%，与序时进度持平。");
	st.pace_in_words = true;
	r.pace = -3.24;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成三季度目标的30.1%，未达序时进度。");
	r.pace = 3.24;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成三季度目标的30.1%，超序时进度。");
	st.pace_in_words = false;

	/* the target period's last report: 超额完成 / 完成 / the share; no pace */
	r.target.period = per("2022");
	r.time_progress = 100;
	r.attainment = 103.04;
	r.pace = 3.04;
	SENT(&r, &invest, "2022-01..12", true, &st,
		 "1-12月，江北区制造业投资完成12.5亿元，同比增长61.0%；超额完成全年目标（103.0%）。");
	r.attainment = 100.04;
	SENT(&r, &invest, "2022-01..12", true, &st,
		 "1-12月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成全年目标。");
	r.attainment = 95.0;
	SENT(&r, &invest, "2022-01..12", true, &st,
		 "1-12月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成全年目标的95.0%。");
	/* before the end, 100% and more is a share with its pace */
	r.target.period = per("2022-H1");
	r.time_progress = 5.0 / 6.0 * 100;
	r.attainment = 110;
	r.pace = 26.7;
	SENT(&r, &invest, "2022-01..05", true, &st,
		 "1-5月，江北区制造业投资完成12.5亿元，同比增长61.0%；完成上半年目标的110.0%，超序时进度26.7个百分点。");

	/* a growth target only (rate-only fact): the gap */
	{
		tb_row		z;

		memset(&z, 0, sizeof(z));
		z.peers = 12;			/* ranked among peers: a rank clause can show */
		z.r.has_growth = true;
		z.r.growth = 8.3;
		z.has_target = true;
		z.target.period = per("2022");
		z.target.has_growth = true;
		z.target.growth = 9.5;
		z.has_growth_gap = true;
		z.growth_gap = 8.3 - 9.5;
		SENT(&z, &iva, "2022-01..07", true, &st,
			 "1-7月，镇海区规上工业增加值同比增长8.3%；低于全年目标增速1.2个百分点。");
		z.growth_gap = 0.5;
		SENT(&z, &iva, "2022-01..07", true, &st,
			 "1-7月，镇海区规上工业增加值同比增长8.3%；高于全年目标增速0.5个百分点。");
		z.growth_gap = 0.0;
		SENT(&z, &iva, "2022-01..07", true, &st,
			 "1-7月，镇海区规上工业增加值同比增长8.3%；与全年目标增速持平。");
		z.growth_gap = -0.3;
		SENT(&z, &ratio, "2022-01..07", true, &st,
			 "1-7月，北仑区产销率同比提高8.3个百分点；低于全年目标0.3个百分点。");
	}
}

/* Every clause goes with its number, and so does its comma. */
static void
test_missing(void)
{
	tb_style	st;
	tb_row		r = jiangbei();
	tb_row		z;

	memset(&st, 0, sizeof(st));
	st.first_as_place = true;
	/* no target, no previous report */
	r.has_target = r.has_attainment = r.has_pace = r.has_time_progress = false;
	SENT(&r, &invest, "2022-01..07", false, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，同比增长61.0%，增速居全市第1位。");
	/* no growth: the rank follows the value */
	r.r.has_growth = false;
	r.r.has_base = false;
	SENT(&r, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成12.5亿元，增速居全市第1位，较上月前移2位。");
	/* only a target: it follows the subject directly */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.has_target = true;
	z.target.period = per("2022-Q3");
	z.has_attainment = true;
	z.attainment = 50;
	z.has_time_progress = true;
	z.time_progress = 100.0 / 3.0;
	z.has_pace = true;
	z.pace = -8.34;
	SENT(&z, &invest, "2022-01..07", true, &st,
		 "1-7月，江北区制造业投资完成三季度目标的50.0%，落后序时进度8.3个百分点。");
	/* an attainment without a target period: 目标 */
	z.has_target = false;
	z.has_pace = false;
	SENT(&z, &invest, "2022-01..07", true, &st, "1-7月，江北区制造业投资完成目标的50.0%。");
	/* only a rank */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.has_rank_growth = true;
	z.rank_growth = 5;
	z.tied_growth = 1;
	SENT(&z, &invest, "2022-01..07", true, &st, "1-7月，江北区制造业投资居全市第5位。");
	/* nothing: TR_NULL and an empty buffer */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.has_rank_change = true;	/* a change without a rank says nothing */
	strcpy(out, "x");
	CHECK_INT(sentence(&z, &invest, "2022-01..07", true, &st), TR_NULL);
	CHECK_STR(out, "");
	/* no dangling separators anywhere: never "，；", "，。", "；。", "，，" */
	{
		unsigned	mask;
		int			bad = 0;

		for (mask = 0; mask < 512; mask++)
		{
			tb_row		m = jiangbei();

			m.r.has_value = mask & 1;
			m.r.has_growth = mask & 2;
			m.r.has_base = (mask & 2) && (mask & 1);
			m.has_rank_growth = mask & 4;
			m.has_rank_change = mask & 8;
			m.has_attainment = mask & 16;
			m.has_pace = mask & 32;
			m.has_target = mask & 64;
			m.has_growth_gap = mask & 128;
			m.growth_gap = -1;
			m.has_time_progress = mask & 256;
			if (sentence(&m, &invest, "2022-01..07", true, &st) != TR_OK)
			{
				if ((mask & (1 | 2 | 4 | 16 | 32 | 128)) != 0)
					bad++;
				continue;
			}
			if (strstr(out, "，；") || strstr(out, "，。") || strstr(out, "；。") ||
				strstr(out, "，，") || strstr(out, "；；") || strstr(out, "；，") ||
				strstr(out, "投资，") || strstr(out, "投资；"))
			{
				fprintf(stderr, "dangling: %s\n", out);
				bad++;
			}
		}
		CHECK_INT(bad, 0);
	}
}

/* The seed's own line: 嘉兴, H1 2022, among Zhejiang's cities. */
static void
test_jiaxing(void)
{
	tb_style	st;
	tb_subject	s = {"全市", "制造业投资", "亿元", 0, TB_AMOUNT, true, "浙江省", NULL, "投资"};
	tb_row		z;
	const char *want = "上半年，全市制造业完成投资540亿元，同比增长24.1%，制造业投资总量居全省第一。";

	memset(&st, 0, sizeof(st));
	st.verb_inside = true;
	st.rank_by = TB_RANK_AMOUNT;
	st.first_as_number = true;
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_value = true;
	z.r.value = 540;
	z.r.has_growth = true;
	z.r.growth = 24.1;
	z.peers = 11;
	z.has_rank_amount = true;
	z.rank_amount = 1;
	z.tied_amount = 1;
	z.has_rank_growth = true;	/* there, but not what this office states */
	z.rank_growth = 4;
	z.tied_growth = 1;
	SENT(&z, &s, "2022-H1", true, &st, want);
	/* the same line as the paragraph of 嘉兴市's own figure */
	s.region_name = "嘉兴市";
	s.parent_name = "嘉兴市";
	st.outer_area = "全省";
	CHECK_INT(tb_paragraph(&z, &s, NULL, NULL, 0, per("2022-H1"), &st, out, sizeof(out), &outlen), TR_OK);
	CHECK_STR(out, want);
	/* without outer_area, the parent's own ranks are left out */
	st.outer_area = NULL;
	CHECK_INT(tb_paragraph(&z, &s, NULL, NULL, 0, per("2022-H1"), &st, out, sizeof(out), &outlen), TR_OK);
	CHECK_STR(out, "上半年，全市制造业完成投资540亿元，同比增长24.1%。");
	/* verb_inside needs the object at the end of the name */
	s.object = "增加值";
	st.outer_area = "全省";
	CHECK_INT(tb_paragraph(&z, &s, NULL, NULL, 0, per("2022-H1"), &st, out, sizeof(out), &outlen), TR_OK);
	CHECK_STR(out, "上半年，全市制造业投资完成540亿元，同比增长24.1%，总量居全省第一。");
}

static void
test_english(void)
{
	tb_style	st;
	tb_row		r = jiangbei();
	tb_row		z;
	tb_subject	inv = {"Jiangbei", "manufacturing investment", "亿元", 1, TB_AMOUNT, true, "宁波市", NULL, NULL};
	tb_subject	iv = {"Zhenhai", "industrial value added", "%", 1, TB_AMOUNT, true, "宁波市", NULL, NULL};
	tb_subject	ra = {"Beilun", "sales ratio", "%", 1, TB_RATIO, true, "宁波市", NULL, NULL};

	memset(&st, 0, sizeof(st));
	st.lang = TP_LANG_EN;
	r.pace = 24.9;
	SENT(&r, &inv, "2022-01..07", true, &st,
		 "Jan-Jul: Jiangbei's manufacturing investment was 12.5 亿元, up 61.0% year on year, 1st in the city, up 2 places on the previous report; 124.9% of the Q3 target, 24.9 points ahead of schedule.");
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_growth = true;
	z.r.growth = 8.3;
	z.has_rank_growth = true;
	z.rank_growth = 3;
	z.tied_growth = 1;
	z.has_rank_change = true;
	z.rank_change = 0;
	SENT(&z, &iv, "2022-01..07", true, &st,
		 "Jan-Jul: Zhenhai's industrial value added was up 8.3% year on year, 3rd in the city, unchanged from the previous report.");
	z.rank_change = -1;
	z.rank_growth = 12;
	z.tied_growth = 2;
	SENT(&z, &iv, "2022-Q1", true, &st,
		 "Q1: Zhenhai's industrial value added was up 8.3% year on year, joint 12th in the city, down 1 place on the previous report.");
	z.rank_growth = 22;
	z.r.growth = -4.0;
	z.has_rank_change = false;
	SENT(&z, &iv, "2022-H1", true, &st,
		 "H1: Zhenhai's industrial value added was down 4.0% year on year, joint 22nd in the city.");
	z.r.growth = 250;
	z.has_rank_growth = false;
	SENT(&z, &iv, "2022", true, &st, "Full year: Zhenhai's industrial value added was up 2.5 times year on year.");
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_value = true;
	z.r.value = 98.1;
	z.r.has_base = true;
	z.r.base = 97.8;
	z.r.has_growth = true;
	z.r.growth = 0.3;
	SENT(&z, &ra, "2022-01..07", true, &st, "Jan-Jul: Beilun's sales ratio was 98.1%, up 0.3 points year on year.");
	z.r.value = -1;
	z.r.base = -3;
	z.r.has_growth = false;
	SENT(&z, &inv, "2022-07", true, &st, "Jul: Jiangbei's manufacturing investment was a loss of 1.0 亿元, loss narrowed year on year.");
	/* targets */
	r.has_rank_growth = false;
	r.r.has_value = false;
	r.r.has_growth = false;
	SENT(&r, &inv, "2022-01..07", true, &st,
		 "Jan-Jul: Jiangbei's manufacturing investment reached 124.9% of the Q3 target, 24.9 points ahead of schedule.");
	r.pace = -2;
	st.pace_in_words = true;
	SENT(&r, &inv, "2022-01..07", true, &st,
		 "Jan-Jul: Jiangbei's manufacturing investment reached 124.9% of the Q3 target, behind schedule.");
	r.has_attainment = false;
	st.pace_in_words = false;
	SENT(&r, &inv, "2022-01..07", true, &st,
		 "Jan-Jul: Jiangbei's manufacturing investment was 2.0 points behind schedule.");
	r.has_attainment = true;
	r.target.period = per("2022");
	r.time_progress = 100;
	SENT(&r, &inv, "2022-01..12", true, &st,
		 "Jan-Dec: Jiangbei's manufacturing investment exceeded the full-year target (124.9%).");
	r.attainment = 100;
	SENT(&r, &inv, "2022-01..12", true, &st,
		 "Jan-Dec: Jiangbei's manufacturing investment met the full-year target.");
	/* growth gap; the area word from the style */
	memset(&z, 0, sizeof(z));
	z.peers = 12;			/* ranked among peers: a rank clause can show */
	z.r.has_growth = true;
	z.r.growth = 8.3;
	z.has_target = true;
	z.target.period = per("2022-H1");
	z.has_growth_gap = true;
	z.growth_gap = -1.25;		/* tie: 1.2 */
	z.has_rank_growth = true;
	z.rank_growth = 1;
	z.tied_growth = 1;
	st.area = "全省";
	SENT(&z, &iv, "2022-01..05", true, &st,
		 "Jan-May: Zhenhai's industrial value added was up 8.3% year on year, 1st in the province; 1.2 points below the H1 growth target.");
	z.growth_gap = 0;
	st.area = "the metropolis";
	SENT(&z, &iv, "2022-01..05", true, &st,
		 "Jan-May: Zhenhai's industrial value added was up 8.3% year on year, 1st in the metropolis; at the H1 growth target.");
	/* amount rank and growth rank together */
	st.area = NULL;
	st.rank_by = TB_RANK_BOTH;
	r = jiangbei();
	r.has_target = r.has_attainment = r.has_pace = false;
	r.has_rank_amount = true;
	r.rank_amount = 2;
	r.tied_amount = 1;
	SENT(&r, &inv, "2022-01..07", true, &st,
		 "Jan-Jul: Jiangbei's manufacturing investment was 12.5 亿元, up 61.0% year on year, 1st in the city by growth, up 2 places on the previous report, 2nd in the city by total.");
}

static void
test_labels_and_areas(void)
{
	char		b[TP_TEXT_MAX];
	size_t		n;
	static const char *const cases[][3] = {
		{"2022-01..07", "1-7月", "Jan-Jul"},
		{"2022-07", "7月", "Jul"},
		{"2022-Q1", "一季度", "Q1"},
		{"2022-Q3", "三季度", "Q3"},
		{"2022-H1", "上半年", "H1"},
		{"2022-Q1..Q3", "前三季度", "Q1-Q3"},
		{"2022", "全年", "Full year"},
		{"2022-W05", "第5周", "W05"},
		{"2022-07-15", "7月15日", "15 Jul"},
		{"2021-12..2022-02", "2021年12月至2022年2月", "Dec 2021-Feb 2022"},
		{"2021..2022", "2021年至2022年", "2021-2022"},
	};
	size_t		i;
	char		a[TB_AREA_MAX];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		CHECK_INT(tb_period_label(per(cases[i][0]), TP_LANG_ZH, b, sizeof(b), &n), TR_OK);
		CHECK_STR(b, cases[i][1]);
		CHECK_INT(n, strlen(cases[i][1]));
		CHECK_INT(tb_period_label(per(cases[i][0]), TP_LANG_EN, b, sizeof(b), &n), TR_OK);
		CHECK_STR(b, cases[i][2]);
	}
	/* Labels are kept for reuse: backwards, and each twice in a row,
	 * evicted ones are made again and kept ones read back the same. */
	for (i = sizeof(cases) / sizeof(cases[0]); i-- > 0;)
	{
		int			twice;

		for (twice = 0; twice < 2; twice++)
		{
			CHECK_INT(tb_period_label(per(cases[i][0]), TP_LANG_EN, b, sizeof(b), &n), TR_OK);
			CHECK_STR(b, cases[i][2]);
			CHECK_INT(tb_period_label(per(cases[i][0]), TP_LANG_ZH, b, sizeof(b), &n), TR_OK);
			CHECK_STR(b, cases[i][1]);
		}
	}
	CHECK_INT(tb_period_label(per("2022-Q1"), TP_LANG_ZH, b, 9, &n), TR_EBUF);
	CHECK_INT(n, 9);
	CHECK_STR(b, "");
	CHECK_INT(tb_period_label(per("2022-Q1"), TP_LANG_ZH, b, 9, &n), TR_EBUF);
	CHECK_INT(n, 9);
	CHECK_INT(tb_period_label(per("2022-Q1"), TP_LANG_ZH, b, 10, &n), TR_OK);
	CHECK_INT(tb_period_label(per("2022-Q1"), (tp_lang) 2, b, sizeof(b), &n), TR_EARG);
	CHECK_INT(tb_period_label(-1, TP_LANG_ZH, b, sizeof(b), &n), TR_EARG);

#define AREA(name, zh, en) \
	do { \
		tb_area_word(name, TP_LANG_ZH, a, sizeof(a)); \
		CHECK_STR(a, zh); \
		tb_area_word(name, TP_LANG_EN, a, sizeof(a)); \
		CHECK_STR(a, en); \
	} while (0)
	AREA("宁波市", "全市", "the city");
	AREA("浙江省", "全省", "the province");
	AREA("广西壮族自治区", "全省", "the province");
	AREA("北仑区", "全区", "the district");
	AREA("前湾新区", "全区", "the district");
	AREA("象山县", "全县", "the county");
	AREA("嘉兴", "全市", "the city");
	AREA(NULL, "全市", "the city");
	AREA("", "全市", "the city");
	tb_area_word("浙江省", TP_LANG_EN, a, 12);	/* "the province" needs 13 */
	CHECK_STR(a, "");
	tb_area_word("浙江省", TP_LANG_ZH, a, 7);
	CHECK_STR(a, "全省");
	tb_area_word("浙江省", TP_LANG_ZH, NULL, 0);	/* nothing written */
}

/* Peers of 宁波市 (league of six, list of two and three, ties). */
static tb_row peers_rows[7];
static const tb_row *peers[7];
static const char *names[7] = {"江北区", "镇海区", "北仑区", "海曙区", "象山县", "高新区", "奉化区"};

static void
set_peer(int i, double g, int rank, int tied)
{
	tb_row	   *r = &peers_rows[i];

	memset(r, 0, sizeof(*r));
	r->peers = 7;
	r->r.has_growth = true;
	r->r.growth = g;
	r->has_rank_growth = true;
	r->rank_growth = rank;
	r->tied_growth = tied;
	peers[i] = r;
}

static tr_status
para(const tb_row *parent, const tb_subject *s, int n, const char *p,
	 const tb_style *st)
{
	return tb_paragraph(parent, s, peers, names, n, per(p), st, out, sizeof(out), &outlen);
}

static void
test_paragraph(void)
{
	tb_style	st;
	tb_subject	s = {"宁波市", "制造业投资", "亿元", 1, TB_AMOUNT, true, "宁波市", NULL, NULL};
	tb_row		parent;
	const char *want;

	memset(&st, 0, sizeof(st));
	st.list_length = 2;
	set_peer(0, 61.0, 1, 1);
	set_peer(1, 45.0, 2, 1);
	set_peer(2, 30.0, 3, 2);
	set_peer(3, 30.04, 3, 2);
	set_peer(4, 1.0, 5, 1);
	set_peer(5, -3.2, 6, 1);
	peers_rows[0].has_pace = true;
	peers_rows[0].pace = 24.9;
	peers_rows[0].has_attainment = true;
	peers_rows[0].attainment = 124.9;
	peers_rows[1].has_pace = true;
	peers_rows[1].pace = -3.0;
	peers_rows[1].has_attainment = true;
	peers_rows[1].attainment = 95;
	peers_rows[2].has_pace = true;
	peers_rows[2].pace = 0.04;	/* 0.0: not ahead */
	peers_rows[2].has_attainment = true;
	peers_rows[2].attainment = 99.96;	/* 100.0: met */

	memset(&parent, 0, sizeof(parent));
	parent.r.has_value = true;
	parent.r.value = 120.46;
	parent.r.has_growth = true;
	parent.r.growth = 30.2;

	want = "1-7月，全市制造业投资完成120.5亿元，同比增长30.2%。"
		"全市6个地区中，5个实现增长，1个超序时进度，2个完成目标。"
		"红旗：江北区（61.0%）、镇海区（45.0%）；蜗牛：高新区（-3.2%）、象山县（1.0%）。"
		"增速最高的是江北区（61.0%），最低的是高新区（-3.2%）。";
	CHECK_INT(para(&parent, &s, 6, "2022-01..07", &st), TR_OK);
	CHECK_STR(out, want);
	CHECK_INT(outlen, strlen(want));

	/* the target period's last report (time progress 100%): the sentences
	 * say 超额完成 / 完成 rather than a pace, so the paragraph counts none */
	peers_rows[0].has_time_progress = peers_rows[1].has_time_progress =
		peers_rows[2].has_time_progress = true;
	peers_rows[0].time_progress = peers_rows[1].time_progress =
		peers_rows[2].time_progress = 99.96;	/* 100.0 as printed */
	CHECK_INT(para(NULL, &s, 6, "2022-01..07", &st), TR_OK);
	CHECK_STR(out, "1-7月，全市6个地区中，5个实现增长，2个完成目标。"
			  "红旗：江北区（61.0%）、镇海区（45.0%）；蜗牛：高新区（-3.2%）、象山县（1.0%）。"
			  "增速最高的是江北区（61.0%），最低的是高新区（-3.2%）。");
	/* one peer before its last report still counts */
	peers_rows[0].time_progress = 58.3;
	CHECK_INT(para(NULL, &s, 6, "2022-01..07", &st), TR_OK);
	CHECK_STR(out, "1-7月，全市6个地区中，5个实现增长，1个超序时进度，2个完成目标。"
			  "红旗：江北区（61.0%）、镇海区（45.0%）；蜗牛：高新区（-3.2%）、象山县（1.0%）。"
			  "增速最高的是江北区（61.0%），最低的是高新区（-3.2%）。");
	peers_rows[0].has_time_progress = peers_rows[1].has_time_progress =
		peers_rows[2].has_time_progress = false;

	/* three: the tie at third place comes in whole, names in byte order;
	 * the 蜗牛 stop before the 红旗 */
	st.list_length = 3;
	st.peer_noun = "区（县、市）";
	CHECK_INT(para(NULL, &s, 6, "2022-01..07", &st), TR_OK);
	CHECK_STR(out, "1-7月，全市6个区（县、市）中，5个实现增长，1个超序时进度，2个完成目标。"
			  "红旗：江北区（61.0%）、镇海区（45.0%）、北仑区（30.0%）、海曙区（30.0%）；蜗牛：高新区（-3.2%）、象山县（1.0%）。"
			  "增速最高的是江北区（61.0%），最低的是高新区（-3.2%）。");
	/* a tie at the bottom: both 蜗牛 come in, and the spread names both */
	st.list_length = 1;
	st.peer_noun = NULL;
	set_peer(4, -3.2, 5, 2);
	peers_rows[5].tied_growth = 2;
	peers_rows[5].rank_growth = 5;
	CHECK_INT(para(NULL, &s, 6, "2022-01..07", &st), TR_OK);
	CHECK_STR(out, "1-7月，全市6个地区中，4个实现增长，1个超序时进度，2个完成目标。"
			  "红旗：江北区（61.0%）；蜗牛：象山县（-3.2%）、高新区（-3.2%）。"
			  "增速最高的是江北区（61.0%），最低的是象山县、高新区（-3.2%）。");
	/* list_length 0: no lists; no pace or attainment anywhere: no counts of them */
	st.list_length = 0;
	set_peer(0, 61.0, 1, 1);
	set_peer(1, 45.0, 2, 1);
	set_peer(2, 30.0, 3, 1);
	CHECK_INT(para(NULL, &s, 3, "2022-07", &st), TR_OK);
	CHECK_STR(out, "7月，全市3个地区中，3个实现增长。增速最高的是江北区（61.0%），最低的是北仑区（30.0%）。");
	/* lower is better: rank 1 is the lowest growth */
	{
		tb_subject	low = s;

		low.higher_is_better = false;
		set_peer(0, 1.0, 1, 1);
		set_peer(1, 2.0, 2, 1);
		set_peer(2, 3.0, 3, 1);
		st.list_length = 1;
		CHECK_INT(para(NULL, &low, 3, "2022-07", &st), TR_OK);
		CHECK_STR(out, "7月，全市3个地区中，3个实现增长。红旗：江北区（1.0%）；蜗牛：北仑区（3.0%）。"
				  "增速最高的是北仑区（3.0%），最低的是江北区（1.0%）。");
	}
	/* one peer: no spread, and no lists (at most half the peers each) */
	st.list_length = 3;
	CHECK_INT(para(NULL, &s, 1, "2022-07", &st), TR_OK);
	CHECK_STR(out, "7月，全市1个地区中，1个实现增长。");
	/* all tied: no spread */
	set_peer(0, 5.0, 1, 2);
	set_peer(1, 5.0, 1, 2);
	st.list_length = 0;
	CHECK_INT(para(NULL, &s, 2, "2022-07", &st), TR_OK);
	CHECK_STR(out, "7月，全市2个地区中，2个实现增长。");
	/* a ratio */
	{
		tb_subject	r = s;

		r.kind = TB_RATIO;
		r.indicator_name = "产销率";
		r.unit = "%";
		set_peer(0, 0.3, 1, 1);
		set_peer(1, -0.25, 2, 1);
		CHECK_INT(para(NULL, &r, 2, "2022-07", &st), TR_OK);
		CHECK_STR(out, "7月，全市2个地区中，1个同比提高。增幅最高的是江北区（0.3个百分点），最低的是镇海区（-0.2个百分点）。");
	}
	/* ranks that do not start at 1 (a hand-made row): no empty list */
	set_peer(0, 9.0, 4, 1);
	set_peer(1, 8.0, 5, 1);
	set_peer(2, 7.0, 6, 1);
	st.list_length = 2;
	CHECK_INT(para(NULL, &s, 3, "2022-07", &st), TR_OK);
	CHECK_STR(out, "7月，全市3个地区中，3个实现增长。蜗牛：北仑区（7.0%）。"
			  "增速最高的是江北区（9.0%），最低的是北仑区（7.0%）。");
	st.list_length = 0;
	/* nothing to say */
	CHECK_INT(para(NULL, &s, 0, "2022-07", &st), TR_NULL);
	CHECK_STR(out, "");
	/* English */
	{
		const char *en_names[3] = {"Jiangbei", "Zhenhai", "Beilun"};
		tb_subject	es = {"Ningbo", "manufacturing investment", "亿元", 1, TB_AMOUNT, true, "宁波市", NULL, NULL};

		set_peer(0, 61.0, 1, 1);
		set_peer(1, 45.0, 2, 1);
		set_peer(2, -3.2, 3, 1);
		peers_rows[0].has_pace = true;
		peers_rows[0].pace = 2;
		peers_rows[0].has_attainment = true;
		peers_rows[0].attainment = 101;
		st.lang = TP_LANG_EN;
		st.list_length = 1;
		CHECK_INT(tb_paragraph(&parent, &es, peers, en_names, 3, per("2022-01..07"), &st,
							   out, sizeof(out), &outlen), TR_OK);
		CHECK_STR(out, "Jan-Jul: the city's manufacturing investment was 120.5 亿元, up 30.2% year on year. "
				  "Of the 3 regions in the city, 2 grew, 1 is ahead of schedule, 1 met their target. "
				  "Leaders: Jiangbei (61.0%); laggards: Beilun (-3.2%). "
				  "Highest growth: Jiangbei (61.0%); lowest: Beilun (-3.2%).");
	}
}

/* TR_EBUF: the length needed, an empty buffer, and OK one byte later. */
static void
test_buffers(void)
{
	tb_style	st;
	tb_row		r = jiangbei();
	char		small[256];
	size_t		need = 0;
	size_t		n;
	size_t		cap;

	memset(&st, 0, sizeof(st));
	CHECK_INT(tb_sentence(&r, &invest, per("2022-01..07"), true, &st, NULL, 0, &need), TR_EBUF);
	CHECK_INT(sentence(&r, &invest, "2022-01..07", true, &st), TR_OK);
	CHECK_INT(need, outlen);
	for (cap = 1; cap <= need; cap++)
	{
		memset(small, 'x', sizeof(small));
		n = 0;
		if (tb_sentence(&r, &invest, per("2022-01..07"), true, &st, small, cap, &n) != TR_EBUF ||
			n != need || small[0] != '\0')
			break;
	}
	CHECK_INT(cap, need + 1);
	memset(small, 'x', sizeof(small));
	CHECK_INT(tb_sentence(&r, &invest, per("2022-01..07"), true, &st, small, need + 1, &n), TR_OK);
	CHECK_STR(small, out);
	CHECK_INT(small[need + 1], 'x');	/* nothing written past cap */
	/* paragraphs alike */
	set_peer(0, 61.0, 1, 1);
	set_peer(1, 45.0, 2, 1);
	st.list_length = 1;
	CHECK_INT(tb_paragraph(&r, &invest, peers, names, 2, per("2022-01..07"), &st, NULL, 0, &need), TR_EBUF);
	CHECK_INT(tb_paragraph(&r, &invest, peers, names, 2, per("2022-01..07"), &st, out, sizeof(out), &n), TR_OK);
	CHECK_INT(need, n);
	memset(out, 'x', sizeof(out));
	CHECK_INT(tb_paragraph(&r, &invest, peers, names, 2, per("2022-01..07"), &st, out, need, &n), TR_EBUF);
	CHECK_INT(n, need);
	CHECK_INT(out[0], '\0');
	CHECK_INT(out[need], 'x');
	CHECK_INT(tb_paragraph(&r, &invest, peers, names, 2, per("2022-01..07"), &st, out, need + 1, NULL), TR_OK);
	CHECK_INT(strlen(out), need);
}

static void
test_errors(void)
{
	tb_style	st;
	tb_row		r = jiangbei();
	tb_subject	s = invest;

	memset(&st, 0, sizeof(st));
	r.r.value = NAN;
	strcpy(out, "x");
	CHECK_INT(sentence(&r, &invest, "2022-07", true, &st), TR_ENAN);
	CHECK_STR(out, "");
	r.r.value = 1;
	r.pace = INFINITY;
	CHECK_INT(sentence(&r, &invest, "2022-07", true, &st), TR_EINF);
	r.attainment = NAN;			/* NaN first, whatever the order */
	CHECK_INT(sentence(&r, &invest, "2022-07", true, &st), TR_ENAN);
	r = jiangbei();
	r.r.has_value = false;
	r.r.value = NAN;			/* absent: not looked at */
	CHECK_INT(sentence(&r, &invest, "2022-07", true, &st), TR_OK);
	st.lang = (tp_lang) 2;
	CHECK_INT(sentence(&r, &invest, "2022-07", true, &st), TR_EARG);
	st.lang = TP_LANG_ZH;
	s.decimals = 16;
	CHECK_INT(sentence(&r, &s, "2022-07", true, &st), TR_EARG);
	s.decimals = -1;			/* tens */
	r.r.has_value = true;
	r.r.value = 1234.5;
	r.has_rank_growth = r.has_attainment = r.has_pace = false;
	SENT(&r, &s, "2022-07", true, &st, "7月，江北区制造业投资完成1230亿元，同比增长61.0%。");
	CHECK_INT(tb_sentence(&r, &invest, -5, true, &st, out, sizeof(out), &outlen), TR_EARG);
	CHECK_INT(tb_sentence(NULL, &invest, per("2022-07"), true, &st, out, sizeof(out), &outlen), TR_EARG);
	CHECK_INT(tb_paragraph(NULL, &invest, NULL, NULL, 2, per("2022-07"), &st, out, sizeof(out), &outlen), TR_EARG);
	CHECK_INT(tb_paragraph(NULL, &invest, NULL, NULL, -1, per("2022-07"), &st, out, sizeof(out), &outlen), TR_EARG);
	/* huge figures print in full */
	r.r.value = 1e300;
	s.decimals = 2;
	CHECK_INT(sentence(&r, &s, "2022-07", true, &st), TR_OK);
	CHECK(outlen > 300 && outlen < 400);
}

/* tb_fmt_fixed prints what snprintf "%.*f" prints of the rounded value,
 * over values of every magnitude its fast path takes and beyond. */
static void
test_fmt_fixed(void)
{
	char		got[TB_NUM_MAX];
	char		want[TB_NUM_MAX];
	unsigned long long state = 88172645463325252ULL;
	int			i;
	int			bad = 0;

	for (i = 0; i < 400000; i++)
	{
		double		x;
		double		r;
		int			d;

		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		d = (int) (state % 10) - 1;		/* -1..8 */
		x = ((double) (state >> 11) / 9007199254740992.0 - 0.5) *
			pow(10.0, (double) ((state >> 3) % 19) - 3.0);
		if (i % 7 == 0)			/* ties: k + 0.5 units */
			x = (floor(x * 100.0) + 0.5) / 100.0;
		tb_fmt_fixed(x, d, got);
		if (tr_round_half_even(x, d, &r) != TR_OK)
			r = x;
		snprintf(want, sizeof want, "%.*f", d > 0 ? d : 0, r + 0.0);
		if (strcmp(got, want) != 0 && bad++ < 5)
			printf("tb_fmt_fixed(%.17g, %d): %s, snprintf %s\n", x, d, got, want);
	}
	CHECK_INT(bad, 0);
	tb_fmt_fixed(-0.04, 1, got);
	CHECK_STR(got, "0.0");
	tb_fmt_fixed(-0.06, 1, got);
	CHECK_STR(got, "-0.1");
	tb_fmt_fixed(540.0, 0, got);
	CHECK_STR(got, "540");
	tb_fmt_fixed(0.05, 3, got);
	CHECK_STR(got, "0.050");
}

int
main(void)
{
	test_fmt_fixed();
	test_examples();
	test_growth_words();
	test_ranks();
	test_targets();
	test_missing();
	test_jiaxing();
	test_english();
	test_labels_and_areas();
	test_paragraph();
	test_buffers();
	test_errors();
	return check_report("bulletin");
}
