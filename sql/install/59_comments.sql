
-- What each column of the reference tables means and in which unit, and
-- what each trigger does: `\d+ tracker.observation` tells an analyst.

COMMENT ON COLUMN tracker.region.code IS
    'the region''s code, as observations and targets name it (an administrative code such as 330203, or a short name)';
COMMENT ON COLUMN tracker.region.name IS 'the region''s name as bulletins print it (海曙区)';
COMMENT ON COLUMN tracker.region.parent IS
    'the code of the region it belongs to (a district''s city); NULL at the top; no cycles, at most 100 levels';
COMMENT ON COLUMN tracker.region.peer_group IS
    'regions with the same parent and peer group are ranked together (区 and 县市 of one city apart, for example); NULL is a group of its own';

COMMENT ON COLUMN tracker.indicator.code IS 'the indicator''s code, as observations and targets name it';
COMMENT ON COLUMN tracker.indicator.name IS 'the indicator''s name as bulletins print it (制造业投资)';
COMMENT ON COLUMN tracker.indicator.unit_label IS
    'the unit of its values and target amounts as printed (亿元, 万元, %); a label only, nothing is converted';
COMMENT ON COLUMN tracker.indicator.higher_is_better IS
    'false where less is better (能耗, 失业率): ranks and lights then run the other way';
COMMENT ON COLUMN tracker.indicator.decimals IS
    'the decimals bulletins print its values with (0 to 15); ranks tie on values equal at these decimals';
COMMENT ON COLUMN tracker.indicator.kind IS
    'amount (levels that add up and change in percent: 投资, 增加值) or ratio (a rate itself, never added, changing in percentage points: 开工率, 失业率)';

COMMENT ON COLUMN tracker.observation.region IS 'the region''s code (tracker.region)';
COMMENT ON COLUMN tracker.observation.indicator IS 'the indicator''s code (tracker.indicator)';
COMMENT ON COLUMN tracker.observation.period IS
    'the period the figure is for: one unit (2022-07, 2022年7月) or a year-to-date span (2022-01..07, 2022年1-7月累计)';
COMMENT ON COLUMN tracker.observation.value IS
    'the published level, in the indicator''s unit (unit_label); NULL where only a rate is published';
COMMENT ON COLUMN tracker.observation.growth IS
    'the published 同比 growth against the same period a year before: percent for an amount indicator (8.3 means 8.3%), percentage points for a ratio; NULL where none is published';

COMMENT ON COLUMN tracker.target.region IS 'the region''s code (tracker.region)';
COMMENT ON COLUMN tracker.target.indicator IS 'the indicator''s code (tracker.indicator)';
COMMENT ON COLUMN tracker.target.period IS
    'the target period (2022, 2022-Q3, 2022-H1); a report period inside it is measured against it, pro rata by calendar (序时进度)';
COMMENT ON COLUMN tracker.target.amount IS
    'the amount to reach over the target period, in the indicator''s unit; negative for a loss limit; NULL for a growth target only';
COMMENT ON COLUMN tracker.target.growth IS
    'the growth to reach, in percent (percentage points for a ratio indicator); NULL for an amount target only';

COMMENT ON COLUMN tracker.project.id IS 'the project''s identifier';
COMMENT ON COLUMN tracker.project.name IS 'the project''s name';
COMMENT ON COLUMN tracker.project.region IS 'the code of the region it counts for (tracker.region)';
COMMENT ON COLUMN tracker.project.industry IS 'its industry, as the office classifies it (制造业); free text';
COMMENT ON COLUMN tracker.project.total_investment IS
    'planned total investment, in the office''s unit of money (亿元 as a rule), 0 to 1e15';

COMMENT ON COLUMN tracker.project_milestone.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_milestone.stage IS
    'the lifecycle stage (谋划 签约 备案 供地 审批 开工 纳统 竣工 投产 达产)';
COMMENT ON COLUMN tracker.project_milestone.planned_date IS 'the date the stage is planned for';
COMMENT ON COLUMN tracker.project_milestone.actual_date IS
    'the date it was reached; NULL until then; never before an earlier stage''s, nor after a later one''s';

COMMENT ON COLUMN tracker.project_investment.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_investment.period IS 'the period the investment was completed in (a month, as a rule)';
COMMENT ON COLUMN tracker.project_investment.amount IS
    'investment completed in the period, in the unit of project.total_investment, 0 to 1e15';

COMMENT ON COLUMN tracker.project_plan.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_plan.period IS 'the period the plan is for (a year, as a rule)';
COMMENT ON COLUMN tracker.project_plan.planned_investment IS
    'investment planned for the period, in the unit of project.total_investment: 0, or 1e-6 to 1e15';

COMMENT ON COLUMN tracker.observation_series.region IS 'the region''s code';
COMMENT ON COLUMN tracker.observation_series.indicator IS 'the indicator''s code';
COMMENT ON COLUMN tracker.observation_series.grain IS
    'the grain of the series'' periods (year, half, quarter, month, week, day)';
COMMENT ON COLUMN tracker.observation_series.series IS
    'every observation of the region, indicator and grain as one series (value and growth per period), built by series(period, value, growth, kind)';

COMMENT ON TRIGGER region_parent_acyclic ON tracker.region IS
    'at commit: refuses a parent that makes a cycle or a chain of more than 100 regions (23514)';
COMMENT ON TRIGGER project_milestone_order ON tracker.project_milestone IS
    'refuses an actual date out of lifecycle order (23514)';
COMMENT ON TRIGGER observation_series_insert ON tracker.observation IS
    'merges the inserted facts into the stored series they belong to (a fact replaces a stored one of its period)';
COMMENT ON TRIGGER observation_series_update ON tracker.observation IS
    'rebuilds the stored series the updated facts belonged and belong to';
COMMENT ON TRIGGER observation_series_delete ON tracker.observation IS
    'rebuilds the stored series the deleted facts belonged to';
COMMENT ON TRIGGER observation_series_truncate ON tracker.observation IS
    'empties the stored series';
COMMENT ON TRIGGER indicator_series_kind ON tracker.indicator IS
    'rebuilds the stored series of indicators whose kind changed';
