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
 * unit fact; it doubles as the cumulative fact through itself. A fact
 * holds what was published of its period: a level (value) and a growth
 * rate, a level alone, a rate alone (规上工业增加值增长8.3%), or neither
 * (rows whose levels and rates cannot be combined, below).
 *
 * Kinds. An amount series (the default) holds additive levels with rates
 * in percent. A ratio series (开工率, 失业率) holds levels that are
 * themselves ratios, each with the published change in percentage points;
 * ratios never add up, so a ratio series is read only from the facts
 * that are exactly the period asked for.
 *
 * Adding up (amount). Rows for the same period add: values add, and where
 * every row of the period carries a usable rate, the implied bases
 * value / (1 + g/100) add too and the fact's rate is sum(value) /
 * sum(base) - 1 (a single row keeps its rate exactly). A rate <= -100
 * implies no base; a row without a rate, or with such a rate, leaves the
 * period without a published rate. A row without a level makes its
 * period a fact without a level: alone it keeps its rate (a rate-only
 * fact); with other rows the period has neither level nor rate, since
 * levels cannot be added when one is unknown and rates cannot be averaged
 * without their weights. Nothing is made up.
 *
 * Ratios. Two rows for one period of a ratio series are an error
 * (TS_ERATIO): ratios cannot be added.
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
	TS_EKIND,					/* rows or series of different kinds; text:
								 * an unknown kind after '/' */
	TS_ERATIO,					/* two facts for one period of a ratio
								 * series, or a ratio series rolled up:
								 * ratios cannot be added */
	TS_EUNIT,					/* text: a rate in % in a ratio series, or
								 * in points (pp) in an amount series */
	TS_ESYNTAX,					/* malformed text */
	TS_ECORRUPT,				/* binary input fails validation */
	TS_ENOMEM,					/* the allocator returned NULL */
	TS_EARG,					/* other bad argument (years < 1, ...) */
	TS_EBUF						/* caller's buffer too small */
} ts_status;

typedef enum ts_kind
{
	TS_AMOUNT = 0,				/* additive levels, rates in percent */
	TS_RATIO = 1				/* ratios, changes in percentage points */
} ts_kind;

/* "amount" or "ratio" */
extern const char *ts_kind_name(ts_kind k);
/* The kind named by len bytes at s (exactly "amount" or "ratio");
 * TS_EKIND otherwise. */
extern ts_status ts_parse_kind(const char *s, size_t len, ts_kind *out);

/*
 * One fact of the flat form: 24 bytes, doubles 8-aligned. no_value sits
 * where version 1 of the stored form had a padding byte, always 0, so a
 * version-1 fact reads as one with a level.
 */
typedef struct ts_fact
{
	int32_t		unit;			/* the fact's last unit, numbered as in period.h */
	uint8_t		cumulative;		/* 1: year-to-date span through unit */
	uint8_t		has_growth;		/* growth holds a published rate (change) */
	uint8_t		no_value;		/* 1: no published level; value is 0 */
	uint8_t		pad;			/* always 0 */
	double		value;			/* finite; never -0 */
	double		growth;			/* if has_growth: finite, never -0, and for
								 * an amount > -100; else 0 */
} ts_fact;

/* A read-only view of a flat series. */
typedef struct ts_view
{
	tp_grain	grain;
	ts_kind		kind;
	int32_t		n;				/* >= 1 */
	const ts_fact *facts;
} ts_view;

/* Whether version 1 of the binary and stored forms can hold the series:
 * an amount series whose every fact has a level. Such a series is
 * written in version 1, byte for byte as releases before kinds wrote it;
 * only the others need version 2. */
extern int	ts_fits_version1(const ts_view *s);

/* ---- building: the aggregate's transition state ---- */

typedef struct ts_alloc
{
	void	   *(*alloc) (void *ctx, size_t size);	/* NULL on failure */
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} ts_alloc;

/*
 * One period's running sums. The aggregate touches one slot per row, at a
 * place in its group's table that the cache has likely lost when many
 * groups interleave, and a state's memory is mostly its table: so a slot
 * is 16 bytes, the period (the table's key) with the slot's flags in its
 * unused high bits, and the sum of the levels. What only rows with a
 * rate need lives in a parallel array, allocated when the first such row
 * arrives: series(p, v) never has one.
 */
typedef struct ts_slot
{
	uint64_t	tag;			/* period | flags << TS_SLOT_SHIFT; TS_FREE_TAG
								 * marks a free slot */
	double		value;			/* sum of the levels */
} ts_slot;

