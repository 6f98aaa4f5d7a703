/*
 * rates.h — rates, targets, scores and wording: the pure C core behind
 * tracker's scalar functions (DESIGN §4).
 *
 * No PostgreSQL headers. Functions return a tr_status and write results
 * through pointers the caller supplies; nothing here allocates. The fmgr
 * glue maps the codes: TR_NULL to SQL NULL, TR_ENAN and TR_EARG to 22023,
 * TR_EINF and TR_EOVERFLOW to 22003. TR_EBUF never reaches SQL: *len then
 * holds the length needed, so the glue can size its buffer and retry.
 *
 * Rates are in percent (24.1 means +24.1%); differences of rates are in
 * percentage points.
 *
 * Rules that hold for every function
 * -----------------------------------
 * - Checks run in this order, and the first that applies decides:
 *     1. any NaN argument                        TR_ENAN
 *     2. any +/-Infinity argument                TR_EINF
 *     3. a parameter outside its domain          TR_EARG
 *     4. data for which the result is undefined  TR_NULL
 *     5. a true result beyond the double range   TR_EOVERFLOW
 *   so growth(NaN, 0) is TR_ENAN, not TR_NULL. Intermediate overflow is
 *   avoided (a difference of two huge values is rescaled), so
 *   TR_EOVERFLOW means the result itself does not fit in a double.
 * - A result is never NaN, never +/-Infinity and never -0.
 * - *out is written only on TR_OK; on any other status it is untouched.
 * - Text results are UTF-8. When cap > 0 the buffer is NUL-terminated on
 *   every status (empty unless TR_OK); *len (if len is not NULL) gets the
 *   text's length without the NUL on TR_OK and the length needed on
 *   TR_EBUF.
 * - Formatting and parsing use snprintf and strtod, which follow
 *   LC_NUMERIC. The server always runs with LC_NUMERIC=C (lc_numeric only
 *   affects to_char), so the decimal point is '.'; the decimal rounding
 *   does not depend on it anyway (it reads back digit strings without a
 *   radix character).
 *
 * The functions
 * -------------
 * growth(cur, base) = (cur - base) / base * 100, computed exactly as that
 *   inline SQL expression would be. TR_NULL when base <= 0 (a bulletin
 *   then uses words: describe_growth).
 *
 * avg_growth(cur, base, years) = ((cur / base)^(1 / years) - 1) * 100, the
 *   geometric mean rate (两年平均增长: years = 2). TR_EARG when
 *   years <= 0; TR_NULL when base <= 0 or cur < 0; cur == 0 gives -100.
 *   years need not be whole.
 *
 * contribution(part_cur, part_base, total_base)
 *   = (part_cur - part_base) / total_base * 100, in points (拉动).
 *   TR_NULL when total_base <= 0.
 *
 * contribution_share(part_cur, part_base, total_cur, total_base)
 *   = (part_cur - part_base) / (total_cur - total_base) * 100 (贡献率).
 *   TR_NULL when total_cur == total_base. Negative shares, and shares
 *   above 100, are valid (a part that fell while the total rose).
 *
 * contribution_from_share(share, part_growth, total_growth), in points
 *   (拉动), from what bulletins print: the part's share of the current
 *   total in percent and the two growth rates in percent:
 *   share * part_growth / (100 + part_growth) * (100 + total_growth) / 100
 *   (the part's increase, P - P / (1 + g_p/100), over the total's base
 *   T / (1 + g_T/100), with P = share/100 * T). 91.6% of the total
 *   growing 5.4% while the total grew 5.1% pulls 4.93 points. TR_NULL
 *   when part_growth == -100 (the part has no base) or total_growth <=
 *   -100 (no positive total to hold a share). Shares may be negative or
 *   above 100, and part_growth below -100 (a part that turned negative).
 *
 * contribution_share_from_share(share, part_growth, total_growth), in
 *   percent (贡献率): contribution_from_share / total_growth * 100.
 *   TR_NULL as contribution_from_share, and when total_growth == 0.
 *
 * attainment(actual, target): target > 0: actual / target * 100;
 *   target < 0 (a loss limit): (2 - actual / target) * 100, so a loss of
 *   80 against a limit of 100 is 120 and breaking even is 200.
 *   TR_NULL when target == 0.
 *
 * pace(actual, target, progress): how far actual is ahead of the target
 *   pro rata to time, in points of the target (超/落后序时进度):
 *   (actual - target * progress / 100) / |target| * 100, that is
 *   schedule_gap / |target| * 100. target > 0: attainment - progress,
 *   computed so. target < 0 (a loss limit): progress - actual / target *
 *   100, so -50 against -120 at half time is 8.3 points ahead (the
 *   allowance to date is -60). progress is time progress in percent;
 *   TR_EARG outside 0..100. TR_NULL when target == 0.
 *
 * schedule_gap(actual, target, progress) = actual - target * progress / 100
 *   in the value's unit (超收 / 短收). TR_EARG when progress is outside
 *   0..100. target may be of any sign or zero.
 *
 * projection(actual, progress) = actual * 100 / progress, the run-rate
 *   value at the end of the target period, of either sign (a loss of 50
 *   by half time runs to 100). projection - target = schedule_gap * 100
 *   / progress for any target. TR_EARG when progress > 100; TR_NULL when
 *   progress <= 0 (nothing elapsed, nothing to project).
 *
 * required_per_month(actual, target, remaining_months)
 *   target >= 0: max(target - actual, 0) / remaining_months, 0 once the
 *   target is met. target < 0 (a loss limit): (target - actual) /
 *   remaining_months, never clamped: negative, the loss a month may still
 *   bring (-50 of -120 with 6 months left: -11.67), positive, the profit a
 *   month must bring once the limit is broken. Both equal target / months
 *   - schedule_gap / remaining_months until met. TR_NULL when
 *   remaining_months <= 0 (no time left to spread it over).
 *   remaining_months need not be whole.
 *
 * light(value, green_at, red_below): green when value >= green_at, red
 *   when value < red_below, else yellow; both thresholds inclusive on
 *   the better side. green_at == red_below leaves no yellow band.
 *   TR_EARG when green_at < red_below. For an indicator where lower is
 *   better, negate the value and both thresholds.
 *
 * points_by_rank(rank, full, step) = full * max(0, 1 - step * (rank - 1)):
 *   full for first place, then step (0.05 = 5%) less per place, never
 *   below 0 for full >= 0. rank need not be whole (average ranks).
 *   TR_EARG when rank < 1 or step < 0.
 *
 * efficacy_score(x, unacceptable, satisfactory, base, span)
 *   = base + span * (x - unacceptable) / (satisfactory - unacceptable)
 *   (功效系数法; the SQL defaults are base 60, span 40). Not clamped: x
 *   beyond satisfactory scores above base + span. satisfactory may be
 *   below unacceptable (lower is better). TR_EARG when they are equal.
 *
 * round_half_even(x, decimals) (GB/T 8170 修约): rounds x to `decimals`
 *   places, ties to even, as a bulletin rounds the exact decimal result
 *   of decimal inputs, and returns the double nearest the rounded
 *   decimal. A value within 2^-50 * (100 + |x|) of a decimal tie rounds
 *   as the tie: growth(100.35, 100) is 0.3499999999999943 and rounds as
 *   0.35, to 0.4; anything farther from a tie rounds to the side it lies
 *   on (0.3499999999999 -> 0.3). That holds while (100 + |x|) *
 *   10^decimals <= 2^40 (every rate to 1 or 2 decimals below 10^10);
 *   beyond, the decimal number that float8 prints is rounded, as before.
 *   Either way 24.05, 24.25 -> 24.0, 24.2 and 24.15, 24.35 -> 24.2, 24.4,
 *   although the doubles nearest 24.05 and 24.15 lie above and below
 *   them. round.c says why the tolerance has that size. Negative decimals
 *   round to tens, hundreds, ...: (1234.5, -1) -> 1230. TR_EARG when
 *   decimals is outside -15..15.
 *
 * describe_growth(cur, base, lang): the published wording of a change;
 *   lang 0 Chinese, 1 English (the values of tp_lang), else TR_EARG.
 *     base > 0, cur >= 0: g = growth rounded to 1 decimal (half even);
 *       g == 0 持平 / flat; g >= 100 增长3.6倍 / up 3.6 times, the
 *       multiple being the unrounded growth / 100 rounded once to 1
 *       decimal; g > 0 增长24.1% / up 24.1%; g < 0 下降2.1% / down 2.1%.
 *       Always one decimal: 增长5.0%, 增长1.0倍, 下降100.0%.
 *     base > 0, cur < 0: 由盈转亏 / from profit to loss.
 *     base < 0: cur > 0 扭亏为盈 / from loss to profit; cur == base
 *       持平 / flat; base < cur <= 0 减亏 / loss narrowed; cur < base
 *       增亏 / loss widened.
 *     base == 0: cur > 0 新增 / new; cur == 0 持平 / flat; cur < 0
 *       由盈转亏 / from profit to loss.
 *   TR_EOVERFLOW when the growth rate itself overflows. At most
 *   TR_DESCRIBE_MAX bytes with the NUL.
 *
 * describe_change(cur, base, lang): the change of a ratio indicator
 *   (开工率, 利润率, 产销率, 失业率) in percentage points, as bulletins word
 *   it: d = cur - base rounded half even to one decimal (round_half_even,
 *   so a difference within the tie tolerance of x.x5 rounds as the tie);
 *   d > 0 提高0.3个百分点 / up 0.3 points, d < 0 下降0.3个百分点 / down 0.3
 *   points, d == 0 持平 / flat. Always one decimal. lang as for
 *   describe_growth. TR_EOVERFLOW when cur - base overflows. At most
 *   TR_DESCRIBE_MAX bytes with the NUL.
 *
 * bar(value, max, width): a bar of width character cells for psql: the
 *   fraction value / max clamped to 0..1, in eighths of a cell rounded
 *   to nearest (half up), as full blocks '█' followed by one partial
 *   block '▏▎▍▌▋▊▉' (1..7 eighths); no padding. value <= 0 gives the
 *   empty string, value >= max a full bar. TR_EARG when width is outside
 *   1..TR_BAR_MAX_WIDTH; TR_NULL when max <= 0. Every cell is 3 bytes, so
 *   TR_BAR_CAP(width) bytes always suffice.
 */
