
-- tracker.series: one group's facts as published, period by period
-- (DESIGN §5). See README "tracker.series".

CREATE TYPE @extschema@.series;

CREATE FUNCTION @extschema@.series_in(pg_catalog.cstring) RETURNS @extschema@.series
    AS 'MODULE_PATHNAME', 'series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_out(@extschema@.series) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_recv(pg_catalog.internal) RETURNS @extschema@.series
    AS 'MODULE_PATHNAME', 'series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_send(@extschema@.series) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.series (
    INPUT = @extschema@.series_in,
    OUTPUT = @extschema@.series_out,
    RECEIVE = @extschema@.series_recv,
    SEND = @extschema@.series_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.series IS
    'one group''s facts as published: unit and year-to-date facts of one grain, each a level, a published rate, or both; amounts (rates in percent) or ratios (changes in points)';
COMMENT ON FUNCTION @extschema@.series_in(pg_catalog.cstring) IS 'text input of series';
COMMENT ON FUNCTION @extschema@.series_out(@extschema@.series) IS 'text output of series';
COMMENT ON FUNCTION @extschema@.series_recv(pg_catalog.internal) IS 'binary input of series';
COMMENT ON FUNCTION @extschema@.series_send(@extschema@.series) IS 'binary output of series';

-- Equality and hashing, so series can be compared and grouped

CREATE FUNCTION @extschema@.series_eq(@extschema@.series, @extschema@.series) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'series_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_ne(@extschema@.series, @extschema@.series) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'series_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_hash(@extschema@.series) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'series_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_hash_extended(@extschema@.series, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'series_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_eq(@extschema@.series, @extschema@.series) IS 'implementation of = for series';
COMMENT ON FUNCTION @extschema@.series_ne(@extschema@.series, @extschema@.series) IS 'implementation of <> for series';
COMMENT ON FUNCTION @extschema@.series_hash(@extschema@.series) IS 'hash of a series';
COMMENT ON FUNCTION @extschema@.series_hash_extended(@extschema@.series, pg_catalog.int8) IS 'seeded 64-bit hash of a series';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.series, RIGHTARG = @extschema@.series,
    FUNCTION = @extschema@.series_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.series, RIGHTARG = @extschema@.series,
    FUNCTION = @extschema@.series_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.series, @extschema@.series) IS 'the same facts, values and rates';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.series, @extschema@.series) IS 'different facts, values or rates';

CREATE OPERATOR CLASS @extschema@.series_hash_ops DEFAULT FOR TYPE @extschema@.series USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.series_hash(@extschema@.series),
    FUNCTION 2 @extschema@.series_hash_extended(@extschema@.series, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.series_hash_ops USING hash IS 'hashing of series, for GROUP BY and DISTINCT';

-- The aggregates

CREATE FUNCTION @extschema@.series_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_kind_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_kind_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_rollup_sfunc(pg_catalog.internal, @extschema@.series)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_rollup_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_final(pg_catalog.internal) RETURNS @extschema@.series
    AS 'MODULE_PATHNAME', 'series_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'series_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8) IS
    'transition function of series(period, value)';
COMMENT ON FUNCTION @extschema@.series_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8, pg_catalog.float8) IS
    'transition function of series(period, value, growth)';
