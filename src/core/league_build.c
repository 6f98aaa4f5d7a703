/*
 * league_build.c — building a league and flattening it (see league.h).
 *
 * The builder keeps entries in arrival order with their names in one
 * pool; nothing is sorted or checked for duplicates until the league is
 * flattened, so adding and merging (the aggregate's transition and
 * combine steps) stay cheap and order-free.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "league.h"
#include "rates.h"

/*
 * Every size derived from a builder (the flat block: 20 bytes of header
 * and name_off[n], 20 per entity, the pool and up to 7 of padding; the
 * binary form: 6 + 12 per entity + the pool) must fit the int32 fields
 * of the flat form, so growth stops there with TL_ENOMEM.
 */
#define TL_SIZE_LIMIT ((uint64_t) INT32_MAX)
/* the most entries that fit under it, names all empty */
#define TL_MAX_ENTRIES ((TL_SIZE_LIMIT - 27) / 20)

static uint64_t
flat_bytes(uint64_t n, uint64_t pool_len)
{
	return 20 + 20 * n + pool_len;
}

void
tl_builder_init(tl_builder *b, int decimals, const tl_alloc *a)
{
	b->alloc = *a;
	b->decimals = decimals;
	b->has_rows = 0;
	b->n = 0;
	b->cap = 0;
	b->entries = NULL;
	b->pool = NULL;
	b->pool_len = 0;
	b->pool_cap = 0;
}

void
tl_builder_free(tl_builder *b)
{
	if (b->entries != NULL)
		b->alloc.release(b->alloc.ctx, b->entries);
	if (b->pool != NULL)
		b->alloc.release(b->alloc.ctx, b->pool);
	b->entries = NULL;
	b->pool = NULL;
	b->n = 0;
	b->cap = 0;
	b->pool_len = 0;
	b->pool_cap = 0;
}

/* Room for `more` further entries and `bytes` further name bytes. */
static tl_status
reserve(tl_builder *b, uint64_t more, uint64_t bytes)
{
	uint64_t	n = (uint64_t) b->n + more;
	uint64_t	pool = (uint64_t) b->pool_len + bytes;

	if (flat_bytes(n, pool) + 7 > TL_SIZE_LIMIT)
		return TL_ENOMEM;

	if (n > b->cap)
	{
		uint64_t	cap = b->cap < 16 ? 16 : (uint64_t) b->cap * 2;
		tl_entry   *e;

		if (cap < n)
			cap = n;
		if (cap > TL_MAX_ENTRIES)
			cap = TL_MAX_ENTRIES;	/* n fits: the size check above */
		e = b->alloc.alloc(b->alloc.ctx, (size_t) cap * sizeof(tl_entry));
		if (e == NULL)
			return TL_ENOMEM;
		if (b->n > 0)
			memcpy(e, b->entries, (size_t) b->n * sizeof(tl_entry));
		if (b->entries != NULL)
			b->alloc.release(b->alloc.ctx, b->entries);
		b->entries = e;
		b->cap = (uint32_t) cap;
	}

	/* The pool exists once there is an entry, even if every name is "". */
	if (b->pool == NULL || pool > b->pool_cap)
	{
		uint64_t	cap = b->pool_cap < 64 ? 64 : (uint64_t) b->pool_cap * 2;
		char	   *p;

		if (cap < pool)
			cap = pool;
		if (cap > TL_SIZE_LIMIT)
			cap = TL_SIZE_LIMIT;
		p = b->alloc.alloc(b->alloc.ctx, (size_t) cap);
		if (p == NULL)
			return TL_ENOMEM;
		if (b->pool_len > 0)
			memcpy(p, b->pool, b->pool_len);
		if (b->pool != NULL)
			b->alloc.release(b->alloc.ctx, b->pool);
		b->pool = p;
		b->pool_cap = (size_t) cap;
	}
	return TL_OK;
}

tl_status
tl_builder_add(tl_builder *b, const char *name, size_t len, double value)
{
	tl_entry   *e;
	tl_status	st;

	if (b->decimals != TL_NO_ROUNDING && (b->decimals < 0 || b->decimals > 15))
		return TL_EARG;
	if (isnan(value))
		return TL_ENAN;
	if (isinf(value))
		return TL_ENONFINITE;
	if (len > TL_MAX_ENTITY || (len > 0 && memchr(name, '\0', len) != NULL))
		return TL_ETOOLONG;
	if (b->decimals != TL_NO_ROUNDING)
	{
		double		r;

		if (tr_round_half_even(value, b->decimals, &r) != TR_OK || !isfinite(r))
			return TL_ENONFINITE;
		value = r;
	}

	st = reserve(b, 1, len);
	if (st != TL_OK)
		return st;
	if (len > 0)
		memcpy(b->pool + b->pool_len, name, len);
	e = &b->entries[b->n];
	e->value = value + 0.0;		/* -0 ranks and prints as 0 */
	e->name_off = (uint32_t) b->pool_len;
	e->name_len = (uint32_t) len;
	b->pool_len += len;
	b->n++;
	b->has_rows = 1;
	return TL_OK;
}

