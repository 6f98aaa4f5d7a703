/*
 * league.h — the pure C core of tracker.league: a ranking of entities (a
 * region, a project) by one value (DESIGN §6).
 *
 * No PostgreSQL headers. The builder grows through an allocator the
 * caller supplies; the flat form is one contiguous block the SQL type
 * stores after its varlena header; readers work on it in place.
 *
 * Values are finite doubles. When the league has `decimals` (0..15, or
 * TL_NO_ROUNDING), each value is rounded half-even to that many decimals
 * of the decimal float8 prints (tr_round_half_even) before anything else:
 * ranks, gaps, mean and median all use the rounded values.
 *
 * Ranks, for `descending` (higher is better; pass 0 where lower is
 * better), over n entities; "better" means strictly greater (descending)
 * or strictly smaller (ascending) value:
 *   competition (1,2,2,4)  1 + number of better entities
 *   dense       (1,2,2,3)  1 + number of distinct better values
 *   modified    (1,3,3,4)  number of entities better or equal
 *   average     (1,2.5,2.5,4)  (competition + modified) / 2
 * percentile = 100 * (number of worse entities) / (n - 1); 100 when n = 1.
 */
#ifndef TRACKER_CORE_LEAGUE_H
#define TRACKER_CORE_LEAGUE_H

#include <stddef.h>
#include <stdint.h>

#include "decimal_text.h"

#define TL_NO_ROUNDING (-1)
#define TL_MAX_ENTITY 1024		/* bytes in an entity name */

typedef enum tl_status
{
	TL_OK = 0,
	TL_NULL,					/* no such entity / no answer: SQL NULL */
	TL_EDUPLICATE,				/* an entity given twice */
	TL_ENAN,					/* a NaN value */
	TL_ENONFINITE,				/* an infinite value, or a result beyond the
								 * double range */
	TL_ETOOLONG,				/* entity name over TL_MAX_ENTITY bytes or with a NUL */
	TL_ESYNTAX,					/* malformed text */
	TL_ERANGE,					/* text: a number float8 input rejects as out
								 * of range (underflow to zero, overflow) */
	TL_ECORRUPT,				/* binary input fails validation */
	TL_ENOMEM,
	TL_EARG,					/* bad argument (decimals, n < 0, method) */
	TL_EBUF						/* caller's buffer too small */
} tl_status;

typedef enum tl_method
{
	TL_COMPETITION = 0,
	TL_DENSE = 1,
	TL_MODIFIED = 2,
	TL_AVERAGE = 3
} tl_method;

/* ---- building ---- */

typedef struct tl_alloc
{
	void	   *(*alloc) (void *ctx, size_t size);	/* NULL on failure */
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} tl_alloc;

typedef struct tl_entry
{
	double		value;			/* already rounded when decimals is set */
	uint32_t	name_off;		/* into the builder's name pool */
	uint32_t	name_len;
} tl_entry;

typedef struct tl_builder
{
	tl_alloc	alloc;
	int			decimals;		/* TL_NO_ROUNDING or 0..15; fixed by the first row */
	int			has_rows;
	uint32_t	n, cap;
	tl_entry   *entries;
	char	   *pool;
	size_t		pool_len, pool_cap;
} tl_builder;

extern void tl_builder_init(tl_builder *b, int decimals, const tl_alloc *a);
extern void tl_builder_free(tl_builder *b);
/* Append one entity. TL_ENAN (22023 in SQL), TL_ENONFINITE for an
 * infinite value (22003), TL_ETOOLONG, TL_ENOMEM; duplicates are found
 * when the league is finished. Rounds when decimals is set. */
extern tl_status tl_builder_add(tl_builder *b, const char *name, size_t len,
								double value);
/* Append all entries of `from` (the combine function). TL_EARG when the
 * two builders round to different decimals. */
extern tl_status tl_builder_merge(tl_builder *into, const tl_builder *from);

/*
 * The flat form, built from a builder: tl_flat_size() bytes (a multiple
 * of 8), then tl_flatten() writes it to 8-aligned memory. tl_flatten
 * returns TL_EDUPLICATE (and dup_name, dup_len pointing into the
 * builder) when an entity appears twice.
 *
 * Layout (native byte order, all offsets from the block start):
 *   int32 n (>= 1), int32 decimals, int32 ndistinct, int32 pool_len
 *   double value[n]           sorted descending; ties by name (bytewise)
 *   int32  dense[n]           number of distinct values above value[i]
 *   int32  by_name[n]         positions sorted by name (bytewise)
 *   uint32 name_off[n + 1]    entity i's name is pool[name_off[i] ..
 *                             name_off[i + 1])
 *   char   pool[pool_len], padded with zeros to a multiple of 8
 */
extern size_t tl_flat_size(const tl_builder *b);
extern tl_status tl_flatten(const tl_builder *b, void *out, const char **dup_name,
							size_t *dup_len);

/* A read-only view of a flat league. */
typedef struct tl_view
{
	int32_t		n;
	int32_t		decimals;
	int32_t		ndistinct;
	const double *value;
	const int32_t *dense;
	const int32_t *by_name;
	const uint32_t *name_off;
	const char *pool;
} tl_view;

/* Fill the view of a flat block of `size` bytes after checking, in O(1),
 * that its header is sane and its arrays fit. TL_ECORRUPT otherwise. */
