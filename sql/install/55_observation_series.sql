
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
    series     @extschema@.series,
    PRIMARY KEY (region, indicator, grain)
) WITH (toast_tuple_target = 8160);
COMMENT ON TABLE tracker.observation_series IS
    'derived: series(period, value, growth) of each region, indicator and grain of tracker.observation, maintained by triggers';

-- The store's SQL, bound to the extension's functions by OID. The
-- functions and aggregates that build a series live in the schema named
-- at CREATE EXTENSION, which its owner may rename and fill with look-
-- alikes; code that runs with more rights than its caller must not find
-- them by name. Bodies in SQL-standard form (BEGIN ATOMIC) are parsed
-- once, here, and keep the OIDs they found; the plpgsql trigger below
-- names nothing but these, schema tracker's tables and pg_catalog.

-- The grain of a stored fact, which keys its series.
CREATE FUNCTION tracker.observation_grain(p @extschema@.period) RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT @extschema@.grain(p);
END;
COMMENT ON FUNCTION tracker.observation_grain(@extschema@.period) IS
    'the grain of a period (year, half, quarter, month, week, day), bound by OID for the series store''s upkeep';

-- Rebuild the given (region, indicator, grain) series, under the locks
-- of their rows, taken in one order (see observation_series_sync). The
-- callers pass the keys in key order, so that the rows inserted and
-- rewritten follow it wherever the plan walks the keys: a scoreboard
-- reads the store in table order and looks each row up by region and
-- indicator, which stays in cache when consecutive rows are neighbours
-- (a store rewritten in hash order cost a 100 ms board about 7 ms).
CREATE FUNCTION tracker.observation_series_write(regions pg_catalog.text[],
                                                 indicators pg_catalog.text[],
                                                 grains pg_catalog.text[])
RETURNS void
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO tracker.observation_series (region, indicator, grain)
    SELECT k.region, k.indicator, k.grain
    FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    ON CONFLICT DO NOTHING;
    SELECT FROM tracker.observation_series s
    JOIN ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
      ON s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
     AND s.grain OPERATOR(pg_catalog.=) k.grain
    ORDER BY s.region, s.indicator, s.grain
    FOR UPDATE OF s;
    UPDATE tracker.observation_series s
    SET series = (SELECT @extschema@.series(o.period, o.value, o.growth, i.kind)
                  FROM tracker.observation o JOIN tracker.indicator i
                    ON i.code OPERATOR(pg_catalog.=) o.indicator
                  WHERE o.region OPERATOR(pg_catalog.=) s.region
                    AND o.indicator OPERATOR(pg_catalog.=) s.indicator
                    AND @extschema@.grain(o.period) OPERATOR(pg_catalog.=) s.grain)
    FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    WHERE s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
      AND s.grain OPERATOR(pg_catalog.=) k.grain;
    DELETE FROM tracker.observation_series s
    USING ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    WHERE s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
      AND s.grain OPERATOR(pg_catalog.=) k.grain
      AND s.series IS NULL;
END;
COMMENT ON FUNCTION tracker.observation_series_write(pg_catalog.text[], pg_catalog.text[], pg_catalog.text[]) IS
    'rebuilds the stored series of the given regions, indicators and grains (parallel arrays) from tracker.observation; for the store''s triggers';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_write(pg_catalog.text[], pg_catalog.text[], pg_catalog.text[]) FROM PUBLIC;

