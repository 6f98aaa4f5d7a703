/*
 * series_build.c — the transition state of the series aggregate: an
 * open-addressing hash table of per-period running sums (see series.h).
 *
 * The table is keyed by the period itself: a row whose period is already
 * in the table finds its slot by one hash and a compare, without the
 * calendar arithmetic that turns a period into a fact (that is done when
 * the period's slot is made, to check it, and again when the table is
 * flattened). Tables use linear probing over a power-of-two capacity and
 * never delete, so a slot keeps its index until the table grows; the row
 * cache relies on that.
 *
 * Adding a row is the aggregate's per-row cost, and with many groups each
 * row touches its group's table at a place the cache has likely lost; a
 * state's memory is also mostly its table, and every byte of it is
 * written when the table grows. So a slot is 16 bytes and rates live in
 * a parallel array only rows with rates need. A slot of one row keeps
 * that row's rate where a slot of several keeps the sum of their implied
 * bases: the single row's base is recomputed, bit for bit as it was when
 * the row was checked, when a second row arrives. Rows are counted only
 * as "one" or "more".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

#define MIN_CAP 16
/* Beyond this the table could not be indexed by uint32_t after doubling. */
#define MAX_CAP (UINT32_C(1) << 31)
#define NO_PERIOD ((tp_period) -1)	/* valid periods are non-negative */

const char *
ts_kind_name(ts_kind k)
{
	return k == TS_RATIO ? "ratio" : "amount";
}

ts_status
ts_parse_kind(const char *s, size_t len, ts_kind *out)
{
	if (len == 6 && memcmp(s, "amount", 6) == 0)
		*out = TS_AMOUNT;
	else if (len == 5 && memcmp(s, "ratio", 5) == 0)
		*out = TS_RATIO;
	else
		return TS_EKIND;
	return TS_OK;
}

/* ---- slots ---- */

static inline tp_period
slot_period(const ts_slot *s)
{
	return (tp_period) (s->tag & TS_SLOT_PERIOD_MASK);
}

static inline uint32_t
slot_flags(const ts_slot *s)
{
	return (uint32_t) (s->tag >> TS_SLOT_SHIFT);
}

static inline uint64_t
make_tag(tp_period p, uint32_t flags)
{
	return (uint64_t) p | (uint64_t) flags << TS_SLOT_SHIFT;
}

/*
 * A slot's sums, unpacked: what the row rules work on. rate is as in
 * ts_builder.rates: one row's rate, or the sum of implied bases.
 */
typedef struct sums
{
	double		value;
	double		rate;
	uint32_t	flags;
} sums;

static inline sums
load(const ts_builder *b, uint32_t i)
{
	sums		x;

	x.value = b->slots[i].value;
	x.rate = b->rates != NULL ? b->rates[i] : 0.0;
	x.flags = slot_flags(&b->slots[i]);
	return x;
}

/* The caller has made sure rates exist if x->rate is other than 0. */
static inline void
store(ts_builder *b, uint32_t i, tp_period p, const sums *x)
{
	b->slots[i].tag = make_tag(p, x->flags);
	b->slots[i].value = x->value;
	if (b->rates != NULL)
		b->rates[i] = x->rate;
}

static uint32_t
hash_period(tp_period p, uint32_t mask)
{
	uint64_t	h = (uint64_t) p * UINT64_C(0x9E3779B97F4A7C15);

	/* the low bits of a product see only the low bits of the period */
	return (uint32_t) (h ^ (h >> 32)) & mask;
}

/* The index of p's slot, or of the free slot where it belongs. A free
 * slot's period bits are all ones, never a valid period. */
static inline uint32_t
probe(const ts_slot *slots, uint32_t cap, tp_period p)
{
	uint32_t	mask = cap - 1;
	uint32_t	i = hash_period(p, mask);

	while (slots[i].tag != TS_FREE_TAG && slot_period(&slots[i]) != p)
		i = (i + 1) & mask;
	return i;
}

static void
forget_cache(ts_builder *b)
{
	b->last_period = NO_PERIOD;
	b->last_slot = 0;
}

/* The rates array, for a row that needs one; every slot's rate is 0 until
 * then. Nothing changes on failure. */