COMMENT ON FUNCTION @extschema@.series_kind_sfunc(pg_catalog.internal, @extschema@.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'transition function of series(period, value, growth, kind)';
COMMENT ON FUNCTION @extschema@.series_rollup_sfunc(pg_catalog.internal, @extschema@.series) IS
    'transition function of rollup(series)';
COMMENT ON FUNCTION @extschema@.series_final(pg_catalog.internal) IS 'final function of the series aggregates';
COMMENT ON FUNCTION @extschema@.series_combine(pg_catalog.internal, pg_catalog.internal) IS
    'combine function of the series aggregates: adds period by period';
COMMENT ON FUNCTION @extschema@.series_serialize(pg_catalog.internal) IS 'serialize a series aggregate state';
COMMENT ON FUNCTION @extschema@.series_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
    'deserialize a series aggregate state, checking every length';

CREATE AGGREGATE @extschema@.series(p @extschema@.period, value pg_catalog.float8) (
    SFUNC = @extschema@.series_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.series_final, COMBINEFUNC = @extschema@.series_combine,
    SERIALFUNC = @extschema@.series_serialize, DESERIALFUNC = @extschema@.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.series(@extschema@.period, pg_catalog.float8) IS
    'the facts of a group as published: values of units and year-to-date spans of one grain; rows of one period add up';
CREATE AGGREGATE @extschema@.series(p @extschema@.period, value pg_catalog.float8, growth pg_catalog.float8) (
    SFUNC = @extschema@.series_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.series_final, COMBINEFUNC = @extschema@.series_combine,
    SERIALFUNC = @extschema@.series_serialize, DESERIALFUNC = @extschema@.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.series(@extschema@.period, pg_catalog.float8, pg_catalog.float8) IS
    'the facts of a group as published, with published growth rates (NULL: none); a NULL value with a rate is a rate-only fact; implied bases add up';
CREATE AGGREGATE @extschema@.series(p @extschema@.period, value pg_catalog.float8, growth pg_catalog.float8, kind pg_catalog.text) (
    SFUNC = @extschema@.series_kind_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.series_final, COMBINEFUNC = @extschema@.series_combine,
    SERIALFUNC = @extschema@.series_serialize, DESERIALFUNC = @extschema@.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.series(@extschema@.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the facts of a group as published, of kind amount (NULL: amount; as the three-argument form) or ratio (one row per period, growth the change in points)';
CREATE AGGREGATE @extschema@.rollup(@extschema@.series) (
    SFUNC = @extschema@.series_rollup_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.series_final, COMBINEFUNC = @extschema@.series_combine,
    SERIALFUNC = @extschema@.series_serialize, DESERIALFUNC = @extschema@.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.series) IS
    'the sum of amount series of one grain, period by period (districts to city); a period where an input has no level has neither level nor rate';

-- Reading

CREATE FUNCTION @extschema@.value(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value(@extschema@.series, @extschema@.period) IS
    'the value of a period of the series'' grain or coarser, derived from the facts; NULL when a needed fact is missing';
CREATE FUNCTION @extschema@.base(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_base' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.base(@extschema@.series, @extschema@.period) IS
    'the comparable base of a period: implied by published rates where they exist, else the value a year earlier';
CREATE FUNCTION @extschema@.yoy(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.yoy(@extschema@.series, @extschema@.period) IS
    'growth against the same period a year earlier in percent (同比), in points for a ratio series; the published rate where the period is a fact with one';
CREATE FUNCTION @extschema@.mom(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_mom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mom(@extschema@.series, @extschema@.period) IS
    'growth against the preceding period of the same length in percent (环比), in points for a ratio series';
CREATE FUNCTION @extschema@.ytd(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_ytd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ytd(@extschema@.series, @extschema@.period) IS
    'the year-to-date value through the end of p (1-N月累计)';
CREATE FUNCTION @extschema@.ytd_yoy(s @extschema@.series, p @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_ytd_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ytd_yoy(@extschema@.series, @extschema@.period) IS
    'growth of the year-to-date value through the end of p against a year earlier, in percent (累计同比)';
CREATE FUNCTION @extschema@.avg_growth(s @extschema@.series, p @extschema@.period, years pg_catalog.int4)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_avg_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_growth(@extschema@.series, @extschema@.period, pg_catalog.int4) IS
    'geometric mean of the yearly comparable rates of p over years years, in percent (两年平均增长); the level ratio where a rate is missing; NULL for a ratio series';
CREATE FUNCTION @extschema@.kind(s @extschema@.series) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kind(@extschema@.series) IS
    'amount (levels add up, rates in percent) or ratio (never added, changes in points)';
CREATE FUNCTION @extschema@.first(s @extschema@.series) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'series_first' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first(@extschema@.series) IS 'the first unit any fact of the series covers';
CREATE FUNCTION @extschema@.last(s @extschema@.series) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'series_last' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.last(@extschema@.series) IS 'the last unit any fact of the series covers';
CREATE FUNCTION @extschema@.sparkline(s @extschema@.series) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sparkline(@extschema@.series) IS
    'the unit values from first to last as block characters ▁▂▃▄▅▆▇█ for psql';
CREATE FUNCTION @extschema@.sparkline(s @extschema@.series, "from" @extschema@.period, "to" @extschema@.period)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sparkline(@extschema@.series, @extschema@.period, @extschema@.period) IS
    'the unit values from one unit to another as block characters ▁▂▃▄▅▆▇█';
CREATE FUNCTION @extschema@.resample(s @extschema@.series, grain pg_catalog.text) RETURNS @extschema@.series
    AS 'MODULE_PATHNAME', 'series_resample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.resample(@extschema@.series, pg_catalog.text) IS
    'the series at a coarser grain: each derivable unit and year-to-date value, with rates where published; for a ratio series only the facts that are exactly such a period';
CREATE FUNCTION @extschema@.unnest(s @extschema@.series,
    OUT period @extschema@.period, OUT value pg_catalog.float8, OUT growth pg_catalog.float8,
    OUT cumulative pg_catalog.bool) RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'series_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.unnest(@extschema@.series) IS
    'the facts of the series: period, value (NULL if no level was published), published growth (NULL if none; points for a ratio series), and whether it is year-to-date';

-- Merging: s || newer, the facts of both, newer's where both have one of
-- a period (as jsonb || keeps the right operand's keys). What the series
-- store's append writes: the series of a statement's new facts merged
-- into the stored one (55_observation_series.sql).

CREATE FUNCTION @extschema@.series_merge(s @extschema@.series, newer @extschema@.series)
    RETURNS @extschema@.series
    AS 'MODULE_PATHNAME', 'series_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_merge(@extschema@.series, @extschema@.series) IS
    'implementation of || for series: every fact of both, the newer series'' where both have a fact of one period; both of one grain and kind (22023 otherwise)';
CREATE OPERATOR @extschema@.|| (LEFTARG = @extschema@.series, RIGHTARG = @extschema@.series,
    FUNCTION = @extschema@.series_merge);
COMMENT ON OPERATOR @extschema@.|| (@extschema@.series, @extschema@.series) IS
    'the facts of both series, the right one''s where both have a fact of one period (a later publication replaces the earlier); of one grain and kind (22023 otherwise)';
