
-- tracker.league: a ranking of entities by one value (DESIGN §6). See
-- README "tracker.league".

CREATE TYPE @extschema@.league;

CREATE FUNCTION @extschema@.league_in(pg_catalog.cstring) RETURNS @extschema@.league
    AS 'MODULE_PATHNAME', 'league_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_out(@extschema@.league) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'league_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_recv(pg_catalog.internal) RETURNS @extschema@.league
    AS 'MODULE_PATHNAME', 'league_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_send(@extschema@.league) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'league_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.league (
    INPUT = @extschema@.league_in,
    OUTPUT = @extschema@.league_out,
    RECEIVE = @extschema@.league_recv,
    SEND = @extschema@.league_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.league IS
    'a ranking of entities (regions, projects) by one value, for ranks, gaps and rank changes';
COMMENT ON FUNCTION @extschema@.league_in(pg_catalog.cstring) IS 'text input of league';
COMMENT ON FUNCTION @extschema@.league_out(@extschema@.league) IS 'text output of league';
COMMENT ON FUNCTION @extschema@.league_recv(pg_catalog.internal) IS 'binary input of league';
COMMENT ON FUNCTION @extschema@.league_send(@extschema@.league) IS 'binary output of league';

CREATE FUNCTION @extschema@.league_eq(@extschema@.league, @extschema@.league) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_ne(@extschema@.league, @extschema@.league) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_hash(@extschema@.league) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_hash_extended(@extschema@.league, pg_catalog.int8) RETURNS pg_catalog.int8
    AS 'MODULE_PATHNAME', 'league_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.league_eq(@extschema@.league, @extschema@.league) IS 'implementation of = for leagues';
COMMENT ON FUNCTION @extschema@.league_ne(@extschema@.league, @extschema@.league) IS 'implementation of <> for leagues';
COMMENT ON FUNCTION @extschema@.league_hash(@extschema@.league) IS 'hash of a league';
COMMENT ON FUNCTION @extschema@.league_hash_extended(@extschema@.league, pg_catalog.int8) IS 'seeded 64-bit hash of a league';
CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.league, RIGHTARG = @extschema@.league,
    FUNCTION = @extschema@.league_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.league, RIGHTARG = @extschema@.league,
    FUNCTION = @extschema@.league_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.league, @extschema@.league) IS 'the same entities with the same values';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.league, @extschema@.league) IS 'different entities or values';
CREATE OPERATOR CLASS @extschema@.league_hash_ops DEFAULT FOR TYPE @extschema@.league USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.league_hash(@extschema@.league),
    FUNCTION 2 @extschema@.league_hash_extended(@extschema@.league, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.league_hash_ops USING hash IS 'hashing of leagues';

CREATE FUNCTION @extschema@.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8, pg_catalog.int4)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_final(pg_catalog.internal) RETURNS @extschema@.league
    AS 'MODULE_PATHNAME', 'league_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'league_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.league_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'league_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8) IS
    'transition function of league(entity, value)';
