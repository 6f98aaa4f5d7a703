/*
 * test_rates.c — unit tests of src/core/rates.c and round.c.
 *
 * Every rule of rates.h, every status path, NaN and +/-Infinity in every
 * argument position, the published checks, and a differential test of
 * the decimal rounding against an independent digit-string oracle.
 */
#include "rates.h"
#include "check.h"

#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#define SENTINEL (-12345.678)

/* The result of the call under test; untouched unless it returns TR_OK. */
static double got;

/* expr returns TR_OK and writes `want` to got, within tol. */
#define OK_NEAR(expr, want, tol) \
	do { \
		got = SENTINEL; \
		CHECK_INT((expr), TR_OK); \
		CHECK_NEAR(got, (want), (tol)); \
	} while (0)

/* Bit-exact (no -0 either: results are normalised). */
#define OK_EXACT(expr, want) \
	do { \
		got = SENTINEL; \
		CHECK_INT((expr), TR_OK); \
		CHECK(got == (want) && !signbit(got) == !signbit((double) (want))); \
		if (got != (want)) \
			fprintf(stderr, "    got %.17g want %.17g\n", got, (double) (want)); \
	} while (0)

/* expr returns TR_OK and got, rounded half-even to `decimals`, is want. */
#define OK_ROUNDS(expr, decimals, want) \
	do { \
		double		r_; \
		got = SENTINEL; \
		CHECK_INT((expr), TR_OK); \
		CHECK_INT(tr_round_half_even(got, (decimals), &r_), TR_OK); \
		CHECK_NEAR(r_, (want), 0.0); \
	} while (0)

/* expr returns st and leaves got alone. */
#define STATUS(expr, st) \
	do { \
		got = SENTINEL; \
		CHECK_INT((expr), (st)); \
		CHECK(got == SENTINEL); \
	} while (0)

/* ---- text results ---- */

static char text[4096];
static size_t textlen;

static void
check_text(const char *file, int line, tr_status st, const char *want)
{
	if (st == TR_OK && strcmp(text, want) == 0 && textlen == strlen(want))
		check_passed++;
	else
	{
		check_failed++;
		fprintf(stderr, "%s:%d: status %d, \"%s\" (len %zu), want \"%s\"\n",
				file, line, (int) st, text, textlen, want);
	}
}

#define DESCRIBE(cur, base, lang, want) \
	check_text(__FILE__, __LINE__, \
			   tr_describe_growth((cur), (base), (lang), text, sizeof(text), \
								  &textlen), (want))
#define CHANGE(cur, base, lang, want) \
	check_text(__FILE__, __LINE__, \
			   tr_describe_change((cur), (base), (lang), text, sizeof(text), \
								  &textlen), (want))
#define BAR(value, max, width, want) \
	check_text(__FILE__, __LINE__, \
			   tr_bar((value), (max), (width), text, sizeof(text), &textlen), \
			   (want))

/* ---- adapters so one table covers NaN/Inf in every position ---- */

typedef tr_status (*adapter) (const double *a, double *out);

static tr_status
a_growth(const double *a, double *out)
{
	return tr_growth(a[0], a[1], out);
}

static tr_status
a_growth_slow(const double *a, double *out)
{
	return tr_growth_slow(a[0], a[1], out);
}

static tr_status
a_avg_growth(const double *a, double *out)
{
	return tr_avg_growth(a[0], a[1], a[2], out);
}

static tr_status
a_contribution(const double *a, double *out)
{
	return tr_contribution(a[0], a[1], a[2], out);
}

static tr_status
a_contribution_share(const double *a, double *out)
{
	return tr_contribution_share(a[0], a[1], a[2], a[3], out);
}

static tr_status
a_contribution_from_share(const double *a, double *out)
{
	return tr_contribution_from_share(a[0], a[1], a[2], out);
}

static tr_status
a_contribution_share_from_share(const double *a, double *out)
{
	return tr_contribution_share_from_share(a[0], a[1], a[2], out);
}

static tr_status
a_attainment(const double *a, double *out)
{
	return tr_attainment(a[0], a[1], out);
}

static tr_status
a_attainment_slow(const double *a, double *out)
{
	return tr_attainment_slow(a[0], a[1], out);
}

static tr_status
a_pace(const double *a, double *out)
{
	return tr_pace(a[0], a[1], a[2], out);
}

static tr_status
a_schedule_gap(const double *a, double *out)
{
	return tr_schedule_gap(a[0], a[1], a[2], out);
}

static tr_status
a_projection(const double *a, double *out)
{
	return tr_projection(a[0], a[1], out);
}

static tr_status
a_required_per_month(const double *a, double *out)
{
	return tr_required_per_month(a[0], a[1], a[2], out);
}

static tr_status
a_light(const double *a, double *out)
{
	tr_light	l;
	tr_status	st = tr_light_of(a[0], a[1], a[2], &l);

	if (st == TR_OK)
		*out = (double) l;
	return st;
}

static tr_status
a_points_by_rank(const double *a, double *out)
{
	return tr_points_by_rank(a[0], a[1], a[2], out);
}

static tr_status
a_efficacy_score(const double *a, double *out)
{
	return tr_efficacy_score(a[0], a[1], a[2], a[3], a[4], out);
}

static tr_status
a_round(const double *a, double *out)
{
	return tr_round_half_even(a[0], 1, out);
}

static tr_status
a_shortest(const double *a, double *out)
{
	char		digits[TR_SHORTEST_CAP];
	int			e;
	int			neg;
	tr_status	st = tr_shortest_decimal(a[0], digits, &e, &neg);

	if (st == TR_OK)
		*out = (double) e;
	return st;
}

/* Text functions: on failure the buffer must still be an empty string. */
static tr_status
a_describe(const double *a, double *out)
{
	char		buf[64];
	size_t		len = 999;
	tr_status	st;

	buf[0] = 'x';
	st = tr_describe_growth(a[0], a[1], 0, buf, sizeof(buf), &len);
	if (st == TR_OK)
		*out = (double) len;
	else
		CHECK(buf[0] == '\0' && len == 999);
	return st;
}

static tr_status
a_change(const double *a, double *out)
{
	char		buf[64];
	size_t		len = 999;
	tr_status	st;

	buf[0] = 'x';
	st = tr_describe_change(a[0], a[1], 1, buf, sizeof(buf), &len);
	if (st == TR_OK)
		*out = (double) len;
	else
		CHECK(buf[0] == '\0' && len == 999);
	return st;
}

static tr_status
a_bar(const double *a, double *out)
{
	char		buf[64];
	size_t		len = 999;
	tr_status	st;

	buf[0] = 'x';
	st = tr_bar(a[0], a[1], 10, buf, sizeof(buf), &len);
	if (st == TR_OK)
		*out = (double) len;
	else
		CHECK(buf[0] == '\0' && len == 999);
	return st;
}

typedef struct fn_case
{
	const char *name;
	adapter		fn;
	int			nargs;
	double		valid[5];		/* arguments for which fn returns TR_OK */
} fn_case;

static const fn_case fn_cases[] = {
	{"growth", a_growth, 2, {124.1, 100}},
	{"growth_slow", a_growth_slow, 2, {124.1, 100}},
	{"avg_growth", a_avg_growth, 3, {106.4, 100, 2}},
	{"contribution", a_contribution, 3, {24.6, 20, 100}},
	{"contribution_share", a_contribution_share, 4, {24.6, 20, 118.4, 100}},
	{"contribution_from_share", a_contribution_from_share, 3, {91.6, 5.4, 5.1}},
	{"contribution_share_from_share", a_contribution_share_from_share, 3, {91.6, 5.4, 5.1}},
	{"attainment", a_attainment, 2, {629, 647.4}},
	{"attainment_slow", a_attainment_slow, 2, {629, 647.4}},
	{"pace", a_pace, 3, {629, 647.4, 83.3}},
	{"schedule_gap", a_schedule_gap, 3, {629, 647.4, 83.3}},
	{"projection", a_projection, 2, {629, 83.3}},
	{"required_per_month", a_required_per_month, 3, {629, 647.4, 2}},
	{"light", a_light, 3, {95, 90, 80}},
	{"points_by_rank", a_points_by_rank, 3, {3, 100, 0.05}},
	{"efficacy_score", a_efficacy_score, 5, {85, 60, 100, 60, 40}},
	{"round_half_even", a_round, 1, {24.05}},
	{"shortest_decimal", a_shortest, 1, {24.05}},
	{"describe_growth", a_describe, 2, {124.1, 100}},
	{"describe_change", a_change, 2, {45.3, 45}},
	{"bar", a_bar, 2, {50, 100}},
};

static void
check_call(const fn_case *c, const double *a, tr_status want, const char *what,
		   int pos)
{
	double		out = SENTINEL;
	tr_status	st = c->fn(a, &out);

	if (st == want && (want == TR_OK ? out != SENTINEL : out == SENTINEL))
		check_passed++;
	else
	{
		check_failed++;
		fprintf(stderr, "%s: %s at argument %d: status %d, want %d (out %g)\n",
				c->name, what, pos, (int) st, (int) want, out);
	}
}

/*
 * For every function and every argument position: NaN -> TR_ENAN, +Inf and
 * -Inf -> TR_EINF, and NaN beats Inf whichever comes first.
 */
