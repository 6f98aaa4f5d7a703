/*
 * round.c — decimal rounding of doubles (GB/T 8170 修约) for tracker.
 *
 * Bulletins round the number they print, and float8 prints the shortest
 * decimal that reads back as the same double (PostgreSQL's float8out, Ryu).
 * So 24.05 is rounded as the decimal 24.05, a tie, to 24.0, although the
 * double nearest 24.05 is slightly above it. Rounding the binary value
 * (rint(x * 10) / 10) would give 24.1 and disagree with a hand check of
 * the printed table.
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
	double		y;

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

	/*
	 * Fast path, no text. y = x * 10^decimals is within about 2.3e-16 * |y|
	 * of the printed decimal times 10^decimals, so unless y lies within
	 * 1e-15 * |y| of a half-integer both round to the same integer n. Then
	 * n / 10^decimals, a correctly rounded quotient of exact values, is
	 * the same double strtod gives for the rounded decimal. Near ties, and
	 * where y has no fractional bits left, the decimal digits decide.
	 */
	if (decimals >= 0)
		y = x * pow10_exact[decimals];
	else
		y = x / pow10_exact[-decimals];
	if (fabs(y) < TWO_POW_52)
	{
		double		t = y - floor(y);

		if (fabs(t - 0.5) > fabs(y) * 1e-15)
		{
			double		n = round(y);
			double		r;

			if (decimals >= 0)
				r = n / pow10_exact[decimals];
			else
				r = n * pow10_exact[-decimals];
			*out = r + 0.0;
			return TR_OK;
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