static ts_status
ensure_rates(ts_builder *b)
{
	uint32_t	i;

	if (b->rates != NULL || b->cap == 0)
		return TS_OK;
	b->rates = b->alloc.alloc(b->alloc.ctx, (size_t) b->cap * sizeof(double));
	if (b->rates == NULL)
		return TS_ENOMEM;
	for (i = 0; i < b->cap; i++)
		b->rates[i] = 0.0;
	return TS_OK;
}

/* Make room for `want` slots in use within the 3/4 load limit (and for
 * rates, if the builder has them or with_rates). */
static ts_status
reserve(ts_builder *b, uint64_t want, int with_rates)
{
	uint64_t	cap = b->cap ? b->cap : MIN_CAP;
	ts_slot    *slots;
	double	   *rates = NULL;
	uint32_t	i;

	while (want * 4 > cap * 3)
	{
		if (cap >= MAX_CAP)
			return TS_ENOMEM;
		cap *= 2;
	}
	if (cap == b->cap)
		return with_rates ? ensure_rates(b) : TS_OK;
	if (cap > SIZE_MAX / sizeof(ts_slot))
		return TS_ENOMEM;
	slots = b->alloc.alloc(b->alloc.ctx, (size_t) cap * sizeof(ts_slot));
	if (slots == NULL)
		return TS_ENOMEM;
	if (b->rates != NULL || with_rates)
	{
		rates = b->alloc.alloc(b->alloc.ctx, (size_t) cap * sizeof(double));
		if (rates == NULL)
		{
			b->alloc.release(b->alloc.ctx, slots);
			return TS_ENOMEM;
		}
	}
	for (i = 0; i < cap; i++)
		slots[i].tag = TS_FREE_TAG;
	for (i = 0; i < b->cap; i++)
	{
		if (b->slots[i].tag != TS_FREE_TAG)
		{
			uint32_t	j = probe(slots, (uint32_t) cap, slot_period(&b->slots[i]));

			slots[j] = b->slots[i];
			if (rates != NULL)
				rates[j] = b->rates != NULL ? b->rates[i] : 0.0;
		}
	}
	if (b->slots != NULL)
		b->alloc.release(b->alloc.ctx, b->slots);
	if (b->rates != NULL)
		b->alloc.release(b->alloc.ctx, b->rates);
	b->slots = slots;
	b->rates = rates;
	b->cap = (uint32_t) cap;
	forget_cache(b);
	return TS_OK;
}

void
ts_builder_init(ts_builder *b, const ts_alloc *alloc)
{
	b->alloc = *alloc;
	b->grain = -1;
	b->kind = TS_AMOUNT;
	b->count = 0;
	b->cap = 0;
	b->slots = NULL;
	b->rates = NULL;
	forget_cache(b);
}

void
ts_builder_free(ts_builder *b)
{
	if (b->slots != NULL)
		b->alloc.release(b->alloc.ctx, b->slots);
	if (b->rates != NULL)
		b->alloc.release(b->alloc.ctx, b->rates);
	ts_builder_init(b, &b->alloc);
}

ts_status
ts_builder_set_kind(ts_builder *b, ts_kind kind)
{
	if (b->count > 0 && b->kind != kind)
		return TS_EKIND;
	b->kind = kind;
	return TS_OK;
}

/* ---- the rules for rows ---- */

/*
 * Why a row with a non-finite input or sum was refused: NaN in either
 * argument first (22023 in SQL), then infinities and overflowing sums
 * (22003), the order the rate functions check in. Off the hot path.
 */
static ts_status
refusal(double value, int flags, double growth)
{
	if ((!(flags & TS_ROW_NO_VALUE) && isnan(value)) ||
		((flags & TS_ROW_GROWTH) && isnan(growth)))
		return TS_ENAN;
	return TS_ENONFINITE;
}

/*
 * The sum of the implied bases of the rows with a usable rate: what rate
 * holds once the slot has more than one row. A single row's base is
 * computed exactly as it was when the row was checked, so sums are the
 * same bits whether they were kept all along or not.
 */