static void
test_nonfinite_everywhere(void)
{
	size_t		i;
	int			pos;
	int			other;

	for (i = 0; i < sizeof(fn_cases) / sizeof(fn_cases[0]); i++)
	{
		const fn_case *c = &fn_cases[i];
		double		a[5];

		memcpy(a, c->valid, sizeof(a));
		check_call(c, a, TR_OK, "valid arguments", -1);
		for (pos = 0; pos < c->nargs; pos++)
		{
			memcpy(a, c->valid, sizeof(a));
			a[pos] = NAN;
			check_call(c, a, TR_ENAN, "NaN", pos);
			a[pos] = INFINITY;
			check_call(c, a, TR_EINF, "+Inf", pos);
			a[pos] = -INFINITY;
			check_call(c, a, TR_EINF, "-Inf", pos);
			a[pos] = -NAN;
			check_call(c, a, TR_ENAN, "-NaN", pos);
			for (other = 0; other < c->nargs; other++)
			{
				if (other == pos)
					continue;
				memcpy(a, c->valid, sizeof(a));
				a[pos] = NAN;
				a[other] = INFINITY;
				check_call(c, a, TR_ENAN, "NaN with Inf elsewhere", pos);
				/* a non-finite argument beats TR_NULL and TR_EARG */
				a[pos] = -INFINITY;
				a[other] = 0.0;
				check_call(c, a, TR_EINF, "-Inf with 0 elsewhere", pos);
				a[other] = -1e300;
				check_call(c, a, TR_EINF, "-Inf with -1e300 elsewhere", pos);
			}
		}
	}
}

/* ---- growth ---- */

static void
test_growth(void)
{
	double		cur = 124.1;
	double		base = 100.0;

	/* the inline SQL expression, bit for bit */
	OK_EXACT(tr_growth(cur, base, &got), (cur - base) / base * 100.0);
	OK_ROUNDS(tr_growth(124.1, 100, &got), 1, 24.1);
	OK_EXACT(tr_growth(100, 100, &got), 0.0);
	OK_EXACT(tr_growth(0, 100, &got), -100.0);
	OK_EXACT(tr_growth(-50, 100, &got), -150.0);
	OK_EXACT(tr_growth(460, 100, &got), 360.0);
	OK_EXACT(tr_growth(-0.0, 100, &got), -100.0);
	OK_NEAR(tr_growth(97.9, 100, &got), -2.1, 1e-12);

	/* the bulletin uses words when the base is not positive */
	STATUS(tr_growth(5, 0, &got), TR_NULL);
	STATUS(tr_growth(5, -0.0, &got), TR_NULL);
	STATUS(tr_growth(5, -10, &got), TR_NULL);
	STATUS(tr_growth(0, 0, &got), TR_NULL);
	STATUS(tr_growth_slow(5, 0, &got), TR_NULL);
	STATUS(tr_growth(5, DBL_MIN / 4, &got), TR_EOVERFLOW);	/* subnormal base */

	/* true overflow */
	STATUS(tr_growth(1e308, 1e-300, &got), TR_EOVERFLOW);
	STATUS(tr_growth(DBL_MAX, 1, &got), TR_EOVERFLOW);
	STATUS(tr_growth_slow(DBL_MAX, 1, &got), TR_EOVERFLOW);

	/* cur - base overflows, the rate does not */
	OK_NEAR(tr_growth(-1.5e308, 1e308, &got), -250.0, 1e-12);
	/* the slow path agrees with the inline one where both apply */
	OK_EXACT(tr_growth_slow(cur, base, &got), (cur - base) / base * 100.0);
	OK_EXACT(tr_growth(1e-300, 1e-300, &got), 0.0);
	OK_EXACT(tr_growth(5e-324, 5e-324, &got), 0.0);
	OK_NEAR(tr_growth(1e-320, 5e-321, &got), 100.0, 1e-9);
}

static void
test_avg_growth(void)
{
	/* 两年平均: 6.4% in total over two years is 3.2% a year */
	OK_ROUNDS(tr_avg_growth(106.4, 100, 2, &got), 1, 3.2);
	OK_NEAR(tr_avg_growth(106.4, 100, 2, &got), (sqrt(1.064) - 1) * 100, 1e-12);
	OK_NEAR(tr_avg_growth(121, 100, 2, &got), 10.0, 1e-12);
	OK_NEAR(tr_avg_growth(133.1, 100, 3, &got), 10.0, 1e-12);
	OK_NEAR(tr_avg_growth(81, 100, 2, &got), -10.0, 1e-12);
	OK_NEAR(tr_avg_growth(121, 100, 0.5, &got), 46.41, 1e-10);
	OK_NEAR(tr_avg_growth(124.1, 100, 1, &got), 24.1, 1e-12);
	OK_EXACT(tr_avg_growth(100, 100, 3, &got), 0.0);
	OK_EXACT(tr_avg_growth(0, 100, 2, &got), -100.0);
	OK_EXACT(tr_avg_growth(-0.0, 100, 2, &got), -100.0);

	STATUS(tr_avg_growth(100, 100, 0, &got), TR_EARG);
	STATUS(tr_avg_growth(100, 100, -0.0, &got), TR_EARG);
	STATUS(tr_avg_growth(100, 100, -2, &got), TR_EARG);
	STATUS(tr_avg_growth(100, 0, 0, &got), TR_EARG);	/* EARG beats NULL */
	STATUS(tr_avg_growth(100, 0, 2, &got), TR_NULL);
	STATUS(tr_avg_growth(100, -5, 2, &got), TR_NULL);
	STATUS(tr_avg_growth(-1, 100, 2, &got), TR_NULL);
	STATUS(tr_avg_growth(0, 0, 2, &got), TR_NULL);

	/* the ratio leaves the double range, its root does not */
	OK_NEAR(tr_avg_growth(1e300, 1e-300, 100, &got), 99999900.0, 1e-3);
	OK_NEAR(tr_avg_growth(1e-300, 1e300, 100, &got), -99.9999, 1e-9);
	OK_NEAR(tr_avg_growth(5e-324, 1, 1000, &got), (pow(5e-324, 0.001) - 1) * 100, 1e-9);
	STATUS(tr_avg_growth(1e300, 1e-300, 0.5, &got), TR_EOVERFLOW);
	STATUS(tr_avg_growth(1e300, 1, 0.1, &got), TR_EOVERFLOW);
	/* 1 / years overflows: the limits */
	STATUS(tr_avg_growth(150, 100, 1e-310, &got), TR_EOVERFLOW);
	OK_EXACT(tr_avg_growth(100, 100, 1e-310, &got), 0.0);
	OK_EXACT(tr_avg_growth(50, 100, 1e-310, &got), -100.0);
	OK_EXACT(tr_avg_growth(150, 100, 1e308, &got), 0.0);
}

/* ---- contribution ---- */

static void
test_contribution(void)
{
	/*
	 * A part whose share of an 18.4% total growth is 25.1% pulls the total
	 * up 4.6 points: 25.1 * 18.4 / 100 = 4.6184.
	 */
	double		total_base = 100;
	double		total_cur = 118.4;
	double		part_base = 20;
	double		part_cur = 20 + 4.6184;

	OK_ROUNDS(tr_growth(total_cur, total_base, &got), 1, 18.4);
	OK_ROUNDS(tr_contribution(part_cur, part_base, total_base, &got), 1, 4.6);
	OK_NEAR(tr_contribution(part_cur, part_base, total_base, &got), 4.6184, 1e-12);
	OK_ROUNDS(tr_contribution_share(part_cur, part_base, total_cur, total_base, &got), 1, 25.1);
	OK_NEAR(tr_contribution_share(part_cur, part_base, total_cur, total_base, &got), 25.1, 1e-12);
	/* contribution = share * total growth / 100 */
	CHECK_NEAR(25.1 * 18.4 / 100, 4.6184, 1e-12);

	/* a part that fell pulls down */
	OK_NEAR(tr_contribution(15, 20, 100, &got), -5.0, 1e-12);
	OK_EXACT(tr_contribution(20, 20, 100, &got), 0.0);
	STATUS(tr_contribution(25, 20, 0, &got), TR_NULL);
	STATUS(tr_contribution(25, 20, -0.0, &got), TR_NULL);
	STATUS(tr_contribution(25, 20, -100, &got), TR_NULL);
	/* the part's difference overflows, the result does not */
	OK_NEAR(tr_contribution(1e308, -1e308, 1e10, &got), 2e300, 1e286);
	STATUS(tr_contribution(1e308, 0, 1e-10, &got), TR_EOVERFLOW);

	/* shares: negative and above 100 are valid */
	OK_NEAR(tr_contribution_share(25, 20, 90, 100, &got), -50.0, 1e-12);
	OK_NEAR(tr_contribution_share(15, 20, 110, 100, &got), -50.0, 1e-12);
	OK_NEAR(tr_contribution_share(50, 20, 110, 100, &got), 300.0, 1e-12);
	OK_NEAR(tr_contribution_share(10, 20, 90, 100, &got), 100.0, 1e-12);
	OK_EXACT(tr_contribution_share(20, 20, 90, 100, &got), 0.0);
	STATUS(tr_contribution_share(25, 20, 100, 100, &got), TR_NULL);
	STATUS(tr_contribution_share(25, 20, 0.0, -0.0, &got), TR_NULL);
	STATUS(tr_contribution_share(20, 20, 100, 100, &got), TR_NULL);
	/* both differences overflow */
	OK_NEAR(tr_contribution_share(1e308, -1e308, 1e308, -1e308, &got), 100.0, 1e-12);
	OK_NEAR(tr_contribution_share(1e308, -1e308, 1e308, -0.5e308, &got), 4e2 / 3, 1e-9);
	/* the smallest change of the total still counts */
	OK_NEAR(tr_contribution_share(5e-324, 0, 5e-324, 0, &got), 100.0, 0.0);
	STATUS(tr_contribution_share(1e308, 0, 1e-300, 0, &got), TR_EOVERFLOW);
}