#ifndef TRACKER_CORE_RATES_H
#define TRACKER_CORE_RATES_H

#include <math.h>
#include <stddef.h>

typedef enum tr_status
{
	TR_OK = 0,
	TR_NULL,					/* no meaningful result: SQL NULL */
	TR_ENAN,					/* a NaN argument */
	TR_EINF,					/* an infinite argument */
	TR_EOVERFLOW,				/* the result is beyond the double range */
	TR_EARG,					/* a parameter outside its domain */
	TR_EBUF						/* caller's buffer too small */
} tr_status;

typedef enum tr_light
{
	TR_GREEN = 0,
	TR_YELLOW = 1,
	TR_RED = 2
} tr_light;

#define TR_ROUND_MIN_DECIMALS (-15)
#define TR_ROUND_MAX_DECIMALS 15

/* Longest describe_growth or describe_change text with its NUL: a
 * multiple near DBL_MAX/100 printed with %.1f has 307 digits, a change
 * near DBL_MAX 309 (6 + 311 + 12 bytes in Chinese). */
#define TR_DESCRIBE_MAX 336

#define TR_BAR_MAX_WIDTH 1000
/* Bytes that always hold bar(..., width): 3 per cell and the NUL. */
#define TR_BAR_CAP(width) ((size_t) (width) * 3 + 1)

