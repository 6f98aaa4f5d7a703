-- Rates and targets (DESIGN §4). Expected values are derived by hand in the
-- comments; long decimals are shown rounded to 4 places.
SET search_path = tracker, public;
SET extra_float_digits = 0;

-- growth: (cur - base) / base * 100; NULL when base <= 0.
SELECT growth(124.1, 100) AS up, growth(90, 100) AS down, growth(0, 100) AS to_zero,
       growth(100, 0) AS base_zero, growth(100, -5) AS base_negative,
       growth(NULL, 100) AS null_cur, growth(100, NULL) AS null_base;
-- Integers and numerics cast implicitly.
SELECT growth(3::int, 2::int) AS ints, growth(3.0::numeric, 2.0::numeric) AS numerics;

-- describe_growth: the wording rounds the rate half-even to one decimal;
-- 持平 when that is 0.0; 倍 from 100% on, the multiple rounded once from
-- the unrounded rate (460 over 100 is +360% = 增长3.6倍).
SELECT cur, base, describe_growth(cur, base) AS zh, describe_growth(cur, base, 'en') AS en
FROM (VALUES (124.1, 100), (97.9, 100), (100.04, 100), (99.96, 100), (105, 100), (0, 100),
             (460, 100), (200, 100), (199.96, 100), (199.94, 100),
             (50, -20), (-10, -20), (0, -20), (-20, -20), (-30, -20),
             (-5, 10), (5, 0), (0, 0), (-5, 0)) v(cur, base);

-- describe_change: a ratio indicator (开工率, 利润率, 产销率, 失业率) changes
-- in percentage points, cur - base rounded half-even to one decimal as
-- printed. The national surveyed urban unemployment rate of 2022 (NBS
-- monthly releases): March 5.8%, April 6.1%, May 5.9%, June 5.5%, July
-- 5.4%: +0.3, -0.2, -0.4, -0.1 points (NBS words the rise 上升). Ties as
-- printed: 5.25 - 5.2 = 0.05 → 0.0 持平; 5.5 - 5.15 = 0.35 → 0.4 (the
-- doubles differ by 0.34999999999999964); 5.35 - 5.2 = 0.15 → 0.2.
SELECT cur, base, describe_change(cur, base) AS zh, describe_change(cur, base, 'en') AS en
FROM (VALUES (6.1, 5.8), (5.9, 6.1), (5.5, 5.9), (5.4, 5.5), (5.2, 5.2), (5.25, 5.2),
             (5.5, 5.15), (5.35, 5.2), (-1.8, -2.1), (92, 85)) v(cur, base);

-- avg_growth: ((cur / base)^(1 / years) - 1) * 100.
-- 6.4% over two years: sqrt(1.064) = 1.031504 → 3.1504 → published 3.2.
SELECT round(avg_growth(106.4, 100, 2)::numeric, 4) AS two_years,
       round_half_even(avg_growth(106.4, 100, 2), 1) AS published,
       avg_growth(121, 100, 2) AS ten_percent, avg_growth(0, 100, 2) AS to_zero,
       avg_growth(100, 0, 2) AS base_zero, avg_growth(-1, 100, 2) AS negative_cur,
       round(avg_growth(133.1, 100, 3)::numeric, 4) AS three_years;
-- Published: China's GDP grew 8.1% in 2021 and 2.2% in 2020, "两年平均增长
-- 5.1%" (National Bureau of Statistics, 2021 statistical communiqué):
-- sqrt(1.081 * 1.022) = 1.051086 → 5.1086 → 5.1.
SELECT round(avg_growth(1.081 * 1.022, 1, 2)::numeric, 4) AS gdp_two_year_avg,
       round_half_even(avg_growth(1.081 * 1.022, 1, 2), 1) AS published;

