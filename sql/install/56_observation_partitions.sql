
-- observation_partitions: tracker.observation is partitioned by range of
-- period (50_schema.sql). A fresh install has one partition, the DEFAULT
-- one, which holds every fact; an office adds partitions (a year each,
-- as a rule) by inserting rows into tracker.local_partition, and drops
-- one, with its facts, by deleting its row. See README "Partitioning".
--
-- Range bounds are periods, ordered by first day, then last day, then
-- grain (period_ops). A bound that is a day, 2023-01-01, sorts before
-- every other period that begins that day (2023-01, 2023-Q1, 2023-01..07,
-- 2023): so a partition FROM ('2023-01-01') TO ('2024-01-01') holds
-- exactly the periods whose first day falls in 2023. That is why bounds
-- are given here as dates. An ISO week belongs where its Monday falls:
-- 2025-W01 begins on 2024-12-30.
--
-- Why partitions are rows here and members of the extension, not tables a
-- DBA attaches by hand: pg_dump writes a partition that is not a member
-- as CREATE TABLE with every column, then ATTACH PARTITION, before any
-- data; a column an office added through tracker.local_addition exists
-- on the restored tracker.observation only once local_addition's rows
-- are restored, with the data, so that ATTACH would fail. A member is
-- not dumped; its row here is (pg_dump writes local_partition's rows
-- before the facts, as local_addition's), and restoring it makes the
-- partition again, with the columns tracker.observation has by then.

COMMENT ON TABLE tracker.observation_default IS
    'the DEFAULT partition of tracker.observation: the facts whose period begins on no day a partition of tracker.local_partition covers (all facts, until one is added); its rows are dumped by pg_dump';

-- The first day of a period, bound by OID, for code that runs with more
-- rights than its caller.
CREATE FUNCTION tracker.observation_first_day(p @extschema@.period) RETURNS pg_catalog.date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT @extschema@.start_date(p);
END;
COMMENT ON FUNCTION tracker.observation_first_day(@extschema@.period) IS
    'the first day of a period, which decides the partition of tracker.observation that holds it; bound by OID for the partitions'' upkeep';

-- The store's upkeep for statements that name a partition rather than
-- tracker.observation, which fire only the partition's own statement
-- triggers: a restore (pg_dump writes each partition's rows into it), or
-- a superuser's direct write. Each rebuilds the series the statement
-- touched from all of tracker.observation, as the table's own triggers
-- do. A TRUNCATE leaves no rows to say which series held its facts, so
-- it rebuilds every series: in READ COMMITTED only, under a lock that
-- makes writers wait (as rebuild_series); TRUNCATE tracker.observation
-- fires it too, for each partition, once the table's own trigger has
-- emptied the store, and it then finds nothing left to do. SECURITY
-- DEFINER and refusing every table but a partition of
-- tracker.observation, for the reasons given at observation_series_sync.
CREATE FUNCTION tracker.observation_partition_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    regions     text[];
    indicators  text[];
    grains      text[];
BEGIN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
                      WHERE i.inhrelid OPERATOR(pg_catalog.=) TG_RELID
                        AND i.inhparent OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
        RAISE EXCEPTION 'tracker.observation_partition_sync() keeps tracker.observation_series and runs only for the triggers of the partitions of tracker.observation'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        IF NOT EXISTS (SELECT FROM tracker.observation_series) AND NOT EXISTS (SELECT FROM tracker.observation) THEN
            RETURN NULL;
        END IF;
        IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
            RAISE EXCEPTION 'TRUNCATE of partition % of tracker.observation runs only in a READ COMMITTED transaction', TG_RELID::pg_catalog.regclass
                USING ERRCODE = 'invalid_transaction_state',
                      DETAIL = 'It rebuilds every stored series, which must read the facts as they are once writers wait, not as they were when the transaction began.',
                      HINT = 'Truncate it in a READ COMMITTED transaction, or drop the partition by deleting its row from tracker.local_partition.';
        END IF;
        LOCK TABLE tracker.observation IN SHARE ROW EXCLUSIVE MODE;
        PERFORM tracker.observation_series_rebuild(NULL, NULL);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT n.region, n.indicator, tracker.observation_grain(n.period) AS grain
              FROM new_rows n) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
              FROM old_rows o) k;
    ELSE
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT n.region, n.indicator, tracker.observation_grain(n.period) AS grain FROM new_rows n
              UNION
              SELECT o.region, o.indicator, tracker.observation_grain(o.period) FROM old_rows o) k;
    END IF;
    IF regions IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM tracker.observation_series_write(regions, indicators, grains);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.observation_partition_sync() IS
    'trigger function: rebuilds tracker.observation_series for the series a statement on a partition of tracker.observation touched (a restore writes partitions directly); after a TRUNCATE of a partition, every series (READ COMMITTED only, 25000)';