static void
test_contribution_from_share(void)
{
	/*
	 * The published check: a city's 1-7月 industrial output, a part
	 * holding 91.6% of the total grew 5.4% while the total grew 5.1%:
	 * 91.6 * 5.4 / 105.4 * 105.1 / 100 = 4.93232 points, printed 拉动4.9
	 * 个百分点; 4.93232 / 5.1 * 100 = 96.71% of the growth.
	 */
	OK_NEAR(tr_contribution_from_share(91.6, 5.4, 5.1, &got),
			91.6 * 5.4 / 105.4 * 105.1 / 100, 1e-12);
	OK_ROUNDS(tr_contribution_from_share(91.6, 5.4, 5.1, &got), 1, 4.9);
	OK_NEAR(tr_contribution_from_share(91.6, 5.4, 5.1, &got), 4.932321, 1e-6);
	OK_NEAR(tr_contribution_share_from_share(91.6, 5.4, 5.1, &got), 96.712178, 1e-6);
	OK_ROUNDS(tr_contribution_share_from_share(91.6, 5.4, 5.1, &got), 1, 96.7);

	/* the same as contribution over the levels: 100 -> 118.4, 20 -> 24.6184 */
	{
		double		share = 24.6184 / 118.4 * 100;
		double		part_growth = (24.6184 - 20) / 20 * 100;
		double		total_growth = 18.4;

		OK_NEAR(tr_contribution_from_share(share, part_growth, total_growth, &got),
				4.6184, 1e-12);
		OK_NEAR(tr_contribution_share_from_share(share, part_growth, total_growth, &got),
				25.1, 1e-12);
	}
	/* a part that turned from 10 to -5 in a total from 100 to 85:
	 * share -5/85, growth -150%, total -15%: (-5 - 10) / 100 = -15 points,
	 * all of the fall */
	OK_NEAR(tr_contribution_from_share(-500.0 / 85, -150, -15, &got), -15.0, 1e-12);
	OK_NEAR(tr_contribution_share_from_share(-500.0 / 85, -150, -15, &got), 100.0, 1e-12);
	/* a part that did not change pulls nothing */
	OK_EXACT(tr_contribution_from_share(30, 0, 5, &got), 0.0);
	OK_EXACT(tr_contribution_share_from_share(30, 0, 5, &got), 0.0);
	OK_EXACT(tr_contribution_from_share(0, 12, 5, &got), 0.0);
	OK_EXACT(tr_contribution_from_share(-0.0, 12, 5, &got), 0.0);	/* not -0 */
	/* a part growing as the total does contributes its share of it:
	 * the share of the base equals the share now */
	OK_NEAR(tr_contribution_share_from_share(40, 7, 7, &got), 40.0, 1e-12);
	/* the whole: share 100 */
	OK_NEAR(tr_contribution_from_share(100, 5.1, 5.1, &got), 5.1, 1e-12);

	/* NULL: no base for the part; no positive total; an unchanged total */
	STATUS(tr_contribution_from_share(10, -100, 5, &got), TR_NULL);
	STATUS(tr_contribution_share_from_share(10, -100, 5, &got), TR_NULL);
	STATUS(tr_contribution_from_share(10, 5, -100, &got), TR_NULL);
	STATUS(tr_contribution_from_share(10, 5, -150, &got), TR_NULL);
	STATUS(tr_contribution_share_from_share(10, 5, -100, &got), TR_NULL);
	OK_NEAR(tr_contribution_from_share(10, 5, 0, &got), 10.0 * 5 / 105, 1e-15);
	STATUS(tr_contribution_share_from_share(10, 5, 0, &got), TR_NULL);
	STATUS(tr_contribution_share_from_share(10, 5, -0.0, &got), TR_NULL);

	/* intermediate overflow regrouped; a true overflow reported */
	OK_NEAR(tr_contribution_from_share(1e300, 1e300, 0, &got), 1e300, 1e286);
	OK_NEAR(tr_contribution_from_share(1e300, 1e300, 50, &got), 1.5e300, 1e286);
	OK_NEAR(tr_contribution_share_from_share(1e300, 1e300, 50, &got), 3e300, 1e286);
	/* the points overflow, their share of a 1000% growth does not */
	STATUS(tr_contribution_from_share(1e308, 1e300, 1000, &got), TR_EOVERFLOW);
	OK_NEAR(tr_contribution_share_from_share(1e308, 1e300, 1000, &got), 1.1e308, 1e294);
	STATUS(tr_contribution_from_share(1e308, 1e308, 1e308, &got), TR_EOVERFLOW);
	STATUS(tr_contribution_share_from_share(1e308, 1, 1e-300, &got), TR_EOVERFLOW);
	/* a part near -100%: a tiny base, a large pull */
	OK_NEAR(tr_contribution_from_share(1, -99.99, 0, &got), -9999.0, 1e-6);
}

/* ---- targets ---- */

static void
test_attainment(void)
{
	double		actual = 629.0;
	double		target = 647.4;

	OK_EXACT(tr_attainment(actual, target, &got), actual / target * 100.0);
	OK_ROUNDS(tr_attainment(629.0, 647.4, &got), 2, 97.16);
	OK_EXACT(tr_attainment(85, 100, &got), 85.0);
	OK_EXACT(tr_attainment(0, 100, &got), 0.0);
	OK_EXACT(tr_attainment(-0.0, 100, &got), 0.0);	/* not -0 */
	OK_EXACT(tr_attainment(-10, 100, &got), -10.0);
	/* a loss limit of 100: a loss of 80 is 120%, break-even 200% */
	OK_NEAR(tr_attainment(-80, -100, &got), 120.0, 1e-12);
	OK_NEAR(tr_attainment(-100, -100, &got), 100.0, 1e-12);
	OK_NEAR(tr_attainment(-120, -100, &got), 80.0, 1e-12);
	OK_EXACT(tr_attainment(0, -100, &got), 200.0);
	OK_NEAR(tr_attainment(50, -100, &got), 250.0, 1e-12);
	STATUS(tr_attainment(5, 0, &got), TR_NULL);
	STATUS(tr_attainment(0, 0, &got), TR_NULL);
	STATUS(tr_attainment(5, -0.0, &got), TR_NULL);
	STATUS(tr_attainment_slow(5, 0, &got), TR_NULL);
	STATUS(tr_attainment(1e308, 1e-10, &got), TR_EOVERFLOW);
	STATUS(tr_attainment(1e308, -1e-10, &got), TR_EOVERFLOW);
	STATUS(tr_attainment_slow(1e308, 1e-10, &got), TR_EOVERFLOW);
	/* an infinite target would give a finite 0 or 200 */
	STATUS(tr_attainment(5, INFINITY, &got), TR_EINF);
	STATUS(tr_attainment(5, -INFINITY, &got), TR_EINF);
	OK_EXACT(tr_attainment_slow(actual, target, &got), actual / target * 100.0);
	OK_EXACT(tr_attainment_slow(-80, -100, &got), (2.0 - 0.8) * 100.0);
}

static void
test_pace(void)
{
	double		progress = 10.0 / 12.0 * 100.0;	/* 1-10月 of a year */

	/* 1-10月: 629.0 of 647.4 done, 97.16% against 83.33%: 13.8 points ahead */
	OK_ROUNDS(tr_pace(629.0, 647.4, progress, &got), 1, 13.8);
	OK_NEAR(tr_pace(629.0, 647.4, progress, &got),
			629.0 / 647.4 * 100.0 - progress, 1e-12);
	OK_NEAR(tr_pace(40, 100, 50, &got), -10.0, 1e-12);
	OK_NEAR(tr_pace(40, 100, 0, &got), 40.0, 1e-12);
	OK_NEAR(tr_pace(100, 100, 100, &got), 0.0, 0.0);
	/*
	 * A loss limit: pace is schedule_gap in points of |target|. -50
	 * against -120 at half time: the allowance is -60, 10 better is 8.3
	 * points ahead; -60 is on it; -70 is 8.3 behind; -130 has broken the
	 * year's limit and is 58.3 behind. Attainment minus progress would
	 * give 108.3, 100, 91.7 and 41.7: all far ahead.
	 */
	OK_NEAR(tr_pace(-50, -120, 50, &got), 50.0 - 125.0 / 3.0, 1e-12);
	OK_ROUNDS(tr_pace(-50, -120, 50, &got), 1, 8.3);
	OK_EXACT(tr_pace(-60, -120, 50, &got), 0.0);
	OK_NEAR(tr_pace(-70, -120, 50, &got), 50.0 - 175.0 / 3.0, 1e-12);
	OK_NEAR(tr_pace(-130, -120, 50, &got), 50.0 - 325.0 / 3.0, 1e-12);
	OK_NEAR(tr_pace(-80, -100, 50, &got), -30.0, 1e-12);
	OK_NEAR(tr_pace(10, -120, 50, &got), 50.0 + 25.0 / 3.0, 1e-12);	/* a profit */
	OK_EXACT(tr_pace(-0.0, -120, 0, &got), 0.0);
	OK_EXACT(tr_pace(-120, -120, 100, &got), 0.0);
	STATUS(tr_pace(1e308, -1e-10, 50, &got), TR_EOVERFLOW);
	/* for either sign, pace = schedule_gap / |target| * 100 */
	{
		static const double cases[][3] = {
			{629.0, 647.4, 10.0 / 12.0 * 100.0}, {-50, -120, 50}, {-131.7, -120, 37.5},
			{12.5, -80, 90}, {-3, 40, 20}, {0, -7, 100}, {55, 60, 0}
		};
		size_t		i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		{
			double		gap = SENTINEL;
			double		pace = SENTINEL;

			CHECK_INT(tr_schedule_gap(cases[i][0], cases[i][1], cases[i][2], &gap), TR_OK);
			CHECK_INT(tr_pace(cases[i][0], cases[i][1], cases[i][2], &pace), TR_OK);
			CHECK_NEAR(pace, gap / fabs(cases[i][1]) * 100.0, 1e-12);
		}
	}
	STATUS(tr_pace(40, 0, 50, &got), TR_NULL);
	STATUS(tr_pace(40, 100, -0.1, &got), TR_EARG);
	STATUS(tr_pace(40, 100, 100.1, &got), TR_EARG);
	STATUS(tr_pace(40, 0, 101, &got), TR_EARG);	/* EARG beats NULL */
	STATUS(tr_pace(1e308, 1e-10, 50, &got), TR_EOVERFLOW);
	OK_EXACT(tr_pace(0, 100, -0.0, &got), 0.0);
}

