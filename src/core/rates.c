/*
 * rates.c — rates, targets, scores and the wording of a change.
 *
 * The rules (what each function computes, and when it returns which
 * status) are documented in rates.h. Here: how.
 */
#include "rates.h"

#include <float.h>
#include <stdio.h>
#include <string.h>

/* Classify the arguments: NaN wins over infinity, whatever their order. */
static tr_status
check_finite(const double *v, int n)
{
	int			i;
	int			inf = 0;

	for (i = 0; i < n; i++)
	{
		if (isnan(v[i]))
			return TR_ENAN;
		if (isinf(v[i]))
			inf = 1;
	}
	return inf ? TR_EINF : TR_OK;
}

/* Every double result leaves through here: no Inf, no NaN, no -0. */
static tr_status
finish(double r, double *out)
{
	if (!isfinite(r))
		return TR_EOVERFLOW;
	*out = r + 0.0;
	return TR_OK;
}

/*
 * (a - b) / d for finite arguments. When a - b overflows (opposite signs
 * near DBL_MAX) the quotient may still fit, so retry on halves, which
 * cannot overflow. The common path is the plain expression, so results
 * match what the same formula gives in SQL.
 */
static double
diff_over(double a, double b, double d)
{
	double		diff = a - b;

	if (isfinite(diff))
		return diff / d;
	return (a * 0.5 - b * 0.5) / d * 2.0;
}

/* (a - b) / (c - d), with the same care for either difference. */
static double
diff_ratio(double a, double b, double c, double d)
{
	double		num = a - b;
	double		den = c - d;

	if (isfinite(num) && isfinite(den))
		return num / den;
	return (a * 0.5 - b * 0.5) / (c * 0.5 - d * 0.5);
}

tr_status
tr_growth_slow(double cur, double base, double *out)
{
	tr_status	st;

	if ((st = check_finite((const double[]) {cur, base}, 2)) != TR_OK)
		return st;
	if (!(base > 0.0))
		return TR_NULL;
	return finish(diff_over(cur, base, base) * 100.0, out);
}

tr_status
tr_attainment_slow(double actual, double target, double *out)
{
	double		q;
	tr_status	st;

	if ((st = check_finite((const double[]) {actual, target}, 2)) != TR_OK)
		return st;
	if (target == 0.0)
		return TR_NULL;
	q = actual / target;
	return finish((target > 0.0 ? q : 2.0 - q) * 100.0, out);
}

tr_status
tr_avg_growth(double cur, double base, double years, double *out)
{
	double		ratio;
	double		factor;
	tr_status	st;

	if ((st = check_finite((const double[]) {cur, base, years}, 3)) != TR_OK)
		return st;
	if (!(years > 0.0))
		return TR_EARG;
	if (!(base > 0.0) || cur < 0.0)
		return TR_NULL;
	if (cur == 0.0)
	{
		*out = -100.0;
		return TR_OK;
	}

	/*
	 * pow on the ratio is the most accurate; when the ratio itself leaves
	 * the normal range (1e300 over 1e-300) go through logarithms, since
	 * a root of it may well fit. A tiny `years` makes 1/years infinite:
	 * pow then gives the limits (Inf, 1 or 0) and so do we.
	 */
	ratio = cur / base;
	if (ratio >= DBL_MIN && ratio <= DBL_MAX)
		factor = pow(ratio, 1.0 / years);
	else
		factor = exp((log(cur) - log(base)) / years);
	return finish((factor - 1.0) * 100.0, out);
}

tr_status
tr_contribution(double part_cur, double part_base, double total_base,
				double *out)
{
	tr_status	st;

	if ((st = check_finite((const double[]) {part_cur, part_base, total_base}, 3)) != TR_OK)
		return st;
	if (!(total_base > 0.0))
		return TR_NULL;
	return finish(diff_over(part_cur, part_base, total_base) * 100.0, out);
}

