#!/usr/bin/env python3
"""The national hierarchy for test/bench/national, as COPY text files.

    national_gen.py SCALE OUTDIR [--provinces N] [--years Y]

Writes into OUTDIR (tab-separated, \\N for NULL, COPY's text format):
region.tsv, indicator.tsv, observation.tsv (the load), append.tsv (the
monthly append: December of the last year, one fact per county and
county-level indicator), target.tsv, project.tsv, project_milestone.tsv,
project_plan.tsv, project_investment.tsv, and counts.tsv (rows per file).

The knob: SCALE multiplies the indicators, round(300 * SCALE) of them
(at least 1), and nothing else, so every series keeps its national
shape (ten years of months) and the fact count is proportional to SCALE:
SCALE=1 is 100.9 million facts, SCALE=0.2 (60 indicators) 20.9 million.
--provinces (default 31) and --years (default 10, ending in 2024) shrink
the hierarchy and the history for a smoke run; the hierarchy is always a
prefix of the national one.

Deterministic: every number comes from random.Random seeded with the
entity's indices (Python guarantees the same random() sequence for the
same integer seed) or from an integer hash of them; no clock, no
unseeded state. Same arguments, same bytes.

What it holds (see README "National scale"):
- regions: one root (全国), 31 provinces, 340 cities, 2,900 counties with
  6-digit codes (PP0000, PPCC00, PPCCXX); counties are peers within their
  city as 'district' (市辖区, about a third) or 'county'; provinces have
  peer group 'municipality' (the first four) or NULL.
- 300 indicators in ten profiles (indicator i has profile i % 10), one
  block in five (i // 10 % 5 == 4) published by provinces and cities only:
    0 unit months, value and growth                     12 facts a year
    1 year-to-date only, 1-2月 .. 1-12月 (投资)             11
    2 unit months and year to date                      23
    3 year-to-date only                                 11
    4 1-2月 together, then unit months March..December  11
    5 rate only: year-to-date growth, no level (规上工业增加值)  11
    6 ratio (kind 'ratio'), unit months, change in points  12
    7 unit months, lower is better (能源消费量)             12
    8 year-to-date only                                 11
    9 ratio, year-to-date, lower is better (资产负债率)      11
  decimals 0, 1 or 2 by indicator (ratios 1); growth one decimal.
- facts: counties from a model (a level, a trend, seasons, noise); a
  city's and a province's amounts are the sums of their children's (when
  the indicator is county-level), ratios their own; growth is published
  against the model's year before, also in the first year.
- targets for the last year: amount and growth, amount only or growth
  only for amounts; growth only for rate-only indicators; growth (points)
  for half the ratio indicators.
- projects: 0-40 per county (about 20), their milestones along the
  lifecycle (some late), a plan for the last year and monthly investment
  from their start.
"""
import os
import random
import sys

LAST_YEAR = 2024
PROVINCES = 31
CITIES = 340
COUNTIES = 2900
INDICATORS = 300

PROFILES = [
    # name, unit, kind, higher_is_better, facts
    ('社会消费品零售总额', '亿元', 'amount', True, 'unit'),
    ('固定资产投资', '亿元', 'amount', True, 'ytd'),
    ('一般公共预算收入', '亿元', 'amount', True, 'unit+ytd'),
    ('工业投资', '亿元', 'amount', True, 'ytd'),
    ('进出口总额', '亿元', 'amount', True, 'jf'),
    ('规上工业增加值', None, 'amount', True, 'rate'),
    ('产销率', '%', 'ratio', True, 'unit'),
    ('能源消费量', '万吨标准煤', 'amount', False, 'unit'),
    ('项目投资', '万元', 'amount', True, 'ytd'),
    ('资产负债率', '%', 'ratio', False, 'ytd'),
]


def mix(*xs):
    """A 64-bit integer hash of integers (splitmix64 steps)."""
    h = 0x9E3779B97F4A7C15
    for x in xs:
        h = (h ^ (x & 0xFFFFFFFFFFFFFFFF)) * 0xBF58476D1CE4E5B9 & 0xFFFFFFFFFFFFFFFF
        h = (h ^ (h >> 27)) * 0x94D049BB133111EB & 0xFFFFFFFFFFFFFFFF
        h ^= h >> 31
    return h


