/*
 * round.c — decimal rounding of doubles (GB/T 8170 修约) for tracker.
 *
 * Bulletins round the exact decimal result of decimal inputs: growth from
 * 100 to 100.35 is 0.35%, a tie, printed 0.4 (half even). A double holds
 * neither the inputs nor the result exactly, and the computation adds its
 * own error, so growth(100.35, 100) is 0.3499999999999943: rounding that
 * double, or the decimal float8 prints for it, gives 0.3. So a value
 * within a tolerance of a decimal tie rounds as the tie; anything farther
 * from it rounds to the nearer side as its binary value lies.
 *
 * The tolerance is 2^-50 * (100 + |x|): six to thirteen units in the
 * last place of 100 for rates below 100%, and 4 to 16 units in the last
 * place of x above. Why that size: tracker's rates are 100 times a ratio
 * of inputs that carry half a unit in the last place each (a decimal read
 * as a double), and the error of each is bounded in terms of its result r
 * alone (u = 2^-53, first order in u):
 *   growth (c - b) / b * 100             (200 + 5|r|) u
 *   attainment a / t * 100                4|r| u
 *   attainment of a loss limit            (600 + 5|r|) u
 *   pace (either sign of target)          (600 + 5|r|) u
 *   contribution (pc - pb) / tb * 100     (200 + 4|r|) u   for |pb| <= tb
 *   change of a ratio in points cur-base  (|cur| + |base| + |r|) u
 * all below 6 (100 + |r|) u, which the tolerance, 8 (100 + |r|) u, covers
 * with room for the second-order terms. The cancellation in c - b is why
 * the bound cannot be a few units in the last place of r itself:
 * growth(100.35, 100) is 103 of them away from 0.35. On the other side,
 * values genuinely off a tie must not move. A result that is not a tie
 * lies at least 1 / (2 D 10^d) from one, D the integer denominator of
 * the exact result: with inputs of 4 decimals and bases or targets up to
 * 10^5, growth, attainment and contribution stay above 5e-12 at 2
 * decimals, 50 times the tolerance, and pace by months above 4e-13; pace
 * by days (D = 365 * target) could in principle come within 1.4e-14,
 * which takes a numerator below 13 out of 365 * 10^9. test/oracle checks
 * 920,000 roundings of such results against exact decimal arithmetic.
 *
 * The tolerance applies while it is below 2^-10 of the unit rounded to,
 * that is while (100 + |x|) * 10^decimals <= 2^40 — every rate at 1 or 2
 * decimals up to 10^10. Beyond that the last places kept are noise for
 * any computed rate, and the decimal that float8 prints decides, as
 * before: 24.05 rounds as the decimal 24.05 (a tie, to 24.0) although the
 * double nearest 24.05 is slightly above it. Within the band that rule is
 * contained in the other: a double that prints as a tie lies within half
 * a unit in its last place of the tie, inside the tolerance.
 *
 * snprintf("%e") and strtod follow LC_NUMERIC. The server always runs with
 * LC_NUMERIC=C; besides, nothing below depends on the radix character: it
 * is skipped when reading digits, and the strings handed back to strtod
 * are digit strings with an exponent and no radix character.
 */
#include "rates.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exact powers of ten: every one up to 1e22 is a double. */
static const double pow10_exact[16] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

/* 2^52: at and above it a double has no fractional bits. */
#define TWO_POW_52 4503599627370496.0

/*
 * Read the output of "%.*e": the significant digits into digits (NUL-
 * terminated) and the exponent. Whatever separates the first digit from
 * the rest is skipped, so any locale's radix character is fine.
 */
static int
read_e_format(const char *s, char *digits, int *exp10)
{
	int			n = 0;

	if (*s == '-')
		s++;
	for (; *s != '\0' && *s != 'e'; s++)
	{
		if (*s >= '0' && *s <= '9' && n < TR_SHORTEST_CAP - 1)
			digits[n++] = *s;
	}
	digits[n] = '\0';
	*exp10 = (*s == 'e') ? (int) strtol(s + 1, NULL, 10) : 0;
	return n;
}

