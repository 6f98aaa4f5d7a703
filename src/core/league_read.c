/*
 * league_read.c — the readers of a flat league (see league.h).
 *
 * The flat block keeps values in descending order with ties by name, the
 * number of distinct values above each one, and the positions in name
 * order. So every rank is two binary searches on the values (entities
 * strictly above / at or above) plus dense[]; an ascending ranking reads
 * the same counts from the other end.
 */
#include <math.h>
#include <string.h>

#include "league.h"
#include "rates.h"

int
tl_name_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		m = alen < blen ? alen : blen;
	int			c = m > 0 ? memcmp(a, b, m) : 0;

	if (c != 0)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

void
tl_name_at(const tl_view *v, int32_t pos, const char **name, size_t *len)
{
	*name = v->pool + v->name_off[pos];
	*len = v->name_off[pos + 1] - v->name_off[pos];
}

int32_t
tl_find(const tl_view *v, const char *name, size_t len)
{
	int32_t		lo = 0;
	int32_t		hi = v->n;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;
		int32_t		p = v->by_name[mid];
		int			c = tl_name_cmp(v->pool + v->name_off[p],
								 v->name_off[p + 1] - v->name_off[p],
								 name, len);

		if (c == 0)
			return p;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * Entities with a value strictly greater than that at position p: the
 * first position holding value[p]. Searched in [0, p].
 */
static int32_t
count_greater(const tl_view *v, int32_t p)
{
	double		x = v->value[p];
	int32_t		lo = 0;
	int32_t		hi = p;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (v->value[mid] > x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Entities with a value >= value[p]: one past its last position. */
static int32_t
count_greater_equal(const tl_view *v, int32_t p)
{
	double		x = v->value[p];
	int32_t		lo = p + 1;
	int32_t		hi = v->n;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (v->value[mid] >= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int64_t
tl_competition_at(const tl_view *v, int32_t p, int descending)
{
	if (descending)
		return 1 + (int64_t) count_greater(v, p);
	return 1 + (int64_t) v->n - count_greater_equal(v, p);
}

tl_status
tl_rank(const tl_view *v, const char *name, size_t len, int descending,
		tl_method method, double *out)
{
	int32_t		p;
	int64_t		better;			/* strictly better */
	int64_t		better_eq;		/* better or equal, itself included */

	if (method != TL_COMPETITION && method != TL_DENSE &&
		method != TL_MODIFIED && method != TL_AVERAGE)
		return TL_EARG;
	p = tl_find(v, name, len);
	if (p < 0)
		return TL_NULL;
	if (descending)
	{
		better = count_greater(v, p);
		better_eq = count_greater_equal(v, p);
	}
	else
	{
		better = (int64_t) v->n - count_greater_equal(v, p);
		better_eq = (int64_t) v->n - count_greater(v, p);
	}
	switch (method)
	{
		case TL_COMPETITION:
			*out = (double) (1 + better);
			break;
		case TL_DENSE:
			/* dense[p] distinct values lie above, the rest below */
			if (descending)
				*out = (double) (1 + (int64_t) v->dense[p]);
			else
				*out = (double) ((int64_t) v->ndistinct - v->dense[p]);
			break;
		case TL_MODIFIED:
			*out = (double) better_eq;
			break;
		case TL_AVERAGE:
			*out = (double) (1 + better + better_eq) / 2.0;
			break;
	}
	return TL_OK;
}

tl_status
tl_percentile(const tl_view *v, const char *name, size_t len, int descending,
			  double *out)
{
	int32_t		p = tl_find(v, name, len);
	int64_t		worse;

	if (p < 0)
		return TL_NULL;
	if (v->n == 1)
	{
		*out = 100.0;
		return TL_OK;
	}
	if (descending)
		worse = (int64_t) v->n - count_greater_equal(v, p);
	else
		worse = count_greater(v, p);
	*out = 100.0 * (double) worse / (double) (v->n - 1);
	return TL_OK;
}

tl_status
tl_value(const tl_view *v, const char *name, size_t len, double *out)
{
	int32_t		p = tl_find(v, name, len);

	if (p < 0)
		return TL_NULL;
	*out = v->value[p];
	return TL_OK;
}

/* Position of the leader: the best value, first by name among ties. */
static int32_t
leader_pos(const tl_view *v, int descending)
{
	return descending ? 0 : count_greater(v, v->n - 1);
}

void
tl_leader(const tl_view *v, int descending, const char **name, size_t *len)
{
	tl_name_at(v, leader_pos(v, descending), name, len);
}

/*
 * better - worse, both values of the league. With decimals set both are
 * decimals with that many places, and so is their difference; rounding
 * to it drops the binary noise (24.1 - 23.7 is 0.40000000000000213).
 */
static tl_status
gap(const tl_view *v, double better, double worse, double *out)
{
	double		d = better - worse;

	if (!isfinite(d))
		return TL_ENONFINITE;
	if (v->decimals != TL_NO_ROUNDING &&
		tr_round_half_even(d, v->decimals, &d) != TR_OK)
		return TL_ENONFINITE;
	*out = d + 0.0;
	return TL_OK;
}

tl_status
tl_gap_to_leader_at(const tl_view *v, int32_t p, int descending, double *out)
{
	if (descending)
		return gap(v, v->value[0], v->value[p], out);
	return gap(v, v->value[p], v->value[v->n - 1], out);
}

tl_status
tl_gap_to_leader(const tl_view *v, const char *name, size_t len,
				 int descending, double *out)
{
	int32_t		p = tl_find(v, name, len);

	if (p < 0)
		return TL_NULL;
	return tl_gap_to_leader_at(v, p, descending, out);
}

tl_status
tl_gap_to_next(const tl_view *v, const char *name, size_t len,
			   int descending, double *out)
{
	int32_t		p = tl_find(v, name, len);
	int32_t		q;

	if (p < 0)
		return TL_NULL;
	if (descending)
	{
		q = count_greater(v, p);
		if (q == 0)
			return TL_NULL;
		return gap(v, v->value[q - 1], v->value[p], out);
	}
	q = count_greater_equal(v, p);
	if (q == v->n)
		return TL_NULL;
	return gap(v, v->value[p], v->value[q], out);
}

/*
 * Best first by descending value: positions 0.. in order. The entities
 * of competition rank <= k are those with a value at least that of the
 * k-th; ties already run by name.
 */
static int32_t
top_descending(const tl_view *v, int32_t k, int32_t *pos, int32_t cap)
{
	int32_t		m = k == 0 ? 0 : count_greater_equal(v, k - 1);
	int32_t		i;

	for (i = 0; i < m && i < cap; i++)
		pos[i] = i;
	return m;
}

/*
 * Best first by ascending value: tie groups from the end of the array
 * backwards, each group forwards so that ties still run by name.
 */
static int32_t
top_ascending(const tl_view *v, int32_t k, int32_t *pos, int32_t cap)
{
	int32_t		m;
	int32_t		end = v->n;		/* one past the current group */
	int32_t		w = 0;

	if (k == 0)
		return 0;
	m = v->n - count_greater(v, v->n - k);
	while (w < m)
	{
		int32_t		start = count_greater(v, end - 1);
		int32_t		i;

		for (i = start; i < end; i++, w++)
		{
			if (w < cap)
				pos[w] = i;
		}
		end = start;
	}
	return m;
}

static tl_status
top_or_bottom(const tl_view *v, int64_t k, int descending, int32_t *pos,
			  int32_t cap, int32_t *count)
{
	int32_t		kk;

	if (k < 0)
		return TL_EARG;
	kk = k > v->n ? v->n : (int32_t) k;
	if (cap < 0)
		cap = 0;
	if (descending)
		*count = top_descending(v, kk, pos, cap);
	else
		*count = top_ascending(v, kk, pos, cap);
	return TL_OK;
}

tl_status
tl_top(const tl_view *v, int64_t k, int descending, int32_t *pos,
	   int32_t cap, int32_t *count)
{
	return top_or_bottom(v, k, descending, pos, cap, count);
}

/* The worst of a ranking are the best of the reverse ranking. */
tl_status
tl_bottom(const tl_view *v, int64_t k, int descending, int32_t *pos,
		  int32_t cap, int32_t *count)
{
	return top_or_bottom(v, k, !descending, pos, cap, count);
}

double
tl_mean(const tl_view *v)
{
	long double sum = 0.0L;
	long double comp = 0.0L;
	double		mean;
	int32_t		i;

	/* Neumaier's summation: exact enough to compare with the values */
	for (i = 0; i < v->n; i++)
	{
		long double x = v->value[i];
		long double t = sum + x;

		if (fabsl(sum) >= fabsl(x))
			comp += (sum - t) + x;
		else
			comp += (x - t) + sum;
		sum = t;
	}
	mean = (double) ((sum + comp) / (long double) v->n);

	/*
	 * Where long double is double, a sum near DBL_MAX overflows although
	 * the mean is finite; scaling each term first cannot overflow.
	 */
	if (!isfinite(mean))
	{
		sum = 0.0L;
		for (i = 0; i < v->n; i++)
			sum += (long double) (v->value[i] / v->n);
		mean = (double) sum;
	}
	/* a mean lies between the extremes; rounding must not push it out */
	if (mean > v->value[0])
		mean = v->value[0];
	if (mean < v->value[v->n - 1])
		mean = v->value[v->n - 1];
	return mean + 0.0;
}

double
tl_median(const tl_view *v)
{
	double		a;
	double		b;
	double		m;

	if (v->n % 2 == 1)
		return v->value[v->n / 2];
	a = v->value[v->n / 2 - 1];
	b = v->value[v->n / 2];
	m = (a + b) / 2.0;
	if (!isfinite(m))
		m = a / 2.0 + b / 2.0;
	return m + 0.0;
}

tl_status
tl_above_mean(const tl_view *v, const char *name, size_t len, int *out)
{
	int32_t		p = tl_find(v, name, len);

	if (p < 0)
		return TL_NULL;
	*out = v->value[p] > tl_mean(v);
	return TL_OK;
}

tl_status
tl_rank_change(const tl_view *now, const tl_view *before, const char *name,
			   size_t len, int descending, double *out)
{
	int32_t		pn = tl_find(now, name, len);
	int32_t		pb = tl_find(before, name, len);

	if (pn < 0 || pb < 0)
		return TL_NULL;
	*out = (double) (tl_competition_at(before, pb, descending) -
					 tl_competition_at(now, pn, descending));
	return TL_OK;
}