tl_status
tl_builder_merge(tl_builder *into, const tl_builder *from)
{
	uint32_t	n = from->n;
	size_t		bytes = from->pool_len;
	uint32_t	base_n = into->n;
	uint32_t	base_off;
	uint32_t	i;
	tl_status	st;

	/* An empty partial state has not seen a decimals argument yet. */
	if (n == 0 && !from->has_rows)
		return TL_OK;
	if (into->n == 0 && !into->has_rows)
		into->decimals = from->decimals;
	else if (into->decimals != from->decimals)
		return TL_EARG;
	into->has_rows = 1;
	if (n == 0)
		return TL_OK;

	/* from may be into itself: reread its arrays only after reserving */
	st = reserve(into, n, bytes);
	if (st != TL_OK)
		return st;
	base_off = (uint32_t) into->pool_len;
	if (bytes > 0)
		memcpy(into->pool + base_off, from->pool, bytes);
	for (i = 0; i < n; i++)
	{
		tl_entry   *e = &into->entries[base_n + i];

		*e = from->entries[i];
		e->name_off += base_off;
	}
	into->pool_len += bytes;
	into->n += n;
	return TL_OK;
}

/* ---- flattening ---- */

typedef int (*idx_cmp) (const void *ctx, int32_t x, int32_t y);

#if defined(__GNUC__)
#define TL_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define TL_ALWAYS_INLINE inline
#endif

/*
 * A stable bottom-up merge sort of indices, with scratch space of the
 * same size, because qsort has no context argument and the flat block
 * offers the scratch space anyway. Inlined into each caller, so the
 * comparison is a direct call.
 */