extern tl_status tl_view_of(const void *flat, size_t size, tl_view *v);
/* The O(n) check of everything readers index by without further checks
 * (name offsets, by_name positions, dense steps), for blocks read from
 * storage: after it no reader can stray outside the block. */
extern tl_status tl_view_check(const tl_view *v);

/* ---- reading ---- */

/* The order of entity names: bytewise, a proper prefix first (that of
 * COLLATE "C"). */
extern int	tl_name_cmp(const char *a, size_t alen, const char *b, size_t blen);
/* Position of an entity in value order, or -1. O(log n). */
extern int32_t tl_find(const tl_view *v, const char *name, size_t len);
extern tl_status tl_rank(const tl_view *v, const char *name, size_t len,
						 int descending, tl_method method, double *out);
extern tl_status tl_percentile(const tl_view *v, const char *name, size_t len,
							   int descending, double *out);
/* The value of an entity (rounded if decimals is set). */
extern tl_status tl_value(const tl_view *v, const char *name, size_t len,
						  double *out);
/* The leader: the best value; among ties the first by name. Its name. */
extern void tl_leader(const tl_view *v, int descending, const char **name,
					  size_t *len);
/* How far the entity is behind the leader, >= 0. */
extern tl_status tl_gap_to_leader(const tl_view *v, const char *name,
								  size_t len, int descending, double *out);
/* How far behind the next better distinct value; TL_NULL for a leader. */
extern tl_status tl_gap_to_next(const tl_view *v, const char *name,
								size_t len, int descending, double *out);
/*
 * top: positions of the entities with competition rank <= k (so ties that
 * straddle k are all included and more than k may come back), best first,
 * ties by name; bottom: the same from the worst end (rank counted from
 * the bottom), worst first. Writes up to `cap` positions; *count gets how
 * many there are. TL_EARG when k < 0.
 */
extern tl_status tl_top(const tl_view *v, int64_t k, int descending,
						int32_t *pos, int32_t cap, int32_t *count);
extern tl_status tl_bottom(const tl_view *v, int64_t k, int descending,
						   int32_t *pos, int32_t cap, int32_t *count);
/* The name at a position in value order. */
extern void tl_name_at(const tl_view *v, int32_t pos, const char **name,
					   size_t *len);
extern double tl_mean(const tl_view *v);
extern double tl_median(const tl_view *v);	/* mean of the middle two for even n */
/* 1 when the entity's value is strictly above the mean, 0 when not. */
extern tl_status tl_above_mean(const tl_view *v, const char *name, size_t len,
							   int *out);
/*
 * By position (tl_find's answer; or v->by_name[k], the k-th entity in
 * bytewise name order, for a caller that walks its entities in that
 * order): the competition rank, and the gap to the leader as
 * tl_gap_to_leader gives it. O(log n) and O(1), no name compared.
 */
extern int64_t tl_competition_at(const tl_view *v, int32_t pos, int descending);
extern tl_status tl_gap_to_leader_at(const tl_view *v, int32_t pos,
									 int descending, double *out);
/* rank in `before` minus rank in `now` (competition): positive = moved up.
 * TL_NULL when the entity is missing from either. */
extern tl_status tl_rank_change(const tl_view *now, const tl_view *before,
								const char *name, size_t len, int descending,
								double *out);

/* ---- binary form: explicit, versioned, big-endian ----
 *   u8 version (1), i8 decimals (-1 or 0..15), u32 n, then n times
 *   u32 name length, name bytes, f64 value.
 * Used for send/recv and for the aggregate state's serialize/deserialize
 * (where duplicates are allowed: they are found when finishing).
 * Decoding checks every length and field: version, decimals, n against
 * the bytes present, name lengths, no NUL in names, finite values that
 * round to themselves when decimals is set, no trailing bytes. */
extern size_t tl_view_encoded_size(const tl_view *v);
extern void tl_view_encode(const tl_view *v, uint8_t *out);
extern size_t tl_builder_encoded_size(const tl_builder *b);
extern void tl_builder_encode(const tl_builder *b, uint8_t *out);
/* Decode into an initialised, empty builder (its decimals are replaced). */
extern tl_status tl_decode(const uint8_t *in, size_t len, tl_builder *b);

/* ---- text ----
 * {"beilun": 25, "haishu": 45.5} with decimals: {"beilun": 25, ...}/1 ,
 * i.e. entries best first as "name": value (names double-quoted with \"
 * and \\ escaped; values the shortest decimals that read back exactly),
 * then "/d" after the brace when decimals is set. Input accepts the same
 * in any order with ASCII whitespace between tokens. Numbers are read as
 * float8 input reads them: one that underflows to zero or overflows is
 * TL_ERANGE. A name over TL_MAX_ENTITY bytes is TL_ETOOLONG; decimals
 * outside 0..15 are TL_EARG. On failure *err (unless NULL) says where: the
 * number (TL_ERANGE), the quoted name (TL_ETOOLONG, with the name's
 * unescaped length in name_len), the digits (TL_EARG), or the place where
 * the text went wrong (TL_ESYNTAX); item is the entity's quoted name.
 */
extern tl_status tl_format(const tl_view *v, char *buf, size_t cap,
						   size_t *len);	/* TL_EBUF: *len = bytes needed */
extern tl_status tl_parse(const char *text, size_t len, tl_builder *b,
						  dt_error *err);

#endif							/* TRACKER_CORE_LEAGUE_H */
