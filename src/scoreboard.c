/*
 * scoreboard.c — tracker.scoreboard(p, as_of), the 晾晒表 (DESIGN §7).
 *
 * Four plain queries: the regions in peer-group order, the indicators,
 * the targets holding p, and every region and indicator's stored series
 * (tracker.observation_series, kept current by triggers on observations),
 * then a count that tells whether that store holds the facts of p
 * (series_store.c). Regions and indicators are numbered in the order of the first two, so
 * rows sort and group on integers. A series is read where the executor
 * produced it, by the series core, and only its readings are kept.
 * Everything decided from the readings and the target (attainment, growth
 * gap, pace, light; ranks among peers, their change, gap to the leader)
 * is the board core's (src/core/board.c), shared with the 通报: the
 * numbers of the SQL functions of those names, in one pass instead of a
 * call per value. Here the readings are gathered and the rows returned.
 */
#include "tracker.h"
#include "board_run.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "board.h"
#include "league_type.h"
#include "series_store.h"
#include "series_type.h"

/*
 * Every name is qualified: the queries run under the caller's search_path.
 * The extension's own schema is not named here but found from this
 * function's OID (see schema_of), so a schema renamed under an old
 * version's install and a look-alike created under its name are never
 * read; %1$s stands for it. The regions come in any order: number_regions
 * numbers them by parent, peer group and code, bytewise (as COLLATE "C":
 * the same under every database collation, and the order of names in a
 * league), so that each peer group is a run of numbers ordered by code.
 */
static const char regions_query[] =
"SELECT r.code, r.name, r.parent, r.peer_group FROM %1$s.region r";

static const char indicators_query[] =
"SELECT i.code, i.name, i.unit_label, i.higher_is_better, i.decimals,"
"       i.kind OPERATOR(pg_catalog.=) 'ratio'"
"  FROM %1$s.indicator i ORDER BY i.code COLLATE pg_catalog.\"C\"";

/* The same before 0.2.0, whose indicators have no kind: this library
 * serves a database from its install until ALTER EXTENSION UPDATE. */
static const char indicators_query_0_1[] =
"SELECT i.code, i.name, i.unit_label, i.higher_is_better, i.decimals, false"
"  FROM %1$s.indicator i ORDER BY i.code COLLATE pg_catalog.\"C\"";

/* Every target; keep_target keeps those whose period contains p. The
 * period's operators live in the schema named at CREATE EXTENSION, whose
 * owner may rename it and put look-alikes there: no query here names
 * them, so the filter is the core's. */
static const char targets_query[] =
"SELECT t.region, t.indicator, t.period, t.amount, t.growth FROM %1$s.target t";

static const char series_query[] =
"SELECT s.region, s.indicator, s.series FROM %1$s.observation_series s"
" WHERE s.series IS NOT NULL";

/*
 * With filters, the same two queries read only the selected regions and
 * indicators ($1 and $2, text[]): one probe of the primary key (region,
 * indicator, …) per pair, so a province's board for one indicator costs
 * in proportion to its rows, not to the store.
 */
static const char targets_query_filtered[] =
"SELECT t.region, t.indicator, t.period, t.amount, t.growth FROM %1$s.target t"
" WHERE t.region OPERATOR(pg_catalog.=) ANY ($1) AND t.indicator OPERATOR(pg_catalog.=) ANY ($2)";

static const char series_query_filtered[] =
"SELECT s.region, s.indicator, s.series FROM %1$s.observation_series s"
" WHERE s.series IS NOT NULL"
"   AND s.region OPERATOR(pg_catalog.=) ANY ($1) AND s.indicator OPERATOR(pg_catalog.=) ANY ($2)";

typedef struct Region
{
	text	   *code;
	text	   *name;
	text	   *parent;			/* NULL for SQL NULL */
	text	   *peer_group;		/* NULL for SQL NULL */
	int32		group;			/* equal for peers */
	int32		parent_number;	/* -1: no parent, or one not in the table */
} Region;

typedef struct Indicator
{
	text	   *code;
	text	   *name;
	text	   *unit_label;		/* NULL for SQL NULL */
	bool		higher_is_better;
	int32		decimals;
	bool		ratio;			/* a rate itself: never accumulated */
} Indicator;

/* Rows are keyed by indicator, then region number. */
#define KEY(indicator, region) (((int64) (indicator) << 32) | (int64) (region))
#define KEY_INDICATOR(key) ((int32) ((key) >> 32))
#define KEY_REGION(key) ((int32) ((key) & 0xFFFFFFFF))

/*
 * One region and indicator: its target, and what was read from one of its
 * series. A row is made by whichever comes first; one with a target and
 * no readable series is not on the board.
 */
typedef struct BoardRow
{
	int64		key;
	tb_target	target;			/* the most specific target holding p */
	tb_readings r;
	tp_grain	grain;			/* of the series read */
	bool		has_series;
	bool		has_target;
} BoardRow;

/* ---- hash tables: names to numbers ---- */

