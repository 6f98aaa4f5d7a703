-- No road from a database owner to superuser (issue 10). tracker is
-- trusted, so a role with CREATE on the database installs it; the
-- extension's objects belong to the bootstrap superuser, and two kinds of
-- code run with more rights than their caller: the SECURITY DEFINER
-- trigger function that keeps observation_series (and rebuild_series),
-- and the code of tracker a superuser runs by writing the reference
-- tables or calling scoreboard and the project functions. The types and
-- functions go into a schema the installer names, here one it owns
-- (office): it may rename it and plant look-alikes and overloads there.
-- Each attack below plants code that would make the
-- installer a superuser if it ever ran with a superuser's rights, and
-- logs every call it gets; at the end the log is empty and the installer
-- is no superuser.
SET client_min_messages = warning;
CREATE ROLE regress_tracker_dbowner;
CREATE ROLE regress_tracker_other;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_tracker_dbowner, regress_tracker_other',
              current_database()) \gexec
RESET client_min_messages;

-- The installer's own schema: a log and the payload.
SET ROLE regress_tracker_dbowner;
CREATE SCHEMA attack;
GRANT USAGE ON SCHEMA attack TO PUBLIC;
CREATE TABLE attack.calls (called_as name, was_superuser boolean);
GRANT INSERT ON attack.calls TO PUBLIC;
CREATE FUNCTION attack.evil() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO attack.calls
    SELECT current_user, rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user;
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE 'ALTER ROLE regress_tracker_dbowner SUPERUSER';
    END IF;
    RETURN true;
END $$;
-- The look-alikes' data types, so they can be planted once the real
-- schema is renamed away (when that fails, so do they).
CREATE FUNCTION attack.sfunc(text, anyelement, float8, float8) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';

-- 1. The reproducer of the issue: install, rename the schema away, plant
-- look-alikes under its name, write an observation.
-- The schema it names is its own, and it plants operators there first
-- that the install would bind into the tables' CHECK constraints were
-- they looked up there: float8 against int4 (growth > -100, amount = 0),
-- for which pg_catalog has no exact operator. The install looks names
-- up in pg_catalog only, and proves at its end that nothing of it is
-- bound to an object a non-superuser owns.
CREATE SCHEMA office;
GRANT USAGE ON SCHEMA office TO PUBLIC;
CREATE FUNCTION office.f8i4(float8, int4) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil()';
CREATE OPERATOR office.= (LEFTARG = float8, RIGHTARG = int4, FUNCTION = office.f8i4);
CREATE OPERATOR office.> (LEFTARG = float8, RIGHTARG = int4, FUNCTION = office.f8i4);
CREATE OPERATOR office.>= (LEFTARG = float8, RIGHTARG = int4, FUNCTION = office.f8i4);
CREATE OPERATOR office.<= (LEFTARG = float8, RIGHTARG = int4, FUNCTION = office.f8i4);
CREATE EXTENSION tracker SCHEMA office;
DROP FUNCTION office.f8i4(float8, int4) CASCADE;
INSERT INTO tracker.region VALUES ('a', 'A', NULL, NULL);
INSERT INTO tracker.indicator VALUES ('inv', 'Investment', NULL, true, 1);
INSERT INTO tracker.target VALUES ('a', 'inv', '2022', 100, NULL);
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE SCHEMA tracker;
-- Each look-alike is refused: the installer may not create in schema
-- tracker, which belongs to the superuser (42501).
CREATE FUNCTION tracker.grain(office.period) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION tracker.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE VIEW tracker.observation_view AS
    SELECT * FROM pg_catalog.pg_class WHERE attack.evil();
CREATE TABLE tracker.planted (x int);
CREATE AGGREGATE tracker.series(office.period, float8, float8) (
    SFUNC = attack.sfunc, STYPE = text);
CREATE FUNCTION attack.contains(office.period, office.period) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil()';
CREATE OPERATOR tracker.@> (LEFTARG = office.period, RIGHTARG = office.period,
    FUNCTION = attack.contains);
CREATE OPERATOR tracker.= (LEFTARG = text, RIGHTARG = text, FUNCTION = pg_catalog.texteq);
ALTER SCHEMA tracker OWNER TO regress_tracker_other;
GRANT CREATE ON SCHEMA tracker TO regress_tracker_dbowner;
-- Nor may the installer hang triggers on the reference tables: a trigger
-- runs as whoever writes the table.
CREATE FUNCTION attack.trig() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM attack.evil(); RETURN NULL; END $$;
CREATE TRIGGER planted AFTER INSERT ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION attack.trig();
-- Nor reference them from a table of theirs: a foreign key's check runs
-- as the owner of the referenced table, a superuser, and casts the
-- referencing column with its type's casts, which the installer writes.
CREATE TYPE attack.code AS (code text);
CREATE FUNCTION attack.code_text(attack.code) RETURNS text
    LANGUAGE sql AS 'SELECT ($1).code WHERE attack.evil()';