static TL_ALWAYS_INLINE void
sort_indices(int32_t *a, int32_t *tmp, int32_t n, idx_cmp cmp, const void *ctx)
{
	int32_t    *src = a;
	int32_t    *dst = tmp;
	int64_t		width;

	for (width = 1; width < n; width *= 2)
	{
		int64_t		lo;

		for (lo = 0; lo < n; lo += 2 * width)
		{
			int64_t		mid = lo + width < n ? lo + width : n;
			int64_t		hi = lo + 2 * width < n ? lo + 2 * width : n;
			int64_t		i = lo,
						j = mid,
						k = lo;

			while (i < mid && j < hi)
			{
				if (cmp(ctx, src[j], src[i]) < 0)
					dst[k++] = src[j++];
				else
					dst[k++] = src[i++];
			}
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		{
			int32_t    *t = src;

			src = dst;
			dst = t;
		}
	}
	if (src != a)
		memcpy(a, src, (size_t) n * sizeof(int32_t));
}

/* Builder entries: value descending, then name. */
static int
entry_cmp(const void *ctx, int32_t x, int32_t y)
{
	const tl_builder *b = ctx;
	const tl_entry *ex = &b->entries[x];
	const tl_entry *ey = &b->entries[y];

	if (ex->value != ey->value)
		return ex->value > ey->value ? -1 : 1;
	return tl_name_cmp(b->pool + ex->name_off, ex->name_len,
					b->pool + ey->name_off, ey->name_len);
}

typedef struct flat_names
{
	const uint32_t *off;
	const char *pool;
} flat_names;

/* Positions of the flat block by their names. */
static int
position_cmp(const void *ctx, int32_t x, int32_t y)
{
	const flat_names *f = ctx;

	return tl_name_cmp(f->pool + f->off[x], f->off[x + 1] - f->off[x],
					f->pool + f->off[y], f->off[y + 1] - f->off[y]);
}

size_t
tl_flat_size(const tl_builder *b)
{
	return (size_t) ((flat_bytes(b->n, b->pool_len) + 7) & ~(uint64_t) 7);
}

tl_status
tl_flatten(const tl_builder *b, void *out, const char **dup_name,
		   size_t *dup_len)
{
	char	   *base = out;
	int32_t    *hdr = out;
	int32_t		n;
	double	   *value;
	int32_t    *dense;
	int32_t    *by_name;
	uint32_t   *name_off;
	char	   *pool;
	size_t		size = tl_flat_size(b);
	size_t		pool_len = 0;
	flat_names	names;
	int32_t		i;

	/* a league is never empty; the glue maps an empty state to NULL */
	if (b->n == 0 || b->n > INT32_MAX)
		return TL_EARG;
	n = (int32_t) b->n;
	value = (double *) (base + 16);
	dense = (int32_t *) (base + 16 + 8 * (size_t) n);
	by_name = dense + n;
	name_off = (uint32_t *) (by_name + n);
	pool = (char *) (name_off + n + 1);

	/* value order, with dense[] as the merge sort's scratch */
	for (i = 0; i < n; i++)
		by_name[i] = i;
	sort_indices(by_name, dense, n, entry_cmp, b);
	for (i = 0; i < n; i++)
	{
		const tl_entry *e = &b->entries[by_name[i]];

		value[i] = e->value;
		name_off[i] = (uint32_t) pool_len;
		memcpy(pool + pool_len, b->pool + e->name_off, e->name_len);
		pool_len += e->name_len;
	}
	name_off[n] = (uint32_t) pool_len;
	memset(pool + pool_len, 0, size - (size_t) (pool - base) - pool_len);

	/*
	 * Name order; equal names end up next to each other. Entities often
	 * arrive in name order already (GROUP BY output, a scoreboard's peer
	 * group): then entry j, the j-th name, sits where the value sort put
	 * it, and by_name is that permutation's inverse, found in O(n).
	 */
	names.off = name_off;
	names.pool = pool;
	for (i = 1; i < n; i++)
	{
		const tl_entry *e0 = &b->entries[i - 1];
		const tl_entry *e1 = &b->entries[i];

		if (tl_name_cmp(b->pool + e0->name_off, e0->name_len,
					 b->pool + e1->name_off, e1->name_len) >= 0)
			break;
	}
	if (i >= n)
	{
		/* by_name holds the entry at each position: invert it, through
		 * dense[] (filled for real below) */
		memcpy(dense, by_name, (size_t) n * sizeof(int32_t));
		for (i = 0; i < n; i++)
			by_name[dense[i]] = i;
	}
	else
	{
		for (i = 0; i < n; i++)
			by_name[i] = i;
		sort_indices(by_name, dense, n, position_cmp, &names);
	}
	for (i = 1; i < n; i++)
	{
		if (position_cmp(&names, by_name[i - 1], by_name[i]) == 0)
		{
			int32_t		p = by_name[i];
			const char *nm = pool + name_off[p];
			size_t		len = name_off[p + 1] - name_off[p];
			uint32_t	j;

			/* the caller's memory may be gone; point into the builder */
			for (j = 0; j < b->n; j++)
			{
				const tl_entry *e = &b->entries[j];

				if (tl_name_cmp(b->pool + e->name_off, e->name_len, nm, len) == 0)
				{
					if (dup_name != NULL)
						*dup_name = b->pool + e->name_off;
					if (dup_len != NULL)
						*dup_len = e->name_len;
					break;
				}
			}
			return TL_EDUPLICATE;
		}
	}

	dense[0] = 0;
	for (i = 1; i < n; i++)
		dense[i] = dense[i - 1] + (value[i] != value[i - 1]);

	hdr[0] = n;
	hdr[1] = b->decimals;
	hdr[2] = dense[n - 1] + 1;
	hdr[3] = (int32_t) pool_len;
	return TL_OK;
}

tl_status
tl_view_of(const void *flat, size_t size, tl_view *v)
{
	const char *base = flat;
	const int32_t *hdr = flat;
	int32_t		n;
	int32_t		ndistinct;
	int32_t		pool_len;
	uint64_t	need;

	if (flat == NULL || ((uintptr_t) flat & 7) != 0 || size < 16)
		return TL_ECORRUPT;
	n = hdr[0];
	ndistinct = hdr[2];
	pool_len = hdr[3];
	if (n < 1 || hdr[1] < -1 || hdr[1] > 15 ||
		ndistinct < 1 || ndistinct > n || pool_len < 0)
		return TL_ECORRUPT;
	need = flat_bytes((uint64_t) n, (uint64_t) pool_len);
	if (need > size)
		return TL_ECORRUPT;

	v->n = n;
	v->decimals = hdr[1];
	v->ndistinct = ndistinct;
	v->value = (const double *) (base + 16);
	v->dense = (const int32_t *) (base + 16 + 8 * (size_t) n);
	v->by_name = v->dense + n;
	v->name_off = (const uint32_t *) (v->by_name + n);
	v->pool = (const char *) (v->name_off + n + 1);
	return TL_OK;
}

tl_status
tl_view_check(const tl_view *v)
{
	int32_t		n = v->n;
	/* the header precedes the values: n, decimals, ndistinct, pool_len */
	int32_t		pool_len = ((const int32_t *) ((const char *) v->value - 16))[3];
	int32_t		i;

	/*
	 * Readers index by these without further checks, so they must stay
	 * inside the block; the values' order is trusted, which costs wrong
	 * answers at worst, never a stray read.
	 */
	if (v->name_off[0] != 0 || v->name_off[n] != (uint32_t) pool_len ||
		v->dense[0] != 0 || v->dense[n - 1] != v->ndistinct - 1)
		return TL_ECORRUPT;
	for (i = 0; i < n; i++)
	{
		if (v->name_off[i + 1] < v->name_off[i] ||
			v->name_off[i + 1] - v->name_off[i] > TL_MAX_ENTITY ||
			v->by_name[i] < 0 || v->by_name[i] >= n)
			return TL_ECORRUPT;
		if (i > 0 && v->dense[i] != v->dense[i - 1] &&
			v->dense[i] != v->dense[i - 1] + 1)
			return TL_ECORRUPT;
	}
	return TL_OK;
}
