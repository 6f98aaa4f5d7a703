/*
 * period.h — reporting periods: the pure C core of tracker.period.
 *
 * No PostgreSQL headers. Functions return a tp_status and write results
 * through pointers the caller supplies; nothing here allocates.
 *
 * A period is one unit of a calendar grain or a run of consecutive units
 * of one grain. It is encoded in 64 bits so that integer order is period
 * order (start day, then end day, then grain, finer first):
 *
 *     bits 25..46  first day   (days since 0001-01-01, proleptic Gregorian)
 *     bits  3..24  last day    (inclusive)
 *     bits  0..2   grain
 *
 * Days run from 0 (0001-01-01) to TP_DAY_MAX (9999-12-31); both fit in
 * 22 bits. 0001-01-01 is a Monday, so ISO weeks are day / 7.
 */
#ifndef TRACKER_CORE_PERIOD_H
#define TRACKER_CORE_PERIOD_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t tp_period;
typedef int32_t tp_day;			/* days since 0001-01-01 */

/* Finest first: the numeric order is the order of fineness. */
typedef enum tp_grain
{
	TP_DAY = 0,
	TP_WEEK = 1,
	TP_MONTH = 2,
	TP_QUARTER = 3,
	TP_HALF = 4,
	TP_YEAR = 5
} tp_grain;

#define TP_NGRAINS 6

typedef enum tp_status
{
	TP_OK = 0,
	TP_ESYNTAX,					/* text is not a period */
	TP_ERANGE,					/* a date outside 0001-01-01 .. 9999-12-31 */
	TP_EGRAIN,					/* unknown grain name */
	TP_EARG,					/* arguments that do not fit together */
	TP_EBUF,					/* caller's buffer too small */
	TP_ENOYEAR					/* a period without its year: 1-7月 */
} tp_status;

typedef enum tp_lang
{
	TP_LANG_ZH = 0,
	TP_LANG_EN = 1
} tp_lang;

#define TP_DAY_MAX 3652058		/* 9999-12-31 */
#define TP_YEAR_MIN 1
#define TP_YEAR_MAX 9999
/* Days from 0001-01-01 to 2000-01-01, PostgreSQL's date epoch. */
#define TP_PG_EPOCH_OFFSET 730119
/* Large enough for the canonical text and any label, with the NUL. */
#define TP_TEXT_MAX 96
/* The longest text tp_parse reads, once trimmed; longer is TP_ESYNTAX. */
#define TP_PARSE_MAX 256

/* ---- civil calendar (proleptic Gregorian) ---- */

/* No validation: callers check ranges. */
extern tp_day tp_days_from_civil(int y, int m, int d);
extern void tp_civil_from_days(tp_day z, int *y, int *m, int *d);
extern int	tp_is_leap(int y);
extern int	tp_days_in_month(int y, int m);
/* ISO 8601 week-numbering year and week of a day. */
extern void tp_iso_week(tp_day d, int *iso_year, int *week);
extern int	tp_iso_weeks_in_year(int iso_year);
/* Monday of ISO week 1 of iso_year (may be in the previous civil year). */
extern tp_day tp_iso_year_start(int iso_year);

/* ---- grains and units ----
 * Every grain numbers its units consecutively:
 *   year y; half 2y+(h-1); quarter 4y+(q-1); month 12y+(m-1);
 *   week d/7 of its Monday; day d.
 */
extern const char *tp_grain_name(tp_grain g);	/* "year", "half", ... */
extern tp_status tp_parse_grain(const char *s, size_t len, tp_grain *g);
extern int64_t tp_unit_of(tp_grain g, tp_day d);
extern tp_day tp_unit_start(tp_grain g, int64_t unit);
extern tp_day tp_unit_end(tp_grain g, int64_t unit);
/* 1 when the unit's days lie within 0001-01-01 .. 9999-12-31. */
extern int	tp_unit_valid(tp_grain g, int64_t unit);

/* ---- construction and fields ---- */

/* A run of units first..last (inclusive) of grain g. TP_EARG if last <
 * first, TP_ERANGE if outside the calendar range. */
extern tp_status tp_make(tp_grain g, int64_t first_unit, int64_t last_unit,
						 tp_period *out);
/* Decode and validate an encoded value from untrusted input. */
extern tp_status tp_check(tp_period p);

static inline tp_grain
tp_grain_of(tp_period p)
{
	return (tp_grain) (p & 7);
}

static inline tp_day
tp_end(tp_period p)
{
	return (tp_day) ((p >> 3) & 0x3FFFFF);
}