static void
test_schedule_gap(void)
{
	double		progress = 10.0 / 12.0 * 100.0;

	OK_NEAR(tr_schedule_gap(629.0, 647.4, progress, &got), 629.0 - 539.5, 1e-9);
	/* 超收 and 短收 */
	OK_NEAR(tr_schedule_gap(1000, 1200, 75, &got), 100.0, 1e-12);
	OK_NEAR(tr_schedule_gap(800, 1200, 75, &got), -100.0, 1e-12);
	OK_EXACT(tr_schedule_gap(900, 1200, 75, &got), 0.0);
	OK_EXACT(tr_schedule_gap(900, 1200, 0, &got), 900.0);
	OK_EXACT(tr_schedule_gap(900, 0, 50, &got), 900.0);
	OK_NEAR(tr_schedule_gap(-30, -100, 50, &got), 20.0, 1e-12);
	STATUS(tr_schedule_gap(900, 1200, -1, &got), TR_EARG);
	STATUS(tr_schedule_gap(900, 1200, 100.5, &got), TR_EARG);
	/* target * progress overflows, the gap does not */
	OK_NEAR(tr_schedule_gap(0, 1e308, 50, &got), -5e307, 1e293);
	STATUS(tr_schedule_gap(-1e308, 1.5e308, 100, &got), TR_EOVERFLOW);
}

static void
test_projection(void)
{
	OK_NEAR(tr_projection(629.0, 10.0 / 12.0 * 100.0, &got), 754.8, 1e-9);
	OK_EXACT(tr_projection(100, 100, &got), 100.0);
	OK_EXACT(tr_projection(50, 50, &got), 100.0);
	OK_EXACT(tr_projection(-50, 25, &got), -200.0);
	/* a loss of 50 by half time runs to 100, within a limit of 120:
	 * projection - target = schedule_gap * 100 / progress (10 * 2) */
	OK_EXACT(tr_projection(-50, 50, &got), -100.0);
	OK_EXACT(tr_projection(-130, 50, &got), -260.0);
	OK_EXACT(tr_projection(0, 25, &got), 0.0);
	STATUS(tr_projection(50, 0, &got), TR_NULL);
	STATUS(tr_projection(50, -0.0, &got), TR_NULL);
	STATUS(tr_projection(50, -5, &got), TR_NULL);
	STATUS(tr_projection(50, 100.5, &got), TR_EARG);
	/* actual * 100 overflows, the projection does not */
	OK_NEAR(tr_projection(1e307, 50, &got), 2e307, 1e293);
	STATUS(tr_projection(1e308, 1e-10, &got), TR_EOVERFLOW);
	STATUS(tr_projection(1e308, 5e-324, &got), TR_EOVERFLOW);
}

static void
test_required_per_month(void)
{
	OK_NEAR(tr_required_per_month(629.0, 647.4, 2, &got), 9.2, 1e-12);
	OK_NEAR(tr_required_per_month(629.0, 647.4, 0.5, &got), 36.8, 1e-12);
	OK_EXACT(tr_required_per_month(700, 647.4, 2, &got), 0.0);
	OK_EXACT(tr_required_per_month(647.4, 647.4, 2, &got), 0.0);
	OK_NEAR(tr_required_per_month(-10, 20, 3, &got), 10.0, 1e-12);
	/* a target of 0 is met like any other */
	OK_EXACT(tr_required_per_month(10, 0, 6, &got), 0.0);
	OK_NEAR(tr_required_per_month(-10, 0, 5, &got), 2.0, 1e-12);
	/*
	 * A loss limit of -120 with 6 months left: the allowance, never
	 * clamped. On schedule (-60) it is the limit's monthly share, -10;
	 * -130 must earn 10 / 6 a month to get back within the limit.
	 */
	OK_NEAR(tr_required_per_month(-50, -120, 6, &got), -70.0 / 6.0, 1e-12);
	OK_NEAR(tr_required_per_month(-60, -120, 6, &got), -10.0, 1e-12);
	OK_NEAR(tr_required_per_month(-130, -120, 6, &got), 10.0 / 6.0, 1e-12);
	OK_EXACT(tr_required_per_month(-120, -120, 6, &got), 0.0);
	OK_NEAR(tr_required_per_month(10, -120, 6, &got), -130.0 / 6.0, 1e-12);
	STATUS(tr_required_per_month(-50, -120, 0, &got), TR_NULL);
	/* target / months - schedule_gap / remaining, for either sign */
	{
		double		gap = SENTINEL;

		CHECK_INT(tr_schedule_gap(-50, -120, 50, &gap), TR_OK);
		OK_NEAR(tr_required_per_month(-50, -120, 6, &got), -120.0 / 12 - gap / 6, 1e-12);
		CHECK_INT(tr_schedule_gap(400, 1200, 50, &gap), TR_OK);
		OK_NEAR(tr_required_per_month(400, 1200, 6, &got), 1200.0 / 12 - gap / 6, 1e-12);
	}
	STATUS(tr_required_per_month(629, 647.4, 0, &got), TR_NULL);
	STATUS(tr_required_per_month(629, 647.4, -1, &got), TR_NULL);
	STATUS(tr_required_per_month(700, 647.4, 0, &got), TR_NULL);
	OK_NEAR(tr_required_per_month(-1e308, 1e308, 4, &got), 5e307, 1e293);
	STATUS(tr_required_per_month(0, 1e308, 1e-10, &got), TR_EOVERFLOW);
}

/* ---- scoring ---- */

static void
test_light_label(void)
{
	const char *out = "untouched";

	CHECK_INT(tr_light_label(TR_GREEN, 0, TR_WORDS_LIGHTS, &out), TR_OK);
	CHECK_STR(out, "绿灯");
	CHECK_INT(tr_light_label(TR_YELLOW, 0, TR_WORDS_LIGHTS, &out), TR_OK);
	CHECK_STR(out, "黄灯");
	CHECK_INT(tr_light_label(TR_RED, 0, TR_WORDS_LIGHTS, &out), TR_OK);
	CHECK_STR(out, "红灯");
	CHECK_INT(tr_light_label(TR_RED, 1, TR_WORDS_LIGHTS, &out), TR_OK);
	CHECK_STR(out, "red light");
	CHECK_INT(tr_light_label(TR_GREEN, 0, TR_WORDS_FLAGS, &out), TR_OK);
	CHECK_STR(out, "红旗");
	CHECK_INT(tr_light_label(TR_RED, 0, TR_WORDS_FLAGS, &out), TR_OK);
	CHECK_STR(out, "蜗牛");
	CHECK_INT(tr_light_label(TR_GREEN, 1, TR_WORDS_FLAGS, &out), TR_OK);
	CHECK_STR(out, "red flag");
	out = "untouched";
	CHECK_INT(tr_light_label(TR_YELLOW, 0, TR_WORDS_FLAGS, &out), TR_NULL);
	CHECK_STR(out, "untouched");
	CHECK_INT(tr_light_label(TR_GREEN, 2, TR_WORDS_LIGHTS, &out), TR_EARG);
	CHECK_INT(tr_light_label(TR_GREEN, 0, 2, &out), TR_EARG);
	CHECK_INT(tr_light_label((tr_light) 3, 0, TR_WORDS_LIGHTS, &out), TR_EARG);
	CHECK_STR(out, "untouched");
}

static void
test_light(void)
{
	tr_light	l = TR_YELLOW;

	CHECK_INT(tr_light_of(95, 90, 80, &l), TR_OK);
	CHECK_INT(l, TR_GREEN);
	CHECK_INT(tr_light_of(90, 90, 80, &l), TR_OK);	/* inclusive */
	CHECK_INT(l, TR_GREEN);
	CHECK_INT(tr_light_of(89.99, 90, 80, &l), TR_OK);
	CHECK_INT(l, TR_YELLOW);
	CHECK_INT(tr_light_of(80, 90, 80, &l), TR_OK);	/* not below */
	CHECK_INT(l, TR_YELLOW);
	CHECK_INT(tr_light_of(79.99, 90, 80, &l), TR_OK);
	CHECK_INT(l, TR_RED);
	CHECK_INT(tr_light_of(-5, 0, -3, &l), TR_OK);
	CHECK_INT(l, TR_RED);
	/* no yellow band */
	CHECK_INT(tr_light_of(90, 90, 90, &l), TR_OK);
	CHECK_INT(l, TR_GREEN);
	CHECK_INT(tr_light_of(89, 90, 90, &l), TR_OK);
	CHECK_INT(l, TR_RED);
	l = TR_YELLOW;
	CHECK_INT(tr_light_of(95, 80, 90, &l), TR_EARG);
	CHECK_INT(l, TR_YELLOW);
	CHECK_INT(tr_light_of(NAN, 80, 90, &l), TR_ENAN);
	CHECK_INT(l, TR_YELLOW);
}

