
-- scoreboard(p [, as_of]): the weekly or monthly 晾晒表 over the reference
-- schema (DESIGN §7). In C (src/scoreboard.c): one query reads each
-- region and indicator's stored series from tracker.observation_series
-- with its names and targets; the series, league and rates cores do the
-- rest in one pass. See README "Scoreboard".

-- The observations of one period: ad hoc queries and hand-written reports.
CREATE INDEX observation_period_idx ON tracker.observation (period);

CREATE FUNCTION tracker.scoreboard(p @extschema@.period, as_of pg_catalog.date DEFAULT NULL,
                                   indicators pg_catalog.text[] DEFAULT NULL,
                                   under pg_catalog.text DEFAULT NULL,
                                   peer_group pg_catalog.text DEFAULT NULL,
                                   source pg_catalog.regnamespace DEFAULT NULL)
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
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'scoreboard';
COMMENT ON FUNCTION tracker.scoreboard(@extschema@.period, pg_catalog.date, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 晾晒表 for period p as of a date (NULL or omitted: the last day of p): per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change; filters (NULL: all): indicators (codes), under (a region: it and its subtree), peer_group (regions of that peer group), read through the primary keys, ranks always among all peers; source: a schema whose observation and observation_series (tracker''s columns) are read instead of tracker''s, such as a sharded deployment''s foreign tables; NULL p or a NULL in indicators: 22004; indicators of more than one dimension: 2202E; an unknown indicator, region or peer group: 42704; a source without those tables or columns: 42P01, 42703, 42804';

-- The facts of two periods among some regions and indicators: the store
-- check of a filtered board (src/series_store.c), one probe of the
-- primary key per region, indicator and period. A SQL function's plan is
-- generic, made before the arrays are seen: written as
-- "o.region = ANY (regions) AND … o.period = ANY (ARRAY[a, b])" it
-- scanned the period index and searched each row's region in the array
-- (0.8 s for 3,000 regions and one indicator over 3.6M facts); as
-- lateral probes with every key column equal, 26 ms.
CREATE FUNCTION tracker.observation_count(a @extschema@.period, b @extschema@.period,
                                          regions pg_catalog.text[], indicators pg_catalog.text[])
RETURNS pg_catalog.int8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*)
    FROM (SELECT DISTINCT pg_catalog.unnest(regions) AS code) r
    CROSS JOIN (SELECT DISTINCT pg_catalog.unnest(indicators) AS code) i
    CROSS JOIN LATERAL (
        SELECT FROM tracker.observation o
        WHERE o.region OPERATOR(pg_catalog.=) r.code AND o.indicator OPERATOR(pg_catalog.=) i.code
          AND o.period OPERATOR(@extschema@.=) a
        UNION ALL
        SELECT FROM tracker.observation o
        WHERE o.region OPERATOR(pg_catalog.=) r.code AND o.indicator OPERATOR(pg_catalog.=) i.code
          AND o.period OPERATOR(@extschema@.=) b AND b OPERATOR(@extschema@.<>) a) x;
END;
COMMENT ON FUNCTION tracker.observation_count(@extschema@.period, @extschema@.period, pg_catalog.text[], pg_catalog.text[]) IS
    'the number of rows of tracker.observation for either of two periods among the given regions and indicators; for a filtered scoreboard''s check that the series store is current';
