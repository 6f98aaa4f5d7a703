/*
 * bulletin.c — tracker.bulletin and tracker.bulletin_paragraph: the 通报
 * (issue 13). The board is the scoreboard's own (board_run, one reading,
 * one ranking); the words are the core's (src/core/bulletin*.c). This file
 * only maps arguments to a style and board rows to text rows.
 */
#include "tracker.h"
#include "board_run.h"
#include "bulletin.h"

#include "funcapi.h"
#include "utils/builtins.h"

/* The style from the arguments both functions share: 2 lang, 3 area,
 * 4 first, 5 rank_by, verb_object at `verb_arg` and pace_words after it. */
static void
style_of(FunctionCallInfo fcinfo, int verb_arg, tb_style *style, const char **object)
{
	memset(style, 0, sizeof *style);
	style->lang = PG_ARGISNULL(2) ? TP_LANG_ZH : tracker_lang_arg(PG_GETARG_TEXT_PP(2));
	style->area = PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (!PG_ARGISNULL(4))
	{
		char	   *first = text_to_cstring(PG_GETARG_TEXT_PP(4));

		if (strcmp(first, "第一") == 0)
			style->first_as_number = true;
		else if (strcmp(first, "第1位") == 0)
			style->first_as_place = true;
		else if (strcmp(first, "首位") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown wording \"%s\" for first place", first),
					 errhint("Use '首位' (居全市首位), '第一' (居全市第一) or '第1位' (居全市第1位).")));
	}
	style->rank_by = TB_RANK_GROWTH;
	if (!PG_ARGISNULL(5))
	{
		char	   *by = text_to_cstring(PG_GETARG_TEXT_PP(5));

		if (strcmp(by, "amount") == 0)
			style->rank_by = TB_RANK_AMOUNT;
		else if (strcmp(by, "both") == 0)
			style->rank_by = TB_RANK_BOTH;
		else if (strcmp(by, "growth") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown rank_by \"%s\"", by),
					 errhint("Use 'growth' (增速居全市第1位), 'amount' (总量居全市第1位) or 'both'.")));
	}
	*object = PG_ARGISNULL(verb_arg) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(verb_arg));
	style->verb_inside = *object != NULL;
	/* pace_words follows verb_object: 超序时进度 / 未达序时进度 */
	style->pace_in_words = !PG_ARGISNULL(verb_arg + 1) && PG_GETARG_BOOL(verb_arg + 1);
}

static char *
cstring_or_null(text *t)
{
	return t != NULL ? text_to_cstring(t) : NULL;
}

static void
subject_of(tb_subject *s, const BoardIndicator *ind, const char *region_name,
		   const char *parent_name, const char *object)
{
	memset(s, 0, sizeof *s);
	s->region_name = region_name;
	s->indicator_name = text_to_cstring(ind->name);
	s->unit = cstring_or_null(ind->unit_label);
	s->decimals = ind->decimals;
	s->kind = ind->ratio ? TB_RATIO : TB_AMOUNT;
	s->higher_is_better = ind->higher_is_better;
	s->parent_name = parent_name;
	s->object = object;
}

/* A sentence or paragraph from the core, into a palloc'd text; NULL when
 * it has nothing to say. The first try fits nearly every one. */
typedef tr_status (*writer) (const void *arg, char *buf, size_t cap, size_t *len);

static text *
written(writer w, const void *arg)
{
	char		buf[1024];
	size_t		len = 0;
	tr_status	st = w(arg, buf, sizeof buf, &len);
	char	   *big;

	if (st == TR_EBUF)
	{
		big = palloc(len + 1);
		st = w(arg, big, len + 1, &len);
		if (st == TR_OK)
			return cstring_to_text_with_len(big, len);
	}
	if (st == TR_NULL)
		return NULL;
	if (st != TR_OK)
		tracker_rate_error(st, "bulletin", "");
	return cstring_to_text_with_len(buf, len);
}

/* ---- tracker.bulletin: a sentence per region and indicator ---- */

typedef struct Sentences
{
	FunctionCallInfo fcinfo;	/* the result is its rsinfo's */
	ReturnSetInfo *rsinfo;
	bool		sized;			/* board_result_size was called */
	tb_style	style;
	const char *object;
} Sentences;

typedef struct SentenceArgs
{
	const tb_row *row;
	const tb_subject *subject;
	const BoardReport *report;
	const tb_style *style;
} SentenceArgs;

static tr_status
write_sentence(const void *arg, char *buf, size_t cap, size_t *len)
{
	const SentenceArgs *a = arg;

	return tb_sentence(a->row, a->subject, a->report->p, a->report->has_previous,
					   a->style, buf, cap, len);
}