def unit(*xs):
    """A number in [0, 1) from integers."""
    return mix(*xs) / 2.0**64


def allocate(total, parts, salt):
    """total split into parts counts >= 1, weighted by a hash, exactly."""
    w = [0.4 + unit(salt, k) for k in range(parts)]
    s = sum(w)
    raw = [1 + (total - parts) * x / s for x in w]
    n = [int(r) for r in raw]
    order = sorted(range(parts), key=lambda k: (n[k] - raw[k], k))
    for k in order[:total - sum(n)]:
        n[k] += 1
    return n


def hierarchy(provinces):
    """[(code, name, parent, peer_group, level)], provinces first."""
    cities_of = allocate(CITIES, PROVINCES, 1)
    counties_of = allocate(COUNTIES, CITIES, 2)
    regions = [('000000', '全国', None, None, 'root')]
    provs, cities, counties = [], [], []
    c = 0
    for p in range(PROVINCES):
        pcode = '%02d0000' % (11 + p)
        keep = p < provinces
        if keep:
            provs.append((pcode, '%s省' % pcode[:2], '000000', 'municipality' if p < 4 else None, 'province'))
        for k in range(cities_of[p]):
            ccode = '%s%02d00' % (pcode[:2], k + 1)
            if keep:
                cities.append((ccode, '%s市' % ccode[:4], pcode, None, 'city'))
            for j in range(counties_of[c]):
                kcode = '%s%02d' % (ccode[:4], j + 1)
                district = unit(3, c, j) < 0.34
                if keep:
                    counties.append((kcode, '%s%s' % (kcode, '区' if district else '县'), ccode,
                                     'district' if district else 'county', 'county'))
            c += 1
    return regions + provs + cities + counties


