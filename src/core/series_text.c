/*
 * series_text.c — the text form of a series (see series.h):
 *
 *     {2022-01..02: 1234.5 (+12.3%), 2022-03: 600, 2022-01..03: 1834.5}
 *     {2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}
 *     {2022-06: 97.8, 2022-07: 98.1 (+0.3pp)}/ratio
 *
 * A missing level is written NULL, as PostgreSQL writes a missing element
 * of an array, and everything is ASCII, as a type's output must be in a
 * database of any encoding. The kind is a suffix, as a league's decimals
 * are; a ratio series' changes carry their unit, pp, so that a figure in
 * points is never read as one in percent or the other way round. An
 * amount series whose facts all have levels prints exactly as it did
 * before kinds existed.
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
		if (f->no_value)
			dt_str(&o, "NULL");
		else
			dt_bytes(&o, num, dt_format(f->value, num));
		if (f->has_growth)
		{
			/* the sign is always shown: (+0%) reads as "no change" */
			dt_str(&o, f->growth < 0 ? " (" : " (+");
			dt_bytes(&o, num, dt_format(f->growth, num));
			dt_str(&o, s->kind == TS_RATIO ? "pp)" : "%)");
		}
	}
	dt_str(&o, s->kind == TS_RATIO ? "}/ratio" : "}");
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

static int
is_word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		(ch >= '0' && ch <= '9') || ch == '_';
}

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

/* Whether the letters of `word` (lower case) stand at the cursor in any
 * case, not followed by another letter or digit; taken if so. */
static int
accept_word(dt_cursor *c, const char *word)
{
	size_t		n = strlen(word);
	size_t		i;

	dt_skip_space(c);
	if (c->len - c->pos < n)
		return 0;
	for (i = 0; i < n; i++)
	{
		char		ch = c->s[c->pos + i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char) (ch - 'A' + 'a');
		if (ch != word[i])
			return 0;
	}
	if (c->pos + n < c->len && is_word_char(c->s[c->pos + n]))
		return 0;
	c->pos += n;
	return 1;
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
 * The rate's unit after its number: '%' for an amount, "pp" (percentage
 * points) for a ratio; the other kind's unit is TS_EUNIT, with e on it.
 */
static ts_status
parse_unit(dt_cursor *c, ts_kind kind, dt_error *e)
{
	size_t		at;
	int			percent;

	dt_skip_space(c);
	at = c->pos;
	if (dt_accept(c, '%'))
		percent = 1;
	else if (c->len - c->pos >= 2 && c->s[c->pos] == 'p' && c->s[c->pos + 1] == 'p')
	{
		c->pos += 2;
		percent = 0;
	}
	else
	{
		dt_fail(e, at, 0);
		return TS_ESYNTAX;
	}
	if (percent != (kind == TS_AMOUNT))
	{
		dt_fail(e, at, c->pos - at);
		return TS_EUNIT;
	}
	return TS_OK;
}

/*
 * period ':' (value | NULL) [ '(' rate unit ')' ], added to b. On failure
 * e holds the offending token (the period for faults of the fact as a
 * whole) and the period as the item it belongs to.
 */
static ts_status
parse_fact(dt_cursor *c, ts_builder *b, dt_error *e)
{
	size_t		start;
	size_t		end;
	tp_period	p;
	double		value = 0.0;
	double		growth = 0.0;
	int			flags = 0;
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
	if (accept_word(c, "null"))
		flags |= TS_ROW_NO_VALUE;
	else if ((st = parse_number(c, &value, e)) != TS_OK)
		return st;
	if (dt_accept(c, '('))
	{
		st = parse_number(c, &growth, e);
		if (st != TS_OK)
			return st;

		/*
		 * A rate of an amount of -100% or less implies no base. The
		 * aggregate keeps a table row's value without such a rate, but no
		 * series holds one, so text that gives one is an error, as in
		 * binary input, rather than a rate silently dropped. A change in
		 * points has no such bound.
		 */
		if (b->kind == TS_AMOUNT && growth <= -100.0)
			return TS_ERATE;
		if ((st = parse_unit(c, b->kind, e)) != TS_OK ||
			(st = expect(c, ')', e)) != TS_OK)
			return st;
		flags |= TS_ROW_GROWTH;
	}
	dt_fail(e, start, end - start);
	st = ts_builder_add(b, p, value, flags, growth);

	/*
	 * The numbers read are finite, so a refused row overflowed a sum:
	 * either its own implied base, or the sums of a period given before,
	 * and then that is the fault to report. A ratio series refuses any
	 * period given twice.
	 */
	if (st == TS_ENONFINITE &&
		!(flags == TS_ROW_GROWTH && !isfinite(value / (1.0 + growth / 100.0))))
		return TS_EDUPLICATE;
	if (st == TS_ERATIO)
		return TS_EDUPLICATE;
	if (st != TS_OK)
		return st;
	/* an amount's add leaves last_slot on the period's slot */
	if (b->kind == TS_AMOUNT &&
		((b->slots[b->last_slot].tag >> TS_SLOT_SHIFT) & TS_SLOT_MANY))
		return TS_EDUPLICATE;
	return TS_OK;
}

/*
 * The kind the text declares after its closing brace, found before the
 * facts are read, since the kind decides how they are read (a ratio's
 * changes have no -100 bound and add no bases). Periods and numbers
 * contain no '}', so in well-formed text the last '}' closes the facts;
 * in any other text the main parse fails where it goes wrong, whatever
 * is found here. TS_AMOUNT when no valid kind follows.
 */
static ts_kind
declared_kind(const char *text, size_t len)
{
	dt_cursor	c;
	size_t		i = len;
	size_t		start;
	ts_kind		kind = TS_AMOUNT;

	while (i > 0 && text[i - 1] != '}')
		i--;
	if (i == 0)
		return TS_AMOUNT;
	c.s = text;
	c.len = len;
	c.pos = i;
	if (!dt_accept(&c, '/'))
		return TS_AMOUNT;
	dt_skip_space(&c);
	start = c.pos;
	while (c.pos < c.len && is_word_char(c.s[c.pos]))
		c.pos++;
	if (ts_parse_kind(c.s + start, c.pos - start, &kind) != TS_OK)
		return TS_AMOUNT;
	return kind;
}

/* [ '/' kind ] after the closing brace; the kind must be the one the
 * facts were read as (declared_kind found the same words). */
static ts_status
parse_kind_suffix(dt_cursor *c, ts_kind kind, dt_error *e)
{
	size_t		start;
	ts_kind		named;

	if (!dt_accept(c, '/'))
		return TS_OK;
	dt_skip_space(c);
	start = c->pos;
	while (c->pos < c->len && is_word_char(c->s[c->pos]))
		c->pos++;
	dt_fail(e, start, c->pos - start);
	if (ts_parse_kind(c->s + start, c->pos - start, &named) != TS_OK)
		return c->pos > start ? TS_EKIND : TS_ESYNTAX;
	/* Only text with a later '}' (trailing garbage) can disagree. */
	return named == kind ? TS_OK : TS_ESYNTAX;
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
	st = ts_builder_set_kind(b, declared_kind(text, len));
	if (st == TS_OK)
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
		st = parse_kind_suffix(&c, b->kind, &e);
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