static void
sentences_sink(void *state, const BoardReport *report, const BoardIndicator *ind,
			   const BoardEntry *entries, int64 n)
{
	Sentences  *s = state;
	tb_subject	subject;
	int64		i;

	if (!s->sized)
	{
		board_result_size(s->fcinfo, report->rows);
		s->sized = true;
	}
	if (n == 0)
		return;
	/* A peer group shares its indicator and parent: their names are
	 * converted once, only the region's name per row. */
	subject_of(&subject, ind, NULL, cstring_or_null(entries[0].parent_name), s->object);
	for (i = 0; i < n; i++)
	{
		const BoardEntry *e = &entries[i];
		SentenceArgs a;
		text	   *sentence;
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if (!e->shown)
			continue;
		subject.region_name = text_to_cstring(e->region_name);
		a.row = e->row;
		a.subject = &subject;
		a.report = report;
		a.style = &s->style;
		sentence = written(write_sentence, &a);
		if (sentence == NULL)
			continue;
		values[0] = PointerGetDatum(e->region);
		values[1] = PointerGetDatum(e->region_name);
		values[2] = PointerGetDatum(ind->code);
		values[3] = PointerGetDatum(ind->name);
		values[4] = PointerGetDatum(sentence);
		tuplestore_putvalues(s->rsinfo->setResult, s->rsinfo->setDesc, values, nulls);
	}
}

PG_FUNCTION_INFO_V1(bulletin_sentences);
Datum
bulletin_sentences(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Sentences	s;

	style_of(fcinfo, 6, &s.style, &s.object);
	InitMaterializedSRF(fcinfo, 0);
	s.fcinfo = fcinfo;
	s.rsinfo = rsinfo;
	s.sized = false;
	board_run(fcinfo, "bulletin", 8, sentences_sink, &s);
	return (Datum) 0;
}

/* ---- tracker.bulletin_paragraph: a paragraph per parent and indicator ---- */

/* A board entry kept past its group: the paragraphs need the parents'
 * rows, which other groups hold. */
typedef struct Kept
{
	tb_row		row;
	char	   *indicator;
	char	   *region;
	char	   *region_name;
	char	   *parent;			/* NULL at the top */
	char	   *parent_name;
} Kept;

typedef struct PeerGroup
{
	BoardIndicator ind;			/* texts copied */
	text	   *parent;
	text	   *parent_name;
	text	   *peer_group;
	int64		first;			/* into kept */
	int64		n;
	bool		shown;			/* every peer and the parent selected by
								 * the filters: a paragraph; else kept for
								 * the parents' rows */
} PeerGroup;

typedef struct Paragraphs
{
	MemoryContext cxt;			/* outlives the board's groups */
	BoardReport report;
	Kept	   *kept;
	int64		nkept;
	int64		capkept;
	PeerGroup	   *groups;
	int64		ngroups;
	int64		capgroups;
	tb_style	style;
	const char *object;
} Paragraphs;

static text *
copy_or_null(text *t)
{
	return t != NULL ? DatumGetTextPCopy(PointerGetDatum(t)) : NULL;
}

static void
paragraphs_sink(void *state, const BoardReport *report, const BoardIndicator *ind,
				const BoardEntry *entries, int64 n)
{
	Paragraphs *ps = state;
	MemoryContext outer = MemoryContextSwitchTo(ps->cxt);
	PeerGroup	   *g;
	int64		i;
	char	   *indicator;
	char	   *parent;
	char	   *parent_name;

	if (ps->ngroups == ps->capgroups)
	{
		ps->capgroups = Max(64, ps->capgroups * 2);
		ps->groups = ps->groups == NULL ? palloc(ps->capgroups * sizeof(PeerGroup))
			: repalloc(ps->groups, ps->capgroups * sizeof(PeerGroup));
	}
	while (ps->nkept + n > ps->capkept)
	{
		ps->capkept = Max(1024, ps->capkept * 2);
		ps->kept = ps->kept == NULL ? palloc_extended(ps->capkept * sizeof(Kept), MCXT_ALLOC_HUGE)
			: repalloc_huge(ps->kept, ps->capkept * sizeof(Kept));
	}
	ps->report.p = report->p;
	ps->report.has_previous = report->has_previous;
	g = &ps->groups[ps->ngroups++];
	g->ind.code = copy_or_null(ind->code);
	g->ind.name = copy_or_null(ind->name);
	g->ind.unit_label = copy_or_null(ind->unit_label);
	g->ind.higher_is_better = ind->higher_is_better;
	g->ind.decimals = ind->decimals;
	g->ind.ratio = ind->ratio;
	g->parent = copy_or_null(entries[0].parent);
	g->parent_name = copy_or_null(entries[0].parent_name);
	g->peer_group = copy_or_null(entries[0].peer_group);
	g->first = ps->nkept;
	g->n = n;
	g->shown = entries[0].parent_within;
	for (i = 0; i < n; i++)
		g->shown &= entries[i].shown;
	/* Peers share their indicator and parent: converted once. */
	indicator = text_to_cstring(ind->code);
	parent = cstring_or_null(entries[0].parent);
	parent_name = cstring_or_null(entries[0].parent_name);
	for (i = 0; i < n; i++)
	{
		Kept	   *k = &ps->kept[ps->nkept++];

		k->row = *entries[i].row;
		k->row.error_in = NULL;
		k->indicator = indicator;
		k->region = text_to_cstring(entries[i].region);
		k->region_name = text_to_cstring(entries[i].region_name);
		k->parent = parent;
		k->parent_name = parent_name;
	}
	MemoryContextSwitchTo(outer);
}