tr_status
tr_contribution_share(double part_cur, double part_base, double total_cur,
					  double total_base, double *out)
{
	tr_status	st;

	if ((st = check_finite((const double[]) {part_cur, part_base, total_cur, total_base}, 4)) != TR_OK)
		return st;
	/* with subnormals, distinct doubles never have a zero difference */
	if (total_cur == total_base)
		return TR_NULL;
	return finish(diff_ratio(part_cur, part_base, total_cur, total_base) *
				  100.0, out);
}

/*
 * From a printed share. With s the part's share of the current total,
 * g_p and g_T the two rates, the current levels are P = s/100 * T and the
 * bases P / (1 + g_p/100) and T / (1 + g_T/100), so
 *   (P - P_base) / T_base * 100 = s * g_p / (100 + g_p) * (100 + g_T) / 100.
 * Multiplied in that order: the common path is the plain expression, and
 * where an intermediate overflows the factors are regrouped, as diff_over
 * does, so that only a result beyond the double range is TR_EOVERFLOW.
 */
static tr_status
from_share(double share, double part_growth, double total_growth,
		   double *out)
{
	double		part_base = 100.0 + part_growth;
	double		total_base = 100.0 + total_growth;
	double		r;
	tr_status	st;

	if ((st = check_finite((const double[]) {share, part_growth, total_growth}, 3)) != TR_OK)
		return st;
	/* no base for the part; no positive total to hold a share */
	if (part_base == 0.0 || !(total_base > 0.0))
		return TR_NULL;
	r = share * part_growth / part_base * total_base / 100.0;
	if (!isfinite(r))
		r = share * (part_growth / part_base) * (total_base / 100.0);
	*out = r;
	return TR_OK;
}

tr_status
tr_contribution_from_share(double share, double part_growth,
						   double total_growth, double *out)
{
	double		r;
	tr_status	st;

	if ((st = from_share(share, part_growth, total_growth, &r)) != TR_OK)
		return st;
	return finish(r, out);
}

tr_status
tr_contribution_share_from_share(double share, double part_growth,
								 double total_growth, double *out)
{
	double		points;
	double		r;
	tr_status	st;

	if ((st = from_share(share, part_growth, total_growth, &points)) != TR_OK)
		return st;
	if (total_growth == 0.0)
		return TR_NULL;			/* the total did not change */
	if (!isfinite(points))
		return finish(share * (part_growth / (100.0 + part_growth)) *
					  ((100.0 + total_growth) / total_growth), out);
	r = points / total_growth * 100.0;
	if (!isfinite(r))
		r = points / (total_growth / 100.0);
	return finish(r, out);
}

/*
 * Pace is the schedule gap in points of the target: (actual - target *
 * progress / 100) / |target| * 100. For a target above 0 that is
 * attainment - progress, computed so, as the inline expression would be.
 * For a loss limit it is progress - actual / target * 100: the loss
 * allowed to date is target * progress / 100, and a district 10 better
 * than an allowance of -60 out of -120 is 8.3 points ahead. Attainment of
 * a loss limit, 2 - actual / target, counts from a different zero
 * (breaking even is 200%), so attainment - progress would put every
 * district that stayed within the year's limit far ahead of the calendar.
 */
tr_status
tr_pace(double actual, double target, double progress_pct, double *out)
{
	double		a;
	tr_status	st;

	if ((st = check_finite((const double[]) {actual, target, progress_pct}, 3)) != TR_OK)
		return st;
	if (progress_pct < 0.0 || progress_pct > 100.0)
		return TR_EARG;
	if (target < 0.0)
		return finish(progress_pct - actual / target * 100.0, out);
	if ((st = tr_attainment(actual, target, &a)) != TR_OK)
		return st;
	return finish(a - progress_pct, out);
}

