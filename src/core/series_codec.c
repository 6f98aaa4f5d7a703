/*
 * series_codec.c — the binary forms of a series and of the aggregate's
 * state (see series.h for the layouts).
 *
 * The decoders read bytes from clients (recv) and from other backends
 * (deserialize): every field is checked, every count is checked against
 * the bytes present before anything is allocated or looped over, and
 * nothing is read past len.
 *
 * Version 1 is what releases before kinds and facts without a level
 * wrote; it is still written for every series it can hold, so that
 * those values keep their exact bytes (send output, dumps, equality with
 * values stored before). Version 2 adds the kind and facts without a
 * level.
 */
#include <math.h>
#include <string.h>

#include "series.h"

#define NO_GRAIN 255
#define V1_HEADER_BYTES 6		/* version, grain, count */
#define V2_HEADER_BYTES 7		/* version, grain, kind, count */
#define V1_FACT_MIN_BYTES 13	/* unit, flags, value */
#define V2_FACT_MIN_BYTES 5		/* unit, flags */
#define V1_SLOT_BYTES 48		/* key, value, base, growth, nrows, nplain */
#define V2_SLOT_BYTES 21		/* key, flags, value, rate */
#define FLAG_CUMULATIVE 1
#define FLAG_GROWTH 2
#define FLAG_NO_VALUE 4			/* version 2 only */

/* ---- big-endian fields ---- */

static uint8_t *
put_u32(uint8_t *out, uint32_t v)
{
	out[0] = (uint8_t) (v >> 24);
	out[1] = (uint8_t) (v >> 16);
	out[2] = (uint8_t) (v >> 8);
	out[3] = (uint8_t) v;
	return out + 4;
}

static uint8_t *
put_u64(uint8_t *out, uint64_t v)
{
	put_u32(out, (uint32_t) (v >> 32));
	put_u32(out + 4, (uint32_t) v);
	return out + 8;
}

static uint8_t *
put_f64(uint8_t *out, double d)
{
	uint64_t	v;

	memcpy(&v, &d, sizeof(v));
	return put_u64(out, v);
}

static uint32_t
get_u32(const uint8_t *in)
{
	return ((uint32_t) in[0] << 24) | ((uint32_t) in[1] << 16) |
		((uint32_t) in[2] << 8) | (uint32_t) in[3];
}

static uint64_t
get_u64(const uint8_t *in)
{
	return ((uint64_t) get_u32(in) << 32) | get_u32(in + 4);
}

static double
get_f64(const uint8_t *in)
{
	uint64_t	v = get_u64(in);
	double		d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

/*
 * Two's complement back to signed without the implementation-defined
 * conversion of an out-of-range unsigned value.
 */
static int64_t
get_i64(const uint8_t *in)
{
	uint64_t	v = get_u64(in);

	return v >> 63 ? -(int64_t) (~v) - 1 : (int64_t) v;
}

static int32_t
get_i32(const uint8_t *in)
{
	uint32_t	v = get_u32(in);

	return v >> 31 ? -(int32_t) (~v) - 1 : (int32_t) v;
}

/* ---- shared checks ---- */

/*
 * Whether (unit, cumulative) can be a fact of grain g: a valid unit, and a
 * cumulative fact only after its year's first unit (that unit is a unit
 * fact, and a year-grain unit is always its year's first).
 */
static int
fact_key_ok(tp_grain g, int64_t unit, int cumulative)
{
	tp_period	p;
	tp_period	ytd;

	if (!tp_unit_valid(g, unit))
		return 0;
	if (!cumulative)
		return 1;
	if (tp_make(g, unit, unit, &p) != TP_OK || tp_ytd(p, &ytd) != TP_OK)
		return 0;
	return tp_first_unit(ytd) < unit;
}

static int
is_minus_zero(double d)
{
	return d == 0.0 && signbit(d);
}

/* ---- series ---- */

int
ts_fits_version1(const ts_view *s)
{
	int32_t		i;

	if (s->kind != TS_AMOUNT)
		return 0;
	for (i = 0; i < s->n; i++)
	{
		if (s->facts[i].no_value)
			return 0;
	}
	return 1;
}

size_t
ts_encoded_size(const ts_view *s)
{
	int			v1 = ts_fits_version1(s);
	size_t		size = v1 ? V1_HEADER_BYTES : V2_HEADER_BYTES;
	int32_t		i;

	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];

		size += V2_FACT_MIN_BYTES + (f->no_value ? 0 : 8) + (f->has_growth ? 8 : 0);
	}
	return size;
}

void
ts_encode(const ts_view *s, uint8_t *out)
{
	int			v1 = ts_fits_version1(s);
	int32_t		i;

	*out++ = v1 ? 1 : 2;
	*out++ = (uint8_t) s->grain;
	if (!v1)
		*out++ = (uint8_t) s->kind;
	out = put_u32(out, (uint32_t) (s->n > 0 ? s->n : 0));
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];

		out = put_u32(out, (uint32_t) f->unit);
		*out++ = (uint8_t) ((f->cumulative ? FLAG_CUMULATIVE : 0) |
							(f->has_growth ? FLAG_GROWTH : 0) |
							(f->no_value ? FLAG_NO_VALUE : 0));
		if (!f->no_value)
			out = put_f64(out, f->value);
		if (f->has_growth)
			out = put_f64(out, f->growth);
	}
}