#define TS_SLOT_SHIFT 56		/* periods use 47 bits */
#define TS_SLOT_PERIOD_MASK ((UINT64_C(1) << TS_SLOT_SHIFT) - 1)
#define TS_FREE_TAG UINT64_MAX	/* never a period with valid flags */
#define TS_SLOT_MANY 1			/* more than one row */
#define TS_SLOT_PLAIN 2			/* a row without a usable rate */
#define TS_SLOT_NO_VALUE 4		/* a row without a level */

/* An open-addressing hash table of slots; grows with distinct periods,
 * never with rows. */
typedef struct ts_builder
{
	ts_alloc	alloc;
	int			grain;			/* -1 until the first row */
	ts_kind		kind;			/* TS_AMOUNT until set; fixed by the first row */
	uint32_t	count;			/* slots in use */
	uint32_t	cap;			/* a power of two, or 0 */
	ts_slot    *slots;
	/*
	 * NULL until a row has a rate (or, for a ratio, a change); then cap
	 * of them, parallel to slots: a slot of one row holds its rate if it
	 * has a usable one, a slot of more rows the sum of the implied bases
	 * of the rows with one (a ratio slot: its change). NULL means 0 for
	 * every slot.
	 */
	double	   *rates;
	/* Consecutive rows often share a period: remember the last one's slot
	 * so such a row skips validation and lookup (never for ratios, whose
	 * every repeated period is an error). */
	tp_period	last_period;	/* -1: none */
	uint32_t	last_slot;
} ts_builder;

extern void ts_builder_init(ts_builder *b, const ts_alloc *alloc);
extern void ts_builder_free(ts_builder *b);

/*
 * The kind of the rows that follow: TS_EKIND when the builder already
 * holds rows of the other kind. A builder that is never told holds
 * amounts.
 */
extern ts_status ts_builder_set_kind(ts_builder *b, ts_kind kind);

/* What a row carries besides its period (flags of ts_builder_add). */
#define TS_ROW_GROWTH 1			/* growth holds a published rate (change) */
#define TS_ROW_NO_VALUE 2		/* no level: value is ignored */

/*
 * Add one row. Without TS_ROW_GROWTH the row has no published rate (it
 * still counts); with TS_ROW_NO_VALUE it has no level. TS_EGRAIN when p's
 * grain differs from the rows before it; TS_ESPAN when p is a span that
 * does not start at its year's first unit or crosses a year end;
 * TS_ERATIO for a second row of a period of a ratio series; TS_ENAN for a
 * NaN value or rate, else TS_ENONFINITE for an infinite one or a sum (of
 * values or of implied bases) beyond the double range, so NaN is reported
 * first whichever argument holds it; TS_ENOMEM. On error the builder is
 * unchanged.
 */
extern ts_status ts_builder_add(ts_builder *b, tp_period p, double value,
								int flags, double growth);
/* Add every slot of `from` into `into` (the combine function):
 * commutative and associative up to floating-point rounding. TS_EKIND
 * when both hold rows of different kinds; TS_ERATIO when ratio builders
 * share a period. */
extern ts_status ts_builder_merge(ts_builder *into, const ts_builder *from,
								  tp_period *where);
/* Add a finished amount series (rollup), fact by fact, as if each were a
 * row: a fact without a level counts as a row without one, so a period
 * where some input has no level has neither level nor rate in the sum.
 * TS_ERATIO for a ratio series. */
extern ts_status ts_builder_add_series(ts_builder *b, const ts_view *s,
									   tp_period *where);
/* Both leave the builder unchanged on error; on TS_ENONFINITE (a sum
 * beyond the double range) and TS_ERATIO (a period of ratios given twice)
 * *where, unless NULL, gets the period. */

/*
 * s || newer: the facts of both series, in order, with newer's fact where
 * both hold one of the same period (a later publication, or a correction,
 * replaces what was stored), so the result is what the aggregate gives
 * over s's rows and newer's when each period has one row, as the
 * reference table's key ensures. out has room for s->n + newer->n facts;
 * *n gets the number written. TS_EGRAIN for series of different grains,
 * TS_EKIND for different kinds (a ratio series stays one), and then
 * nothing is written. Nothing else is checked: both must be valid flat
 * forms, and then so is the result.
 */
extern ts_status ts_merge(const ts_view *s, const ts_view *newer,
						  ts_fact *out, int32_t *n);

/* The flat form: nfacts = b->count; facts sorted. Empty builder → 0. */
extern void ts_builder_flatten(const ts_builder *b, ts_fact *facts);

/* The sort key of a fact's period: last unit * 2 + cumulative. */
extern int32_t ts_period_key(tp_period p);

/* One slot of a builder, unpacked, as the state codec sends it. */
typedef struct ts_state_slot
{
	int32_t		key;			/* unit * 2 + cumulative */
	uint32_t	flags;			/* TS_SLOT_* */
	double		value;
	double		rate;			/* as in ts_builder.rates */
} ts_state_slot;

