/*
 * series.h — the pure C core of tracker.series: one group's facts as
 * published, period by period (DESIGN §5).
 *
 * No PostgreSQL headers. The builder grows through an allocator the
 * caller supplies (palloc in the server, malloc in tests); everything else
 * works on caller-supplied memory and returns a ts_status.
 *
 * Facts. A series has one grain g. Each fact is either
 *   - a unit fact: one unit of g (a month, 2022-07), or
 *   - a cumulative fact: a year-to-date span of g from the year's first
 *     unit through some later unit of the same year (2022-01..07; for
 *     weeks from W01, for days from 01-01).
 * A span of one unit is that unit, so the year's first unit is always a
 * unit fact; it doubles as the cumulative fact through itself. Each fact
 * has a value and, optionally, a published growth rate in percent.
 *
 * Adding up. Rows for the same period add: values add, and where every
 * row of the period carries a usable rate, the implied bases
 * value / (1 + g/100) add too and the fact's rate is sum(value) /
 * sum(base) - 1 (a single row keeps its rate exactly). A rate <= -100
 * implies no base; a row without a rate, or with such a rate, leaves the
 * period without a published rate.
 *
 * The flat form. A finished series is an array of ts_fact sorted by
 * (unit, cumulative), at most one fact per (unit, cumulative): the layout
 * the SQL type stores after its header, and what the readers take.
 */
#ifndef TRACKER_CORE_SERIES_H
#define TRACKER_CORE_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "decimal_text.h"
#include "period.h"

typedef enum ts_status
{
	TS_OK = 0,
	TS_NULL,					/* not derivable from the facts: SQL NULL */
	TS_EGRAIN,					/* a period of another grain than the series' */
	TS_ESPAN,					/* a span that is not year-to-date in one year */
	TS_ENAN,					/* a NaN value or rate */
	TS_ENONFINITE,				/* an infinite value or rate, or a sum or
								 * result beyond the double range */
	TS_ERANGE,					/* text: a number float8 input rejects as out
								 * of range (underflow to zero, overflow) */
	TS_ERATE,					/* text: a published rate <= -100 */
	TS_EDUPLICATE,				/* text input names a period twice */
	TS_ESYNTAX,					/* malformed text */
	TS_ECORRUPT,				/* binary input fails validation */
	TS_ENOMEM,					/* the allocator returned NULL */
	TS_EARG,					/* other bad argument (years < 1, ...) */
	TS_EBUF						/* caller's buffer too small */
} ts_status;

/* One fact of the flat form: 24 bytes, doubles 8-aligned. */
typedef struct ts_fact
{
	int32_t		unit;			/* the fact's last unit, numbered as in period.h */
	uint8_t		cumulative;		/* 1: year-to-date span through unit */
	uint8_t		has_growth;		/* growth holds a published rate */
	uint8_t		pad[2];			/* always 0 */
	double		value;			/* finite; never -0 */
	double		growth;			/* finite and > -100 if has_growth, else 0 */
} ts_fact;

/* A read-only view of a flat series. */
typedef struct ts_view
{
	tp_grain	grain;
	int32_t		n;				/* >= 1 */
	const ts_fact *facts;
} ts_view;

/* ---- building: the aggregate's transition state ---- */

typedef struct ts_alloc
{
	void	   *(*alloc) (void *ctx, size_t size);	/* NULL on failure */
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} ts_alloc;

/* One period's running sums; key = unit * 2 + cumulative. */
typedef struct ts_slot
{
	int64_t		key;
	double		value;			/* sum of values */
	double		base;			/* sum of implied bases of rows with a rate */
	double		growth;			/* the rate of the single row, if nrows == 1 */
	int64_t		nrows;
	int64_t		nplain;			/* rows without a usable rate */
} ts_slot;

/* An open-addressing hash table of slots; grows with distinct periods,
 * never with rows. */
typedef struct ts_builder
{
	ts_alloc	alloc;
	int			grain;			/* -1 until the first row */
	uint32_t	count;			/* slots in use */
	uint32_t	cap;			/* a power of two, or 0 */
	ts_slot    *slots;			/* key == INT64_MIN marks a free slot */
	/* Consecutive rows often share a period: remember the last one's slot
	 * so such a row skips validation and lookup. (series_build.c also keeps
	 * a memo of recent periods in the slots' allocation, after cap slots.) */
	tp_period	last_period;	/* -1: none */
	uint32_t	last_slot;
} ts_builder;

extern void ts_builder_init(ts_builder *b, const ts_alloc *alloc);
extern void ts_builder_free(ts_builder *b);

