
-- tracker.series: one group's facts as published, period by period
-- (DESIGN §5). See README "tracker.series".

CREATE TYPE tracker.series;

CREATE FUNCTION tracker.series_in(pg_catalog.cstring) RETURNS tracker.series
    AS 'MODULE_PATHNAME', 'series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_out(tracker.series) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_recv(pg_catalog.internal) RETURNS tracker.series
    AS 'MODULE_PATHNAME', 'series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_send(tracker.series) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE tracker.series (
    INPUT = tracker.series_in,
    OUTPUT = tracker.series_out,
    RECEIVE = tracker.series_recv,
    SEND = tracker.series_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE tracker.series IS
    'one group''s facts as published: unit and year-to-date facts of one grain, each a level, a published rate, or both; amounts (rates in percent) or ratios (changes in points)';
COMMENT ON FUNCTION tracker.series_in(pg_catalog.cstring) IS 'text input of tracker.series';
COMMENT ON FUNCTION tracker.series_out(tracker.series) IS 'text output of tracker.series';
COMMENT ON FUNCTION tracker.series_recv(pg_catalog.internal) IS 'binary input of tracker.series';
COMMENT ON FUNCTION tracker.series_send(tracker.series) IS 'binary output of tracker.series';

-- Equality and hashing, so series can be compared and grouped

CREATE FUNCTION tracker.series_eq(tracker.series, tracker.series) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'series_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_ne(tracker.series, tracker.series) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'series_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_hash(tracker.series) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'series_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_hash_extended(tracker.series, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'series_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.series_eq(tracker.series, tracker.series) IS 'implementation of = for series';
COMMENT ON FUNCTION tracker.series_ne(tracker.series, tracker.series) IS 'implementation of <> for series';
COMMENT ON FUNCTION tracker.series_hash(tracker.series) IS 'hash of a series';
COMMENT ON FUNCTION tracker.series_hash_extended(tracker.series, pg_catalog.int8) IS 'seeded 64-bit hash of a series';

