/*
 * board.h — one row of a 晾晒表 and the rules that make it, shared by the
 * scoreboard and the 通报 (issue 13, DESIGN §2 and §7).
 *
 * No PostgreSQL headers. The glue (src/scoreboard.c) reads the tables and
 * the stored series; everything decided from those readings is here:
 * which figures a row shows (attainment, growth gap, time progress, pace,
 * light), and where the row stands among its peers (ranks, rank change,
 * ties, gap to the leader). The 通报 (bulletin.h) writes its sentences
 * from the same rows, so a sentence never says what the board does not.
 *
 * Units: values, bases, actuals and target amounts in the indicator's
 * unit; growth, target growth and their gap in percent for an amount
 * indicator and in percentage points for a ratio; attainment, time
 * progress in percent; pace in percentage points (attainment against
 * time progress, DESIGN §4).
 */
#ifndef TRACKER_CORE_BOARD_H
#define TRACKER_CORE_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "period.h"
#include "rates.h"

typedef enum tb_kind
{
	TB_AMOUNT = 0,				/* levels add up; growth in percent */
	TB_RATIO = 1				/* a rate itself; change in points */
} tb_kind;

/* A target: the most specific one whose period holds the report period. */
typedef struct tb_target
{
	tp_period	period;
	double		amount;
	double		growth;
	bool		has_amount;
	bool		has_growth;
} tb_target;

/*
 * What one region's series gives for the report (the glue reads it):
 * value, base and growth of p; the growth of the previous report (rank
 * change); the actual from the target period's start through p. The
 * numbers come first, the flags after: a scoreboard holds one of these
 * per region and indicator, 48 bytes rather than 80 with padding.
 */
typedef struct tb_readings
{
	double		value;
	double		base;
	double		growth;
	double		previous_growth;
	double		actual;
	bool		has_value;
	bool		has_base;
	bool		has_growth;
	bool		has_previous_growth;
	bool		has_actual;
} tb_readings;

/* One board row: the scoreboard's columns, as numbers. */
typedef struct tb_row
{
	tb_readings r;				/* as read */
	bool		has_target;
	tb_target	target;
	bool		has_attainment;
	double		attainment;		/* actual / target amount, percent */
	bool		has_growth_gap;
	double		growth_gap;		/* growth - target growth */
	bool		has_time_progress;
	double		time_progress;	/* 序时进度, percent of the target period */
	bool		has_pace;
	double		pace;			/* points ahead of (+) or behind (-) 序时进度 */
	bool		has_light;
	tr_light	light;
	/* Standing among peers (same parent and peer group, same indicator). */
	int32_t		peers;
	bool		has_rank_growth;
	int32_t		rank_growth;	/* competition rank, 1 = best */
	int32_t		tied_growth;	/* how many peers share that rank (1: none) */
	bool		has_rank_amount;
	int32_t		rank_amount;
	int32_t		tied_amount;
	bool		has_rank_change;
	int32_t		rank_change;	/* places gained since the previous report */
	bool		has_gap_to_leader;
	double		gap_to_leader;	/* growth points behind the first */
	/* When tb_row_figures fails: the rate that failed ("attainment",
	 * "pace", "light"), for the message; NULL otherwise. */
	const char *error_in;
} tb_row;

/*
 * tb_row_figures: from the readings, the target (NULL: none) and the time
 * progress of the target period (percent, used only with a target), fill
 * the row's readings, target, attainment, growth gap, time progress, pace
 * and light (the light follows pace where there is one, else the growth
 * gap, as printed to one decimal; green at 0.0 points or more, red below
 * -5.0, yellow between; for an
 * indicator where less is better, such as energy use under a cap, the
 * other way round: pace and gap are read negated, so running ahead of
 * the cap's calendar, or above the target growth, is what turns red). With a
 * target, time progress is always shown; attainment and pace need an
 * actual and a target amount; the growth gap needs a growth and a target
 * growth, and is left out when the difference overflows. A ratio
 * indicator has no attainment nor pace (its level does not accumulate).
 * Ranks are left untouched. TR_OK, or the first error a rate gives, with
 * error_in naming that rate (TR_NULL and TR_EOVERFLOW leave that figure
 * out, as a NULL cell, and are not errors).
 */
extern tr_status tb_row_figures(tb_row *row, const tb_readings *r,
								const tb_target *target, double progress,
								tb_kind kind, bool higher_is_better);

/* Bytes of scratch tb_rank_peers needs for n rows (8-byte aligned). */
extern size_t tb_rank_scratch_size(int32_t n);

/*
 * tb_rank_peers: rank rows[0..n), one peer group of one indicator, by
 * growth rounded half-even to 1 decimal (as printed, tr_round_half_even
 * with its tie tolerance: 24.14 and 24.06 tie at 24.1), by the previous
 * report's growth so rounded (for rank_change) and by value rounded to
 * `decimals`; higher first unless !higher_is_better. These are the ranks
 * of tracker.league over the same values and decimals. Fills peers (n),
 * ranks, ties, rank change (previous rank minus rank, for a row ranked at
 * both) and gap to the leader (best rounded growth minus the row's, or
 * the row's minus the best where lower is better, rounded to 1 decimal;
 * left out when not finite). Competition ranking (1, 1, 3). Rows without
 * the reading are unranked (rank and ties 0). scratch holds
 * tb_rank_scratch_size(n) bytes, 8-byte aligned. TR_OK; TR_EARG for
 * decimals outside 0..15 or n < 0; TR_ENAN, TR_EINF for such a reading;
 * TR_EOVERFLOW when a reading does not round to a finite value. Rows are
 * changed only on TR_OK.
 */
extern tr_status tb_rank_peers(tb_row *const *rows, int32_t n,
							   bool higher_is_better, int decimals,
							   void *scratch);

#endif							/* TRACKER_CORE_BOARD_H */