static inline uint32
name_hash(const text *t)
{
	return hash_bytes((const unsigned char *) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

static inline bool
name_equal(const text *a, const text *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

typedef struct NameEntry
{
	const text *name;
	uint32		hash;
	char		status;
	int32		number;
} NameEntry;

#define SH_PREFIX names
#define SH_ELEMENT_TYPE NameEntry
#define SH_KEY_TYPE const text *
#define SH_KEY name
#define SH_HASH_KEY(tb, key) name_hash(key)
#define SH_EQUAL(tb, a, b) name_equal(a, b)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/*
 * Which name the next row likely has. Rows come in runs: the store, which
 * its upkeep writes in key order, repeats a region and steps through its
 * indicators in the same order for each; a target table filled indicator
 * by indicator steps through the regions in the same order each time. So
 * the name of the row before is tried first, then the one that followed
 * it the last time, and only then the hash table.
 */
typedef struct NameGuess
{
	int32		last;			/* the number last looked up, or -1 */
	int32	   *follow;			/* by number: the one looked up after it
								 * the last time, or -1 */
} NameGuess;

/* The filters, as passed (NULL: not given). */
typedef struct Filter
{
	ArrayType  *indicators;
	text	   *under;
	text	   *peer_group;
	Oid			source;			/* a schema; InvalidOid: the extension's */
} Filter;

/* What every row is read against. */
typedef struct Report
{
	tp_period	p;
	Oid			period_type;	/* tracker.period's OID */
	const char *schema;			/* the extension's schema, quoted */
	const char *store_schema;	/* where the store and facts are read, quoted */
	Filter		filter;
	bool		has_kind;		/* indicator.kind exists (0.2.0 on) */
	bool		has_previous;
	tp_period	previous;		/* the previous report: rank change */
	tp_day		first_day;		/* rows need a fact starting from here */
	DateADT		as_of;
} Report;

/*
 * The periods a row reads, resolved against a series grain once rather
 * than per row: p and the previous report for each grain met, and the
 * span a target's actual covers for the last target start met.
 */
typedef struct Runs
{
	bool		resolved[TP_NGRAINS];
	ts_status	p_status[TP_NGRAINS];
	ts_run		p[TP_NGRAINS];
	ts_status	previous_status[TP_NGRAINS];
	ts_run		previous[TP_NGRAINS];
	bool		has_since;
	tp_day		since_start;	/* the target's first day */
	tp_grain	since_grain;	/* the series' grain */
	tp_period	since_period;
	ts_status	since_status;
	ts_run		since;
} Runs;

/* A growing array in the board's context. */
typedef struct Vec
{
	char	   *items;
	int64		n;
	int64		cap;
	size_t		size;
} Vec;

#define VEC_AT(v, type, i) (((type *) (v).items)[i])

typedef struct Board
{
	MemoryContext cxt;			/* everything below; outlives SPI */
	MemoryContext scratch;		/* one fetched row's detoasted values */
	Report		report;
	Runs		runs;
	Vec			regions;		/* Region, by number */
	Vec			indicators;		/* Indicator, by number */
	names_hash *region_numbers;
	names_hash *indicator_numbers;
	NameGuess	region_guess;	/* which names the next row likely has */
	NameGuess	indicator_guess;
	Vec			rows;			/* BoardRow */
	/*
	 * Where each key's row is: by indicator number, an array by region
	 * number of its index in rows plus one (0: no row), made when the
	 * indicator's first row is. Regions and indicators are few enough
	 * (thousands, hundreds) that direct addressing beats a hash table:
	 * rows come out in key order with no sort, and a board touches a
	 * fraction of the memory, which on a board of 60,000 rows is what
	 * its time goes to.
	 */
	int32	  **slots;
	StoreWitness witness;		/* is the store current? */
	StoreScope	scope;			/* what the store check counts */
	bool	   *shown;			/* by region number; NULL: every region */
	int8	   *under;			/* by region number, 1: within the filter's
								 * under (is_under); NULL: no such filter */
	bool	   *region_read;	/* by number, the rows to keep; NULL: all */
	bool	   *indicator_read;
} Board;

static void *
vec_push(Board *b, Vec *v)
{
	if (v->n == v->cap)
	{
		v->cap = v->cap == 0 ? 256 : v->cap * 2;
		v->items = v->items == NULL
			? MemoryContextAllocHuge(b->cxt, v->cap * v->size)
			: repalloc_huge(v->items, v->cap * v->size);
	}
	return v->items + v->size * v->n++;
}

/* ---- what the queries give ---- */

static text *
copy_text(Board *b, Datum d, bool isnull)
{
	text	   *t;
	text	   *copy;
	size_t		len;

	if (isnull)
		return NULL;
	t = DatumGetTextPP(d);
	len = VARSIZE_ANY_EXHDR(t);
	copy = MemoryContextAlloc(b->cxt, VARHDRSZ + len);
	SET_VARSIZE(copy, VARHDRSZ + len);
	memcpy(VARDATA(copy), VARDATA_ANY(t), len);
	return copy;
}

/* Equal texts, NULL equal to NULL. */
static bool
same_text(const text *a, const text *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return name_equal(a, b);
}

static void
number_name(names_hash *h, const text *name, int32 number)
{
	bool		found;

	names_insert(h, name, &found)->number = number;
}

static void
keep_region(Board *b, const Datum *values, const bool *isnull)
{
	Region	   *r = vec_push(b, &b->regions);

	r->code = copy_text(b, values[0], false);
	r->name = copy_text(b, values[1], false);
	r->parent = copy_text(b, values[2], isnull[2]);
	r->peer_group = copy_text(b, values[3], isnull[3]);
	r->group = 0;				/* number_regions */
	r->parent_number = -1;		/* number_parents */
}

/* Bytewise order (COLLATE "C"), NULL first. */
static int
text_order(const text *a, const text *b)
{
	size_t		la;
	size_t		lb;
	int			c;

	if (a == NULL || b == NULL)
		return (b == NULL) - (a == NULL);
	la = VARSIZE_ANY_EXHDR(a);
	lb = VARSIZE_ANY_EXHDR(b);
	c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));
	return c != 0 ? c : (la > lb) - (la < lb);
}

/* Parent, then peer group, then code: peers consecutive, by code. */
static int
region_order(const void *a, const void *b)
{
	const Region *x = a;
	const Region *y = b;
	int			c;

	if ((c = text_order(x->parent, y->parent)) != 0 ||
		(c = text_order(x->peer_group, y->peer_group)) != 0)
		return c;
	return text_order(x->code, y->code);
}

/* Number the regions in region_order, so that peers are a run. */
static void
number_regions(Board *b)
{
	int64		i;

	qsort(b->regions.items, b->regions.n, sizeof(Region), region_order);
	for (i = 0; i < b->regions.n; i++)
	{
		Region	   *r = &VEC_AT(b->regions, Region, i);

		if (i > 0)
			r->group = r[-1].group +
				!(same_text(r->parent, r[-1].parent) && same_text(r->peer_group, r[-1].peer_group));
		number_name(b->region_numbers, r->code, (int32) i);
	}
}

static void
keep_indicator(Board *b, const Datum *values, const bool *isnull)
{
	Indicator  *i = vec_push(b, &b->indicators);

	i->code = copy_text(b, values[0], false);
	i->name = copy_text(b, values[1], false);
	i->unit_label = copy_text(b, values[2], isnull[2]);
	i->higher_is_better = DatumGetBool(values[3]);
	i->decimals = DatumGetInt32(values[4]);
	i->ratio = DatumGetBool(values[5]);
	number_name(b->indicator_numbers, i->code, (int32) (b->indicators.n - 1));
}

/* Each region's parent, by number, once all are numbered. */
static void
number_parents(Board *b)
{
	int64		i;

	for (i = 0; i < b->regions.n; i++)
	{
		Region	   *r = &VEC_AT(b->regions, Region, i);
		NameEntry  *parent = r->parent != NULL ? names_lookup(b->region_numbers, r->parent) : NULL;

		r->parent_number = parent != NULL ? parent->number : -1;
	}
}

/* The code of item n of v, at code_offset in it. */
static inline const text *
code_at(const Vec *v, int32 n, size_t code_offset)
{
	return *(text **) (v->items + n * v->size + code_offset);
}

/* The number of a name among v's items (their code at code_offset), or
 * -1; guessed first (see NameGuess). */
static int32
number_of(names_hash *h, NameGuess *g, const text *name, const Vec *v,
		  size_t code_offset)
{
	int32		last = g->last;
	NameEntry  *e;

	if (last >= 0)
	{
		int32		next = g->follow[last];

		if (name_equal(code_at(v, last, code_offset), name))
			return last;
		if (next >= 0 && name_equal(code_at(v, next, code_offset), name))
		{
			g->last = next;
			return next;
		}
	}
	if ((e = names_lookup(h, name)) == NULL)
		return -1;
	if (last >= 0)
		g->follow[last] = e->number;
	g->last = e->number;
	return e->number;
}

/* A guess for n names, knowing none yet. */
static void
guess_init(Board *b, NameGuess *g, int64 n)
{
	int64		k;

	g->last = -1;
	g->follow = MemoryContextAlloc(b->cxt, Max(n, 1) * sizeof(int32));
	for (k = 0; k < n; k++)
		g->follow[k] = -1;
}

/* The key of a row's region and indicator (its first two columns). All
 * queries ran in this function's snapshot, and a target's keys are
 * foreign keys: every name is numbered. A stored series is derived, and
 * names a region or indicator deleted since only when the store is out
 * of date, as series_store.c reports it. */
static int64
key_of(Board *b, const Datum *values)
{
	int32		r = number_of(b->region_numbers, &b->region_guess, DatumGetTextPP(values[0]),
								  &b->regions, offsetof(Region, code));
	int32		i = number_of(b->indicator_numbers, &b->indicator_guess, DatumGetTextPP(values[1]),
								  &b->indicators, offsetof(Indicator, code));

	if (r < 0 || i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("tracker.observation_series is out of date"),
				 errdetail("It holds a series of %s \"%s\", which tracker.%s no longer has.",
						   r < 0 ? "region" : "indicator",
						   text_to_cstring(DatumGetTextPP(values[r < 0 ? 0 : 1])),
						   r < 0 ? "region" : "indicator"),
				 errhint(STORE_STALE_HINT)));
	return KEY(i, r);
}

