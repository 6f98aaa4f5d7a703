
-- local_addition: an office's own columns and indexes on the reference
-- tables. The tables belong to the superuser, so that nothing of the
-- installing role's runs when a superuser writes them (no triggers,
-- defaults, checks or index expressions of theirs); a row here is a
-- column or an index that the trigger below adds for them, limited to
-- what runs no code of anyone's: a column of a built-in base type (or
-- one of the extension's own types), without default or constraint; an
-- index on plain columns with the default operator class. Deleting the
-- row drops it. Registered with pg_extension_config_dump and named to
-- sort first, so that pg_dump writes these rows before the tables' rows
-- and a restore (with triggers, as by default) adds the columns before
-- their data arrives and the indexes with it.
CREATE TABLE tracker.local_addition (
    relation   pg_catalog.text NOT NULL,
    name       pg_catalog.text NOT NULL,
    kind       pg_catalog.text NOT NULL,
    type       pg_catalog.text,
    columns    pg_catalog.text[],
    method     pg_catalog.text NOT NULL DEFAULT 'btree',
    is_unique  pg_catalog.bool NOT NULL DEFAULT false,
    comment    pg_catalog.text,
    PRIMARY KEY (relation, name),
    -- A longer name would be cut to 63 bytes by CREATE and then not found
    -- by the DROP of its row.
    CONSTRAINT local_addition_name CHECK (pg_catalog.octet_length(name) BETWEEN 1 AND 63),
    CONSTRAINT local_addition_kind CHECK (
        (kind = 'column' AND type IS NOT NULL AND columns IS NULL)
        OR (kind = 'index' AND type IS NULL AND columns IS NOT NULL))
);
COMMENT ON TABLE tracker.local_addition IS
    'an office''s own columns and indexes on the reference tables: inserting a row adds one, deleting it drops it; pg_dump keeps the rows and a restore adds them again';
COMMENT ON COLUMN tracker.local_addition.relation IS
    'the reference table, by name in schema tracker: region, indicator, observation, target, project, project_milestone, project_investment or project_plan';
COMMENT ON COLUMN tracker.local_addition.name IS
    'the name of the new column, or of the new index (in schema tracker)';
COMMENT ON COLUMN tracker.local_addition.kind IS 'column or index';
COMMENT ON COLUMN tracker.local_addition.type IS
    'for a column: its type, a built-in base type (text, numeric, date, int4, jsonb, ...) or one of the extension''s types; NULL for an index';
COMMENT ON COLUMN tracker.local_addition.columns IS
    'for an index: the columns it covers, in order; NULL for a column';
COMMENT ON COLUMN tracker.local_addition.method IS
    'for an index: btree (the default), hash or brin';
COMMENT ON COLUMN tracker.local_addition.is_unique IS
    'for a btree index: whether it is unique';
COMMENT ON COLUMN tracker.local_addition.comment IS
    'the comment the column or index gets (COMMENT ON), or NULL';