/* Slot i (in use) of b. */
extern void ts_builder_slot(const ts_builder *b, uint32_t i, ts_state_slot *out);
/* Add a checked slot of a state of grain g and that kind to b, as the
 * combine step would: TS_EDUPLICATE when b holds its period already. */
extern ts_status ts_builder_put_slot(ts_builder *b, tp_grain g, ts_kind kind,
									 const ts_state_slot *in);

/* ---- binary forms: explicit, versioned, big-endian ----
 *
 * Series (send/recv), version 1: u8 version (1), u8 grain, u32 n, then n
 *   times i32 unit, u8 flags (bit 0 cumulative, bit 1 has_growth, others
 *   0), f64 value, and f64 growth only when bit 1 is set. An amount
 *   series whose every fact has a level.
 * Series, version 2: u8 version (2), u8 grain, u8 kind (0 amount, 1
 *   ratio), u32 n, then n times i32 unit, u8 flags (bit 0 cumulative,
 *   bit 1 has_growth, bit 2 no value, others 0), f64 value only when bit
 *   2 is clear, and f64 growth only when bit 1 is set.
 * ts_encode writes version 1 whenever it can hold the series
 * (ts_fits_version1), else version 2; ts_decode reads both.
 * Builder state (serialize/deserialize for parallel aggregation), version
 *   2: u8 version (2), u8 grain (255 = none yet), u8 kind, u32 count,
 *   then count times i32 key (unit * 2 + cumulative), u8 slot flags, f64
 *   value, f64 rate. Version 1 (u8 version, u8 grain, u32 count, then
 *   i64 key, f64 value, f64 base, f64 growth, i64 nrows, i64 nplain per
 *   slot) still decodes; states are written in version 2.
 * Floats are IEEE 754 doubles sent as their bit patterns.
 *
 * Decoders check every length and field: version, grain, kind, counts
 * against the bytes present, units valid for the grain, no cumulative
 * fact on a year's first unit or across years, strictly increasing order
 * (series) or distinct keys (state), finite numbers, rates of amounts >
 * -100 with a finite implied base, no -0, no trailing bytes. TS_ECORRUPT
 * otherwise.
 */
extern size_t ts_encoded_size(const ts_view *s);
extern void ts_encode(const ts_view *s, uint8_t *out);	/* ts_encoded_size bytes */
/* First call with facts == NULL to learn *n; then with room for *n facts. */
extern ts_status ts_decode(const uint8_t *in, size_t len, tp_grain *grain,
						   ts_fact *facts, int32_t *n);
/* The kind of an input ts_decode accepted (version 1: TS_AMOUNT). */
extern ts_kind ts_decoded_kind(const uint8_t *in, size_t len);

extern size_t ts_state_encoded_size(const ts_builder *b);
extern void ts_state_encode(const ts_builder *b, uint8_t *out);
/* Decode into an initialised, empty builder. */
extern ts_status ts_state_decode(const uint8_t *in, size_t len, ts_builder *b);

/* ---- text ----
 * {2022-01..02: 1234.5 (+12.3%), 2022-03: 600, 2022-01..03: 1834.5}
 * {2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}
 * {2022-06: 97.8, 2022-07: 98.1 (+0.3pp)}/ratio
 * Facts in order, each its period's canonical text, ": ", the value or
 * NULL when no level was published, and the rate in parentheses when one
 * was: in percent for an amount series, in percentage points ("pp") for
 * a ratio series, which ends in "/ratio". An amount series of facts with
 * levels reads exactly as before kinds existed. Numbers are the shortest
 * decimals that read back exactly, as float8 prints them, so text round
 * trips. Input accepts the same with any ASCII whitespace between tokens,
 * NULL in any case, an optional "/amount", and periods in any form
 * tp_parse accepts, in any order; a period given twice is TS_EDUPLICATE
 * (also when its values would add up beyond the double range); an empty
 * {} is TS_ESYNTAX; a fact whose implied base overflows is TS_ENONFINITE;
 * a kind other than amount or ratio after '/' is TS_EKIND; a rate in the
 * other kind's unit is TS_EUNIT. Numbers are read as float8 input reads
 * them: one that underflows to zero or overflows is TS_ERANGE. A rate of
 * an amount <= -100 is TS_ERATE: the aggregate keeps such a row without
 * its rate, but no series holds one, so text that gives one is wrong. On
 * failure *err (unless NULL) says where: the number for TS_ERANGE and
 * TS_ERATE, the unit for TS_EUNIT, the kind for TS_EKIND, the period for
 * faults of a fact, the place where the text went wrong for TS_ESYNTAX;
 * item is the fact's period.
 */