/* Out-of-line halves of the inline functions below: every case the fast
 * path does not settle. Not for direct use. */
extern tr_status tr_growth_slow(double cur, double base, double *out);
extern tr_status tr_attainment_slow(double actual, double target,
									double *out);

/*
 * growth and attainment run once per row in scoreboards and are measured
 * against the inline SQL expression, so they are inline: one division,
 * one multiplication and one test on the common path. A finite quotient
 * with base > 0 implies both arguments were finite (an infinite base
 * gives NaN), so nothing else needs checking there. Adding 0.0 turns a
 * -0 (an underflowed negative quotient) into +0.
 */
static inline tr_status
tr_growth(double cur, double base, double *out)
{
	double		g = (cur - base) / base * 100.0;

	if (base > 0.0 && isfinite(g))
	{
		*out = g + 0.0;
		return TR_OK;
	}
	return tr_growth_slow(cur, base, out);
}

/*
 * Here an infinite target would give a finite 0 or 200, so the target is
 * checked too; a zero target makes the quotient non-finite and falls
 * through.
 */
static inline tr_status
tr_attainment(double actual, double target, double *out)
{
	double		q = actual / target;
	double		a = (target > 0.0 ? q : 2.0 - q) * 100.0;

	if (isfinite(a) && isfinite(target))
	{
		*out = a + 0.0;
		return TR_OK;
	}
	return tr_attainment_slow(actual, target, out);
}

