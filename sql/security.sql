-- Installation security, in the style of PostgreSQL's test_extensions
-- (CVE-2018-1058 search_path capture, CVE-2022-2625 object hijacking).
-- tracker is trusted, so a non-superuser with CREATE on the database may
-- install it; its script must neither adopt objects an attacker planted
-- nor bind to look-alikes on the caller's search_path.
SET client_min_messages = warning;
CREATE ROLE regress_tracker_owner;
CREATE ROLE regress_tracker_attacker;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_tracker_owner, regress_tracker_attacker',
              current_database()) \gexec
RESET client_min_messages;

-- 1. The attacker plants a schema named tracker before a superuser
-- installs the extension. Its owner could drop or shadow what went into
-- it; the script, which makes schema tracker itself, refuses (42P06).
SET ROLE regress_tracker_attacker;
CREATE SCHEMA tracker;
RESET ROLE;
CREATE EXTENSION tracker;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'tracker';
SET ROLE regress_tracker_attacker;
DROP SCHEMA tracker;
RESET ROLE;

-- 2. A hostile search_path of look-alike types and operators; a
-- non-superuser installs the trusted extension under it, into a schema
-- of its own.
SET ROLE regress_tracker_attacker;
CREATE SCHEMA attack;
GRANT USAGE ON SCHEMA attack TO PUBLIC;
CREATE DOMAIN attack.text AS pg_catalog.int4;
CREATE DOMAIN attack.date AS pg_catalog.int4;
CREATE DOMAIN attack.int4 AS pg_catalog.int8;
CREATE FUNCTION attack.daterange(pg_catalog.int4) RETURNS pg_catalog.int4
    AS 'SELECT $1' LANGUAGE sql;
RESET ROLE;
SET ROLE regress_tracker_owner;
CREATE SCHEMA office;
GRANT USAGE ON SCHEMA office TO PUBLIC;
SET search_path = attack, office, public;
CREATE EXTENSION tracker SCHEMA office;
RESET search_path;
-- The extension works for its owner, who may also use the reference tables.
SELECT office.label('2022-01..07');
INSERT INTO tracker.region VALUES ('r1', 'Region 1', NULL, NULL);
SELECT code, name FROM tracker.region;
DELETE FROM tracker.region;
RESET ROLE;
-- Any other role may use the types and functions but not read the
-- office's tables until granted (42501).
SET ROLE regress_tracker_attacker;
SELECT round(office.yoy(office.series(p, v), '2022-07')::numeric, 4) AS yoy
FROM (VALUES ('2021-07'::office.period, 100), ('2022-07', 124.1)) t(p, v);
SELECT count(*) FROM tracker.observation;
RESET ROLE;

-- Every argument and result type of the extension's functions lies in
-- pg_catalog, office or tracker: none is the attacker's.
SELECT count(*) AS foreign_types
FROM pg_depend d
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
CROSS JOIN LATERAL unnest(p.proargtypes::oid[] || p.prorettype) AS t(oid)
JOIN pg_type ty ON ty.oid = t.oid
WHERE d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tracker')
  AND ty.typnamespace NOT IN ('pg_catalog'::regnamespace, 'office'::regnamespace,
                              'tracker'::regnamespace);
-- The extension belongs to the role that installed it; schema tracker,
-- which the install script made, belongs to the bootstrap superuser (oid
-- 10), as do the member objects, so the installer can neither redefine
-- them nor rename the schema away (sql/security_escalation.sql). The
-- schema is a member of the extension, which records the schema it was
-- given as its own.
SELECT e.extowner = 'regress_tracker_owner'::regrole AS ext_owned_by_installer,
       e.extnamespace = 'office'::regnamespace AS recorded_in_office,
       n.nspowner = 10 AS schema_owned_by_bootstrap_superuser,
       EXISTS (SELECT FROM pg_depend d
               WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid
                 AND d.refobjid = e.oid AND d.deptype = 'e') AS schema_is_member,
       (SELECT bool_and(p.proowner = 10) FROM pg_proc p WHERE p.pronamespace = n.oid)
           AS functions_owned_by_bootstrap_superuser
FROM pg_extension e, pg_namespace n
WHERE e.extname = 'tracker' AND n.nspname = 'tracker';
-- Every member function is PARALLEL SAFE and not volatile but the
-- trigger functions, rebuild_series, which writes the store, and
-- add_yearly_partitions, which adds partitions; and only those run as
-- their owner (SECURITY DEFINER) that must write the store or make
-- tables.
SELECT p.proname, p.proparallel, p.provolatile, p.prosecdef
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tracker')
  AND (p.proparallel <> 's' OR p.provolatile = 'v' OR p.prosecdef
       OR p.prorettype = 'trigger'::regtype)
ORDER BY 1;
-- rebuild_series is for the installing role (and whom it grants it to).
SET ROLE regress_tracker_attacker;
SELECT tracker.rebuild_series();
RESET ROLE;
-- Every member function, type, operator and operator class has a comment.
SELECT pg_describe_object(d.classid, d.objid, 0) AS uncommented
FROM pg_depend d
WHERE d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tracker')
  AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass,
                    'pg_opclass'::regclass, 'pg_cast'::regclass, 'pg_namespace'::regclass)
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
ORDER BY 1;

-- Every column of every table, and every trigger, has a comment too, so
-- that \d+ says what it means and in which unit. A partition's columns
-- are its table's: \d+ tracker.observation says what they mean.
SELECT c.relname, a.attname AS uncommented_column
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relnamespace = 'tracker'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL
ORDER BY 1, 2;
SELECT t.tgname AS uncommented_trigger
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'tracker'::regnamespace AND NOT t.tgisinternal
  AND obj_description(t.oid, 'pg_trigger') IS NULL;
SELECT obj_description('tracker'::regnamespace, 'pg_namespace') IS NOT NULL AS schema_commented;

-- DROP EXTENSION drops the schema with it.
SET ROLE regress_tracker_owner;
DROP EXTENSION tracker;
RESET ROLE;
SELECT count(*) AS schemas_left FROM pg_namespace WHERE nspname = 'tracker';
SELECT count(*) AS objects_left_in_office FROM pg_proc WHERE pronamespace = 'office'::regnamespace;
SET ROLE regress_tracker_owner;
DROP SCHEMA office;
RESET ROLE;
SET ROLE regress_tracker_attacker;
DROP SCHEMA attack CASCADE;
RESET ROLE;
SET client_min_messages = warning;
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_tracker_owner, regress_tracker_attacker',
              current_database()) \gexec
DROP ROLE regress_tracker_owner;
DROP ROLE regress_tracker_attacker;
