/*
 * board.c — the rules of a 晾晒表 row (see board.h): its figures from the
 * readings and the target, and its standing among peers.
 *
 * The ranks are tracker.league's (league_read.c) over the same rounded
 * values: a competition rank counts the peers strictly better, the gap to
 * the leader is the difference of two rounded values rounded again to
 * their decimals (dropping binary noise, 24.1 - 23.7 is
 * 0.40000000000000213). A peer group is sorted once per reading instead
 * of building a league, which would also sort the names.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"

/* ---- figures ---- */

static tr_status
failed(tb_row *row, tr_status st, const char *rate)
{
	row->error_in = rate;
	return st;
}

/* A rate's status: TR_OK gives the figure; TR_NULL and TR_EOVERFLOW
 * leave it out; anything else is an error. */
#define IS_ERROR(st) ((st) != TR_OK && (st) != TR_NULL && (st) != TR_EOVERFLOW)

tr_status
tb_row_figures(tb_row *row, const tb_readings *r, const tb_target *target,
			   double progress, tb_kind kind, bool higher_is_better)
{
	bool		accumulates;
	tr_status	st;

	row->r = *r;
	row->has_target = (target != NULL);
	if (target != NULL)
		row->target = *target;
	else
		memset(&row->target, 0, sizeof row->target);
	row->has_attainment = false;
	row->attainment = 0.0;
	row->has_growth_gap = false;
	row->growth_gap = 0.0;
	row->has_time_progress = false;
	row->time_progress = 0.0;
	row->has_pace = false;
	row->pace = 0.0;
	row->has_light = false;
	row->light = TR_GREEN;
	row->error_in = NULL;
	if (target == NULL)
		return TR_OK;

	row->has_time_progress = true;
	row->time_progress = progress;
	/* A ratio's level is not summed over the target period. */
	accumulates = kind != TB_RATIO && r->has_actual && target->has_amount;
	if (accumulates)
	{
		st = tr_attainment(r->actual, target->amount, &row->attainment);
		if (IS_ERROR(st))
			return failed(row, st, "attainment");
		row->has_attainment = (st == TR_OK);
	}
	if (r->has_growth && target->has_growth)
	{
		double		gap = r->growth - target->growth;

		if (isfinite(gap))
		{
			row->has_growth_gap = true;
			row->growth_gap = gap;
		}
	}
	if (accumulates)
	{
		st = tr_pace(r->actual, target->amount, progress, &row->pace);
		if (IS_ERROR(st))
			return failed(row, st, "pace");
		row->has_pace = (st == TR_OK);
	}
	/* The light follows pace where there is one, else the growth gap, as
	 * printed (one decimal, half even): a pace of -0.04 reads 0.0, on
	 * schedule, and is green, not yellow. */
	if (row->has_pace || row->has_growth_gap)
	{
		double		x = row->has_pace ? row->pace : row->growth_gap;
		double		printed;

		st = tr_round_half_even(higher_is_better ? x : -x, 1, &printed);
		if (st == TR_OK)
			st = tr_light_of(printed, 0.0, -5.0, &row->light);
		if (IS_ERROR(st))
			return failed(row, st, "light");
		row->has_light = (st == TR_OK);
	}
	return TR_OK;
}

/* ---- standing among peers ---- */

typedef struct ranked
{
	double		value;			/* rounded */
	int32_t		row;
	int32_t		pad;
} ranked;

enum
{
	K_GROWTH, K_PREVIOUS, K_VALUE, NKEYS
};

/* Per key n entries and n more to sort them through, then n previous
 * ranks (0: unranked). */
size_t
tb_rank_scratch_size(int32_t n)
{
	size_t		m = (size_t) (n > 0 ? n : 0);

	return m * (NKEYS + 1) * sizeof(ranked) + (m * sizeof(int32_t) + 7) / 8 * 8;
}