extern tr_status tr_avg_growth(double cur, double base, double years,
							   double *out);
extern tr_status tr_contribution(double part_cur, double part_base,
								 double total_base, double *out);
extern tr_status tr_contribution_share(double part_cur, double part_base,
									   double total_cur, double total_base,
									   double *out);
extern tr_status tr_contribution_from_share(double share, double part_growth,
										   double total_growth, double *out);
extern tr_status tr_contribution_share_from_share(double share,
												 double part_growth,
												 double total_growth,
												 double *out);
extern tr_status tr_pace(double actual, double target, double progress_pct,
						 double *out);
extern tr_status tr_schedule_gap(double actual, double target,
								 double progress_pct, double *out);
extern tr_status tr_projection(double actual, double progress_pct,
							   double *out);
extern tr_status tr_required_per_month(double actual, double target,
									   double remaining_months, double *out);
extern tr_status tr_light_of(double value, double green_at, double red_below,
							 tr_light *out);

/*
 * tr_light_label: what a 通报 calls a light. words TR_WORDS_LIGHTS:
 * 绿灯 / 黄灯 / 红灯 (green light / yellow light / red light); words
 * TR_WORDS_FLAGS, for offices that hang 红旗 and 蜗牛: green 红旗 (red
 * flag), red 蜗牛 (snail), and yellow TR_NULL (no flag). lang as for
 * describe_growth; TR_EARG for another lang, words or light. *out is a
 * static UTF-8 string.
 */
typedef enum tr_words
{
	TR_WORDS_LIGHTS = 0,
	TR_WORDS_FLAGS = 1
} tr_words;

extern tr_status tr_light_label(tr_light light, int lang, int words,
								const char **out);
extern tr_status tr_points_by_rank(double rank, double full, double step,
								   double *out);
extern tr_status tr_efficacy_score(double x, double unacceptable,
								   double satisfactory, double base,
								   double span, double *out);

/* round.c */
extern tr_status tr_round_half_even(double x, int decimals, double *out);

/*
 * The decimal that float8 prints for a finite x: its significant digits
 * (ASCII, no sign, no trailing zeros, NUL-terminated; at most 17), the
 * power of ten of the first one, so |x| reads back from d1.d2d3... *
 * 10^exp10, and the sign. Among the shortest digit strings that read
 * back as x it is the nearest to x, as PostgreSQL's float8out (Ryu)
 * chooses. x == 0 gives "0", exponent 0, and the sign of the zero.
 * round_half_even works on this. TR_ENAN / TR_EINF for non-finite x.
 */
#define TR_SHORTEST_CAP 18
extern tr_status tr_shortest_decimal(double x, char digits[TR_SHORTEST_CAP],
									 int *exp10, int *negative);

extern tr_status tr_describe_growth(double cur, double base, int lang,
									char *buf, size_t cap, size_t *len);
extern tr_status tr_describe_change(double cur, double base, int lang,
									char *buf, size_t cap, size_t *len);
extern tr_status tr_bar(double value, double max, int width, char *buf,
						size_t cap, size_t *len);

#endif							/* TRACKER_CORE_RATES_H */
