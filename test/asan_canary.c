/*
 * Planted bugs for test/asan_server: proof that the sanitized server
 * reports what it should. Built with the same flags as tracker and called
 * after the suites; never installed anywhere else.
 */
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(asan_canary_heap);
PG_FUNCTION_INFO_V1(asan_canary_shift);

/* Reads one byte past a malloc'd block: ASan reports and ends the backend. */
Datum
asan_canary_heap(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	char	   *volatile p = malloc(n);
	char		c = p[n];

	free(p);
	PG_RETURN_INT32(c);
}

/* Shifts by more than the width: UBSan reports and goes on. */
Datum
asan_canary_shift(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);

	PG_RETURN_INT32(1 << n);
}