-- contribution (拉动, points) and contribution_share (贡献率, percent).
-- A total grows 100 → 118.4 (+18.4%); a part 20 → 24.6184 pulls
-- 4.6184 points (→ 4.6) and supplies 4.6184 / 18.4 = 25.1% of the growth.
SELECT round(contribution(24.6184, 20, 100)::numeric, 4) AS pulls,
       round_half_even(contribution(24.6184, 20, 100), 1) AS published_pulls,
       round(contribution_share(24.6184, 20, 118.4, 100)::numeric, 4) AS share,
       round(contribution_share(15, 20, 118.4, 100)::numeric, 4) AS negative_share,
       contribution_share(25, 20, 100, 100) AS total_unchanged,
       contribution(25, 20, 0) AS total_base_zero;

-- From printed shares (bulletins print a part's share of the total and
-- the two rates, not the bases): with s the part's share of the current
-- total, g_p and g_T the rates, the part's increase over the total's base
-- is s * g_p / (100 + g_p) * (100 + g_T) / 100 points, and 贡献率 is that
-- over g_T, times 100. Published (a city's 1-7月 industrial output): a
-- part holding 91.6% of the total grew 5.4%, the total 5.1%, "拉动4.9个
-- 百分点": 91.6 * 5.4 / 105.4 * 105.1 / 100 = 4.9323 → 4.9, and
-- 4.9323 / 5.1 * 100 = 96.7122% of the growth → 96.7.
SELECT round(contribution_from_share(91.6, 5.4, 5.1)::numeric, 4) AS pulls,
       round_half_even(contribution_from_share(91.6, 5.4, 5.1), 1) AS published,
       round(contribution_share_from_share(91.6, 5.4, 5.1)::numeric, 4) AS share_of_growth,
       round_half_even(contribution_share_from_share(91.6, 5.4, 5.1), 1) AS printed_share;
-- The same part as above from its printed figures: 24.6184 of 118.4 is
-- 20.7926% of the total, grown 23.092%, the total 18.4%: 4.6184 points
-- and 25.1%, as contribution and contribution_share give from the levels.
SELECT round(contribution_from_share(24.6184 / 118.4 * 100, 23.092, 18.4)::numeric, 4) AS pulls,
       round(contribution_share_from_share(24.6184 / 118.4 * 100, 23.092, 18.4)::numeric, 4) AS share_of_growth;
-- NULL: a part that fell 100% has no base; a total that fell 100% holds
-- no share; an unchanged total has no growth to share (its points are
-- 10 * 5 / 105 = 0.4762).
SELECT contribution_from_share(10, -100, 5) AS part_no_base,
       contribution_from_share(10, 5, -100) AS total_gone,
       round(contribution_from_share(10, 5, 0)::numeric, 4) AS total_flat_points,
       contribution_share_from_share(10, 5, 0) AS total_flat_share,
       contribution_share_from_share(10, -100, 5) AS share_part_no_base;

-- attainment: actual / target * 100; a negative target is a loss limit:
-- (2 - actual / target) * 100, so a loss of 80 against a limit of 100 is
-- 120%, breaking even 200%, a loss of 120 80%.
SELECT round(attainment(629.0, 647.4)::numeric, 4) AS bulletin,
       attainment(540, 900) AS jiaxing, attainment(-80, -100) AS loss_80,
       attainment(0, -100) AS break_even, attainment(-120, -100) AS loss_120,
       attainment(10, 0) AS target_zero;

-- pace = attainment - time progress. The 1-10月 bulletin: 629.0 of 647.4
-- is 97.1579%, time progress 10/12 = 83.3333%: 超序时进度 13.8245 → 13.8.
SELECT round(pace(629.0, 647.4, '2022', '2022-01..10'::period)::numeric, 4) AS ahead,
       round_half_even(pace(629.0, 647.4, '2022', '2022-01..10'::period), 1) AS published;
-- Published (seed 001, 嘉兴日报): manufacturing investment 540亿元 in the
-- first half against the year's 900亿元 target: 60% done at half time,
-- 10 points ahead; its 同比增长24.1% implies a base of 540 / 1.241 = 435.13.
SELECT pace(540, 900, '2022', '2022-H1'::period) AS jiaxing_h1,
       round_half_even(growth(540, 540 / 1.241), 1) AS jiaxing_growth;
-- Against a date: 40 of a 100-day campaign's target on day 40 is on pace;
-- before the start nothing has elapsed (40 - 0); after the end all (90 - 100).
SELECT pace(40, 100, '2022-06-01..09-08', '2022-07-10'::date) AS on_pace,
       pace(40, 100, '2022-06-01..09-08', '2022-05-01'::date) AS before_start,
       pace(90, 100, '2022-06-01..09-08', '2022-12-31'::date) AS after_end,
       pace(40, 0, '2022', '2022-07'::period) AS target_zero;

-- schedule_gap = actual - target * progress / 100: 629 - 647.4 * 10/12 =
-- 629 - 539.5 = 89.5 超收; 30 of 100 at day 40 is 10 短收.
SELECT round(schedule_gap(629, 647.4, '2022', '2022-01..10'::period)::numeric, 4) AS ahead_by,
       schedule_gap(30, 100, '2022-06-01..09-08', '2022-07-10'::date) AS behind_by;

-- projection = actual * 100 / progress: 629 * 12 / 10 = 754.8; 40 on day
-- 40 of 100 runs to 100; nothing elapsed projects nothing (NULL).
SELECT projection(629, '2022', '2022-01..10'::period) AS by_months,
       projection(40, '2022-06-01..09-08', '2022-07-10'::date) AS by_days,
       projection(40, '2022-06-01..09-08', '2022-05-31'::date) AS not_started;

-- required_per_month = max(target - actual, 0) / remaining months for a
-- target of 0 or more (a loss limit: below):
-- (647.4 - 629) / 2 = 9.2; met → 0; the year over → NULL. Against a date:
-- Q3 has 3 months; through 07-31, 31 of 92 days passed, so 3 * 61/92 months
-- remain and 60 / (183/92) = 30.1639 is needed per month.
SELECT round(required_per_month(629, 647.4, '2022', '2022-01..10'::period)::numeric, 4) AS per_month,
       required_per_month(700, 647.4, '2022', '2022-01..10'::period) AS met,
       required_per_month(629, 647.4, '2022', '2022'::period) AS no_time_left,
       round(required_per_month(40, 100, '2022-Q3', '2022-07-31'::date)::numeric, 4) AS by_days;
-- A campaign of days counts months of 365.2425/12 days: 100 days are
-- 3.2855 months; with 60 days left (1.9713 months) 60 still needed is
-- 30.4369 a month.
SELECT round(required_per_month(40, 100, '2022-06-01..09-08', '2022-07-10'::date)::numeric, 4) AS campaign;

-- A loss limit (a negative target) against the calendar. The year's
-- limit is a loss of 120; by June (6 of 12 months, 50%) the allowance is
-- -120 * 50 / 100 = -60. pace is the schedule gap in points of the
-- limit, (actual - allowance) / 120 * 100 = 50 - 100 * actual / -120:
--   -50: gap +10, pace 50 - 41.6667 = +8.3333
--   -60: gap 0, pace 0
--   -70: gap -10, pace -8.3333
--   -130 (already past the year's limit): gap -70, pace -58.3333
-- required_per_month: (limit - actual) / 6 months left, an allowance when
-- negative: -50 may lose 70/6 = 11.6667 a month, -60 10 (the limit's
-- monthly share), -70 50/6 = 8.3333; -130 must earn 10/6 = 1.6667 a month.
-- projection at the run rate (actual * 100 / 50): -100, -120, -140, -260
-- (projection - limit = gap * 2).
SELECT actual, round(schedule_gap(actual, -120, '2022', '2022-01..06'::period)::numeric, 4) AS gap,
       round(pace(actual, -120, '2022', '2022-01..06'::period)::numeric, 4) AS pace,
       round_half_even(pace(actual, -120, '2022', '2022-01..06'::period), 1) AS printed,
       round(required_per_month(actual, -120, '2022', '2022-01..06'::period)::numeric, 4) AS per_month,
       projection(actual, '2022', '2022-01..06'::period) AS projection
FROM (VALUES (-50), (-60), (-70), (-130)) v(actual);
-- The as_of form counts days: through 2022-07-02, 183 of 365 days =
-- 50.1370%; the allowance is -120 * 0.501370 = -60.1644, so -50 is
-- 10.1644 ahead, 8.4703 points of 120 (50.1370 - 41.6667); 12 * (1 -
-- 183/365) = 5.9836 months remain, -70 / 5.9836 = -11.6987 a month; the
-- run rate gives -50 * 365 / 183 = -99.7268 for the year.
SELECT round(schedule_gap(-50, -120, '2022', '2022-07-02'::date)::numeric, 4) AS gap,
       round(pace(-50, -120, '2022', '2022-07-02'::date)::numeric, 4) AS pace,
       round(required_per_month(-50, -120, '2022', '2022-07-02'::date)::numeric, 4) AS per_month,
       round(projection(-50, '2022', '2022-07-02'::date)::numeric, 4) AS projection;
-- The scoreboard lights these districts by pace: green >= 0, red < -5.
-- -50 and -60 are green, -70 (8.3 behind) and -130 red; attainment of
-- the limit is (2 - actual / -120) * 100: 158.3333, 150, 141.6667,
-- 91.6667. Amount ranks follow the values (higher is better): d1 .. d4;
-- no base, so no growth and no growth rank.
-- Output: 100.35, 100.4, 100.45 and 100.3 over 100 grow 0.35, 0.4, 0.45
-- and 0.3 percent; printed 0.4, 0.4, 0.4, 0.3, they rank 1, 1, 1, 4 by
-- growth, d4 0.1 behind; by value (2 decimals) d3, d2, d1, d4. No target:
-- no light.
INSERT INTO region VALUES ('pref', 'Prefecture', NULL, NULL), ('d1', 'D1', 'pref', NULL),
  ('d2', 'D2', 'pref', NULL), ('d3', 'D3', 'pref', NULL), ('d4', 'D4', 'pref', NULL);
INSERT INTO indicator VALUES ('profit', '规上工业企业利润总额', '亿元', true, 1),
                             ('output', '规上工业总产值', '亿元', true, 2);
INSERT INTO observation VALUES
  ('d1', 'profit', '2022-01..06', -50, NULL), ('d2', 'profit', '2022-01..06', -60, NULL),
  ('d3', 'profit', '2022-01..06', -70, NULL), ('d4', 'profit', '2022-01..06', -130, NULL),
  ('d1', 'output', '2021-01..06', 100, NULL), ('d1', 'output', '2022-01..06', 100.35, NULL),
  ('d2', 'output', '2021-01..06', 100, NULL), ('d2', 'output', '2022-01..06', 100.4, NULL),
  ('d3', 'output', '2021-01..06', 100, NULL), ('d3', 'output', '2022-01..06', 100.45, NULL),
  ('d4', 'output', '2021-01..06', 100, NULL), ('d4', 'output', '2022-01..06', 100.3, NULL);
INSERT INTO target VALUES ('d1', 'profit', '2022', -120, NULL), ('d2', 'profit', '2022', -120, NULL),
  ('d3', 'profit', '2022', -120, NULL), ('d4', 'profit', '2022', -120, NULL);
SELECT region, indicator, value, target_amount, round(attainment::numeric, 4) AS attainment,
       time_progress, round(pace::numeric, 4) AS pace, light, rank_growth, rank_amount,
       round(gap_to_leader::numeric, 4) AS gap_to_leader
FROM scoreboard('2022-01..06', '2022-07-15') ORDER BY indicator, region;
DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;

-- light: green at or above green_at, red below red_below, yellow between.
SELECT v, light(v, 90, 80) FROM (VALUES (95), (90), (85), (80), (79.9)) t(v);
SELECT light(59.9, 60, 60) AS no_yellow_band_red, light(60, 60, 60) AS no_yellow_band_green,
       light(-3, -5, -10) AS lower_is_better_negated;

-- points_by_rank = full * (1 - step * (rank - 1)), never below 0.
SELECT points_by_rank(1, 100, 0.05) AS first, points_by_rank(3, 100, 0.05) AS third,
       points_by_rank(2.5, 100, 0.05) AS tied_second_third, points_by_rank(25, 100, 0.05) AS floor,
       points_by_rank(2, 100, 0) AS no_step;

-- efficacy_score = base + span * (x - unacceptable) / (satisfactory - unacceptable).
SELECT efficacy_score(15, 10, 20) AS middle, efficacy_score(20, 10, 20) AS satisfactory,
       efficacy_score(10, 10, 20) AS unacceptable, efficacy_score(25, 10, 20) AS beyond,
       efficacy_score(5, 10, 20) AS below, efficacy_score(15, 10, 20, 50, 50) AS custom,
       efficacy_score(3, 5, 1) AS lower_is_better;

-- round_half_even (GB/T 8170) on the decimal float8 prints, against
-- numeric round(), which rounds half away from zero.
SELECT x, d, round_half_even(x, d) AS half_even, round(x::numeric, d) AS half_away
FROM (VALUES (24.05::float8, 1), (24.15, 1), (24.25, 1), (24.35, 1), (2.5, 0), (3.5, 0),
             (-24.05, 1), (-2.5, 0), (1234.5, -1), (1235, -1), (1245, -1),
             (0.000123456, 5), (24.1, 3), (0, 2)) v(x, d);

-- Figures that round as printed. growth(100.35, 100) is 0.35% exactly in
-- decimals, a tie that GB/T 8170 rounds to 0.4; the double it computes is
-- 0.3499999999999943, 5.7e-15 below 0.35. A value within 2^-50 * (100 +
-- |x|) of a tie (8.9e-14 here) rounds as the tie; 0.3499999999999 is
-- 1e-13 below it and stays 0.3. 100.45 is the tie 0.45 (to even: 0.4).
SELECT growth(100.35, 100) < 0.35 AS double_below_tie,
       round_half_even(growth(100.35, 100), 1) AS printed,
       round_half_even(growth(100.35, 100), 2) AS two_places,
       round_half_even(growth(100.45, 100), 1) AS tie_to_even,
       describe_growth(100.35, 100) AS zh, describe_growth(100.35, 100, 'en') AS en,
       round_half_even(0.34999999999992, 1) AS within_8e_14,
       round_half_even(0.3499999999999, 1) AS below_by_1e_13;
-- A league at one decimal ranks on the printed figure: +0.35%, +0.4% and
-- +0.45% all print 0.4 and share first place; +0.3% is 4th, 0.1 behind.
SELECT e, rank(l, e), gap_to_leader(l, e)
FROM (SELECT league(e, growth(v, 100), 1) AS l
      FROM (VALUES ('a', 100.35), ('b', 100.4), ('c', 100.45), ('d', 100.3)) t(e, v)) x,
     (VALUES ('a'), ('b'), ('c'), ('d')) y(e)
ORDER BY e;

-- bar: value / max of width cells, in eighths rounded to nearest.
-- 3 / 10 of 4 cells is 9.6 eighths → 10 = one full block and a quarter.
SELECT bar(5, 10, 4) AS half, bar(1, 8, 1) AS one_eighth, bar(3, 10, 4) AS a_bit_more,
       bar(10, 10) AS full20, bar(15, 10, 3) AS clamped, bar(0, 10) = '' AS empty,
       bar(-1, 10) = '' AS negative, bar(1, 0) IS NULL AS max_zero;

-- NULL in, NULL out, everywhere.
SELECT contribution_from_share(NULL, 1, 1) IS NULL AS cs,
       contribution_share_from_share(1, 1, NULL) IS NULL AS css,
       describe_change(NULL, 1) IS NULL AS dc, describe_change(1, 2, NULL) IS NULL AS dc_lang;
SELECT describe_growth(NULL, 1) IS NULL AS a, light(NULL, 1, 0) IS NULL AS b,
       pace(1, 2, NULL, '2022-01'::period) IS NULL AS c, bar(1, 2, NULL) IS NULL AS d,
       round_half_even(1.5, NULL) IS NULL AS e, efficacy_score(1, 2, 3, NULL) IS NULL AS f;

-- Errors: NaN is 22023, infinities and overflowing results 22003, a
-- parameter outside its domain 22023.
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
  ($q$SELECT growth('NaN', 1)$q$), ($q$SELECT growth(1, 'NaN')$q$),
  ($q$SELECT growth('Infinity', 1)$q$), ($q$SELECT growth(1, '-Infinity')$q$),
  ($q$SELECT growth(1e308, 1e-10)$q$), ($q$SELECT attainment(1e308, 1e-308)$q$),
  ($q$SELECT attainment('NaN', 1)$q$), ($q$SELECT attainment(1, 'Infinity')$q$),
  ($q$SELECT avg_growth(121, 100, 0)$q$), ($q$SELECT avg_growth(121, 100, 'NaN')$q$),
  ($q$SELECT contribution(1, 'Infinity', 1)$q$),
  ($q$SELECT contribution_share(1, 2, 'NaN', 1)$q$),
  ($q$SELECT contribution_from_share('NaN', 2, 1)$q$),
  ($q$SELECT contribution_share_from_share(1, 2, '-Infinity')$q$),
  ($q$SELECT contribution_from_share(1e308, 1e308, 1e308)$q$),
  ($q$SELECT pace('Infinity', 1, '2022', '2022-01'::period)$q$),
  ($q$SELECT pace(1, 2, '2022', '2023-01'::period)$q$),
  ($q$SELECT light(1, 80, 90)$q$), ($q$SELECT light('NaN', 90, 80)$q$),
  ($q$SELECT points_by_rank(0, 100, 0.05)$q$),
  ($q$SELECT points_by_rank(1, 100, -0.05)$q$),
  ($q$SELECT efficacy_score(1, 10, 10)$q$),
  ($q$SELECT round_half_even(1.5, 16)$q$),
  ($q$SELECT round_half_even('Infinity', 1)$q$),
  ($q$SELECT describe_growth(1, 'NaN')$q$),
  ($q$SELECT describe_growth(1, 2, 'fr')$q$),
  ($q$SELECT describe_change('NaN', 2)$q$),
  ($q$SELECT describe_change(1, 'Infinity')$q$),
  ($q$SELECT describe_change(1e308, -1e308)$q$),
  ($q$SELECT describe_change(1, 2, 'fr')$q$),
  ($q$SELECT bar(1, 2, 0)$q$), ($q$SELECT bar(1, 2, 1001)$q$),
  ($q$SELECT bar('Infinity', 2)$q$)) v(q);
-- The messages.
SELECT growth('NaN', 1);
SELECT growth('Infinity', 1);
SELECT attainment(1e308, 1e-308);
SELECT avg_growth(121, 100, 0);
SELECT light(1, 80, 90);
SELECT points_by_rank(0, 100, 0.05);
SELECT efficacy_score(1, 10, 10);
SELECT round_half_even(1.5, 16);
SELECT bar(1, 2, 0);
SELECT pace(1, 2, '2022', '2023-01'::period);

-- A light in the 通报's words (issue 13): 绿灯/黄灯/红灯, or 红旗 and
-- 蜗牛 where an office hangs flags (a yellow light has none: NULL).
SELECT l, label(l, 'zh') AS zh, label(l, 'en') AS en,
       label(l, 'zh', 'flags') AS flags_zh, label(l, 'en', 'flags') AS flags_en
FROM unnest(enum_range(NULL::light)) l;
SELECT label(light(95, 90, 80), 'zh');
SELECT label('red'::light, 'fr');
SELECT label('red'::light, 'zh', 'banners');
SELECT label(NULL::light, 'zh') IS NULL AS null_light;
