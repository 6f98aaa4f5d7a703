-- No road from a database owner to superuser (issue 10). tracker is
-- trusted, so a role with CREATE on the database installs it; the
-- extension's objects belong to the bootstrap superuser, and two kinds of
-- code run with more rights than their caller: the SECURITY DEFINER
-- trigger function that keeps observation_series, and any function a
-- superuser calls. Each attack below plants code that would make the
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
CREATE EXTENSION tracker;
INSERT INTO tracker.region VALUES ('a', 'A', NULL, NULL);
INSERT INTO tracker.indicator VALUES ('inv', 'Investment', NULL, true, 1);
INSERT INTO tracker.target VALUES ('a', 'inv', '2022', 100, NULL);
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE SCHEMA tracker;
-- Each look-alike is refused: the installer may not create in schema
-- tracker, which belongs to the superuser (42501).
CREATE FUNCTION tracker.grain(tracker.period) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION tracker.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE VIEW tracker.observation_view AS
    SELECT * FROM pg_catalog.pg_class WHERE attack.evil();
CREATE TABLE tracker.planted (x int);
CREATE AGGREGATE tracker.series(tracker.period, float8, float8) (
    SFUNC = attack.sfunc, STYPE = text);
CREATE FUNCTION attack.contains(tracker.period, tracker.period) RETURNS boolean
    LANGUAGE sql AS 'SELECT attack.evil()';
CREATE OPERATOR tracker.@> (LEFTARG = tracker.period, RIGHTARG = tracker.period,
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
CREATE OPERATOR attack2.@> (LEFTARG = tracker.period, RIGHTARG = tracker.period,
    FUNCTION = attack.contains);
CREATE FUNCTION attack2.grain(tracker.period) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE FUNCTION attack2.unnest(anyarray, anyarray, anyarray)
    RETURNS TABLE (a text, b text, c text) LANGUAGE sql AS 'SELECT NULL, NULL, NULL WHERE attack.evil()';
CREATE AGGREGATE attack2.series(tracker.period, float8, float8) (
    SFUNC = attack.sfunc, STYPE = text);
CREATE VIEW attack2.region AS SELECT * FROM tracker.region WHERE attack.evil();
CREATE VIEW attack2.observation_series AS
    SELECT * FROM tracker.observation_series WHERE attack.evil();
RESET ROLE;
SET search_path = attack2, pg_catalog, tracker;
INSERT INTO tracker.observation VALUES ('a', 'inv', '2021-07', 1, NULL);
UPDATE tracker.observation SET value = 2 WHERE period OPERATOR(tracker.=) '2021-07';
SELECT region, indicator, value, growth, target_amount, attainment
FROM tracker.scoreboard('2022-07', '2022-08-10');
SELECT count(*) AS progress_rows FROM tracker.project_progress('2022-Q3', '2022-08-10');
DELETE FROM tracker.observation WHERE period OPERATOR(tracker.=) '2021-07';
RESET search_path;
SET ROLE regress_tracker_dbowner;
DROP SCHEMA attack2 CASCADE;
DROP FUNCTION attack.contains(tracker.period, tracker.period);
RESET ROLE;

-- 3. The schema after the install: the superuser's, and it grants
-- nothing but USAGE to others.
SELECT r.rolsuper AS schema_owner_is_superuser,
       n.nspacl::text NOT LIKE '%regress%' AS nothing_granted_to_the_installer
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'tracker';

-- 4. A schema named tracker made before the install. Someone other than
-- the installer owns it: refused. The installer owns it but it holds an
-- object, or grants CREATE to another role: refused. The installer owns
-- it and it is empty (pg_restore makes it so): taken over.
SET ROLE regress_tracker_dbowner;
DROP EXTENSION tracker;
RESET ROLE;
DROP SCHEMA tracker;
SET ROLE regress_tracker_other;
CREATE SCHEMA tracker;
SET ROLE regress_tracker_dbowner;
CREATE EXTENSION tracker;
SET ROLE regress_tracker_other;
DROP SCHEMA tracker;
SET ROLE regress_tracker_dbowner;
CREATE SCHEMA tracker;
CREATE FUNCTION tracker.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
CREATE EXTENSION tracker;
DROP FUNCTION tracker.grain(anyelement);
GRANT CREATE ON SCHEMA tracker TO regress_tracker_other;
CREATE EXTENSION tracker;
REVOKE CREATE ON SCHEMA tracker FROM regress_tracker_other;
CREATE EXTENSION tracker;
SELECT r.rolsuper AS taken_over_by_superuser
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'tracker';
CREATE FUNCTION tracker.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';

-- 5. DROP EXTENSION leaves the schema (PostgreSQL does not make it a
-- member), the superuser's and empty; the installer cannot use it, and
-- can install again.
DROP EXTENSION tracker;
CREATE TABLE tracker.planted (x int);
CREATE EXTENSION tracker;
SELECT tracker.label('2022-01..07');
RESET ROLE;

-- 6. An install of 0.1.0, attacked before the update to 0.2.0: the
-- update refuses to run over a renamed schema or over objects planted in
-- it, and takes the schema over when it is clean.
SET ROLE regress_tracker_dbowner;
DROP EXTENSION tracker;
RESET ROLE;
DROP SCHEMA tracker;
SET ROLE regress_tracker_dbowner;
CREATE EXTENSION tracker VERSION '0.1.0';
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE SCHEMA tracker;
CREATE FUNCTION tracker.schema_foreign_objects(oid) RETURNS text
    LANGUAGE sql AS 'SELECT NULL::text WHERE attack.evil()';
ALTER EXTENSION tracker UPDATE TO '0.2.0';
DROP SCHEMA tracker CASCADE;
ALTER SCHEMA tracker_real RENAME TO tracker;
CREATE FUNCTION tracker.grain(anyelement) RETURNS text
    LANGUAGE sql AS 'SELECT attack.evil()::text';
ALTER EXTENSION tracker UPDATE TO '0.2.0';
DROP FUNCTION tracker.grain(anyelement);
RESET ROLE;
-- A trigger of the installer's on a reference table (0.1.0 granted
-- TRIGGER): the update refuses until a superuser drops it.
SET ROLE regress_tracker_dbowner;
CREATE TRIGGER planted AFTER INSERT ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION attack.trig();
ALTER EXTENSION tracker UPDATE TO '0.2.0';
RESET ROLE;
DROP TRIGGER planted ON tracker.observation;
SET ROLE regress_tracker_dbowner;
ALTER EXTENSION tracker UPDATE TO '0.2.0';
SELECT extversion FROM pg_extension WHERE extname = 'tracker';
ALTER SCHEMA tracker RENAME TO tracker_real;
CREATE TRIGGER planted AFTER INSERT ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION attack.trig();
RESET ROLE;
SELECT r.rolsuper AS schema_owner_is_superuser
FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'tracker';

-- The planted code never ran, and the installer is no superuser.
SELECT * FROM attack.calls;
SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_tracker_dbowner';

SET ROLE regress_tracker_dbowner;
DROP EXTENSION tracker;
DROP SCHEMA attack CASCADE;
RESET ROLE;
DROP SCHEMA tracker;
SET client_min_messages = warning;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_tracker_dbowner, regress_tracker_other',
              current_database()) \gexec
DROP ROLE regress_tracker_dbowner;
DROP ROLE regress_tracker_other;
