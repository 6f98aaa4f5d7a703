/*
 * series_merge.c — s || newer: two flat series of one grain and kind
 * united by period, newer's fact where both hold one (see series.h).
 *
 * The flat form is sorted by (unit, cumulative) with at most one fact per
 * period, so the union is one pass over both arrays and every fact is
 * copied as it is: each was valid in its series, and validity is a
 * property of a fact alone once the order holds. No builder is needed,
 * and none would do: a builder adds the facts of one period up (rollup),
 * where the store's append must replace a fact it already holds.
 */
#include "series.h"

ts_status
ts_merge(const ts_view *s, const ts_view *newer, ts_fact *out, int32_t *n)
{
	int32_t		i = 0;
	int32_t		j = 0;
	int32_t		k = 0;

	if (s->grain != newer->grain)
		return TS_EGRAIN;
	if (s->kind != newer->kind)
		return TS_EKIND;
	while (i < s->n && j < newer->n)
	{
		const ts_fact *a = &s->facts[i];
		const ts_fact *b = &newer->facts[j];

		if (a->unit < b->unit || (a->unit == b->unit && a->cumulative < b->cumulative))
		{
			out[k++] = *a;
			i++;
		}
		else
		{
			/* the same period: the newer fact replaces the older one */
			if (a->unit == b->unit && a->cumulative == b->cumulative)
				i++;
			out[k++] = *b;
			j++;
		}
	}
	while (i < s->n)
		out[k++] = s->facts[i++];
	while (j < newer->n)
		out[k++] = newer->facts[j++];
	*n = k;
	return TS_OK;
}
