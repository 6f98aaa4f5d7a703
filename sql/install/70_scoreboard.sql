
-- scoreboard(p [, as_of]): the weekly or monthly 晾晒表 over the reference
-- schema (DESIGN §7). In C (src/scoreboard.c): one query reads each
-- region and indicator's stored series from tracker.observation_series
-- with its names and targets; the series, league and rates cores do the
-- rest in one pass. See README "Scoreboard".

-- The observations of one period: ad hoc queries and hand-written reports.
CREATE INDEX observation_period_idx ON tracker.observation (period);

CREATE FUNCTION tracker.scoreboard(p @extschema@.period, as_of pg_catalog.date DEFAULT NULL)
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
COMMENT ON FUNCTION tracker.scoreboard(@extschema@.period, pg_catalog.date) IS
    'the 晾晒表 for period p as of a date (NULL or omitted: the last day of p): per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change; NULL p: 22004';