REVOKE EXECUTE ON FUNCTION tracker.observation_partition_sync() FROM PUBLIC;

CREATE TRIGGER observation_series_insert AFTER INSERT ON tracker.observation_default
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_update AFTER UPDATE ON tracker.observation_default
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_delete AFTER DELETE ON tracker.observation_default
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_truncate AFTER TRUNCATE ON tracker.observation_default
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
COMMENT ON TRIGGER observation_series_insert ON tracker.observation_default IS
    'rebuilds the stored series of facts inserted into this partition directly (a restore)';
COMMENT ON TRIGGER observation_series_update ON tracker.observation_default IS
    'rebuilds the stored series of facts updated in this partition directly';
COMMENT ON TRIGGER observation_series_delete ON tracker.observation_default IS
    'rebuilds the stored series of facts deleted from this partition directly';
COMMENT ON TRIGGER observation_series_truncate ON tracker.observation_default IS
    'rebuilds every stored series after this partition alone was truncated';

-- local_partition: the office's partitions of tracker.observation, one
-- row each. Inserting a row makes the partition, with the rows of its
-- range moved out of the default partition; deleting the row drops the
-- partition and its facts, and rebuilds the series they belonged to.
-- Registered with pg_extension_config_dump and named to sort before
-- observation, as local_addition, so that a restore makes the partitions
-- before their rows arrive.
CREATE TABLE tracker.local_partition (
    name       pg_catalog.text PRIMARY KEY,
    from_date  pg_catalog.date NOT NULL,
    to_date    pg_catalog.date NOT NULL,
    comment    pg_catalog.text,
    CONSTRAINT local_partition_name CHECK (pg_catalog.octet_length(name) BETWEEN 1 AND 63),
    -- the days a period can begin on (0001-01-01 to 9999-12-31)
    CONSTRAINT local_partition_range CHECK (
        from_date >= '0001-01-01' AND to_date <= '9999-12-31' AND from_date < to_date)
);
COMMENT ON TABLE tracker.local_partition IS
    'the office''s partitions of tracker.observation: inserting a row makes one (moving its facts out of the default partition), deleting it drops it with its facts; pg_dump keeps the rows and a restore makes the partitions again';
COMMENT ON COLUMN tracker.local_partition.name IS
    'the partition''s name in schema tracker (observation_2023), 1 to 63 bytes';
COMMENT ON COLUMN tracker.local_partition.from_date IS
    'it holds the facts whose period begins on this day or later (the first day of a year, as a rule)';
COMMENT ON COLUMN tracker.local_partition.to_date IS
    'and before this day (exclusive; the first day of the next year, as a rule); ranges may not overlap (42P17)';
COMMENT ON COLUMN tracker.local_partition.comment IS
    'the partition''s comment (COMMENT ON TABLE), or NULL for one that names its range';

