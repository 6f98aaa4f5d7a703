/*
 * tracker.c — the module's one PG_MODULE_MAGIC.
 */
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;
