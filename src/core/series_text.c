/*
 * series_text.c — the text form of a series (see series.h):
 *
 *     {2022-01..02: 1234.5 (+12.3%), 2022-03: 600, 2022-01..03: 1834.5}
 *
 * Numbers are written as float8out writes them, from the shortest digits
 * that read back exactly, so text round trips bit for bit. strtod reads
 * them back; the server runs with LC_NUMERIC=C, so its radix is '.'.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"
#include "series.h"

/* Enough for "-1.2345678901234567e-308" and "-0.00012345678901234567". */
#define NUMBER_MAX 32
/* Longer number tokens are not numbers a person or float8out writes. */
#define TOKEN_MAX 400

/* ---- output ---- */

typedef struct outbuf
{
	char	   *buf;
	size_t		cap;
	size_t		len;			/* bytes the text needs so far */
} outbuf;

static void
out_bytes(outbuf *o, const char *s, size_t n)
{
	/* one byte stays free for the NUL */
	if (o->len + n < o->cap)
		memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void
out_str(outbuf *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

/*
 * x as float8out prints it: plain notation for decimal exponents -4..14,
 * otherwise d.ddde+XX. Returns the length; buf has NUMBER_MAX bytes.
 */
static size_t
format_number(double x, char *buf)
{
	char		digits[TR_SHORTEST_CAP];
	int			exp10;
	int			negative;
	int			nd;
	int			i;
	size_t		n = 0;

	if (tr_shortest_decimal(x + 0.0, digits, &exp10, &negative) != TR_OK)
	{
		/* callers pass finite numbers only */
		buf[0] = '0';
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

/* The period of a fact: its unit, or the year-to-date span through it. */
static int
fact_period(tp_grain g, const ts_fact *f, tp_period *p)
{
	if (tp_make(g, f->unit, f->unit, p) != TP_OK)
		return 0;
	return !f->cumulative || tp_ytd(*p, p) == TP_OK;
}

ts_status
ts_format(const ts_view *s, char *buf, size_t cap, size_t *len)
{
	outbuf		o;
	int32_t		i;

	o.buf = buf;
	o.cap = cap;
	o.len = 0;
	out_str(&o, "{");
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		char		text[TP_TEXT_MAX];
		char		num[NUMBER_MAX];
		size_t		tlen;
		tp_period	p;

		if (!fact_period(s->grain, f, &p) ||
			tp_format(p, text, sizeof(text), &tlen) != TP_OK)
		{
			if (cap > 0)
				buf[0] = '\0';
			return TS_EARG;
		}
		if (i > 0)
			out_str(&o, ", ");
		out_bytes(&o, text, tlen);
		out_str(&o, ": ");
		out_bytes(&o, num, format_number(f->value, num));
		if (f->has_growth)
		{
			/* the sign is always shown: (+0%) reads as "no change" */
			out_str(&o, f->growth < 0 ? " (" : " (+");
			out_bytes(&o, num, format_number(f->growth, num));
			out_str(&o, "%)");
		}
	}
	out_str(&o, "}");
	*len = o.len;
	if (o.len >= cap)
	{
		if (cap > 0)
			buf[0] = '\0';
		return TS_EBUF;
	}
	buf[o.len] = '\0';
	return TS_OK;
}

/* ---- input ---- */

typedef struct cursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} cursor;

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
		c == '\f' || c == '\r';
}

static void
skip_space(cursor *c)
{
	while (c->pos < c->len && is_space(c->s[c->pos]))
		c->pos++;
}

/* Consume ch after optional whitespace. */
static int
accept(cursor *c, char ch)
{
	skip_space(c);
	if (c->pos < c->len && c->s[c->pos] == ch)
	{
		c->pos++;
		return 1;
	}
	return 0;
}

static int
is_number_char(char ch)
{
	return (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' ||
		ch == '.' || ch == 'e' || ch == 'E';
}

/*
 * A decimal number. The character set keeps strtod away from inf, nan and
 * hexadecimal; strtod must then take the whole token. An overflowing
 * number is TS_ENONFINITE; an underflowing one reads as strtod rounds it.
 */
static ts_status
parse_number(cursor *c, double *out)
{
	char		token[TOKEN_MAX + 1];
	size_t		start;
	size_t		n;
	char	   *end;
	double		d;

	skip_space(c);
	start = c->pos;
	while (c->pos < c->len && is_number_char(c->s[c->pos]))
		c->pos++;
	n = c->pos - start;
	if (n == 0 || n > TOKEN_MAX)
		return TS_ESYNTAX;
	memcpy(token, c->s + start, n);
	token[n] = '\0';
	d = strtod(token, &end);
	if (end != token + n)
		return TS_ESYNTAX;
	if (!isfinite(d))
		return TS_ENONFINITE;
	*out = d;
	return TS_OK;
}

/* period ':' value [ '(' rate '%' ')' ], added to b. */
static ts_status
parse_fact(cursor *c, ts_builder *b)
{
	size_t		start;
	tp_period	p;
	double		value;
	double		growth = 0.0;
	int			has_growth = 0;
	ts_status	st;

	/* periods never contain ':'; tp_parse trims the whitespace around */
	start = c->pos;
	while (c->pos < c->len && c->s[c->pos] != ':')
		c->pos++;
	if (c->pos == c->len ||
		tp_parse(c->s + start, c->pos - start, &p) != TP_OK)
		return TS_ESYNTAX;
	c->pos++;
	st = parse_number(c, &value);
	if (st != TS_OK)
		return st;
	if (accept(c, '('))
	{
		st = parse_number(c, &growth);
		if (st != TS_OK)
			return st;
		if (!accept(c, '%') || !accept(c, ')'))
			return TS_ESYNTAX;
		has_growth = 1;
	}
	st = ts_builder_add(b, p, value, has_growth, growth);
	if (st != TS_OK)
		return st;
	/* the add leaves the cache on the period's slot */
	if (b->slots[b->last_slot].nrows > 1)
		return TS_EDUPLICATE;
	return TS_OK;
}

ts_status
ts_parse(const char *text, size_t len, ts_builder *b)
{
	cursor		c;
	ts_status	st;

	c.s = text;
	c.len = len;
	c.pos = 0;
	if (!accept(&c, '{'))
		return TS_ESYNTAX;
	do
	{
		st = parse_fact(&c, b);
		if (st != TS_OK)
			return st;
	} while (accept(&c, ','));
	if (!accept(&c, '}'))
		return TS_ESYNTAX;
	skip_space(&c);
	return c.pos == c.len ? TS_OK : TS_ESYNTAX;
}
