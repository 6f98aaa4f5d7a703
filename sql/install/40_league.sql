
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
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1; NULL decimals: no rounding';

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