/*
 * Whether a fact's numbers can be a fact of a series of that kind: the
 * rules every writer keeps (the builder, text input), so that what recv
 * accepts also reads back from a dump. -0 is excluded so that equal
 * series are equal bytes.
 */
static int
fact_numbers_ok(ts_kind kind, const ts_fact *f)
{
	if (!f->no_value && (!isfinite(f->value) || is_minus_zero(f->value)))
		return 0;
	if (!f->has_growth)
		return 1;
	if (!isfinite(f->growth) || is_minus_zero(f->growth))
		return 0;
	if (kind == TS_RATIO)
		return 1;
	/* a rate of an amount implies a base: > -100%, and finite */
	return f->growth > -100.0 &&
		(f->no_value || isfinite(f->value / (1.0 + f->growth / 100.0)));
}

ts_status
ts_decode(const uint8_t *in, size_t len, tp_grain *grain, ts_fact *facts,
		  int32_t *n)
{
	tp_grain	g;
	ts_kind		kind = TS_AMOUNT;
	uint32_t	count;
	uint32_t	i;
	size_t		header;
	size_t		min_fact;
	uint8_t		known_flags;
	size_t		pos;
	int64_t		prev_key = -1;

	if (len < V1_HEADER_BYTES || in[1] >= TP_NGRAINS)
		return TS_ECORRUPT;
	if (in[0] == 1)
	{
		header = V1_HEADER_BYTES;
		min_fact = V1_FACT_MIN_BYTES;
		known_flags = FLAG_CUMULATIVE | FLAG_GROWTH;
	}
	else if (in[0] == 2)
	{
		if (len < V2_HEADER_BYTES || in[2] > TS_RATIO)
			return TS_ECORRUPT;
		kind = (ts_kind) in[2];
		header = V2_HEADER_BYTES;
		min_fact = V2_FACT_MIN_BYTES;
		known_flags = FLAG_CUMULATIVE | FLAG_GROWTH | FLAG_NO_VALUE;
	}
	else
		return TS_ECORRUPT;
	g = (tp_grain) in[1];
	count = get_u32(in + header - 4);
	if (count == 0 || count > INT32_MAX || count > (len - header) / min_fact)
		return TS_ECORRUPT;

	pos = header;
	for (i = 0; i < count; i++)
	{
		ts_fact		f;
		uint8_t		flags;
		int64_t		key;

		if (len - pos < V2_FACT_MIN_BYTES)
			return TS_ECORRUPT;
		f.unit = get_i32(in + pos);
		flags = in[pos + 4];
		pos += V2_FACT_MIN_BYTES;
		if ((flags & ~known_flags) != 0)
			return TS_ECORRUPT;
		f.cumulative = (uint8_t) (flags & FLAG_CUMULATIVE);
		f.has_growth = (flags & FLAG_GROWTH) ? 1 : 0;
		f.no_value = (flags & FLAG_NO_VALUE) ? 1 : 0;
		f.pad = 0;
		f.value = 0.0;
		f.growth = 0.0;
		if (!f.no_value)
		{
			if (len - pos < 8)
				return TS_ECORRUPT;
			f.value = get_f64(in + pos);
			pos += 8;
		}
		if (f.has_growth)
		{
			if (len - pos < 8)
				return TS_ECORRUPT;
			f.growth = get_f64(in + pos);
			pos += 8;
		}
		if (!fact_numbers_ok(kind, &f))
			return TS_ECORRUPT;
		key = (int64_t) f.unit * 2 + f.cumulative;
		if (key <= prev_key || !fact_key_ok(g, f.unit, f.cumulative))
			return TS_ECORRUPT;
		prev_key = key;
		if (facts != NULL)
			facts[i] = f;
	}
	if (pos != len)
		return TS_ECORRUPT;
	*grain = g;
	*n = (int32_t) count;
	return TS_OK;
}

ts_kind
ts_decoded_kind(const uint8_t *in, size_t len)
{
	if (len >= V2_HEADER_BYTES && in[0] == 2 && in[2] == TS_RATIO)
		return TS_RATIO;
	return TS_AMOUNT;
}

/* ---- builder state ----
 *
 * States pass only between backends running the same library (parallel
 * workers, and a sharding engine's nodes), so they are always written in
 * the newest version; version 1 still decodes, for nodes updated one at a
 * time.
 */

size_t
ts_state_encoded_size(const ts_builder *b)
{
	return V2_HEADER_BYTES + (size_t) b->count * V2_SLOT_BYTES;
}

