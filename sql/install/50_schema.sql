
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
    decimals          pg_catalog.int4 NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 15),
    -- amount: levels add up and change in percent (投资, 增加值); ratio: a
    -- rate itself (开工率, 产销率, 失业率), never added, changing in points.
    kind              pg_catalog.text NOT NULL DEFAULT 'amount',
    CONSTRAINT indicator_kind CHECK (kind IN ('amount', 'ratio'))
);
COMMENT ON TABLE tracker.indicator IS
    'economic indicators: how they are named, their unit, whether lower is better, the decimals bulletins print, and their kind (amount or ratio)';

CREATE TABLE tracker.observation (
    region     pg_catalog.text NOT NULL REFERENCES tracker.region (code),
    indicator  pg_catalog.text NOT NULL REFERENCES tracker.indicator (code),
    period     @extschema@.period NOT NULL,
    value      pg_catalog.float8,
    growth     pg_catalog.float8,
    PRIMARY KEY (region, indicator, period),
    -- A level, a published rate, or both: bulletins print 规上工业增加值
    -- 增长8.3% with no level behind it. A fact with neither says nothing.
    CONSTRAINT observation_value_or_growth CHECK (value IS NOT NULL OR growth IS NOT NULL),
    CONSTRAINT observation_unit_or_ytd CHECK (
        period OPERATOR(@extschema@.=) @extschema@.ytd(period)
        OR period OPERATOR(@extschema@.=) @extschema@.period(@extschema@.start_date(period), @extschema@.grain(period))),
    CONSTRAINT observation_finite CHECK (
        value > '-Infinity' AND value < 'Infinity'
        AND growth > '-Infinity' AND growth < 'Infinity'),
    -- A fall of 100% or more leaves nothing to grow from: no rate.
    CONSTRAINT observation_growth_valid CHECK (growth > -100),
    -- Amounts are at most 1e15 in their unit (亿元, 万元 or 元 alike; a
    -- country's GDP in 元 is about 1.2e14), so no sum of them overflows
    -- and one row cannot fail a report for everyone.
    CONSTRAINT observation_magnitude CHECK (abs(value) <= '1e15')
) PARTITION BY RANGE (period);
CREATE INDEX observation_indicator_idx ON tracker.observation (indicator, region);
CREATE TABLE tracker.observation_default PARTITION OF tracker.observation DEFAULT;
COMMENT ON TABLE tracker.observation IS
    'facts as published: for one unit (a month) or a year-to-date span (1-7月), a value, the published growth rate (percent; points for a ratio indicator), or both';

CREATE TABLE tracker.target (
    region     pg_catalog.text NOT NULL REFERENCES tracker.region (code),
    indicator  pg_catalog.text NOT NULL REFERENCES tracker.indicator (code),
    period     @extschema@.period NOT NULL,
    amount     pg_catalog.float8,
    growth     pg_catalog.float8,
    PRIMARY KEY (region, indicator, period),
    CONSTRAINT target_amount_or_growth CHECK (amount IS NOT NULL OR growth IS NOT NULL),
    CONSTRAINT target_finite CHECK (
        (amount IS NULL OR (amount > '-Infinity' AND amount < 'Infinity'))
        AND (growth IS NULL OR (growth > '-Infinity' AND growth < 'Infinity'))),
    -- An amount divides the actual (attainment): 0, or at least 1e-6 and
    -- at most 1e15 in magnitude, so that no quotient overflows.
    CONSTRAINT target_magnitude CHECK (
        amount = 0 OR abs(amount) BETWEEN '1e-6' AND '1e15'),
    -- A fall of 100% or more leaves nothing: no target, as no published rate.
    CONSTRAINT target_growth_valid CHECK (growth > -100)
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
    total_investment  pg_catalog.float8,
    -- NaN passes x >= 0 (it sorts above every number), not x <= 1e15;
    -- amounts at most 1e15, as in observation.
    CONSTRAINT project_total_investment_valid
        CHECK (total_investment >= 0 AND total_investment <= '1e15')
);
CREATE INDEX project_region_idx ON tracker.project (region);
COMMENT ON TABLE tracker.project IS 'investment projects and the region they count for';

CREATE TABLE tracker.project_milestone (
    project       pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    stage         tracker.stage NOT NULL,
    planned_date  pg_catalog.date,
    actual_date   pg_catalog.date,
    PRIMARY KEY (project, stage),
    CONSTRAINT milestone_dated CHECK (planned_date IS NOT NULL OR actual_date IS NOT NULL),
    CONSTRAINT milestone_dates_finite
        CHECK (pg_catalog.isfinite(planned_date) AND pg_catalog.isfinite(actual_date))
);
COMMENT ON TABLE tracker.project_milestone IS
    'planned and actual dates of a project''s stages; actual dates never run backwards along the lifecycle';

CREATE TABLE tracker.project_investment (
    project  pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    period   @extschema@.period NOT NULL,
    amount   pg_catalog.float8 NOT NULL,
    PRIMARY KEY (project, period),
    CONSTRAINT project_investment_amount_valid CHECK (amount >= 0 AND amount <= '1e15')
);
COMMENT ON TABLE tracker.project_investment IS 'investment completed by a project in a period';

CREATE TABLE tracker.project_plan (
    project             pg_catalog.text NOT NULL REFERENCES tracker.project (id) ON DELETE CASCADE,
    period              @extschema@.period NOT NULL,
    planned_investment  pg_catalog.float8 NOT NULL,
    PRIMARY KEY (project, period),
    -- A plan divides the investment (attainment, pace): 0, or from 1e-6
    -- to 1e15, as target.amount.
    CONSTRAINT project_plan_planned_investment_valid
        CHECK (planned_investment = 0 OR planned_investment BETWEEN '1e-6' AND '1e15')
);
COMMENT ON TABLE tracker.project_plan IS 'investment a project plans for a period (often a year)';

-- A stage's actual date may not precede the actual date of an earlier
-- stage, nor follow that of a later one: a milestone out of order is
-- rejected with check_violation (23514). Writers of one project's
-- milestones take turns on the project's row, so that two transactions
-- cannot each add a milestone the other's contradicts: under READ
-- COMMITTED the second waits for the first and then reads its dates;
-- under REPEATABLE READ or SERIALIZABLE, whose snapshot could not show
-- them, it updates the row, which fails with 40001 (retry) when another
-- transaction has taken its turn since. Writing milestones therefore
-- takes UPDATE privilege on tracker.project.
CREATE FUNCTION tracker.project_milestone_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    clash record;
BEGIN
    IF NEW.actual_date IS NULL THEN
        RETURN NEW;
    END IF;
    IF NOT pg_catalog.has_table_privilege('tracker.project', 'UPDATE') THEN
        RAISE EXCEPTION 'writing the actual date of a milestone takes UPDATE privilege on tracker.project'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The check of the lifecycle order takes a turn on the project''s row, so that concurrent writers cannot contradict each other.',
                  HINT = 'GRANT SELECT, UPDATE ON tracker.project to the role that writes milestones.';
    END IF;
    IF pg_catalog.current_setting('transaction_isolation') = 'read committed' THEN
        PERFORM FROM tracker.project p WHERE p.id = NEW.project FOR NO KEY UPDATE;
    ELSE
        UPDATE tracker.project p SET name = p.name WHERE p.id = NEW.project;
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

-- A region may not be its own ancestor: a cycle (r1 → r2 → r1) has no
-- top, so no subtree or peer group is well defined; and a chain of
-- parents is at most 100 regions long (an administrative hierarchy has
-- fewer than ten levels), which bounds what a check reads. Checked at
-- commit (the parent key is deferred too, so a restore may load regions
-- in any order), from the region's row as it is then: its parents are
-- climbed one index look-up at a time, which ends at the top unless it
-- comes back to this region (a cycle) or passes 100 (a cycle above, left
-- by rows restored with triggers off, or too long a chain); then the
-- levels under it are counted, as a move can lengthen the chains below.
-- Each parent read is locked (FOR SHARE), so that two transactions cannot
-- each close half of a cycle or each lengthen a chain: the second waits
-- for the first and reads its row (READ COMMITTED), fails with 40001
-- (REPEATABLE READ), or one of them is chosen by the deadlock detector
-- (40P01) when both wait. Writing a region with a parent therefore takes
-- UPDATE privilege on tracker.region, besides SELECT. Rejected with
-- check_violation (23514), naming the chain.
CREATE FUNCTION tracker.region_parent_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    node  pg_catalog.text;
    chain pg_catalog.text[] := ARRAY[NEW.code];
    below pg_catalog.int4;
BEGIN
    -- its own row, as this write left it; gone when deleted since
    SELECT r.parent INTO node FROM tracker.region r WHERE r.code = NEW.code;
    IF node IS NOT NULL AND NOT pg_catalog.has_table_privilege('tracker.region', 'UPDATE') THEN
        RAISE EXCEPTION 'writing region % with a parent takes UPDATE privilege on tracker.region', NEW.code
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The check that regions form a tree locks the parents it reads, so that concurrent writers cannot make a cycle.',
                  HINT = 'GRANT SELECT, UPDATE ON tracker.region to the role that writes regions.';
    END IF;
    WHILE node IS NOT NULL LOOP
        chain := chain || node;
        IF node = NEW.code THEN
            RAISE EXCEPTION 'region % is its own ancestor', NEW.code
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('Following parent: %s.',
                                                 pg_catalog.array_to_string(chain, ' → ')),
                      HINT = 'Regions form a tree: give one region of the cycle another parent, or none.';
        END IF;
        IF pg_catalog.cardinality(chain) > 100 THEN
            RAISE EXCEPTION 'the parent chain of region % is more than 100 regions long', NEW.code
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('It runs %s → …', pg_catalog.array_to_string(chain[1:5], ' → ')),
                      HINT = 'Regions form a tree of at most 100 levels; a longer chain holds a cycle or is not a hierarchy.';
        END IF;
        SELECT r.parent INTO node FROM tracker.region r WHERE r.code = node FOR SHARE;
    END LOOP;
    WITH RECURSIVE down (code, depth) AS (
        SELECT c.code, 1 FROM tracker.region c WHERE c.parent = NEW.code
        UNION ALL
        SELECT c.code, down.depth + 1
        FROM down JOIN tracker.region c ON c.parent = down.code
        WHERE down.depth + pg_catalog.cardinality(chain) <= 100)
    SELECT COALESCE(pg_catalog.max(down.depth), 0) INTO below FROM down;
    IF pg_catalog.cardinality(chain) + below > 100 THEN
        RAISE EXCEPTION 'a parent chain through region % is more than 100 regions long', NEW.code
            USING ERRCODE = 'check_violation',
                  DETAIL = pg_catalog.format('%s regions lie above it, itself included, and more than %s levels under it.',
                                             pg_catalog.cardinality(chain), 100 - pg_catalog.cardinality(chain)),
                  HINT = 'Regions form a tree of at most 100 levels; a longer chain holds a cycle or is not a hierarchy.';
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.region_parent_check() IS
    'constraint trigger function: rejects a region whose parent chain leads back to itself or runs over 100 regions (23514)';
CREATE CONSTRAINT TRIGGER region_parent_acyclic
    AFTER INSERT OR UPDATE OF parent ON tracker.region
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tracker.region_parent_check();

SELECT pg_catalog.pg_extension_config_dump('tracker.region', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.indicator', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.observation_default', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.target', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_milestone', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_investment', '');
SELECT pg_catalog.pg_extension_config_dump('tracker.project_plan', '');
