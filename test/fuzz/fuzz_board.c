/*
 * fuzz_board.c — libFuzzer target for tb_row_figures and tb_rank_peers.
 *
 * The bytes give a peer group: a header byte (higher_is_better, the
 * amount decimals, 16 and 17 being out of range), a target and a time
 * progress, then per row a flag byte and its readings as raw doubles
 * (NaN, infinities, subnormals, DBL_MAX all come up). Every row's figures
 * must be finite where present and the light must follow pace, else the
 * growth gap; the standing must be exactly tracker.league's over the same
 * readings and decimals (what the scoreboard ranked with before), or both
 * must refuse the group. Every mismatch aborts; all memory is freed.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/*.c test/fuzz/fuzz_board.c -lm
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "league.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXROWS 64

static void *
f_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
f_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const tl_alloc alloc = {f_alloc, f_release, NULL};

typedef struct input
{
	const uint8_t *p;
	size_t		left;
} input;

static double
next_double(input *in)
{
	double		x = 0.0;

	if (in->left >= sizeof x)
	{
		memcpy(&x, in->p, sizeof x);
		in->p += sizeof x;
		in->left -= sizeof x;
	}
	else
		in->left = 0;
	return x;
}

static uint8_t
next_byte(input *in)
{
	uint8_t		b = 0;

	if (in->left > 0)
	{
		b = *in->p++;
		in->left--;
	}
	return b;
}

/* The league of the rows having reading `which`; named by row number.
 * *st: its first building error; NULL flat when empty or refused. */
static void *
league_of(const tb_row *rows, int n, int which, int decimals, tl_view *v,
		  tl_status *st)
{
	tl_builder	b;
	void	   *flat = NULL;
	int			i;

	*st = TL_OK;
	memset(v, 0, sizeof *v);
	tl_builder_init(&b, decimals, &alloc);
	for (i = 0; i < n && *st == TL_OK; i++)
	{
		const tb_readings *r = &rows[i].r;
		bool		has = which == 0 ? r->has_growth : which == 1 ? r->has_previous_growth : r->has_value;
		double		x = which == 0 ? r->growth : which == 1 ? r->previous_growth : r->value;
		char		name[16];

		if (!has)
			continue;
		snprintf(name, sizeof name, "%04d", i);
		*st = tl_builder_add(&b, name, 4, x);
	}
	if (*st == TL_OK && b.n > 0)
	{
		flat = malloc(tl_flat_size(&b));
		if (tl_flatten(&b, flat, NULL, NULL) != TL_OK ||
			tl_view_of(flat, tl_flat_size(&b), v) != TL_OK)
			abort();
	}
	tl_builder_free(&b);
	return flat;
}

static int32_t
pos_of(const tl_view *v, int i)
{
	char		name[16];

	if (v->n == 0)
		return -1;
	snprintf(name, sizeof name, "%04d", i);
	return tl_find(v, name, 4);
}

