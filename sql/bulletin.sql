-- The 通报 (issue 13): tracker.bulletin and tracker.bulletin_paragraph on
-- data small enough to word by hand. Each expected sentence is derived in
-- the comment above its query from the facts below. The test removes its
-- rows.
SET search_path = tracker, public;

-- 浙江省 over 宁波市 and 杭州市; 宁波市 over six districts and counties;
-- 北仑区 over two 街道 (a 区 parent: 全区).
INSERT INTO region VALUES ('zj', '浙江省', NULL, NULL),
  ('nb', '宁波市', 'zj', NULL), ('hz', '杭州市', 'zj', NULL),
  ('jb', '江北区', 'nb', NULL), ('zh', '镇海区', 'nb', NULL), ('hs', '海曙区', 'nb', NULL),
  ('yz', '鄞州区', 'nb', NULL), ('bl', '北仑区', 'nb', NULL), ('xs', '象山县', 'nb', NULL),
  ('xq', '新碶街道', 'bl', NULL), ('dq', '大碶街道', 'bl', NULL);
-- inv: an amount in 亿元 to 1 decimal; prf: in 万元 to 0 decimals, with
-- losses; iva: published rates only (no level); psr: a ratio in %.
INSERT INTO indicator VALUES
  ('inv', '制造业投资', '亿元', true, 1, 'amount'),
  ('prf', '利润总额', '万元', true, 0, 'amount'),
  ('iva', '规上工业增加值', NULL, true, 1, 'amount'),
  ('psr', '产销率', '%', true, 1, 'ratio');
-- Year-to-date facts: the report 1-7月 (2022-01..07) against 2021-01..07,
-- and the previous report 1-6月 (2022-01..06) against 2021-01..06.
INSERT INTO observation VALUES
  ('nb', 'inv', '2021-01..06', 100, NULL), ('nb', 'inv', '2022-01..06', 120, NULL),
  ('nb', 'inv', '2021-01..07', 100, NULL), ('nb', 'inv', '2022-01..07', 130, NULL),
  ('hz', 'inv', '2021-01..06', 100, NULL), ('hz', 'inv', '2022-01..06', 110, NULL),
  ('hz', 'inv', '2021-01..07', 100, NULL), ('hz', 'inv', '2022-01..07', 150, NULL),
  ('jb', 'inv', '2021-01..06', 10, NULL), ('jb', 'inv', '2022-01..06', 13, NULL),
  ('jb', 'inv', '2021-01..07', 10, NULL), ('jb', 'inv', '2022-01..07', 16.1, NULL),
  ('xs', 'inv', '2021-01..06', 10, NULL), ('xs', 'inv', '2022-01..06', 15, NULL),
  ('xs', 'inv', '2021-01..07', 10, NULL), ('xs', 'inv', '2022-01..07', 16.1, NULL),
  ('zh', 'inv', '2021-01..06', 20, NULL), ('zh', 'inv', '2022-01..06', 28, NULL),
  ('zh', 'inv', '2021-01..07', 25, NULL), ('zh', 'inv', '2022-01..07', 30, NULL),
  ('hs', 'inv', '2021-01..06', 10, NULL), ('hs', 'inv', '2022-01..06', 10.5, NULL),
  ('hs', 'inv', '2021-01..07', 8, NULL), ('hs', 'inv', '2022-01..07', 8, NULL),
  ('yz', 'inv', '2021-01..06', 10, NULL), ('yz', 'inv', '2022-01..06', 40, NULL),
  ('yz', 'inv', '2021-01..07', 10, NULL), ('yz', 'inv', '2022-01..07', 46, NULL),
  ('bl', 'inv', '2021-01..06', 10, NULL), ('bl', 'inv', '2022-01..06', 11, NULL),
  ('bl', 'inv', '2021-01..07', 10, NULL), ('bl', 'inv', '2022-01..07', 9, NULL),
  ('xq', 'inv', '2021-01..07', 4, NULL), ('xq', 'inv', '2022-01..07', 5, NULL),
  ('dq', 'inv', '2021-01..07', 5, NULL), ('dq', 'inv', '2022-01..07', 4, NULL),
  ('jb', 'prf', '2021-01..07', -200, NULL), ('jb', 'prf', '2022-01..07', 500, NULL),
  ('zh', 'prf', '2021-01..07', 300, NULL), ('zh', 'prf', '2022-01..07', -100, NULL),
  ('hs', 'prf', '2021-01..07', -200, NULL), ('hs', 'prf', '2022-01..07', -50, NULL),
  ('yz', 'prf', '2021-01..07', -100, NULL), ('yz', 'prf', '2022-01..07', -300, NULL),
  ('bl', 'prf', '2021-01..07', 500, NULL), ('bl', 'prf', '2022-01..07', 600, NULL),
  ('jb', 'iva', '2022-01..06', NULL, 9.5), ('jb', 'iva', '2022-01..07', NULL, 10.0),
  ('hs', 'iva', '2022-01..06', NULL, 9.2), ('hs', 'iva', '2022-01..07', NULL, 7.0),
  ('zh', 'iva', '2022-01..06', NULL, 8.0), ('zh', 'iva', '2022-01..07', NULL, 8.3),
  ('yz', 'iva', '2022-01..06', NULL, 7.0), ('yz', 'iva', '2022-01..07', NULL, 9.0),
  ('jb', 'psr', '2021-01..07', 97.8, NULL), ('jb', 'psr', '2022-01..07', 98.1, NULL),
  ('zh', 'psr', '2021-01..07', 98.0, NULL), ('zh', 'psr', '2022-01..07', 97.5, NULL);