-- Merge a statement's new facts (parallel arrays: the rows it inserted)
-- into their stored series: the stored series || the series of its new
-- facts, so an append costs what it adds, not what the series holds. The
-- result is the rebuild's: the key of tracker.observation gives each
-- period one row, so a stored fact is the one its row makes, and a new
-- fact of a period the store holds already (a store left behind by
-- writes without triggers) replaces it.
--
-- The rows of the series that exist are locked first, in
-- observation_series_write's order; then, in a fresh snapshot (READ
-- COMMITTED), each series is merged into, or made, in that order too
-- (INSERT ... ON CONFLICT DO UPDATE, which takes the row as the last
-- writer left it). So the new facts' kind is the indicator's as the last
-- writer left it, a series that another writer emptied and deleted
-- meanwhile is made again, and two appenders that make one new series
-- take turns on its key. A stored series of another kind than the
-- indicator's (its kind changed with triggers off) is rebuilt from every
-- fact instead, in the indicator's kind.
CREATE FUNCTION tracker.observation_series_append(regions pg_catalog.text[],
                                                  indicators pg_catalog.text[],
                                                  periods @extschema@.period[],
                                                  vals pg_catalog.float8[],
                                                  growths pg_catalog.float8[])
RETURNS void
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    SELECT FROM tracker.observation_series s
    JOIN (SELECT DISTINCT f.region, f.indicator, @extschema@.grain(f.period) AS grain
          FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(periods)) f(region, indicator, period)) k
      ON s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
     AND s.grain OPERATOR(pg_catalog.=) k.grain
    ORDER BY s.region, s.indicator, s.grain
    FOR UPDATE OF s;
    INSERT INTO tracker.observation_series AS s (region, indicator, grain, series)
    SELECT n.region, n.indicator, n.grain, n.series
    FROM (SELECT f.region, f.indicator, @extschema@.grain(f.period) AS grain,
                 @extschema@.series(f.period, f.value, f.growth, i.kind) AS series
          FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(periods),
                          pg_catalog.unnest(vals), pg_catalog.unnest(growths)) f(region, indicator, period, value, growth)
          JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) f.indicator
          GROUP BY f.region, f.indicator, @extschema@.grain(f.period), i.kind) n
    WHERE n.series IS NOT NULL
    ORDER BY n.region, n.indicator, n.grain
    ON CONFLICT (region, indicator, grain) DO UPDATE
    SET series = CASE
        WHEN s.series IS NULL THEN excluded.series
        WHEN @extschema@.kind(s.series) OPERATOR(pg_catalog.=) @extschema@.kind(excluded.series)
            THEN s.series OPERATOR(@extschema@.||) excluded.series
        ELSE (SELECT @extschema@.series(o.period, o.value, o.growth, i.kind)
              FROM tracker.observation o JOIN tracker.indicator i
                ON i.code OPERATOR(pg_catalog.=) o.indicator
              WHERE o.region OPERATOR(pg_catalog.=) s.region
                AND o.indicator OPERATOR(pg_catalog.=) s.indicator
                AND @extschema@.grain(o.period) OPERATOR(pg_catalog.=) s.grain)
        END;
END;
COMMENT ON FUNCTION tracker.observation_series_append(pg_catalog.text[], pg_catalog.text[], @extschema@.period[], pg_catalog.float8[], pg_catalog.float8[]) IS
    'merges new facts (parallel arrays of region, indicator, period, value and growth: the rows a statement inserted) into their stored series in tracker.observation_series, making the series that are new; a new fact replaces a stored one of its period; for the store''s insert trigger';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_append(pg_catalog.text[], pg_catalog.text[], @extschema@.period[], pg_catalog.float8[], pg_catalog.float8[]) FROM PUBLIC;