/* The most specific target holding p: fewest days, then period order. */
static bool
more_specific(tp_period a, tp_period b)
{
	int32		da = tp_ndays(a);
	int32		db = tp_ndays(b);

	return da != db ? da < db : a < b;
}

/* Whether the filters need the row of a key (see board_select). */
static inline bool
is_read(const Board *b, int64 key)
{
	return (b->region_read == NULL || b->region_read[KEY_REGION(key)]) &&
		(b->indicator_read == NULL || b->indicator_read[KEY_INDICATOR(key)]);
}

/* The row of a key, made empty on first use. */
static BoardRow *
row_of(Board *b, int64 key)
{
	int32		ind = KEY_INDICATOR(key);
	int32	   *slot = b->slots[ind];
	BoardRow   *row;

	if (slot == NULL)
		slot = b->slots[ind] = MemoryContextAllocZero(b->cxt, Max(b->regions.n, 1) * sizeof(int32));
	slot += KEY_REGION(key);
	if (*slot != 0)
		return &VEC_AT(b->rows, BoardRow, *slot - 1);
	if (b->rows.n >= PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a scoreboard cannot hold more than %d rows", PG_INT32_MAX - 1)));
	row = vec_push(b, &b->rows);
	memset(row, 0, sizeof *row);
	row->key = key;
	*slot = (int32) b->rows.n;
	return row;
}

static void
keep_target(Board *b, const Datum *values, const bool *isnull)
{
	tp_period	period = DatumGetPeriod(values[2]);
	int64		key;
	BoardRow   *row;

	if (!tp_contains(period, b->report.p))
		return;
	key = key_of(b, values);
	if (!is_read(b, key))
		return;
	row = row_of(b, key);
	if (row->has_target && !more_specific(period, row->target.period))
		return;
	row->has_target = true;
	row->target.period = period;
	row->target.has_amount = !isnull[3];
	row->target.amount = isnull[3] ? 0.0 : DatumGetFloat8(values[3]);
	row->target.has_growth = !isnull[4];
	row->target.growth = isnull[4] ? 0.0 : DatumGetFloat8(values[4]);
}

/* ---- reading a series ---- */

/*
 * A reading that the series cannot give is NULL: a missing fact, or a
 * number beyond the float8 range (a sum or a growth that overflows). One
 * such row must not cost the whole board, so on a board that is a NULL
 * cell where the accessor of the same name raises 22003.
 */
static void
take(bool *known, double *reading, ts_status st, double x, tp_grain g,
	 tp_period p)
{
	*known = (st == TS_OK);
	*reading = st == TS_OK ? x : 0.0;
	if (st != TS_OK && st != TS_NULL && st != TS_ENONFINITE)
		series_read_error(st, g, p);
}

/* The readings of a resolved period: value and base where asked (not
 * NULL), and growth. */
static void
take_reading(bool *has_value, double *value, bool *has_base, double *base,
			 bool *has_growth, double *growth, const ts_view *v,
			 ts_memo *memo, ts_status resolved, const ts_run *run, tp_period p)
{
	ts_reading	r;

	if (resolved != TS_OK)
	{
		r.value_status = r.base_status = r.growth_status = resolved;
		r.value = r.base = r.growth = 0.0;
	}
	else
		ts_read_run_memo(v, run, memo, &r);
	if (value != NULL)
		take(has_value, value, r.value_status, r.value, v->grain, p);
	if (base != NULL)
		take(has_base, base, r.base_status, r.base, v->grain, p);
	take(has_growth, growth, r.growth_status, r.growth, v->grain, p);
}

/* p and the previous report against grain g, resolved on first use. */
static void
resolve_grain(Runs *runs, const Report *r, tp_grain g)
{
	if (runs->resolved[g])
		return;
	runs->p_status[g] = ts_resolve(g, r->p, &runs->p[g]);
	runs->previous_status[g] = r->has_previous
		? ts_resolve(g, r->previous, &runs->previous[g]) : TS_NULL;
	runs->resolved[g] = true;
}

/*
 * The span a target's actual covers, resolved against grain g: from the
 * unit of p's grain where the target starts through p. The target holds
 * p, so the span is well formed. Consecutive rows mostly share it.
 */
static const ts_run *
resolve_since(Runs *runs, const Report *r, tp_period target, tp_grain g,
			  tp_period *since)
{
	tp_grain	pg = tp_grain_of(r->p);
	tp_period	first;
	tp_period	last;

	if (!runs->has_since || runs->since_start != tp_start(target) ||
		runs->since_grain != g)
	{
		runs->has_since = true;
		runs->since_start = tp_start(target);
		runs->since_grain = g;
		runs->since_status = TS_NULL;
		if (tp_from_day(tp_start(target), pg, &first) == TP_OK &&
			tp_from_day(tp_end(r->p), pg, &last) == TP_OK &&
			tp_span(first, last, &runs->since_period) == TP_OK)
			runs->since_status = ts_resolve(g, runs->since_period, &runs->since);
	}
	*since = runs->since_period;
	return runs->since_status == TS_OK ? &runs->since : NULL;
}

/*
 * Keep the readings of one series, or skip it when it cannot be read at p
 * (a quarterly series on a monthly board) or has no fact in the report. Of
 * a region's series of one indicator readable at p, the row reads the
 * coarsest (the most aggregated facts as published).
 */
static void
keep_series(Board *b, const Datum *values, const bool *isnull)
{
	const Report *r = &b->report;
	Runs	   *runs = &b->runs;
	ts_view		v = series_view(DatumGetSeries(values[2]));
	tp_grain	g = v.grain;
	int64		key;
	BoardRow   *row;
	ts_memo		memo;			/* p, the previous report and the actual
								 * share their year-to-date walks */

	if ((unsigned) g >= TP_NGRAINS)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt series value in tracker.observation_series")));
	b->witness.series++;
	if (g == b->witness.grain)
		b->witness.stored += ts_count_at(&v, b->witness.unit);
	resolve_grain(runs, r, g);
	if (runs->p_status[g] != TS_OK ||
		!ts_has_fact_starting(&v, r->first_day, tp_end(r->p)))
		return;
	key = key_of(b, values);
	if (!is_read(b, key))
		return;
	row = row_of(b, key);
	if (row->has_series && row->grain >= g)
		return;
	row->has_series = true;
	row->grain = g;
	ts_memo_init(&memo);
	take_reading(&row->r.has_value, &row->r.value, &row->r.has_base, &row->r.base,
				 &row->r.has_growth, &row->r.growth, &v, &memo, TS_OK, &runs->p[g], r->p);
	take_reading(NULL, NULL, NULL, NULL, &row->r.has_previous_growth,
				 &row->r.previous_growth, &v, &memo, runs->previous_status[g],
				 &runs->previous[g], r->previous);
	row->r.has_actual = false;
	row->r.actual = 0.0;
	/* A ratio's level is not accumulated over the target period: no
	 * actual, so no attainment or pace; its growth gap is in points. */
	if (row->has_target &&
		!VEC_AT(b->indicators, Indicator, KEY_INDICATOR(row->key)).ratio)
	{
		tp_period	since;
		const ts_run *run = resolve_since(runs, r, row->target.period, g, &since);
		double		x = 0.0;

		if (run != NULL)
		{
			ts_status	st = ts_value_run_memo(&v, run, &memo, &x);

			take(&row->r.has_actual, &row->r.actual, st, x, g, since);
		}
	}
}

/* ---- filters: which rows are shown, which are read ---- */

/* The number of a region or indicator named by a filter; 42704 when
 * there is none. */
static int32
named(Board *b, names_hash *h, const text *name, const char *what)
{
	NameEntry  *e = names_lookup(h, name);

	if (e == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s \"%s\" does not exist", what, text_to_cstring(name)),
				 errhint("The filters name codes of tracker.%s.", what)));
	return e->number;
}

