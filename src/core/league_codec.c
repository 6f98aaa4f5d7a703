/*
 * league_codec.c — the binary and text forms of a league (see league.h).
 *
 * Binary input comes from clients (recv) and from other backends or
 * nodes (the aggregate state's deserialize), so every length is checked
 * against the bytes that are really there before anything is read or
 * allocated, and every field against its domain.
 *
 * Text numbers are written as float8out writes them, from the shortest
 * digits that read back exactly, so text round trips bit for bit. strtod
 * reads them back; the server runs with LC_NUMERIC=C, so its radix is '.'.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "league.h"
#include "decimal_text.h"
#include "rates.h"

#define TL_FORMAT_VERSION 1
/* version, decimals, n */
#define HEADER_BYTES 6
/* name length and value: the least an entry takes */
#define ENTRY_MIN_BYTES 12

/* ---- binary ---- */

static uint8_t *
put_u32(uint8_t *p, uint32_t x)
{
	p[0] = (uint8_t) (x >> 24);
	p[1] = (uint8_t) (x >> 16);
	p[2] = (uint8_t) (x >> 8);
	p[3] = (uint8_t) x;
	return p + 4;
}

static uint8_t *
put_f64(uint8_t *p, double x)
{
	uint64_t	bits;
	int			i;

	memcpy(&bits, &x, sizeof(bits));
	for (i = 7; i >= 0; i--)
	{
		p[i] = (uint8_t) bits;
		bits >>= 8;
	}
	return p + 8;
}

static uint32_t
get_u32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static double
get_f64(const uint8_t *p)
{
	uint64_t	bits = 0;
	double		x;
	int			i;

	for (i = 0; i < 8; i++)
		bits = (bits << 8) | p[i];
	memcpy(&x, &bits, sizeof(x));
	return x;
}

static uint8_t *
put_header(uint8_t *p, int decimals, uint32_t n)
{
	p[0] = TL_FORMAT_VERSION;
	/* -1 goes out as 0xff */
	p[1] = (uint8_t) (decimals < 0 ? 0xff : decimals);
	return put_u32(p + 2, n);
}

size_t
tl_view_encoded_size(const tl_view *v)
{
	return HEADER_BYTES + (size_t) v->n * ENTRY_MIN_BYTES + v->name_off[v->n];
}

void
tl_view_encode(const tl_view *v, uint8_t *out)
{
	uint8_t    *p = put_header(out, v->decimals, (uint32_t) v->n);
	int32_t		i;

	for (i = 0; i < v->n; i++)
	{
		uint32_t	len = v->name_off[i + 1] - v->name_off[i];

		p = put_u32(p, len);
		memcpy(p, v->pool + v->name_off[i], len);
		p = put_f64(p + len, v->value[i]);
	}
}

size_t
tl_builder_encoded_size(const tl_builder *b)
{
	return HEADER_BYTES + (size_t) b->n * ENTRY_MIN_BYTES + b->pool_len;
}

void
tl_builder_encode(const tl_builder *b, uint8_t *out)
{
	uint8_t    *p = put_header(out, b->decimals, b->n);
	uint32_t	i;

	for (i = 0; i < b->n; i++)
	{
		const tl_entry *e = &b->entries[i];

		p = put_u32(p, e->name_len);
		if (e->name_len > 0)
			memcpy(p, b->pool + e->name_off, e->name_len);
		p = put_f64(p + e->name_len, e->value);
	}
}

/* Leave a builder that failed to decode or parse empty again. */
static tl_status
discard(tl_builder *b, tl_status st)
{
	b->n = 0;
	b->pool_len = 0;
	b->has_rows = 0;
	return st;
}