-- Targets for 2022 (全年目标): amounts, and a growth-only one for 海曙区;
-- 象山县 has none.
INSERT INTO target VALUES
  ('nb', 'inv', '2022', 200, NULL),
  ('jb', 'inv', '2022', 25, NULL), ('zh', 'inv', '2022', 60, NULL),
  ('yz', 'inv', '2022', 70, NULL), ('bl', 'inv', '2022', 15.43, NULL),
  ('hs', 'inv', '2022', NULL, 5);

-- 1-7月 (as of the end of July: time progress of 2022 = 7/12 = 58.3333%).
-- inv under 宁波市 (全市), growth 1-7月 and 1-6月, ranks higher first:
--   jb 16.1/10 = +61.0%  (1-6月 13/10   = +30%: rank 4)
--   xs 16.1/10 = +61.0%  (1-6月 15/10   = +50%: rank 2)
--   zh 30/25   = +20.0%  (1-6月 28/20   = +40%: rank 3)
--   hs 8/8     =   0.0%  (1-6月 10.5/10 =  +5%: rank 6)
--   yz 46/10   = +360%   (1-6月 40/10   = +300%: rank 1)
--   bl 9/10    = -10.0%  (1-6月 11/10   = +10%: rank 5)
-- Ranks: yz 1 (首位), jb and xs tied 2 (并列第2位), zh 4, hs 5, bl 6.
-- Change (1-6月 rank minus 1-7月 rank; 上月 for a month's grain): yz 0
-- (位次与上月持平), jb +2 (前移2位), xs 0, zh -1 (后移1位), hs +1, bl -1.
-- Growth of 360% is 3.6 times: 增长3.6倍. 8/8 is 持平.
-- Targets (actual = the 1-7月 fact):
--   jb 16.1/25 = 64.4%, pace 64.4 - 58.3333 = +6.0667: 超序时进度6.1个百分点
--   zh 30/60 = 50.0%, pace -8.3333: 落后序时进度8.3个百分点
--   yz 46/70 = 65.714%: 65.7%, pace +7.381: 超序时进度7.4个百分点
--   bl 9/15.43 = 58.328%: 58.3%, pace -0.005, 0.0 as printed: 与序时进度持平
--   hs growth target 5 only: 0 - 5 = -5: 低于全年目标增速5.0个百分点
--   xs no target: no target part at all (no "；").
-- 宁波市 among 浙江省's peers (全省): 130/100 = +30.0% after 120/100 =
-- +20% in 1-6月; 杭州市 150/100 = +50.0% after +10%: 宁波 2nd, was 1st
-- (后移1位), 杭州 1st, was 2nd (前移1位). 宁波 130/200 = 65.0%, pace
-- 65.0 - 58.3333 = 6.6667: 超序时进度6.7个百分点.
-- Under 北仑区 (全区): xq 5/4 = +25.0% 首位, dq 4/5 = -20.0% 第2位, no
-- facts for 1-6月: no change clause.
SELECT region, sentence FROM bulletin('2022-01..07') WHERE indicator = 'inv' ORDER BY region;
-- pace_words: 序时进度 in words, without the points: jb is 6.1 points
-- ahead (超序时进度), zh 8.3 behind (未达序时进度); the rest of each
-- sentence as above.
SELECT region, sentence FROM bulletin('2022-01..07', pace_words => true)
WHERE indicator = 'inv' AND region IN ('jb', 'zh') ORDER BY region;

-- The issue's rate-only example: iva has growths only (no value clause,
-- no 增速 before the rank). 1-7月 jb 10.0, yz 9.0, zh 8.3, hs 7.0 rank
-- 1-4; 1-6月 jb 9.5, hs 9.2, zh 8.0, yz 7.0 ranked jb 1, hs 2, zh 3, yz 4:
-- changes jb 0, yz +2, zh 0, hs -2.
--   镇海区: 1-7月，镇海区规上工业增加值同比增长8.3%，居全市第3位，位次与上月持平。
SELECT region, sentence FROM bulletin('2022-01..07') WHERE indicator = 'iva' ORDER BY region;