/* Whether region r is root or lies below it. Memoized in under (0: not
 * yet known, 1: yes, 2: no); parent chains are at most 100 long (the
 * region table's trigger), and a longer one, left by rows restored with
 * triggers off, counts as not below. */
static bool
is_under(Board *b, int8 *under, int32 r, int32 root)
{
	int32		path[101];
	int			n = 0;
	int8		answer = 2;
	int32		node = r;

	while (n < 101)
	{
		if (node == root)
		{
			answer = 1;
			break;
		}
		if (under[node] != 0)
		{
			answer = under[node];
			break;
		}
		path[n++] = node;
		node = VEC_AT(b->regions, Region, node).parent_number;
		if (node < 0)
			break;
	}
	while (n > 0)
		under[path[--n]] = answer;
	return answer == 1;
}

/* An array of the codes of the flagged names, in number order. */
static Datum
codes_array(Board *b, Vec *v, size_t code_offset, const bool *flagged)
{
	Datum	   *codes = palloc(Max(v->n, 1) * sizeof(Datum));
	int			n = 0;
	int64		i;

	for (i = 0; i < v->n; i++)
		if (flagged[i])
			codes[n++] = PointerGetDatum(*(text **) (v->items + v->size * i + code_offset));
	return PointerGetDatum(construct_array(codes, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * Which regions the filters select (shown) and which rows must be read:
 * the peer groups of the selected regions and of their parents, whole,
 * so that every rank, and a paragraph's parent figure, is the whole
 * board's. The read set becomes the scope's arrays; the queries then
 * read only those regions and indicators, one probe of a primary key per
 * pair. Where the set is a large part of the board (more than an eighth
 * of its pairs), probing costs more than reading everything, which the
 * queries then do, rows outside the set being dropped as they come (on
 * boards of at least WIDE_MIN_PAIRS pairs; below, either costs little).
 */
#define WIDE_MIN_PAIRS 4096
static void
board_select(Board *b)
{
	const Filter *f = &b->report.filter;
	int64		nr = b->regions.n;
	int64		ni = b->indicators.n;
	int64		ngroups = nr > 0 ? VEC_AT(b->regions, Region, nr - 1).group + 1 : 0;
	bool	   *indicator_read;
	bool	   *group_read;
	bool	   *region_read;
	int8	   *under = NULL;
	int32		root = -1;
	int64		nregions_read;
	int64		nindicators_read;
	int64		i;
	MemoryContext outer;

	if (f->indicators == NULL && f->under == NULL && f->peer_group == NULL)
		return;
	outer = MemoryContextSwitchTo(b->cxt);	/* shown outlives SPI */
	b->scope.filtered = true;
	indicator_read = palloc0(Max(ni, 1) * sizeof(bool));
	if (f->indicators == NULL)
		memset(indicator_read, true, ni * sizeof(bool));
	else
	{
		Datum	   *codes;
		bool	   *nulls;
		int			n;

		if (ARR_NDIM(f->indicators) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("indicators must be a one-dimensional array"),
					 errhint("Pass a list of codes of tracker.indicator, such as ARRAY['mfg', 'va'].")));
		deconstruct_array(f->indicators, TEXTOID, -1, false, TYPALIGN_INT,
						  &codes, &nulls, &n);
		for (i = 0; i < n; i++)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("indicators must not contain NULL"),
						 errhint("Pass the codes of tracker.indicator to show, or NULL for every indicator.")));
			indicator_read[named(b, b->indicator_numbers, DatumGetTextPP(codes[i]), "indicator")] = true;
		}
	}
	if (f->under != NULL)
	{
		root = named(b, b->region_numbers, f->under, "region");
		under = palloc0(Max(nr, 1) * sizeof(int8));
		under[root] = 1;
	}
	if (f->peer_group != NULL)
	{
		for (i = 0; i < nr; i++)
			if (same_text(VEC_AT(b->regions, Region, i).peer_group, f->peer_group))
				break;
		if (i == nr)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("no region has peer group \"%s\"", text_to_cstring(f->peer_group)),
					 errhint("The filter names a value of tracker.region.peer_group.")));
	}
	b->shown = palloc0(Max(nr, 1) * sizeof(bool));
	group_read = palloc0(Max(ngroups, 1) * sizeof(bool));
	for (i = 0; i < nr; i++)
	{
		const Region *r = &VEC_AT(b->regions, Region, i);

		if ((root >= 0 && !is_under(b, under, (int32) i, root)) ||
			(f->peer_group != NULL && !same_text(r->peer_group, f->peer_group)))
			continue;
		b->shown[i] = true;
		group_read[r->group] = true;
		if (r->parent_number >= 0)
			group_read[VEC_AT(b->regions, Region, r->parent_number).group] = true;
	}
	/* every region's answer, for the paragraphs' parents */
	if (root >= 0)
		for (i = 0; i < nr; i++)
			(void) is_under(b, under, (int32) i, root);
	b->under = under;
	region_read = palloc0(Max(nr, 1) * sizeof(bool));
	nregions_read = 0;
	for (i = 0; i < nr; i++)
		nregions_read += region_read[i] = group_read[VEC_AT(b->regions, Region, i).group];
	nindicators_read = 0;
	for (i = 0; i < ni; i++)
		nindicators_read += indicator_read[i];
	b->region_read = region_read;
	b->indicator_read = indicator_read;
	if (nr * ni >= WIDE_MIN_PAIRS && nregions_read * nindicators_read > nr * ni / 8)
	{
		b->scope.filtered = false;
		MemoryContextSwitchTo(outer);
		return;
	}
	b->scope.regions = codes_array(b, &b->regions, offsetof(Region, code), region_read);
	b->scope.indicators = codes_array(b, &b->indicators, offsetof(Indicator, code), indicator_read);
	MemoryContextSwitchTo(outer);
}