void
ts_state_encode(const ts_builder *b, uint8_t *out)
{
	uint32_t	i;

	out[0] = 2;
	out[1] = (uint8_t) (b->grain >= 0 ? b->grain : NO_GRAIN);
	out[2] = (uint8_t) b->kind;
	out = put_u32(out + 3, b->count);
	for (i = 0; i < b->cap; i++)
	{
		ts_state_slot s;

		if (b->slots[i].tag == TS_FREE_TAG)
			continue;
		ts_builder_slot(b, i, &s);
		out = put_u32(out, (uint32_t) s.key);
		*out++ = (uint8_t) s.flags;
		out = put_f64(out, s.value);
		out = put_f64(out, s.rate);
	}
}

/*
 * One slot's fields, within their domains: a fact's key, known flags,
 * finite numbers; a ratio slot holds one row; a single amount row's rate
 * is one the builder keeps (> -100, a finite implied base).
 */
static int
slot_ok(tp_grain g, ts_kind kind, int64_t key, const ts_state_slot *s)
{
	if (key < 0 || key / 2 > INT32_MAX ||
		!fact_key_ok(g, key / 2, (int) (key % 2)))
		return 0;
	if ((s->flags & ~(uint32_t) (TS_SLOT_MANY | TS_SLOT_PLAIN | TS_SLOT_NO_VALUE)) != 0 ||
		!isfinite(s->value) || !isfinite(s->rate))
		return 0;
	if (kind == TS_RATIO)
		return !(s->flags & TS_SLOT_MANY);
	if (s->flags & (TS_SLOT_MANY | TS_SLOT_PLAIN))
		return 1;
	return s->rate > -100.0 &&
		((s->flags & TS_SLOT_NO_VALUE) || isfinite(s->value / (1.0 + s->rate / 100.0)));
}

/* A version-1 slot in today's form: rows counted as one or more, the
 * single row's rate where a slot of many keeps its bases. */
static int
slot_from_v1(const uint8_t *p, int64_t *key, ts_state_slot *s)
{
	double		base = get_f64(p + 16) + 0.0;
	double		growth = get_f64(p + 24) + 0.0;
	int64_t		nrows = get_i64(p + 32);
	int64_t		nplain = get_i64(p + 40);

	*key = get_i64(p);
	/* -0 is a harmless sum, but +0 is what a builder would hold */
	s->value = get_f64(p + 8) + 0.0;
	if (!isfinite(base) || !isfinite(growth) ||
		nrows < 1 || nplain < 0 || nplain > nrows)
		return 0;
	s->flags = (nrows > 1 ? TS_SLOT_MANY : 0) | (nplain > 0 ? TS_SLOT_PLAIN : 0);
	s->rate = nrows > 1 ? base : nplain > 0 ? 0.0 : growth;
	return 1;
}

ts_status
ts_state_decode(const uint8_t *in, size_t len, ts_builder *b)
{
	uint32_t	count;
	uint32_t	i;
	size_t		header;
	size_t		slot_bytes;
	ts_kind		kind = TS_AMOUNT;
	ts_status	st;

	if (b->count != 0 || b->grain != -1)
		return TS_EARG;
	if (len < V1_HEADER_BYTES || (in[1] >= TP_NGRAINS && in[1] != NO_GRAIN))
		return TS_ECORRUPT;
	if (in[0] == 1)
	{
		header = V1_HEADER_BYTES;
		slot_bytes = V1_SLOT_BYTES;
	}
	else if (in[0] == 2)
	{
		if (len < V2_HEADER_BYTES || in[2] > TS_RATIO)
			return TS_ECORRUPT;
		kind = (ts_kind) in[2];
		header = V2_HEADER_BYTES;
		slot_bytes = V2_SLOT_BYTES;
	}
	else
		return TS_ECORRUPT;
	count = get_u32(in + header - 4);
	if ((len - header) % slot_bytes != 0 ||
		(len - header) / slot_bytes != count ||
		(in[1] == NO_GRAIN && count != 0))
		return TS_ECORRUPT;
	b->kind = kind;
	if (count == 0)
	{
		if (in[1] != NO_GRAIN)
			b->grain = in[1];
		return TS_OK;
	}

	for (i = 0; i < count; i++)
	{
		const uint8_t *p = in + header + (size_t) i * slot_bytes;
		ts_state_slot s;
		int64_t		key;
		int			ok;

		if (in[0] == 1)
			ok = slot_from_v1(p, &key, &s);
		else
		{
			key = get_i32(p);
			s.flags = p[4];
			s.value = get_f64(p + 5) + 0.0;
			s.rate = get_f64(p + 13) + 0.0;
			ok = 1;
		}
		if (!ok || !slot_ok((tp_grain) in[1], kind, key, &s))
			st = TS_ECORRUPT;
		else
		{
			s.key = (int32_t) key;
			st = ts_builder_put_slot(b, (tp_grain) in[1], kind, &s);
			/* a duplicate, or one that overflows a sum */
			if (st != TS_OK && st != TS_ENOMEM)
				st = TS_ECORRUPT;
		}
		if (st != TS_OK)
		{
			ts_builder_free(b);
			return st;
		}
	}
	return TS_OK;
}
