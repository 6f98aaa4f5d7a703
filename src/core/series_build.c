/*
 * series_build.c — the transition state of the series aggregate: an
 * open-addressing hash table of per-period running sums (see series.h).
 *
 * A slot's key is unit * 2 + cumulative, so keys of valid facts are
 * non-negative and their integer order is the order of the flat form.
 * Tables use linear probing over a power-of-two capacity and never delete,
 * so a slot keeps its index until the table grows; the row caches rely on
 * that.
 *
 * Adding a row is the aggregate's per-row cost, so it avoids the calendar
 * arithmetic that turns a period into its key where it can: the builder
 * remembers the last row's period and slot, and behind the slots, in the
 * same allocation, a direct-mapped memo maps recent periods to their
 * slots (rows of many projects cycle through the same few periods).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

#define FREE_KEY INT64_MIN
#define NO_PERIOD ((tp_period) -1)	/* valid periods are non-negative */
#define MIN_CAP 16
/* Beyond this the table could not be indexed by uint32_t after doubling. */
#define MAX_CAP (UINT32_C(1) << 31)

/* One memo entry; the memo has b->cap of them, right after the slots. */
typedef struct period_memo
{
	tp_period	period;			/* NO_PERIOD: empty */
	uint32_t	slot;
} period_memo;

#define BYTES_PER_SLOT (sizeof(ts_slot) + sizeof(period_memo))

static period_memo *
memo_of(const ts_builder *b)
{
	return (period_memo *) (b->slots + b->cap);
}

static uint32_t
hash_key(int64_t key, uint32_t mask)
{
	uint64_t	h = (uint64_t) key * UINT64_C(0x9E3779B97F4A7C15);

	/* the low bits of a product see only the low bits of the key */
	return (uint32_t) (h ^ (h >> 32)) & mask;
}

/* The index of key's slot, or of the free slot where it belongs. */
static uint32_t
probe(const ts_slot *slots, uint32_t cap, int64_t key)
{
	uint32_t	mask = cap - 1;
	uint32_t	i = hash_key(key, mask);

	while (slots[i].key != key && slots[i].key != FREE_KEY)
		i = (i + 1) & mask;
	return i;
}

static void
forget_cache(ts_builder *b)
{
	b->last_period = NO_PERIOD;
	b->last_slot = 0;
}

/* Make room for `want` slots in use within the 3/4 load limit. */
static ts_status
reserve(ts_builder *b, uint64_t want)
{
	uint64_t	cap = b->cap ? b->cap : MIN_CAP;
	ts_slot    *slots;
	period_memo *memo;
	uint32_t	i;

	while (want * 4 > cap * 3)
	{
		if (cap >= MAX_CAP)
			return TS_ENOMEM;
		cap *= 2;
	}
	if (cap == b->cap)
		return TS_OK;
	if (cap > SIZE_MAX / BYTES_PER_SLOT)
		return TS_ENOMEM;
	slots = b->alloc.alloc(b->alloc.ctx, (size_t) cap * BYTES_PER_SLOT);
	if (slots == NULL)
		return TS_ENOMEM;
	memo = (period_memo *) (slots + cap);
	for (i = 0; i < cap; i++)
	{
		slots[i].key = FREE_KEY;
		memo[i].period = NO_PERIOD;
		memo[i].slot = 0;
	}
	for (i = 0; i < b->cap; i++)
	{
		if (b->slots[i].key != FREE_KEY)
			slots[probe(slots, (uint32_t) cap, b->slots[i].key)] = b->slots[i];
	}
	if (b->slots != NULL)
		b->alloc.release(b->alloc.ctx, b->slots);
	b->slots = slots;
	b->cap = (uint32_t) cap;
	forget_cache(b);
	return TS_OK;
}

void
ts_builder_init(ts_builder *b, const ts_alloc *alloc)
{
	b->alloc = *alloc;
	b->grain = -1;
	b->count = 0;
	b->cap = 0;
	b->slots = NULL;
	forget_cache(b);
}

