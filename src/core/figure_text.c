/*
 * figure_text.c — figures as bureaus print them (see figure_text.h).
 *
 * Two passes: the first checks the UTF-8 and finds the text between the
 * spaces around it; the second maps each character of that text to one
 * ASCII class (full-width forms and U+2212 to their ASCII twins), and a
 * small grammar reads the classes. The number itself is then read by
 * dt_scan from the digits alone, so it follows float8 input's rules for
 * range.
 */
#include "figure_text.h"

#include <stdint.h>

#include "decimal_text.h"

/* Decode one character at s[*pos]; -1 when the bytes are not UTF-8
 * (overlong forms, surrogates, beyond U+10FFFF, truncated). */
static int32_t
next_char(const unsigned char *s, size_t len, size_t *pos)
{
	size_t		i = *pos;
	uint32_t	c = s[i];
	uint32_t	min;
	int			n;
	int			k;

	if (c < 0x80)
	{
		*pos = i + 1;
		return (int32_t) c;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 1;
		c &= 0x1F;
		min = 0x80;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 2;
		c &= 0x0F;
		min = 0x800;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 3;
		c &= 0x07;
		min = 0x10000;
	}
	else
		return -1;
	if (len - i - 1 < (size_t) n)
		return -1;
	for (k = 1; k <= n; k++)
	{
		if ((s[i + k] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*pos = i + 1 + n;
	return (int32_t) c;
}

static int
is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v' || c == 0x3000 || c == 0xA0;
}

/*
 * The class of a character: '0'..'9', ',', '.', '%', '+', '-' (a hyphen,
 * U+FF0D or U+2212: a minus sign or, alone, not published), 'd' (an en
 * or em dash or U+2015: only ever "not published"), 'e' (an exponent's letter),
 * 'u' (万 or 亿), 'x' anything else.
 */
static char
classify(int32_t c)
{
	if (c >= '0' && c <= '9')
		return (char) c;
	if (c >= 0xFF10 && c <= 0xFF19)
		return (char) ('0' + (c - 0xFF10));
	switch (c)
	{
		case ',':
		case 0xFF0C:
			return ',';
		case '.':
		case 0xFF0E:
			return '.';
		case '%':
		case 0xFF05:
			return '%';
		case '+':
		case 0xFF0B:
			return '+';
		case '-':
		case 0xFF0D:
		case 0x2212:
			return '-';
		case 0x2013:
		case 0x2014:
		case 0x2015:			/* GBK A844, and A1AA in some converters */
			return 'd';
		case 'e':
		case 'E':
		case 0xFF45:
		case 0xFF25:
			return 'e';
		case 0x4E07:			/* 万 */
		case 0x842C:			/* 萬 */
		case 0x4EBF:			/* 亿 */
		case 0x5104:			/* 億 */
			return 'u';
		default:
			return 'x';
	}
}

static fg_status
fail(fg_reason *why, fg_reason r)
{
	if (why != NULL)
		*why = r;
	return FG_SYNTAX;
}

static int
is_digit(char k)
{
	return k >= '0' && k <= '9';
}

fg_status
fg_parse(const char *text, size_t len, double *out, fg_reason *why)
{
	const unsigned char *s = (const unsigned char *) text;
	char		cls[FG_TEXT_MAX];
	int32_t		chars[FG_TEXT_MAX];
	char		num[FG_TEXT_MAX + 2];
	size_t		pos = 0;
	size_t		first = len;	/* bytes of the text between the spaces */
	size_t		last = 0;
	size_t		n = 0;
	size_t		i = 0;
	size_t		m = 0;
	size_t		run;
	size_t		used = 0;
	double		d = 0.0;

	if (why != NULL)
		*why = FG_WHY_NONE;

	/* Pass 1: valid UTF-8, and where the spaces around the text end. */
	while (pos < len)
	{
		size_t		start = pos;
		int32_t		c = next_char(s, len, &pos);

		if (c < 0)
			return fail(why, FG_WHY_ENCODING);
		if (!is_space(c))
		{
			if (first == len)
				first = start;
			last = pos;
		}
	}
	if (first == len)
		return FG_NULL;

	/* Pass 2: classes of the characters between (at least one). */
	cls[0] = 'x';
	pos = first;
	while (pos < last)
	{
		if (n == FG_TEXT_MAX)
			return fail(why, FG_WHY_TOO_LONG);
		chars[n] = next_char(s, last, &pos);
		cls[n] = classify(chars[n]);
		n++;
	}

	/* Not published: one dash, or two of the same. */
	if ((cls[0] == '-' || cls[0] == 'd') &&
		(n == 1 || (n == 2 && chars[1] == chars[0])))
		return FG_NULL;

	/* [sign] */
	if (cls[i] == '+' || cls[i] == '-')
	{
		if (cls[i] == '-')
			num[m++] = '-';
		i++;
	}
	/* digits, grouped by thousands or not */
	run = 0;
	while (i < n && is_digit(cls[i]))
	{
		num[m++] = cls[i++];
		run++;
	}
	if (i < n && cls[i] == ',')
	{
		if (run == 0 || run > 3 || num[m - run] == '0')
			return fail(why, FG_WHY_SEPARATOR);
		while (i < n && cls[i] == ',')
		{
			size_t		k;

			i++;
			for (k = 0; k < 3; k++)
			{
				if (i >= n || !is_digit(cls[i]))
					return fail(why, FG_WHY_SEPARATOR);
				num[m++] = cls[i++];
			}
			if (i < n && is_digit(cls[i]))
				return fail(why, FG_WHY_SEPARATOR);
		}
		run = 1;
	}
	/* [. digits] */
	if (i < n && cls[i] == '.')
	{
		size_t		frac = 0;

		num[m++] = '.';
		i++;
		while (i < n && is_digit(cls[i]))
		{
			num[m++] = cls[i++];
			frac++;
		}
		if (run == 0 && frac == 0)
			return fail(why, FG_WHY_CHARACTER);
		if (i < n && cls[i] == ',')
			return fail(why, FG_WHY_SEPARATOR);
	}
	else if (run == 0)
		return fail(why, i < n && cls[i] == ',' ? FG_WHY_SEPARATOR : FG_WHY_CHARACTER);
	/* [%] */
	if (i < n && cls[i] == '%')
		i++;
	if (i < n)
	{
		switch (cls[i])
		{
			case 'e':
				return fail(why, FG_WHY_EXPONENT);
			case 'u':
				return fail(why, FG_WHY_UNIT);
			case ',':
				return fail(why, FG_WHY_SEPARATOR);
			default:
				return fail(why, FG_WHY_CHARACTER);
		}
	}

	switch (dt_scan(num, m, &d, &used))
	{
		case DT_OK:
			break;
		case DT_RANGE:
			return FG_RANGE;
		default:
			return fail(why, FG_WHY_CHARACTER);
	}
	if (used != m)
		return fail(why, FG_WHY_CHARACTER);
	*out = d + 0.0;				/* -0 reads as 0 */
	return FG_OK;
}