tl_status
tl_decode(const uint8_t *in, size_t len, tl_builder *b)
{
	size_t		pos = HEADER_BYTES;
	uint32_t	n;
	uint32_t	i;
	int			decimals;

	if (b->n != 0)
		return TL_EARG;
	if (len < HEADER_BYTES || in[0] != TL_FORMAT_VERSION)
		return TL_ECORRUPT;
	decimals = in[1] == 0xff ? TL_NO_ROUNDING : in[1];
	if (decimals > 15)
		return TL_ECORRUPT;
	n = get_u32(in + 2);
	if (n > (len - HEADER_BYTES) / ENTRY_MIN_BYTES)
		return TL_ECORRUPT;
	b->decimals = decimals;

	for (i = 0; i < n; i++)
	{
		uint32_t	nlen;
		double		x;
		tl_status	st;

		if (len - pos < 4)
			return discard(b, TL_ECORRUPT);
		nlen = get_u32(in + pos);
		pos += 4;
		if (nlen > TL_MAX_ENTITY || len - pos < (size_t) nlen + 8)
			return discard(b, TL_ECORRUPT);
		if (nlen > 0 && memchr(in + pos, '\0', nlen) != NULL)
			return discard(b, TL_ECORRUPT);
		x = get_f64(in + pos + nlen);
		if (!isfinite(x))
			return discard(b, TL_ECORRUPT);
		if (decimals != TL_NO_ROUNDING)
		{
			double		r;

			/* our encoders only write values rounded already */
			if (tr_round_half_even(x, decimals, &r) != TR_OK || r != x)
				return discard(b, TL_ECORRUPT);
		}
		st = tl_builder_add(b, (const char *) in + pos, nlen, x);
		if (st != TL_OK)
			return discard(b, st == TL_ENOMEM ? TL_ENOMEM : TL_ECORRUPT);
		pos += (size_t) nlen + 8;
	}
	if (pos != len)
		return discard(b, TL_ECORRUPT);
	return TL_OK;
}

/* ---- text output ---- */

/* A name in double quotes, with " and \ escaped by a backslash. */
static void
out_name(dt_out *o, const char *s, size_t len)
{
	size_t		start = 0;
	size_t		i;

	dt_str(o, "\"");
	for (i = 0; i < len; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
		{
			dt_bytes(o, s + start, i - start);
			dt_str(o, "\\");
			start = i;
		}
	}
	dt_bytes(o, s + start, len - start);
	dt_str(o, "\"");
}

tl_status
tl_format(const tl_view *v, char *buf, size_t cap, size_t *len)
{
	dt_out		o;
	int32_t		i;

	o.buf = buf;
	o.cap = cap;
	o.len = 0;
	dt_str(&o, "{");
	for (i = 0; i < v->n; i++)
	{
		char		num[DT_NUMBER_MAX];
		const char *name;
		size_t		nlen;

		tl_name_at(v, i, &name, &nlen);
		if (i > 0)
			dt_str(&o, ", ");
		out_name(&o, name, nlen);
		dt_str(&o, ": ");
		dt_bytes(&o, num, dt_format(v->value[i], num));
	}
	dt_str(&o, "}");
	if (v->decimals != TL_NO_ROUNDING)
	{
		char		d[4];
		int			k = 0;

		d[k++] = '/';
		if (v->decimals >= 10)
			d[k++] = (char) ('0' + v->decimals / 10);
		d[k++] = (char) ('0' + v->decimals % 10);
		dt_bytes(&o, d, (size_t) k);
	}
	*len = o.len;
	if (o.len >= cap)
	{
		if (cap > 0)
			buf[0] = '\0';
		return TL_EBUF;
	}
	buf[o.len] = '\0';
	return TL_OK;
}

/* ---- text input ---- */

/* Fail with TL_ESYNTAX at what stands at the cursor. */
static tl_status
syntax_at(dt_cursor *c, dt_error *e)
{
	dt_fail(e, c->pos, 0);
	return TL_ESYNTAX;
}

/*
 * A quoted name, unescaped into name[TL_MAX_ENTITY]. A name that does not
 * fit is read to its end all the same, so the error can give its length.
 */
