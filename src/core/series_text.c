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

/*
 * A number (see dt_scan): TS_ERANGE for one that float8 input would
 * refuse as out of range, TS_ESYNTAX for none; e gets where it stands.
 */
static ts_status
parse_number(dt_cursor *c, double *out, dt_error *e)
{
	size_t		n = 0;
	dt_status	st;

	dt_skip_space(c);
	st = dt_scan(c->s + c->pos, c->len - c->pos, out, &n);
	dt_fail(e, c->pos, n);
	if (st != DT_OK)
		return st == DT_RANGE ? TS_ERANGE : TS_ESYNTAX;
	c->pos += n;
	return TS_OK;
}

/* Take ch after optional whitespace, or fail at what stands there. */
static ts_status
expect(dt_cursor *c, char ch, dt_error *e)
{
	if (dt_accept(c, ch))
		return TS_OK;
	dt_fail(e, c->pos, 0);
	return TS_ESYNTAX;
}

/*
 * period ':' value [ '(' rate '%' ')' ], added to b. On failure e holds
 * the offending token (the period for faults of the fact as a whole) and
 * the period as the item it belongs to.
 */
static ts_status
parse_fact(dt_cursor *c, ts_builder *b, dt_error *e)
{
	size_t		start;
	size_t		end;
	tp_period	p;
	double		value;
	double		growth = 0.0;
	int			has_growth = 0;
	ts_status	st;

	/* periods never contain ':'; the period's text is quoted in errors */
	dt_skip_space(c);
	start = c->pos;
	while (c->pos < c->len && c->s[c->pos] != ':')
		c->pos++;
	end = c->pos;
	while (end > start && dt_is_space(c->s[end - 1]))
		end--;
	e->item_pos = start;
	e->item_len = end - start;
	dt_fail(e, start, end - start);
	if (c->pos == c->len ||
		tp_parse(c->s + start, end - start, &p) != TP_OK)
		return TS_ESYNTAX;
	c->pos++;
	st = parse_number(c, &value, e);
	if (st != TS_OK)
		return st;
	if (dt_accept(c, '('))
	{
		st = parse_number(c, &growth, e);
		if (st != TS_OK)
			return st;

		/*
		 * A rate of -100% or less implies no base. The aggregate keeps a
		 * table row's value without such a rate, but no series holds one,
		 * so text that gives one is an error, as in binary input, rather
		 * than a rate silently dropped.
		 */
		if (growth <= -100.0)
			return TS_ERATE;
		if ((st = expect(c, '%', e)) != TS_OK || (st = expect(c, ')', e)) != TS_OK)
			return st;
		has_growth = 1;
	}
	dt_fail(e, start, end - start);
	st = ts_builder_add(b, p, value, has_growth, growth);

	/*
	 * The numbers read are finite, so a refused row overflowed a sum:
	 * either its own implied base, or the sums of a period given before,
	 * and then that is the fault to report.
	 */
	if (st == TS_ENONFINITE &&
		!(has_growth && !isfinite(value / (1.0 + growth / 100.0))))
		return TS_EDUPLICATE;
	if (st != TS_OK)
		return st;
	/* the add leaves the cache on the period's slot */
	if (b->slots[b->last_slot].nrows > 1)
		return TS_EDUPLICATE;
	return TS_OK;
}

ts_status
ts_parse(const char *text, size_t len, ts_builder *b, dt_error *err)
{
	dt_cursor	c;
	dt_error	e = {0, 0, 0, 0, 0};
	ts_status	st;

	c.s = text;
	c.len = len;
	c.pos = 0;
	st = expect(&c, '{', &e);
	while (st == TS_OK)
	{
		st = parse_fact(&c, b, &e);
		if (st != TS_OK || !dt_accept(&c, ','))
			break;
	}
	if (st == TS_OK)
	{
		e.item_pos = e.item_len = 0;
		st = expect(&c, '}', &e);
	}
	if (st == TS_OK)
	{
		dt_skip_space(&c);
		if (c.pos != c.len)
		{
			dt_fail(&e, c.pos, 0);
			st = TS_ESYNTAX;
		}
	}
	if (st != TS_OK && err != NULL)
		*err = e;
	return st;
}