-- Losses (利润总额 in 万元, 0 decimals), describe_growth's words:
--   jb -200 → 500: 扭亏为盈; zh 300 → -100: 由盈转亏 (a growth of
--   -133.3% from a positive base, so ranked); hs -200 → -50: 减亏;
--   yz -100 → -300: 增亏; bl 500 → 600: +20.0%.
-- Only zh and bl have a growth (a base above zero): bl 首位, zh 第2位; no
-- 1-6月 facts: no change clause.
SELECT region, sentence FROM bulletin('2022-01..07') WHERE indicator = 'prf' ORDER BY region;

-- A ratio (产销率, %): its level without a verb, its change in points.
--   jb 97.8 → 98.1: 提高0.3个百分点, 增幅居全市首位
--   zh 98.0 → 97.5: 下降0.5个百分点, 增幅居全市第2位
SELECT region, sentence FROM bulletin('2022-01..07') WHERE indicator = 'psr' ORDER BY region;

-- The first place: 首位 (default), 第一, 第1位. 鄞州区 is first of 全市;
-- 杭州市 of 全省.
SELECT first, region, sentence
FROM unnest(ARRAY['首位', '第一', '第1位']) first,
     LATERAL bulletin('2022-01..07', first => first) b
WHERE indicator = 'inv' AND region IN ('yz', 'hz') ORDER BY region, first;

-- rank_by both: growth rank (and its change), then the amount rank.
-- Amounts 1-7月: yz 46.0, zh 30.0, jb 16.1, xs 16.1, bl 9.0, hs 8.0:
-- yz 1 (第一), zh 2, jb and xs 并列第3位, bl 5, hs 6. A ratio: 水平居;
-- jb 98.1 first, zh 97.5 second.
SELECT region, sentence FROM bulletin('2022-01..07', rank_by => 'both', first => '第一')
WHERE indicator IN ('inv', 'psr') AND region IN ('jb', 'yz', 'hs', 'zh') ORDER BY indicator, region;

-- rank_by amount: only 总量 (no growth rank, so no change clause either);
-- a rate-only fact has no amount, so no rank at all. The area option
-- replaces the parent's word everywhere: 全县.
SELECT region, sentence FROM bulletin('2022-01..07', rank_by => 'amount', area => '全县')
WHERE indicator IN ('inv', 'iva') AND region IN ('jb', 'zh', 'hz') ORDER BY indicator, region;