/* The double that digits (an integer) * 10^exp10 reads back as. */
static double
read_scaled(const char *digits, int exp10)
{
	char		text[TR_SHORTEST_CAP + 16];

	snprintf(text, sizeof(text), "%se%d", digits, exp10);
	return strtod(text, NULL);
}

tr_status
tr_shortest_decimal(double x, char digits[TR_SHORTEST_CAP], int *exp10,
					int *negative)
{
	double		ax = fabs(x);
	int			pow2;
	int			fexp;
	int			prec;
	int			n = 1;

	if (isnan(x))
		return TR_ENAN;
	if (isinf(x))
		return TR_EINF;
	*negative = signbit(x) ? 1 : 0;
	if (ax == 0.0)
	{
		strcpy(digits, "0");
		*exp10 = 0;
		return TR_OK;
	}

	/*
	 * At an exact power of two the gap to the next double below is half
	 * the gap above, so the interval of decimals that read back as x is
	 * lopsided. The nearest decimal of a given length can then fall just
	 * outside it below while the next one up lies inside: Ryu prints that
	 * one (2^-44 is 5.684341886080802e-14, where the nearest 16-digit
	 * decimal ...8015 does not read back), so try it too.
	 */
	pow2 = (frexp(ax, &fexp) == 0.5);

	/*
	 * A normal double keeps every decimal of up to DBL_DIG (15) significant
	 * digits: such a decimal reads as some x which prints back to it at 15
	 * digits. So if x's 15-digit rounding reads back as x, that rounding,
	 * less trailing zeros, is the shortest, and no shorter length need be
	 * tried; otherwise it takes 16 or 17. Subnormals keep fewer digits
	 * (5e-324 prints as 4.94065645841247e-324 at 15) and try every length.
	 * 17 significant digits always read back, so prec 16 ends the loop.
	 */
	for (prec = (ax >= DBL_MIN ? DBL_DIG - 1 : 0); prec <= 16; prec++)
	{
		char		text[48];
		double		back;

		snprintf(text, sizeof(text), "%.*e", prec, ax);
		back = strtod(text, NULL);
		n = read_e_format(text, digits, exp10);
		if (back == ax || prec == 16)
			break;
		if (pow2 && back < ax)
		{
			int			i = n - 1;

			while (i >= 0 && digits[i] == '9')
				digits[i--] = '0';
			if (i >= 0)
				digits[i]++;
			else
			{
				/* 9.99 became 10.00: one digit more to the left */
				digits[0] = '1';
				(*exp10)++;
			}
			if (read_scaled(digits, *exp10 - (n - 1)) == ax)
				break;
		}
	}

	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	return TR_OK;
}

/*
 * The band where a value near a tie rounds as the tie (see the head of
 * this file): |x - tie| <= TIE_TOLERANCE * (100 + |x|), applied while
 * (100 + |x|) * 10^decimals <= 2^40.
 */
#define TIE_TOLERANCE 0x1p-50
#define TIE_BAND_LIMIT 0x1p40

