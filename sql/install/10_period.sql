-- tracker.period: one unit of a calendar grain, or a run of consecutive
-- units of one grain. See README "tracker.period".

CREATE TYPE @extschema@.period;

CREATE FUNCTION @extschema@.period_in(pg_catalog.cstring) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_out(@extschema@.period) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'period_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_recv(pg_catalog.internal) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_send(@extschema@.period) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'period_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.period (
    INPUT = @extschema@.period_in,
    OUTPUT = @extschema@.period_out,
    RECEIVE = @extschema@.period_recv,
    SEND = @extschema@.period_send,
    INTERNALLENGTH = 8,
    PASSEDBYVALUE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.period IS
    'a reporting period: one unit of a calendar grain (year, half, quarter, month, ISO week, day) or a run of consecutive units of one grain, such as 2022-01..07';
COMMENT ON FUNCTION @extschema@.period_in(pg_catalog.cstring) IS 'text input of period';
COMMENT ON FUNCTION @extschema@.period_out(@extschema@.period) IS 'canonical text output of period';
COMMENT ON FUNCTION @extschema@.period_recv(pg_catalog.internal) IS 'binary input of period';
COMMENT ON FUNCTION @extschema@.period_send(@extschema@.period) IS 'binary output of period';

-- Constructors

CREATE FUNCTION @extschema@.period(d pg_catalog.date, grain pg_catalog.text) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period(pg_catalog.date, pg_catalog.text) IS
    'the unit of the given grain (year, half, quarter, month, week, day) that contains the date';

CREATE FUNCTION @extschema@.span(first @extschema@.period, last @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_span' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.span(@extschema@.period, @extschema@.period) IS
    'the run of units from the start of first through the end of last, both of one grain';

CREATE FUNCTION @extschema@.ytd(p @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_ytd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ytd(@extschema@.period) IS
    'year to date: from the year''s first unit of p''s grain through p''s last unit';

CREATE FUNCTION @extschema@.is_period(t pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_is_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_period(pg_catalog.text) IS
    'true when the text is a valid period, without raising an error';

-- Accessors

CREATE FUNCTION @extschema@.start_date(p @extschema@.period) RETURNS pg_catalog.date
    AS 'MODULE_PATHNAME', 'period_start_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.start_date(@extschema@.period) IS 'the first day of the period';

CREATE FUNCTION @extschema@.end_date(p @extschema@.period) RETURNS pg_catalog.date
    AS 'MODULE_PATHNAME', 'period_end_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.end_date(@extschema@.period) IS 'the last day of the period (inclusive)';

CREATE FUNCTION @extschema@.days(p @extschema@.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days(@extschema@.period) IS 'the number of days in the period';

CREATE FUNCTION @extschema@.grain(p @extschema@.period) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'period_grain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grain(@extschema@.period) IS
    'the grain of the period: year, half, quarter, month, week or day';

CREATE FUNCTION @extschema@.year(p @extschema@.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year(@extschema@.period) IS
    'the year of the period''s first unit (the ISO year for weeks)';

CREATE FUNCTION @extschema@.label(p @extschema@.period, lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'period_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.period, pg_catalog.text) IS
    'the period as bulletins write it, in Chinese (zh, the default) or English (en)';

-- Casts

CREATE FUNCTION @extschema@.daterange(p @extschema@.period) RETURNS pg_catalog.daterange
    AS 'MODULE_PATHNAME', 'period_to_daterange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.daterange(@extschema@.period) IS 'the days of the period as a daterange';
CREATE CAST (@extschema@.period AS pg_catalog.daterange)
    WITH FUNCTION @extschema@.daterange(@extschema@.period);
COMMENT ON CAST (@extschema@.period AS pg_catalog.daterange) IS 'the days of the period as a daterange';

CREATE FUNCTION @extschema@.period(d pg_catalog.date) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_from_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period(pg_catalog.date) IS 'the date as a period of grain day';
CREATE CAST (pg_catalog.date AS @extschema@.period)
    WITH FUNCTION @extschema@.period(pg_catalog.date);
COMMENT ON CAST (pg_catalog.date AS @extschema@.period) IS 'the date as a period of grain day';

-- Navigation

CREATE FUNCTION @extschema@.period_plus(@extschema@.period, pg_catalog.int4) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_plus(@extschema@.period, pg_catalog.int4) IS
    'the period shifted n units later, keeping its length';
CREATE FUNCTION @extschema@.period_int_plus(pg_catalog.int4, @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_int_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_int_plus(pg_catalog.int4, @extschema@.period) IS
    'the period shifted n units later, keeping its length';
CREATE FUNCTION @extschema@.period_minus(@extschema@.period, pg_catalog.int4) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_minus(@extschema@.period, pg_catalog.int4) IS
    'the period shifted n units earlier, keeping its length';

CREATE OPERATOR @extschema@.+ (LEFTARG = @extschema@.period, RIGHTARG = pg_catalog.int4,
    FUNCTION = @extschema@.period_plus, COMMUTATOR = OPERATOR(@extschema@.+));
COMMENT ON OPERATOR @extschema@.+ (@extschema@.period, pg_catalog.int4) IS 'shift a period n units later';
CREATE OPERATOR @extschema@.+ (LEFTARG = pg_catalog.int4, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_int_plus, COMMUTATOR = OPERATOR(@extschema@.+));
COMMENT ON OPERATOR @extschema@.+ (pg_catalog.int4, @extschema@.period) IS 'shift a period n units later';
CREATE OPERATOR @extschema@.- (LEFTARG = @extschema@.period, RIGHTARG = pg_catalog.int4,
    FUNCTION = @extschema@.period_minus);
COMMENT ON OPERATOR @extschema@.- (@extschema@.period, pg_catalog.int4) IS 'shift a period n units earlier';

CREATE FUNCTION @extschema@.prev(p @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_prev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.prev(@extschema@.period) IS
    'the preceding period of the same grain and length';

CREATE FUNCTION @extschema@.year_ago(p @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_year_ago' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_ago(@extschema@.period) IS
    'the same period a year earlier (02-29 maps to 02-28, ISO week 53 to week 52)';
CREATE FUNCTION @extschema@.year_ago(p @extschema@.period, years pg_catalog.int4) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_year_ago' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year_ago(@extschema@.period, pg_catalog.int4) IS
    'the same period the given number of years earlier (negative: later)';

-- Calendar progress

CREATE FUNCTION @extschema@.time_progress(target_period @extschema@.period, reporting_period @extschema@.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'period_time_progress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_progress(@extschema@.period, @extschema@.period) IS
    'percent of the target period elapsed through the end of the reporting period, in units of the finer grain (序时进度)';
CREATE FUNCTION @extschema@.time_progress(p @extschema@.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'period_time_progress_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.time_progress(@extschema@.period, pg_catalog.date) IS
    'percent of the period''s days elapsed through as_of (inclusive), clamped to 0..100';

-- Units and sequences

CREATE FUNCTION @extschema@.periods(p @extschema@.period) RETURNS SETOF @extschema@.period
    AS 'MODULE_PATHNAME', 'period_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.period) IS 'the units of the period, in order';
CREATE FUNCTION @extschema@.periods(p @extschema@.period, grain pg_catalog.text) RETURNS SETOF @extschema@.period
    AS 'MODULE_PATHNAME', 'period_units_of_grain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 31;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.period, pg_catalog.text) IS
    'the units of a finer (or the same) grain that make up the period, in order';
CREATE FUNCTION @extschema@.periods(first @extschema@.period, last @extschema@.period) RETURNS SETOF @extschema@.period
    AS 'MODULE_PATHNAME', 'period_series' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.period, @extschema@.period) IS
    'first, first + 1, … through last (one grain and length), like generate_series';

-- Ordering: by start day, then end day, then grain (finer first)

CREATE FUNCTION @extschema@.period_eq(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_ne(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_lt(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_le(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_gt(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_ge(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_cmp(@extschema@.period, @extschema@.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_sortsupport(pg_catalog.internal) RETURNS pg_catalog.void
    AS 'MODULE_PATHNAME', 'period_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_hash(@extschema@.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_hash_extended(@extschema@.period, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'period_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_eq(@extschema@.period, @extschema@.period) IS 'implementation of = for periods';
COMMENT ON FUNCTION @extschema@.period_ne(@extschema@.period, @extschema@.period) IS 'implementation of <> for periods';
COMMENT ON FUNCTION @extschema@.period_lt(@extschema@.period, @extschema@.period) IS 'implementation of < for periods';
COMMENT ON FUNCTION @extschema@.period_le(@extschema@.period, @extschema@.period) IS 'implementation of <= for periods';
COMMENT ON FUNCTION @extschema@.period_gt(@extschema@.period, @extschema@.period) IS 'implementation of > for periods';
COMMENT ON FUNCTION @extschema@.period_ge(@extschema@.period, @extschema@.period) IS 'implementation of >= for periods';
COMMENT ON FUNCTION @extschema@.period_cmp(@extschema@.period, @extschema@.period) IS 'btree comparison of periods';
COMMENT ON FUNCTION @extschema@.period_sortsupport(pg_catalog.internal) IS 'btree sort support for periods';
COMMENT ON FUNCTION @extschema@.period_hash(@extschema@.period) IS 'hash of a period';
COMMENT ON FUNCTION @extschema@.period_hash_extended(@extschema@.period, pg_catalog.int8) IS 'seeded 64-bit hash of a period';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.period, @extschema@.period) IS 'same period (same days and grain)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.period, @extschema@.period) IS 'different periods';
COMMENT ON OPERATOR @extschema@.< (@extschema@.period, @extschema@.period) IS 'earlier (by start, then end, then grain)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.period, @extschema@.period) IS 'earlier or the same';
COMMENT ON OPERATOR @extschema@.> (@extschema@.period, @extschema@.period) IS 'later (by start, then end, then grain)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.period, @extschema@.period) IS 'later or the same';

CREATE OPERATOR CLASS @extschema@.period_ops DEFAULT FOR TYPE @extschema@.period USING btree AS
    OPERATOR 1 @extschema@.< ,
    OPERATOR 2 @extschema@.<= ,
    OPERATOR 3 @extschema@.= ,
    OPERATOR 4 @extschema@.>= ,
    OPERATOR 5 @extschema@.> ,
    FUNCTION 1 @extschema@.period_cmp(@extschema@.period, @extschema@.period),
    FUNCTION 2 @extschema@.period_sortsupport(pg_catalog.internal);
COMMENT ON OPERATOR CLASS @extschema@.period_ops USING btree IS 'order of periods: start, end, grain';

CREATE OPERATOR CLASS @extschema@.period_hash_ops DEFAULT FOR TYPE @extschema@.period USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.period_hash(@extschema@.period),
    FUNCTION 2 @extschema@.period_hash_extended(@extschema@.period, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.period_hash_ops USING hash IS 'hashing of periods';

-- Containment and overlap, on days whatever the grains

CREATE FUNCTION @extschema@.period_contains(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_contained_by(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_contains_date(@extschema@.period, pg_catalog.date) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contains_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.date_contained_by_period(pg_catalog.date, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'date_contained_by_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_overlaps(@extschema@.period, @extschema@.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_contains(@extschema@.period, @extschema@.period) IS 'implementation of @> for periods';
COMMENT ON FUNCTION @extschema@.period_contained_by(@extschema@.period, @extschema@.period) IS 'implementation of <@ for periods';
COMMENT ON FUNCTION @extschema@.period_contains_date(@extschema@.period, pg_catalog.date) IS 'implementation of @> for a period and a date';
COMMENT ON FUNCTION @extschema@.date_contained_by_period(pg_catalog.date, @extschema@.period) IS 'implementation of <@ for a date and a period';
COMMENT ON FUNCTION @extschema@.period_overlaps(@extschema@.period, @extschema@.period) IS 'implementation of && for periods';

CREATE OPERATOR @extschema@.@> (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_contains, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.<@ (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_contained_by, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.@> (LEFTARG = @extschema@.period, RIGHTARG = pg_catalog.date,
    FUNCTION = @extschema@.period_contains_date, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.<@ (LEFTARG = pg_catalog.date, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.date_contained_by_period, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.&& (LEFTARG = @extschema@.period, RIGHTARG = @extschema@.period,
    FUNCTION = @extschema@.period_overlaps, COMMUTATOR = OPERATOR(@extschema@.&&),
    RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.period, @extschema@.period) IS 'contains every day of';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.period, @extschema@.period) IS 'every day lies within';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.period, pg_catalog.date) IS 'contains the date';
COMMENT ON OPERATOR @extschema@.<@ (pg_catalog.date, @extschema@.period) IS 'the date lies within';
COMMENT ON OPERATOR @extschema@.&& (@extschema@.period, @extschema@.period) IS 'share at least one day';

-- min and max, by the btree order

CREATE FUNCTION @extschema@.period_larger(@extschema@.period, @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_larger(@extschema@.period, @extschema@.period) IS 'the later of two periods';
CREATE FUNCTION @extschema@.period_smaller(@extschema@.period, @extschema@.period) RETURNS @extschema@.period
    AS 'MODULE_PATHNAME', 'period_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_smaller(@extschema@.period, @extschema@.period) IS 'the earlier of two periods';

CREATE AGGREGATE @extschema@.max(@extschema@.period) (
    SFUNC = @extschema@.period_larger, STYPE = @extschema@.period,
    COMBINEFUNC = @extschema@.period_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.period) IS 'the latest period (by start, end, grain)';
CREATE AGGREGATE @extschema@.min(@extschema@.period) (
    SFUNC = @extschema@.period_smaller, STYPE = @extschema@.period,
    COMBINEFUNC = @extschema@.period_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.period) IS 'the earliest period (by start, end, grain)';