/*
 * Add one row. has_growth 0 means "no published rate" (the row still
 * counts). TS_EGRAIN when p's grain differs from the rows before it;
 * TS_ESPAN when p is a span that does not start at its year's first unit
 * or crosses a year end; TS_ENAN for a NaN value or rate, else
 * TS_ENONFINITE for an infinite one or a sum (of values or of implied
 * bases) beyond the double range, so NaN is reported first whichever
 * argument holds it; TS_ENOMEM. On error the builder is unchanged.
 */
extern ts_status ts_builder_add(ts_builder *b, tp_period p, double value,
								int has_growth, double growth);
/* Add every slot of `from` into `into` (the combine function):
 * commutative and associative up to floating-point rounding. */
extern ts_status ts_builder_merge(ts_builder *into, const ts_builder *from,
								  tp_period *where);
/* Add a finished series (rollup), fact by fact, as if each were a row. */
extern ts_status ts_builder_add_series(ts_builder *b, const ts_view *s,
									   tp_period *where);
/* Both leave the builder unchanged on error; on TS_ENONFINITE (a sum
 * beyond the double range) *where, unless NULL, gets the period whose sum
 * overflows. */

/* The flat form: nfacts = b->count; facts sorted. Empty builder → 0. */
extern void ts_builder_flatten(const ts_builder *b, ts_fact *facts);

/* ---- binary forms: explicit, versioned, big-endian ----
 *
 * Series (send/recv):  u8 version (1), u8 grain, u32 n, then n times
 *   i32 unit, u8 flags (bit 0 cumulative, bit 1 has_growth, others 0),
 *   f64 value, and f64 growth only when bit 1 is set.
 * Builder state (serialize/deserialize for parallel aggregation):
 *   u8 version (1), u8 grain (255 = none yet), u32 count, then count times
 *   i64 key, f64 value, f64 base, f64 growth, i64 nrows, i64 nplain.
 * Floats are IEEE 754 doubles sent as their bit patterns.
 *
 * Decoders check every length and field: version, grain, counts against
 * the bytes present, units valid for the grain, no cumulative fact on a
 * year's first unit or across years, strictly increasing order (series)
 * or distinct keys (state), finite numbers, rates > -100, no trailing
 * bytes. TS_ECORRUPT otherwise.
 */
extern size_t ts_encoded_size(const ts_view *s);
extern void ts_encode(const ts_view *s, uint8_t *out);	/* ts_encoded_size bytes */
/* First call with facts == NULL to learn *n; then with room for *n facts. */
extern ts_status ts_decode(const uint8_t *in, size_t len, tp_grain *grain,
						   ts_fact *facts, int32_t *n);

extern size_t ts_state_encoded_size(const ts_builder *b);
extern void ts_state_encode(const ts_builder *b, uint8_t *out);
/* Decode into an initialised, empty builder. */
extern ts_status ts_state_decode(const uint8_t *in, size_t len, ts_builder *b);

/* ---- text ----
 * {2022-01..02: 1234.5 (+12.3%), 2022-03: 600, 2022-01..03: 1834.5}
 * Facts in order, each its period's canonical text, ": ", the value, and
 * the rate in parentheses when published. Numbers are the shortest
 * decimals that read back exactly, as float8 prints them, so text round
 * trips. Input accepts the same with any ASCII whitespace between tokens
 * and periods in any form tp_parse accepts, in any order; a period given
 * twice is TS_EDUPLICATE (also when its values would add up beyond the
 * double range); an empty {} is TS_ESYNTAX; a fact whose implied base
 * overflows is TS_ENONFINITE. Numbers are read as float8 input reads
 * them: one that underflows to zero or overflows is TS_ERANGE. A rate
 * <= -100 is TS_ERATE: the aggregate keeps such a row without its rate,
 * but no series holds one, so text that gives one is wrong. On failure
 * *err (unless NULL) says where: the number for TS_ERANGE and TS_ERATE,
 * the period for faults of a fact, the place where the text went wrong
 * for TS_ESYNTAX; item is the fact's period.
 */
extern ts_status ts_format(const ts_view *s, char *buf, size_t cap,
						   size_t *len);	/* TS_EBUF: *len = bytes needed */
extern ts_status ts_parse(const char *text, size_t len, ts_builder *b,
						 dt_error *err);

/* ---- reading ---- */

/* The period of fact f of a series of grain g. */
extern tp_period ts_fact_period(tp_grain g, const ts_fact *f);
/* Index of the fact (unit, cumulative), or -1. Binary search. */
extern int32_t ts_find(const ts_view *s, int32_t unit, int cumulative);