-- English: the same clauses in the same order.
--   jb: joint 2nd in the city, up 2 places; 64.4% of the full-year target,
--       6.1 points ahead of schedule.
--   zh: 50.0% ..., 8.3 points behind schedule. bl: on schedule.
--   hs: 5.0 points below the full-year growth target.
--   yz: up 3.6 times, 1st in the city, unchanged.
--   dq: 2nd in the district (北仑区 is a 区).
--   hz: 1st in the province.
SELECT region, sentence FROM bulletin('2022-01..07', lang => 'en') WHERE indicator = 'inv' ORDER BY region;
SELECT indicator, region, sentence FROM bulletin('2022-01..07', lang => 'en')
WHERE indicator IN ('prf', 'psr', 'iva') AND region IN ('jb', 'zh', 'hs') ORDER BY indicator, region;
-- rank_by both in English: "by growth" / "by total"; a ratio "by change"
-- / "by level".
SELECT indicator, region, sentence FROM bulletin('2022-01..07', lang => 'en', rank_by => 'both')
WHERE region = 'jb' AND indicator IN ('inv', 'psr') ORDER BY indicator;

-- A quarter's target and its last report. exp (出口额): monthly facts,
-- targets for 2022-Q3 (三季度目标).
INSERT INTO indicator VALUES ('exp', '出口额', '亿元', true, 1, 'amount');
INSERT INTO observation VALUES
  ('jb', 'exp', '2021-08', 10, NULL), ('jb', 'exp', '2021-09', 12, NULL),
  ('jb', 'exp', '2022-07', 10, NULL), ('jb', 'exp', '2022-08', 12, NULL), ('jb', 'exp', '2022-09', 15, NULL),
  ('zh', 'exp', '2021-08', 8, NULL), ('zh', 'exp', '2021-09', 10, NULL),
  ('zh', 'exp', '2022-07', 10, NULL), ('zh', 'exp', '2022-08', 10, NULL), ('zh', 'exp', '2022-09', 10, NULL),
  ('hs', 'exp', '2021-08', 10, NULL), ('hs', 'exp', '2021-09', 10, NULL),
  ('hs', 'exp', '2022-07', 9, NULL), ('hs', 'exp', '2022-08', 9, NULL), ('hs', 'exp', '2022-09', 9, NULL),
  ('yz', 'exp', '2021-08', 4, NULL), ('yz', 'exp', '2021-09', 4, NULL),
  ('yz', 'exp', '2022-07', 8, NULL), ('yz', 'exp', '2022-08', 8, NULL), ('yz', 'exp', '2022-09', 8, NULL);
INSERT INTO target VALUES ('jb', 'exp', '2022-Q3', 30, NULL), ('zh', 'exp', '2022-Q3', 30, NULL),
  ('hs', 'exp', '2022-Q3', 30, NULL), ('yz', 'exp', '2022-Q3', NULL, 50);
-- 8月: time progress of Q3 2/3 = 66.6667%. Growth Aug: jb 12/10 = +20.0%,
-- zh 10/8 = +25.0%, hs 9/10 = -10.0%, yz 8/4 = +100%, 增长1.0倍: ranks yz
-- 1, zh 2, jb 3, hs 4. No facts for 2021-07: July has no growth, no
-- change clause. Actual July-August: jb 22/30 = 73.3%, pace +6.6667:
-- 超序时进度6.7个百分点; zh 20/30 = 66.7%, pace 0.0: 与序时进度持平; hs
-- 18/30 = 60.0%, 落后序时进度6.7个百分点; yz growth target 50: 100 - 50:
-- 高于三季度目标增速50.0个百分点.
SELECT region, sentence FROM bulletin('2022-08') WHERE indicator = 'exp' ORDER BY region;
-- 9月, Q3's last report (time progress 100%): the target part says how
-- it ended, no pace. jb 37/30 = 123.3%: 超额完成三季度目标（123.3%）; zh
-- 30/30: 完成三季度目标; hs 27/30: 完成三季度目标的90.0%. Growth Sep: jb
-- 15/12 = +25.0%, zh 10/10 持平, hs 9/10 = -10.0%, yz 8/4 = 增长1.0倍:
-- ranks yz 1, jb 2, zh 3, hs 4; August's yz 1, zh 2, jb 3, hs 4: jb 前移
-- 1位, zh 后移1位, yz and hs 位次与上月持平.
SELECT region, sentence FROM bulletin('2022-09') WHERE indicator = 'exp' ORDER BY region;
SELECT region, sentence FROM bulletin('2022-09', lang => 'en') WHERE indicator = 'exp' AND region IN ('jb', 'zh') ORDER BY region;

