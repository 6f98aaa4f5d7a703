/*
 * decimal_text.c — shortest round-trip decimals for the text forms.
 */
#include "decimal_text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"

void
dt_bytes(dt_out *o, const char *s, size_t n)
{
	/* one byte stays free for the NUL */
	if (n > 0 && o->len + n < o->cap)
		memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void
dt_str(dt_out *o, const char *s)
{
	dt_bytes(o, s, strlen(s));
}

size_t
dt_format(double x, char buf[DT_NUMBER_MAX])
{
	char		digits[TR_SHORTEST_CAP];
	int			exp10;
	int			negative;
	int			nd;
	int			i;
	size_t		n = 0;

	if (tr_shortest_decimal(x + 0.0, digits, &exp10, &negative) != TR_OK)
	{
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	nd = (int) strlen(digits);
	if (negative)
		buf[n++] = '-';
	if (exp10 < -4 || exp10 > 14)
	{
		int			e = exp10 < 0 ? -exp10 : exp10;
		char		ebuf[4];
		int			ne = 0;

		buf[n++] = digits[0];
		if (nd > 1)
		{
			buf[n++] = '.';
			for (i = 1; i < nd; i++)
				buf[n++] = digits[i];
		}
		buf[n++] = 'e';
		buf[n++] = exp10 < 0 ? '-' : '+';
		do
		{
			ebuf[ne++] = (char) ('0' + e % 10);
			e /= 10;
		} while (e > 0);
		if (ne < 2)
			ebuf[ne++] = '0';
		while (ne > 0)
			buf[n++] = ebuf[--ne];
	}
	else if (exp10 >= 0)
	{
		/* digits[i] stands for 10^(exp10 - i) */
		for (i = 0; i <= exp10; i++)
			buf[n++] = i < nd ? digits[i] : '0';
		if (nd > exp10 + 1)
		{
			buf[n++] = '.';
			for (i = exp10 + 1; i < nd; i++)
				buf[n++] = digits[i];
		}
	}
	else
	{
		buf[n++] = '0';
		buf[n++] = '.';
		for (i = -1; i > exp10; i--)
			buf[n++] = '0';
		for (i = 0; i < nd; i++)
			buf[n++] = digits[i];
	}
	buf[n] = '\0';
	return n;
}

static int
number_char(char ch)
{
	return (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' ||
		ch == '.' || ch == 'e' || ch == 'E';
}

dt_status
dt_scan(const char *s, size_t len, double *out, size_t *used)
{
	char		token[DT_TOKEN_MAX + 1];
	size_t		n = 0;
	char	   *end;
	double		d;

	while (n < len && number_char(s[n]))
		n++;
	if (n == 0 || n > DT_TOKEN_MAX)
		return DT_SYNTAX;
	memcpy(token, s, n);
	token[n] = '\0';
	errno = 0;
	d = strtod(token, &end);
	if (end != token + n)
		return DT_SYNTAX;
	*used = n;

	/*
	 * float8in's test: glibc also reports ERANGE for a denormal result,
	 * which is a number and stays; only zero (from a nonzero number) and
	 * infinity mean the value was lost.
	 */
	if ((errno == ERANGE && d == 0.0) || isinf(d))
		return DT_RANGE;
	*out = d;
	return DT_OK;
}

void
dt_fail(dt_error *e, size_t pos, size_t len)
{
	if (e == NULL)
		return;
	e->pos = pos;
	e->len = len;
}

int
dt_is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		ch == '\f' || ch == '\v';
}

void
dt_skip_space(dt_cursor *c)
{
	while (c->pos < c->len && dt_is_space(c->s[c->pos]))
		c->pos++;
}

int
dt_accept(dt_cursor *c, char ch)
{
	dt_skip_space(c);
	if (c->pos < c->len && c->s[c->pos] == ch)
	{
		c->pos++;
		return 1;
	}
	return 0;
}