def indicators(scale):
    n = max(1, round(INDICATORS * scale))
    out = []
    for i in range(n):
        name, unit_label, kind, hib, facts = PROFILES[i % 10]
        decimals = 1 if kind == 'ratio' else (i * 7 // 10) % 3
        county = (i // 10) % 5 != 4
        out.append(dict(code='ind%03d' % i, name='%s%d' % (name, i // 10 + 1), unit=unit_label,
                        kind=kind, hib=hib, facts=facts, decimals=decimals, county=county, i=i))
    return out


SEASON = [0.55, 0.6, 0.95, 0.95, 1.0, 1.1, 0.95, 0.95, 1.0, 1.05, 1.1, 1.6]


def model(seed, months, level, kind):
    """Hidden monthly values, one hidden year first (the base of year 1)."""
    rnd = random.Random(seed)
    if kind == 'ratio':
        mean = 55 + 40 * rnd.random()
        drift = (rnd.random() - 0.5) * 0.02
        return [min(99.9, max(1.0, mean + drift * t + (rnd.random() - 0.5) * 6)) for t in range(months)]
    trend = (1.02 + 0.10 * rnd.random()) ** (1 / 12.0)
    v = level * (0.5 + rnd.random())
    out = []
    for t in range(months):
        out.append(v * SEASON[t % 12] * (1 + (rnd.random() - 0.5) * 0.12))
        v *= trend
    return out


def fmt(x, d):
    return '%.*f' % (d, x)


def growth(cur, ago, kind):
    if kind == 'ratio':
        return '%.1f' % (cur - ago)
    if ago <= 0:
        return '\\N'
    g = (cur / ago - 1) * 100
    return '%.1f' % g if g > -99.9 else '\\N'


def facts(code, ind, hidden, years, append_out):
    """COPY lines of one series; December of the last year of a county goes
    to append_out (a list) when the caller passes one."""
    kind, d, shape = ind['kind'], ind['decimals'], ind['facts']
    out = []
    first = LAST_YEAR - years + 1
    ic = ind['code']
    for y in range(years):
        year = first + y
        base = (y + 1) * 12  # hidden year 0 is the base of year 1
        cum = cum_ago = 0.0
        for m in range(12):
            cur, ago = hidden[base + m], hidden[base + m - 12]
            cum += cur
            cum_ago += ago
            last = append_out is not None and year == LAST_YEAR and m == 11
            month = '%d-%02d' % (year, m + 1)
            ytd = '%d-01..%02d' % (year, m + 1)
            unit_row = ytd_row = None
            if shape == 'unit' or shape == 'unit+ytd' or (shape == 'jf' and m >= 2):
                unit_row = '%s\t%s\t%s\t%s\t%s\n' % (code, ic, month, fmt(cur, d), growth(cur, ago, kind))
            if m >= 1 and (shape in ('ytd', 'unit+ytd', 'rate') or (shape == 'jf' and m == 1)):
                if kind == 'ratio':
                    # a ratio's year to date is its own level, not a sum
                    c, a = cum / (m + 1), cum_ago / (m + 1)
                else:
                    c, a = cum, cum_ago
                value = '\\N' if shape == 'rate' else fmt(c, d)
                g = growth(c, a, kind)
                if value != '\\N' or g != '\\N':
                    ytd_row = '%s\t%s\t%s\t%s\t%s\n' % (code, ic, ytd, value, g)
            if last:
                # one fact per county and indicator in the append: the unit
                # where the indicator publishes units, else the year to date
                if unit_row:
                    append_out.append(unit_row)
                    unit_row = None
                else:
                    append_out.append(ytd_row)
                    ytd_row = None
            if unit_row:
                out.append(unit_row)
            if ytd_row:
                out.append(ytd_row)
    return out


def write_tsv(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write('\t'.join('\\N' if x is None else str(x) for x in r) + '\n')
    return len(rows)


def main():
    args = sys.argv[1:]
    provinces, years = PROVINCES, 10
    while '--provinces' in args or '--years' in args:
        k = args.index('--provinces') if '--provinces' in args else args.index('--years')
        if args[k] == '--provinces':
            provinces = int(args[k + 1])
        else:
            years = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    scale, outdir = float(args[0]), args[1]
    if not (0 < scale <= 10) or not (1 <= provinces <= PROVINCES) or not (2 <= years <= 30):
        sys.exit('national_gen.py: SCALE in (0, 10], --provinces 1..31, --years 2..30')
    os.makedirs(outdir, exist_ok=True)
    counts = {}
    regions = hierarchy(provinces)
    inds = indicators(scale)
    counts['region'] = write_tsv(os.path.join(outdir, 'region.tsv'), [r[:4] for r in regions])
    counts['indicator'] = write_tsv(os.path.join(outdir, 'indicator.tsv'),
                                    [(x['code'], x['name'], x['unit'], 't' if x['hib'] else 'f',
                                      x['decimals'], x['kind']) for x in inds])
    months = (years + 1) * 12
    children = {}
    for code, _, parent, _, level in regions:
        children.setdefault(parent, []).append(code)
    level_of = {r[0]: r[4] for r in regions}
    ridx = {r[0]: k for k, r in enumerate(regions)}
    n_obs = n_app = 0
    targets = []
    with open(os.path.join(outdir, 'observation.tsv'), 'w', encoding='utf-8') as fo, \
            open(os.path.join(outdir, 'append.tsv'), 'w', encoding='utf-8') as fa:
        for ind in inds:
            hidden = {}
            # counties, then cities, then provinces (sums of their children)
            for lvl in ('county', 'city', 'province'):
                for code, _, parent, _, level in regions:
                    if level != lvl:
                        continue
                    if lvl == 'county' and not ind['county']:
                        continue
                    kids = children.get(code, [])
                    if ind['kind'] == 'amount' and lvl != 'county' and kids and kids[0] in hidden:
                        h = [sum(col) for col in zip(*(hidden[k] for k in kids))]
                    else:
                        lv = {'county': 20.0, 'city': 170.0, 'province': 1600.0}[lvl]
                        h = model(mix(ridx[code], ind['i'], 7), months, lv, ind['kind'])
                    hidden[code] = h
                    app = [] if lvl == 'county' else None
                    lines = facts(code, ind, h, years, app)
                    fo.write(''.join(lines))
                    n_obs += len(lines)
                    if app:
                        fa.write(''.join(app))
                        n_app += len(app)
                    targets.append(target(code, ind, h, years))
    counts['observation'] = n_obs
    counts['append'] = n_app
    counts['target'] = write_tsv(os.path.join(outdir, 'target.tsv'), [t for t in targets if t])
    counts.update(projects(outdir, [r for r in regions if r[4] == 'county'], ridx))
    with open(os.path.join(outdir, 'counts.tsv'), 'w') as f:
        for k, v in counts.items():
            f.write('%s\t%d\n' % (k, v))
    for k, v in counts.items():
        print('%s\t%d' % (k, v))


def target(code, ind, hidden, years):
    """The last year's target of a series, or None."""
    h = mix(len(code), int(code), ind['i'], 11)
    choice = h % 4  # 0: amount and growth, 1: amount only, 2: growth only, 3: none
    last = hidden[-12:]
    before = hidden[-24:-12]
    tg = round(3 + (h >> 8) % 90 / 10.0, 1)  # 3.0 .. 11.9 percent
    if ind['kind'] == 'ratio':
        return (code, ind['code'], str(LAST_YEAR), None, round(((h >> 16) % 21 - 10) / 10.0, 1)) if choice < 2 else None
    if ind['facts'] == 'rate':
        return (code, ind['code'], str(LAST_YEAR), None, tg) if choice != 3 else None
    if not ind['hib']:
        tg = -tg / 3  # a cap: use less
    if choice == 3:
        return None
    amount = round(sum(before) * (1 + tg / 100), ind['decimals'])
    # an amount target a little off the actual run, so lights vary
    amount = round(amount * (0.9 + ((h >> 24) % 200) / 1000.0), ind['decimals']) or 1
    return (code, ind['code'], str(LAST_YEAR), amount if choice < 2 else None, tg if choice != 1 else None)


STAGES = ['conceived', 'signed', 'registered', 'land_granted', 'approved',
          'started', 'in_statistics', 'completed', 'producing', 'at_capacity']
INDUSTRIES = ['制造业', '基础设施', '房地产', '新能源', '数字经济', '社会民生', '现代农业']


def projects(outdir, counties, ridx):
    """Projects of the counties: rows of the four project tables."""
    import datetime
    proj, miles, plans, invest = [], [], [], []
    end = datetime.date(LAST_YEAR, 12, 31)
    for code, _, _, _, _ in counties:
        r = ridx[code]
        for k in range(mix(r, 13) % 41):
            rnd = random.Random(mix(r, k, 17))
            pid = 'P%s%02d' % (code, k)
            total = round(5000 + rnd.random() * 195000, 0)  # 万元
            proj.append((pid, '%s项目%d' % (code, k + 1), code, INDUSTRIES[k % len(INDUSTRIES)], total))
            start = datetime.date(LAST_YEAR - 3, 1, 1) + datetime.timedelta(days=int(rnd.random() * 1000))
            planned = start
            actual = start
            late = rnd.random() < 0.3
            reached = int(rnd.random() * 11)  # stages reached, 0..10
            for s, stage in enumerate(STAGES):
                planned = planned + datetime.timedelta(days=30 + int(rnd.random() * 90))
                if s < reached:
                    actual = max(actual, planned + datetime.timedelta(days=int(rnd.random() * 60) if late else 0))
                    if actual > end:
                        reached = s
                        act = None
                    else:
                        act = actual
                else:
                    act = None
                if planned.year > LAST_YEAR + 1 and act is None:
                    break
                miles.append((pid, stage, planned.isoformat(), act.isoformat() if act else None))
            plans.append((pid, str(LAST_YEAR), round(total * (0.2 + rnd.random() * 0.3), 0)))
            ym = (start.year, start.month)
            monthly = total / (24 + int(rnd.random() * 24))
            while ym <= (LAST_YEAR, 12):
                if not late or rnd.random() < 0.7:
                    invest.append((pid, '%d-%02d' % ym, round(monthly * (0.6 + rnd.random() * 0.8), 1)))
                ym = (ym[0] + (ym[1] == 12), ym[1] % 12 + 1)
    return {
        'project': write_tsv(os.path.join(outdir, 'project.tsv'), proj),
        'project_milestone': write_tsv(os.path.join(outdir, 'project_milestone.tsv'), miles),
        'project_plan': write_tsv(os.path.join(outdir, 'project_plan.tsv'), plans),
        'project_investment': write_tsv(os.path.join(outdir, 'project_investment.tsv'), invest),
    }


if __name__ == '__main__':
    main()