-- The paragraph for 宁波市 (inv, 1-7月), list_length 3 by default:
-- 1. 宁波's own sentence with 全市 as its name and its ranks among 浙江省's
--    peers (全省): 全市制造业投资完成130.0亿元，同比增长30.0%，增速居全省
--    第2位，较上月后移1位；完成全年目标的65.0%，超序时进度6.7个百分点。
-- 2. 6 peers; grew: yz, jb, xs, zh = 4 (hs 持平, bl down); with a pace jb
--    +6.1, zh -8.3, yz +7.4, bl 0.0: 2 ahead; none at 100%: 0 met, a
--    count left out (a bulletin does not print 0个完成目标 mid-year).
-- 3. k = list_length 3, at most half the 6 ranked peers (3).
--    红旗 ranks <= 3: yz (1), jb and xs (2, tied, in byte order: 江北区 <
--    象山县); 蜗牛 from the worst: bl (6), hs (5), zh (4: 2 ranked worse
--    < 3), stopping at rank 2 (a 红旗).
-- 4. highest yz 360.0%, lowest bl -10.0%.
SELECT paragraph FROM bulletin_paragraph('2022-01..07') WHERE parent = 'nb' AND indicator = 'inv';
-- list_length 2: 红旗 ranks <= 2: yz, jb, xs (the tie comes in whole);
-- 蜗牛 bl (6), hs (5: 1 worse < 2), not zh (2 worse). list_length 1:
-- 红旗 yz; 蜗牛 bl. list_length 0: no lists.
SELECT list_length, paragraph
FROM unnest(ARRAY[2, 1, 0]) list_length,
     LATERAL bulletin_paragraph('2022-01..07', list_length => list_length) b
WHERE parent = 'nb' AND indicator = 'inv' ORDER BY list_length DESC;
-- 北仑区's paragraph: 全区 as its name, its ranks among 宁波's peers
-- (全市, 6th, 后移1位); 2 peers, 1 grew (xq); lists of at most half the
-- peers: 红旗 the better one, 蜗牛 the other.
SELECT paragraph FROM bulletin_paragraph('2022-01..07') WHERE parent = 'bl';
-- 浙江省 has no fact of its own: no first sentence. Two peers, both grew;
-- only 宁波 has a pace (+6.7): 1 ahead, 0 met (left out). Lists of
-- one each: 红旗 杭州市, 蜗牛 宁波市.
SELECT paragraph FROM bulletin_paragraph('2022-01..07') WHERE parent = 'zj';
-- A ratio's paragraph: 1个同比提高 (jb), 增幅; prf: 3 grew (jb 扭亏为盈,
-- hs 减亏, bl +20%); iva: all 4 grew. Lists of at most half the ranked
-- peers: psr (2 ranked) one each; prf (2 ranked: bl +20.0, zh -133.3)
-- one each; iva (4) two each: 红旗 jb, yz, 蜗牛 hs (worst), zh.
SELECT indicator, paragraph FROM bulletin_paragraph('2022-01..07')
WHERE parent = 'nb' AND indicator IN ('psr', 'prf', 'iva') ORDER BY indicator;
-- 9月 exp: grew yz and jb = 2; every pace is on Q3's last report, where
-- the sentences state none, so no pace count; met jb (123.3) and zh
-- (100.0) = 2. 红旗 (list_length 1) yz, 蜗牛 hs.
SELECT paragraph FROM bulletin_paragraph('2022-09', list_length => 1) WHERE indicator = 'exp';
-- English, with rank_by both: 宁波's own sentence ranks it 2nd both ways
-- in the province (130 < 150).
SELECT paragraph FROM bulletin_paragraph('2022-01..07', lang => 'en', rank_by => 'both')
WHERE parent = 'nb' AND indicator = 'inv';

