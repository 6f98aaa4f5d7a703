#!/usr/bin/env python3
"""round_check.py — an independent decimal oracle for tracker's printed figures.

Generates cases of growth, attainment, pace (against a reporting month and
against a date), contribution, contribution_from_share,
contribution_share_from_share, describe_growth and describe_change, with
inputs of at most 4 decimals (2 for the printed shares and rates the
*_from_share functions take), and writes for each the inputs *as written*
and what a bulletin prints: the exact decimal result rounded half-even
(GB/T 8170) to 1 and to 2 decimals, or the exact wording. Binary floating
point only draws random numbers here: the inputs are decimals, every result
is computed with the `decimal` module, and test/oracle/run compares them
with tracker's round_half_even(f(...), d) and text functions inside a
server. Pace is computed as the schedule gap in points of |target|: for a
target above 0 attainment - time progress, for a loss limit time progress
- 100 actual / target (README, Rates and targets).

Exactness. Every result is written as one quotient num / den, where num
and den are sums and products of the inputs, exact in an 80-digit
context. The division is the only step that can lose a digit. Where it
does, the quotient does not terminate, so it cannot be a tie, and with
num and den scaled to integers n / D it lies at least 1 / (2 D 10^d) from
any tie at d decimals, far more than the 10^-78 relative error of 80
digits (D is below 10^20 here). The script asserts that gap for every
inexact case rather than assume it.

The mix. A third of the cases are random; a third are constructed to be
exact ties at 1 or 2 decimals (growth(100.35, 100) is 0.35); a third are
those ties nudged by one unit of an input's last place (100.3499 over 100;
a printed share by 0.01), results that lie just below or above a tie, by
10^-5 to 10^-9, and must round away from it. Targets are negative (loss
limits) in about 30% of the attainment and pace cases. The summary line
counts the exact ties.

Output: tab-separated lines for COPY (\\N for NULL):
    fn, a, b, c, m, want1, want2, tie1, tie2
where m is the reporting month (1..12 of 2022) or the day of the year
(1..365 of 2022) for pace, and want2 is \\N for the text functions, which
print one decimal only.
"""
import argparse
import random
import sys
from decimal import Decimal, Context, Inexact, ROUND_FLOOR, ROUND_HALF_EVEN

CTX = Context(prec=80, traps=[])
HUNDRED = Decimal(100)
Q = {1: Decimal("0.1"), 2: Decimal("0.01")}


class Exact:
    """A result as one quotient num / den of exact decimals.

    num and den are products and sums of the inputs, exact at 80 digits;
    the one division is the only place a digit can be lost, and the flag
    says whether it was.
    """

    def __init__(self, num, den):
        CTX.clear_flags()
        self.value = CTX.divide(num, den)
        self.inexact = bool(CTX.flags[Inexact])
        self.num = num
        self.den = den

    def int_den(self):
        """The denominator once num and den are scaled to integers."""
        places = max(places_of(self.num), places_of(self.den))
        return abs(self.den.scaleb(places, CTX))


def is_tie(v, d):
    """v lies exactly halfway between two multiples of 10^-d."""
    scaled = v.scaleb(d, CTX)
    frac = abs(scaled - scaled.to_integral_value(rounding=ROUND_FLOOR))
    return frac == Decimal("0.5")


def rounded(ex, d):
    """ex.value rounded half-even to d decimals, as a bulletin prints it."""
    v = ex.value
    if ex.inexact:
        # A quotient n / D of integers that does not terminate is no tie:
        # v 10^d lies at least 1 / (2 D) from a half-integer, far more than
        # the 10^-78 relative error of 80 digits can blur. Check it.
        scaled = v.scaleb(d, CTX)
        frac = scaled - scaled.to_integral_value(rounding=ROUND_FLOOR)
        gap = abs(frac - Decimal("0.5"))
        assert gap >= CTX.divide(Decimal(1), 4 * ex.int_den()), (v, d)
    return v.quantize(Q[d], rounding=ROUND_HALF_EVEN, context=CTX)


def exact(num, den):
    return Exact(CTX.plus(num), CTX.plus(den))


def dec(x, places):
    """x (an int count of 10^-places) as a Decimal string as written."""
    return Decimal(x).scaleb(-places)