COMMENT ON FUNCTION @extschema@.league_sfunc(pg_catalog.internal, pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'transition function of league(entity, value, decimals)';
COMMENT ON FUNCTION @extschema@.league_final(pg_catalog.internal) IS 'final function of league: sorts and checks entities';
COMMENT ON FUNCTION @extschema@.league_combine(pg_catalog.internal, pg_catalog.internal) IS 'combine function of league';
COMMENT ON FUNCTION @extschema@.league_serialize(pg_catalog.internal) IS 'serialize a league aggregate state';
COMMENT ON FUNCTION @extschema@.league_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
    'deserialize a league aggregate state, checking every length';

CREATE AGGREGATE @extschema@.league(entity pg_catalog.text, value pg_catalog.float8) (
    SFUNC = @extschema@.league_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.league_final, COMBINEFUNC = @extschema@.league_combine,
    SERIALFUNC = @extschema@.league_serialize, DESERIALFUNC = @extschema@.league_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.league(pg_catalog.text, pg_catalog.float8) IS
    'a ranking of entities by value; NULL values are not ranked; an entity given twice is an error';
CREATE AGGREGATE @extschema@.league(entity pg_catalog.text, value pg_catalog.float8, decimals pg_catalog.int4) (
    SFUNC = @extschema@.league_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.league_final, COMBINEFUNC = @extschema@.league_combine,
    SERIALFUNC = @extschema@.league_serialize, DESERIALFUNC = @extschema@.league_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.league(pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1; NULL decimals: no rounding';

CREATE FUNCTION @extschema@.rank(l @extschema@.league, entity pg_catalog.text,
                             descending pg_catalog.bool DEFAULT true,
                             method pg_catalog.text DEFAULT 'competition') RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rank(@extschema@.league, pg_catalog.text, pg_catalog.bool, pg_catalog.text) IS
    'the entity''s place: competition (1,2,2,4, default), dense (1,2,2,3), modified (1,3,3,4) or average (1,2.5,2.5,4); descending false where lower is better';
CREATE FUNCTION @extschema@.size(l @extschema@.league) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.size(@extschema@.league) IS 'the number of ranked entities';
CREATE FUNCTION @extschema@.value(l @extschema@.league, entity pg_catalog.text) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value(@extschema@.league, pg_catalog.text) IS
    'the value the entity was ranked on (rounded when the league has decimals)';
CREATE FUNCTION @extschema@.percentile(l @extschema@.league, entity pg_catalog.text,
                                   descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile(@extschema@.league, pg_catalog.text, pg_catalog.bool) IS
    'share of the other entities ranked below it, in percent: 100 * worse / (size - 1)';
CREATE FUNCTION @extschema@.leader(l @extschema@.league, descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'league_leader' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.leader(@extschema@.league, pg_catalog.bool) IS
    'the entity in first place (among ties, the first by name)';
CREATE FUNCTION @extschema@.gap_to_leader(l @extschema@.league, entity pg_catalog.text,
                                      descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_gap_to_leader' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gap_to_leader(@extschema@.league, pg_catalog.text, pg_catalog.bool) IS
    'how far the entity is behind first place (与第一名差距), >= 0';
CREATE FUNCTION @extschema@.gap_to_next(l @extschema@.league, entity pg_catalog.text,
                                    descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_gap_to_next' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gap_to_next(@extschema@.league, pg_catalog.text, pg_catalog.bool) IS
    'how far the entity is behind the next better value; NULL for the leader';
CREATE FUNCTION @extschema@.top(l @extschema@.league, n pg_catalog.int4,
                            descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text[]
    AS 'MODULE_PATHNAME', 'league_top' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top(@extschema@.league, pg_catalog.int4, pg_catalog.bool) IS
    'the entities ranked n-th or better, best first (红旗); ties at the n-th place are all included';
CREATE FUNCTION @extschema@.bottom(l @extschema@.league, n pg_catalog.int4,
                               descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.text[]
    AS 'MODULE_PATHNAME', 'league_bottom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bottom(@extschema@.league, pg_catalog.int4, pg_catalog.bool) IS
    'the entities ranked n-th from the bottom or worse, worst first (蜗牛); ties are all included';
CREATE FUNCTION @extschema@.mean(l @extschema@.league) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean(@extschema@.league) IS 'the mean of the ranked values';
CREATE FUNCTION @extschema@.median(l @extschema@.league) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'league_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median(@extschema@.league) IS 'the median of the ranked values';
CREATE FUNCTION @extschema@.above_mean(l @extschema@.league, entity pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'league_above_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.above_mean(@extschema@.league, pg_catalog.text) IS
    'whether the entity''s value is above the mean (高于平均)';
CREATE FUNCTION @extschema@.rank_change(now @extschema@.league, before @extschema@.league, entity pg_catalog.text,
                                    descending pg_catalog.bool DEFAULT true) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'league_rank_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rank_change(@extschema@.league, @extschema@.league, pg_catalog.text, pg_catalog.bool) IS
    'places gained since before (位次前移 when positive); NULL when the entity is missing from either';