tr_status
tr_schedule_gap(double actual, double target, double progress_pct,
				double *out)
{
	double		due;
	tr_status	st;

	if ((st = check_finite((const double[]) {actual, target, progress_pct}, 3)) != TR_OK)
		return st;
	if (progress_pct < 0.0 || progress_pct > 100.0)
		return TR_EARG;
	/* progress <= 100, so only target * progress can overflow spuriously */
	due = target * progress_pct / 100.0;
	if (!isfinite(due))
		due = target / 100.0 * progress_pct;
	return finish(actual - due, out);
}

tr_status
tr_projection(double actual, double progress_pct, double *out)
{
	double		r;
	tr_status	st;

	if ((st = check_finite((const double[]) {actual, progress_pct}, 2)) != TR_OK)
		return st;
	if (progress_pct > 100.0)
		return TR_EARG;
	if (!(progress_pct > 0.0))
		return TR_NULL;
	r = actual * 100.0 / progress_pct;
	if (!isfinite(r))
		r = actual / progress_pct * 100.0;
	return finish(r, out);
}

/*
 * For a target of 0 or more, nothing more is needed once it is met: 0.
 * A loss limit is never "met" before the period ends, since later months
 * may lose more; what remains is an allowance, target - actual spread over
 * the months left: negative, the loss a month may still bring, or
 * positive, the profit a month must bring once the limit is broken. Either
 * way it equals target / months - schedule_gap / remaining months, as it
 * does for a target above 0 that is not yet met.
 */
tr_status
tr_required_per_month(double actual, double target, double remaining_months,
					  double *out)
{
	tr_status	st;

	if ((st = check_finite((const double[]) {actual, target, remaining_months}, 3)) != TR_OK)
		return st;
	if (!(remaining_months > 0.0))
		return TR_NULL;
	if (target >= 0.0 && target <= actual)
	{
		*out = 0.0;
		return TR_OK;
	}
	return finish(diff_over(target, actual, remaining_months), out);
}

tr_status
tr_light_of(double value, double green_at, double red_below, tr_light *out)
{
	tr_status	st;

	if ((st = check_finite((const double[]) {value, green_at, red_below}, 3)) != TR_OK)
		return st;
	if (green_at < red_below)
		return TR_EARG;
	if (value >= green_at)
		*out = TR_GREEN;
	else if (value < red_below)
		*out = TR_RED;
	else
		*out = TR_YELLOW;
	return TR_OK;
}

tr_status
tr_light_label(tr_light light, int lang, int words, const char **out)
{
	/* [words][lang][light]; NULL: no label (a yellow light has no flag). */
	static const char *const labels[2][2][3] = {
		{{"绿灯", "黄灯", "红灯"}, {"green light", "yellow light", "red light"}},
		{{"红旗", NULL, "蜗牛"}, {"red flag", NULL, "snail"}},
	};
	const char *label;

	if (lang < 0 || lang > 1 || words < 0 || words > 1 ||
		(int) light < 0 || (int) light > 2)
		return TR_EARG;
	label = labels[words][lang][light];
	if (label == NULL)
		return TR_NULL;
	*out = label;
	return TR_OK;
}

tr_status
tr_points_by_rank(double rank, double full, double step, double *out)
{
	double		factor;
	tr_status	st;

	if ((st = check_finite((const double[]) {rank, full, step}, 3)) != TR_OK)
		return st;
	if (rank < 1.0 || step < 0.0)
		return TR_EARG;

	/*
	 * Clamp the factor, not the product: the same thing for full >= 0, and
	 * a huge step * (rank - 1) overflowing to Inf still clamps to 0.
	 */
	factor = 1.0 - step * (rank - 1.0);
	if (factor < 0.0)
		factor = 0.0;
	return finish(full * factor, out);
}