static tl_status
read_name(dt_cursor *c, char *name, size_t *nlen, dt_error *e)
{
	size_t		start;
	size_t		n = 0;

	if (!dt_accept(c, '"'))
		return syntax_at(c, e);
	start = c->pos - 1;
	for (;;)
	{
		char		ch;

		if (c->pos >= c->len)
			return syntax_at(c, e);
		ch = c->s[c->pos++];
		if (ch == '"')
			break;
		if (ch == '\\')
		{
			if (c->pos >= c->len)
				return syntax_at(c, e);
			ch = c->s[c->pos];
			if (ch != '"' && ch != '\\')
				return syntax_at(c, e);
			c->pos++;
		}
		else if (ch == '\0')
		{
			dt_fail(e, c->pos - 1, 1);
			return TL_ETOOLONG;
		}
		if (n < TL_MAX_ENTITY)
			name[n] = ch;
		n++;
	}
	e->item_pos = start;
	e->item_len = c->pos - start;
	if (n > TL_MAX_ENTITY)
	{
		dt_fail(e, start, c->pos - start);
		e->name_len = n;
		return TL_ETOOLONG;
	}
	*nlen = n;
	return TL_OK;
}

/* A number; see dt_scan for what it accepts. */
static tl_status
read_number(dt_cursor *c, double *x, dt_error *e)
{
	size_t		n = 0;
	dt_status	st;

	dt_skip_space(c);
	st = dt_scan(c->s + c->pos, c->len - c->pos, x, &n);
	dt_fail(e, c->pos, n);
	if (st != DT_OK)
		return st == DT_RANGE ? TL_ERANGE : TL_ESYNTAX;
	c->pos += n;
	return TL_OK;
}

/* "/d" after the brace: 0..15 decimals. */
static tl_status
read_decimals(dt_cursor *c, int *decimals, dt_error *e)
{
	int			d = 0;
	size_t		start;

	dt_skip_space(c);
	start = c->pos;
	while (c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9')
	{
		/* stop growing once out of range: no overflow on long runs */
		if (d <= 15)
			d = d * 10 + (c->s[c->pos] - '0');
		c->pos++;
	}
	if (c->pos == start)
		return syntax_at(c, e);
	if (d > 15)
	{
		dt_fail(e, start, c->pos - start);
		return TL_EARG;
	}
	*decimals = d;
	return TL_OK;
}

static tl_status
parse_entries(dt_cursor *c, tl_builder *b, dt_error *e)
{
	char		name[TL_MAX_ENTITY];
	int			decimals = TL_NO_ROUNDING;
	uint32_t	i;
	tl_status	st;

	if (!dt_accept(c, '{'))
		return syntax_at(c, e);
	/* a league is never empty, so neither is its text */
	dt_skip_space(c);
	if (c->pos < c->len && c->s[c->pos] == '}')
		return syntax_at(c, e);
	do
	{
		size_t		nlen;
		double		x;

		e->item_pos = e->item_len = 0;
		st = read_name(c, name, &nlen, e);
		if (st != TL_OK)
			return st;
		if (!dt_accept(c, ':'))
			return syntax_at(c, e);
		st = read_number(c, &x, e);
		if (st != TL_OK)
			return st;
		st = tl_builder_add(b, name, nlen, x);
		if (st != TL_OK)
			return st;
	} while (dt_accept(c, ','));
	e->item_pos = e->item_len = 0;
	if (!dt_accept(c, '}'))
		return syntax_at(c, e);
	if (dt_accept(c, '/'))
	{
		st = read_decimals(c, &decimals, e);
		if (st != TL_OK)
			return st;
	}
	dt_skip_space(c);
	if (c->pos != c->len)
		return syntax_at(c, e);

	/*
	 * The decimals come last, so values were taken as written; round
	 * them now as the aggregate would have.
	 */
	b->decimals = decimals;
	if (decimals != TL_NO_ROUNDING)
	{
		for (i = 0; i < b->n; i++)
		{
			double		r;

			if (tr_round_half_even(b->entries[i].value, decimals, &r) != TR_OK)
				return TL_ENONFINITE;
			b->entries[i].value = r + 0.0;
		}
	}
	return TL_OK;
}

tl_status
tl_parse(const char *text, size_t len, tl_builder *b, dt_error *err)
{
	dt_cursor	c;
	dt_error	e = {0, 0, 0, 0, 0};
	tl_status	st;

	if (b->n != 0)
		return TL_EARG;
	c.s = text;
	c.len = len;
	c.pos = 0;
	b->decimals = TL_NO_ROUNDING;
	st = parse_entries(&c, b, &e);
	if (st != TL_OK)
	{
		if (err != NULL)
			*err = e;
		return discard(b, st);
	}
	return TL_OK;
}
