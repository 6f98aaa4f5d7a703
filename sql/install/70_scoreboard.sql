
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
    -- Every fact a reading of p, of the previous report and of their
    -- year-ago bases can use: from the first day of the year of the
    -- earliest base through the end of p (periods order by first day).
    window_ AS (
        SELECT c.q,
               tracker.period(tracker.start_date(tracker.year_ago(LEAST(p, c.q))), 'year') AS first_year,
               tracker.period(tracker.end_date(p) OPERATOR(pg_catalog.+) 1) AS after_end
        FROM calendar c),
    facts AS (
        SELECT o.region, o.indicator, tracker.series(o.period, o.value, o.growth) AS s
        FROM tracker.observation o, window_ w
        WHERE o.period OPERATOR(tracker.>=) tracker.period(tracker.start_date(w.first_year))
          AND o.period OPERATOR(tracker.<) w.after_end
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
    targeted AS (
        SELECT rd.*, t.period AS target_period, t.amount AS target_amount,
               t.growth AS target_growth,
               tracker.value(rd.s, tracker.span(
                   tracker.period(tracker.start_date(t.period), tracker.grain(p)),
                   tracker.period(tracker.end_date(p), tracker.grain(p)))) AS actual
        FROM readings rd
        LEFT JOIN LATERAL (
            SELECT tg.period, tg.amount, tg.growth
            FROM tracker.target tg
            WHERE tg.region OPERATOR(pg_catalog.=) rd.region
              AND tg.indicator OPERATOR(pg_catalog.=) rd.indicator
              AND tg.period OPERATOR(tracker.@>) p
            ORDER BY tracker.days(tg.period), tg.period
            LIMIT 1) t ON true),
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
    JOIN leagues l ON l.indicator OPERATOR(pg_catalog.=) pr.indicator
                  AND l.parent IS NOT DISTINCT FROM pr.parent
                  AND l.peer_group IS NOT DISTINCT FROM pr.peer_group
    ORDER BY pr.indicator, pr.parent NULLS FIRST, pr.peer_group NULLS FIRST, pr.region;
END;
COMMENT ON FUNCTION tracker.scoreboard(tracker.period, pg_catalog.date) IS
    'the 晾晒表 for period p as of a date: per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change';
