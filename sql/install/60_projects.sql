
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
CREATE FUNCTION tracker.lagging_projects(p @extschema@.period, as_of pg_catalog.date)
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
          AND m.planned_date OPERATOR(pg_catalog.<=) @extschema@.end_date(p)
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
                   @extschema@.pace(
                       COALESCE((
                           SELECT pg_catalog.sum(i.amount)
                           FROM tracker.project_investment i
                           WHERE i.project OPERATOR(pg_catalog.=) pl.project
                             AND @extschema@.span(@extschema@.period(@extschema@.start_date(pl.period), 'day'),
                                              @extschema@.period(@extschema@.end_date(p), 'day'))
                                 OPERATOR(@extschema@.@>) i.period), 0::pg_catalog.float8),
                       pl.planned_investment, pl.period, LEAST(as_of, @extschema@.end_date(p))) AS pace
            FROM tracker.project_plan pl
            WHERE pl.period OPERATOR(@extschema@.@>) @extschema@.end_date(p)
            ORDER BY pl.project, @extschema@.days(pl.period) DESC, pl.period
        ) b
        WHERE b.pace OPERATOR(pg_catalog.<) 0::pg_catalog.float8
    ) l
    JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) l.project
    ORDER BY l.days_late DESC NULLS LAST, l.investment_gap DESC NULLS LAST, l.project, l.stage;
END;
COMMENT ON FUNCTION tracker.lagging_projects(@extschema@.period, pg_catalog.date) IS
    'the 蜗牛 list, worst first: milestones overdue by as_of (days late) and projects whose investment is behind the calendar of their plan (points)';

-- 开工率, 竣工率, 年度计划投资完成率 per region.
CREATE FUNCTION tracker.project_progress(p @extschema@.period, as_of pg_catalog.date)
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
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(@extschema@.@>) j.start_planned) AS planned_to_start,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(@extschema@.@>) j.start_planned AND j.has_started) AS started,
               pg_catalog.count(*) FILTER (WHERE y.y OPERATOR(@extschema@.@>) j.start_planned) AS planned_to_start_year,
               pg_catalog.count(*) FILTER (WHERE y.y OPERATOR(@extschema@.@>) j.start_planned AND j.has_started) AS started_year,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(@extschema@.@>) j.complete_planned) AS planned_to_complete,
               pg_catalog.count(*) FILTER (WHERE p OPERATOR(@extschema@.@>) j.complete_planned AND j.has_completed) AS completed
        FROM proj j
        CROSS JOIN (SELECT @extschema@.period(@extschema@.end_date(p), 'year') AS y) y
        GROUP BY j.region
    ),
    plans AS (
        -- each plan counts with the share of its days that lie in p
        SELECT pr.region,
               pg_catalog.sum(CASE
                   WHEN p OPERATOR(@extschema@.@>) pl.period THEN pl.planned_investment
                   ELSE (pl.planned_investment
                         OPERATOR(pg_catalog.*) (((LEAST(@extschema@.end_date(pl.period), @extschema@.end_date(p))
                                                   OPERATOR(pg_catalog.-)
                                                   GREATEST(@extschema@.start_date(pl.period), @extschema@.start_date(p)))
                                                  OPERATOR(pg_catalog.+) 1)::pg_catalog.float8))
                        OPERATOR(pg_catalog./) @extschema@.days(pl.period)::pg_catalog.float8
               END) AS planned
        FROM tracker.project_plan pl
        JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) pl.project
        WHERE pl.period OPERATOR(@extschema@.&&) p
        GROUP BY pr.region
    ),
    invested AS (
        SELECT pr.region, pg_catalog.sum(i.amount) AS amount
        FROM tracker.project_investment i
        JOIN tracker.project pr ON pr.id OPERATOR(pg_catalog.=) i.project
        WHERE p OPERATOR(@extschema@.@>) i.period
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
           @extschema@.attainment(c.started::pg_catalog.float8, c.planned_to_start::pg_catalog.float8),
           c.planned_to_start_year::pg_catalog.int4, c.started_year::pg_catalog.int4,
           @extschema@.attainment(c.started_year::pg_catalog.float8, c.planned_to_start_year::pg_catalog.float8),
           c.planned_to_complete::pg_catalog.int4, c.completed::pg_catalog.int4,
           @extschema@.attainment(c.completed::pg_catalog.float8, c.planned_to_complete::pg_catalog.float8),
           COALESCE(pl.planned, 0::pg_catalog.float8),
           COALESCE(iv.amount, 0::pg_catalog.float8),
           @extschema@.attainment(COALESCE(iv.amount, 0::pg_catalog.float8), COALESCE(pl.planned, 0::pg_catalog.float8)),
           COALESCE(lg.lagging, 0)::pg_catalog.int4
    FROM counts c
    JOIN tracker.region r ON r.code OPERATOR(pg_catalog.=) c.region
    LEFT JOIN plans pl ON pl.region OPERATOR(pg_catalog.=) c.region
    LEFT JOIN invested iv ON iv.region OPERATOR(pg_catalog.=) c.region
    LEFT JOIN lag lg ON lg.region OPERATOR(pg_catalog.=) c.region
    ORDER BY c.region;
END;
COMMENT ON FUNCTION tracker.project_progress(@extschema@.period, pg_catalog.date) IS
    'per region with projects: planned to start and started (开工率) in p and in its year, planned to complete and completed (竣工率), planned and completed investment and attainment, lagging projects';

-- Parents whose own figure differs from the sum of their children's.
CREATE FUNCTION tracker.consistency(p @extschema@.period)
RETURNS TABLE (kind pg_catalog.text, parent pg_catalog.text, indicator pg_catalog.text,
               period @extschema@.period, parent_value pg_catalog.float8, children_sum pg_catalog.float8,
               difference pg_catalog.float8, children pg_catalog.int4)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH figures AS (
        -- amounts only: a ratio's figures (开工率) do not add up
        SELECT 'target'::pg_catalog.text AS kind, t.region, t.indicator, t.amount AS value
        FROM tracker.target t
        JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) t.indicator
        WHERE t.period OPERATOR(@extschema@.=) p AND t.amount IS NOT NULL
          AND i.kind OPERATOR(pg_catalog.=) 'amount'
        UNION ALL
        -- each region's facts of the years p touches, read at p
        SELECT 'observation'::pg_catalog.text, o.region, o.indicator,
               @extschema@.value(@extschema@.series(o.period, o.value, o.growth), p)
        FROM tracker.observation o
        JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) o.indicator
        WHERE o.period OPERATOR(@extschema@.&&)
              @extschema@.span(@extschema@.period(@extschema@.start_date(p), 'year'),
                           @extschema@.period(@extschema@.end_date(p), 'year'))
          AND i.kind OPERATOR(pg_catalog.=) 'amount'
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
COMMENT ON FUNCTION tracker.consistency(@extschema@.period) IS
    'parents whose own target amount or observed value for p differs from the sum of their children''s (children without a figure left out; amount indicators only, as ratios do not add up)';
