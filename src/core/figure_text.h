/*
 * figure_text.h — figures as statistics bureaus print them in their
 * tables, read into a double: "1,088.1", "4.0%", "−2.1" (U+2212),
 * full-width "１，０８８．１", and "—", "-" or a blank cell for a figure
 * not published. What figure(text) in SQL reads; pure C, no PostgreSQL.
 */
#ifndef TRACKER_CORE_FIGURE_TEXT_H
#define TRACKER_CORE_FIGURE_TEXT_H

#include <stddef.h>

/* Longest figure accepted, in characters once spaces are trimmed. */
#define FG_TEXT_MAX 400

typedef enum fg_status
{
	FG_OK = 0,					/* *out holds the number */
	FG_NULL,					/* blank, or a dash: not published */
	FG_SYNTAX,					/* not a figure (22P02) */
	FG_RANGE					/* a number a float8 cannot hold (22003) */
} fg_status;

/* Why text is not a figure, for the caller's detail. */
typedef enum fg_reason
{
	FG_WHY_NONE = 0,
	FG_WHY_ENCODING,			/* not valid UTF-8 */
	FG_WHY_TOO_LONG,			/* over FG_TEXT_MAX characters */
	FG_WHY_SEPARATOR,			/* a thousands separator out of place */
	FG_WHY_EXPONENT,			/* 1e5, 1.2E+3: bureaus never print these */
	FG_WHY_UNIT,				/* 万 or 亿 after a number: a unit, not a figure */
	FG_WHY_CHARACTER			/* anything else */
} fg_reason;

/*
 * Read len bytes of UTF-8 text s (no NUL needed; a NUL byte is not a
 * figure). Accepted, with ASCII whitespace, U+3000 and U+00A0 around it:
 *   [sign] digits [. digits] [%]   or   [sign] . digits [%]
 * where digits before the point may be grouped by thousands ("1,088",
 * "12,345,678": the first group 1 to 3 digits not starting with 0, the
 * others 3), the sign is + - or U+2212, and every character may be its
 * full-width form (U+FF10..FF19, U+FF0C, U+FF0E, U+FF05, U+FF0B, U+FF0D).
 * A percent sign leaves the number as it is: "4.0%" is 4.0, a rate in
 * percent as tracker keeps rates. Blank text, or a lone dash (- － − – —
 * and U+2015, which some converters make of GBK's —) or two of the same
 * ("——", "--") is FG_NULL. No exponents, no units, no NaN or
 * infinities. -0 reads as 0. A number that a double cannot hold (1e400
 * written out, or one that underflows to 0) is FG_RANGE; denormals are
 * kept, as float8 input keeps them.
 * why (may be NULL) is set on FG_SYNTAX, FG_WHY_NONE otherwise.
 */
extern fg_status fg_parse(const char *s, size_t len, double *out, fg_reason *why);

#endif							/* TRACKER_CORE_FIGURE_TEXT_H */
