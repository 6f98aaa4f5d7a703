/*
 * check.h — the unit-test harness: a few macros that count checks and print
 * each failure with its line. A suite's main() ends with check_report(),
 * which prints "<suite>: N passed, M failed" and returns the exit status.
 */
#ifndef TRACKER_TEST_CHECK_H
#define TRACKER_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int	check_passed;
static int	check_failed;

#define CHECK(cond) \
	do { \
		if (cond) \
			check_passed++; \
		else \
		{ \
			check_failed++; \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_INT(got, want) \
	do { \
		long long check_g_ = (long long) (got), check_w_ = (long long) (want); \
		if (check_g_ == check_w_) \
			check_passed++; \
		else \
		{ \
			check_failed++; \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, check_g_, check_w_); \
		} \
	} while (0)

#define CHECK_STR(got, want) \
	do { \
		const char *check_g_ = (got), *check_w_ = (want); \
		if (check_g_ != NULL && strcmp(check_g_, check_w_) == 0) \
			check_passed++; \
		else \
		{ \
			check_failed++; \
			fprintf(stderr, "%s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, check_g_ ? check_g_ : "(null)", check_w_); \
		} \
	} while (0)

/* Doubles equal within an absolute tolerance. */
#define CHECK_NEAR(got, want, tol) \
	do { \
		double check_g_ = (got), check_w_ = (want); \
		if (fabs(check_g_ - check_w_) <= (tol)) \
			check_passed++; \
		else \
		{ \
			check_failed++; \
			fprintf(stderr, "%s:%d: %s = %.17g, want %.17g\n", __FILE__, __LINE__, #got, check_g_, check_w_); \
		} \
	} while (0)

static inline int
check_report(const char *suite)
{
	printf("%s: %d passed, %d failed\n", suite, check_passed, check_failed);
	return check_failed == 0 ? 0 : 1;
}

#endif							/* TRACKER_TEST_CHECK_H */