static void
test_points_by_rank(void)
{
	/* 100%, 95%, 90% ... */
	OK_EXACT(tr_points_by_rank(1, 100, 0.05, &got), 100.0);
	OK_NEAR(tr_points_by_rank(2, 100, 0.05, &got), 95.0, 1e-12);
	OK_NEAR(tr_points_by_rank(3, 100, 0.05, &got), 90.0, 1e-12);
	OK_NEAR(tr_points_by_rank(2.5, 100, 0.05, &got), 92.5, 1e-12);
	OK_NEAR(tr_points_by_rank(21, 100, 0.05, &got), 0.0, 1e-12);
	OK_EXACT(tr_points_by_rank(25, 100, 0.05, &got), 0.0);
	OK_EXACT(tr_points_by_rank(25, 10, 0, &got), 10.0);
	OK_EXACT(tr_points_by_rank(3, 0, 0.05, &got), 0.0);
	OK_EXACT(tr_points_by_rank(1e308, 10, 1e308, &got), 0.0);
	OK_EXACT(tr_points_by_rank(25, -0.0, 0.05, &got), 0.0);
	OK_NEAR(tr_points_by_rank(3, -10, 0.05, &got), -9.0, 1e-12);
	OK_EXACT(tr_points_by_rank(30, -10, 0.05, &got), 0.0);
	STATUS(tr_points_by_rank(0.5, 100, 0.05, &got), TR_EARG);
	STATUS(tr_points_by_rank(0, 100, 0.05, &got), TR_EARG);
	STATUS(tr_points_by_rank(1, 100, -0.05, &got), TR_EARG);
}

static void
test_efficacy_score(void)
{
	OK_EXACT(tr_efficacy_score(85, 60, 100, 60, 40, &got), 85.0);
	OK_EXACT(tr_efficacy_score(60, 60, 100, 60, 40, &got), 60.0);
	OK_EXACT(tr_efficacy_score(100, 60, 100, 60, 40, &got), 100.0);
	/* not clamped */
	OK_EXACT(tr_efficacy_score(110, 60, 100, 60, 40, &got), 110.0);
	OK_EXACT(tr_efficacy_score(50, 60, 100, 60, 40, &got), 50.0);
	/* lower is better: satisfactory below unacceptable */
	OK_EXACT(tr_efficacy_score(2, 10, 0, 60, 40, &got), 92.0);
	/* the published formula's operation order */
	{
		double		x = 83.3;
		double		bad = 61.7;
		double		good = 97.1;

		OK_EXACT(tr_efficacy_score(x, bad, good, 60, 40, &got),
				 60 + 40 * (x - bad) / (good - bad));
	}
	STATUS(tr_efficacy_score(85, 60, 60, 60, 40, &got), TR_EARG);
	/* differences overflow, the score does not */
	OK_NEAR(tr_efficacy_score(1e308, -1e308, 0, 0, 1, &got), 2.0, 1e-12);
	/* span * (x - u) overflows, the score does not */
	OK_NEAR(tr_efficacy_score(1e300, 0, 1e300, 0, 1e10, &got), 1e10, 1e-3);
	STATUS(tr_efficacy_score(1e308, 0, 1e-300, 0, 1, &got), TR_EOVERFLOW);
	STATUS(tr_efficacy_score(1e308, 0, 1, 1e308, 1e308, &got), TR_EOVERFLOW);
}

/* ---- decimal rounding ---- */

static void
check_shortest(int line, double x, const char *want_digits, int want_exp,
			   int want_neg)
{
	char		digits[TR_SHORTEST_CAP];
	int			e = -9999;
	int			neg = -1;
	tr_status	st = tr_shortest_decimal(x, digits, &e, &neg);

	if (st == TR_OK && strcmp(digits, want_digits) == 0 && e == want_exp &&
		neg == want_neg)
		check_passed++;
	else
	{
		check_failed++;
		fprintf(stderr, "%s:%d: shortest(%.17g) = %s e%d neg %d, want %s e%d neg %d\n",
				__FILE__, line, x, st == TR_OK ? digits : "?", e, neg,
				want_digits, want_exp, want_neg);
	}
}

static void
test_shortest_decimal(void)
{
	check_shortest(__LINE__, 0.1, "1", -1, 0);
	check_shortest(__LINE__, 24.05, "2405", 1, 0);
	check_shortest(__LINE__, -24.05, "2405", 1, 1);
	check_shortest(__LINE__, 100, "1", 2, 0);
	check_shortest(__LINE__, 1234.5, "12345", 3, 0);
	check_shortest(__LINE__, 1.0 / 3.0, "3333333333333333", -1, 0);
	check_shortest(__LINE__, 0.1 + 0.2, "30000000000000004", -1, 0);
	/* subnormals keep fewer than 15 digits */
	check_shortest(__LINE__, 5e-324, "5", -324, 0);
	check_shortest(__LINE__, 1e-310, "1", -310, 0);
	check_shortest(__LINE__, 6.099e-320, "6099", -320, 0);
	check_shortest(__LINE__, DBL_MIN - 5e-324, "2225073858507201", -308, 0);
	check_shortest(__LINE__, DBL_MAX, "17976931348623157", 308, 0);
	check_shortest(__LINE__, DBL_MIN, "22250738585072014", -308, 0);
	check_shortest(__LINE__, 0.0, "0", 0, 0);
	check_shortest(__LINE__, -0.0, "0", 0, 1);
	check_shortest(__LINE__, 1e23, "1", 23, 0);
	/*
	 * Powers of two where the nearest 16-digit decimal lies just outside
	 * the narrow lower half of the interval; Ryu (and Python's repr) print
	 * the 16-digit one above, not 17 digits.
	 */
	check_shortest(__LINE__, ldexp(1.0, -44), "5684341886080802", -14, 0);
	check_shortest(__LINE__, ldexp(1.0, -24), "5960464477539063", -8, 0);
	check_shortest(__LINE__, ldexp(1.0, 89), "6189700196426902", 26, 0);
	check_shortest(__LINE__, ldexp(1.0, -1017), "7120236347223045", -307, 0);
	check_shortest(__LINE__, -ldexp(1.0, 976), "6386688990511104", 293, 1);
	check_shortest(__LINE__, ldexp(1.0, 10), "1024", 3, 0);
}

/* round_half_even(x, decimals) is exactly want */
#define ROUNDS(x, decimals, want) \
	OK_EXACT(tr_round_half_even((x), (decimals), &got), (want))

