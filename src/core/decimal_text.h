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

/* What dt_scan found at the cursor. */
typedef enum dt_status
{
	DT_OK = 0,
	DT_SYNTAX,					/* no number here */
	DT_RANGE					/* a number float8 input rejects as out of range */
} dt_status;

/*
 * A number at s (len bytes available): the longest run of [0-9+-.eE],
 * which strtod must take whole; the character set keeps strtod away from
 * inf, nan and hexadecimal. On DT_OK, *out holds it and *used its bytes.
 * As PostgreSQL's float8in does, a number that underflows to zero or
 * overflows is DT_RANGE (with *used set, so the caller can quote it),
 * while a denormal number is accepted.
 */
extern dt_status dt_scan(const char *s, size_t len, double *out, size_t *used);

/*
 * Where text input failed, for the caller's message: byte offsets into
 * the input, so that the glue can quote what the user wrote.
 */
typedef struct dt_error
{
	size_t		pos;			/* the offending token, or where the text went wrong */
	size_t		len;			/* the token's bytes; 0 when only a place is known */
	size_t		item_pos;		/* the period (series) or quoted name (league) */
	size_t		item_len;		/* that the token belongs to; 0 when none */
	size_t		name_len;		/* a too-long league name: its bytes once unescaped */
} dt_error;

/* Record a failure at [pos, pos + len) in e (which may be NULL). */
extern void dt_fail(dt_error *e, size_t pos, size_t len);

/* Input: len bytes of text (no NUL needed), read from pos on. */
typedef struct dt_cursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} dt_cursor;

/* ASCII whitespace only: isspace would depend on the locale. */
extern int	dt_is_space(char ch);
extern void dt_skip_space(dt_cursor *c);
/* Skip whitespace, then take ch if it is next: 1 when taken. */
extern int	dt_accept(dt_cursor *c, char ch);

#endif							/* TRACKER_CORE_DECIMAL_TEXT_H */
