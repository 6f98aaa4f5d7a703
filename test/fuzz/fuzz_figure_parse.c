/*
 * fuzz_figure_parse.c — libFuzzer target for fg_parse.
 *
 * Any bytes may be given. What it accepts must be a finite double, and
 * three rewritings of the input must read the same: with spaces and
 * U+3000 around it; with every ASCII character of a figure in its
 * full-width form; and, for a number float8out would print in plain
 * notation, that text itself. Every mismatch aborts.
 *
 * Build: test/fuzz/run (every core file, with -Isrc/core, under
 *        -fsanitize=fuzzer,address,undefined).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decimal_text.h"
#include "figure_text.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PAD " \xe3\x80\x80\t"

static void
same(fg_status st, double d, const char *s, size_t len)
{
	double		e = 0.0;
	fg_status	st2 = fg_parse(s, len, &e, NULL);

	if (st2 != st)
		abort();
	if (st == FG_OK && memcmp(&d, &e, sizeof(d)) != 0)
		abort();
}

/* The full-width form of an ASCII character of a figure, or NULL. */
static const char *
wide(uint8_t c)
{
	static const char *const digits[10] = {
		"\xef\xbc\x90", "\xef\xbc\x91", "\xef\xbc\x92", "\xef\xbc\x93", "\xef\xbc\x94",
		"\xef\xbc\x95", "\xef\xbc\x96", "\xef\xbc\x97", "\xef\xbc\x98", "\xef\xbc\x99"};

	if (c >= '0' && c <= '9')
		return digits[c - '0'];
	switch (c)
	{
		case ',':
			return "\xef\xbc\x8c";
		case '.':
			return "\xef\xbc\x8e";
		case '%':
			return "\xef\xbc\x85";
		case '+':
			return "\xef\xbc\x8b";
		case '-':
			return "\xef\xbc\x8d";
		default:
			return NULL;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double		d = 0.0;
	fg_reason	why = FG_WHY_NONE;
	fg_status	st = fg_parse((const char *) data, size, &d, &why);
	char	   *buf;
	size_t		n = 0;
	size_t		i;
	int			ascii = 1;

	if (st != FG_OK && st != FG_NULL && st != FG_SYNTAX && st != FG_RANGE)
		abort();
	if ((st == FG_SYNTAX) != (why != FG_WHY_NONE))
		abort();
	if (st == FG_OK && (!isfinite(d) || (signbit(d) && d == 0.0)))
		abort();
	if (size > 4096)
		return 0;

	buf = malloc(3 * size + 2 * sizeof(PAD));
	if (buf == NULL)
		return 0;

	/* Spaces around change nothing. */
	memcpy(buf, PAD, sizeof(PAD) - 1);
	n = sizeof(PAD) - 1;
	memcpy(buf + n, data, size);
	n += size;
	memcpy(buf + n, PAD, sizeof(PAD) - 1);
	n += sizeof(PAD) - 1;
	same(st, d, buf, n);

	/* Full-width characters read as their ASCII twins. */
	n = 0;
	for (i = 0; i < size; i++)
	{
		const char *w = wide(data[i]);

		if (data[i] >= 0x80)
			ascii = 0;
		if (w != NULL)
		{
			memcpy(buf + n, w, 3);
			n += 3;
		}
		else
			buf[n++] = (char) data[i];
	}
	/* (a text longer than FG_TEXT_MAX is refused alike either way) */
	if (ascii)
		same(st, d, buf, n);

	/* What float8out prints in plain notation reads back. */
	if (st == FG_OK)
	{
		char		out[DT_NUMBER_MAX];
		size_t		len = dt_format(d, out);

		if (memchr(out, 'e', len) == NULL)
			same(FG_OK, d, out, len);
	}
	free(buf);
	return 0;
}