-- Runs as the superuser who owns tracker.observation: it makes and drops
-- tables under it. What it writes into DDL is an identifier (%I) or a
-- date it formats itself. It takes tracker.observation whole for the
-- rest of the transaction (ACCESS EXCLUSIVE: readers wait too), because
-- attaching a partition checks and locks the default partition anyway,
-- and taking that lock later, after others' locks, could deadlock.
CREATE FUNCTION tracker.local_partition_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    part        pg_catalog.regclass;
    cols        pg_catalog.text;
    readers     pg_catalog.text;
    installer   pg_catalog.text;
    replication pg_catalog.text;
    op          pg_catalog.text;
    regions     pg_catalog.text[];
    indicators  pg_catalog.text[];
    grains      pg_catalog.text[];
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'tracker.local_partition'::pg_catalog.regclass
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'tracker.local_partition_apply() runs only for tracker.local_partition'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a partition cannot be changed in place'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Insert a row for the new range (its facts move out of the default partition only), or delete the row, which drops the partition with its facts.';
    END IF;
    LOCK TABLE tracker.observation IN ACCESS EXCLUSIVE MODE;
    IF TG_OP = 'DELETE' THEN
        part := pg_catalog.to_regclass(pg_catalog.format('tracker.%I', OLD.name));
        IF part IS NULL OR NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
                                       WHERE i.inhrelid OPERATOR(pg_catalog.=) part
                                         AND i.inhparent OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
            RETURN NULL;
        END IF;
        -- The series its facts belong to, rebuilt without them.
        EXECUTE pg_catalog.format(
            'SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
             FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
                   FROM %s o) k', part)
        INTO regions, indicators, grains;
        EXECUTE pg_catalog.format('ALTER EXTENSION tracker DROP TABLE %s', part);
        EXECUTE pg_catalog.format('ALTER TABLE tracker.observation DETACH PARTITION %s', part);
        EXECUTE pg_catalog.format('DROP TABLE %s', part);
        IF regions IS NOT NULL THEN
            PERFORM tracker.observation_series_write(regions, indicators, grains);
        END IF;
        RETURN NULL;
    END IF;
    -- A view, a function body or a foreign key bound to the default
    -- partition reads or checks only the facts left there: those made on
    -- tracker.observation before 0.2.0, when the update turned that table
    -- into this partition.
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, 0), ', ')
    INTO readers
    FROM pg_catalog.pg_depend d
    WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refobjid OPERATOR(pg_catalog.=) 'tracker.observation_default'::pg_catalog.regclass
      AND d.deptype OPERATOR(pg_catalog.=) 'n'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint c   -- its own checks, on its columns
                      WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                        AND c.oid OPERATOR(pg_catalog.=) d.objid
                        AND c.conrelid OPERATOR(pg_catalog.=) d.refobjid);
    IF readers IS NOT NULL THEN
        RAISE EXCEPTION 'objects are bound to tracker.observation_default, which would no longer hold every fact'
            USING ERRCODE = 'dependent_objects_still_exist',
                  DETAIL = pg_catalog.format('They are: %s. Until 0.2.0 tracker.observation was a plain table; the update made it the default partition and they stayed with it.', readers),
                  HINT = 'Define them again on tracker.observation (CREATE OR REPLACE VIEW with the same query, for a view), then add the partition.';
    END IF;
    -- A table like tracker.observation, its columns (the office's too) and
    -- checks; the facts of its range moved in; then attached, which builds
    -- its indexes and foreign keys. The move leaves the facts as they were,
    -- so the partitions' triggers stay out of it (replica).
    EXECUTE pg_catalog.format('CREATE TABLE tracker.%I (LIKE tracker.observation INCLUDING CONSTRAINTS)', NEW.name);
    part := pg_catalog.format('tracker.%I', NEW.name)::pg_catalog.regclass;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
      AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
    replication := pg_catalog.current_setting('session_replication_role');
    PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
    EXECUTE pg_catalog.format(
        'WITH moved AS (DELETE FROM tracker.observation_default o
                        WHERE tracker.observation_first_day(o.period) OPERATOR(pg_catalog.>=) $1
                          AND tracker.observation_first_day(o.period) OPERATOR(pg_catalog.<) $2
                        RETURNING %s)
         INSERT INTO %s (%s) SELECT %s FROM moved', cols, part, cols, cols)
    USING NEW.from_date, NEW.to_date;
    PERFORM pg_catalog.set_config('session_replication_role', replication, true);
    EXECUTE pg_catalog.format('ALTER TABLE tracker.observation ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)',
                              part, pg_catalog.to_char(NEW.from_date, 'YYYY-MM-DD'),
                              pg_catalog.to_char(NEW.to_date, 'YYYY-MM-DD'));
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync()',
                                  'observation_series_' OPERATOR(pg_catalog.||) op, op, part,
                                  CASE op WHEN 'insert' THEN 'REFERENCING NEW TABLE AS new_rows'
                                          WHEN 'update' THEN 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                                          WHEN 'delete' THEN 'REFERENCING OLD TABLE AS old_rows'
                                          ELSE '' END);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER %I ON %s IS %L', 'observation_series_' OPERATOR(pg_catalog.||) op, part,
                                  CASE op WHEN 'truncate' THEN 'rebuilds every stored series after this partition alone was truncated'
                                          ELSE pg_catalog.format('rebuilds the stored series of facts %s this partition directly (a restore)',
                                                                 CASE op WHEN 'insert' THEN 'inserted into'
                                                                         WHEN 'update' THEN 'updated in'
                                                                         ELSE 'deleted from' END) END);
    END LOOP;
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', part,
        COALESCE(NEW.comment, pg_catalog.format(
            'a partition of tracker.observation (tracker.local_partition): the facts whose period begins on or after %s and before %s',
            pg_catalog.to_char(NEW.from_date, 'YYYY-MM-DD'), pg_catalog.to_char(NEW.to_date, 'YYYY-MM-DD'))));
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO installer
    FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON %s TO %s WITH GRANT OPTION', part, installer);
    -- A member of the extension whose rows pg_dump keeps, as
    -- pg_extension_config_dump registers a table (which only an install
    -- or update script may call); ALTER EXTENSION DROP undoes both.
    EXECUTE pg_catalog.format('ALTER EXTENSION tracker ADD TABLE %s', part);
    UPDATE pg_catalog.pg_extension e
    SET extconfig = pg_catalog.array_append(e.extconfig, part::pg_catalog.oid),
        extcondition = pg_catalog.array_append(e.extcondition, ''::pg_catalog.text)
    WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.local_partition_apply() IS
    'trigger function: makes (on INSERT) or drops (on DELETE) the partition of tracker.observation a row of tracker.local_partition describes, moving its facts out of the default partition or rebuilding the series they belonged to';