-- Runs as the superuser who owns the tables. Everything it writes into
-- DDL is either checked against the catalogs or quoted (%I); the type is
-- one of the extension's by its bare name, or found with only pg_catalog
-- on the search_path, and must then be a base type (or enum) of
-- pg_catalog or a member of the extension, whose input and output run
-- no code of the installing role's.
CREATE FUNCTION tracker.local_addition_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rel       pg_catalog.regclass;
    typ       pg_catalog.oid;
    col       pg_catalog.text;
    cols      pg_catalog.text[] := '{}';
    own       pg_catalog.text[] := ARRAY['region', 'indicator', 'observation', 'target', 'project',
                                         'project_milestone', 'project_investment', 'project_plan'];
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'tracker.local_addition'::pg_catalog.regclass
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'tracker.local_addition_apply() runs only for tracker.local_addition'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a local addition cannot be changed in place'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Delete the row (which drops the column or index) and insert a new one.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.kind = 'column' THEN
            EXECUTE pg_catalog.format('ALTER TABLE tracker.%I DROP COLUMN IF EXISTS %I', OLD.relation, OLD.name);
        ELSE
            EXECUTE pg_catalog.format('DROP INDEX IF EXISTS tracker.%I', OLD.name);
        END IF;
        RETURN OLD;
    END IF;
    IF NOT (NEW.relation OPERATOR(pg_catalog.=) ANY (own)) THEN
        RAISE EXCEPTION 'tracker.local_addition: "%" is not a reference table', NEW.relation
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = pg_catalog.format('Add columns and indexes to %s.', pg_catalog.array_to_string(own, ', '));
    END IF;
    rel := pg_catalog.format('tracker.%I', NEW.relation)::pg_catalog.regclass;
    IF NEW.kind = 'column' THEN
        -- One of the extension's types by its bare name (period, series,
        -- league, light, stage), wherever the extension put it.
        SELECT t.oid INTO typ FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_depend d
          ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
         AND d.objid OPERATOR(pg_catalog.=) t.oid
         AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
         AND d.deptype OPERATOR(pg_catalog.=) 'e'
        JOIN pg_catalog.pg_extension e
          ON e.oid OPERATOR(pg_catalog.=) d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'tracker'
        WHERE t.typname OPERATOR(pg_catalog.=) NEW.type;
        IF typ IS NULL THEN
            typ := pg_catalog.to_regtype(NEW.type);
        END IF;
        IF typ IS NULL OR NOT EXISTS (
               SELECT FROM pg_catalog.pg_type t
               WHERE t.oid OPERATOR(pg_catalog.=) typ
                 AND t.typtype OPERATOR(pg_catalog.=) ANY (ARRAY['b', 'e']::pg_catalog."char"[])
                 AND t.typisdefined
                 AND (t.typnamespace OPERATOR(pg_catalog.=) 'pg_catalog'::pg_catalog.regnamespace
                      OR EXISTS (SELECT FROM pg_catalog.pg_depend d
                                 WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
                                   AND d.objid OPERATOR(pg_catalog.=) COALESCE(NULLIF(t.typelem, 0), t.oid)
                                   AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
                                   AND d.deptype OPERATOR(pg_catalog.=) 'e'
                                   AND d.refobjid OPERATOR(pg_catalog.=)
                                       (SELECT e.oid FROM pg_catalog.pg_extension e
                                        WHERE e.extname OPERATOR(pg_catalog.=) 'tracker')))) THEN
            RAISE EXCEPTION 'tracker.local_addition: type "%" is not a built-in base type nor one of tracker''s', NEW.type
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = 'A column added to a table a superuser writes may not be of a type whose input, output or checks run code a non-superuser wrote (a domain, a composite, another extension''s type).',
                      HINT = 'Use text, numeric, float8, int4, int8, bool, date, timestamptz, jsonb or one of tracker''s types such as period.';
        END IF;
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s', rel, NEW.name, pg_catalog.format_type(typ, NULL));
        IF NEW.comment IS NOT NULL THEN
            EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', rel, NEW.name, NEW.comment);
        END IF;
        RETURN NEW;
    END IF;
    IF NOT (NEW.method OPERATOR(pg_catalog.=) ANY (ARRAY['btree', 'hash', 'brin'])) THEN
        RAISE EXCEPTION 'tracker.local_addition: index method "%" is not btree, hash or brin', NEW.method
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NEW.is_unique AND NEW.method OPERATOR(pg_catalog.<>) 'btree' THEN
        RAISE EXCEPTION 'tracker.local_addition: only a btree index can be unique'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.cardinality(NEW.columns) NOT BETWEEN 1 AND 8 THEN
        RAISE EXCEPTION 'tracker.local_addition: an index covers 1 to 8 columns'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH col IN ARRAY NEW.columns LOOP
        IF col IS NULL OR NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                                      WHERE a.attrelid OPERATOR(pg_catalog.=) rel
                                        AND a.attname OPERATOR(pg_catalog.=) col
                                        AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'tracker.local_addition: table tracker.% has no column "%"', NEW.relation, col
                USING ERRCODE = 'undefined_column';
        END IF;
        cols := cols OPERATOR(pg_catalog.||) pg_catalog.quote_ident(col);
    END LOOP;
    EXECUTE pg_catalog.format('CREATE %s INDEX %I ON %s USING %s (%s)',
                              CASE WHEN NEW.is_unique THEN 'UNIQUE' ELSE '' END,
                              NEW.name, rel, NEW.method, pg_catalog.array_to_string(cols, ', '));
    IF NEW.comment IS NOT NULL THEN
        EXECUTE pg_catalog.format('COMMENT ON INDEX tracker.%I IS %L', NEW.name, NEW.comment);
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION tracker.local_addition_apply() IS
    'trigger function: adds (on INSERT) or drops (on DELETE) the column or index a row of tracker.local_addition describes, after checking that it runs no code of anyone''s';
REVOKE EXECUTE ON FUNCTION tracker.local_addition_apply() FROM PUBLIC;
CREATE TRIGGER local_addition_apply BEFORE INSERT OR UPDATE OR DELETE ON tracker.local_addition
    FOR EACH ROW EXECUTE FUNCTION tracker.local_addition_apply();
COMMENT ON TRIGGER local_addition_apply ON tracker.local_addition IS
    'adds or drops the column or index of each row inserted or deleted';
SELECT pg_catalog.pg_extension_config_dump('tracker.local_addition', '');