static inline double
sums_base(const sums *x)
{
	if (x->flags & TS_SLOT_MANY)
		return x->rate;
	if (x->flags & (TS_SLOT_PLAIN | TS_SLOT_NO_VALUE))
		return 0.0;
	return x->value / (1.0 + x->rate / 100.0);
}

/*
 * An amount row as a slot's first. Sums start at +0, which also turns a
 * -0 row into +0; a rate must imply a finite base, so every slot's flat
 * form passes the decoder.
 */
static ts_status
first_row(sums *x, double value, int flags, double growth)
{
	int			rated = (flags & TS_ROW_GROWTH) != 0;

	if (flags & TS_ROW_NO_VALUE)
	{
		if (rated && !isfinite(growth))
			return refusal(0.0, flags, growth);
		x->value = 0.0;
		/* a rate of -100% or less is no rate, as for a row with a level */
		if (rated && growth > -100.0)
		{
			x->rate = growth + 0.0;
			x->flags = TS_SLOT_NO_VALUE;
		}
		else
		{
			x->rate = 0.0;
			x->flags = TS_SLOT_NO_VALUE | TS_SLOT_PLAIN;
		}
		return TS_OK;
	}
	if (!isfinite(value) || (rated && !isfinite(growth)))
		return refusal(value, flags, growth);
	x->value = 0.0 + value;
	if (rated && growth > -100.0)
	{
		if (!isfinite(value / (1.0 + growth / 100.0)))
			return TS_ENONFINITE;
		x->rate = growth + 0.0; /* never -0 */
		x->flags = 0;
		return TS_OK;
	}
	x->rate = 0.0;
	x->flags = TS_SLOT_PLAIN;
	return TS_OK;
}

/* An amount row into sums that hold rows already; x is unchanged on
 * error. */
static ts_status
next_row(sums *x, double value, int flags, double growth)
{
	double		base = sums_base(x);
	double		v;

	if (flags & TS_ROW_NO_VALUE)
	{
		if ((flags & TS_ROW_GROWTH) && !isfinite(growth))
			return refusal(0.0, flags, growth);
		x->rate = base;
		x->flags |= TS_SLOT_MANY | TS_SLOT_NO_VALUE;
		return TS_OK;
	}
	/* Levels and bases keep adding up in a slot that will have no level:
	 * a sum that overflows is then an error whatever order rows come in. */
	v = x->value + value;
	/* catches a NaN/infinite value as well as an overflowing sum */
	if (!isfinite(v))
		return refusal(value, flags, growth);
	if (flags & TS_ROW_GROWTH)
	{
		if (!isfinite(growth))
			return refusal(value, flags, growth);
		if (growth > -100.0)
		{
			double		b = base + value / (1.0 + growth / 100.0);

			if (!isfinite(b))
				return TS_ENONFINITE;
			x->value = v;
			x->rate = b;
			x->flags |= TS_SLOT_MANY;
			return TS_OK;
		}
	}
	x->value = v;
	x->rate = base;
	x->flags |= TS_SLOT_MANY | TS_SLOT_PLAIN;
	return TS_OK;
}

/* A ratio row as a slot's only one: a level and a change in points, each
 * finite when given; nothing adds up. */
static ts_status
ratio_row(sums *x, double value, int flags, double growth)
{
	int			has_value = !(flags & TS_ROW_NO_VALUE);
	int			has_change = (flags & TS_ROW_GROWTH) != 0;

	if ((has_value && !isfinite(value)) || (has_change && !isfinite(growth)))
		return refusal(value, flags, growth);
	x->value = has_value ? value + 0.0 : 0.0;
	x->rate = has_change ? growth + 0.0 : 0.0;
	x->flags = (has_value ? 0 : TS_SLOT_NO_VALUE) | (has_change ? 0 : TS_SLOT_PLAIN);
	return TS_OK;
}

/* Two slots' sums added (the combine step). */
static ts_status
add_sums(sums *x, const sums *y)
{
	double		value = x->value + y->value;
	double		base = sums_base(x) + sums_base(y);

	if (!isfinite(value) || !isfinite(base))
		return TS_ENONFINITE;
	x->value = value;
	x->rate = base;
	x->flags |= y->flags | TS_SLOT_MANY;
	return TS_OK;
}

