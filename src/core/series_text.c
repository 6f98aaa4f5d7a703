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

#include "decimal_text.h"
#include "rates.h"
#include "series.h"

/* ---- output ---- */

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
	dt_out		o;
	int32_t		i;

	o.buf = buf;
	o.cap = cap;
	o.len = 0;
	dt_str(&o, "{");
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		char		text[TP_TEXT_MAX];
		char		num[DT_NUMBER_MAX];
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
			dt_str(&o, ", ");
		dt_bytes(&o, text, tlen);
		dt_str(&o, ": ");
		dt_bytes(&o, num, dt_format(f->value, num));
		if (f->has_growth)
		{
			/* the sign is always shown: (+0%) reads as "no change" */
			dt_str(&o, f->growth < 0 ? " (" : " (+");
			dt_bytes(&o, num, dt_format(f->growth, num));
			dt_str(&o, "%)");
		}
	}
	dt_str(&o, "}");
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

/* A number (see dt_scan); an overflowing one is TS_ENONFINITE, an
 * underflowing one reads as strtod rounds it. */
static ts_status
parse_number(dt_cursor *c, double *out)
{
	size_t		n;
	double		d;

	dt_skip_space(c);
	n = dt_scan(c->s + c->pos, c->len - c->pos, &d);
	if (n == 0)
		return TS_ESYNTAX;
	c->pos += n;
	if (!isfinite(d))
		return TS_ENONFINITE;
	*out = d;
	return TS_OK;
}

/* period ':' value [ '(' rate '%' ')' ], added to b. */
static ts_status
parse_fact(dt_cursor *c, ts_builder *b)
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
	if (dt_accept(c, '('))
	{
		st = parse_number(c, &growth);
		if (st != TS_OK)
			return st;
		if (!dt_accept(c, '%') || !dt_accept(c, ')'))
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
	dt_cursor	c;
	ts_status	st;

	c.s = text;
	c.len = len;
	c.pos = 0;
	if (!dt_accept(&c, '{'))
		return TS_ESYNTAX;
	do
	{
		st = parse_fact(&c, b);
		if (st != TS_OK)
			return st;
	} while (dt_accept(&c, ','));
	if (!dt_accept(&c, '}'))
		return TS_ESYNTAX;
	dt_skip_space(&c);
	return c.pos == c.len ? TS_OK : TS_ESYNTAX;
}