static void
check_figures(const tb_row *row, bool higher_is_better)
{
	if (row->error_in != NULL)
		abort();
	if ((row->has_attainment && !isfinite(row->attainment)) ||
		(row->has_pace && !isfinite(row->pace)) ||
		(row->has_growth_gap && !isfinite(row->growth_gap)))
		abort();
	if (row->has_light != (row->has_pace || row->has_growth_gap))
		abort();
	if (row->has_light)
	{
		double		x = row->has_pace ? row->pace : row->growth_gap;
		tr_light	want;

		if (!higher_is_better)
			x = -x;
		if (tr_round_half_even(x, 1, &x) != TR_OK)
			abort();
		want = x >= 0.0 ? TR_GREEN : x < -5.0 ? TR_RED : TR_YELLOW;

		if (row->light != want)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input		in = {data, size};
	uint8_t		head = next_byte(&in);
	bool		desc = head & 1;
	int			decimals = (head >> 1) % 18;
	tb_kind		kind = (head >> 6) & 1 ? TB_RATIO : TB_AMOUNT;
	bool		has_target = (head >> 7) & 1;
	tb_target	t;
	double		progress;
	tb_row		rows[MAXROWS];
	tb_row	   *ptrs[MAXROWS];
	void	   *scratch;
	tl_view		v[3];
	void	   *flat[3];
	tl_status	lst[3];
	tr_status	st;
	int			n = 0;
	int			i;
	int			k;

	memset(&t, 0, sizeof t);
	{
		uint8_t		tf = next_byte(&in);

		t.has_amount = tf & 1;
		t.has_growth = tf & 2;
	}
	t.amount = next_double(&in);
	t.growth = next_double(&in);
	progress = (double) next_byte(&in) * 100.0 / 255.0;
	memset(rows, 0, sizeof rows);
	while (in.left > 0 && n < MAXROWS)
	{
		uint8_t		f = next_byte(&in);
		tb_readings r;

		memset(&r, 0, sizeof r);
		r.has_growth = f & 1;
		r.has_previous_growth = f & 2;
		r.has_value = f & 4;
		r.has_actual = f & 8;
		r.growth = next_double(&in);
		r.previous_growth = (f & 16) ? r.growth : next_double(&in);
		r.value = next_double(&in);
		r.actual = (f & 32) ? r.value : next_double(&in);
		st = tb_row_figures(&rows[n], &r, has_target ? &t : NULL, progress, kind, (f & 64) == 0);
		if (st == TR_OK)
			check_figures(&rows[n], (f & 64) == 0);
		else if (rows[n].error_in == NULL || !has_target)
			abort();
		ptrs[n] = &rows[n];
		n++;
	}

	scratch = malloc(tb_rank_scratch_size(n) + 1);
	st = tb_rank_peers(ptrs, n, desc, decimals, scratch);
	free(scratch);
	flat[0] = league_of(rows, n, 0, 1, &v[0], &lst[0]);
	flat[1] = league_of(rows, n, 1, 1, &v[1], &lst[1]);
	flat[2] = league_of(rows, n, 2, decimals, &v[2], &lst[2]);
	if (decimals > 15)
	{
		/* the league refuses only once it has a value to round */
		if (st != TR_EARG && n > 0)
			abort();
	}
	else if (lst[0] != TL_OK || lst[1] != TL_OK || lst[2] != TL_OK)
	{
		/* the first refusal, in the order growth, previous, value */
		tl_status	l = lst[0] != TL_OK ? lst[0] : lst[1] != TL_OK ? lst[1] : lst[2];

		if (!((st == TR_ENAN && l == TL_ENAN) ||
			  ((st == TR_EINF || st == TR_EOVERFLOW) && l == TL_ENONFINITE)))
			abort();
	}
	else
	{
		if (st != TR_OK)
			abort();
		for (i = 0; i < n; i++)
		{
			const tb_row *row = &rows[i];
			int32_t		g = pos_of(&v[0], i);
			int32_t		p = pos_of(&v[1], i);
			int32_t		a = pos_of(&v[2], i);
			double		gap = 0.0;
			tl_status	gs = g >= 0 ? tl_gap_to_leader_at(&v[0], g, desc, &gap) : TL_NULL;
			int			tied = 0;

			if (row->peers != n ||
				row->has_rank_growth != (g >= 0) ||
				(g >= 0 && row->rank_growth != tl_competition_at(&v[0], g, desc)) ||
				row->has_rank_amount != (a >= 0) ||
				(a >= 0 && row->rank_amount != tl_competition_at(&v[2], a, desc)) ||
				row->has_rank_change != (g >= 0 && p >= 0) ||
				(g >= 0 && p >= 0 && row->rank_change !=
				 tl_competition_at(&v[1], p, desc) - tl_competition_at(&v[0], g, desc)) ||
				row->has_gap_to_leader != (gs == TL_OK) ||
				(gs == TL_OK && memcmp(&gap, &row->gap_to_leader, sizeof gap) != 0))
				abort();
			if (g >= 0)
			{
				for (k = 0; k < v[0].n; k++)
					tied += v[0].value[k] == v[0].value[g];
				if (row->tied_growth != tied)
					abort();
			}
		}
	}
	for (k = 0; k < 3; k++)
		free(flat[k]);
	return 0;
}