void
ts_builder_free(ts_builder *b)
{
	if (b->slots != NULL)
		b->alloc.release(b->alloc.ctx, b->slots);
	b->grain = -1;
	b->count = 0;
	b->cap = 0;
	b->slots = NULL;
	forget_cache(b);
}

/*
 * Why a row with a non-finite input or sum was refused: NaN in either
 * argument first (22023 in SQL), then infinities and overflowing sums
 * (22003), the order the rate functions check in. Off the hot path.
 */
static ts_status
refusal(double value, int has_growth, double growth)
{
	if (isnan(value) || (has_growth && isnan(growth)))
		return TS_ENAN;
	return TS_ENONFINITE;
}

/*
 * Fold one row into s, or leave s untouched and say why not. A sum that
 * overflows is refused like a non-finite input, so every slot stays
 * finite and its serialized form passes the decoder. The value sum starts
 * at +0, which also turns a -0 row into +0.
 */
static inline ts_status
fold_row(ts_slot *s, double value, int has_growth, double growth)
{
	double		v = s->value + value;

	/* catches a NaN/infinite value as well as an overflowing sum */
	if (!isfinite(v))
		return refusal(value, has_growth, growth);
	/* only a hostile deserialized state comes near this */
	if (s->nrows == INT64_MAX)
		return TS_EARG;
	if (has_growth)
	{
		if (!isfinite(growth))
			return refusal(value, has_growth, growth);
		if (growth > -100.0)
		{
			double		base = s->base + value / (1.0 + growth / 100.0);

			if (!isfinite(base))
				return TS_ENONFINITE;
			s->base = base;
			if (s->nrows == 0)
				s->growth = growth + 0.0;	/* never -0 */
			s->value = v;
			s->nrows++;
			return TS_OK;
		}
	}
	s->value = v;
	s->nrows++;
	s->nplain++;
	return TS_OK;
}

static void
empty_slot(ts_slot *s, int64_t key)
{
	s->key = key;
	s->value = 0.0;
	s->base = 0.0;
	s->growth = 0.0;
	s->nrows = 0;
	s->nplain = 0;
}

/*
 * Fold a row into the slot of key, creating it if need be. Nothing
 * changes on error: a new slot's sums are checked before it is inserted.
 * On success the cache points at the slot (the caller sets the period).
 */
static ts_status
add_to_key(ts_builder *b, int64_t key, double value, int has_growth,
		   double growth)
{
	ts_slot		row;
	ts_status	st;
	uint32_t	i;

	if (b->cap > 0)
	{
		i = probe(b->slots, b->cap, key);
		if (b->slots[i].key == key)
		{
			st = fold_row(&b->slots[i], value, has_growth, growth);
			if (st == TS_OK)
				b->last_slot = i;
			return st;
		}
	}
	empty_slot(&row, key);
	st = fold_row(&row, value, has_growth, growth);
	if (st != TS_OK)
		return st;
	st = reserve(b, (uint64_t) b->count + 1);
	if (st != TS_OK)
		return st;
	i = probe(b->slots, b->cap, key);
	b->slots[i] = row;
	b->count++;
	b->last_slot = i;
	return TS_OK;
}

/*
 * The most days one unit of each grain can span. Two consecutive units
 * always span more (two months at least 59 days, two halves 365), so the
 * day count tells a unit from a run without any calendar arithmetic.
 */
static const int32_t unit_days_max[TP_NGRAINS] = {1, 7, 31, 92, 184, 366};

/* Units per year of the month-based grains; 0 for day and week. */
static const int64_t units_per_year[TP_NGRAINS] = {0, 0, 12, 4, 2, 1};