-- Every stored series of a region and/or indicator (NULL: any), written
-- anew in key order (see observation_series_write); returns how many. For
-- rebuild_series.
CREATE FUNCTION tracker.observation_series_rebuild(region pg_catalog.text, indicator pg_catalog.text)
RETURNS pg_catalog.int8
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    DELETE FROM tracker.observation_series s
    WHERE (observation_series_rebuild.region IS NULL
           OR s.region OPERATOR(pg_catalog.=) observation_series_rebuild.region)
      AND (observation_series_rebuild.indicator IS NULL
           OR s.indicator OPERATOR(pg_catalog.=) observation_series_rebuild.indicator);
    WITH written AS (
        INSERT INTO tracker.observation_series (region, indicator, grain, series)
        SELECT o.region, o.indicator, @extschema@.grain(o.period),
               @extschema@.series(o.period, o.value, o.growth, i.kind)
        FROM tracker.observation o JOIN tracker.indicator i
          ON i.code OPERATOR(pg_catalog.=) o.indicator
        WHERE (observation_series_rebuild.region IS NULL
               OR o.region OPERATOR(pg_catalog.=) observation_series_rebuild.region)
          AND (observation_series_rebuild.indicator IS NULL
               OR o.indicator OPERATOR(pg_catalog.=) observation_series_rebuild.indicator)
        GROUP BY o.region, o.indicator, @extschema@.grain(o.period)
        ORDER BY o.region, o.indicator, @extschema@.grain(o.period)
        RETURNING 1)
    SELECT pg_catalog.count(*) FROM written;
END;
COMMENT ON FUNCTION tracker.observation_series_rebuild(pg_catalog.text, pg_catalog.text) IS
    'deletes and writes anew the stored series of a region and/or indicator (NULL: any) from tracker.observation; returns the number written; for rebuild_series';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_rebuild(pg_catalog.text, pg_catalog.text) FROM PUBLIC;

-- The number of facts of two periods (an index-only scan of the period
-- index), for scoreboard's check that the store is current
-- (src/series_store.c), which must not name the period's operators.
CREATE FUNCTION tracker.observation_count(a @extschema@.period, b @extschema@.period)
RETURNS pg_catalog.int8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FROM tracker.observation o
    WHERE o.period OPERATOR(@extschema@.=) ANY (ARRAY[a, b]);
END;
COMMENT ON FUNCTION tracker.observation_count(@extschema@.period, @extschema@.period) IS
    'the number of rows of tracker.observation for either of two periods; for scoreboard''s check that the series store is current';

-- Keep the series of every (region, indicator, grain) a statement
-- touched: an INSERT merges its new facts into them (an append costs
-- what it adds), an UPDATE or DELETE rebuilds them from all their facts.
-- A region may publish a year's figure and the next year's months: each
-- grain is a series of its own, and a scoreboard reads the one that fits
-- its period. Concurrent writers of one series take turns on its row
-- lock; each merge or rebuild runs after the lock, in a fresh snapshot
-- (READ COMMITTED), so it starts from the other writer's committed
-- series and facts. Under REPEATABLE READ the second writer gets a
-- serialization failure instead, to retry. INSERT ... ON CONFLICT DO
-- UPDATE fires both triggers, each with its own rows: the inserted ones
-- merge, the updated ones rebuild their series, and in either order the
-- result is the rebuild's, as a merged fact replaces its period's.
--
-- SECURITY DEFINER: roles that may write observations need no privilege
-- on the derived table, and cannot write it directly. So it must run for
-- tracker.observation's own triggers and nothing else: on a table of
-- someone else's its transition tables, their column types' casts, or a
-- pg_temp relation named like them would be theirs, read as a superuser.
-- Nobody may attach it to a trigger (EXECUTE is revoked below; a trigger
-- fires without that check), and it refuses any table but its own.
CREATE FUNCTION tracker.observation_series_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    regions     text[];
    indicators  text[];
    grains      text[];