/*
 * value(s, p): p of the series' grain or a coarser grain whose units tile
 * it (TS_EGRAIN otherwise). Precedence, the most aggregated published
 * fact first:
 *   - a year-to-date span through unit u: the cumulative fact through u;
 *     else the latest cumulative fact through k < u of that year plus the
 *     unit facts k+1..u; else the unit facts from the year's first unit
 *     through u;
 *   - a unit u: its unit fact; else ytd(u) - ytd(u - 1), where ytd(u)
 *     must be the cumulative fact through u and ytd(u - 1) is derived as
 *     above (for the year's first unit there is no difference to take);
 *   - any other span within one year: ytd(last) - ytd(first - 1) when
 *     both are derivable, else the sum of its units;
 *   - a span across years: the sum of its parts in each year.
 * TS_NULL when a needed fact is missing.
 */
extern ts_status ts_value(const ts_view *s, tp_period p, double *out);
/*
 * base(s, p): the comparable base. Derived exactly as value, but from
 * each fact's implied base value / (1 + growth/100), when every fact the
 * derivation uses has a published rate; otherwise value(s, year_ago(p)).
 */
extern ts_status ts_base(const ts_view *s, tp_period p, double *out);
/* growth of value over base, in percent; the published rate itself when
 * p is a fact with one. TS_NULL when either is missing or base <= 0. */
extern ts_status ts_yoy(const ts_view *s, tp_period p, double *out);
/*
 * value, base and yoy of p at once, each exactly as ts_value, ts_base and
 * ts_yoy give it (status and number): what a report row reads, with each
 * fact found once. TS_EGRAIN as they would; else TS_OK and the three
 * statuses in the struct.
 */
typedef struct ts_reading
{
	ts_status	value_status;
	ts_status	base_status;
	ts_status	growth_status;
	double		value;
	double		base;
	double		growth;
} ts_reading;

extern ts_status ts_read(const ts_view *s, tp_period p, ts_reading *out);

/*
 * A period resolved against a grain once, to read many series of that
 * grain at it (a scoreboard): the units it covers and those a year
 * before. ts_resolve gives TS_EGRAIN when grain g cannot read p; the
 * readers take a series of grain g and answer as ts_read and ts_value.
 */
typedef struct ts_run
{
	tp_grain	grain;
	int64_t		a;				/* first and last unit of p */
	int64_t		b;
	ts_status	ago_status;		/* TS_NULL: the year before is off the calendar */
	int64_t		ago_a;
	int64_t		ago_b;
} ts_run;

extern ts_status ts_resolve(tp_grain g, tp_period p, ts_run *out);
extern void ts_read_run(const ts_view *s, const ts_run *run, ts_reading *out);
extern ts_status ts_value_run(const ts_view *s, const ts_run *run, double *out);

/* growth of value(p) over value(prev(p)). */
extern ts_status ts_mom(const ts_view *s, tp_period p, double *out);
/* Geometric mean of the yearly rates yoy(p), yoy(year_ago(p)), ...,
 * yoy(year_ago(p, years - 1)), in percent: the comparable (可比口径)
 * multi-year average. TS_EARG when years < 1. */
extern ts_status ts_avg_growth(const ts_view *s, tp_period p, int years,
							   double *out);

/* 1 when some fact of s starts on a day from `from` through `to`: whether
 * a report over those days has anything of this series to show. */
extern int	ts_has_fact_starting(const ts_view *s, tp_day from, tp_day to);

/* The first and last unit of the series' grain that any fact covers. */
extern tp_period ts_first(const ts_view *s);
extern tp_period ts_last(const ts_view *s);

/*
 * One block character ▁▂▃▄▅▆▇█ per unit from `from` through `to` (units
 * of the series' grain), scaled from the smallest to the largest derivable
 * value among them; a space where value is NULL; all '▄' when every
 * derivable value is equal. TS_EGRAIN if from/to are not units of the
 * series' grain; TS_EARG if to < from or more than 10000 units.
 */
extern ts_status ts_sparkline(const ts_view *s, tp_period from, tp_period to,
							  char *buf, size_t cap, size_t *len);

/*
 * resample(s, g): the series at a coarser grain g (TS_EGRAIN if g does not
 * tile into s's grain or is finer). For every unit of g that s covers: a
 * unit fact where value is derivable, with a rate where base is derivable
 * from published rates; and for every unit of g after its year's first, a
 * cumulative fact where the year-to-date value is derivable, likewise.
 * Added to the empty builder `out`.
 */
extern ts_status ts_resample(const ts_view *s, tp_grain g, ts_builder *out);

#endif							/* TRACKER_CORE_SERIES_H */
