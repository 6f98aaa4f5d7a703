-- scoreboard against an independent computation: the SQL version it
-- replaced (tracker 0.1.0 before the stored series, kept verbatim below
-- as pg_temp.scoreboard_sql), which aggregates the raw facts into series
-- on every call, on facts with gaps, cumulative facts, published rates
-- and several targets per region. Every column of every row must agree
-- exactly, for reports of months, quarters, halves and year-to-date
-- spans, published after p and before it ends.
SET search_path = tracker, public;

CREATE FUNCTION pg_temp.scoreboard_sql(p period, as_of pg_catalog.date)
RETURNS TABLE (
    region pg_catalog.text, region_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text, unit_label pg_catalog.text,
    period pg_catalog.text, value pg_catalog.float8, base pg_catalog.float8,
    growth pg_catalog.float8,
    target_period pg_catalog.text, target_amount pg_catalog.float8,
    actual pg_catalog.float8, attainment pg_catalog.float8,
    target_growth pg_catalog.float8, growth_gap pg_catalog.float8,
    time_progress pg_catalog.float8, pace pg_catalog.float8, light pg_catalog.text,
    peers pg_catalog.int4, rank_growth pg_catalog.int4, rank_amount pg_catalog.int4,
    rank_change pg_catalog.int4, gap_to_leader pg_catalog.float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH
    -- The previous report: the preceding unit for a unit, the year to
    -- date through the preceding unit for a year-to-date span.
    calendar AS (
        SELECT CASE WHEN p OPERATOR(=) ytd(p)
                         AND days(p) OPERATOR(pg_catalog.>)
                             days(period(end_date(p), grain(p)))
                    THEN ytd(period(end_date(p), grain(p)) OPERATOR(-) 1)
                    ELSE prev(p) END AS q),
    -- The facts a reading can use: for each period read (p, the previous
    -- report, their year-ago bases, and the span from the earliest target
    -- start through p), the facts from the first day of its first year
    -- through its end. The ranges are merged, so each fact is read once;
    -- they are ranges of first days, which is how periods are ordered.
    ranges AS (
        SELECT start_date(period(start_date(x), 'year')) AS lo,
               end_date(x) AS hi
        FROM calendar c,
             LATERAL (VALUES (p), (c.q), (year_ago(p)), (year_ago(c.q))) v(x)
        UNION ALL
        SELECT pg_catalog.min(start_date(tg.period)), end_date(p)
        FROM tracker.target tg
        WHERE tg.period OPERATOR(@>) p
        HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0),
    starts AS (
        SELECT r.lo, r.hi,
               CASE WHEN r.lo OPERATOR(pg_catalog.<=) (pg_catalog.max(r.hi) OVER (
                        ORDER BY r.lo, r.hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                        OPERATOR(pg_catalog.+) 1)
                    THEN 0 ELSE 1 END AS starts_island
        FROM ranges r),
    islands AS (
        SELECT s.lo, s.hi, pg_catalog.sum(s.starts_island) OVER (ORDER BY s.lo, s.hi) AS island
        FROM starts s),
    merged AS (
        SELECT period(pg_catalog.min(i.lo)) AS first_day,
               period(pg_catalog.max(i.hi) OPERATOR(pg_catalog.+) 1) AS day_after
        FROM islands i GROUP BY i.island),
    window_ AS (SELECT c.q FROM calendar c),
    facts AS (
        SELECT o.region, o.indicator, series(o.period, o.value, o.growth) AS s
        FROM merged m
        JOIN tracker.observation o
          ON o.period OPERATOR(>=) m.first_day AND o.period OPERATOR(<) m.day_after
        GROUP BY o.region, o.indicator),
    readings AS (
        SELECT f.region, r.name AS region_name, r.parent, r.peer_group,
               f.indicator, i.name AS indicator_name, i.unit_label, i.higher_is_better, i.decimals,
               f.s, value(f.s, p) AS value, base(f.s, p) AS base,
               yoy(f.s, p) AS growth, yoy(f.s, w.q) AS previous_growth
        FROM facts f
        JOIN tracker.region r ON r.code OPERATOR(pg_catalog.=) f.region
        JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) f.indicator
        CROSS JOIN window_ w),
    -- The most specific target whose period holds all of p; the actual is
    -- the value from the target period's start through the end of p.
    targets AS (
        SELECT DISTINCT ON (tg.region COLLATE "C", tg.indicator COLLATE "C")
               tg.region, tg.indicator, tg.period, tg.amount, tg.growth
        FROM tracker.target tg
        -- tg.period @> p, spelled out: the planner estimates these far
        -- better than the constant selectivity of @>.
        WHERE start_date(tg.period) OPERATOR(pg_catalog.<=) start_date(p)
          AND end_date(tg.period) OPERATOR(pg_catalog.>=) end_date(p)
        ORDER BY tg.region COLLATE "C", tg.indicator COLLATE "C", days(tg.period), tg.period),
    -- Materialized, so the joins after it start from a good row estimate.
    targeted AS MATERIALIZED (
        SELECT rd.*, t.period AS target_period, t.amount AS target_amount,
               t.growth AS target_growth,
               value(rd.s, span(
                   period(start_date(t.period), grain(p)),
                   period(end_date(p), grain(p)))) AS actual
        FROM readings rd
        LEFT JOIN targets t ON t.region OPERATOR(pg_catalog.=) rd.region
                           AND t.indicator OPERATOR(pg_catalog.=) rd.indicator),
    -- Time runs through the end of p, or through as_of when the report is
    -- published before p is over (a weekly look at the month so far).
    progressed AS (
        SELECT tg.*,
               CASE WHEN tg.target_period IS NULL THEN NULL
                    WHEN as_of OPERATOR(pg_catalog.>=) end_date(p)
                    THEN time_progress(tg.target_period, p)
                    ELSE time_progress(tg.target_period, as_of) END AS time_progress,
               CASE WHEN as_of OPERATOR(pg_catalog.>=) end_date(p)
                    THEN pace(tg.actual, tg.target_amount, tg.target_period, p)
                    ELSE pace(tg.actual, tg.target_amount, tg.target_period, as_of) END AS pace
        FROM targeted tg),
    -- Peers share parent and peer group. Growth ranks on the printed
    -- decimal, amounts on the indicator's.
    leagues AS (
        SELECT rd.indicator, rd.parent, rd.peer_group, pg_catalog.count(*) AS peers,
               league(rd.region, rd.growth, 1) AS by_growth,
               league(rd.region, rd.previous_growth, 1) AS by_previous_growth,
               league(rd.region, rd.value, rd.decimals) AS by_amount
        FROM readings rd
        GROUP BY rd.indicator, rd.parent, rd.peer_group, rd.decimals)
    SELECT pr.region, pr.region_name, pr.indicator, pr.indicator_name, pr.unit_label,
           p::pg_catalog.text, pr.value, pr.base, pr.growth,
           pr.target_period::pg_catalog.text, pr.target_amount, pr.actual,
           attainment(pr.actual, pr.target_amount),
           pr.target_growth, (pr.growth OPERATOR(pg_catalog.-) pr.target_growth),
           pr.time_progress, pr.pace,
           -- 0.2.0: the light reads pace (else the growth gap) as
           -- printed, one decimal, and the other way round where less is
           -- better.
           light(round_half_even(
                     (CASE WHEN pr.higher_is_better THEN 1 ELSE -1 END)
                     OPERATOR(pg_catalog.*)
                     COALESCE(pr.pace, pr.growth OPERATOR(pg_catalog.-) pr.target_growth), 1),
                 0, -5)::pg_catalog.text,
           l.peers::pg_catalog.int4,
           rank(l.by_growth, pr.region, pr.higher_is_better)::pg_catalog.int4,
           rank(l.by_amount, pr.region, pr.higher_is_better)::pg_catalog.int4,
           rank_change(l.by_growth, l.by_previous_growth, pr.region, pr.higher_is_better),
           gap_to_leader(l.by_growth, pr.region, pr.higher_is_better)
    FROM progressed pr
    -- Equalities rather than IS NOT DISTINCT FROM, so the join hashes.
    JOIN leagues l ON l.indicator OPERATOR(pg_catalog.=) pr.indicator
                  AND (l.parent IS NULL) OPERATOR(pg_catalog.=) (pr.parent IS NULL)
                  AND COALESCE(l.parent, '') OPERATOR(pg_catalog.=) COALESCE(pr.parent, '')
                  AND (l.peer_group IS NULL) OPERATOR(pg_catalog.=) (pr.peer_group IS NULL)
                  AND COALESCE(l.peer_group, '') OPERATOR(pg_catalog.=) COALESCE(pr.peer_group, '')
    -- Bytewise order: cheap to sort and the same under every collation.
    ORDER BY pr.indicator COLLATE "C", pr.parent COLLATE "C" NULLS FIRST,
             pr.peer_group COLLATE "C" NULLS FIRST, pr.region COLLATE "C";
END;

-- 24 regions under two parents, two peer groups each; three indicators,
-- one where lower is better; 2020-2022 by month.
INSERT INTO region VALUES ('top', 'Top', NULL, NULL), ('n', 'North', 'top', NULL), ('s', 'South', 'top', NULL);
INSERT INTO region SELECT 'r' || r, 'Region ' || r, CASE WHEN r % 2 = 0 THEN 'n' ELSE 's' END,
                          CASE WHEN r % 3 = 0 THEN 'zone' END
FROM generate_series(1, 24) r;
INSERT INTO indicator VALUES ('inv', 'Investment', '亿元', true, 1), ('out', 'Output', '亿元', true, 0),
                             ('energy', 'Energy', 't', false, 2);
-- Per region, indicator and month a pseudo-random form h: a plain month
-- (h 0-4), a month with its published rate (5), a year-to-date fact with
-- a rate instead of the month (6), both (7), nothing (8, 9). Values vary
-- enough to tie now and then at one decimal.
CREATE TEMP TABLE facts AS
SELECT 'r' || r AS region, i AS indicator, m, k,
       (r * 31 + k * 17 + length(i) * 13 + (r * k) % 7) % 10 AS h,
       20 + (r * 7 + k * 3 + length(i)) % 23 + k * 0.5 AS v
FROM generate_series(1, 24) r, unnest(ARRAY['inv', 'out', 'energy']) i,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS k
              FROM periods('2020-01'::period, '2022-12'::period) m) ms;