BEGIN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR NOT (TG_RELID OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
               OR (TG_RELID OPERATOR(pg_catalog.=) 'tracker.indicator'::pg_catalog.regclass
                   AND TG_OP = 'UPDATE')) THEN
        RAISE EXCEPTION 'tracker.observation_series_sync() keeps tracker.observation_series and runs only for the triggers of tracker.observation and tracker.indicator'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_RELID OPERATOR(pg_catalog.=) 'tracker.indicator'::pg_catalog.regclass THEN
        -- An indicator that changes kind: its series are read otherwise.
        SELECT array_agg(s.region ORDER BY s.region, s.indicator, s.grain),
               array_agg(s.indicator ORDER BY s.region, s.indicator, s.grain),
               array_agg(s.grain ORDER BY s.region, s.indicator, s.grain)
        INTO regions, indicators, grains
        FROM tracker.observation_series s
        JOIN new_rows n ON n.code = s.indicator
        JOIN old_rows o ON o.code = n.code
        WHERE n.kind <> o.kind;
    ELSIF TG_OP = 'TRUNCATE' THEN
        TRUNCATE tracker.observation_series;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        -- New facts merge into their series (no variable holds the
        -- periods: its type would be named, in the user-facing schema).
        PERFORM tracker.observation_series_append(a.regions, a.indicators, a.periods, a.vals, a.growths)
        FROM (SELECT array_agg(n.region) AS regions, array_agg(n.indicator) AS indicators,
                     array_agg(n.period) AS periods, array_agg(n.value) AS vals,
                     array_agg(n.growth) AS growths
              FROM new_rows n) a
        WHERE a.regions IS NOT NULL;
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.region ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.indicator ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.grain ORDER BY k.region, k.indicator, k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
              FROM old_rows o) k;
    ELSE
        SELECT array_agg(k.region ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.indicator ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.grain ORDER BY k.region, k.indicator, k.grain)
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
COMMENT ON FUNCTION tracker.observation_series_sync() IS
    'trigger function: keeps tracker.observation_series for the regions, indicators and grains a statement on tracker.observation touched (an insert merges its facts in, an update or delete rebuilds), and rebuilds it for indicators whose kind changed';

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
-- An indicator's kind decides how its series are read (a ratio's facts
-- are never added): changing it rebuilds them.
CREATE TRIGGER indicator_series_kind AFTER UPDATE ON tracker.indicator
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
REVOKE EXECUTE ON FUNCTION tracker.observation_series_sync() FROM PUBLIC;

-- rebuild_series: the store from scratch, for all observations or those
-- of one region and/or indicator (NULL: any). The upkeep triggers do not
-- fire when observations are written with triggers disabled —
-- pg_restore --disable-triggers, session_replication_role = replica on a
-- logical replication subscriber — and scoreboard() then refuses to read
-- a store that misses the facts of its period (55000) until this has run.
-- It takes a lock on tracker.observation that lets readers on and makes
-- writers (and another rebuild) wait, and rewrites the store with DELETE,
-- so that boards read the old series until it commits (TRUNCATE would
-- block them). It runs READ COMMITTED only: its statements then read the
-- observations as they are once the lock is held, where a snapshot taken
-- earlier would write back series older than the triggers' (and so could
-- anyone who may call it, from any snapshot they keep open). SECURITY
-- DEFINER like the triggers, and for the same reason: only they write
-- the store; EXECUTE is the installing role's, to grant on.
CREATE FUNCTION tracker.rebuild_series(region pg_catalog.text DEFAULT NULL,
                                       indicator pg_catalog.text DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    written pg_catalog.int8;
BEGIN
    IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
        RAISE EXCEPTION 'tracker.rebuild_series() runs only in a READ COMMITTED transaction'
            USING ERRCODE = 'invalid_transaction_state',
                  DETAIL = pg_catalog.format('This transaction is %s: it would rebuild the store from observations as they were when it began, not as they are.',
                                             pg_catalog.current_setting('transaction_isolation')),
                  HINT = 'Call it in its own READ COMMITTED transaction.';
    END IF;
    LOCK TABLE tracker.observation IN SHARE ROW EXCLUSIVE MODE;
    written := tracker.observation_series_rebuild(rebuild_series.region, rebuild_series.indicator);
    RETURN written;
END $$;
COMMENT ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) IS
    'rebuilds tracker.observation_series from tracker.observation, for all or one region and/or indicator (NULL: any); returns the number of series written; after writes that skipped its triggers (pg_restore --disable-triggers, a replication subscriber)';
REVOKE EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) TO @extowner@ WITH GRANT OPTION;