/* Kept entries ordered by indicator, then region: a parent's row is found
 * by binary search. */
static int
kept_cmp(const void *a, const void *b)
{
	const Kept *x = *(const Kept *const *) a;
	const Kept *y = *(const Kept *const *) b;
	int			c = strcmp(x->indicator, y->indicator);

	return c != 0 ? c : strcmp(x->region, y->region);
}

static const Kept *
find_kept(Kept **index, int64 n, const char *indicator, const char *region)
{
	Kept		key;
	Kept	   *keyp = &key;
	Kept	  **found;

	key.indicator = (char *) indicator;
	key.region = (char *) region;
	found = bsearch(&keyp, index, n, sizeof(Kept *), kept_cmp);
	return found != NULL ? *found : NULL;
}

typedef struct ParagraphArgs
{
	const tb_row *parent;
	const tb_subject *subject;
	const tb_row *const *peers;
	const char *const *names;
	int32		n;
	const BoardReport *report;
	const tb_style *style;
} ParagraphArgs;

static tr_status
write_paragraph(const void *arg, char *buf, size_t cap, size_t *len)
{
	const ParagraphArgs *a = arg;

	return tb_paragraph(a->parent, a->subject, a->peers, a->names, a->n,
						a->report->p, a->style, buf, cap, len);
}

PG_FUNCTION_INFO_V1(bulletin_paragraphs);
Datum
bulletin_paragraphs(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Paragraphs	ps;
	Kept	  **index;
	int64		i;
	char		outer_area[TB_AREA_MAX];

	memset(&ps, 0, sizeof ps);
	style_of(fcinfo, 7, &ps.style, &ps.object);
	ps.style.list_length = PG_ARGISNULL(6) ? 3 : PG_GETARG_INT32(6);
	if (ps.style.list_length < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("list_length must not be negative"),
				 errhint("0 names no 红旗 nor 蜗牛; 3 names the first and the last three.")));
	InitMaterializedSRF(fcinfo, 0);
	ps.cxt = AllocSetContextCreate(CurrentMemoryContext, "bulletin paragraphs",
								   ALLOCSET_DEFAULT_SIZES);
	board_run(fcinfo, "bulletin_paragraph", 9, paragraphs_sink, &ps);
	if (ps.nkept == 0)
	{
		MemoryContextDelete(ps.cxt);
		return (Datum) 0;
	}
	index = palloc_extended(ps.nkept * sizeof(Kept *), MCXT_ALLOC_HUGE);
	for (i = 0; i < ps.nkept; i++)
		index[i] = &ps.kept[i];
	qsort(index, ps.nkept, sizeof(Kept *), kept_cmp);
	for (i = 0; i < ps.ngroups; i++)
	{
		const PeerGroup *g = &ps.groups[i];
		const Kept *parent;
		const tb_row **peers;
		const char **names;
		tb_subject	subject;
		tb_style	style = ps.style;
		ParagraphArgs a;
		text	   *paragraph;
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		int64		j;

		/* A paragraph is for a parent region: the top has none. */
		if (g->parent == NULL || g->parent_name == NULL || !g->shown)
			continue;
		parent = find_kept(index, ps.nkept, ps.kept[g->first].indicator,
						   ps.kept[g->first].parent);
		peers = palloc(g->n * sizeof(tb_row *));
		names = palloc(g->n * sizeof(char *));
		for (j = 0; j < g->n; j++)
		{
			peers[j] = &ps.kept[g->first + j].row;
			names[j] = ps.kept[g->first + j].region_name;
		}
		/* The parent's own ranks are among its peers, under its parent. */
		if (parent != NULL && parent->parent_name != NULL)
		{
			tb_area_word(parent->parent_name, style.lang, outer_area, sizeof outer_area);
			style.outer_area = outer_area;
		}
		subject_of(&subject, &g->ind, text_to_cstring(g->parent_name),
				   text_to_cstring(g->parent_name), ps.object);
		a.parent = parent != NULL ? &parent->row : NULL;
		a.subject = &subject;
		a.peers = peers;
		a.names = names;
		a.n = (int32) g->n;
		a.report = &ps.report;
		a.style = &style;
		paragraph = written(write_paragraph, &a);
		if (paragraph == NULL)
			continue;
		values[0] = PointerGetDatum(g->parent);
		values[1] = PointerGetDatum(g->parent_name);
		values[2] = PointerGetDatum(g->ind.code);
		values[3] = PointerGetDatum(g->ind.name);
		nulls[4] = g->peer_group == NULL;
		values[4] = PointerGetDatum(g->peer_group);
		values[5] = PointerGetDatum(paragraph);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(ps.cxt);
	return (Datum) 0;
}