/* Whether the run p (of grain g, ending at unit last) is year-to-date. */
static int
is_ytd(tp_period p, tp_grain g, int64_t last)
{
	tp_period	ytd;

	if (units_per_year[g] > 0)
	{
		/* valid units are positive: / is floor division here */
		return tp_first_unit(p) == last / units_per_year[g] * units_per_year[g];
	}
	/* days and ISO weeks: the calendar decides where the year starts */
	return tp_ytd(p, &ytd) == TP_OK && ytd == p;
}

/* The slow path of ts_builder_add: a period other than the last row's. */
static ts_status
add_new_period(ts_builder *b, tp_period p, double value, int has_growth,
			   double growth)
{
	tp_grain	g = tp_grain_of(p);
	int64_t		last;
	int			cumulative;
	ts_status	st;
	period_memo *m;

	if (b->cap > 0)
	{
		m = &memo_of(b)[hash_key(p, b->cap - 1)];
		if (m->period == p)
		{
			st = fold_row(&b->slots[m->slot], value, has_growth, growth);
			if (st == TS_OK)
			{
				b->last_period = p;
				b->last_slot = m->slot;
			}
			return st;
		}
	}
	if ((unsigned int) g >= TP_NGRAINS)
		return TS_EARG;
	if (b->grain >= 0 && (int) g != b->grain)
		return TS_EGRAIN;
	last = tp_last_unit(p);
	cumulative = tp_ndays(p) > unit_days_max[g];
	if (cumulative && !is_ytd(p, g, last))
		return TS_ESPAN;
	st = add_to_key(b, last * 2 + cumulative, value, has_growth, growth);
	if (st != TS_OK)
		return st;
	b->grain = (int) g;
	b->last_period = p;
	/* after add_to_key: the table may have grown */
	m = &memo_of(b)[hash_key(p, b->cap - 1)];
	m->period = p;
	m->slot = b->last_slot;
	return TS_OK;
}

ts_status
ts_builder_add(ts_builder *b, tp_period p, double value, int has_growth,
			   double growth)
{
	/*
	 * The hot path: the same period as the row before, already validated
	 * and located. last_period is -1 while no slot is cached.
	 */
	if (p == b->last_period)
		return fold_row(&b->slots[b->last_slot], value, has_growth, growth);
	return add_new_period(b, p, value, has_growth, growth);
}

/* Whether a + b would overflow int64_t (both non-negative). */
static int
count_overflows(int64_t a, int64_t b)
{
	return a > INT64_MAX - b;
}

/* into's slot plus from's: checked first, so merging cannot fail midway. */
static ts_status
check_sum(const ts_slot *into, const ts_slot *from)
{
	if (!isfinite(into->value + from->value) ||
		!isfinite(into->base + from->base))
		return TS_ENONFINITE;
	if (count_overflows(into->nrows, from->nrows) ||
		count_overflows(into->nplain, from->nplain))
		return TS_EARG;
	return TS_OK;
}

/* The period of a slot's key in a series of grain g. */
static tp_period
key_period(int g, int64_t key)
{
	ts_fact		f;

	f.unit = (int32_t) (key / 2);
	f.cumulative = (uint8_t) (key % 2);
	return ts_fact_period((tp_grain) g, &f);
}

ts_status
ts_builder_merge(ts_builder *into, const ts_builder *from, tp_period *where)
{
	uint64_t	fresh = 0;
	uint32_t	i;
	uint32_t	j;
	ts_status	st;

	if (from->count == 0)
		return TS_OK;
	if (into->grain >= 0 && into->grain != from->grain)
		return TS_EGRAIN;

	/* First pass: every sum must fit, and count the slots to add. */
	for (i = 0; i < from->cap; i++)
	{
		const ts_slot *s = &from->slots[i];

		if (s->key == FREE_KEY)
			continue;
		if (into->cap > 0)
		{
			j = probe(into->slots, into->cap, s->key);
			if (into->slots[j].key == s->key)
			{
				st = check_sum(&into->slots[j], s);
				if (st != TS_OK)
				{
					if (st == TS_ENONFINITE && where != NULL)
						*where = key_period(from->grain, s->key);
					return st;
				}
				continue;
			}
		}
		fresh++;
	}
	st = reserve(into, (uint64_t) into->count + fresh);
	if (st != TS_OK)
		return st;

	for (i = 0; i < from->cap; i++)
	{
		const ts_slot *s = &from->slots[i];
		ts_slot    *t;

		if (s->key == FREE_KEY)
			continue;
		j = probe(into->slots, into->cap, s->key);
		t = &into->slots[j];
		if (t->key == s->key)
		{
			/* t->growth stays: with nrows > 1 it is no longer used */
			t->value += s->value;
			t->base += s->base;
			t->nrows += s->nrows;
			t->nplain += s->nplain;
		}
		else
		{
			*t = *s;
			into->count++;
		}
	}
	into->grain = from->grain;
	return TS_OK;
}

