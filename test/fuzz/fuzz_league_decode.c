/*
 * fuzz_league_decode.c — libFuzzer target for tl_decode and tl_parse.
 *
 * The same bytes go to both. Whatever tl_decode accepts and flattens
 * (duplicates may fail there) must pass tl_view_of, and its view encoded
 * and decoded again must flatten to the same bytes. Whatever tl_parse
 * accepts and flattens must format and parse back to the same bytes.
 * Every mismatch aborts; all memory is freed.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core
 *        src/core/rates.c src/core/round.c src/core/league_*.c
 *        test/fuzz/fuzz_league_decode.c -lm
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "league.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *
f_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
f_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const tl_alloc alloc = {f_alloc, f_release, NULL};

/* b flattened into fresh memory (*flat, *size); NULL when it fails. */
static void *
flatten(const tl_builder *b, size_t *size)
{
	void	   *flat;

	*size = tl_flat_size(b);
	if (*size % 8 != 0)
		abort();
	flat = malloc(*size);
	if (flat == NULL)
		abort();
	if (tl_flatten(b, flat, NULL, NULL) != TL_OK)
	{
		free(flat);
		return NULL;
	}
	return flat;
}

/* Flatten b2 and compare with flat; abort on any difference. */
static void
same_flat(const tl_builder *b2, const void *flat, size_t size)
{
	size_t		size2;
	void	   *flat2 = flatten(b2, &size2);

	if (flat2 == NULL || size2 != size || memcmp(flat, flat2, size) != 0)
		abort();
	free(flat2);
}

static void
check_decode(const uint8_t *data, size_t size)
{
	tl_builder	b;
	tl_builder	b2;
	tl_view		v;
	void	   *flat;
	size_t		fsize;
	uint8_t    *enc;
	size_t		elen;

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	if (tl_decode(data, size, &b) != TL_OK)
	{
		if (b.n != 0)
			abort();
		tl_builder_free(&b);
		return;
	}

	/*
	 * The state encodes back to the input's length (a -0 in it comes back
	 * as 0), and that encoding is a fixed point.
	 */
	elen = tl_builder_encoded_size(&b);
	if (elen != size)
		abort();
	enc = malloc(elen);
	tl_builder_encode(&b, enc);
	tl_builder_init(&b2, TL_NO_ROUNDING, &alloc);
	if (tl_decode(enc, elen, &b2) != TL_OK ||
		tl_builder_encoded_size(&b2) != elen)
		abort();
	{
		uint8_t    *enc2 = malloc(elen);

		tl_builder_encode(&b2, enc2);
		if (memcmp(enc, enc2, elen) != 0)
			abort();
		free(enc2);
	}
	tl_builder_free(&b2);
	free(enc);

	flat = flatten(&b, &fsize);
	if (flat == NULL)
	{
		tl_builder_free(&b);
		return;
	}
	if (tl_view_of(flat, fsize, &v) != TL_OK || tl_view_check(&v) != TL_OK)
		abort();

	elen = tl_view_encoded_size(&v);
	enc = malloc(elen);
	tl_view_encode(&v, enc);
	tl_builder_init(&b2, 5, &alloc);
	if (tl_decode(enc, elen, &b2) != TL_OK)
		abort();
	same_flat(&b2, flat, fsize);

	tl_builder_free(&b2);
	free(enc);
	free(flat);
	tl_builder_free(&b);
}

static void
check_parse(const uint8_t *data, size_t size)
{
	tl_builder	b;
	tl_builder	b2;
	tl_view		v;
	void	   *flat;
	size_t		fsize;
	char	   *text;
	size_t		len = 0;
	char		one;
	tl_status	st;
	dt_error	e;

	tl_builder_init(&b, TL_NO_ROUNDING, &alloc);
	st = tl_parse((const char *) data, size, &b, &e);
	if (st != TL_OK)
	{
		if (b.n != 0)
			abort();
		/* the glue quotes these bytes of the input */
		if (e.pos > size || e.len > size - e.pos ||
			e.item_pos > size || e.item_len > size - e.item_pos)
			abort();
		if (st == TL_ERANGE && (e.len == 0 || e.item_len < 2))
			abort();
		if (st == TL_ETOOLONG && e.name_len > TL_MAX_ENTITY &&
			(e.len < 2 || e.len < e.name_len + 2))
			abort();
		tl_builder_free(&b);
		return;
	}
	flat = flatten(&b, &fsize);
	if (flat == NULL)
	{
		tl_builder_free(&b);
		return;
	}
	if (tl_view_of(flat, fsize, &v) != TL_OK || tl_view_check(&v) != TL_OK)
		abort();

	/* size the text, then write it */
	if (tl_format(&v, &one, 1, &len) != TL_EBUF || one != '\0' || len < 2)
		abort();
	text = malloc(len + 1);
	if (tl_format(&v, text, len, &len) != TL_EBUF || text[0] != '\0')
		abort();
	if (tl_format(&v, text, len + 1, &len) != TL_OK || strlen(text) != len)
		abort();

	tl_builder_init(&b2, 3, &alloc);
	if (tl_parse(text, len, &b2, NULL) != TL_OK)
		abort();
	same_flat(&b2, flat, fsize);

	tl_builder_free(&b2);
	free(text);
	free(flat);
	tl_builder_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_decode(data, size);
	check_parse(data, size);
	return 0;
}