tr_status
tr_efficacy_score(double x, double unacceptable, double satisfactory,
				  double base, double span, double *out)
{
	double		num;
	double		den;
	double		r;
	tr_status	st;

	if ((st = check_finite((const double[]) {x, unacceptable, satisfactory, base, span}, 5)) != TR_OK)
		return st;
	if (satisfactory == unacceptable)
		return TR_EARG;

	/* In the order of the published formula, so SQL gives the same bits. */
	num = x - unacceptable;
	den = satisfactory - unacceptable;
	if (isfinite(num) && isfinite(den))
	{
		r = span * num / den;
		if (!isfinite(r))
			r = span * (num / den);
	}
	else
		r = span * diff_ratio(x, unacceptable, satisfactory, unacceptable);
	return finish(base + r, out);
}

/* ---- text ---- */

/* Copy s (n bytes) out as a NUL-terminated result. */
static tr_status
put_text(const char *s, size_t n, char *buf, size_t cap, size_t *len)
{
	if (len != NULL)
		*len = n;
	if (n >= cap)
	{
		if (cap > 0)
			buf[0] = '\0';
		return TR_EBUF;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return TR_OK;
}

static tr_status
text_failure(tr_status st, char *buf, size_t cap)
{
	if (cap > 0)
		buf[0] = '\0';
	return st;
}

enum
{
	W_FLAT,
	W_NEW,
	W_TO_LOSS,
	W_TO_PROFIT,
	W_NARROWED,
	W_WIDENED,
	W_UP,						/* prefix of a rate or a multiple */
	W_DOWN,						/* prefix of a falling rate */
	W_TIMES,					/* suffix of a multiple */
	W_RAISED,					/* prefix of a change in points, up */
	W_LOWERED,					/* prefix of a change in points, down */
	W_POINTS,					/* suffix of a change in points */
	W_COUNT
};

static const char *const words[2][W_COUNT] = {
	{
		"持平", "新增", "由盈转亏", "扭亏为盈", "减亏", "增亏",
		"增长", "下降", "倍",
		"提高", "下降", "个百分点"
	},
	{
		"flat", "new", "from profit to loss", "from loss to profit",
		"loss narrowed", "loss widened",
		"up ", "down ", " times",
		"up ", "down ", " points"
	}
};

tr_status
tr_describe_growth(double cur, double base, int lang, char *buf, size_t cap,
				   size_t *len)
{
	double		g;
	double		shown;
	double		multiple;
	int			word;
	int			n;
	char		text[TR_DESCRIBE_MAX];
	tr_status	st;

	if ((st = check_finite((const double[]) {cur, base}, 2)) != TR_OK)
		return text_failure(st, buf, cap);
	if (lang != 0 && lang != 1)
		return text_failure(TR_EARG, buf, cap);

	if (base < 0.0)
	{
		if (cur > 0.0)
			word = W_TO_PROFIT;
		else if (cur == base)
			word = W_FLAT;
		else if (cur > base)
			word = W_NARROWED;
		else
			word = W_WIDENED;
	}
	else if (base == 0.0)
		word = cur > 0.0 ? W_NEW : cur == 0.0 ? W_FLAT : W_TO_LOSS;
	else if (cur < 0.0)
		word = W_TO_LOSS;
	else
	{
		if ((st = tr_growth(cur, base, &g)) != TR_OK)
			return text_failure(st, buf, cap);
		(void) tr_round_half_even(g, 1, &shown);
		if (shown == 0.0)
			word = W_FLAT;
		else
		{
			/*
			 * The multiple is rounded once from the unrounded rate: 345.04%
			 * is 3.5倍, though 345.0% / 100 would round to 3.4.
			 * C locale: %.1f writes a '.' (see rates.h).
			 */
			if (shown >= 100.0)
			{
				(void) tr_round_half_even(g / 100.0, 1, &multiple);
				n = snprintf(text, sizeof(text), "%s%.1f%s",
							 words[lang][W_UP], multiple,
							 words[lang][W_TIMES]);
			}
			else
				n = snprintf(text, sizeof(text), "%s%.1f%%",
							 words[lang][shown > 0.0 ? W_UP : W_DOWN],
							 fabs(shown));
			if (n < 0 || (size_t) n >= sizeof(text))
				return text_failure(TR_EOVERFLOW, buf, cap);	/* cannot happen */
			return put_text(text, (size_t) n, buf, cap, len);
		}
	}
	return put_text(words[lang][word], strlen(words[lang][word]), buf, cap,
					len);
}

/*
 * A ratio (开工率, 利润率, 产销率, 失业率) changes in percentage points,
 * never in percent: the difference is rounded as printed (half even, with
 * the tie rule of round.c; it is cur - base of two inputs, within its
 * error bound) and worded with one decimal.
 */
tr_status
tr_describe_change(double cur, double base, int lang, char *buf, size_t cap,
				   size_t *len)
{
	double		shown;
	int			n;
	char		text[TR_DESCRIBE_MAX];
	tr_status	st;

	if ((st = check_finite((const double[]) {cur, base}, 2)) != TR_OK)
		return text_failure(st, buf, cap);
	if (lang != 0 && lang != 1)
		return text_failure(TR_EARG, buf, cap);
	if (!isfinite(cur - base))
		return text_failure(TR_EOVERFLOW, buf, cap);
	(void) tr_round_half_even(cur - base, 1, &shown);
	if (shown == 0.0)
		return put_text(words[lang][W_FLAT], strlen(words[lang][W_FLAT]), buf,
						cap, len);
	/* C locale: %.1f writes a '.' (see rates.h) */
	n = snprintf(text, sizeof(text), "%s%.1f%s",
				 words[lang][shown > 0.0 ? W_RAISED : W_LOWERED], fabs(shown),
				 words[lang][W_POINTS]);
	if (n < 0 || (size_t) n >= sizeof(text))
		return text_failure(TR_EOVERFLOW, buf, cap);	/* cannot happen */
	return put_text(text, (size_t) n, buf, cap, len);
}

/* U+2588 FULL BLOCK, then the left blocks of 1..7 eighths, in UTF-8 */
static const char block_full[] = "\xe2\x96\x88";
static const char *const block_eighths[8] = {
	"",
	"\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
	"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"
};

#define BLOCK_BYTES 3

tr_status
tr_bar(double value, double max, int width, char *buf, size_t cap,
	   size_t *len)
{
	double		f;
	int			eighths;
	int			full;
	int			partial;
	size_t		need;
	size_t		pos = 0;
	int			i;
	tr_status	st;

	if ((st = check_finite((const double[]) {value, max}, 2)) != TR_OK)
		return text_failure(st, buf, cap);
	if (width < 1 || width > TR_BAR_MAX_WIDTH)
		return text_failure(TR_EARG, buf, cap);
	if (!(max > 0.0))
		return text_failure(TR_NULL, buf, cap);

	/* compare before dividing: value / max may overflow, f never does */
	if (value <= 0.0)
		f = 0.0;
	else if (value >= max)
		f = 1.0;
	else
		f = value / max;
	/* 0 <= f * width * 8 + 0.5 <= 8000.5: the conversion is defined */
	eighths = (int) floor(f * width * 8.0 + 0.5);
	full = eighths / 8;
	partial = eighths % 8;

	need = (size_t) full * BLOCK_BYTES + (partial > 0 ? BLOCK_BYTES : 0);
	if (len != NULL)
		*len = need;
	if (need >= cap)
		return text_failure(TR_EBUF, buf, cap);
	for (i = 0; i < full; i++)
	{
		memcpy(buf + pos, block_full, BLOCK_BYTES);
		pos += BLOCK_BYTES;
	}
	if (partial > 0)
	{
		memcpy(buf + pos, block_eighths[partial], BLOCK_BYTES);
		pos += BLOCK_BYTES;
	}
	buf[pos] = '\0';
	return TR_OK;
}