static inline tp_day
tp_start(tp_period p)
{
	return (tp_day) ((p >> 25) & 0x3FFFFF);
}

extern int64_t tp_first_unit(tp_period p);
extern int64_t tp_last_unit(tp_period p);
extern int64_t tp_nunits(tp_period p);
extern int32_t tp_ndays(tp_period p);
/* The year of the period's first unit (the ISO year for weeks). */
extern int	tp_year(tp_period p);

/* The unit of grain g that contains day d. */
extern tp_status tp_from_day(tp_day d, tp_grain g, tp_period *out);
/* From the first unit of `first` through the last unit of `last`; both of
 * one grain (TP_EARG otherwise, or when last ends before first starts). */
extern tp_status tp_span(tp_period first, tp_period last, tp_period *out);

/* ---- navigation ---- */

/* Shift by n units of the period's grain, keeping its length. */
extern tp_status tp_shift(tp_period p, int64_t n, tp_period *out);
/* The preceding period of the same length. */
extern tp_status tp_prev(tp_period p, tp_period *out);
/* The same period `years` years earlier (negative: later). Each end moves
 * on its own: 02-29 becomes 02-28, ISO week 53 becomes week 52. */
extern tp_status tp_year_ago(tp_period p, int32_t years, tp_period *out);
/* From the first unit of the year of p's last unit through p's last unit. */
extern tp_status tp_ytd(tp_period p, tp_period *out);
/* The report published before p: for a year-to-date span longer than one
 * unit, the year to date through the preceding unit (1-7月 → 1-6月);
 * otherwise prev(p). A scoreboard's rank change compares the two. */
extern tp_status tp_previous_report(tp_period p, tp_period *out);

/* ---- relations (on days, whatever the grains) ---- */

extern int	tp_contains(tp_period a, tp_period b);
extern int	tp_contains_day(tp_period a, tp_day d);
extern int	tp_overlaps(tp_period a, tp_period b);

/* 1 when units of grain `fine` tile every unit of grain `coarse`: the
 * same grain, any grain made of whole units of it, and days everything
 * (weeks tile only weeks). 0 for unknown grains. */
extern int	tp_grain_tiles(tp_grain fine, tp_grain coarse);

/* ---- subdivision ----
 * The units of grain g that make up p: the first of them and how many.
 * TP_EARG when g is coarser than p's grain or its units do not tile p
 * (weeks tile only weeks; days tile everything). */
extern tp_status tp_split(tp_period p, tp_grain g, tp_period *first,
						  int64_t *count);

/* ---- calendar progress ----
 * Share (0..100) of `target` elapsed from its start through the end of
 * `reporting`, counted in units of the finer of the two grains; in days
 * when the grains do not tile each other (weeks against months).
 * TP_EARG when reporting ends outside target. */
extern tp_status tp_time_progress(tp_period target, tp_period reporting,
								  double *pct);
/* Days of p elapsed through as_of (inclusive) over p's days, 0..100. */
extern double tp_time_progress_asof(tp_period p, tp_day as_of);

/* ---- text ----
 * tp_parse accepts every form in DESIGN §3 (canonical, compact and
 * Chinese) and the forms bureaus print (2022年7月份, 2022年1-7月累计,
 * 2022年度, 2022年全年, 2022.1-7, 2022/07, 2022.7.15), surrounded by
 * optional whitespace (ASCII, U+3000, U+00A0); len bytes, no NUL needed.
 * Full-width digits and ．／－ read as ASCII. In a text with Chinese words
 * or Unicode dashes, spaces between tokens are ignored (not between two
 * digits); elsewhere interior whitespace is an error.
 *
 * TP_ESYNTAX for anything else (and for more than TP_PARSE_MAX bytes once
 * trimmed), TP_ENOYEAR for a period written without its year that would
 * parse with one (7月, 1-7月, 第三季度), TP_ERANGE for a well-formed period
 * outside the calendar range. A span of one unit is that unit.
 *
 * tp_trim narrows s..len to the text without the surrounding whitespace
 * tp_parse ignores (for quoting the input in messages).
 *
 * tp_format writes the canonical text, tp_label the published wording;
 * both NUL-terminate and return the length (excluding NUL) through *len.
 * Every canonical text and every zh label parses back to the same value.
 */
extern void tp_trim(const char **s, size_t *len);
extern tp_status tp_parse(const char *s, size_t len, tp_period *out);
extern tp_status tp_format(tp_period p, char *buf, size_t cap, size_t *len);
extern tp_status tp_label(tp_period p, tp_lang lang, char *buf, size_t cap,
						  size_t *len);

#endif							/* TRACKER_CORE_PERIOD_H */