/* ---- running the queries ---- */

/*
 * The queries hand their rows to a receiver rather than to SPI's tuple
 * table: a slot is read where the executor produced it, so a series is
 * read in place on its buffer page and never copied.
 */
typedef void (*row_keeper) (Board *b, const Datum *values, const bool *isnull);

typedef struct BoardReceiver
{
	DestReceiver pub;
	Board	   *board;
	row_keeper	keep;
} BoardReceiver;

static bool
board_receive(TupleTableSlot *slot, DestReceiver *self)
{
	BoardReceiver *br = (BoardReceiver *) self;
	MemoryContext outer = MemoryContextSwitchTo(br->board->scratch);

	slot_getallattrs(slot);
	br->keep(br->board, slot->tts_values, slot->tts_isnull);
	MemoryContextSwitchTo(outer);
	MemoryContextReset(br->board->scratch);
	return true;
}

static void
board_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
}

static void
board_done(DestReceiver *self)
{
}

/* Run a query, with schema for %1$s and the scope's arrays as $1 and $2
 * when it has parameters, and hand each row to keep. */
static void
run_query(Board *b, const char *query, const char *schema, int nargs, row_keeper keep)
{
	BoardReceiver br;
	SPIExecuteOptions options;
	ParamListInfo params = makeParamList(nargs);
	Oid			types[2] = {TEXTARRAYOID, TEXTARRAYOID};
	SPIPlanPtr	plan;
	int			k;

	Assert(nargs == 0 || nargs == 2);
	for (k = 0; k < nargs; k++)
	{
		params->params[k].value = k == 0 ? b->scope.regions : b->scope.indicators;
		params->params[k].isnull = false;
		params->params[k].pflags = PARAM_FLAG_CONST;
		params->params[k].ptype = TEXTARRAYOID;
	}
	memset(&br, 0, sizeof br);
	br.pub.receiveSlot = board_receive;
	br.pub.rStartup = board_startup;
	br.pub.rShutdown = board_done;
	br.pub.rDestroy = board_done;
	br.pub.mydest = DestNone;	/* SPI keeps no rows for us */
	br.board = b;
	br.keep = keep;
	plan = SPI_prepare(psprintf(query, schema), nargs, types);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for a scoreboard query: %s",
			 SPI_result_code_string(SPI_result));
	memset(&options, 0, sizeof options);
	options.params = params;
	options.read_only = true;	/* one snapshot for all the queries */
	options.dest = (DestReceiver *) &br;
	if (SPI_execute_plan_extended(plan, &options) < 0)
		elog(ERROR, "a scoreboard query failed: %s",
			 SPI_result_code_string(SPI_result));
	SPI_freeplan(plan);
}

