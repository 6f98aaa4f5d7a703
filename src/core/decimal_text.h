/*
 * decimal_text.h — numbers in the text forms of series and leagues: the
 * shortest decimal that reads back as the same double, written the way
 * PostgreSQL's float8out writes it, and read back without locale or
 * special values; plus the growable output buffer both formatters use
 * and the input cursor both parsers use.
 */
#ifndef TRACKER_CORE_DECIMAL_TEXT_H
#define TRACKER_CORE_DECIMAL_TEXT_H

#include <stddef.h>

/* Bytes that always hold dt_format's text and its NUL. */
#define DT_NUMBER_MAX 32
/* Longest number token dt_scan accepts. */
#define DT_TOKEN_MAX 400

/*
 * Output into a caller's buffer that keeps counting past its end, so a
 * formatter can report how many bytes it needed (snprintf-style).
 */
typedef struct dt_out
{
	char	   *buf;
	size_t		cap;
	size_t		len;			/* bytes the text needs so far */
} dt_out;

extern void dt_bytes(dt_out *o, const char *s, size_t n);
extern void dt_str(dt_out *o, const char *s);

/* x as float8out prints it: plain notation for decimal exponents -4..14,
 * otherwise d.ddde+XX; "0" for a non-finite x. Returns the length. */
extern size_t dt_format(double x, char buf[DT_NUMBER_MAX]);

/*
 * A number at s (len bytes available): the longest run of [0-9+-.eE],
 * which strtod must take whole; the character set keeps strtod away from
 * inf, nan and hexadecimal. Returns the bytes consumed, 0 when there is
 * no such number; *out may be infinite for an overflowing number.
 */
extern size_t dt_scan(const char *s, size_t len, double *out);

/* Input: len bytes of text (no NUL needed), read from pos on. */
typedef struct dt_cursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} dt_cursor;

/* Skip ASCII whitespace only: isspace would depend on the locale. */
extern void dt_skip_space(dt_cursor *c);
/* Skip whitespace, then take ch if it is next: 1 when taken. */
extern int	dt_accept(dt_cursor *c, char ch);

#endif							/* TRACKER_CORE_DECIMAL_TEXT_H */