CREATE CAST (attack.code AS text) WITH FUNCTION attack.code_text(attack.code) AS IMPLICIT;
CREATE TABLE attack.mine (r attack.code REFERENCES tracker.region (code));
-- The writes that ran the planted code before run only tracker's.
INSERT INTO tracker.observation VALUES ('a', 'inv', '2022-07', 1, NULL);
SELECT region, grain, series FROM tracker.observation_series;
RESET ROLE;

-- 2. A superuser writes an observation and reads the board afterwards,
-- also under a search_path that puts the installer's look-alikes of the
-- names tracker's code uses first: text equality, period containment,
-- the functions and relations it calls.
SET ROLE regress_tracker_dbowner;
CREATE SCHEMA attack2;
GRANT USAGE ON SCHEMA attack2 TO PUBLIC;
CREATE FUNCTION attack2.texteq(text, text) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil() AND $1 OPERATOR(pg_catalog.=) $2';
CREATE OPERATOR attack2.= (LEFTARG = text, RIGHTARG = text, FUNCTION = attack2.texteq);
CREATE OPERATOR attack2.@> (LEFTARG = office.period, RIGHTARG = office.period,
    FUNCTION = attack.contains);
CREATE FUNCTION attack2.grain(office.period) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION attack2.unnest(anyarray, anyarray, anyarray)
    RETURNS TABLE (a text, b text, c text) LANGUAGE sql AS 'SELECT NULL, NULL, NULL WHERE attack.evil()';
CREATE AGGREGATE attack2.series(office.period, float8, float8) (
    SFUNC = attack.sfunc, STYPE = text);
CREATE VIEW attack2.region AS SELECT * FROM tracker.region WHERE attack.evil();
CREATE VIEW attack2.observation_series AS
    SELECT * FROM tracker.observation_series WHERE attack.evil();
RESET ROLE;
SET search_path = attack2, pg_catalog, tracker;
INSERT INTO tracker.observation VALUES ('a', 'inv', '2021-07', 1, NULL);
UPDATE tracker.observation SET value = 2 WHERE period OPERATOR(office.=) '2021-07';
SELECT region, indicator, value, growth, target_amount, attainment
FROM tracker.scoreboard('2022-07', '2022-08-10');
SELECT count(*) AS progress_rows FROM tracker.project_progress('2022-Q3', '2022-08-10');
DELETE FROM tracker.observation WHERE period OPERATOR(office.=) '2021-07';
RESET search_path;
SET ROLE regress_tracker_dbowner;
DROP SCHEMA attack2 CASCADE;
DROP FUNCTION attack.contains(office.period, office.period);
RESET ROLE;

-- 2b. Any role may make temporary tables and types. The trigger function
-- that keeps the store runs as its owner, a superuser; attached to a
-- table of the caller's, its transition table's column types (with their
-- casts), or a pg_temp view named like a transition table, would be the
-- caller's, and a TRUNCATE would empty the store. It may not be attached
-- (EXECUTE is revoked), and it runs for tracker.observation only.
SET ROLE regress_tracker_other;
CREATE TYPE pg_temp.per AS (p text);
CREATE FUNCTION pg_temp.per_period(x pg_temp.per) RETURNS office.period
    LANGUAGE sql AS 'SELECT ($1).p::office.period WHERE attack.evil()';
CREATE CAST (pg_temp.per AS office.period) WITH FUNCTION pg_temp.per_period(pg_temp.per) AS IMPLICIT;
CREATE TEMP TABLE fake (region text, indicator text, period pg_temp.per);
CREATE TRIGGER run AFTER INSERT ON fake REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER wipe AFTER TRUNCATE ON fake
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
RESET ROLE;
-- Were it attached (here by a superuser, to show the second guard), it
-- refuses to run for any table but its own.
CREATE TABLE attack.fake2 (region text, indicator text, period office.period);
CREATE TRIGGER wipe AFTER TRUNCATE ON attack.fake2
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
TRUNCATE attack.fake2;
DROP TABLE attack.fake2;
SELECT count(*) AS stored_series FROM tracker.observation_series;
SET ROLE regress_tracker_other;
DROP TABLE fake;
DROP CAST (pg_temp.per AS office.period);
DROP FUNCTION pg_temp.per_period(pg_temp.per);
DROP TYPE pg_temp.per;
RESET ROLE;