INSERT INTO observation
SELECT region, indicator, m, v, CASE WHEN h = 5 THEN (k % 9) - 2 END FROM facts WHERE h <= 5 OR h = 7;
INSERT INTO observation
SELECT region, indicator, ytd(m), v * (k % 12 + 1), (k % 11) + 1
FROM facts WHERE h IN (6, 7) AND m <> ytd(m);
-- Targets: the year for all; a third quarter for a third of them; July
-- for some; growth targets for others.
INSERT INTO target SELECT region, indicator, '2022', 500 + length(region) * 40, CASE WHEN length(region) = 3 THEN 12 END
FROM (SELECT DISTINCT region, indicator FROM facts) k;
INSERT INTO target SELECT region, indicator, '2022-Q3', 150, NULL
FROM (SELECT DISTINCT region, indicator FROM facts WHERE right(region, 1) IN ('1', '4', '7')) k;
INSERT INTO target SELECT region, indicator, '2022-07', NULL, 5
FROM (SELECT DISTINCT region, indicator FROM facts WHERE right(region, 1) IN ('2', '4')) k;
SELECT count(*) AS facts, (SELECT count(*) FROM observation_series) AS series,
       (SELECT count(*) FROM target) AS targets FROM observation;

CREATE TEMP TABLE reports (p period, as_of date);
INSERT INTO reports VALUES ('2022-07', '2022-08-10'), ('2022-07', '2022-07-20'),
  ('2022-01..07', '2022-08-10'), ('2022-01..02', '2022-03-15'), ('2022-01', '2022-02-10'),
  ('2022-Q3', '2022-10-15'), ('2022-Q3', '2022-08-31'), ('2022-H1', '2022-07-15'),
  ('2021-12', '2022-01-10'), ('2022-12', '2023-01-10'), ('2022', '2023-02-01');