/* Best first: descending value; ties by row for a deterministic order. */
static int
ranked_before(const ranked *x, const ranked *y)
{
	return x->value != y->value ? x->value > y->value : x->row < y->row;
}

/* Sorted runs of this many are merged. */
#define SORT_RUN 16

/* a[0..na) and b[0..nb), each sorted, into out. */
static void
merge_ranked(const ranked *a, int32_t na, const ranked *b, int32_t nb,
			 ranked *out)
{
	while (na > 0 && nb > 0)
	{
		if (ranked_before(b, a))
		{
			*out++ = *b++;
			nb--;
		}
		else
		{
			*out++ = *a++;
			na--;
		}
	}
	memcpy(out, a, (size_t) na * sizeof *a);
	memcpy(out + na, b, (size_t) nb * sizeof *b);
}

/*
 * Sort e[0..m) best first, through tmp (m entries): runs of SORT_RUN by
 * insertion, then merged pairwise. A peer group is mostly a few dozen
 * regions and a 60,000-row board sorts 3,600 of them: comparing inline
 * took about 5 ms off that board where qsort compared through a pointer.
 */
static void
sort_ranked(ranked *e, int32_t m, ranked *tmp)
{
	ranked	   *src = e;
	ranked	   *dst = tmp;
	int64_t		start;
	int64_t		width;

	for (start = 0; start < m; start += SORT_RUN)
	{
		int32_t		end = (int32_t) (m - start < SORT_RUN ? m : start + SORT_RUN);
		int32_t		i;

		for (i = start + 1; i < end; i++)
		{
			ranked		x = e[i];
			int32_t		j = i;

			for (; j > (int32_t) start && ranked_before(&x, &e[j - 1]); j--)
				e[j] = e[j - 1];
			e[j] = x;
		}
	}
	for (width = SORT_RUN; width < m; width *= 2)
	{
		ranked	   *t;

		for (start = 0; start < m; start += 2 * width)
		{
			int64_t		mid = m - start < width ? m : start + width;
			int64_t		end = m - mid < width ? m : mid + width;

			merge_ranked(src + start, (int32_t) (mid - start), src + mid,
						 (int32_t) (end - mid), dst + start);
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != e)
		memcpy(e, src, (size_t) m * sizeof *e);
}

/*
 * The rounded readings of one key that rows have, into out; how many in
 * *m. As tl_builder_add: NaN, infinity, then a rounding that is not
 * finite; -0 ranks as 0.
 */
static tr_status
collect(tb_row *const *rows, int32_t n, int key, int decimals, ranked *out,
		int32_t *m, ranked *tmp)
{
	int32_t		i;

	*m = 0;
	for (i = 0; i < n; i++)
	{
		const tb_readings *r = &rows[i]->r;
		bool		has = key == K_GROWTH ? r->has_growth
			: key == K_PREVIOUS ? r->has_previous_growth : r->has_value;
		double		x = key == K_GROWTH ? r->growth
			: key == K_PREVIOUS ? r->previous_growth : r->value;
		double		rounded;

		if (!has)
			continue;
		if (isnan(x))
			return TR_ENAN;
		if (isinf(x))
			return TR_EINF;
		if (tr_round_half_even(x, decimals, &rounded) != TR_OK ||
			!isfinite(rounded))
			return TR_EOVERFLOW;
		out[*m].value = rounded + 0.0;
		out[*m].row = i;
		out[*m].pad = 0;
		(*m)++;
	}
	sort_ranked(out, *m, tmp);
	return TR_OK;
}

/*
 * Walk a sorted key's runs of equal values: each entry gets its
 * competition rank (1 + the entries strictly better: before its run when
 * higher is better, after it when lower is) and its run's length.
 */
static void
assign(tb_row *const *rows, const ranked *e, int32_t m, bool desc, int key,
	   int32_t *previous_rank)
{
	int32_t		start;
	int32_t		end;

	for (start = 0; start < m; start = end)
	{
		int32_t		tied;
		int32_t		rank;
		int32_t		j;

		for (end = start + 1; end < m && e[end].value == e[start].value; end++)
			;
		tied = end - start;
		rank = 1 + (desc ? start : m - end);
		for (j = start; j < end; j++)
		{
			tb_row	   *row = rows[e[j].row];

			if (key == K_GROWTH)
			{
				row->has_rank_growth = true;
				row->rank_growth = rank;
				row->tied_growth = tied;
			}
			else if (key == K_VALUE)
			{
				row->has_rank_amount = true;
				row->rank_amount = rank;
				row->tied_amount = tied;
			}
			else
				previous_rank[e[j].row] = rank;
		}
	}
}

/* better - worse, rounded to 1 decimal as a league's gap; false when not
 * finite. */
static bool
growth_gap_of(double better, double worse, double *out)
{
	double		d = better - worse;

	if (!isfinite(d) || tr_round_half_even(d, 1, &d) != TR_OK)
		return false;
	*out = d + 0.0;
	return true;
}

tr_status
tb_rank_peers(tb_row *const *rows, int32_t n, bool higher_is_better,
			  int decimals, void *scratch)
{
	ranked	   *keys[NKEYS];
	ranked	   *tmp;
	int32_t		m[NKEYS];
	int32_t    *previous_rank;
	const ranked *g;
	int32_t		i;
	tr_status	st;

	if (n < 0 || decimals < 0 || decimals > 15)
		return TR_EARG;
	if (n == 0)
		return TR_OK;
	keys[K_GROWTH] = scratch;
	keys[K_PREVIOUS] = keys[K_GROWTH] + n;
	keys[K_VALUE] = keys[K_PREVIOUS] + n;
	tmp = keys[K_VALUE] + n;
	previous_rank = (int32_t *) (tmp + n);
	/* Growth ranks on the printed decimal, amounts on the indicator's. */
	if ((st = collect(rows, n, K_GROWTH, 1, keys[K_GROWTH], &m[K_GROWTH], tmp)) != TR_OK ||
		(st = collect(rows, n, K_PREVIOUS, 1, keys[K_PREVIOUS], &m[K_PREVIOUS], tmp)) != TR_OK ||
		(st = collect(rows, n, K_VALUE, decimals, keys[K_VALUE], &m[K_VALUE], tmp)) != TR_OK)
		return st;

	for (i = 0; i < n; i++)
	{
		tb_row	   *row = rows[i];

		row->peers = n;
		row->has_rank_growth = row->has_rank_amount = false;
		row->rank_growth = row->tied_growth = 0;
		row->rank_amount = row->tied_amount = 0;
		row->has_rank_change = false;
		row->rank_change = 0;
		row->has_gap_to_leader = false;
		row->gap_to_leader = 0.0;
		previous_rank[i] = 0;
	}
	assign(rows, keys[K_GROWTH], m[K_GROWTH], higher_is_better, K_GROWTH, NULL);
	assign(rows, keys[K_PREVIOUS], m[K_PREVIOUS], higher_is_better, K_PREVIOUS, previous_rank);
	assign(rows, keys[K_VALUE], m[K_VALUE], higher_is_better, K_VALUE, NULL);

	/* The leader's rounded growth: the first entry, or the last where
	 * lower is better. */
	g = keys[K_GROWTH];
	for (i = 0; i < m[K_GROWTH]; i++)
	{
		tb_row	   *row = rows[g[i].row];

		row->has_gap_to_leader = higher_is_better
			? growth_gap_of(g[0].value, g[i].value, &row->gap_to_leader)
			: growth_gap_of(g[i].value, g[m[K_GROWTH] - 1].value, &row->gap_to_leader);
		/* places gained: rank before minus rank now */
		if (previous_rank[g[i].row] > 0)
		{
			row->has_rank_change = true;
			row->rank_change = previous_rank[g[i].row] - row->rank_growth;
		}
	}
	return TR_OK;
}
