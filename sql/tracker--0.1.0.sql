-- tracker — install script, assembled from sql/install/*.sql.

\echo Use "CREATE EXTENSION tracker" to load this file. \quit

-- The control file fixes the schema to tracker. PostgreSQL installs into
-- an existing schema of that name whoever owns it, and a schema's owner
-- can later drop or shadow what lives there: refuse a schema owned by
-- anyone but the role installing the extension.
DO $guard$
DECLARE
    schema_owner pg_catalog.name;
    installer pg_catalog.name;
BEGIN
    SELECT r.rolname INTO schema_owner
    FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
    WHERE n.nspname = 'tracker';
    SELECT r.rolname INTO installer
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles r ON r.oid = e.extowner
    WHERE e.extname = 'tracker';
    IF schema_owner IS DISTINCT FROM installer THEN
        RAISE EXCEPTION 'schema "tracker" is owned by role "%", not by the role installing the extension', schema_owner
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Drop or rename that schema, or install the extension as its owner.';
    END IF;
END
$guard$;
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

-- Rates and targets (DESIGN §4). Rates are in percent, differences of
-- rates in percentage points. See README "Rates and targets".

CREATE FUNCTION tracker.growth(cur pg_catalog.float8, base pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.growth(pg_catalog.float8, pg_catalog.float8) IS
    'growth of cur over base in percent, (cur - base) / base * 100 (同比/环比); NULL when base <= 0';

CREATE FUNCTION tracker.describe_growth(cur pg_catalog.float8, base pg_catalog.float8,
                                        lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_describe_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.describe_growth(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the published wording of a change: 增长24.1%, 下降2.1%, 持平, 增长3.6倍, 扭亏为盈, 由盈转亏, 减亏, 增亏 (zh) or English (en)';

CREATE FUNCTION tracker.avg_growth(cur pg_catalog.float8, base pg_catalog.float8, years pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_avg_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.avg_growth(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'average yearly growth in percent over years, ((cur / base)^(1 / years) - 1) * 100 (两年平均增长)';

CREATE FUNCTION tracker.contribution(part_cur pg_catalog.float8, part_base pg_catalog.float8,
                                     total_base pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.contribution(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'percentage points of the total''s growth that a part pulls, (part_cur - part_base) / total_base * 100 (拉动)';

CREATE FUNCTION tracker.contribution_share(part_cur pg_catalog.float8, part_base pg_catalog.float8,
                                           total_cur pg_catalog.float8, total_base pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.contribution_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'a part''s share of the total''s increase in percent (贡献率); NULL when the total did not change';

CREATE FUNCTION tracker.attainment(actual pg_catalog.float8, target pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_attainment' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.attainment(pg_catalog.float8, pg_catalog.float8) IS
    'actual / target * 100 (完成率); for a negative target (a loss limit) (2 - actual / target) * 100; NULL for target 0';

CREATE FUNCTION tracker.pace(actual pg_catalog.float8, target pg_catalog.float8,
                             target_period tracker.period, reporting_period tracker.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_pace' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.pace(pg_catalog.float8, pg_catalog.float8, tracker.period, tracker.period) IS
    'attainment minus time progress through the reporting period, in points (超/落后序时进度)';
CREATE FUNCTION tracker.pace(actual pg_catalog.float8, target pg_catalog.float8,
                             target_period tracker.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_pace_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.pace(pg_catalog.float8, pg_catalog.float8, tracker.period, pg_catalog.date) IS
    'attainment minus the share of the target period''s days elapsed through as_of, in points';

CREATE FUNCTION tracker.schedule_gap(actual pg_catalog.float8, target pg_catalog.float8,
                                     target_period tracker.period, reporting_period tracker.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_schedule_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.schedule_gap(pg_catalog.float8, pg_catalog.float8, tracker.period, tracker.period) IS
    'actual minus the target pro rata to time progress, in the value''s unit (超收/短收)';
CREATE FUNCTION tracker.schedule_gap(actual pg_catalog.float8, target pg_catalog.float8,
                                     target_period tracker.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_schedule_gap_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.schedule_gap(pg_catalog.float8, pg_catalog.float8, tracker.period, pg_catalog.date) IS
    'actual minus the target pro rata to the days elapsed through as_of, in the value''s unit';

CREATE FUNCTION tracker.projection(actual pg_catalog.float8, target_period tracker.period,
                                   reporting_period tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_projection' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.projection(pg_catalog.float8, tracker.period, tracker.period) IS
    'the value at the end of the target period at the run rate so far';
CREATE FUNCTION tracker.projection(actual pg_catalog.float8, target_period tracker.period,
                                   as_of pg_catalog.date) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_projection_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.projection(pg_catalog.float8, tracker.period, pg_catalog.date) IS
    'the value at the end of the target period at the daily run rate through as_of';

CREATE FUNCTION tracker.required_per_month(actual pg_catalog.float8, target pg_catalog.float8,
                                           target_period tracker.period, reporting_period tracker.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_required_per_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.required_per_month(pg_catalog.float8, pg_catalog.float8, tracker.period, tracker.period) IS
    'what is still needed per remaining month to meet the target (0 once met; NULL when no time is left)';
CREATE FUNCTION tracker.required_per_month(actual pg_catalog.float8, target pg_catalog.float8,
                                           target_period tracker.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_required_per_month_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.required_per_month(pg_catalog.float8, pg_catalog.float8, tracker.period, pg_catalog.date) IS
    'what is still needed per remaining month after as_of to meet the target';

CREATE TYPE tracker.light AS ENUM ('green', 'yellow', 'red');
COMMENT ON TYPE tracker.light IS 'a traffic light (红黄蓝亮牌): green, yellow, red';

CREATE FUNCTION tracker.light(value pg_catalog.float8, green_at pg_catalog.float8, red_below pg_catalog.float8)
    RETURNS tracker.light
    AS 'MODULE_PATHNAME', 'rate_light' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.light(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'green when value >= green_at, red when value < red_below, else yellow';

CREATE FUNCTION tracker.points_by_rank(rank pg_catalog.float8, "full" pg_catalog.float8, step pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_points_by_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.points_by_rank(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'points for a place (争先进位计分): full * (1 - step * (rank - 1)), never below 0';

CREATE FUNCTION tracker.efficacy_score(x pg_catalog.float8, unacceptable pg_catalog.float8,
                                       satisfactory pg_catalog.float8, base pg_catalog.float8 DEFAULT 60,
                                       span pg_catalog.float8 DEFAULT 40) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_efficacy_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.efficacy_score(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'efficacy coefficient score (功效系数法): base + span * (x - unacceptable) / (satisfactory - unacceptable)';

CREATE FUNCTION tracker.round_half_even(x pg_catalog.float8, decimals pg_catalog.int4) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_round_half_even' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.round_half_even(pg_catalog.float8, pg_catalog.int4) IS
    'GB/T 8170 rounding (修约) of the decimal float8 prints: 24.05 -> 24.0, 24.15 -> 24.2';

CREATE FUNCTION tracker.bar(value pg_catalog.float8, max pg_catalog.float8, width pg_catalog.int4 DEFAULT 20)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_bar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.bar(pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
    'a horizontal bar of block characters, value / max of width cells, for psql';

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
    'one group''s facts as published: unit and year-to-date values of one grain, with published growth rates';
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
    'the facts of a group as published, with published growth rates (NULL: none); implied bases add up';
CREATE AGGREGATE tracker.rollup(tracker.series) (
    SFUNC = tracker.series_rollup_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.series_final, COMBINEFUNC = tracker.series_combine,
    SERIALFUNC = tracker.series_serialize, DESERIALFUNC = tracker.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.rollup(tracker.series) IS
    'the sum of series of one grain, period by period (districts to city)';

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
    'growth against the same period a year earlier in percent (同比); the published rate where the period is a fact with one';
CREATE FUNCTION tracker.mom(s tracker.series, p tracker.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'series_mom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.mom(tracker.series, tracker.period) IS
    'growth against the preceding period of the same length in percent (环比)';
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
    'geometric mean of the yearly comparable rates of p over years years, in percent (两年平均增长)';
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
    'the series at a coarser grain: each derivable unit and year-to-date value, with rates where published';
CREATE FUNCTION tracker.unnest(s tracker.series,
    OUT period tracker.period, OUT value pg_catalog.float8, OUT growth pg_catalog.float8,
    OUT cumulative pg_catalog.bool) RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'series_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION tracker.unnest(tracker.series) IS
    'the facts of the series: period, value, published growth (NULL if none), and whether it is year-to-date';

-- tracker.league: a ranking of entities by one value (DESIGN §6). See
-- README "tracker.league".

CREATE TYPE tracker.league;

CREATE FUNCTION tracker.league_in(pg_catalog.cstring) RETURNS tracker.league
    AS 'MODULE_PATHNAME', 'league_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_out(tracker.league) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'league_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_recv(pg_catalog.internal) RETURNS tracker.league
    AS 'MODULE_PATHNAME', 'league_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_send(tracker.league) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'league_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE tracker.league (
    INPUT = tracker.league_in,
    OUTPUT = tracker.league_out,
    RECEIVE = tracker.league_recv,
    SEND = tracker.league_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE tracker.league IS
    'a ranking of entities (regions, projects) by one value, for ranks, gaps and rank changes';
COMMENT ON FUNCTION tracker.league_in(pg_catalog.cstring) IS 'text input of tracker.league';
COMMENT ON FUNCTION tracker.league_out(tracker.league) IS 'text output of tracker.league';
COMMENT ON FUNCTION tracker.league_recv(pg_catalog.internal) IS 'binary input of tracker.league';
COMMENT ON FUNCTION tracker.league_send(tracker.league) IS 'binary output of tracker.league';

CREATE FUNCTION tracker.league_eq(tracker.league, tracker.league) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_ne(tracker.league, tracker.league) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_hash(tracker.league) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_hash_extended(tracker.league, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'league_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.league_eq(tracker.league, tracker.league) IS 'implementation of = for leagues';
COMMENT ON FUNCTION tracker.league_ne(tracker.league, tracker.league) IS 'implementation of <> for leagues';
COMMENT ON FUNCTION tracker.league_hash(tracker.league) IS 'hash of a league';
COMMENT ON FUNCTION tracker.league_hash_extended(tracker.league, pg_catalog.int8) IS 'seeded 64-bit hash of a league';
CREATE OPERATOR tracker.= (LEFTARG = tracker.league, RIGHTARG = tracker.league,
    FUNCTION = tracker.league_eq, COMMUTATOR = OPERATOR(tracker.=), NEGATOR = OPERATOR(tracker.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES);
CREATE OPERATOR tracker.<> (LEFTARG = tracker.league, RIGHTARG = tracker.league,
    FUNCTION = tracker.league_ne, COMMUTATOR = OPERATOR(tracker.<>), NEGATOR = OPERATOR(tracker.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR tracker.= (tracker.league, tracker.league) IS 'the same entities with the same values';
COMMENT ON OPERATOR tracker.<> (tracker.league, tracker.league) IS 'different entities or values';
CREATE OPERATOR CLASS tracker.league_hash_ops DEFAULT FOR TYPE tracker.league USING hash AS
    OPERATOR 1 tracker.= ,
    FUNCTION 1 tracker.league_hash(tracker.league),
    FUNCTION 2 tracker.league_hash_extended(tracker.league, pg_catalog.int8);
COMMENT ON OPERATOR CLASS tracker.league_hash_ops USING hash IS 'hashing of leagues';

CREATE FUNCTION tracker.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8, pg_catalog.int4)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.league_final(pg_catalog.internal) RETURNS tracker.league
    AS 'MODULE_PATHNAME', 'league_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.league_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION tracker.league_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'league_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION tracker.league_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8) IS
    'transition function of league(entity, value)';
COMMENT ON FUNCTION tracker.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'transition function of league(entity, value, decimals)';
COMMENT ON FUNCTION tracker.league_final(pg_catalog.internal) IS 'final function of league: sorts and checks entities';
COMMENT ON FUNCTION tracker.league_combine(pg_catalog.internal, pg_catalog.internal) IS 'combine function of league';
COMMENT ON FUNCTION tracker.league_serialize(pg_catalog.internal) IS 'serialize a league aggregate state';
COMMENT ON FUNCTION tracker.league_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
    'deserialize a league aggregate state, checking every length';

CREATE AGGREGATE tracker.league(entity pg_catalog.text, value pg_catalog.float8) (
    SFUNC = tracker.league_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.league_final, COMBINEFUNC = tracker.league_combine,
    SERIALFUNC = tracker.league_serialize, DESERIALFUNC = tracker.league_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.league(pg_catalog.text, pg_catalog.float8) IS
    'a ranking of entities by value; NULL values are not ranked; an entity given twice is an error';
CREATE AGGREGATE tracker.league(entity pg_catalog.text, value pg_catalog.float8, decimals pg_catalog.int4) (
    SFUNC = tracker.league_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker.league_final, COMBINEFUNC = tracker.league_combine,
    SERIALFUNC = tracker.league_serialize, DESERIALFUNC = tracker.league_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker.league(pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1';

CREATE FUNCTION tracker.rank(l tracker.league, entity pg_catalog.text,
                             descending pg_catalog.bool DEFAULT true,
                             method pg_catalog.text DEFAULT 'competition') RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.rank(tracker.league, pg_catalog.text, pg_catalog.bool, pg_catalog.text) IS
    'the entity''s place: competition (1,2,2,4, default), dense (1,2,2,3), modified (1,3,3,4) or average (1,2.5,2.5,4); descending false where lower is better';
CREATE FUNCTION tracker.size(l tracker.league) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.size(tracker.league) IS 'the number of ranked entities';
CREATE FUNCTION tracker.value(l tracker.league, entity pg_catalog.text) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.value(tracker.league, pg_catalog.text) IS
    'the value the entity was ranked on (rounded when the league has decimals)';
CREATE FUNCTION tracker.percentile(l tracker.league, entity pg_catalog.text,
                                   descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.percentile(tracker.league, pg_catalog.text, pg_catalog.bool) IS
    'share of the other entities ranked below it, in percent: 100 * worse / (size - 1)';
CREATE FUNCTION tracker.leader(l tracker.league, descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'league_leader' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.leader(tracker.league, pg_catalog.bool) IS
    'the entity in first place (among ties, the first by name)';
CREATE FUNCTION tracker.gap_to_leader(l tracker.league, entity pg_catalog.text,
                                      descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_gap_to_leader' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.gap_to_leader(tracker.league, pg_catalog.text, pg_catalog.bool) IS
    'how far the entity is behind first place (与第一名差距), >= 0';
CREATE FUNCTION tracker.gap_to_next(l tracker.league, entity pg_catalog.text,
                                    descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_gap_to_next' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.gap_to_next(tracker.league, pg_catalog.text, pg_catalog.bool) IS
    'how far the entity is behind the next better value; NULL for the leader';
CREATE FUNCTION tracker.top(l tracker.league, n pg_catalog.int4,
                            descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text[]
    AS 'MODULE_PATHNAME', 'league_top' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.top(tracker.league, pg_catalog.int4, pg_catalog.bool) IS
    'the entities ranked n-th or better, best first (红旗); ties at the n-th place are all included';
CREATE FUNCTION tracker.bottom(l tracker.league, n pg_catalog.int4,
                               descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text[]
    AS 'MODULE_PATHNAME', 'league_bottom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.bottom(tracker.league, pg_catalog.int4, pg_catalog.bool) IS
    'the entities ranked n-th from the bottom or worse, worst first (蜗牛); ties are all included';
CREATE FUNCTION tracker.mean(l tracker.league) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.mean(tracker.league) IS 'the mean of the ranked values';
CREATE FUNCTION tracker.median(l tracker.league) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.median(tracker.league) IS 'the median of the ranked values';
CREATE FUNCTION tracker.above_mean(l tracker.league, entity pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_above_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.above_mean(tracker.league, pg_catalog.text) IS
    'whether the entity''s value is above the mean (高于平均)';
CREATE FUNCTION tracker.rank_change(now tracker.league, before tracker.league, entity pg_catalog.text,
                                    descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_rank_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker.rank_change(tracker.league, tracker.league, pg_catalog.text, pg_catalog.bool) IS
    'places gained since before (位次前移 when positive); NULL when the entity is missing from either';

-- The reference schema (DESIGN §7): regions, indicators, facts as
-- published, targets, and investment projects. Optional: the functions
-- in 60_* read these tables; users may also keep their own and aggregate
-- with series() and league() directly. Registered with
-- pg_extension_config_dump so pg_dump keeps their rows.

CREATE TABLE tracker.region (
    code        pg_catalog.text PRIMARY KEY,
    name        pg_catalog.text NOT NULL,
    parent      pg_catalog.text REFERENCES tracker.region (code) DEFERRABLE INITIALLY DEFERRED,
    peer_group  pg_catalog.text,
    CONSTRAINT region_not_own_parent CHECK (parent IS DISTINCT FROM code)
);
CREATE INDEX region_parent_idx ON tracker.region (parent, peer_group);
COMMENT ON TABLE tracker.region IS
    'regions in a hierarchy; peers (ranked together) share parent and peer_group';

CREATE TABLE tracker.indicator (
    code              pg_catalog.text PRIMARY KEY,
    name              pg_catalog.text NOT NULL,
    unit_label        pg_catalog.text,
    higher_is_better  pg_catalog.bool NOT NULL DEFAULT true,
    decimals          pg_catalog.int4 NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 15)
);
COMMENT ON TABLE tracker.indicator IS
    'economic indicators: how they are named, their unit, whether lower is better, and the decimals bulletins print';

CREATE TABLE tracker.observation (
    region     pg_catalog.text NOT NULL REFERENCES tracker.region (code),
    indicator  pg_catalog.text NOT NULL REFERENCES tracker.indicator (code),
    period     tracker.period NOT NULL,
    value      pg_catalog.float8 NOT NULL,
    growth     pg_catalog.float8,
    PRIMARY KEY (region, indicator, period),
    CONSTRAINT observation_unit_or_ytd CHECK (
        period OPERATOR(tracker.=) tracker.ytd(period)
        OR period OPERATOR(tracker.=) tracker.period(tracker.start_date(period), tracker.grain(period))),
    CONSTRAINT observation_finite CHECK (
        value > '-Infinity' AND value < 'Infinity'
        AND (growth IS NULL OR (growth > -100 AND growth < 'Infinity')))
);
CREATE INDEX observation_indicator_idx ON tracker.observation (indicator, region);
COMMENT ON TABLE tracker.observation IS
    'facts as published: a value for one unit (a month) or a year-to-date span (1-7月), with the published growth rate if any';

CREATE TABLE tracker.target (
    region     pg_catalog.text NOT NULL REFERENCES tracker.region (code),
    indicator  pg_catalog.text NOT NULL REFERENCES tracker.indicator (code),
    period     tracker.period NOT NULL,
    amount     pg_catalog.float8,
    growth     pg_catalog.float8,
    PRIMARY KEY (region, indicator, period),
    CONSTRAINT target_amount_or_growth CHECK (amount IS NOT NULL OR growth IS NOT NULL),
    CONSTRAINT target_finite CHECK (
        (amount IS NULL OR (amount > '-Infinity' AND amount < 'Infinity'))
        AND (growth IS NULL OR (growth > '-Infinity' AND growth < 'Infinity')))
);
CREATE INDEX target_indicator_idx ON tracker.target (indicator, region);
COMMENT ON TABLE tracker.target IS
    'targets for a region, indicator and target period: an amount, a growth rate in percent, or both';

CREATE TYPE tracker.stage AS ENUM (
    'conceived', 'signed', 'registered', 'land_granted', 'approved',
    'started', 'in_statistics', 'completed', 'producing', 'at_capacity');
COMMENT ON TYPE tracker.stage IS
    'the project lifecycle: 谋划 签约 备案 供地 审批 开工 纳统 竣工 投产 达产';

CREATE TABLE tracker.project (
    id                pg_catalog.text PRIMARY KEY,
    name              pg_catalog.text NOT NULL,
    region            pg_catalog.text NOT NULL REFERENCES tracker.region (code),
    industry          pg_catalog.text,
    total_investment  pg_catalog.float8 CHECK (total_investment >= 0)
);
CREATE INDEX project_region_idx ON tracker.project (region);
COMMENT ON TABLE tracker.project IS 'investment projects and the region they count for';

CREATE TABLE tracker.project_milestone (
    project       pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    stage         tracker.stage NOT NULL,
    planned_date  pg_catalog.date,
    actual_date   pg_catalog.date,
    PRIMARY KEY (project, stage),
    CONSTRAINT milestone_dated CHECK (planned_date IS NOT NULL OR actual_date IS NOT NULL)
);
COMMENT ON TABLE tracker.project_milestone IS
    'planned and actual dates of a project''s stages; actual dates never run backwards along the lifecycle';

CREATE TABLE tracker.project_investment (
    project  pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    period   tracker.period NOT NULL,
    amount   pg_catalog.float8 NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (project, period)
);
COMMENT ON TABLE tracker.project_investment IS 'investment completed by a project in a period';

CREATE TABLE tracker.project_plan (
    project             pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    period              tracker.period NOT NULL,
    planned_investment  pg_catalog.float8 NOT NULL CHECK (planned_investment >= 0),
    PRIMARY KEY (project, period)
);
COMMENT ON TABLE tracker.project_plan IS 'investment a project plans for a period (often a year)';

-- A stage's actual date may not precede the actual date of an earlier
-- stage, nor follow that of a later one: a milestone out of order is
-- rejected with check_violation (23514).
CREATE FUNCTION tracker.project_milestone_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    clash record;
BEGIN
    IF NEW.actual_date IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT m.stage, m.actual_date INTO clash
    FROM tracker.project_milestone m
    WHERE m.project = NEW.project AND m.stage OPERATOR(pg_catalog.<>) NEW.stage
      AND m.actual_date IS NOT NULL
      AND ((m.stage OPERATOR(pg_catalog.<) NEW.stage AND m.actual_date > NEW.actual_date)
        OR (m.stage OPERATOR(pg_catalog.>) NEW.stage AND m.actual_date < NEW.actual_date))
    ORDER BY m.stage LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'milestone % of project % on % is out of order', NEW.stage, NEW.project, NEW.actual_date
            USING ERRCODE = 'check_violation',
                  DETAIL = format('Stage %s was reached on %s.', clash.stage, clash.actual_date),
                  HINT = 'Stages follow the lifecycle: conceived, signed, registered, land_granted, approved, started, in_statistics, completed, producing, at_capacity.';
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION tracker.project_milestone_check() IS
    'trigger function: rejects a milestone whose actual date runs against the lifecycle order';
CREATE TRIGGER project_milestone_order
    BEFORE INSERT OR UPDATE ON tracker.project_milestone
    FOR EACH ROW EXECUTE FUNCTION tracker.project_milestone_check();

SELECT pg_catalog.pg_extension_config_dump('tracker.region', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.indicator', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.observation', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.target', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_milestone', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_investment', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_plan', '');

-- observation_series: each region and indicator's observations of one
-- grain as a tracker.series, kept current by triggers on tracker.observation. A
-- scoreboard then reads one stored series per row instead of aggregating
-- years of facts on every call. It is derived data: not registered with
-- pg_extension_config_dump, because restoring tracker.observation
-- rebuilds it through the same triggers.
--
-- toast_tuple_target keeps a series of up to ~330 facts (13 years of
-- months with their year-to-date facts) inline and uncompressed, where it
-- is read in place without a copy.
CREATE TABLE tracker.observation_series (
    region     pg_catalog.text NOT NULL,
    indicator  pg_catalog.text NOT NULL,
    grain      pg_catalog.text NOT NULL,
    series     tracker.series,
    PRIMARY KEY (region, indicator, grain)
) WITH (toast_tuple_target = 8160);
COMMENT ON TABLE tracker.observation_series IS
    'derived: tracker.series(period, value, growth) of each region, indicator and grain of tracker.observation, maintained by triggers';

-- Rebuild the series of every (region, indicator, grain) a statement
-- touched. A region may publish a year's figure and the next year's
-- months: each grain is a series of its own, and a scoreboard reads the
-- one that fits its period. Concurrent writers of one series take turns
-- on its row lock; each rebuild runs after the lock, in a fresh snapshot
-- (READ COMMITTED), so it sees the other writer's committed facts. Under
-- REPEATABLE READ the second writer gets a serialization failure
-- instead, to retry.
--
-- SECURITY DEFINER: roles that may write observations need no privilege
-- on the derived table, and cannot write it directly.
CREATE FUNCTION tracker.observation_series_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    regions     text[];
    indicators  text[];
    grains      text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE tracker.observation_series;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT n.region, n.indicator, tracker.grain(n.period) AS grain
              FROM new_rows n) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT o.region, o.indicator, tracker.grain(o.period) AS grain
              FROM old_rows o) k;
    ELSE
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT n.region, n.indicator, tracker.grain(n.period) AS grain FROM new_rows n
              UNION
              SELECT o.region, o.indicator, tracker.grain(o.period) FROM old_rows o) k;
    END IF;
    IF regions IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO tracker.observation_series (region, indicator, grain)
    SELECT k.region, k.indicator, k.grain
    FROM unnest(regions, indicators, grains) k(region, indicator, grain)
    ON CONFLICT DO NOTHING;
    -- In one order, so two writers of overlapping keys cannot deadlock.
    PERFORM FROM tracker.observation_series s
    JOIN unnest(regions, indicators, grains) k(region, indicator, grain)
      ON s.region = k.region AND s.indicator = k.indicator AND s.grain = k.grain
    ORDER BY s.region, s.indicator, s.grain
    FOR UPDATE OF s;
    UPDATE tracker.observation_series s
    SET series = (SELECT tracker.series(o.period, o.value, o.growth)
                  FROM tracker.observation o
                  WHERE o.region = s.region AND o.indicator = s.indicator
                    AND tracker.grain(o.period) = s.grain)
    FROM unnest(regions, indicators, grains) k(region, indicator, grain)
    WHERE s.region = k.region AND s.indicator = k.indicator AND s.grain = k.grain;
    DELETE FROM tracker.observation_series s
    USING unnest(regions, indicators, grains) k(region, indicator, grain)
    WHERE s.region = k.region AND s.indicator = k.indicator AND s.grain = k.grain
      AND s.series IS NULL;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.observation_series_sync() IS
    'trigger function: rebuilds tracker.observation_series for the regions, indicators and grains a statement on tracker.observation touched';

CREATE TRIGGER observation_series_insert AFTER INSERT ON tracker.observation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_update AFTER UPDATE ON tracker.observation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_delete AFTER DELETE ON tracker.observation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_truncate AFTER TRUNCATE ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();

-- Project progress, the lagging-project list and parent/children
-- consistency over the reference schema (DESIGN §7). See README
-- "Projects and consistency".
--
-- The bodies are SQL-standard (BEGIN ATOMIC): they are parsed once, when
-- the extension is created, and bound to the objects they name, so the
-- caller's search_path cannot redirect them. Every name is qualified all
-- the same, and every operator is written OPERATOR(schema.op); as
-- OPERATOR() gives all operators one precedence, compound operands are
-- parenthesized. Rates come from the extension's own functions
-- (attainment, pace); only day counts are computed here.

-- The 蜗牛 list: overdue milestones and investment behind the calendar.
CREATE FUNCTION tracker.lagging_projects(p tracker.period, as_of pg_catalog.date)
RETURNS TABLE (project pg_catalog.text, project_name pg_catalog.text, region pg_catalog.text,
               reason pg_catalog.text, stage pg_catalog.text, planned_date pg_catalog.date,
               days_late pg_catalog.int4, investment_gap pg_catalog.float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT l.project, pr.name, pr.region, l.reason, l.stage::pg_catalog.text,
           l.planned_date, l.days_late, l.investment_gap
    FROM (
        -- (a) a milestone due by as_of (and planned no later than the end
        -- of p) that the project has not reached by as_of, neither itself
        -- nor through a later stage.
        SELECT m.project, 'overdue milestone'::pg_catalog.text AS reason, m.stage, m.planned_date,
               (as_of OPERATOR(pg_catalog.-) m.planned_date) AS days_late,
               NULL::pg_catalog.float8 AS investment_gap
        FROM tracker.project_milestone m
        WHERE m.planned_date OPERATOR(pg_catalog.<=) as_of
          AND m.planned_date OPERATOR(pg_catalog.<=) tracker.end_date(p)
          AND NOT EXISTS (
              SELECT FROM tracker.project_milestone d
              WHERE d.project OPERATOR(pg_catalog.=) m.project
                AND d.stage OPERATOR(pg_catalog.>=) m.stage
                AND d.actual_date OPERATOR(pg_catalog.<=) as_of)
        UNION ALL
        -- (b) the investment completed from the start of the plan through
        -- the end of p, against the plan, behind the share of the plan
        -- period elapsed by as_of (or by the end of p, if earlier).
        SELECT b.project, 'investment behind calendar'::pg_catalog.text, NULL::tracker.stage,
               NULL::pg_catalog.date, NULL::pg_catalog.int4, (OPERATOR(pg_catalog.-) b.pace)
        FROM (
            -- one plan per project: the longest that contains the end of p
            SELECT DISTINCT ON (pl.project) pl.project,
                   tracker.pace(
                       COALESCE((
                           SELECT pg_catalog.sum(i.amount)
                           FROM tracker.project_investment i
                           WHERE i.project OPERATOR(pg_catalog.=) pl.project
                             AND tracker.span(tracker.period(tracker.start_date(pl.period), 'day'),
                                              tracker.period(tracker.end_date(p), 'day'))
                                 OPERATOR(tracker.@>) i.period), 0::pg_catalog.float8),
                       pl.planned_investment, pl.period, LEAST(as_of, tracker.end_date(p))) AS pace
            FROM tracker.project_plan pl
            WHERE pl.period OPERATOR(tracker.@>) tracker.end_date(p)
            ORDER BY pl.project, tracker.days(pl.period) DESC, pl.period
        ) b
        WHERE b.pace OPERATOR(pg_catalog.<) 0::pg_catalog.float8
    ) l
    JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) l.project
    ORDER BY l.days_late DESC NULLS LAST, l.investment_gap DESC NULLS LAST, l.project, l.stage;
END;
COMMENT ON FUNCTION tracker.lagging_projects(tracker.period, pg_catalog.date) IS
    'the 蜗牛 list, worst first: milestones overdue by as_of (days late) and projects whose investment is behind the calendar of their plan (points)';

-- 开工率, 竣工率, 年度计划投资完成率 per region.
CREATE FUNCTION tracker.project_progress(p tracker.period, as_of pg_catalog.date)
RETURNS TABLE (region pg_catalog.text, region_name pg_catalog.text, projects pg_catalog.int4,
               planned_to_start pg_catalog.int4, started pg_catalog.int4, start_rate pg_catalog.float8,
               planned_to_start_year pg_catalog.int4, started_year pg_catalog.int4,
               start_rate_year pg_catalog.float8,
               planned_to_complete pg_catalog.int4, completed pg_catalog.int4,
               completion_rate pg_catalog.float8,
               planned_investment pg_catalog.float8, completed_investment pg_catalog.float8,
               investment_attainment pg_catalog.float8, lagging pg_catalog.int4)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH proj AS (
        SELECT pr.id, pr.region, ms.planned_date AS start_planned, mc.planned_date AS complete_planned,
               EXISTS (SELECT FROM tracker.project_milestone m
                       WHERE m.project OPERATOR(pg_catalog.=) pr.id
                         AND m.stage OPERATOR(pg_catalog.>=) 'started'::tracker.stage
                         AND m.actual_date OPERATOR(pg_catalog.<=) as_of) AS has_started,
               EXISTS (SELECT FROM tracker.project_milestone m
                       WHERE m.project OPERATOR(pg_catalog.=) pr.id
                         AND m.stage OPERATOR(pg_catalog.>=) 'completed'::tracker.stage
                         AND m.actual_date OPERATOR(pg_catalog.<=) as_of) AS has_completed
        FROM tracker.project pr
        LEFT JOIN tracker.project_milestone ms
               ON ms.project OPERATOR(pg_catalog.=) pr.id
              AND ms.stage OPERATOR(pg_catalog.=) 'started'::tracker.stage
        LEFT JOIN tracker.project_milestone mc
               ON mc.project OPERATOR(pg_catalog.=) pr.id
              AND mc.stage OPERATOR(pg_catalog.=) 'completed'::tracker.stage
    ),
    counts AS (
        SELECT j.region,
               pg_catalog.count(*) AS projects,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(tracker.@>) j.start_planned) AS planned_to_start,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(tracker.@>) j.start_planned AND j.has_started) AS started,
               pg_catalog.count(*) FILTER (WHERE y.y OPERATOR(tracker.@>) j.start_planned) AS planned_to_start_year,
               pg_catalog.count(*) FILTER (WHERE y.y OPERATOR(tracker.@>) j.start_planned AND j.has_started) AS started_year,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(tracker.@>) j.complete_planned) AS planned_to_complete,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(tracker.@>) j.complete_planned AND j.has_completed) AS completed
        FROM proj j
        CROSS JOIN (SELECT tracker.period(tracker.end_date(p), 'year') AS y) y
        GROUP BY j.region
    ),
    plans AS (
        -- each plan counts with the share of its days that lie in p
        SELECT pr.region,
               pg_catalog.sum(CASE
                   WHEN p OPERATOR(tracker.@>) pl.period THEN pl.planned_investment
                   ELSE (pl.planned_investment
                         OPERATOR(pg_catalog.*) (((LEAST(tracker.end_date(pl.period), tracker.end_date(p))
                                                   OPERATOR(pg_catalog.-)
                                                   GREATEST(tracker.start_date(pl.period), tracker.start_date(p)))
                                                  OPERATOR(pg_catalog.+) 1)::pg_catalog.float8))
                        OPERATOR(pg_catalog./) tracker.days(pl.period)::pg_catalog.float8
               END) AS planned
        FROM tracker.project_plan pl
        JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) pl.project
        WHERE pl.period OPERATOR(tracker.&&) p
        GROUP BY pr.region
    ),
    invested AS (
        SELECT pr.region, pg_catalog.sum(i.amount) AS amount
        FROM tracker.project_investment i
        JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) i.project
        WHERE p OPERATOR(tracker.@>) i.period
        GROUP BY pr.region
    ),
    lag AS (
        SELECT l.region, pg_catalog.count(DISTINCT l.project) AS lagging
        FROM tracker.lagging_projects(p, as_of) l
        GROUP BY l.region
    )
    SELECT c.region, r.name,
           c.projects::pg_catalog.int4,
           c.planned_to_start::pg_catalog.int4, c.started::pg_catalog.int4,
           tracker.attainment(c.started::pg_catalog.float8, c.planned_to_start::pg_catalog.float8),
           c.planned_to_start_year::pg_catalog.int4, c.started_year::pg_catalog.int4,
           tracker.attainment(c.started_year::pg_catalog.float8, c.planned_to_start_year::pg_catalog.float8),
           c.planned_to_complete::pg_catalog.int4, c.completed::pg_catalog.int4,
           tracker.attainment(c.completed::pg_catalog.float8, c.planned_to_complete::pg_catalog.float8),
           COALESCE(pl.planned, 0::pg_catalog.float8),
           COALESCE(iv.amount, 0::pg_catalog.float8),
           tracker.attainment(COALESCE(iv.amount, 0::pg_catalog.float8), COALESCE(pl.planned, 0::pg_catalog.float8)),
           COALESCE(lg.lagging, 0)::pg_catalog.int4
    FROM counts c
    JOIN tracker.region r ON r.code OPERATOR(pg_catalog.=) c.region
    LEFT JOIN plans pl ON pl.region OPERATOR(pg_catalog.=) c.region
    LEFT JOIN invested iv ON iv.region OPERATOR(pg_catalog.=) c.region
    LEFT JOIN lag lg ON lg.region OPERATOR(pg_catalog.=) c.region
    ORDER BY c.region;
END;
COMMENT ON FUNCTION tracker.project_progress(tracker.period, pg_catalog.date) IS
    'per region with projects: planned to start and started (开工率) in p and in its year, planned to complete and completed (竣工率), planned and completed investment and attainment, lagging projects';

-- Parents whose own figure differs from the sum of their children's.
CREATE FUNCTION tracker.consistency(p tracker.period)
RETURNS TABLE (kind pg_catalog.text, parent pg_catalog.text, indicator pg_catalog.text,
               period tracker.period, parent_value pg_catalog.float8, children_sum pg_catalog.float8,
               difference pg_catalog.float8, children pg_catalog.int4)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH figures AS (
        SELECT 'target'::pg_catalog.text AS kind, t.region, t.indicator, t.amount AS value
        FROM tracker.target t
        WHERE t.period OPERATOR(tracker.=) p AND t.amount IS NOT NULL
        UNION ALL
        -- each region's facts of the years p touches, read at p
        SELECT 'observation'::pg_catalog.text, o.region, o.indicator,
               tracker.value(tracker.series(o.period, o.value, o.growth), p)
        FROM tracker.observation o
        WHERE o.period OPERATOR(tracker.&&)
              tracker.span(tracker.period(tracker.start_date(p), 'year'),
                           tracker.period(tracker.end_date(p), 'year'))
        GROUP BY o.region, o.indicator
    ),
    compared AS (
        SELECT f.kind, f.region AS parent, f.indicator, f.value AS parent_value,
               pg_catalog.sum(c.value) AS children_sum, pg_catalog.count(c.value) AS children
        FROM figures f
        JOIN tracker.region r ON r.parent OPERATOR(pg_catalog.=) f.region
        LEFT JOIN figures c
               ON c.kind OPERATOR(pg_catalog.=) f.kind
              AND c.region OPERATOR(pg_catalog.=) r.code
              AND c.indicator OPERATOR(pg_catalog.=) f.indicator
        WHERE f.value IS NOT NULL
        GROUP BY f.kind, f.region, f.indicator, f.value
    )
    SELECT x.kind, x.parent, x.indicator, p, x.parent_value, x.children_sum,
           (x.parent_value OPERATOR(pg_catalog.-) x.children_sum), x.children::pg_catalog.int4
    FROM compared x
    WHERE x.children OPERATOR(pg_catalog.>) 0
      AND pg_catalog.abs(x.parent_value OPERATOR(pg_catalog.-) x.children_sum)
          OPERATOR(pg_catalog.>)
          (1e-9::pg_catalog.float8 OPERATOR(pg_catalog.*)
           GREATEST(1::pg_catalog.float8, pg_catalog.abs(x.parent_value)))
    ORDER BY x.kind, x.parent, x.indicator;
END;
COMMENT ON FUNCTION tracker.consistency(tracker.period) IS
    'parents whose own target amount or observed value for p differs from the sum of their children''s (children without a figure left out)';

-- scoreboard(p, as_of): the weekly or monthly 晾晒表 over the reference
-- schema (DESIGN §7). In C (src/scoreboard.c): one query reads each
-- region and indicator's stored series from tracker.observation_series
-- with its names and targets; the series, league and rates cores do the
-- rest in one pass. See README "Scoreboard".

-- The observations of one period: ad hoc queries and hand-written reports.
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
LANGUAGE C STABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'scoreboard';
COMMENT ON FUNCTION tracker.scoreboard(tracker.period, pg_catalog.date) IS
    'the 晾晒表 for period p as of a date: per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change';

-- Privileges. Every role may use the types and functions (EXECUTE is
-- granted to PUBLIC by default), which needs USAGE on the schema. The
-- reference tables hold an office's data: the role that installs the
-- extension (in a trusted install, a database owner rather than the
-- superuser who owns the objects) may read and write them and pass that
-- on; nobody else until granted.
GRANT USAGE ON SCHEMA tracker TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
    ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
       tracker.project, tracker.project_milestone, tracker.project_investment,
       tracker.project_plan
    TO @extowner@ WITH GRANT OPTION;
-- The series the triggers derive from observations: readable, so a role
-- granted SELECT on it can call scoreboard(); written only by the triggers.
GRANT SELECT ON tracker.observation_series TO @extowner@ WITH GRANT OPTION;