extern ts_status ts_format(const ts_view *s, char *buf, size_t cap,
						   size_t *len);	/* TS_EBUF: *len = bytes needed */
extern ts_status ts_parse(const char *text, size_t len, ts_builder *b,
						 dt_error *err);

/* ---- reading ---- */

/* The period of fact f of a series of grain g. */
extern tp_period ts_fact_period(tp_grain g, const ts_fact *f);
/* Index of the fact (unit, cumulative), or -1. An interpolated guess,
 * then a few steps or bisection. */
extern int32_t ts_find(const ts_view *s, int32_t unit, int cumulative);
/* How many facts end at unit: the unit fact and the cumulative one
 * through it (0, 1 or 2). One search, as ts_find's. */
extern int	ts_count_at(const ts_view *s, int32_t unit);

/*
 * value(s, p): p of the series' grain or a coarser grain whose units tile
 * it (TS_EGRAIN otherwise). A fact without a level counts as missing
 * here. For a ratio series: the level of the fact that is exactly p (the
 * unit, the cumulative fact of a year-to-date span, or the one fact a
 * coarser period covers exactly, as Q1 covers 1-3月), never a sum or a
 * difference. For an amount series, precedence, the most aggregated
 * published fact first:
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
 * base(s, p): the comparable base. Amount: when p is exactly a fact with a
 * published rate but no level, value(s, p) / (1 + rate/100) if the value
 * is derivable (and that is > 0), else TS_NULL; otherwise derived exactly
 * as value, but from each fact's implied base value / (1 + growth/100),
 * when every fact the derivation uses has a published rate; otherwise
 * value(s, year_ago(p)). Ratio: value(s, year_ago(p)).
 */
extern ts_status ts_base(const ts_view *s, tp_period p, double *out);
/* Amount: growth of value over base, in percent; the published rate
 * itself when p is exactly a fact with one, with or without a level.
 * TS_NULL when either is missing or base <= 0. Ratio: the published
 * change of the fact that is exactly p, else value - base, in points. */
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

/*
 * The year-to-date sums read from one series so far, so that several
 * readings of it (a board's p, its previous report, a target's span)
 * walk each year's facts once: the walk back from unit u that sums the
 * year through u passes where the sum through u - 1 starts, and adds up
 * both. Readings with a memo equal those without, bit for bit: each sum
 * is added in the same order. It holds the last TS_MEMO_SIZE sums and
 * belongs to one series: ts_memo_init before reading another.
 */
#define TS_MEMO_SIZE 8

typedef struct ts_memo
{
	int			n;				/* sums held */
	int			next;			/* where the next one goes once full */
	struct
	{
		int64_t		unit;		/* the year to date through this unit */
		ts_status	status;		/* TS_OK or TS_NULL */
		int			rated;
		double		value;
		double		base;
	}			sum[TS_MEMO_SIZE];
} ts_memo;

extern void ts_memo_init(ts_memo *m);
extern void ts_read_run_memo(const ts_view *s, const ts_run *run, ts_memo *m,
							 ts_reading *out);
extern ts_status ts_value_run_memo(const ts_view *s, const ts_run *run,
								   ts_memo *m, double *out);

/* growth of value(p) over value(prev(p)), in percent; for a ratio series
 * value(p) - value(prev(p)), in points. */
extern ts_status ts_mom(const ts_view *s, tp_period p, double *out);
/* Geometric mean of the yearly rates yoy(p), yoy(year_ago(p)), ...,
 * yoy(year_ago(p, years - 1)), in percent: the comparable (可比口径)
 * multi-year average, which chains published rates (rate-only facts
 * too). When one of them is missing, the level ratio over the years:
 * (value(p) / value(year_ago(p, years)))^(1/years) - 1, so levels 100, 0,
 * 110 average 4.88% a year. TS_NULL when neither is derivable, and for a
 * ratio series (changes in points do not compound). TS_EARG when years
 * < 1. */
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
 * tile into s's grain or is finer), of the same kind. For every unit of g
 * that s covers, and for every year to date through a unit of g after its
 * year's first: amount: a fact where value is derivable, with the
 * published rate when the period is exactly a fact with one, else a rate
 * where base is derivable from published rates; a rate-only fact where
 * only the published rate is known. Ratio: the fact that is exactly the
 * period, as published (a monthly ratio series gives Q1 from 1-3月, never
 * Q2). Facts with neither level nor rate are left out. Added to the empty
 * builder `out`.
 */
extern ts_status ts_resample(const ts_view *s, tp_grain g, ts_builder *out);

#endif							/* TRACKER_CORE_SERIES_H */