def rand_decimal(rng, lo_exp, hi_exp, max_places=4, positive=True):
    """A decimal with 0..max_places places, log-uniform in 10^lo..10^hi."""
    places = rng.randint(0, max_places)
    mag = 10 ** rng.uniform(lo_exp, hi_exp)
    units = max(1, int(round(mag * 10 ** places)))
    v = dec(units, places)
    if not positive and rng.random() < 0.5:
        v = -v
    return v


def places_of(v):
    """Decimal places v needs (trailing zeros do not count)."""
    e = v.as_tuple().exponent
    if e >= -4:
        return max(0, -e)
    return max(0, -v.normalize(CTX).as_tuple().exponent)


def tie_target(rng, d):
    """A random exact tie at d decimals, as a Decimal: k/10^d + 5/10^(d+1)."""
    k = rng.randint(-2000, 9999) if rng.random() < 0.3 else rng.randint(0, 2999)
    return (Decimal(k) + Decimal("0.5")).scaleb(-d)


def nudge(rng, v):
    unit = Decimal(1).scaleb(-4)
    return v + unit if rng.random() < 0.5 else v - unit


# ---- the functions, exactly --------------------------------------------
# Each is one quotient of exact products and sums of the inputs (with
# CTX, 80 digits, every product and sum here is exact).

def f_growth(a, b, c, m):
    """(cur - base) / base * 100; NULL when base <= 0."""
    if b <= 0:
        return None
    return exact(CTX.multiply(CTX.subtract(a, b), HUNDRED), b)


def f_attainment(a, t, c, m):
    """actual / target * 100; a loss limit (target < 0): (2 - a/t) * 100."""
    if t == 0:
        return None
    num = a if t > 0 else CTX.subtract(CTX.multiply(2, t), a)
    return exact(CTX.multiply(num, HUNDRED), t)


def pace_exact(a, t, m, den):
    """Pace in points with time progress p = 100 m / den percent.

    target > 0: attainment - progress = 100 a / t - 100 m / den
              = 100 (den a - m t) / (den t).
    target < 0 (a loss limit): the allowance to date is t p / 100, and pace
    is how far the actual is better than it, in points of |t|:
    (a - t p / 100) / |t| * 100 = p - 100 a / t = 100 (m t - den a) / (den t).
    """
    if t == 0:
        return None
    diff = CTX.subtract(CTX.multiply(den, a), CTX.multiply(m, t))
    if t < 0:
        diff = CTX.minus(diff)
    return exact(CTX.multiply(HUNDRED, diff), CTX.multiply(den, t))


def f_pace_month(a, b, c, m):
    return pace_exact(a, b, m, 12)


def f_pace_day(a, b, c, m):
    return pace_exact(a, b, m, 365)


def f_contribution(a, b, c, m):
    """(part_cur - part_base) / total_base * 100; NULL when total_base <= 0."""
    if c <= 0:
        return None
    return exact(CTX.multiply(CTX.subtract(a, b), HUNDRED), c)


def from_share_parts(s, gp, gt):
    """拉动 = s * g_p / (100 + g_p) * (100 + g_T) / 100, as (num, den)."""
    return (CTX.multiply(CTX.multiply(s, gp), CTX.add(HUNDRED, gt)),
            CTX.multiply(CTX.add(HUNDRED, gp), HUNDRED))


def f_from_share(s, gp, gt, m):
    if gp == -100 or gt <= -100:
        return None
    return exact(*from_share_parts(s, gp, gt))


def f_share_from_share(s, gp, gt, m):
    """贡献率 = the points over g_T, times 100."""
    if gp == -100 or gt <= -100 or gt == 0:
        return None
    num, den = from_share_parts(s, gp, gt)
    return exact(CTX.multiply(num, HUNDRED), CTX.multiply(den, gt))


# ---- wording -----------------------------------------------------------

def describe_growth_zh(a, b):
    """The wording for base > 0 and cur >= 0 (the only rounded branch)."""
    g = f_growth(a, b, None, None)
    shown = rounded(g, 1)
    if shown == 0:
        return "持平", g
    if shown >= 100:
        mult = rounded(exact(CTX.subtract(a, b), b), 1)
        return "增长%s倍" % mult, g
    return ("增长%s%%" % shown if shown > 0 else "下降%s%%" % -shown), g