static void
fetch(Board *b)
{
	int			nargs;

	b->region_numbers = names_create(b->cxt, 1024, NULL);
	b->indicator_numbers = names_create(b->cxt, 64, NULL);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	run_query(b, regions_query, b->report.schema, 0, keep_region);
	run_query(b, b->report.has_kind ? indicators_query : indicators_query_0_1,
			  b->report.schema, 0, keep_indicator);
	number_regions(b);
	number_parents(b);
	board_select(b);
	guess_init(b, &b->region_guess, b->regions.n);
	guess_init(b, &b->indicator_guess, b->indicators.n);
	b->slots = MemoryContextAllocZero(b->cxt, Max(b->indicators.n, 1) * sizeof(int32 *));
	nargs = b->scope.filtered ? 2 : 0;
	/* Most regions have most indicators: room for that many rows up
	 * front (up to 64k; beyond, the array doubles as it fills). Targets
	 * make rows too. */
	b->rows.cap = Max(Min(b->regions.n * b->indicators.n, (int64) 1 << 16), 256);
	b->rows.items = MemoryContextAllocHuge(b->cxt, b->rows.cap * b->rows.size);
	run_query(b, b->scope.filtered ? targets_query_filtered : targets_query,
			  b->report.schema, nargs, keep_target);
	run_query(b, b->scope.filtered ? series_query_filtered : series_query,
			  b->report.store_schema, nargs, keep_series);
	store_check(&b->witness, &b->scope);
	SPI_finish();
}

/* ---- emitting ---- */

enum
{
	O_REGION, O_REGION_NAME, O_INDICATOR, O_INDICATOR_NAME, O_UNIT_LABEL,
	O_PERIOD, O_VALUE, O_BASE, O_GROWTH, O_TARGET_PERIOD, O_TARGET_AMOUNT,
	O_ACTUAL, O_ATTAINMENT, O_TARGET_GROWTH, O_GROWTH_GAP, O_TIME_PROGRESS,
	O_PACE, O_LIGHT, O_PEERS, O_RANK_GROWTH, O_RANK_AMOUNT, O_RANK_CHANGE,
	O_GAP_TO_LEADER, O_NCOLUMNS
};

typedef struct Output
{
	Datum		values[O_NCOLUMNS];
	bool		nulls[O_NCOLUMNS];
} Output;

/* What stays the same from row to row: a target's calendar, the sink. */
typedef struct Emitter
{
	const Report *report;
	BoardReport out;			/* what the sink is told of the report */
	tp_period	target;			/* the last target period seen, or -1 */
	text	   *target_text;
	double		progress;
	board_sink	sink;
	void	   *state;
} Emitter;

/* The scoreboard's sink: its columns. */
typedef struct Columns
{
	FunctionCallInfo fcinfo;	/* the result is its rsinfo's */
	ReturnSetInfo *rsinfo;
	bool		sized;			/* board_result_size was called */
	text	   *lights[3];
} Columns;

static void
put_text(Output *o, int col, text *t)
{
	o->nulls[col] = (t == NULL);
	o->values[col] = PointerGetDatum(t);
}

static void
put_float(Output *o, int col, bool known, double x)
{
	o->nulls[col] = !known;
	o->values[col] = known ? Float8GetDatum(x) : (Datum) 0;
}

static void
put_int(Output *o, int col, bool known, int64 x)
{
	o->nulls[col] = !known;
	o->values[col] = known ? Int32GetDatum((int32) x) : (Datum) 0;
}

/* The time progress of a row's target period, and (in e->target_text)
 * its text. Time runs through the end of p, or through as_of when the
 * report is published before p is over (a weekly look at the month so
 * far). Most rows share their target period. */
static double
progress_of(Emitter *e, const BoardRow *row)
{
	const Report *r = e->report;

	if (!row->has_target)
		return 0.0;
	if (row->target.period != e->target)
	{
		e->target = row->target.period;
		e->target_text = cstring_to_text(tracker_period_text(row->target.period));
		e->progress = r->as_of >= tracker_date_from_day(tp_end(r->p))
			? tracker_progress_through(row->target.period, r->p)
			: tracker_progress_asof(row->target.period, r->as_of);
	}
	return e->progress;
}

/* A board row's columns. */
static void
put_columns(Columns *c, const BoardReport *report, const BoardIndicator *ind,
			const BoardEntry *entry)
{
	Output		o;
	const tb_row *row = entry->row;
	const tb_readings *r = &row->r;
	const tb_target *t = &row->target;

	put_text(&o, O_REGION, entry->region);
	put_text(&o, O_REGION_NAME, entry->region_name);
	put_text(&o, O_INDICATOR, ind->code);
	put_text(&o, O_INDICATOR_NAME, ind->name);
	put_text(&o, O_UNIT_LABEL, ind->unit_label);
	put_text(&o, O_PERIOD, report->period_text);
	put_float(&o, O_VALUE, r->has_value, r->value);
	put_float(&o, O_BASE, r->has_base, r->base);
	put_float(&o, O_GROWTH, r->has_growth, r->growth);
	put_text(&o, O_TARGET_PERIOD, entry->target_period);
	put_float(&o, O_TARGET_AMOUNT, row->has_target && t->has_amount, t->amount);
	put_float(&o, O_ACTUAL, r->has_actual, r->actual);
	put_float(&o, O_ATTAINMENT, row->has_attainment, row->attainment);
	put_float(&o, O_TARGET_GROWTH, row->has_target && t->has_growth, t->growth);
	put_float(&o, O_GROWTH_GAP, row->has_growth_gap, row->growth_gap);
	put_float(&o, O_TIME_PROGRESS, row->has_time_progress, row->time_progress);
	put_float(&o, O_PACE, row->has_pace, row->pace);
	put_text(&o, O_LIGHT, row->has_light ? c->lights[row->light] : NULL);
	put_int(&o, O_PEERS, true, row->peers);
	put_int(&o, O_RANK_GROWTH, row->has_rank_growth, row->rank_growth);
	put_int(&o, O_RANK_AMOUNT, row->has_rank_amount, row->rank_amount);
	put_int(&o, O_RANK_CHANGE, row->has_rank_change, row->rank_change);
	put_float(&o, O_GAP_TO_LEADER, row->has_gap_to_leader, row->gap_to_leader);
	tuplestore_putvalues(c->rsinfo->setResult, c->rsinfo->setDesc, o.values, o.nulls);
}

static void
columns_sink(void *state, const BoardReport *report, const BoardIndicator *ind,
			 const BoardEntry *entries, int64 n)
{
	Columns    *c = (Columns *) state;
	int64		i;

	if (!c->sized)
	{
		board_result_size(c->fcinfo, report->rows);
		c->sized = true;
	}
	for (i = 0; i < n; i++)
		if (entries[i].shown)
			put_columns(c, report, ind, &entries[i]);
}

/* A ranking's error, as a league reports it. */
static void
rank_error(tr_status st)
{
	league_error(st == TR_ENAN ? TL_ENAN
				 : st == TR_EARG ? TL_EARG : TL_ENONFINITE);
}