tr_status
tr_round_half_even(double x, int decimals, double *out)
{
	char		digits[TR_SHORTEST_CAP];
	char		kept[TR_SHORTEST_CAP + 1];
	char		text[TR_SHORTEST_CAP + 24];
	int			exp10;
	int			negative;
	int			ndigits;
	int			keep;
	int			up;
	int			i;
	double		p;
	double		scale;

	if (isnan(x))
		return TR_ENAN;
	if (isinf(x))
		return TR_EINF;
	if (decimals < TR_ROUND_MIN_DECIMALS || decimals > TR_ROUND_MAX_DECIMALS)
		return TR_EARG;
	if (x == 0.0)
	{
		*out = 0.0;
		return TR_OK;
	}

	p = pow10_exact[decimals >= 0 ? decimals : -decimals];
	scale = 100.0 + fabs(x);
	if ((decimals >= 0 ? scale * p : scale / p) <= TIE_BAND_LIMIT)
	{
		/*
		 * y + r is x * 10^decimals: exactly for decimals >= 0 (fma gives
		 * the rounding error of the product), and for decimals < 0 up to
		 * a rounding of r (x - y * p, the remainder of a correctly
		 * rounded quotient, is exact). |y| < 2^40, so y - tie is exact
		 * near a tie and n below is an integer the double holds. |r| is
		 * at most half a unit in the last place of y, so the fma is
		 * needed only where that could decide.
		 */
		double		y = decimals >= 0 ? x * p : x / p;
		double		tol = TIE_TOLERANCE * (decimals >= 0 ? scale * p : scale / p);
		double		fl = floor(y);
		double		dist = y - (fl + 0.5);	/* x * 10^decimals minus the tie */
		double		n;

		if (fabs(dist) <= tol + fabs(y) * 0x1p-52)
		{
			if (decimals >= 0)
				dist += fma(x, p, -y);
			else
				dist += fma(-y, p, x) / p;
		}
		if (fabs(dist) <= tol)
			n = fmod(fl, 2.0) == 0.0 ? fl : fl + 1.0;	/* as the tie: to even */
		else
			n = dist > 0.0 ? fl + 1.0 : fl;
		if (n == 0.0)
		{
			*out = 0.0;			/* -0.04 to 1 place is 0, not -0 */
			return TR_OK;
		}
		/* a correctly rounded product or quotient of exact values: the
		 * double nearest the rounded decimal, as strtod would read it */
		*out = decimals >= 0 ? n / p : n * p;
		return TR_OK;
	}

	/*
	 * Outside the band: the decimal float8 prints decides. Fast path, no
	 * text: y = x * 10^decimals is within about 2.3e-16 * |y| of the
	 * printed decimal times 10^decimals, so unless y lies within 1e-15 *
	 * |y| of a half-integer both round to the same integer n. Then n /
	 * 10^decimals is the same double strtod gives for the rounded decimal.
	 * Near ties, and where y has no fractional bits left, the decimal
	 * digits decide.
	 */
	{
		double		y = decimals >= 0 ? x * p : x / p;

		if (fabs(y) < TWO_POW_52)
		{
			double		t = y - floor(y);

			if (fabs(t - 0.5) > fabs(y) * 1e-15)
			{
				double		n = round(y);
				double		r = decimals >= 0 ? n / p : n * p;

				*out = r + 0.0;
				return TR_OK;
			}
		}
	}

	(void) tr_shortest_decimal(x, digits, &exp10, &negative);
	ndigits = (int) strlen(digits);

	/* digits[i] stands for 10^(exp10 - i); keep those down to 10^-decimals */
	keep = exp10 + decimals + 1;
	if (keep >= ndigits)
	{
		/* nothing beyond the last place kept: x is already rounded */
		*out = x;
		return TR_OK;
	}
	if (keep < 0)
	{
		/* below half a unit of the last place kept */
		*out = 0.0;
		return TR_OK;
	}

	/*
	 * digits has no trailing zeros, so a digit after the rounding digit
	 * means the rest is non-zero. A 5 with nothing after it is a tie: go
	 * to the even neighbour.
	 */
	up = digits[keep] > '5' ||
		(digits[keep] == '5' &&
		 (keep + 1 < ndigits ||
		  (keep > 0 && (digits[keep - 1] - '0') % 2 == 1)));

	/* A leading 0 takes the carry out of 9.99 -> 10.00. */
	kept[0] = '0';
	memcpy(kept + 1, digits, keep);
	kept[keep + 1] = '\0';
	if (up)
	{
		i = keep;
		while (kept[i] == '9')
			kept[i--] = '0';
		kept[i]++;
	}
	if (strspn(kept, "0") == (size_t) (keep + 1))
	{
		*out = 0.0;				/* -0.04 to 1 place is 0, not -0 */
		return TR_OK;
	}

	/* kept is the rounded value in units of 10^-decimals */
	snprintf(text, sizeof(text), "%s%se%d", negative ? "-" : "", kept,
			 -decimals);
	*out = strtod(text, NULL) + 0.0;
	return TR_OK;
}
