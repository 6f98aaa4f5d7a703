/*
 * fuzz_series_text.c — libFuzzer target for ts_parse and ts_format.
 *
 * Any bytes may be given to ts_parse. Whatever it accepts must format to
 * a text that parses back to the same flat form, byte for byte, and the
 * same kind (facts without a level, changes in points, /ratio), and the
 * formatter must report the length it needs when the buffer is short.
 * Where parsing fails, the places it reports lie within the input, and
 * the faults that quote a token (a number, a unit, a kind) have one.
 * Every mismatch aborts. The builder's memory comes from malloc, so the
 * leak checker sees what a parse leaves behind.
 *
 * Build: clang-14 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/[a-z]*.c test/fuzz/fuzz_series_text.c -lm
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *
fuzz_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
fuzz_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const ts_alloc heap = {fuzz_alloc, fuzz_release, NULL};

/* The flat form of b, malloc'd; b must not be empty. */
static ts_fact *
flatten(const ts_builder *b)
{
	ts_fact    *f = malloc(b->count * sizeof(ts_fact));

	if (f == NULL)
		abort();
	ts_builder_flatten(b, f);
	return f;
}

/* The text of v, malloc'd, after checking the short-buffer protocol. */
static char *
format(const ts_view *v, size_t *len)
{
	char		small[8];
	size_t		need = 0;
	char	   *buf;

	if (ts_format(v, small, sizeof(small), &need) != TS_EBUF ||
		small[0] != '\0' || need < sizeof(small))
		abort();
	buf = malloc(need + 1);
	if (buf == NULL)
		abort();
	if (ts_format(v, buf, need, len) != TS_EBUF || *len != need)
		abort();
	if (ts_format(v, buf, need + 1, len) != TS_OK || *len != need ||
		strlen(buf) != need)
		abort();
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ts_builder	b;
	ts_builder	again;
	ts_fact    *f1;
	ts_fact    *f2;
	ts_view		v;
	char	   *text;
	size_t		len;
	ts_status	st;
	dt_error	e;

	ts_builder_init(&b, &heap);
	st = ts_parse((const char *) data, size, &b, &e);
	if (st != TS_OK)
	{
		/* the glue quotes these bytes of the input */
		if (e.pos > size || e.len > size - e.pos ||
			e.item_pos > size || e.item_len > size - e.item_pos)
			abort();
		if ((st == TS_ERANGE || st == TS_ERATE || st == TS_EUNIT) &&
			(e.len == 0 || e.item_len == 0))
			abort();
		if (st == TS_EKIND && e.len == 0)
			abort();
	}
	if (st != TS_OK || b.count == 0)
	{
		ts_builder_free(&b);
		return 0;
	}
	f1 = flatten(&b);
	v.grain = (tp_grain) b.grain;
	v.kind = b.kind;
	v.n = (int32_t) b.count;
	v.facts = f1;
	text = format(&v, &len);

	ts_builder_init(&again, &heap);
	if (ts_parse(text, len, &again, NULL) != TS_OK || again.count != b.count ||
		again.grain != b.grain || again.kind != b.kind)
		abort();
	f2 = flatten(&again);
	if (memcmp(f1, f2, b.count * sizeof(ts_fact)) != 0)
		abort();

	free(f2);
	free(text);
	free(f1);
	ts_builder_free(&again);
	ts_builder_free(&b);
	return 0;
}