static void
test_round_half_even(void)
{
	/* ties go to even on the printed decimal, not on the binary value */
	ROUNDS(24.05, 1, 24.0);
	ROUNDS(24.15, 1, 24.2);
	ROUNDS(24.25, 1, 24.2);
	ROUNDS(24.35, 1, 24.4);
	ROUNDS(24.45, 1, 24.4);
	ROUNDS(24.55, 1, 24.6);
	ROUNDS(-24.05, 1, -24.0);
	ROUNDS(-24.15, 1, -24.2);
	ROUNDS(1.005, 2, 1.0);
	ROUNDS(1.015, 2, 1.02);		/* the double is 1.01499999999999990... */
	ROUNDS(1.025, 2, 1.02);
	ROUNDS(2.675, 2, 2.68);		/* the double is 2.67499999999999982... */
	ROUNDS(2.5, 0, 2.0);
	ROUNDS(3.5, 0, 4.0);
	ROUNDS(0.5, 0, 0.0);
	ROUNDS(1.5, 0, 2.0);
	ROUNDS(-2.5, 0, -2.0);
	ROUNDS(-3.5, 0, -4.0);
	ROUNDS(0.05, 1, 0.0);
	ROUNDS(0.15, 1, 0.2);
	/* not ties */
	ROUNDS(24.051, 1, 24.1);
	ROUNDS(24.0499, 1, 24.0);
	ROUNDS(24.14, 1, 24.1);
	ROUNDS(24.06, 1, 24.1);
	ROUNDS(24.1, 1, 24.1);
	ROUNDS(24.1, 15, 24.1);
	ROUNDS(24.05, 15, 24.05);
	ROUNDS(0.1 + 0.2, 15, 0.3);
	ROUNDS(97.15786221810319, 2, 97.16);
	/* carries */
	ROUNDS(9.95, 1, 10.0);
	ROUNDS(99.95, 1, 100.0);
	ROUNDS(-99.95, 1, -100.0);
	ROUNDS(0.95, 0, 1.0);
	ROUNDS(9.5, 0, 10.0);
	ROUNDS(999.5, -3, 1000.0);
	/* negative decimals: tens, hundreds */
	ROUNDS(1234.5, -1, 1230.0);
	ROUNDS(1235, -1, 1240.0);
	ROUNDS(1225, -1, 1220.0);
	ROUNDS(123.45, 1, 123.4);
	ROUNDS(123.45, -1, 120.0);
	ROUNDS(123.45, -2, 100.0);
	ROUNDS(150, -2, 200.0);
	ROUNDS(250, -2, 200.0);
	ROUNDS(50, -2, 0.0);
	ROUNDS(51, -2, 100.0);
	ROUNDS(49, -2, 0.0);
	ROUNDS(5e14, -15, 0.0);
	ROUNDS(1.5e15, -15, 2e15);
	ROUNDS(4e15, -15, 4e15);
	/* small values */
	ROUNDS(0.000123456, 5, 0.00012);
	ROUNDS(0.000125, 5, 0.00012);
	ROUNDS(0.000135, 5, 0.00014);
	ROUNDS(0.000125000001, 5, 0.00013);
	ROUNDS(0.0000049, 5, 0.0);
	ROUNDS(0.000005, 5, 0.0);
	ROUNDS(0.0000051, 5, 0.00001);
	ROUNDS(0.000015, 5, 0.00002);
	ROUNDS(5e-16, 15, 0.0);
	ROUNDS(1.5e-15, 15, 2e-15);
	ROUNDS(5e-324, 15, 0.0);
	ROUNDS(-5e-324, 0, 0.0);
	/* zero and signs: never -0 */
	ROUNDS(0.0, 1, 0.0);
	ROUNDS(-0.0, 1, 0.0);
	ROUNDS(-0.04, 1, 0.0);
	ROUNDS(-0.05, 1, 0.0);
	ROUNDS(-0.4, 0, 0.0);
	ROUNDS(-0.5, 0, 0.0);
	ROUNDS(-0.6, 0, -1.0);
	ROUNDS(-40, -2, 0.0);
	/* large values: nothing to round */
	ROUNDS(1e20, 0, 1e20);
	ROUNDS(1e20, 15, 1e20);
	ROUNDS(DBL_MAX, -15, DBL_MAX);
	ROUNDS(-DBL_MAX, 15, -DBL_MAX);
	ROUNDS(4503599627370495.5, 0, 4503599627370496.0);
	ROUNDS(4503599627370494.5, 0, 4503599627370494.0);
	ROUNDS(4503599627370497.0, 0, 4503599627370497.0);
	ROUNDS(9007199254740992.0, -1, 9007199254740990.0);
	ROUNDS(123456789012.345, 2, 123456789012.34);
	ROUNDS(123456789012.355, 2, 123456789012.36);
	/* 2^89 prints 6.189700196426902e+26: nothing beyond 10^11 to round */
	ROUNDS(ldexp(1.0, 89), -11, ldexp(1.0, 89));
	ROUNDS(ldexp(1.0, 89), -12, 6.1897001964269e26);

	/*
	 * Within 2^-50 * (100 + |x|) of a tie rounds as the tie; farther
	 * away, to the side the value lies on (distances worked out exactly
	 * from the doubles; the tolerance is 8.913e-14 near 0.35).
	 */
	OK_ROUNDS(tr_growth(100.35, 100, &got), 1, 0.4);	/* 0.3499999999999943 */
	OK_ROUNDS(tr_growth(100.35, 100, &got), 2, 0.35);
	OK_ROUNDS(tr_growth(100.45, 100, &got), 1, 0.4);	/* 0.45000000000000284 */
	OK_ROUNDS(tr_growth(100.4, 100, &got), 1, 0.4);
	ROUNDS(0.3499999999999943, 1, 0.4);	/* 5.7e-15 below */
	ROUNDS(0.34999999999992, 1, 0.4);	/* 8.0e-14 below */
	ROUNDS(0.3499999999999, 1, 0.3);	/* 1.0e-13 below: stays */
	ROUNDS(0.25000000000008, 1, 0.2);	/* 8.0e-14 above a tie to even */
	ROUNDS(0.2500000000001, 1, 0.3);	/* 1.0e-13 above: up */
	ROUNDS(-0.3499999999999943, 1, -0.4);
	ROUNDS(-0.3499999999999, 1, -0.3);
	ROUNDS(1000.0500000000009, 1, 1000.0);	/* 8.6e-13 of 9.8e-13 */
	ROUNDS(1000.0499999999985, 1, 1000.0);	/* 1.5e-12 below: down anyway */
	ROUNDS(1000.1500000000009, 1, 1000.2);
	ROUNDS(1000.1499999999985, 1, 1000.1);	/* 1.5e-12 below: stays */
	/* tens: 1245 is a tie; the tolerance there is 1.19e-12 */
	ROUNDS(1244.999999999999, -1, 1240.0);	/* 9.1e-13 below */
	ROUNDS(1244.9999999999984, -1, 1240.0);
	ROUNDS(1235.000000000002, -1, 1240.0);	/* 2.0e-12 above: up */
	ROUNDS(1234.9999999999984, -1, 1230.0);	/* 1.6e-12 below: stays */
	ROUNDS(1234.999999999999, -1, 1240.0);	/* 9.1e-13 below: the tie */
	/* outside the band ((100 + |x|) * 10^d > 2^40) the printed decimal
	 * decides, as before: 12 decimals of 0.35 keep the 5.7e-15 */
	ROUNDS(0.3499999999999943, 12, 0.35);
	ROUNDS(0.3499999999999943, 14, 0.34999999999999);
	ROUNDS(0.3499999999999943, 10, 0.35);

	/* idempotent */
	{
		double		once;
		double		twice;

		CHECK_INT(tr_round_half_even(24.25, 1, &once), TR_OK);
		CHECK_INT(tr_round_half_even(once, 1, &twice), TR_OK);
		CHECK(once == 24.2 && twice == once);
	}

	ROUNDS(24.05, TR_ROUND_MAX_DECIMALS, 24.05);
	ROUNDS(24.05, TR_ROUND_MIN_DECIMALS, 0.0);
	STATUS(tr_round_half_even(24.05, 16, &got), TR_EARG);
	STATUS(tr_round_half_even(24.05, -16, &got), TR_EARG);
	STATUS(tr_round_half_even(24.05, 1000000, &got), TR_EARG);
	STATUS(tr_round_half_even(0.0, -16, &got), TR_EARG);
	STATUS(tr_round_half_even(NAN, 99, &got), TR_ENAN);	/* ENAN beats EARG */
	STATUS(tr_round_half_even(INFINITY, 99, &got), TR_EINF);
	STATUS(tr_round_half_even(-INFINITY, 1, &got), TR_EINF);
}

/*
 * An independent oracle, outside the tie band: round the shortest digits
 * as a decimal string (the textbook way, carrying by hand) and read the
 * result with strtod.
 */
static double
oracle_round_printed(double x, int decimals)
{
	char		digits[TR_SHORTEST_CAP];
	char		num[64];
	char		out[96];
	int			e;
	int			neg;
	int			nd;
	int			point;
	int			cut;
	int			i;
	int			tail_nonzero = 0;

	(void) tr_shortest_decimal(x, digits, &e, &neg);
	nd = (int) strlen(digits);
	/* num: digits as a fixed-point number with 40 places on either side */
	memset(num, '0', sizeof(num) - 1);
	num[sizeof(num) - 1] = '\0';
	point = 40;					/* num[point - 1] is the units digit */
	for (i = 0; i < nd; i++)
	{
		int			at = point - 1 - e + i;

		if (at >= 0 && at < (int) sizeof(num) - 1)
			num[at] = digits[i];
		else if (digits[i] != '0' && at >= (int) sizeof(num) - 1)
			tail_nonzero = 1;
	}
	cut = point + decimals;		/* first digit dropped */
	for (i = cut + 1; i < (int) sizeof(num) - 1; i++)
		if (num[i] != '0')
			tail_nonzero = 1;
	if (num[cut] > '5' || (num[cut] == '5' &&
						   (tail_nonzero || (num[cut - 1] - '0') % 2 == 1)))
	{
		for (i = cut - 1; num[i] == '9'; i--)
			num[i] = '0';
		num[i]++;
	}
	for (i = cut; i < (int) sizeof(num) - 1; i++)
		num[i] = '0';
	snprintf(out, sizeof(out), "%s%.*s.%s", neg ? "-" : "", point, num,
			 num + point);
	return strtod(out, NULL) + 0.0;
}

/*
 * Inside the tie band ((100 + |x|) * 10^decimals <= 2^40): the exact
 * binary value of x, written out in decimal by printf (glibc prints every
 * digit exactly), is compared digit by digit with the tie at the rounding
 * place; the distance, an exact decimal string read with strtod, is
 * compared with the tolerance 2^-50 * (100 + |x|). Within it x rounds as
 * the tie (to even), else to the side it lies on.
 */
#define EX_INT 320
#define EX_FRAC 1100

