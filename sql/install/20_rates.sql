
-- Rates and targets (DESIGN §4). Rates are in percent, differences of
-- rates in percentage points. See README "Rates and targets".

CREATE FUNCTION @extschema@.growth(cur pg_catalog.float8, base pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.growth(pg_catalog.float8, pg_catalog.float8) IS
    'growth of cur over base in percent, (cur - base) / base * 100 (同比/环比); NULL when base <= 0';

CREATE FUNCTION @extschema@.describe_growth(cur pg_catalog.float8, base pg_catalog.float8,
                                        lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_describe_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.describe_growth(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the published wording of a change: 增长24.1%, 下降2.1%, 持平, 增长3.6倍, 扭亏为盈, 由盈转亏, 减亏, 增亏 (zh) or English (en)';

CREATE FUNCTION @extschema@.describe_change(cur pg_catalog.float8, base pg_catalog.float8,
                                        lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_describe_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.describe_change(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the published wording of the change of a ratio indicator (开工率, 利润率, 失业率) in percentage points, cur - base rounded half-even to one decimal: 提高0.3个百分点, 下降0.3个百分点, 持平 (zh) or up 0.3 points, down 0.3 points, flat (en)';

CREATE FUNCTION @extschema@.avg_growth(cur pg_catalog.float8, base pg_catalog.float8, years pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_avg_growth' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_growth(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'average yearly growth in percent over years, ((cur / base)^(1 / years) - 1) * 100 (两年平均增长)';

CREATE FUNCTION @extschema@.contribution(part_cur pg_catalog.float8, part_base pg_catalog.float8,
                                     total_base pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contribution(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'percentage points of the total''s growth that a part pulls, (part_cur - part_base) / total_base * 100 (拉动)';

CREATE FUNCTION @extschema@.contribution_share(part_cur pg_catalog.float8, part_base pg_catalog.float8,
                                           total_cur pg_catalog.float8, total_base pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contribution_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'a part''s share of the total''s increase in percent (贡献率); NULL when the total did not change';

CREATE FUNCTION @extschema@.contribution_from_share(share pg_catalog.float8, part_growth pg_catalog.float8,
                                                total_growth pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_from_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contribution_from_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'percentage points a part pulls the total (拉动) from what bulletins print: the part''s share of the current total in percent and the growth of the part and of the total, share * part_growth / (100 + part_growth) * (100 + total_growth) / 100; NULL when part_growth = -100 or total_growth <= -100';

CREATE FUNCTION @extschema@.contribution_share_from_share(share pg_catalog.float8, part_growth pg_catalog.float8,
                                                      total_growth pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_share_from_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contribution_share_from_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'a part''s share of the total''s growth in percent (贡献率) from its share of the current total and the two growth rates: contribution_from_share / total_growth * 100; NULL when total_growth = 0, part_growth = -100 or total_growth <= -100';

CREATE FUNCTION @extschema@.attainment(actual pg_catalog.float8, target pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_attainment' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attainment(pg_catalog.float8, pg_catalog.float8) IS
    'actual / target * 100 (完成率); for a negative target (a loss limit) (2 - actual / target) * 100; NULL for target 0';

CREATE FUNCTION @extschema@.pace(actual pg_catalog.float8, target pg_catalog.float8,
                             target_period @extschema@.period, reporting_period @extschema@.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_pace' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pace(pg_catalog.float8, pg_catalog.float8, @extschema@.period, @extschema@.period) IS
    'how far actual is ahead of the target pro rata to time progress through the reporting period, in points of |target| (超/落后序时进度): attainment minus time progress; for a loss limit (target < 0) time progress minus actual / target * 100';
CREATE FUNCTION @extschema@.pace(actual pg_catalog.float8, target pg_catalog.float8,
                             target_period @extschema@.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_pace_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pace(pg_catalog.float8, pg_catalog.float8, @extschema@.period, pg_catalog.date) IS
    'how far actual is ahead of the target pro rata to the days elapsed through as_of, in points of |target|: attainment minus time progress; for a loss limit (target < 0) time progress minus actual / target * 100';

CREATE FUNCTION @extschema@.schedule_gap(actual pg_catalog.float8, target pg_catalog.float8,
                                     target_period @extschema@.period, reporting_period @extschema@.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_schedule_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.schedule_gap(pg_catalog.float8, pg_catalog.float8, @extschema@.period, @extschema@.period) IS
    'actual minus the target pro rata to time progress, in the value''s unit (超收/短收)';
CREATE FUNCTION @extschema@.schedule_gap(actual pg_catalog.float8, target pg_catalog.float8,
                                     target_period @extschema@.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_schedule_gap_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.schedule_gap(pg_catalog.float8, pg_catalog.float8, @extschema@.period, pg_catalog.date) IS
    'actual minus the target pro rata to the days elapsed through as_of, in the value''s unit';

CREATE FUNCTION @extschema@.projection(actual pg_catalog.float8, target_period @extschema@.period,
                                   reporting_period @extschema@.period) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_projection' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.projection(pg_catalog.float8, @extschema@.period, @extschema@.period) IS
    'the value at the end of the target period at the run rate so far';
CREATE FUNCTION @extschema@.projection(actual pg_catalog.float8, target_period @extschema@.period,
                                   as_of pg_catalog.date) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_projection_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.projection(pg_catalog.float8, @extschema@.period, pg_catalog.date) IS
    'the value at the end of the target period at the daily run rate through as_of';

CREATE FUNCTION @extschema@.required_per_month(actual pg_catalog.float8, target pg_catalog.float8,
                                           target_period @extschema@.period, reporting_period @extschema@.period)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_required_per_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.required_per_month(pg_catalog.float8, pg_catalog.float8, @extschema@.period, @extschema@.period) IS
    'what is still needed per remaining month to meet the target (0 once met; NULL when no time is left); for a loss limit (target < 0) (target - actual) / months left, not clamped: the loss a month may still bring, or the profit it must bring';
CREATE FUNCTION @extschema@.required_per_month(actual pg_catalog.float8, target pg_catalog.float8,
                                           target_period @extschema@.period, as_of pg_catalog.date)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_required_per_month_asof' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.required_per_month(pg_catalog.float8, pg_catalog.float8, @extschema@.period, pg_catalog.date) IS
    'what is still needed per remaining month after as_of to meet the target; for a loss limit (target < 0) (target - actual) / months left, not clamped';

CREATE TYPE @extschema@.light AS ENUM ('green', 'yellow', 'red');
COMMENT ON TYPE @extschema@.light IS 'a traffic light (红黄蓝亮牌): green, yellow, red';

CREATE FUNCTION @extschema@.light(value pg_catalog.float8, green_at pg_catalog.float8, red_below pg_catalog.float8)
    RETURNS @extschema@.light
    AS 'MODULE_PATHNAME', 'rate_light' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.light(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'green when value >= green_at, red when value < red_below, else yellow';

-- What a 通报 calls a light (issue 13): 绿灯 / 黄灯 / 红灯, or, where an
-- office hangs flags, 红旗 for green and 蜗牛 for red (a yellow light has
-- no flag: NULL).
CREATE FUNCTION @extschema@.label(l @extschema@.light, lang pg_catalog.text)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_light_label_lights' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.light, pg_catalog.text) IS
    'the words of a light: 绿灯, 黄灯, 红灯 (zh) or green light, yellow light, red light (en); another lang: 22023';
CREATE FUNCTION @extschema@.label(l @extschema@.light, lang pg_catalog.text, words pg_catalog.text)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_light_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.light, pg_catalog.text, pg_catalog.text) IS
    'the words of a light: words ''lights'' as label(light, lang); ''flags'' 红旗 for green, 蜗牛 for red, NULL for yellow (red flag, snail in en); another lang or words: 22023';

CREATE FUNCTION @extschema@.points_by_rank(rank pg_catalog.float8, "full" pg_catalog.float8, step pg_catalog.float8)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_points_by_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.points_by_rank(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'points for a place (争先进位计分): full * (1 - step * (rank - 1)), never below 0';

CREATE FUNCTION @extschema@.efficacy_score(x pg_catalog.float8, unacceptable pg_catalog.float8,
                                       satisfactory pg_catalog.float8, base pg_catalog.float8 DEFAULT 60,
                                       span pg_catalog.float8 DEFAULT 40) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_efficacy_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.efficacy_score(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'efficacy coefficient score (功效系数法): base + span * (x - unacceptable) / (satisfactory - unacceptable)';

CREATE FUNCTION @extschema@.round_half_even(x pg_catalog.float8, decimals pg_catalog.int4) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_round_half_even' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round_half_even(pg_catalog.float8, pg_catalog.int4) IS
    'GB/T 8170 rounding (修约) as bulletins print: ties to even, and a value within 2^-50 * (100 + |x|) of a decimal tie rounds as the tie: 24.05 -> 24.0, 24.15 -> 24.2, growth(100.35, 100) -> 0.4';

CREATE FUNCTION @extschema@.bar(value pg_catalog.float8, max pg_catalog.float8, width pg_catalog.int4 DEFAULT 20)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_bar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bar(pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
    'a horizontal bar of block characters, value / max of width cells, for psql';