def describe_change_zh(a, b):
    """Change of a ratio in points: 提高/下降 X个百分点, 持平 at 0.0."""
    ch = exact(CTX.subtract(a, b), Decimal(1))
    shown = rounded(ch, 1)
    if shown == 0:
        return "持平", ch
    return ("提高%s个百分点" % shown if shown > 0
            else "下降%s个百分点" % -shown), ch


# ---- generators --------------------------------------------------------

def gen_growth(rng, mode):
    if mode == "random":
        b = rand_decimal(rng, -2, 5)
        a = (b * Decimal(rng.uniform(0, 4))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
        return a, b
    d = rng.choice((1, 2))
    g = tie_target(rng, d)
    # b * g / 100 has at most 4 places when b is a multiple of 10^(d-1)
    b = Decimal(rng.randint(1, 10 ** rng.randint(1, 5)) * 10 ** (d - 1))
    a = b + b * g / HUNDRED
    if mode == "near":
        a = nudge(rng, a)
    return a, b


def gen_attainment(rng, mode):
    sign = -1 if rng.random() < 0.3 else 1
    if mode == "random":
        t = rand_decimal(rng, -1, 5) * sign
        a = (t * Decimal(rng.uniform(-0.5, 2.5))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
        return a, t
    d = rng.choice((1, 2))
    att = tie_target(rng, d)
    t = Decimal(rng.randint(1, 10 ** rng.randint(1, 5)) * 10 ** (d - 1)) * sign
    q = att / HUNDRED if sign > 0 else 2 - att / HUNDRED
    a = t * q
    if mode == "near":
        a = nudge(rng, a)
    return a, t


def gen_pace(rng, mode, den):
    sign = -1 if rng.random() < 0.3 else 1
    m = rng.randint(1, den)
    if mode == "random":
        t = rand_decimal(rng, -1, 5) * sign
        a = (t * Decimal(rng.uniform(-0.5, 2))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
        return a, t, m
    d = rng.choice((1, 2))
    p = tie_target(rng, d)
    # a = t (p + 100 m / den) / 100 for t > 0, t (100 m / den - p) / 100
    # for t < 0: with t a multiple of den * 10^(d-1), both terms are exact
    # with at most 4 places
    units = rng.randint(1, 10 ** rng.randint(0, 3)) * 10 ** (d - 1)
    t = Decimal(units * den) * sign
    due = Decimal(units * m) * sign          # t * m / den, exactly
    a = due + t * p / HUNDRED if sign > 0 else due - t * p / HUNDRED
    if mode == "near":
        a = nudge(rng, a)
    return a, t, m


def gen_contribution(rng, mode):
    if mode == "random":
        tb = rand_decimal(rng, 0, 5)
        pb = (tb * Decimal(rng.uniform(0, 1))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
        pc = (pb * Decimal(rng.uniform(0, 3))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
        return pc, pb, tb
    d = rng.choice((1, 2))
    ctr = tie_target(rng, d)
    tb = Decimal(rng.randint(1, 10 ** rng.randint(1, 5)) * 10 ** (d - 1))
    pb = (tb * Decimal(rng.uniform(0, 1))).quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
    pc = pb + tb * ctr / HUNDRED
    if mode == "near":
        pc = nudge(rng, pc)
    return pc, pb, tb


def gen_printed(rng, lo, hi, places=None):
    places = rng.randint(0, 2) if places is None else places
    return Decimal(rng.randint(int(lo * 10 ** places), int(hi * 10 ** places))).scaleb(-places)


# Growths whose 100 + g has no prime factor but 2 and 5, so that a share
# with at most 2 decimals can make an exact tie.
TERMINATING_GROWTHS = [Decimal(g) for g in
                       ("25", "-20", "60", "150", "-50", "100", "300", "400",
                        "-75", "-80", "-60", "28", "-36", "56.25", "-37.5")]


def gen_from_share_for(rng, mode, of_growth):
    """s, g_p, g_T; in "tie" mode the result (points, or 贡献率 when
    of_growth) is an exact tie, solved for s with at most 2 decimals; in
    "near" mode that s is nudged by 0.01."""
    if mode == "random":
        return gen_printed(rng, -20, 120), gen_printed(rng, -90, 300), gen_printed(rng, -90, 300)
    while True:
        gp = rng.choice(TERMINATING_GROWTHS)
        gt = rng.choice(TERMINATING_GROWTHS)
        want = tie_target(rng, rng.choice((1, 2)))
        # points = s gp (100 + gt) / (100 (100 + gp)); 贡献率 = points 100 / gt
        num = want * 100 * (100 + gp) * (gt / 100 if of_growth else 1)
        share = CTX.divide(num, gp * (100 + gt))
        if places_of(share) <= 2 and abs(share) <= 1000:
            break
    if mode == "near":
        share += Decimal("0.01") if rng.random() < 0.5 else Decimal("-0.01")
    return share, gp, gt


def gen_from_share(rng, mode):
    return gen_from_share_for(rng, mode, False)


def gen_share_from_share(rng, mode):
    return gen_from_share_for(rng, mode, True)


def gen_change(rng, mode):
    b = Decimal(rng.randint(-500000, 1500000)).scaleb(-4)
    if mode == "random":
        a = Decimal(rng.randint(-500000, 1500000)).scaleb(-4)
        return a, b
    a = b + Decimal(rng.randint(-300, 300)) / 10 + Decimal("0.05")
    if mode == "near":
        a = nudge(rng, a)
    return a, b


# ---- output ------------------------------------------------------------

def fmt(v):
    if v is None:
        return "\\N"
    if isinstance(v, (str, int)):
        return str(v)
    return format(v, "f")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=100000,
                    help="cases per numeric function (default 100000)")
    ap.add_argument("--seed", type=int, default=20220731)
    ap.add_argument("--only", default="",
                    help="comma-separated function names to generate")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    modes = ("random", "tie", "near")
    ties = {}

    def emit(fn, a, b, c, m, w1, w2, t1, t2):
        out.write("\t".join((fn, fmt(a), fmt(b), fmt(c), fmt(m), fmt(w1), fmt(w2),
                             "t" if t1 else "f", "t" if t2 else "f")) + "\n")
        ties[fn] = ties.get(fn, 0) + int(t1) + int(t2)

    def numeric(fn, f, gen, n):
        for i in range(n):
            args_ = gen(rng, modes[i % 3])
            a, b = args_[0], args_[1]
            c = args_[2] if len(args_) > 2 and fn.startswith("contribution") else None
            m = args_[2] if fn.startswith("pace") else None
            for v in (a, b) + ((c,) if c is not None else ()):
                assert places_of(v) <= 4, (fn, v)
            ex = f(a, b, c, m)
            if ex is None:
                emit(fn, a, b, c, m, None, None, False, False)
            else:
                emit(fn, a, b, c, m, rounded(ex, 1), rounded(ex, 2),
                     not ex.inexact and is_tie(ex.value, 1),
                     not ex.inexact and is_tie(ex.value, 2))

    only = set(filter(None, args.only.split(",")))
    want = lambda fn: not only or fn in only
    n = args.count
    if want("growth"):
        numeric("growth", f_growth, gen_growth, n)
    if want("attainment"):
        numeric("attainment", f_attainment, gen_attainment, n)
    if want("pace_month"):
        numeric("pace_month", f_pace_month, lambda r, md: gen_pace(r, md, 12), n // 2)
    if want("pace_day"):
        numeric("pace_day", f_pace_day, lambda r, md: gen_pace(r, md, 365), n - n // 2)
    if want("contribution"):
        numeric("contribution", f_contribution, gen_contribution, n)
    if want("contribution_from_share"):
        numeric("contribution_from_share", f_from_share, gen_from_share, n // 5)
    if want("contribution_share_from_share"):
        numeric("contribution_share_from_share", f_share_from_share, gen_share_from_share, n // 5)
    if want("describe_growth"):
        for i in range(n // 5):
            a, b = gen_growth(rng, modes[i % 3])
            while a < 0:                 # 由盈转亏: words, nothing rounded
                a, b = gen_growth(rng, modes[i % 3])
            text, g = describe_growth_zh(a, b)
            emit("describe_growth", a, b, None, None, text, None,
                 not g.inexact and is_tie(g.value, 1), False)
    if want("describe_change"):
        for i in range(n // 5):
            a, b = gen_change(rng, modes[i % 3])
            text, ch = describe_change_zh(a, b)
            emit("describe_change", a, b, None, None, text, None, is_tie(ch.value, 1), False)
    sys.stderr.write("oracle cases: exact ties (at 1 and 2 decimals) per function: %s\n"
                     % ", ".join("%s %d" % kv for kv in ties.items()))


if __name__ == "__main__":
    main()