/*
 * Rank one peer group, rows[0..n), and emit its rows: each row's figures
 * and its target's text, then the group's standing, then the columns.
 */
static void
emit_group(Emitter *e, const Board *b, const BoardRow *const *rows, int64 n)
{
	const Indicator *ind = &VEC_AT(b->indicators, Indicator, KEY_INDICATOR(rows[0]->key));
	tb_kind		kind = ind->ratio ? TB_RATIO : TB_AMOUNT;
	tb_row	   *board = MemoryContextAllocHuge(CurrentMemoryContext, n * sizeof(tb_row));
	tb_row	  **peers = MemoryContextAllocHuge(CurrentMemoryContext, n * sizeof(tb_row *));
	text	  **target_texts = MemoryContextAllocHuge(CurrentMemoryContext, n * sizeof(text *));
	BoardEntry *entries;
	BoardIndicator out_ind;
	int64		failed = -1;
	tr_status	failed_status = TR_OK;
	tr_status	st;
	int64		i;

	for (i = 0; i < n; i++)
	{
		const BoardRow *row = rows[i];
		double		progress = progress_of(e, row);

		peers[i] = &board[i];
		target_texts[i] = row->has_target ? e->target_text : NULL;
		st = tb_row_figures(&board[i], &row->r,
							row->has_target ? &row->target : NULL, progress, kind,
							ind->higher_is_better);
		if (st != TR_OK && failed < 0)
		{
			failed = i;
			failed_status = st;
		}
	}
	/* Growth ranks on the printed decimal, amounts on the indicator's.
	 * An error ranking comes before a rate's, as it always has. */
	st = tb_rank_peers(peers, (int32) n, ind->higher_is_better, ind->decimals,
					   MemoryContextAllocHuge(CurrentMemoryContext,
											  tb_rank_scratch_size((int32) n)));
	if (st != TR_OK)
		rank_error(st);
	if (failed >= 0)
		tracker_rate_error(failed_status, board[failed].error_in, "");
	entries = MemoryContextAllocHuge(CurrentMemoryContext, n * sizeof(BoardEntry));
	for (i = 0; i < n; i++)
	{
		const Region *region = &VEC_AT(b->regions, Region, KEY_REGION(rows[i]->key));
		int32		parent = region->parent_number;

		entries[i].row = &board[i];
		entries[i].region = region->code;
		entries[i].region_name = region->name;
		entries[i].parent = region->parent;
		entries[i].parent_name = parent >= 0
			? VEC_AT(b->regions, Region, parent).name : NULL;
		entries[i].peer_group = region->peer_group;
		entries[i].target_period = target_texts[i];
		entries[i].shown = b->shown == NULL || b->shown[KEY_REGION(rows[i]->key)];
		entries[i].parent_within = b->under == NULL ||
			(parent >= 0 && b->under[parent] == 1);
	}
	out_ind.code = ind->code;
	out_ind.name = ind->name;
	out_ind.unit_label = ind->unit_label;
	out_ind.higher_is_better = ind->higher_is_better;
	out_ind.decimals = ind->decimals;
	out_ind.ratio = ind->ratio;
	e->sink(e->state, &e->out, &out_ind, entries, n);
}

/* The rows on the board, indicator by indicator and region by region in
 * number order, so a peer group is a run ordered by code. Peer groups are
 * ranked and emitted one at a time, in a context reset between. */
static void
emit(Board *b, board_sink sink, void *state)
{
	const BoardRow **rows = MemoryContextAllocHuge(b->cxt, Max(b->regions.n, 1) * sizeof(BoardRow *));
	MemoryContext group = AllocSetContextCreate(CurrentMemoryContext, "scoreboard group",
												ALLOCSET_DEFAULT_SIZES);
	MemoryContext outer;
	Emitter		e;
	int64		ind;

	e.report = &b->report;
	e.out.p = b->report.p;
	e.out.has_previous = b->report.has_previous;
	e.out.period_text = cstring_to_text(tracker_period_text(b->report.p));
	e.out.rows = b->rows.n;
	e.sink = sink;
	e.state = state;
	e.target = -1;
	e.target_text = NULL;
	e.progress = 0.0;
	for (ind = 0; ind < b->indicators.n; ind++)
	{
		const int32 *slot = b->slots[ind];
		int64		n = 0;
		int32		peers = -1;
		int64		reg;

		if (slot == NULL)
			continue;
		for (reg = 0; reg <= b->regions.n; reg++)
		{
			const BoardRow *row = NULL;

			if (reg < b->regions.n && slot[reg] != 0)
			{
				row = &VEC_AT(b->rows, BoardRow, slot[reg] - 1);
				if (!row->has_series)
					row = NULL;
			}
			if (n > 0 && (reg == b->regions.n ||
						  (row != NULL && VEC_AT(b->regions, Region, reg).group != peers)))
			{
				outer = MemoryContextSwitchTo(group);
				e.target = -1;	/* its text lives in the group context */
				emit_group(&e, b, rows, n);
				MemoryContextSwitchTo(outer);
				MemoryContextReset(group);
				n = 0;
			}
			if (row != NULL)
			{
				peers = VEC_AT(b->regions, Region, reg).group;
				rows[n++] = row;
			}
		}
	}
	MemoryContextDelete(group);
}

/*
 * The schema the extension's objects live in: the one this function was
 * created in, found by OID. Only the name of its own objects within it is
 * then trusted; they belong to the superuser who ran the install script.
 */
static const char *
schema_of(FunctionCallInfo fcinfo)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	char	   *name = OidIsValid(nsp) ? get_namespace_name(nsp) : NULL;

	if (name == NULL)
		elog(ERROR, "scoreboard: cannot find the schema of function %u",
			 fcinfo->flinfo->fn_oid);
	return quote_identifier(name);
}

/* Whether the extension's indicator table has the kind column of 0.2.0. */
static bool
indicator_has_kind(FunctionCallInfo fcinfo)
{
	Oid			rel = get_relname_relid("indicator",
										get_func_namespace(fcinfo->flinfo->fn_oid));

	return OidIsValid(rel) && get_attnum(rel, "kind") != InvalidAttrNumber;
}

/*
 * The filters at argument filter_arg: indicators, under, peer_group,
 * source. A source schema must hold observation and observation_series
 * shaped as tracker's (a sharded deployment's partitioned tables of
 * foreign tables, README "Sharding"); it is read with the caller's
 * rights, like everything the board reads.
 */