REVOKE EXECUTE ON FUNCTION tracker.local_partition_apply() FROM PUBLIC;
-- After the row's checks and key, so that a row they refuse makes no
-- table first.
CREATE TRIGGER local_partition_apply AFTER INSERT OR UPDATE OR DELETE ON tracker.local_partition
    FOR EACH ROW EXECUTE FUNCTION tracker.local_partition_apply();
COMMENT ON TRIGGER local_partition_apply ON tracker.local_partition IS
    'makes or drops the partition of each row inserted or deleted';
SELECT pg_catalog.pg_extension_config_dump('tracker.local_partition', '');
-- Added and dropped by rows here, one at a time (no UPDATE, no TRUNCATE,
-- which would bypass the trigger).
GRANT SELECT, INSERT, DELETE ON tracker.local_partition TO @extowner@ WITH GRANT OPTION;

-- add_yearly_partitions: one partition a year, observation_YYYY, for each
-- year from first_year to last_year that no partition covers yet, even
-- in part; returns how many it added. For a job (pg_cron) that makes next
-- year's partition ahead of its facts. As its caller, who needs INSERT
-- and DELETE (for the lock) on tracker.local_partition.
CREATE FUNCTION tracker.add_yearly_partitions(first_year pg_catalog.int4, last_year pg_catalog.int4)
RETURNS pg_catalog.int4
LANGUAGE plpgsql VOLATILE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    y      pg_catalog.int4;
    added  pg_catalog.int4 := 0;
BEGIN
    IF first_year < 1 OR last_year > 9998 OR first_year > last_year THEN
        RAISE EXCEPTION 'years % to % are not a range of years from 1 to 9998', first_year, last_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A partition ends before the first day of the next year, and periods end in 9999.';
    END IF;
    -- two jobs at once: the second waits, then finds the first's rows
    LOCK TABLE tracker.local_partition IN SHARE ROW EXCLUSIVE MODE;
    FOR y IN first_year .. last_year LOOP
        IF NOT EXISTS (SELECT FROM tracker.local_partition p
                       WHERE p.from_date < pg_catalog.make_date(y + 1, 1, 1)
                         AND p.to_date > pg_catalog.make_date(y, 1, 1)) THEN
            INSERT INTO tracker.local_partition (name, from_date, to_date)
            VALUES (pg_catalog.format('observation_%s', y), pg_catalog.make_date(y, 1, 1),
                    pg_catalog.make_date(y + 1, 1, 1));
            added := added + 1;
        END IF;
    END LOOP;
    RETURN added;
END $$;
COMMENT ON FUNCTION tracker.add_yearly_partitions(pg_catalog.int4, pg_catalog.int4) IS
    'adds a partition observation_YYYY of tracker.observation (a row of tracker.local_partition) for each year from first_year to last_year that no partition covers, even in part; returns how many; years 1 to 9998 (else 22023)';