-- No clause left dangling, whatever is missing, in any option.
SELECT count(*) AS texts,
       count(*) FILTER (WHERE t ~ '，，|，。|；。|；，|，；|^，|, ,|,\.|;\.|  ') AS dangling
FROM (SELECT sentence AS t FROM unnest(ARRAY['zh', 'en']) lang,
        unnest(ARRAY['growth', 'amount', 'both']) rank_by,
        unnest(ARRAY['2022-01..07', '2022-08', '2022-09']::period[]) p,
        LATERAL bulletin(p, lang => lang, rank_by => rank_by)
      UNION ALL
      SELECT paragraph FROM unnest(ARRAY['zh', 'en']) lang,
        unnest(ARRAY['growth', 'amount', 'both']) rank_by,
        unnest(ARRAY['2022-01..07', '2022-08', '2022-09']::period[]) p,
        LATERAL bulletin_paragraph(p, lang => lang, rank_by => rank_by)) s;

-- Errors, with their SQLSTATE: NULL p 22004; an unknown lang, first or
-- rank_by, a negative list_length 22023.
CREATE FUNCTION pg_temp.fails(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT q, pg_temp.fails(q) AS error FROM unnest(ARRAY[
  'SELECT * FROM tracker.bulletin(NULL)',
  'SELECT * FROM tracker.bulletin_paragraph(NULL)',
  $q$SELECT * FROM tracker.bulletin('2022-07', lang => 'fr')$q$,
  $q$SELECT * FROM tracker.bulletin_paragraph('2022-07', lang => 'fr')$q$,
  $q$SELECT * FROM tracker.bulletin('2022-07', first => '第1名')$q$,
  $q$SELECT * FROM tracker.bulletin_paragraph('2022-07', first => '第1名')$q$,
  $q$SELECT * FROM tracker.bulletin('2022-07', rank_by => 'size')$q$,
  $q$SELECT * FROM tracker.bulletin_paragraph('2022-07', rank_by => 'size')$q$,
  $q$SELECT * FROM tracker.bulletin_paragraph('2022-07', list_length => -1)$q$]) q;
-- NULL options take their defaults: the same sentences as without them.
SELECT (SELECT count(*) FROM bulletin('2022-01..07')) AS sentences, count(*) AS same
FROM bulletin('2022-01..07', lang => NULL, first => NULL, rank_by => NULL) a
JOIN bulletin('2022-01..07') b USING (region, indicator) WHERE a.sentence = b.sentence;

-- In a view, and in a materialized view refreshed like the scoreboard's.
CREATE VIEW tongbao AS
  SELECT region_name, sentence FROM bulletin('2022-01..07') WHERE indicator = 'inv';
SELECT * FROM tongbao WHERE region_name IN ('江北区', '象山县') ORDER BY region_name;
CREATE MATERIALIZED VIEW tongbao_july AS
  SELECT * FROM bulletin('2022-01..07', first => '第一', rank_by => 'both');
CREATE UNIQUE INDEX ON tongbao_july (region, indicator);
-- 象山县's 1-7月 becomes 17.0: 17/10 = +70.0%, now 2nd alone behind
-- 鄞州区's 360% (and 2nd in 1-6月: 位次与上月持平); 江北区 3rd alone (4th
-- in 1-6月: 前移1位). Amounts yz 46, zh 30, xs 17.0, jb 16.1: xs 3rd, jb
-- 4th. The refreshed view says so.
UPDATE observation SET value = 17 WHERE region = 'xs' AND indicator = 'inv' AND period = '2022-01..07';
REFRESH MATERIALIZED VIEW CONCURRENTLY tongbao_july;
SELECT region, sentence FROM tongbao_july WHERE indicator = 'inv' AND region IN ('jb', 'xs') ORDER BY region;
DROP MATERIALIZED VIEW tongbao_july;
DROP VIEW tongbao;

DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region;

-- The Jiaxing line of the seed document: "上半年，全市制造业完成投资540亿元，
-- 同比增长24.1%，制造业投资总量居全省第一". 浙江省's 11 cities with their
-- H1 (2022-01..06) manufacturing investment and its published growth;
-- 嘉兴市 is the largest (540 > 杭州 520 > 宁波 500 ...). Its paragraph
-- (for its districts) opens with its own sentence: its name is 全市 (the
-- area word of 嘉兴市), its amount rank among 浙江省's cities (全省,
-- 第一 with first => '第一'), and with verb_object 投资 the verb goes
-- inside the indicator's name (制造业完成投资), which is then named again
-- before 总量. Decimals 0: 540亿元. H1 is 上半年.
-- Then: 3 districts, all grew; lists of at most half of them (one
-- each): 红旗 南湖区 30.2, 蜗牛 秀洲区 20.0; spread 30.2 to 20.0.
INSERT INTO region VALUES ('zj', '浙江省', NULL, NULL),
  ('hz', '杭州市', 'zj', NULL), ('nb', '宁波市', 'zj', NULL), ('wz', '温州市', 'zj', NULL),
  ('jx', '嘉兴市', 'zj', NULL), ('hu', '湖州市', 'zj', NULL), ('sx', '绍兴市', 'zj', NULL),
  ('jh', '金华市', 'zj', NULL), ('qz', '衢州市', 'zj', NULL), ('zs', '舟山市', 'zj', NULL),
  ('tz', '台州市', 'zj', NULL), ('ls', '丽水市', 'zj', NULL),
  ('nh', '南湖区', 'jx', NULL), ('xz', '秀洲区', 'jx', NULL), ('hn', '海宁市', 'jx', NULL);
INSERT INTO indicator VALUES ('mfg', '制造业投资', '亿元', true, 0, 'amount');
INSERT INTO observation VALUES
  ('hz', 'mfg', '2022-01..06', 520, 18.2), ('nb', 'mfg', '2022-01..06', 500, 20.5),
  ('wz', 'mfg', '2022-01..06', 300, 15.0), ('jx', 'mfg', '2022-01..06', 540, 24.1),
  ('hu', 'mfg', '2022-01..06', 260, 22.0), ('sx', 'mfg', '2022-01..06', 330, 19.0),
  ('jh', 'mfg', '2022-01..06', 210, 12.0), ('qz', 'mfg', '2022-01..06', 110, 30.0),
  ('zs', 'mfg', '2022-01..06', 60, 8.0), ('tz', 'mfg', '2022-01..06', 280, 16.0),
  ('ls', 'mfg', '2022-01..06', 90, 25.0),
  ('nh', 'mfg', '2022-01..06', 120, 30.2), ('xz', 'mfg', '2022-01..06', 100, 20.0),
  ('hn', 'mfg', '2022-01..06', 150, 25.5);
SELECT paragraph FROM tracker.bulletin_paragraph('2022-H1', lang => 'zh', first => '第一',
                                                  rank_by => 'amount', verb_object => '投资')
WHERE parent = 'jx';
-- The seed line is the paragraph's first sentence, without its 。.
SELECT split_part(paragraph, '。', 1) = '上半年，全市制造业完成投资540亿元，同比增长24.1%，制造业投资总量居全省第一' AS seed_line
FROM tracker.bulletin_paragraph('2022-H1', lang => 'zh', first => '第一',
                                rank_by => 'amount', verb_object => '投资')
WHERE parent = 'jx';
-- 嘉兴市's own sentence says the same with its name (全省第一 among the
-- cities).
SELECT sentence FROM bulletin('2022-H1', first => '第一', rank_by => 'amount', verb_object => '投资')
WHERE region = 'jx';

DELETE FROM observation; DELETE FROM indicator; DELETE FROM region;