/*
 * Store sums into slot i, making the rates array first if they need it (a
 * rate of 0%, or the base of such a row, is stored as no array at all);
 * nothing changes on failure.
 */
static inline ts_status
put(ts_builder *b, uint32_t i, tp_period p, const sums *x)
{
	if (x->rate != 0.0 && b->rates == NULL && ensure_rates(b) != TS_OK)
		return TS_ENOMEM;
	store(b, i, p, x);
	return TS_OK;
}

/*
 * An amount row into slot i, which holds rows already; nothing changes on
 * error. The plain level of series(p, v) is the hot path: once the slot
 * has more than one row, it touches only the slot.
 */
static inline ts_status
fold_into(ts_builder *b, uint32_t i, double value, int flags, double growth)
{
	ts_slot    *s = &b->slots[i];
	sums		x;
	ts_status	st;

	if (flags == 0 && (slot_flags(s) & TS_SLOT_MANY))
	{
		double		v = s->value + value;

		if (!isfinite(v))
			return refusal(value, flags, growth);
		s->value = v;
		s->tag |= (uint64_t) TS_SLOT_PLAIN << TS_SLOT_SHIFT;
		return TS_OK;
	}
	x = load(b, i);
	if ((st = next_row(&x, value, flags, growth)) != TS_OK)
		return st;
	return put(b, i, slot_period(s), &x);
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

int32_t
ts_period_key(tp_period p)
{
	tp_grain	g = tp_grain_of(p);

	/* valid units are below 2^22 (days), so the key fits */
	return (int32_t) (tp_last_unit(p) * 2 + (tp_ndays(p) > unit_days_max[g]));
}

/* Insert sums for a period not yet in the table. */
static ts_status
insert(ts_builder *b, tp_period p, const sums *x, uint32_t *where)
{
	ts_status	st = reserve(b, (uint64_t) b->count + 1, x->rate != 0.0);
	uint32_t	i;

	if (st != TS_OK)
		return st;
	i = probe(b->slots, b->cap, p);
	/* reserve made the rates if x needs them */
	store(b, i, p, x);
	b->count++;
	*where = i;
	return TS_OK;
}

/* The slow path of ts_builder_add: a period other than the last row's. */
static ts_status
add_new_period(ts_builder *b, tp_period p, double value, int flags,
			   double growth)
{
	tp_grain	g = tp_grain_of(p);
	int64_t		last;
	int			cumulative;
	sums		x;
	ts_status	st;
	uint32_t	i;

	if (p < 0 || (uint64_t) p > TS_SLOT_PERIOD_MASK || (unsigned int) g >= TP_NGRAINS)
		return TS_EARG;
	if (b->cap > 0)
	{
		i = probe(b->slots, b->cap, p);
		if (b->slots[i].tag != TS_FREE_TAG)
		{
			if (b->kind == TS_RATIO)
			{
				/* the row's own faults first, as for every other row */
				st = ratio_row(&x, value, flags, growth);
				return st != TS_OK ? st : TS_ERATIO;
			}
			st = fold_into(b, i, value, flags, growth);
			if (st == TS_OK)
			{
				b->last_period = p;
				b->last_slot = i;
			}
			return st;
		}
	}
	if (b->grain >= 0 && (int) g != b->grain)
		return TS_EGRAIN;
	last = tp_last_unit(p);
	cumulative = tp_ndays(p) > unit_days_max[g];
	if (cumulative && !is_ytd(p, g, last))
		return TS_ESPAN;
	st = b->kind == TS_RATIO ? ratio_row(&x, value, flags, growth) :
		first_row(&x, value, flags, growth);
	if (st != TS_OK || (st = insert(b, p, &x, &i)) != TS_OK)
		return st;
	b->grain = (int) g;
	/* A ratio builder caches nothing: a repeated period is an error that
	 * the hot path would not see. */
	if (b->kind != TS_RATIO)
	{
		b->last_period = p;
		b->last_slot = i;
	}
	return TS_OK;
}

ts_status
ts_builder_add(ts_builder *b, tp_period p, double value, int flags,
			   double growth)
{
	/*
	 * The hot path: the same period as the row before, already validated
	 * and located. last_period is -1, never a valid period, while no slot
	 * is cached.
	 */
	if (p == b->last_period && p >= 0)
		return fold_into(b, b->last_slot, value, flags, growth);
	return add_new_period(b, p, value, flags, growth);
}

ts_status
ts_builder_merge(ts_builder *into, const ts_builder *from, tp_period *where)
{
	uint64_t	fresh = 0;
	int			rated = from->rates != NULL;
	uint32_t	i;
	uint32_t	j;
	ts_status	st;

	if (from->count == 0)
		return TS_OK;
	if (into->count > 0 && into->kind != from->kind)
		return TS_EKIND;
	if (into->grain >= 0 && into->grain != from->grain)
		return TS_EGRAIN;

	/* First pass: every sum must fit, and count the slots to add. */
	for (i = 0; i < from->cap; i++)
	{
		tp_period	p = slot_period(&from->slots[i]);

		if (from->slots[i].tag == TS_FREE_TAG)
			continue;
		if (into->cap > 0)
		{
			j = probe(into->slots, into->cap, p);
			if (into->slots[j].tag != TS_FREE_TAG)
			{
				sums		x = load(into, j);
				sums		y = load(from, i);

				st = from->kind == TS_RATIO ? TS_ERATIO : add_sums(&x, &y);
				if (st != TS_OK)
				{
					if (where != NULL)
						*where = p;
					return st;
				}
				/* the sum of two bases where each slot held one rate */
				rated |= x.rate != 0.0;
				continue;
			}
		}
		fresh++;
	}
	st = reserve(into, (uint64_t) into->count + fresh, rated);
	if (st != TS_OK)
		return st;

	for (i = 0; i < from->cap; i++)
	{
		tp_period	p = slot_period(&from->slots[i]);
		sums		y;

		if (from->slots[i].tag == TS_FREE_TAG)
			continue;
		y = load(from, i);
		j = probe(into->slots, into->cap, p);
		if (into->slots[j].tag != TS_FREE_TAG)
		{
			sums		x = load(into, j);

			(void) add_sums(&x, &y);
			store(into, j, p, &x);
		}
		else
		{
			store(into, j, p, &y);
			into->count++;
		}
	}
	into->grain = from->grain;
	into->kind = from->kind;
	return TS_OK;
}

/* What a fact says, as the flags of a row. */
static int
fact_row_flags(const ts_fact *f)
{
	return (f->has_growth ? TS_ROW_GROWTH : 0) | (f->no_value ? TS_ROW_NO_VALUE : 0);
}

ts_status
ts_builder_add_series(ts_builder *b, const ts_view *s, tp_period *where)
{
	uint64_t	fresh = 0;
	int			rated = 0;
	int32_t		i;
	ts_status	st;

	if (s->n <= 0)
		return TS_OK;
	if (s->kind != TS_AMOUNT)
	{
		if (where != NULL)
			*where = ts_fact_period(s->grain, &s->facts[0]);
		return TS_ERATIO;
	}
	if (b->count > 0 && b->kind != TS_AMOUNT)
		return TS_EKIND;
	if (b->grain >= 0 && b->grain != (int) s->grain)
		return TS_EGRAIN;

	/*
	 * Check every fact against its slot first, so that a failure leaves the
	 * builder as it was. The facts of a valid series name distinct slots.
	 */
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		tp_period	p = ts_fact_period(s->grain, f);
		uint32_t	j = b->cap > 0 ? probe(b->slots, b->cap, p) : 0;
		sums		x;

		if (b->cap > 0 && b->slots[j].tag != TS_FREE_TAG)
		{
			x = load(b, j);
			st = next_row(&x, f->value, fact_row_flags(f), f->growth);
		}
		else
		{
			fresh++;
			st = first_row(&x, f->value, fact_row_flags(f), f->growth);
		}
		if (st != TS_OK)
		{
			if (where != NULL)
				*where = p;
			return st;
		}
		rated |= x.rate != 0.0;
	}
	st = reserve(b, (uint64_t) b->count + fresh, rated);
	if (st != TS_OK)
		return st;
	for (i = 0; i < s->n; i++)
	{
		const ts_fact *f = &s->facts[i];
		tp_period	p = ts_fact_period(s->grain, f);
		uint32_t	j = probe(b->slots, b->cap, p);
		sums		x;

		if (b->slots[j].tag != TS_FREE_TAG)
		{
			x = load(b, j);
			(void) next_row(&x, f->value, fact_row_flags(f), f->growth);
		}
		else
		{
			(void) first_row(&x, f->value, fact_row_flags(f), f->growth);
			b->count++;
		}
		store(b, j, p, &x);
	}
	b->grain = (int) s->grain;
	b->kind = TS_AMOUNT;
	return TS_OK;
}