CREATE OPERATOR tracker.= (LEFTARG = tracker.series, RIGHTARG = tracker.series,
    FUNCTION = tracker.series_eq, COMMUTATOR = OPERATOR(tracker.=), NEGATOR = OPERATOR(tracker.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES);
CREATE OPERATOR tracker.<> (LEFTARG = tracker.series, RIGHTARG = tracker.series,
    FUNCTION = tracker.series_ne, COMMUTATOR = OPERATOR(tracker.<>), NEGATOR = OPERATOR(tracker.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR tracker.= (tracker.series, tracker.series) IS 'the same facts, values and rates';
COMMENT ON OPERATOR tracker.<> (tracker.series, tracker.series) IS 'different facts, values or rates';

CREATE OPERATOR CLASS tracker.series_hash_ops DEFAULT FOR TYPE tracker.series USING hash AS
    OPERATOR 1 tracker.= ,
    FUNCTION 1 tracker.series_hash(tracker.series),
    FUNCTION 2 tracker.series_hash_extended(tracker.series, pg_catalog.int8);
COMMENT ON OPERATOR CLASS tracker.series_hash_ops USING hash IS 'hashing of series, for GROUP BY and DISTINCT';

-- The aggregates

CREATE FUNCTION tracker.series_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_kind_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_kind_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_rollup_sfunc(pg_catalog.internal, tracker.series)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_rollup_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_final(pg_catalog.internal) RETURNS tracker.series
    AS 'MODULE_PATHNAME', 'series_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.series_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'series_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.series_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.series_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8) IS
    'transition function of series(period, value)';
COMMENT ON FUNCTION tracker.series_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8, pg_catalog.float8) IS
    'transition function of series(period, value, growth)';
COMMENT ON FUNCTION tracker.series_kind_sfunc(pg_catalog.internal, tracker.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'transition function of series(period, value, growth, kind)';
COMMENT ON FUNCTION tracker.series_rollup_sfunc(pg_catalog.internal, tracker.series) IS
    'transition function of rollup(series)';
COMMENT ON FUNCTION tracker.series_final(pg_catalog.internal) IS 'final function of the series aggregates';
COMMENT ON FUNCTION tracker.series_combine(pg_catalog.internal, pg_catalog.internal) IS
    'combine function of the series aggregates: adds period by period';
COMMENT ON FUNCTION tracker.series_serialize(pg_catalog.internal) IS 'serialize a series aggregate state';
COMMENT ON FUNCTION tracker.series_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
    'deserialize a series aggregate state, checking every length';

CREATE AGGREGATE tracker.series(p tracker.period, value pg_catalog.float8) (
    SFUNC = tracker.series_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.series_final, COMBINEFUNC = tracker.series_combine,
    SERIALFUNC = tracker.series_serialize, DESERIALFUNC = tracker.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.series(tracker.period, pg_catalog.float8) IS
    'the facts of a group as published: values of units and year-to-date spans of one grain; rows of one period add up';
CREATE AGGREGATE tracker.series(p tracker.period, value pg_catalog.float8, growth pg_catalog.float8) (
    SFUNC = tracker.series_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.series_final, COMBINEFUNC = tracker.series_combine,
    SERIALFUNC = tracker.series_serialize, DESERIALFUNC = tracker.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.series(tracker.period, pg_catalog.float8, pg_catalog.float8) IS
    'the facts of a group as published, with published growth rates (NULL: none); a NULL value with a rate is a rate-only fact; implied bases add up';
CREATE AGGREGATE tracker.series(p tracker.period, value pg_catalog.float8, growth pg_catalog.float8, kind pg_catalog.text) (
    SFUNC = tracker.series_kind_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.series_final, COMBINEFUNC = tracker.series_combine,
    SERIALFUNC = tracker.series_serialize, DESERIALFUNC = tracker.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.series(tracker.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the facts of a group as published, of kind amount (NULL: amount; as the three-argument form) or ratio (one row per period, growth the change in points)';
CREATE AGGREGATE tracker.rollup(tracker.series) (
    SFUNC = tracker.series_rollup_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.series_final, COMBINEFUNC = tracker.series_combine,
    SERIALFUNC = tracker.series_serialize, DESERIALFUNC = tracker.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.rollup(tracker.series) IS
    'the sum of amount series of one grain, period by period (districts to city); a period where an input has no level has neither level nor rate';

-- Reading

CREATE FUNCTION tracker.value(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.value(tracker.series, tracker.period) IS
    'the value of a period of the series'' grain or coarser, derived from the facts; NULL when a needed fact is missing';
CREATE FUNCTION tracker.base(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_base' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.base(tracker.series, tracker.period) IS
    'the comparable base of a period: implied by published rates where they exist, else the value a year earlier';
CREATE FUNCTION tracker.yoy(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.yoy(tracker.series, tracker.period) IS
    'growth against the same period a year earlier in percent (同比), in points for a ratio series; the published rate where the period is a fact with one';
CREATE FUNCTION tracker.mom(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_mom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.mom(tracker.series, tracker.period) IS
    'growth against the preceding period of the same length in percent (环比), in points for a ratio series';
CREATE FUNCTION tracker.ytd(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_ytd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.ytd(tracker.series, tracker.period) IS
    'the year-to-date value through the end of p (1-N月累计)';
CREATE FUNCTION tracker.ytd_yoy(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_ytd_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.ytd_yoy(tracker.series, tracker.period) IS
    'growth of the year-to-date value through the end of p against a year earlier, in percent (累计同比)';
CREATE FUNCTION tracker.avg_growth(s tracker.series, p tracker.period, years pg_catalog.int4)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_avg_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.avg_growth(tracker.series, tracker.period, pg_catalog.int4) IS
    'geometric mean of the yearly comparable rates of p over years years, in percent (两年平均增长); the level ratio where a rate is missing; NULL for a ratio series';
CREATE FUNCTION tracker.kind(s tracker.series) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.kind(tracker.series) IS
    'amount (levels add up, rates in percent) or ratio (never added, changes in points)';
CREATE FUNCTION tracker.first(s tracker.series) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'series_first' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.first(tracker.series) IS 'the first unit any fact of the series covers';
CREATE FUNCTION tracker.last(s tracker.series) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'series_last' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.last(tracker.series) IS 'the last unit any fact of the series covers';
CREATE FUNCTION tracker.sparkline(s tracker.series) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.sparkline(tracker.series) IS
    'the unit values from first to last as block characters ▁▂▃▄▅▆▇█ for psql';
CREATE FUNCTION tracker.sparkline(s tracker.series, "from" tracker.period, "to" tracker.period)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.sparkline(tracker.series, tracker.period, tracker.period) IS
    'the unit values from one unit to another as block characters ▁▂▃▄▅▆▇█';
CREATE FUNCTION tracker.resample(s tracker.series, grain pg_catalog.text) RETURNS tracker.series
    AS 'MODULE_PATHNAME', 'series_resample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.resample(tracker.series, pg_catalog.text) IS
    'the series at a coarser grain: each derivable unit and year-to-date value, with rates where published; for a ratio series only the facts that are exactly such a period';
CREATE FUNCTION tracker.unnest(s tracker.series,
    OUT period tracker.period, OUT value pg_catalog.float8, OUT growth pg_catalog.float8,
    OUT cumulative pg_catalog.bool) RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'series_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION tracker.unnest(tracker.series) IS
    'the facts of the series: period, value (NULL if no level was published), published growth (NULL if none; points for a ratio series), and whether it is year-to-date';