ts_status
ts_builder_add_series(ts_builder *b, const ts_view *s, tp_period *where)
{
	uint64_t	fresh = 0;
	int32_t		i;
	ts_status	st;

	if (s->n <= 0)
		return TS_OK;
	if (b->grain >= 0 && b->grain != (int) s->grain)
		return TS_EGRAIN;

	/*
	 * Check every fact against its slot first, so that a failure leaves the
	 * builder as it was. The facts of a valid series name distinct slots.
	 */
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		int64_t		key = (int64_t) f->unit * 2 + (f->cumulative ? 1 : 0);
		ts_slot		row;

		empty_slot(&row, key);
		if (b->cap > 0)
		{
			uint32_t	j = probe(b->slots, b->cap, key);

			if (b->slots[j].key == key)
				row = b->slots[j];
			else
				fresh++;
		}
		else
			fresh++;
		st = fold_row(&row, f->value, f->has_growth, f->growth);
		if (st != TS_OK)
		{
			if (st == TS_ENONFINITE && where != NULL)
				*where = ts_fact_period(s->grain, f);
			return st;
		}
	}
	st = reserve(b, (uint64_t) b->count + fresh);
	if (st != TS_OK)
		return st;
	/* add_to_key moves the cached slot away from the cached period */
	forget_cache(b);
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];

		st = add_to_key(b, (int64_t) f->unit * 2 + (f->cumulative ? 1 : 0),
						f->value, f->has_growth, f->growth);
		if (st != TS_OK)
			return st;
	}
	b->grain = (int) s->grain;
	return TS_OK;
}

static int
fact_cmp(const void *a, const void *b)
{
	const ts_fact *x = a;
	const ts_fact *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return (int) x->cumulative - (int) y->cumulative;
}

static void
slot_to_fact(const ts_slot *s, ts_fact *f)
{
	double		growth = 0.0;
	int			has_growth = 0;

	if (s->nplain == 0 && s->base > 0.0)
	{
		growth = s->nrows == 1 ? s->growth : (s->value / s->base - 1.0) * 100.0;
		/* Only a fact the decoder takes back, implied base finite (a
		 * state's slots are checked one by one, not against each other). */
		has_growth = isfinite(growth) && growth > -100.0 &&
			isfinite(s->value / (1.0 + growth / 100.0));
		/* +0.0 turns a -0 rate into +0 */
		growth = has_growth ? growth + 0.0 : 0.0;
	}
	f->unit = (int32_t) (s->key / 2);
	f->cumulative = (uint8_t) (s->key % 2);
	f->has_growth = (uint8_t) has_growth;
	f->pad[0] = 0;
	f->pad[1] = 0;
	f->value = s->value + 0.0;
	f->growth = growth;
}

void
ts_builder_flatten(const ts_builder *b, ts_fact *facts)
{
	uint32_t	i;
	uint32_t	n = 0;

	for (i = 0; i < b->cap; i++)
	{
		if (b->slots[i].key != FREE_KEY)
			slot_to_fact(&b->slots[i], &facts[n++]);
	}
	if (n > 1)
		qsort(facts, n, sizeof(ts_fact), fact_cmp);
}
