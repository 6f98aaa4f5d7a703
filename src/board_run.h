/*
 * board_run.h — the 晾晒表's one pipeline, for the functions that print it.
 *
 * board_run (src/scoreboard.c) reads the reference tables and the stored
 * series once, decides every row with the board core (src/core/board.c)
 * and hands each ranked peer group to a sink: the scoreboard's columns,
 * or the 通报's sentences and paragraphs (src/bulletin.c). What a sink
 * keeps beyond the call it copies: the group's memory is reset after it.
 */
#ifndef TRACKER_BOARD_RUN_H
#define TRACKER_BOARD_RUN_H

#include "tracker.h"
#include "board.h"

/* What a row is about, as the tables name it. */
typedef struct BoardEntry
{
	const tb_row *row;
	text	   *region;			/* code */
	text	   *region_name;
	text	   *parent;			/* code; NULL at the top */
	text	   *parent_name;	/* NULL at the top or when not a region */
	text	   *peer_group;		/* NULL for SQL NULL */
	text	   *target_period;	/* canonical text; NULL without a target */
	bool		shown;			/* selected by the filters; else read only
								 * to rank the selected among their peers */
	bool		parent_within;	/* the parent lies within the filter's
								 * under (always, without one): a 通报
								 * paragraph about it is selected */
} BoardEntry;

typedef struct BoardIndicator
{
	text	   *code;
	text	   *name;
	text	   *unit_label;		/* NULL for SQL NULL */
	bool		higher_is_better;
	int32		decimals;
	bool		ratio;
} BoardIndicator;

/* The report every row is read against. */
typedef struct BoardReport
{
	tp_period	p;
	bool		has_previous;	/* a previous report exists (rank change) */
	text	   *period_text;
	int64		rows;			/* rows read, shown or not: the board has
								 * at most this many */
} BoardReport;

typedef void (*board_sink) (void *state, const BoardReport *report,
							const BoardIndicator *indicator,
							const BoardEntry *entries, int64 n);

/*
 * Run the board for the function's first two arguments, p (not NULL:
 * 22004, naming fname) and as_of (NULL: the last day of p), calling sink
 * once per peer group of one indicator, in the scoreboard's order.
 *
 * filter_arg is the position of the optional filters, four arguments in
 * this order: indicators text[], under text, peer_group text, source
 * regnamespace (all NULL: the whole board; see scoreboard.c). A function
 * called with fewer arguments (0.1.0's scoreboard) has none. A group's
 * entries include peers the filters did not select (shown false): they
 * are read so that ranks are the whole board's.
 */
extern void board_run(FunctionCallInfo fcinfo, const char *fname, int filter_arg,
					  board_sink sink, void *state);

/*
 * Give a set-returning function's result, set up by InitMaterializedSRF
 * and still empty, a new store (rsinfo->setResult) for about rows tuples
 * of a board's width, held in a generation context in blocks sized for
 * them (kept in flinfo->fn_extra). A sink that writes a row per board
 * row calls it with the report's rows before its first.
 */
extern void board_result_size(FunctionCallInfo fcinfo, int64 rows);

#endif							/* TRACKER_BOARD_RUN_H */
