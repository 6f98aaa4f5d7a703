/*
 * fuzz_bulletin.c — libFuzzer target for tb_sentence and tb_paragraph.
 *
 * The input builds up to eight board rows (every field present or not,
 * finite values from a palette of extremes or raw bits: DBL_MAX, the
 * smallest subnormal, -0, decimal ties, negative bases, ranks of any
 * sign), a subject, a style and a period. Checks, each aborting:
 * - the status is TR_OK, TR_NULL or TR_EBUF (nothing else can come of
 *   finite rows and valid arguments);
 * - TR_OK: the text is valid UTF-8, its length is *len, no byte past cap
 *   is touched, and it never ends with a separator before 。;
 * - TR_EBUF and TR_NULL: the buffer is empty; TR_EBUF's *len is >= cap
 *   and a buffer of *len + 1 bytes then gives TR_OK and that many bytes.
 *
 * Build: test/fuzz/run.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bulletin.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct in
{
	const uint8_t *d;
	size_t		n;
} in;

static uint8_t
byte(in *s)
{
	uint8_t		b = 0;

	if (s->n > 0)
	{
		b = *s->d++;
		s->n--;
	}
	return b;
}

static double
num(in *s)
{
	static const double palette[] = {
		0.0, -0.0, 1.0, -1.0, 24.05, 24.15, 0.35, -0.05, 99.95, 100.0,
		100.05, 360.4, -150.0, 1e15, -1e15, DBL_MAX, -DBL_MAX, DBL_MIN,
		5e-324, 1e300, -1e300, 12.5, 33.333333333333336, 1e-5
	};
	uint8_t		b = byte(s);

	if (b < 200)
		return palette[b % (sizeof(palette) / sizeof(palette[0]))];
	else
	{
		uint64_t	bits = 0;
		double		x;
		int			i;

		for (i = 0; i < 8; i++)
			bits = bits << 8 | byte(s);
		memcpy(&x, &bits, sizeof(x));
		return isfinite(x) ? x : 0.0;
	}
}

static int32_t
small_int(in *s)
{
	return (int32_t) (int8_t) byte(s);
}

static void
fill(in *s, tb_row *r, tp_period tperiod)
{
	uint16_t	has = (uint16_t) (byte(s) | byte(s) << 8);

	memset(r, 0, sizeof(*r));
	r->r.has_value = has & 1;
	r->r.value = num(s);
	r->r.has_base = has & 2;
	r->r.base = num(s);
	r->r.has_growth = has & 4;
	r->r.growth = num(s);
	r->has_target = has & 8;
	r->target.period = tperiod;
	r->has_attainment = has & 16;
	r->attainment = num(s);
	r->has_growth_gap = has & 32;
	r->growth_gap = num(s);
	r->has_time_progress = has & 64;
	r->time_progress = num(s);
	r->has_pace = has & 128;
	r->pace = num(s);
	r->has_rank_growth = has & 256;
	r->rank_growth = small_int(s);
	r->tied_growth = small_int(s);
	r->has_rank_amount = has & 512;
	r->rank_amount = small_int(s);
	r->tied_amount = small_int(s);
	r->has_rank_change = has & 1024;
	r->rank_change = (has & 2048) ? INT32_MIN : small_int(s);
	if (has & 4096)
		r->rank_growth = INT32_MAX;
	r->peers = small_int(s);
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		unsigned	c = p[i];
		size_t		k;
		unsigned	cp;
		size_t		j;

		if (c < 0x80)
		{
			if (c == 0)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return 0;
		if (i + k >= n)
			return 0;
		for (j = 1; j <= k; j++)
		{
			if ((p[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + j] & 0x3F);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return 0;
		i += k + 1;
	}
	return 1;
}

#define BIG 65536
static char big[BIG];
static char small[BIG];

static void
check_text(tr_status st, const char *buf, size_t cap, size_t len)
{
	if (st == TR_OK)
	{
		if (len >= cap || strlen(buf) != len || !valid_utf8((const unsigned char *) buf, len))
			abort();
		if (len >= 6 && (strstr(buf, "，。") || strstr(buf, "；。") || strstr(buf, "，，") ||
						 strstr(buf, "，；") || strstr(buf, "；，") || strstr(buf, "：。") ||
						 strstr(buf, "：；") || strstr(buf, ": .") || strstr(buf, ": ;")))
			abort();
	}
	else if (st == TR_EBUF)
	{
		if (len < cap || (cap > 0 && buf[0] != '\0'))
			abort();
	}
	else if (st == TR_NULL)
	{
		if (cap > 0 && buf[0] != '\0')
			abort();
	}
	else
		abort();
}

/* Run f into a buffer of the asked size, with a canary after it, then
 * into one of exactly the needed size. */
