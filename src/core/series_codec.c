/*
 * series_codec.c — the binary forms of a series and of the aggregate's
 * state (see series.h for the layouts).
 *
 * The decoders read bytes from clients (recv) and from other backends
 * (deserialize): every field is checked, every count is checked against
 * the bytes present before anything is allocated or looped over, and
 * nothing is read past len.
 */
#include <math.h>
#include <string.h>

#include "series.h"

#define FORMAT_VERSION 1
#define NO_GRAIN 255
#define HEADER_BYTES 6			/* version, grain, count */
#define FACT_MIN_BYTES 13		/* unit, flags, value */
#define SLOT_BYTES 48
#define FLAG_CUMULATIVE 1
#define FLAG_GROWTH 2

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

static uint8_t *
put_i64(uint8_t *out, int64_t v)
{
	return put_u64(out, (uint64_t) v);
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

size_t
ts_encoded_size(const ts_view *s)
{
	size_t		size = HEADER_BYTES;
	int32_t		i;

	for (i = 0; i < s->n; i++)
		size += FACT_MIN_BYTES + (s->facts[i].has_growth ? 8 : 0);
	return size;
}

void
ts_encode(const ts_view *s, uint8_t *out)
{
	int32_t		i;

	out[0] = FORMAT_VERSION;
	out[1] = (uint8_t) s->grain;
	out = put_u32(out + 2, (uint32_t) (s->n > 0 ? s->n : 0));
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];

		out = put_u32(out, (uint32_t) f->unit);
		*out++ = (uint8_t) ((f->cumulative ? FLAG_CUMULATIVE : 0) |
							(f->has_growth ? FLAG_GROWTH : 0));
		out = put_f64(out, f->value);
		if (f->has_growth)
			out = put_f64(out, f->growth);
	}
}

ts_status
ts_decode(const uint8_t *in, size_t len, tp_grain *grain, ts_fact *facts,
		  int32_t *n)
{
	tp_grain	g;
	uint32_t	count;
	uint32_t	i;
	size_t		pos = HEADER_BYTES;
	int64_t		prev_key = -1;

	if (len < HEADER_BYTES || in[0] != FORMAT_VERSION || in[1] >= TP_NGRAINS)
		return TS_ECORRUPT;
	g = (tp_grain) in[1];
	count = get_u32(in + 2);
	if (count == 0 || count > INT32_MAX ||
		count > (len - HEADER_BYTES) / FACT_MIN_BYTES)
		return TS_ECORRUPT;

	for (i = 0; i < count; i++)
	{
		int32_t		unit;
		uint8_t		flags;
		double		value;
		double		growth = 0.0;
		int64_t		key;

		if (len - pos < FACT_MIN_BYTES)
			return TS_ECORRUPT;
		unit = get_i32(in + pos);
		flags = in[pos + 4];
		value = get_f64(in + pos + 5);
		pos += FACT_MIN_BYTES;
		if (flags & FLAG_GROWTH)
		{
			if (len - pos < 8)
				return TS_ECORRUPT;
			growth = get_f64(in + pos);
			pos += 8;
			/* -0 is excluded so that equal series are equal bytes */
			if (!isfinite(growth) || !(growth > -100.0) || is_minus_zero(growth))
				return TS_ECORRUPT;
		}
		/* The implied base finite, as text input and the aggregate demand
		 * (series_build.c): what recv accepts must read back from a dump. */
		if ((flags & FLAG_GROWTH) && !isfinite(value / (1.0 + growth / 100.0)))
			return TS_ECORRUPT;
		if ((flags & ~(FLAG_CUMULATIVE | FLAG_GROWTH)) != 0 ||
			!isfinite(value) || is_minus_zero(value))
			return TS_ECORRUPT;
		key = (int64_t) unit * 2 + (flags & FLAG_CUMULATIVE);
		if (key <= prev_key ||
			!fact_key_ok(g, unit, flags & FLAG_CUMULATIVE))
			return TS_ECORRUPT;
		prev_key = key;
		if (facts != NULL)
		{
			ts_fact    *f = &facts[i];

			f->unit = unit;
			f->cumulative = (uint8_t) (flags & FLAG_CUMULATIVE);
			f->has_growth = (flags & FLAG_GROWTH) ? 1 : 0;
			f->pad[0] = 0;
			f->pad[1] = 0;
			f->value = value;
			f->growth = growth;
		}
	}
	if (pos != len)
		return TS_ECORRUPT;
	*grain = g;
	*n = (int32_t) count;
	return TS_OK;
}

