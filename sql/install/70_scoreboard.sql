
-- scoreboard(p, as_of): the weekly or monthly 晾晒表 over the reference
-- schema (DESIGN §7), computed with series, rates and leagues. See README
-- "Scoreboard". The body is SQL-standard (BEGIN ATOMIC), parsed once and
-- bound to the objects it names; every name is qualified all the same.

CREATE INDEX observation_period_idx ON tracker.observation (period);

CREATE FUNCTION tracker.scoreboard(p tracker.period, as_of pg_catalog.date)
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
        SELECT CASE WHEN p OPERATOR(tracker.=) tracker.ytd(p)
                         AND tracker.days(p) OPERATOR(pg_catalog.>)
                             tracker.days(tracker.period(tracker.end_date(p), tracker.grain(p)))
                    THEN tracker.ytd(tracker.period(tracker.end_date(p), tracker.grain(p)) OPERATOR(tracker.-) 1)
                    ELSE tracker.prev(p) END AS q),
    -- The facts a reading can use: for each period read (p, the previous
    -- report, their year-ago bases, and the span from the earliest target
    -- start through p), the facts from the first day of its first year
    -- through its end. The ranges are merged, so each fact is read once;
    -- they are ranges of first days, which is how periods are ordered.
    ranges AS (
        SELECT tracker.start_date(tracker.period(tracker.start_date(x), 'year')) AS lo,
               tracker.end_date(x) AS hi
        FROM calendar c,
             LATERAL (VALUES (p), (c.q), (tracker.year_ago(p)), (tracker.year_ago(c.q))) v(x)
        UNION ALL
        SELECT pg_catalog.min(tracker.start_date(tg.period)), tracker.end_date(p)
        FROM tracker.target tg
        WHERE tg.period OPERATOR(tracker.@>) p
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
        SELECT tracker.period(pg_catalog.min(i.lo)) AS first_day,
               tracker.period(pg_catalog.max(i.hi) OPERATOR(pg_catalog.+) 1) AS day_after
        FROM islands i GROUP BY i.island),
    window_ AS (SELECT c.q FROM calendar c),
    facts AS (
        SELECT o.region, o.indicator, tracker.series(o.period, o.value, o.growth) AS s
        FROM merged m
        JOIN tracker.observation o
          ON o.period OPERATOR(tracker.>=) m.first_day AND o.period OPERATOR(tracker.<) m.day_after
        GROUP BY o.region, o.indicator),
    readings AS (
        SELECT f.region, r.name AS region_name, r.parent, r.peer_group,
               f.indicator, i.name AS indicator_name, i.unit_label, i.higher_is_better, i.decimals,
               f.s, tracker.value(f.s, p) AS value, tracker.base(f.s, p) AS base,
               tracker.yoy(f.s, p) AS growth, tracker.yoy(f.s, w.q) AS previous_growth
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
        WHERE tracker.start_date(tg.period) OPERATOR(pg_catalog.<=) tracker.start_date(p)
          AND tracker.end_date(tg.period) OPERATOR(pg_catalog.>=) tracker.end_date(p)
        ORDER BY tg.region COLLATE "C", tg.indicator COLLATE "C", tracker.days(tg.period), tg.period),
    -- Materialized, so the joins after it start from a good row estimate.
    targeted AS MATERIALIZED (
        SELECT rd.*, t.period AS target_period, t.amount AS target_amount,
               t.growth AS target_growth,
               tracker.value(rd.s, tracker.span(
                   tracker.period(tracker.start_date(t.period), tracker.grain(p)),
                   tracker.period(tracker.end_date(p), tracker.grain(p)))) AS actual
        FROM readings rd
        LEFT JOIN targets t ON t.region OPERATOR(pg_catalog.=) rd.region
                           AND t.indicator OPERATOR(pg_catalog.=) rd.indicator),
    -- Time runs through the end of p, or through as_of when the report is
    -- published before p is over (a weekly look at the month so far).
    progressed AS (
        SELECT tg.*,
               CASE WHEN tg.target_period IS NULL THEN NULL
                    WHEN as_of OPERATOR(pg_catalog.>=) tracker.end_date(p)
                    THEN tracker.time_progress(tg.target_period, p)
                    ELSE tracker.time_progress(tg.target_period, as_of) END AS time_progress,
               CASE WHEN as_of OPERATOR(pg_catalog.>=) tracker.end_date(p)
                    THEN tracker.pace(tg.actual, tg.target_amount, tg.target_period, p)
                    ELSE tracker.pace(tg.actual, tg.target_amount, tg.target_period, as_of) END AS pace
        FROM targeted tg),
    -- Peers share parent and peer group. Growth ranks on the printed
    -- decimal, amounts on the indicator's.
    leagues AS (
        SELECT rd.indicator, rd.parent, rd.peer_group, pg_catalog.count(*) AS peers,
               tracker.league(rd.region, rd.growth, 1) AS by_growth,
               tracker.league(rd.region, rd.previous_growth, 1) AS by_previous_growth,
               tracker.league(rd.region, rd.value, rd.decimals) AS by_amount
        FROM readings rd
        GROUP BY rd.indicator, rd.parent, rd.peer_group, rd.decimals)
    SELECT pr.region, pr.region_name, pr.indicator, pr.indicator_name, pr.unit_label,
           p::pg_catalog.text, pr.value, pr.base, pr.growth,
           pr.target_period::pg_catalog.text, pr.target_amount, pr.actual,
           tracker.attainment(pr.actual, pr.target_amount),
           pr.target_growth, (pr.growth OPERATOR(pg_catalog.-) pr.target_growth),
           pr.time_progress, pr.pace,
           (CASE WHEN pr.pace IS NOT NULL THEN tracker.light(pr.pace, 0, -5)
                 ELSE tracker.light(pr.growth OPERATOR(pg_catalog.-) pr.target_growth, 0, -5)
            END)::pg_catalog.text,
           l.peers::pg_catalog.int4,
           tracker.rank(l.by_growth, pr.region, pr.higher_is_better)::pg_catalog.int4,
           tracker.rank(l.by_amount, pr.region, pr.higher_is_better)::pg_catalog.int4,
           tracker.rank_change(l.by_growth, l.by_previous_growth, pr.region, pr.higher_is_better),
           tracker.gap_to_leader(l.by_growth, pr.region, pr.higher_is_better)
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
COMMENT ON FUNCTION tracker.scoreboard(tracker.period, pg_catalog.date) IS
    'the 晾晒表 for period p as of a date: per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change';