#define TRY(call_with) \
	do { \
		size_t		len_ = 0, len2_ = 0; \
		tr_status	st_, st2_; \
		memset(small, 0x5A, BIG); \
		st_ = call_with(small, cap, &len_); \
		check_text(st_, small, cap, len_); \
		if (cap < BIG && (unsigned char) small[cap] != 0x5A) \
			abort(); \
		st2_ = call_with(big, BIG, &len2_); \
		check_text(st2_, big, BIG, len2_); \
		if (st_ == TR_EBUF) \
		{ \
			if (st2_ != TR_OK || len2_ != len_) \
				abort(); \
			if (len_ + 1 <= BIG) \
			{ \
				memset(small, 0x5A, BIG); \
				if (call_with(small, len_ + 1, &len2_) != TR_OK || len2_ != len_ || \
					memcmp(small, big, len_ + 1) != 0) \
					abort(); \
			} \
		} \
		else if (st_ != st2_ || (st_ == TR_OK && strcmp(small, big) != 0)) \
			abort(); \
	} while (0)

static tb_row rows[8];
static const tb_row *rowp[8];
static const char *rnames[8] = {"江北区", "镇海区", "Beilun", "Y", "海曙区", "x", "象山县", "高新区"};
static tb_subject subj;
static tb_style style;
static tp_period period;
static bool has_prev;
static int	npeers;

static tr_status
do_sentence(char *buf, size_t cap, size_t *len)
{
	return tb_sentence(&rows[0], &subj, period, has_prev, &style, buf, cap, len);
}

static tr_status
do_paragraph(char *buf, size_t cap, size_t *len)
{
	return tb_paragraph((style.first_as_place ? NULL : &rows[0]), &subj, rowp + 1,
						rnames + 1, npeers, period, &style, buf, cap, len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	in			s = {data, size};
	static const char *const parents[] = {"宁波市", "浙江省", "北仑区", "象山县", NULL, "广西壮族自治区", ""};
	static const char *const units[] = {"亿元", "%", "万元", NULL, ""};
	static const char *const areas[] = {NULL, "全省", "the metropolis", "全区"};
	uint8_t		b = byte(&s);
	uint8_t		c = byte(&s);
	int64_t		unit = 2022 * 12 + (byte(&s) % 12);
	tp_grain	g = (tp_grain) (byte(&s) % TP_NGRAINS);
	tp_period	tperiod;
	size_t		cap;
	int			i;

	if (g == TP_DAY)
		unit = 738000 + byte(&s);
	else if (g == TP_WEEK)
		unit = 105400 + byte(&s);
	else if (g != TP_MONTH)
		unit = (g == TP_QUARTER ? 2022 * 4 : g == TP_HALF ? 2022 * 2 : 2022) + (byte(&s) & 1);
	if (tp_make(g, unit, unit + (byte(&s) % 3), &period) != TP_OK)
		return 0;
	if (tp_make(TP_QUARTER, 2022 * 4 + 2, 2022 * 4 + 2 + (byte(&s) & 1), &tperiod) != TP_OK)
		return 0;

	memset(&style, 0, sizeof(style));
	style.lang = (b & 1) ? TP_LANG_EN : TP_LANG_ZH;
	style.first_as_number = b & 2;
	style.first_as_place = b & 4;
	style.verb_inside = b & 8;
	style.pace_in_words = b & 16;
	style.rank_by = (tb_rank_by) ((b >> 5) % 3);
	style.area = areas[c % 4];
	style.outer_area = (c & 4) ? "全省" : NULL;
	style.peer_noun = (c & 8) ? "区（县、市）" : NULL;
	style.list_length = (int) (int8_t) byte(&s) % 10;

	memset(&subj, 0, sizeof(subj));
	subj.region_name = (c & 16) ? "全市" : "江北区";
	subj.indicator_name = (c & 32) ? "制造业投资" : "产销率";
	subj.object = (c & 64) ? "投资" : NULL;
	subj.verb = (c & 128) ? "实现" : NULL;
	subj.unit = units[byte(&s) % 5];
	subj.decimals = (int) (byte(&s) % 31) - 15;
	subj.kind = (byte(&s) & 1) ? TB_RATIO : TB_AMOUNT;
	subj.higher_is_better = byte(&s) & 1;
	subj.parent_name = parents[byte(&s) % 7];
	has_prev = byte(&s) & 1;
	npeers = byte(&s) % 8;
	cap = (size_t) byte(&s) * 4;

	for (i = 0; i < 8; i++)
	{
		fill(&s, &rows[i], tperiod);
		rowp[i] = &rows[i];
	}
	if (byte(&s) & 1)
		rowp[3] = NULL;			/* a peer without a row */

	TRY(do_sentence);
	TRY(do_paragraph);
	return 0;
}