/* ---- the flat form ---- */

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
sums_to_fact(tp_period p, const sums *x, ts_kind kind, ts_fact *f)
{
	int32_t		key = ts_period_key(p);
	double		growth = 0.0;
	int			has_growth = 0;

	f->unit = key / 2;
	f->cumulative = (uint8_t) (key % 2);
	f->pad = 0;
	f->no_value = (x->flags & TS_SLOT_NO_VALUE) ? 1 : 0;
	f->value = f->no_value ? 0.0 : x->value + 0.0;
	if (kind == TS_RATIO)
	{
		/* one row: its change as given */
		has_growth = !(x->flags & TS_SLOT_PLAIN);
		growth = x->rate;
	}
	else if (f->no_value)
	{
		/* A single row without a level keeps its rate; several rows of
		 * which one has no level have neither level nor rate. */
		has_growth = !(x->flags & (TS_SLOT_MANY | TS_SLOT_PLAIN));
		growth = x->rate;
	}
	else if (!(x->flags & TS_SLOT_PLAIN))
	{
		double		base = sums_base(x);

		if (base > 0.0)
		{
			growth = (x->flags & TS_SLOT_MANY) ? (x->value / base - 1.0) * 100.0 : x->rate;
			/* Only a fact the decoder takes back, implied base finite (a
			 * state's slots are checked one by one, not against each other). */
			has_growth = isfinite(growth) && growth > -100.0 &&
				isfinite(x->value / (1.0 + growth / 100.0));
		}
	}
	/* +0.0 turns a -0 rate into +0 */
	f->has_growth = (uint8_t) has_growth;
	f->growth = has_growth ? growth + 0.0 : 0.0;
}