-- 2c. The schema of the types and functions is the installer's: it may
-- rename it, make a look-alike under its name, and plant overloads in
-- the real one that a name lookup would pick over the extension's (an
-- untyped literal is text before it is a period; a numeric argument
-- matches a numeric overload exactly). Then a superuser writes, updates
-- and deletes facts, changes an indicator's kind, rebuilds the store and
-- reads every function over the tables, also with the look-alikes first
-- on its search_path. tracker's code finds nothing in that schema by
-- name: its SQL bodies are bound by OID (BEGIN ATOMIC), its C code goes
-- by the OIDs of its arguments, and its triggers call only schema
-- tracker's functions.
SET ROLE regress_tracker_dbowner;
CREATE FUNCTION attack.sfunc4(text, anyelement, float8, float8, text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION attack.sfunc4n(text, anyelement, numeric, numeric, text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION attack.eq(office.period, office.period) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil()';
ALTER SCHEMA office RENAME TO office_real;
CREATE SCHEMA office;
GRANT USAGE ON SCHEMA office TO PUBLIC;
CREATE FUNCTION office.grain(office_real.period) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE AGGREGATE office.series(office_real.period, float8, float8, text) (
    SFUNC = attack.sfunc4, STYPE = text);
CREATE OPERATOR office.= (LEFTARG = office_real.period, RIGHTARG = office_real.period,
    FUNCTION = attack.eq);
CREATE OPERATOR office.@> (LEFTARG = office_real.period, RIGHTARG = office_real.period,
    FUNCTION = attack.eq);
CREATE FUNCTION office.observation_count(office_real.period, office_real.period) RETURNS bigint
    LANGUAGE sql AS 'SELECT 0 WHERE attack.evil()';
CREATE FUNCTION office_real.grain(text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION office_real.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE AGGREGATE office_real.series(office_real.period, numeric, numeric, text) (
    SFUNC = attack.sfunc4n, STYPE = text);
CREATE FUNCTION office_real.span(text, text) RETURNS office_real.period
    LANGUAGE sql AS 'SELECT NULL::office_real.period WHERE attack.evil()';
CREATE FUNCTION office_real.pace(numeric, numeric, office_real.period, date) RETURNS float8
    LANGUAGE sql AS 'SELECT 0::float8 WHERE attack.evil()';
CREATE FUNCTION office_real.value(office_real.series, text) RETURNS float8
    LANGUAGE sql AS 'SELECT 0::float8 WHERE attack.evil()';
-- what the store's append calls to merge new facts into a series
CREATE FUNCTION office.kind(office_real.series) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION attack.merge(office_real.series, office_real.series) RETURNS office_real.series
    LANGUAGE sql AS 'SELECT NULL::office_real.series WHERE attack.evil()';
CREATE OPERATOR office.|| (LEFTARG = office_real.series, RIGHTARG = office_real.series,
    FUNCTION = attack.merge);
CREATE FUNCTION office_real.series_merge(office_real.series, anyelement) RETURNS office_real.series
    LANGUAGE sql AS 'SELECT NULL::office_real.series WHERE attack.evil()';
RESET ROLE;
INSERT INTO tracker.target VALUES ('a', 'inv', '2022-Q3', 0, -5);
INSERT INTO tracker.project VALUES ('p9', 'Plant', 'a', NULL, 5);
INSERT INTO tracker.project_milestone VALUES ('p9', 'started', '2022-03-01', '2022-03-15');
INSERT INTO tracker.project_plan VALUES ('p9', '2022', 24);
INSERT INTO tracker.project_investment VALUES ('p9', '2022-07', 2.25);
INSERT INTO tracker.observation VALUES ('a', 'inv', '2021-07', 0.5, NULL);
UPDATE tracker.observation SET value = 0.8 WHERE region = 'a' AND value = 0.5;
UPDATE tracker.indicator SET kind = 'ratio' WHERE code = 'inv';
UPDATE tracker.indicator SET kind = 'amount' WHERE code = 'inv';
SELECT tracker.rebuild_series();
SELECT region, grain, series FROM tracker.observation_series ORDER BY grain;
SELECT region, value, base, growth, attainment, rank_growth
FROM tracker.scoreboard('2022-07', '2022-08-10');
SELECT region, planned_to_start, started FROM tracker.project_progress('2022-Q3', '2022-08-10');
SELECT count(*) AS lagging FROM tracker.lagging_projects('2022-07', '2022-08-10');
SELECT count(*) AS inconsistent FROM tracker.consistency('2022-07');
SET search_path = office, office_real, pg_catalog, tracker;
INSERT INTO tracker.observation VALUES ('a', 'inv', '2020-07', 0.5, NULL);
DELETE FROM tracker.observation WHERE region = 'a' AND value = 0.5;
SELECT count(*) AS board_rows FROM tracker.scoreboard('2022-07', '2022-08-10');
SELECT count(*) AS progress_rows FROM tracker.project_progress('2022-Q3', '2022-08-10');
RESET search_path;
DELETE FROM tracker.observation WHERE region = 'a' AND value = 0.8;
DELETE FROM tracker.project WHERE id = 'p9';
DELETE FROM tracker.target WHERE growth = -5;
SET ROLE regress_tracker_dbowner;
DROP SCHEMA office CASCADE;
DROP FUNCTION office_real.grain(text), office_real.grain(anyelement),
    office_real.span(text, text), office_real.pace(numeric, numeric, office_real.period, date),
    office_real.value(office_real.series, text);
DROP AGGREGATE office_real.series(office_real.period, numeric, numeric, text);
DROP FUNCTION office_real.series_merge(office_real.series, anyelement);
DROP FUNCTION attack.eq(office_real.period, office_real.period);
DROP FUNCTION attack.merge(office_real.series, office_real.series) CASCADE;
ALTER SCHEMA office_real RENAME TO office;
RESET ROLE;

-- 2d. The installer adds columns and indexes to the reference tables
-- through tracker.local_addition, whose trigger runs as the superuser who
-- owns them. Only what runs no code of anyone's is added: a domain with
-- a check of the installer's, a composite with an implicit cast, a
-- temporary enum, another schema's type, an expression or another
-- table's column, and an index method whose operator classes a
-- non-superuser could write are all refused (22023, 42703); a column
-- added and indexed runs nothing of the installer's when a superuser
-- writes the table.
SET ROLE regress_tracker_dbowner;
CREATE DOMAIN attack.checked AS text CHECK (attack.evil());
CREATE TYPE pg_temp.mood AS ENUM ('a', 'b');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('region', 'x', 'column', 'attack.checked');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('region', 'x', 'column', 'attack.code');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('region', 'x', 'column', 'mood');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('region', 'x', 'column', 'pg_temp.mood');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('observation_series', 'x', 'column', 'text');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('../pg_authid', 'x', 'column', 'text');
INSERT INTO tracker.local_addition (relation, name, kind, columns) VALUES ('region', 'x_idx', 'index', '{"(attack.evil())"}');
INSERT INTO tracker.local_addition (relation, name, kind, columns) VALUES ('region', 'x_idx', 'index', '{oid}');
INSERT INTO tracker.local_addition (relation, name, kind, columns, method) VALUES ('region', 'x_idx', 'index', '{name}', 'gin');
INSERT INTO tracker.local_addition (relation, name, kind, type) VALUES ('region', 'pinyin', 'column', 'text');
INSERT INTO tracker.local_addition (relation, name, kind, columns, is_unique) VALUES ('region', 'region_pinyin_idx', 'index', '{pinyin}', true);
UPDATE tracker.local_addition SET type = 'attack.checked' WHERE name = 'pinyin';
TRUNCATE tracker.local_addition;
RESET ROLE;
INSERT INTO tracker.region (code, name, parent, peer_group, pinyin) VALUES ('c', 'C', NULL, NULL, 'c');
UPDATE tracker.region SET pinyin = 'cc' WHERE code = 'c';
SELECT code, pinyin FROM tracker.region ORDER BY code;
SET ROLE regress_tracker_dbowner;
DELETE FROM tracker.region WHERE code = 'c';
DELETE FROM tracker.local_addition WHERE relation = 'region' AND kind = 'index';
DELETE FROM tracker.local_addition WHERE relation = 'region';
SELECT count(*) AS columns_left FROM pg_attribute
WHERE attrelid = 'tracker.region'::regclass AND attname = 'pinyin' AND NOT attisdropped;
DROP DOMAIN attack.checked;
DROP TYPE pg_temp.mood;
RESET ROLE;

-- 3. The schema after the install: the superuser's, and it grants
-- nothing but USAGE to others.
SELECT r.rolsuper AS schema_owner_is_superuser,
       n.nspacl::text NOT LIKE '%regress%' AS nothing_granted_to_the_installer
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'tracker';

-- 4. A schema named tracker made before the install, by anyone (a
-- superuser too): refused (42P06). The extension makes its schema itself,
-- inside the install's transaction, where no other session can create in
-- it before it belongs to the superuser (specs/install_race.spec).
SET ROLE regress_tracker_dbowner;
DROP EXTENSION tracker;
SELECT count(*) AS schemas_left FROM pg_namespace WHERE nspname = 'tracker';
CREATE SCHEMA tracker;
CREATE EXTENSION tracker;
BEGIN;
DROP SCHEMA tracker;
CREATE SCHEMA tracker;
CREATE EXTENSION tracker;
ROLLBACK;
DROP SCHEMA tracker;
RESET ROLE;
CREATE SCHEMA tracker;
SET ROLE regress_tracker_dbowner;
CREATE EXTENSION tracker;
RESET ROLE;
DROP SCHEMA tracker;

-- 5. 0.1.0, as released, let the installer become superuser, so from
-- 0.2.0 on only a superuser may install it (tracker--0.1.0.control).
SET ROLE regress_tracker_dbowner;
CREATE EXTENSION tracker VERSION '0.1.0';
RESET ROLE;

-- 6. An install of 0.1.0 made while it was trusted (recreated here: a
-- superuser installs it and hands the schema PostgreSQL made for it to
-- the installing role, as a trusted install did), attacked before its
-- update: the schema renamed and a look-alike made under its name; a
-- function planted in the real schema, to be picked over the extension's
-- by an untyped literal ('2022年1-7月' is text before it is a period); a
-- trigger whose WHEN clause runs the installer's code. The update refuses
-- the look-alike and the triggers; it leaves the planted function behind
-- in the old schema, renamed, and moves the extension's objects into a
-- new schema tracker of its own.
CREATE EXTENSION tracker VERSION '0.1.0';
ALTER SCHEMA tracker OWNER TO regress_tracker_dbowner;
UPDATE pg_extension SET extowner = 'regress_tracker_dbowner'::regrole WHERE extname = 'tracker';
GRANT ALL ON tracker.region, tracker.indicator, tracker.observation TO regress_tracker_dbowner WITH GRANT OPTION;
SET ROLE regress_tracker_dbowner;
INSERT INTO tracker.region VALUES ('a', 'A', NULL, NULL);
INSERT INTO tracker.indicator VALUES ('inv', 'Investment', NULL, true, 1);
-- An operator of the installer's that 0.1.0's install bound into a
-- CHECK constraint, when the installer had made schema tracker first and
-- put it there (0.1.0 looked names up in its schema; rebuilt here as it
-- did): the update rebuilds every constraint that compares float8 with
-- int4 under pg_catalog alone, and proves nothing stays bound to it.
CREATE FUNCTION tracker.f8i4(float8, int4) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil()';
CREATE OPERATOR tracker.> (LEFTARG = float8, RIGHTARG = int4, FUNCTION = tracker.f8i4);
RESET ROLE;
SET search_path = tracker;
ALTER TABLE tracker.observation DROP CONSTRAINT observation_finite,
    ADD CONSTRAINT observation_finite CHECK (value > '-Infinity' AND value < 'Infinity'
        AND (growth IS NULL OR (growth > -100 AND growth < 'Infinity')));
RESET search_path;
SELECT pg_describe_object(classid, objid, objsubid) AS bound_to_the_installers_operator
FROM pg_depend WHERE refclassid = 'pg_operator'::regclass
  AND refobjid = 'tracker.>(float8, int4)'::regoperator;
SET ROLE regress_tracker_dbowner;
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE SCHEMA tracker;
ALTER EXTENSION tracker UPDATE TO '0.2.0';
DROP SCHEMA tracker;
ALTER SCHEMA tracker_real RENAME TO tracker;
CREATE FUNCTION tracker.grain(text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE TRIGGER planted AFTER INSERT ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION attack.trig();
CREATE TRIGGER planted_when BEFORE INSERT ON tracker.region
    FOR EACH ROW WHEN (attack.evil()) EXECUTE FUNCTION pg_catalog.suppress_redundant_updates_trigger();
-- Objects of the installer's made members of the extension would move
-- with it into the superuser's schema: an operator the update's own
-- checks would pick up, and a scoreboard(text, text) that an untyped call
-- would pick. A foreign key from the installer's table runs its cast as
-- a superuser.
CREATE FUNCTION tracker.evil_ge(float8, int4) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil() AND $1 OPERATOR(pg_catalog.>=) $2';
CREATE OPERATOR tracker.>= (LEFTARG = float8, RIGHTARG = int4, FUNCTION = tracker.evil_ge);
CREATE FUNCTION tracker.scoreboard(text, text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
ALTER EXTENSION tracker ADD FUNCTION tracker.evil_ge(float8, int4);
ALTER EXTENSION tracker ADD OPERATOR tracker.>= (float8, int4);
ALTER EXTENSION tracker ADD FUNCTION tracker.scoreboard(text, text);
CREATE TABLE attack.mine (r attack.code REFERENCES tracker.region (code));
ALTER EXTENSION tracker UPDATE TO '0.2.0';
ALTER EXTENSION tracker DROP FUNCTION tracker.evil_ge(float8, int4);
ALTER EXTENSION tracker DROP OPERATOR tracker.>= (float8, int4);
ALTER EXTENSION tracker DROP FUNCTION tracker.scoreboard(text, text);
ALTER EXTENSION tracker UPDATE TO '0.2.0';
DROP TABLE attack.mine;
ALTER EXTENSION tracker UPDATE TO '0.2.0';
RESET ROLE;
DROP TRIGGER planted ON tracker.observation;
SET ROLE regress_tracker_dbowner;
ALTER EXTENSION tracker UPDATE TO '0.2.0';
RESET ROLE;
DROP TRIGGER planted_when ON tracker.region;
SET ROLE regress_tracker_dbowner;
ALTER EXTENSION tracker UPDATE TO '0.2.0';
SELECT extversion FROM pg_extension WHERE extname = 'tracker';
RESET ROLE;
SELECT n.nspname, r.rolsuper AS owner_is_superuser,
       (SELECT count(*) FROM pg_depend d WHERE d.refobjid = e.oid AND d.deptype = 'e'
          AND d.classid = 'pg_proc'::regclass
          AND (SELECT pronamespace FROM pg_proc WHERE oid = d.objid) = n.oid) AS extension_functions,
       (SELECT string_agg(p.proname, ', ') FROM pg_proc p WHERE p.pronamespace = n.oid
          AND p.proowner <> 10) AS others_functions
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner, pg_extension e
WHERE n.nspname LIKE 'tracker%' AND e.extname = 'tracker' ORDER BY 1;
SELECT count(*) AS bound_to_the_installers_operator
FROM pg_depend WHERE refclassid = 'pg_operator'::regclass
  AND refobjid = 'tracker_0_1_0.>(float8, int4)'::regoperator;

-- The installer's functions stay in the extension's schema, renamed
-- tracker_0_1_0, as they would in any schema of theirs a fresh install
-- is given; a superuser's typed call reads the extension's (an untyped
-- one would be resolved among the installer's functions: README,
-- Security), and writes and boards run only the extension's code.
SELECT tracker_0_1_0.grain('2022年1-7月'::tracker_0_1_0.period);
SELECT count(*) AS board_rows FROM tracker.scoreboard('2022-07', '2022-08-10');
INSERT INTO tracker.project VALUES ('p1', 'Plant', 'a', NULL, 5);
INSERT INTO tracker.region VALUES ('b', 'B', NULL, NULL);
INSERT INTO tracker.observation VALUES ('a', 'inv', '2022-07', 1, NULL);
SET ROLE regress_tracker_dbowner;
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE FUNCTION tracker.grain(text) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE TRIGGER planted AFTER INSERT ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION attack.trig();
CREATE TABLE attack.mine (r attack.code REFERENCES tracker.region (code));
DROP FUNCTION tracker_0_1_0.grain(text), tracker_0_1_0.evil_ge(float8, int4), tracker_0_1_0.f8i4(float8, int4) CASCADE;
DROP FUNCTION tracker_0_1_0.scoreboard(text, text);
RESET ROLE;

-- The planted code never ran, and the installer is no superuser.
SELECT * FROM attack.calls;
SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_tracker_dbowner';

SET ROLE regress_tracker_dbowner;
DROP EXTENSION tracker;
DROP SCHEMA attack CASCADE;
DROP SCHEMA tracker_0_1_0, office;
RESET ROLE;
SET client_min_messages = warning;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_tracker_dbowner, regress_tracker_other',
              current_database()) \gexec
DROP ROLE regress_tracker_dbowner;
DROP ROLE regress_tracker_other;
