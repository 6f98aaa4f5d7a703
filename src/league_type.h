/*
 * league_type.h — what code outside league.c needs to build leagues with
 * the core in server memory (the scoreboard ranks its peer groups so).
 */
#ifndef TRACKER_LEAGUE_TYPE_H
#define TRACKER_LEAGUE_TYPE_H

#include "tracker.h"

#include "league.h"

/* A builder whose memory comes from the given context. */
extern void league_builder_init(tl_builder *b, int decimals, MemoryContext cxt);
/* Raise the error for a failed build step. */
extern void league_error(tl_status st) pg_attribute_noreturn();
/* The flat form of a builder, palloc'd, as a view; n = 0 when empty.
 * An entity given twice raises 21000 naming it. */
extern tl_view league_flatten_view(const tl_builder *b);

#endif							/* TRACKER_LEAGUE_TYPE_H */