/* ---- builder state ---- */

size_t
ts_state_encoded_size(const ts_builder *b)
{
	return HEADER_BYTES + (size_t) b->count * SLOT_BYTES;
}

void
ts_state_encode(const ts_builder *b, uint8_t *out)
{
	uint32_t	i;

	out[0] = FORMAT_VERSION;
	out[1] = (uint8_t) (b->grain >= 0 ? b->grain : NO_GRAIN);
	out = put_u32(out + 2, b->count);
	for (i = 0; i < b->cap; i++)
	{
		const ts_slot *s = &b->slots[i];

		if (s->key == INT64_MIN)
			continue;
		out = put_i64(out, s->key);
		out = put_f64(out, s->value);
		out = put_f64(out, s->base);
		out = put_f64(out, s->growth);
		out = put_i64(out, s->nrows);
		out = put_i64(out, s->nplain);
	}
}

/* One slot's fields: within their domains, numbers finite. */
static int
slot_ok(tp_grain g, const ts_slot *s)
{
	if (s->key < 0 || s->key / 2 > INT32_MAX ||
		!fact_key_ok(g, s->key / 2, (int) (s->key % 2)))
		return 0;
	if (!isfinite(s->value) || !isfinite(s->base) || !isfinite(s->growth))
		return 0;
	return s->nrows >= 1 && s->nplain >= 0 && s->nplain <= s->nrows;
}

ts_status
ts_state_decode(const uint8_t *in, size_t len, ts_builder *b)
{
	uint32_t	count;
	uint32_t	i;
	ts_status	st;

	if (b->count != 0 || b->grain != -1)
		return TS_EARG;
	if (len < HEADER_BYTES || in[0] != FORMAT_VERSION ||
		(in[1] >= TP_NGRAINS && in[1] != NO_GRAIN))
		return TS_ECORRUPT;
	count = get_u32(in + 2);
	if ((len - HEADER_BYTES) % SLOT_BYTES != 0 ||
		(len - HEADER_BYTES) / SLOT_BYTES != count ||
		(in[1] == NO_GRAIN && count != 0))
		return TS_ECORRUPT;
	if (count == 0)
	{
		if (in[1] != NO_GRAIN)
			b->grain = in[1];
		return TS_OK;
	}

	/*
	 * Each slot goes in through the public combine step, as a builder of
	 * one slot merged into b: a key that b already holds leaves b's count
	 * unchanged, which is how a duplicate shows.
	 */
	for (i = 0; i < count; i++)
	{
		const uint8_t *p = in + HEADER_BYTES + (size_t) i * SLOT_BYTES;
		ts_slot		s;
		ts_builder	one;
		uint32_t	before = b->count;

		s.key = get_i64(p);
		/* -0 is a harmless sum, but +0 is what a builder would hold */
		s.value = get_f64(p + 8) + 0.0;
		s.base = get_f64(p + 16) + 0.0;
		s.growth = get_f64(p + 24) + 0.0;
		s.nrows = get_i64(p + 32);
		s.nplain = get_i64(p + 40);
		if (!slot_ok((tp_grain) in[1], &s))
			st = TS_ECORRUPT;
		else
		{
			one = *b;			/* the allocator; never used to allocate */
			one.grain = in[1];
			one.count = 1;
			one.cap = 1;		/* a power of two: every key probes slot 0 */
			one.slots = &s;
			st = ts_builder_merge(b, &one, NULL);
			if ((st == TS_OK && b->count == before) ||
				(st != TS_OK && st != TS_ENOMEM))
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
