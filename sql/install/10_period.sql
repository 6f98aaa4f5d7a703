-- tracker.period: one unit of a calendar grain, or a run of consecutive
-- units of one grain. See README "tracker.period".

CREATE TYPE tracker.period;

CREATE FUNCTION tracker.period_in(pg_catalog.cstring) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_out(tracker.period) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'period_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_recv(pg_catalog.internal) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_send(tracker.period) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'period_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE tracker.period (
    INPUT = tracker.period_in,
    OUTPUT = tracker.period_out,
    RECEIVE = tracker.period_recv,
    SEND = tracker.period_send,
    INTERNALLENGTH = 8,
    PASSEDBYVALUE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE tracker.period IS
    'a reporting period: one unit of a calendar grain (year, half, quarter, month, ISO week, day) or a run of consecutive units of one grain, such as 2022-01..07';
COMMENT ON FUNCTION tracker.period_in(pg_catalog.cstring) IS 'text input of tracker.period';
COMMENT ON FUNCTION tracker.period_out(tracker.period) IS 'canonical text output of tracker.period';
COMMENT ON FUNCTION tracker.period_recv(pg_catalog.internal) IS 'binary input of tracker.period';
COMMENT ON FUNCTION tracker.period_send(tracker.period) IS 'binary output of tracker.period';

-- Constructors

CREATE FUNCTION tracker.period(d pg_catalog.date, grain pg_catalog.text) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period(pg_catalog.date, pg_catalog.text) IS
    'the unit of the given grain (year, half, quarter, month, week, day) that contains the date';

CREATE FUNCTION tracker.span(first tracker.period, last tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_span' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.span(tracker.period, tracker.period) IS
    'the run of units from the start of first through the end of last, both of one grain';

CREATE FUNCTION tracker.ytd(p tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_ytd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.ytd(tracker.period) IS
    'year to date: from the year''s first unit of p''s grain through p''s last unit';

CREATE FUNCTION tracker.is_period(t pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_is_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.is_period(pg_catalog.text) IS
    'true when the text is a valid tracker.period, without raising an error';

-- Accessors

CREATE FUNCTION tracker.start_date(p tracker.period) RETURNS pg_catalog.date
    AS 'MODULE_PATHNAME', 'period_start_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.start_date(tracker.period) IS 'the first day of the period';

CREATE FUNCTION tracker.end_date(p tracker.period) RETURNS pg_catalog.date
    AS 'MODULE_PATHNAME', 'period_end_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.end_date(tracker.period) IS 'the last day of the period (inclusive)';

CREATE FUNCTION tracker.days(p tracker.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.days(tracker.period) IS 'the number of days in the period';

CREATE FUNCTION tracker.grain(p tracker.period) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'period_grain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.grain(tracker.period) IS
    'the grain of the period: year, half, quarter, month, week or day';

CREATE FUNCTION tracker.year(p tracker.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.year(tracker.period) IS
    'the year of the period''s first unit (the ISO year for weeks)';

CREATE FUNCTION tracker.label(p tracker.period, lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'period_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.label(tracker.period, pg_catalog.text) IS
    'the period as bulletins write it, in Chinese (zh, the default) or English (en)';

-- Casts

CREATE FUNCTION tracker.daterange(p tracker.period) RETURNS pg_catalog.daterange
    AS 'MODULE_PATHNAME', 'period_to_daterange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.daterange(tracker.period) IS 'the days of the period as a daterange';
CREATE CAST (tracker.period AS pg_catalog.daterange)
    WITH FUNCTION tracker.daterange(tracker.period);
COMMENT ON CAST (tracker.period AS pg_catalog.daterange) IS 'the days of the period as a daterange';

CREATE FUNCTION tracker.period(d pg_catalog.date) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_from_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period(pg_catalog.date) IS 'the date as a period of grain day';
CREATE CAST (pg_catalog.date AS tracker.period)
    WITH FUNCTION tracker.period(pg_catalog.date);
COMMENT ON CAST (pg_catalog.date AS tracker.period) IS 'the date as a period of grain day';

-- Navigation

CREATE FUNCTION tracker.period_plus(tracker.period, pg_catalog.int4) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_plus(tracker.period, pg_catalog.int4) IS
    'the period shifted n units later, keeping its length';
CREATE FUNCTION tracker.period_int_plus(pg_catalog.int4, tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_int_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_int_plus(pg_catalog.int4, tracker.period) IS
    'the period shifted n units later, keeping its length';
CREATE FUNCTION tracker.period_minus(tracker.period, pg_catalog.int4) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_minus(tracker.period, pg_catalog.int4) IS
    'the period shifted n units earlier, keeping its length';

CREATE OPERATOR tracker.+ (LEFTARG = tracker.period, RIGHTARG = pg_catalog.int4,
    FUNCTION = tracker.period_plus, COMMUTATOR = OPERATOR(tracker.+));
COMMENT ON OPERATOR tracker.+ (tracker.period, pg_catalog.int4) IS 'shift a period n units later';
CREATE OPERATOR tracker.+ (LEFTARG = pg_catalog.int4, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_int_plus, COMMUTATOR = OPERATOR(tracker.+));
COMMENT ON OPERATOR tracker.+ (pg_catalog.int4, tracker.period) IS 'shift a period n units later';
CREATE OPERATOR tracker.- (LEFTARG = tracker.period, RIGHTARG = pg_catalog.int4,
    FUNCTION = tracker.period_minus);
COMMENT ON OPERATOR tracker.- (tracker.period, pg_catalog.int4) IS 'shift a period n units earlier';

CREATE FUNCTION tracker.prev(p tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_prev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.prev(tracker.period) IS
    'the preceding period of the same grain and length';

CREATE FUNCTION tracker.year_ago(p tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_year_ago' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.year_ago(tracker.period) IS
    'the same period a year earlier (02-29 maps to 02-28, ISO week 53 to week 52)';
CREATE FUNCTION tracker.year_ago(p tracker.period, years pg_catalog.int4) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_year_ago' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.year_ago(tracker.period, pg_catalog.int4) IS
    'the same period the given number of years earlier (negative: later)';

-- Calendar progress

CREATE FUNCTION tracker.time_progress(target_period tracker.period, reporting_period tracker.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'period_time_progress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.time_progress(tracker.period, tracker.period) IS
    'percent of the target period elapsed through the end of the reporting period, in units of the finer grain (序时进度)';
CREATE FUNCTION tracker.time_progress(p tracker.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'period_time_progress_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.time_progress(tracker.period, pg_catalog.date) IS
    'percent of the period''s days elapsed through as_of (inclusive), clamped to 0..100';

-- Units and sequences

CREATE FUNCTION tracker.periods(p tracker.period) RETURNS SETOF tracker.period
    AS 'MODULE_PATHNAME', 'period_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION tracker.periods(tracker.period) IS 'the units of the period, in order';
CREATE FUNCTION tracker.periods(p tracker.period, grain pg_catalog.text) RETURNS SETOF tracker.period
    AS 'MODULE_PATHNAME', 'period_units_of_grain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 31;
COMMENT ON FUNCTION tracker.periods(tracker.period, pg_catalog.text) IS
    'the units of a finer (or the same) grain that make up the period, in order';
CREATE FUNCTION tracker.periods(first tracker.period, last tracker.period) RETURNS SETOF tracker.period
    AS 'MODULE_PATHNAME', 'period_series' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION tracker.periods(tracker.period, tracker.period) IS
    'first, first + 1, … through last (one grain and length), like generate_series';

-- Ordering: by start day, then end day, then grain (finer first)

CREATE FUNCTION tracker.period_eq(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_ne(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_lt(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_le(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_gt(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_ge(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_cmp(tracker.period, tracker.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_sortsupport(pg_catalog.internal) RETURNS pg_catalog.void
    AS 'MODULE_PATHNAME', 'period_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_hash(tracker.period) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'period_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION tracker.period_hash_extended(tracker.period, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'period_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_eq(tracker.period, tracker.period) IS 'implementation of = for periods';
COMMENT ON FUNCTION tracker.period_ne(tracker.period, tracker.period) IS 'implementation of <> for periods';
COMMENT ON FUNCTION tracker.period_lt(tracker.period, tracker.period) IS 'implementation of < for periods';
COMMENT ON FUNCTION tracker.period_le(tracker.period, tracker.period) IS 'implementation of <= for periods';
COMMENT ON FUNCTION tracker.period_gt(tracker.period, tracker.period) IS 'implementation of > for periods';
COMMENT ON FUNCTION tracker.period_ge(tracker.period, tracker.period) IS 'implementation of >= for periods';
COMMENT ON FUNCTION tracker.period_cmp(tracker.period, tracker.period) IS 'btree comparison of periods';
COMMENT ON FUNCTION tracker.period_sortsupport(pg_catalog.internal) IS 'btree sort support for periods';
COMMENT ON FUNCTION tracker.period_hash(tracker.period) IS 'hash of a period';
COMMENT ON FUNCTION tracker.period_hash_extended(tracker.period, pg_catalog.int8) IS 'seeded 64-bit hash of a period';

CREATE OPERATOR tracker.= (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_eq, COMMUTATOR = OPERATOR(tracker.=), NEGATOR = OPERATOR(tracker.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR tracker.<> (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_ne, COMMUTATOR = OPERATOR(tracker.<>), NEGATOR = OPERATOR(tracker.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR tracker.< (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_lt, COMMUTATOR = OPERATOR(tracker.>), NEGATOR = OPERATOR(tracker.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR tracker.<= (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_le, COMMUTATOR = OPERATOR(tracker.>=), NEGATOR = OPERATOR(tracker.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR tracker.> (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_gt, COMMUTATOR = OPERATOR(tracker.<), NEGATOR = OPERATOR(tracker.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR tracker.>= (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_ge, COMMUTATOR = OPERATOR(tracker.<=), NEGATOR = OPERATOR(tracker.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR tracker.= (tracker.period, tracker.period) IS 'same period (same days and grain)';
COMMENT ON OPERATOR tracker.<> (tracker.period, tracker.period) IS 'different periods';
COMMENT ON OPERATOR tracker.< (tracker.period, tracker.period) IS 'earlier (by start, then end, then grain)';
COMMENT ON OPERATOR tracker.<= (tracker.period, tracker.period) IS 'earlier or the same';
COMMENT ON OPERATOR tracker.> (tracker.period, tracker.period) IS 'later (by start, then end, then grain)';
COMMENT ON OPERATOR tracker.>= (tracker.period, tracker.period) IS 'later or the same';

CREATE OPERATOR CLASS tracker.period_ops DEFAULT FOR TYPE tracker.period USING btree AS
    OPERATOR 1 tracker.< ,
    OPERATOR 2 tracker.<= ,
    OPERATOR 3 tracker.= ,
    OPERATOR 4 tracker.>= ,
    OPERATOR 5 tracker.> ,
    FUNCTION 1 tracker.period_cmp(tracker.period, tracker.period),
    FUNCTION 2 tracker.period_sortsupport(pg_catalog.internal);
COMMENT ON OPERATOR CLASS tracker.period_ops USING btree IS 'order of periods: start, end, grain';

CREATE OPERATOR CLASS tracker.period_hash_ops DEFAULT FOR TYPE tracker.period USING hash AS
    OPERATOR 1 tracker.= ,
    FUNCTION 1 tracker.period_hash(tracker.period),
    FUNCTION 2 tracker.period_hash_extended(tracker.period, pg_catalog.int8);
COMMENT ON OPERATOR CLASS tracker.period_hash_ops USING hash IS 'hashing of periods';

-- Containment and overlap, on days whatever the grains

CREATE FUNCTION tracker.period_contains(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_contained_by(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contained_by' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_contains_date(tracker.period, pg_catalog.date) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_contains_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.date_contained_by_period(pg_catalog.date, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'date_contained_by_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.period_overlaps(tracker.period, tracker.period) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'period_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_contains(tracker.period, tracker.period) IS 'implementation of @> for periods';
COMMENT ON FUNCTION tracker.period_contained_by(tracker.period, tracker.period) IS 'implementation of <@ for periods';
COMMENT ON FUNCTION tracker.period_contains_date(tracker.period, pg_catalog.date) IS 'implementation of @> for a period and a date';
COMMENT ON FUNCTION tracker.date_contained_by_period(pg_catalog.date, tracker.period) IS 'implementation of <@ for a date and a period';
COMMENT ON FUNCTION tracker.period_overlaps(tracker.period, tracker.period) IS 'implementation of && for periods';

CREATE OPERATOR tracker.@> (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_contains, COMMUTATOR = OPERATOR(tracker.<@),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR tracker.<@ (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_contained_by, COMMUTATOR = OPERATOR(tracker.@>),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR tracker.@> (LEFTARG = tracker.period, RIGHTARG = pg_catalog.date,
    FUNCTION = tracker.period_contains_date, COMMUTATOR = OPERATOR(tracker.<@),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR tracker.<@ (LEFTARG = pg_catalog.date, RIGHTARG = tracker.period,
    FUNCTION = tracker.date_contained_by_period, COMMUTATOR = OPERATOR(tracker.@>),
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR tracker.&& (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = tracker.period_overlaps, COMMUTATOR = OPERATOR(tracker.&&),
    RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel);
COMMENT ON OPERATOR tracker.@> (tracker.period, tracker.period) IS 'contains every day of';
COMMENT ON OPERATOR tracker.<@ (tracker.period, tracker.period) IS 'every day lies within';
COMMENT ON OPERATOR tracker.@> (tracker.period, pg_catalog.date) IS 'contains the date';
COMMENT ON OPERATOR tracker.<@ (pg_catalog.date, tracker.period) IS 'the date lies within';
COMMENT ON OPERATOR tracker.&& (tracker.period, tracker.period) IS 'share at least one day';

-- min and max, by the btree order

CREATE FUNCTION tracker.period_larger(tracker.period, tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_larger(tracker.period, tracker.period) IS 'the later of two periods';
CREATE FUNCTION tracker.period_smaller(tracker.period, tracker.period) RETURNS tracker.period
    AS 'MODULE_PATHNAME', 'period_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.period_smaller(tracker.period, tracker.period) IS 'the earlier of two periods';

CREATE AGGREGATE tracker.max(tracker.period) (
    SFUNC = tracker.period_larger, STYPE = tracker.period,
    COMBINEFUNC = tracker.period_larger, SORTOP = OPERATOR(tracker.>), PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.max(tracker.period) IS 'the latest period (by start, end, grain)';
CREATE AGGREGATE tracker.min(tracker.period) (
    SFUNC = tracker.period_smaller, STYPE = tracker.period,
    COMBINEFUNC = tracker.period_smaller, SORTOP = OPERATOR(tracker.<), PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.min(tracker.period) IS 'the earliest period (by start, end, grain)';