void
ts_builder_flatten(const ts_builder *b, ts_fact *facts)
{
	uint32_t	i;
	uint32_t	n = 0;

	for (i = 0; i < b->cap; i++)
	{
		if (b->slots[i].tag != TS_FREE_TAG)
		{
			sums		x = load(b, i);

			sums_to_fact(slot_period(&b->slots[i]), &x, b->kind, &facts[n++]);
		}
	}
	if (n > 1)
		qsort(facts, n, sizeof(ts_fact), fact_cmp);
}

/* ---- the state's slots, for the codec ---- */

void
ts_builder_slot(const ts_builder *b, uint32_t i, ts_state_slot *out)
{
	sums		x = load(b, i);

	out->key = ts_period_key(slot_period(&b->slots[i]));
	out->flags = x.flags;
	out->value = x.value;
	out->rate = x.rate;
}

ts_status
ts_builder_put_slot(ts_builder *b, tp_grain g, ts_kind kind, const ts_state_slot *in)
{
	ts_builder	one;
	ts_slot		s;
	double		rate = in->rate;
	ts_fact		f;
	uint32_t	before = b->count;
	ts_status	st;

	f.unit = in->key / 2;
	f.cumulative = (uint8_t) (in->key % 2);
	s.tag = make_tag(ts_fact_period(g, &f), in->flags);
	s.value = in->value;

	/*
	 * In through the public combine step, as a builder of one slot merged
	 * into b: a period that b already holds leaves b's count unchanged,
	 * which is how a duplicate shows.
	 */
	one = *b;					/* the allocator; never used to allocate */
	one.grain = (int) g;
	one.kind = kind;
	one.count = 1;
	one.cap = 1;				/* a power of two: every period probes slot 0 */
	one.slots = &s;
	one.rates = rate != 0.0 ? &rate : NULL;
	st = ts_builder_merge(b, &one, NULL);
	if (st == TS_OK && b->count == before)
		return TS_EDUPLICATE;
	return st;
}