static void
read_filters(FunctionCallInfo fcinfo, int filter_arg, Report *r)
{
	Filter	   *f = &r->filter;

	memset(f, 0, sizeof *f);
	r->store_schema = r->schema;
	if (PG_NARGS() < filter_arg + 4)
		return;
	if (!PG_ARGISNULL(filter_arg))
		f->indicators = PG_GETARG_ARRAYTYPE_P(filter_arg);
	if (!PG_ARGISNULL(filter_arg + 1))
		f->under = PG_GETARG_TEXT_PP(filter_arg + 1);
	if (!PG_ARGISNULL(filter_arg + 2))
		f->peer_group = PG_GETARG_TEXT_PP(filter_arg + 2);
	if (!PG_ARGISNULL(filter_arg + 3))
	{
		char	   *name;

		f->source = PG_GETARG_OID(filter_arg + 3);
		name = get_namespace_name(f->source);
		if (name == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_SCHEMA),
					 errmsg("schema with OID %u does not exist", f->source)));
		r->store_schema = quote_identifier(name);
	}
}

void
board_run(FunctionCallInfo fcinfo, const char *fname, int filter_arg,
		  board_sink sink, void *state)
{
	Board		b;
	Report	   *r = &b.report;
	tp_period	ago;
	int			y;
	int			m;
	int			d;

	/* Not STRICT, so that a NULL as_of means the end of p: a board as of
	 * nothing is no board, and an empty one would say nothing. */
	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s needs a report period, not NULL", fname),
				 errhint("Pass the period to report on, such as '2022-01..07' or '2022年1-7月'.")));
	memset(&b, 0, sizeof b);
	r->p = PG_GETARG_PERIOD(0);
	r->period_type = get_fn_expr_argtype(fcinfo->flinfo, 0);
	r->schema = schema_of(fcinfo);
	r->has_kind = indicator_has_kind(fcinfo);
	read_filters(fcinfo, filter_arg, r);
	r->as_of = PG_ARGISNULL(1) ? tracker_date_from_day(tp_end(r->p))
		: PG_GETARG_DATEADT(1);
	r->has_previous = tp_previous_report(r->p, &r->previous) == TP_OK;
	store_witness_init(&b.witness, r->p);
	store_scope_init(&b.scope, get_func_namespace(fcinfo->flinfo->fn_oid), r->schema,
					 r->has_kind, r->period_type, r->filter.source, r->store_schema);
	/* Rows show regions with a fact from the base year of the previous
	 * report through p: a region that stopped reporting still shows. */
	r->first_day = 0;
	if (tp_year_ago(r->has_previous ? r->previous : r->p, 1, &ago) == TP_OK)
	{
		tp_civil_from_days(tp_start(ago), &y, &m, &d);
		r->first_day = tp_days_from_civil(y, 1, 1);
	}
	b.regions.size = sizeof(Region);
	b.indicators.size = sizeof(Indicator);
	b.rows.size = sizeof(BoardRow);
	b.cxt = AllocSetContextCreate(CurrentMemoryContext, "scoreboard",
								  ALLOCSET_DEFAULT_SIZES);
	b.scratch = AllocSetContextCreate(b.cxt, "scoreboard row",
									  ALLOCSET_SMALL_SIZES);
	fetch(&b);
	emit(&b, sink, state);
	MemoryContextDelete(b.cxt);
}

/* A scoreboard row's tuple: 200 bytes and a chunk header, rounded up. */
#define RESULT_ROW_BYTES 256
/* The largest block of a result; see board_result_size. */
#define RESULT_BLOCK_MAX ((Size) 16 * 1024 * 1024)

/*
 * A board's rows are all formed before the query reads the first, and all
 * freed together when it ends: what a generation context is for (an
 * allocation set rounds each tuple up to a power of two: a scoreboard row
 * of about 200 bytes takes 272 with its header there, 224 here).
 *
 * The blocks are sized to the result up front, up to 16 MB and to
 * work_mem (beyond it the store writes a temporary file). glibc then
 * keeps the freed memory for the next board: its mmap threshold follows
 * the largest block freed, and it gives the top of its heap back to the
 * kernel only beyond twice that (malloc(3), mallopt(3)). With blocks
 * that grow from 8 kB to an allocation set's 8 MB it gave back nearly
 * all of a 60,000-row board's 22 MB when the query ended, and the next
 * board in the session faulted every page in again: 4,050 faults a
 * board, about 70 ms of its 178 ms on the virtual machine the benchmarks
 * ran on; now none (README, "Speed"). The backend keeps that heap, at
 * most twice the largest block (32 MB), between boards.
 */
void
board_result_size(FunctionCallInfo fcinfo, int64 rows)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Size		block = ALLOCSET_DEFAULT_INITSIZE;
	Size		limit = Min(RESULT_BLOCK_MAX, (Size) work_mem * 1024);
	Tuplestorestate *empty = rsinfo->setResult;
	MemoryContext outer;

	while (block < limit && (double) block < (double) rows * RESULT_ROW_BYTES)
		block *= 2;
	block = Min(block, limit);
	/*
	 * A function called again in one query (a rescan with new arguments,
	 * LATERAL) gets here once its last result is ended: the executor ends
	 * a function's store before it calls the function again. That store's
	 * context, kept in fn_extra, goes then, or each call would keep a
	 * block until the query ends.
	 */
	if (fcinfo->flinfo->fn_extra != NULL)
		MemoryContextDelete((MemoryContext) fcinfo->flinfo->fn_extra);
	fcinfo->flinfo->fn_extra =
		GenerationContextCreate(fcinfo->flinfo->fn_mcxt, "board result", 0, block, block);
	outer = MemoryContextSwitchTo((MemoryContext) fcinfo->flinfo->fn_extra);
	rsinfo->setResult =
		tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0,
							  false, work_mem);
	MemoryContextSwitchTo(outer);
	tuplestore_end(empty);
}

PG_FUNCTION_INFO_V1(scoreboard);
Datum
scoreboard(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Columns		c;

	InitMaterializedSRF(fcinfo, 0);
	c.fcinfo = fcinfo;
	c.rsinfo = rsinfo;
	c.sized = false;
	c.lights[TR_GREEN] = cstring_to_text("green");
	c.lights[TR_YELLOW] = cstring_to_text("yellow");
	c.lights[TR_RED] = cstring_to_text("red");
	board_run(fcinfo, "scoreboard", 2, columns_sink, &c);
	return (Datum) 0;
}