-- Rows each way that the other lacks or differs in: none. Rows compared.
SELECT rp.p, rp.as_of,
       (SELECT count(*) FROM scoreboard(rp.p, rp.as_of)) AS rows,
       (SELECT count(*) FROM (SELECT * FROM scoreboard(rp.p, rp.as_of)
                              EXCEPT SELECT * FROM pg_temp.scoreboard_sql(rp.p, rp.as_of)) d) AS only_c,
       (SELECT count(*) FROM (SELECT * FROM pg_temp.scoreboard_sql(rp.p, rp.as_of)
                              EXCEPT SELECT * FROM scoreboard(rp.p, rp.as_of)) d) AS only_sql
FROM reports rp ORDER BY rp.p, rp.as_of;
-- The comparison covers real values: how many of them are not NULL.
SELECT rp.p, count(s.growth) AS growths, count(s.base) AS bases, count(s.actual) AS actuals,
       count(s.attainment) AS attainments, count(s.rank_change) AS rank_changes,
       count(DISTINCT s.light) AS lights
FROM reports rp, LATERAL scoreboard(rp.p, rp.as_of) s
WHERE rp.as_of > end_date(rp.p) GROUP BY rp.p ORDER BY rp.p;
-- The rows come in the same order too.
SELECT bool_and(c.region = s.region AND c.indicator = s.indicator) AS same_order
FROM (SELECT row_number() OVER () AS n, region, indicator FROM scoreboard('2022-07', '2022-08-10')) c
JOIN (SELECT row_number() OVER () AS n, region, indicator FROM pg_temp.scoreboard_sql('2022-07', '2022-08-10')) s
  USING (n);

-- Run in a parallel worker (its queries run there), the same rows.
SET force_parallel_mode = on;
EXPLAIN (COSTS OFF)
SELECT md5(string_agg(s::text, '|' ORDER BY s.indicator, s.region)) FROM scoreboard('2022-07', '2022-08-10') s;
SELECT md5(string_agg(s::text, '|' ORDER BY s.indicator, s.region)) AS in_worker
FROM scoreboard('2022-07', '2022-08-10') s \gset
RESET force_parallel_mode;
SELECT md5(string_agg(s::text, '|' ORDER BY s.indicator, s.region)) = :'in_worker' AS same_rows
FROM scoreboard('2022-07', '2022-08-10') s;

DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;