static double
oracle_round(double x, int decimals)
{
	static char ex[EX_INT + EX_FRAC + 1];
	static char buf[EX_INT + EX_FRAC + 8];
	static char dist[EX_FRAC + 32];
	static char out[EX_INT + EX_FRAC + 8];
	double		tol = 0x1p-50 * (100.0 + fabs(x));
	const char *point;
	size_t		nint;
	int			last;			/* index of the last digit kept */
	int			i;
	int			cmp = 0;		/* sign of x's tail minus the tie's */
	int			up;
	int			n;
	double		d;

	if ((100.0 + fabs(x)) * pow(10.0, decimals) > 0x1p40)
		return oracle_round_printed(x, decimals);

	/* ex: EX_INT integer digits, right-aligned, then EX_FRAC fraction digits */
	memset(ex, '0', EX_INT + EX_FRAC);
	ex[EX_INT + EX_FRAC] = '\0';
	snprintf(buf, sizeof(buf), "%.1100f", fabs(x));
	point = strchr(buf, '.');
	nint = (size_t) (point - buf);
	memcpy(ex + EX_INT - nint, buf, nint);
	memcpy(ex + EX_INT, point + 1, EX_FRAC);
	last = EX_INT - 1 + decimals;

	/* the tail from last + 1 on against "5000...": which side of the tie */
	if (ex[last + 1] != '5')
		cmp = ex[last + 1] > '5' ? 1 : -1;
	else
		for (i = last + 2; i < EX_INT + EX_FRAC; i++)
			if (ex[i] != '0')
			{
				cmp = 1;
				break;
			}

	/* |tail - 5000...| as the digits of 0.ddd... * 10^-decimals */
	n = 0;
	dist[n++] = '0';
	dist[n++] = '.';
	if (cmp >= 0)
	{
		dist[n++] = (char) (ex[last + 1] - 5);
		for (i = last + 2; i < EX_INT + EX_FRAC; i++)
			dist[n++] = ex[i];
	}
	else
	{
		int			borrow = 0;

		for (i = EX_INT + EX_FRAC - 1; i > last; i--)
		{
			int			v = (i == last + 1 ? 5 : 0) - (ex[i] - '0') - borrow;

			borrow = v < 0;
			dist[n + (i - last - 1)] = (char) ('0' + (v < 0 ? v + 10 : v));
		}
		n += EX_INT + EX_FRAC - last - 1;
	}
	snprintf(dist + n, sizeof(dist) - n, "e%d", -decimals);
	d = strtod(dist, NULL);

	if (d <= tol)
		up = (ex[last] - '0') % 2 == 1;
	else
		up = cmp > 0;
	for (i = last + 1; i < EX_INT + EX_FRAC; i++)
		ex[i] = '0';
	if (up)
	{
		for (i = last; ex[i] == '9'; i--)
			ex[i] = '0';
		ex[i]++;
	}
	snprintf(out, sizeof(out), "%s%.*s.%s", signbit(x) ? "-" : "", EX_INT, ex,
			 ex + EX_INT);
	return strtod(out, NULL) + 0.0;
}

/* xorshift64*: reproducible without rand()'s platform differences */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static void
test_round_differential(void)
{
	int			i;
	int			bad = 0;

	for (i = 0; i < 200000; i++)
	{
		uint64_t	r = rng();
		int			decimals = (int) (r % 13) - 4;	/* -4 .. 8 */
		double		x;
		double		want;
		double		have = SENTINEL;
		char		text_x[64];

		switch ((r >> 8) % 5)
		{
			case 0:
				/* a decimal tie at the rounding place */
				snprintf(text_x, sizeof(text_x), "%llu5e%d",
						 (unsigned long long) ((r >> 16) % 100000000),
						 -decimals - 1);
				x = strtod(text_x, NULL);
				break;
			case 1:
				/* a value near a tie */
				snprintf(text_x, sizeof(text_x), "%llu5e%d",
						 (unsigned long long) ((r >> 16) % 100000000),
						 -decimals - 1);
				x = nextafter(strtod(text_x, NULL), (r >> 40) & 1 ? 1e300 : -1e300);
				break;
			case 4:
				/* 0 to 2 tolerances from a tie: both sides of the edge */
				snprintf(text_x, sizeof(text_x), "%llu5e%d",
						 (unsigned long long) ((r >> 16) % 100000000),
						 -decimals - 1);
				x = strtod(text_x, NULL);
				x += ((r >> 40) & 1 ? 1 : -1) * 0x1p-50 * (100.0 + x) *
					(double) ((r >> 41) % 33) / 16.0;
				break;
			case 2:
				/* a bulletin-sized value with a few decimals */
				x = (double) ((r >> 16) % 2000000000) / 1000.0 - 1e6;
				break;
			default:
				/* anything in 1e-10 .. 1e12 */
				x = ldexp((double) (r >> 11), -53) * pow(10.0, (double) ((r >> 3) % 22) - 10);
				break;
		}
		if ((r >> 63) & 1)
			x = -x;
		want = oracle_round(x, decimals);
		if (tr_round_half_even(x, decimals, &have) != TR_OK ||
			memcmp(&have, &want, sizeof(double)) != 0)
		{
			if (bad++ < 10)
				fprintf(stderr, "round_half_even(%.17g, %d) = %.17g, oracle %.17g\n",
						x, decimals, have, want);
		}
	}
	CHECK_INT(bad, 0);
}

/* ---- describe_growth ---- */

static void
test_describe_growth(void)
{
	char		small[8];
	size_t		len;
	tr_status	st;

	/* rates, always one decimal */
	DESCRIBE(124.1, 100, 0, "增长24.1%");
	DESCRIBE(124.1, 100, 1, "up 24.1%");
	DESCRIBE(97.9, 100, 0, "下降2.1%");
	DESCRIBE(97.9, 100, 1, "down 2.1%");
	DESCRIBE(105, 100, 0, "增长5.0%");
	DESCRIBE(105, 100, 1, "up 5.0%");
	DESCRIBE(124.05, 100, 0, "增长24.0%");		/* half even */
	DESCRIBE(124.15, 100, 0, "增长24.2%");
	DESCRIBE(100.06, 100, 0, "增长0.1%");
	DESCRIBE(99.94, 100, 0, "下降0.1%");
	DESCRIBE(0, 100, 0, "下降100.0%");
	DESCRIBE(0, 100, 1, "down 100.0%");
	DESCRIBE(199.94, 100, 0, "增长99.9%");
	/* unchanged after rounding */
	DESCRIBE(100, 100, 0, "持平");
	DESCRIBE(100, 100, 1, "flat");
	DESCRIBE(100.04, 100, 0, "持平");
	DESCRIBE(99.96, 100, 0, "持平");
	DESCRIBE(100.05, 100, 0, "持平");	/* 0.05 -> 0.0 */
	/* multiples from 100% */
	DESCRIBE(460, 100, 0, "增长3.6倍");
	DESCRIBE(460, 100, 1, "up 3.6 times");
	DESCRIBE(200, 100, 0, "增长1.0倍");
	DESCRIBE(200, 100, 1, "up 1.0 times");
	DESCRIBE(199.96, 100, 0, "增长1.0倍");	/* 99.96% shows as 100.0% */
	DESCRIBE(1100, 100, 0, "增长10.0倍");
	DESCRIBE(445.04, 100, 0, "增长3.5倍");	/* rounded once: 3.4504 */
	DESCRIBE(445.0, 100, 0, "增长3.4倍");	/* 3.45 is a tie */
	/* losses */
	DESCRIBE(-5, 100, 0, "由盈转亏");
	DESCRIBE(-5, 100, 1, "from profit to loss");
	DESCRIBE(5, -10, 0, "扭亏为盈");
	DESCRIBE(5, -10, 1, "from loss to profit");
	DESCRIBE(-10, -10, 0, "持平");
	DESCRIBE(-10, -10, 1, "flat");
	DESCRIBE(-5, -10, 0, "减亏");
	DESCRIBE(-5, -10, 1, "loss narrowed");
	DESCRIBE(0, -10, 0, "减亏");
	DESCRIBE(-0.0, -10, 0, "减亏");
	DESCRIBE(-15, -10, 0, "增亏");
	DESCRIBE(-15, -10, 1, "loss widened");
	/* from zero */
	DESCRIBE(5, 0, 0, "新增");
	DESCRIBE(5, 0, 1, "new");
	DESCRIBE(5, -0.0, 0, "新增");
	DESCRIBE(0, 0, 0, "持平");
	DESCRIBE(-0.0, 0, 1, "flat");
	DESCRIBE(-5, 0, 0, "由盈转亏");
	DESCRIBE(-5, 0, 1, "from profit to loss");

	/* UTF-8 bytes, not some other encoding */
	DESCRIBE(124.1, 100, 0, "\xe5\xa2\x9e\xe9\x95\xbf" "24.1%");

	/* the longest text fits TR_DESCRIBE_MAX */
	CHECK_INT(tr_describe_growth(DBL_MAX, 100, 0, text, sizeof(text), &textlen), TR_OK);
	CHECK(textlen + 1 <= TR_DESCRIBE_MAX && textlen > 300);
	CHECK_INT(tr_describe_growth(DBL_MAX, 100, 1, text, sizeof(text), &textlen), TR_OK);
	CHECK(textlen + 1 <= TR_DESCRIBE_MAX && textlen > 300);
	CHECK_INT(tr_describe_growth(1e300, 1, 0, text, TR_DESCRIBE_MAX, &textlen), TR_OK);
	CHECK_INT(tr_describe_growth(DBL_MAX, 1, 0, text, sizeof(text), &textlen), TR_EOVERFLOW);
	CHECK_STR(text, "");

	/* status paths */
	strcpy(text, "x");
	CHECK_INT(tr_describe_growth(124.1, 100, 2, text, sizeof(text), &textlen), TR_EARG);
	CHECK_STR(text, "");
	CHECK_INT(tr_describe_growth(124.1, 100, -1, text, sizeof(text), &textlen), TR_EARG);
	CHECK_INT(tr_describe_growth(NAN, 100, 2, text, sizeof(text), &textlen), TR_ENAN);
	CHECK_INT(tr_describe_growth(124.1, INFINITY, 0, text, sizeof(text), &textlen), TR_EINF);

	/* buffers: the NUL needs room; *len says what is needed */
	len = 0;
	st = tr_describe_growth(124.1, 100, 0, small, sizeof(small), &len);
	CHECK_INT(st, TR_EBUF);
	CHECK_INT(len, strlen("增长24.1%"));
	CHECK_STR(small, "");
	len = 0;
	st = tr_describe_growth(124.1, 100, 0, text, strlen("增长24.1%"), &len);
	CHECK_INT(st, TR_EBUF);
	CHECK_STR(text, "");
	st = tr_describe_growth(124.1, 100, 0, text, strlen("增长24.1%") + 1, &len);
	CHECK_INT(st, TR_OK);
	CHECK_STR(text, "增长24.1%");
	CHECK_INT(len, strlen("增长24.1%"));
	small[0] = 'x';
	len = 0;
	st = tr_describe_growth(100, 100, 1, small, 0, &len);
	CHECK_INT(st, TR_EBUF);
	CHECK_INT(len, 4);
	CHECK(small[0] == 'x');		/* cap 0: nothing written */
	st = tr_describe_growth(100, 100, 1, small, 5, &len);
	CHECK_INT(st, TR_OK);
	CHECK_STR(small, "flat");
	/* len is optional */
	CHECK_INT(tr_describe_growth(5, -10, 1, small, sizeof(small), NULL), TR_EBUF);
	CHECK_INT(tr_describe_growth(5, 0, 1, small, sizeof(small), NULL), TR_OK);
	CHECK_STR(small, "new");
}

/* ---- describe_change ---- */

static void
test_describe_change(void)
{
	char		small[8];
	size_t		len;

	/* 开工率 45.0% -> 45.3%: the double difference is 0.29999999999999716 */
	CHANGE(45.3, 45.0, 0, "提高0.3个百分点");
	CHANGE(45.3, 45.0, 1, "up 0.3 points");
	CHANGE(44.7, 45.0, 0, "下降0.3个百分点");
	CHANGE(44.7, 45.0, 1, "down 0.3 points");
	CHANGE(5.2, 5.2, 0, "持平");
	CHANGE(5.2, 5.2, 1, "flat");
	CHANGE(5.24, 5.2, 0, "持平");		/* 0.04 */
	CHANGE(5.16, 5.2, 1, "flat");		/* -0.04: no "-0.0" */
	/* always one decimal */
	CHANGE(6, 5, 0, "提高1.0个百分点");
	CHANGE(6, 5, 1, "up 1.0 points");
	CHANGE(0, 100, 0, "下降100.0个百分点");
	CHANGE(-1.8, -2.1, 1, "up 0.3 points");	/* a loss rate narrowed */
	/*
	 * Ties as printed: 5.25 - 5.2 is 0.05 in decimals (0.0499999999999998
	 * as doubles), to even 0.0; 5.35 - 5.2 is 0.15 (0.1499999999999995),
	 * to 0.2; 5.5 - 5.15 is 0.35 (0.3499999999999996), to 0.4; 96.3 -
	 * 96.65 is -0.35 (-0.3500000000000085), to -0.4.
	 */
	CHANGE(5.25, 5.2, 0, "持平");
	CHANGE(5.35, 5.2, 0, "提高0.2个百分点");
	CHANGE(5.5, 5.15, 0, "提高0.4个百分点");
	CHANGE(96.3, 96.65, 0, "下降0.4个百分点");
	CHANGE(100.35, 100, 1, "up 0.4 points");
	/* farther than the tolerance from a tie: to the side it lies on */
	CHANGE(5.3499999999999, 5.0, 0, "提高0.3个百分点");

	/* the longest text fits TR_DESCRIBE_MAX; a difference beyond the range */
	CHECK_INT(tr_describe_change(DBL_MAX, 0, 0, text, sizeof(text), &textlen), TR_OK);
	CHECK(textlen + 1 <= TR_DESCRIBE_MAX && textlen > 300);
	CHECK_INT(tr_describe_change(-DBL_MAX, 0, 1, text, sizeof(text), &textlen), TR_OK);
	CHECK(textlen + 1 <= TR_DESCRIBE_MAX && textlen > 300);
	CHECK_INT(tr_describe_change(DBL_MAX, 0, 0, text, TR_DESCRIBE_MAX, &textlen), TR_OK);
	CHECK_INT(tr_describe_change(DBL_MAX, -DBL_MAX, 0, text, sizeof(text), &textlen), TR_EOVERFLOW);
	CHECK_STR(text, "");

	/* status paths */
	strcpy(text, "x");
	CHECK_INT(tr_describe_change(1, 2, 2, text, sizeof(text), &textlen), TR_EARG);
	CHECK_STR(text, "");
	CHECK_INT(tr_describe_change(NAN, 2, 2, text, sizeof(text), &textlen), TR_ENAN);
	CHECK_INT(tr_describe_change(1, -INFINITY, 0, text, sizeof(text), &textlen), TR_EINF);

	/* buffers */
	len = 0;
	CHECK_INT(tr_describe_change(45.3, 45, 1, small, sizeof(small), &len), TR_EBUF);
	CHECK_INT(len, strlen("up 0.3 points"));
	CHECK_STR(small, "");
	CHECK_INT(tr_describe_change(45, 45, 1, small, sizeof(small), &len), TR_OK);
	CHECK_STR(small, "flat");
	CHECK_INT(len, 4);
	CHECK_INT(tr_describe_change(45, 45, 1, small, 4, NULL), TR_EBUF);
}

/* ---- bar ---- */

static void
test_bar(void)
{
	static const char *const eighths[9] = {
		"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"
	};
	char		buf[TR_BAR_CAP(TR_BAR_MAX_WIDTH)];
	char		small[7];
	size_t		len;
	int			k;

	BAR(50, 100, 10, "█████");
	BAR(100, 100, 10, "██████████");
	BAR(150, 100, 10, "██████████");	/* clamped */
	BAR(0, 100, 10, "");
	BAR(-0.0, 100, 10, "");
	BAR(-5, 100, 10, "");
	BAR(1, 100, 10, "▏");		/* 0.8 eighths rounds to 1 */
	BAR(0.5, 100, 10, "");		/* 0.4 eighths */
	BAR(55, 100, 10, "█████▌");	/* 44 eighths */
	BAR(99, 100, 10, "█████████▉");	/* 79.2 eighths */
	BAR(99.5, 100, 10, "██████████");	/* 79.6 -> 80 */
	for (k = 0; k <= 8; k++)
		BAR((double) k, 8, 1, eighths[k]);
	/* half an eighth rounds up */
	BAR(0.5, 8, 1, "▏");
	BAR(0.49, 8, 1, "");
	BAR(1.5, 8, 1, "▎");
	BAR(2.5, 8, 1, "▍");
	/* no overflow in value / max */
	BAR(1e308, 1e-300, 3, "███");
	BAR(5e-324, 1e308, 3, "");
	BAR(DBL_MAX, DBL_MAX, 2, "██");
	BAR(1, 3, 1, "▍");			/* 2.67 eighths */

	/* the widest bar and the buffer that always suffices */
	CHECK_INT(tr_bar(1, 1, TR_BAR_MAX_WIDTH, buf, sizeof(buf), &len), TR_OK);
	CHECK_INT(len, 3 * TR_BAR_MAX_WIDTH);
	CHECK_INT(strlen(buf), 3 * TR_BAR_MAX_WIDTH);
	CHECK_INT(tr_bar(0.99999, 1, TR_BAR_MAX_WIDTH, buf, TR_BAR_CAP(TR_BAR_MAX_WIDTH), &len), TR_OK);
	CHECK_INT(len, 3 * TR_BAR_MAX_WIDTH);

	/* status paths, precedence: non-finite, then width, then max */
	strcpy(buf, "x");
	CHECK_INT(tr_bar(5, 10, 0, buf, sizeof(buf), &len), TR_EARG);
	CHECK_STR(buf, "");
	CHECK_INT(tr_bar(5, 10, -1, buf, sizeof(buf), &len), TR_EARG);
	CHECK_INT(tr_bar(5, 10, TR_BAR_MAX_WIDTH + 1, buf, sizeof(buf), &len), TR_EARG);
	CHECK_INT(tr_bar(5, 0, 0, buf, sizeof(buf), &len), TR_EARG);
	CHECK_INT(tr_bar(5, 0, 10, buf, sizeof(buf), &len), TR_NULL);
	CHECK_INT(tr_bar(5, -0.0, 10, buf, sizeof(buf), &len), TR_NULL);
	CHECK_INT(tr_bar(5, -10, 10, buf, sizeof(buf), &len), TR_NULL);
	CHECK_INT(tr_bar(NAN, 10, 0, buf, sizeof(buf), &len), TR_ENAN);
	CHECK_INT(tr_bar(INFINITY, 0, 10, buf, sizeof(buf), &len), TR_EINF);

	/* buffers */
	len = 0;
	strcpy(small, "x");
	CHECK_INT(tr_bar(11, 16, 2, small, 6, &len), TR_EBUF);	/* 2 cells = 6 bytes */
	CHECK_INT(len, 6);
	CHECK_STR(small, "");
	CHECK_INT(tr_bar(11, 16, 2, small, 7, &len), TR_OK);
	CHECK_STR(small, "█▍");
	CHECK_INT(len, 6);
	CHECK_INT(tr_bar(3, 8, 2, small, 4, &len), TR_OK);
	CHECK_STR(small, "▊");
	small[0] = 'x';
	CHECK_INT(tr_bar(3, 8, 2, small, 0, &len), TR_EBUF);
	CHECK(small[0] == 'x');
	CHECK_INT(tr_bar(0, 8, 2, small, 1, NULL), TR_OK);	/* the empty bar */
	CHECK_STR(small, "");
	CHECK_INT(tr_bar(1, 8, 2, small, 1, NULL), TR_EBUF);
}

int
main(void)
{
	test_nonfinite_everywhere();
	test_growth();
	test_avg_growth();
	test_contribution();
	test_contribution_from_share();
	test_attainment();
	test_pace();
	test_schedule_gap();
	test_projection();
	test_required_per_month();
	test_light();
	test_light_label();
	test_points_by_rank();
	test_efficacy_score();
	test_shortest_decimal();
	test_round_half_even();
	test_round_differential();
	test_describe_growth();
	test_describe_change();
	test_bar();
	return check_report("rates");
}
