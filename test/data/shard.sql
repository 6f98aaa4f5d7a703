-- The sharding test's data set (test/shard): a small, deterministic
-- country in tracker's reference tables. Run on one node; test/shard
-- copies the reference tables to the shards and loads the facts through
-- the coordinator.
--
-- 6 provinces (admin codes 110000, 120000, …: the first two digits name
-- the province, so a RANGE partition on the code holds whole provinces),
-- 4 cities each, 5 counties per city in two peer groups (districts 01-02,
-- counties 03-05); 8 indicators: one where less is better (energy use
-- under a cap), one ratio (capacity utilisation, in percent, changing in
-- points), one published by counties as a rate only, one as year-to-date
-- facts only, one as months with quarter-end year-to-date facts; monthly
-- facts 2020-01 to 2022-12, growth published on some; 2022 targets
-- (amount and growth; growth only where the facts have no level) and
-- 2022-Q3 targets for the cities.

INSERT INTO tracker.region (code, name, parent, peer_group)
SELECT '000000', '全国', NULL, NULL
UNION ALL
SELECT p.code || '0000', p.name || '省', '000000', 'province'
FROM (VALUES ('11', '甲'), ('12', '乙'), ('13', '丙'), ('14', '丁'), ('15', '戊'), ('21', '己')) p(code, name)
UNION ALL
SELECT p.code || pg_catalog.lpad(c::text, 2, '0') || '00', p.name || c || '市', p.code || '0000', 'city'
FROM (VALUES ('11', '甲'), ('12', '乙'), ('13', '丙'), ('14', '丁'), ('15', '戊'), ('21', '己')) p(code, name),
     generate_series(1, 4) c
UNION ALL
SELECT p.code || pg_catalog.lpad(c::text, 2, '0') || pg_catalog.lpad(k::text, 2, '0'),
       p.name || c || '市' || k || CASE WHEN k <= 2 THEN '区' ELSE '县' END,
       p.code || pg_catalog.lpad(c::text, 2, '0') || '00',
       CASE WHEN k <= 2 THEN 'district' ELSE 'county' END
FROM (VALUES ('11', '甲'), ('12', '乙'), ('13', '丙'), ('14', '丁'), ('15', '戊'), ('21', '己')) p(code, name),
     generate_series(1, 4) c, generate_series(1, 5) k;

INSERT INTO tracker.indicator (code, name, unit_label, higher_is_better, decimals, kind) VALUES
    ('output',  '工业总产值',       '亿元',       true,  1, 'amount'),
    ('ind',     '规上工业增加值',   '亿元',       true,  1, 'amount'),
    ('invest',  '固定资产投资',     '亿元',       true,  1, 'amount'),
    ('retail',  '社会消费品零售总额', '亿元',     true,  1, 'amount'),
    ('export',  '出口总额',         '亿元',       true,  1, 'amount'),
    ('energy',  '能源消费量',       '万吨标准煤', false, 1, 'amount'),
    ('util',    '工业产能利用率',   '%',          true,  1, 'ratio'),
    ('revenue', '一般公共预算收入', '亿元',       true,  2, 'amount');

-- One row per region below the country, indicator it reports and month:
-- provinces and cities report every indicator, a county three of the
-- eight.
CREATE TEMP TABLE shard_month AS
SELECT r.code AS region, r.rn, i.code AS indicator, i.ino, m,
       period((DATE '2020-01-01' + make_interval(months => m))::date, 'month') AS unit,
       pg_catalog.round(((CASE r.level WHEN 'province' THEN 100 WHEN 'city' THEN 25 ELSE 5 END)
                         * (1 + ((r.rn * 7 + i.ino * 13) % 10) / 10.0)
                         * (1 + 0.006 * m + ((((r.rn * 31 + i.ino * 17) * (m + 3) + m * m * 7) % 23) - 11) / 100.0))::numeric, 2)::float8 AS v,
       CASE WHEN m % 4 = 3 THEN ((r.rn * 3 + i.ino * 5 + m) % 15) - 4 + 0.5 END AS g,
       r.level = 'county' AS county, r.level = 'city' AS city
FROM (SELECT code, row_number() OVER (ORDER BY code) AS rn,
             CASE WHEN code LIKE '__0000' THEN 'province' WHEN code LIKE '____00' THEN 'city' ELSE 'county' END AS level
      FROM tracker.region WHERE parent IS NOT NULL) r,
     (SELECT code, row_number() OVER (ORDER BY code) AS ino FROM tracker.indicator) i,
     generate_series(0, 35) m
WHERE r.level <> 'county' OR (r.rn + i.ino) % 8 < 3;

INSERT INTO tracker.observation (region, indicator, period, value, growth)
-- units with a level (and a published rate every fourth month)
SELECT region, indicator, unit, v, g FROM shard_month
WHERE indicator IN ('output', 'retail', 'export', 'energy')
   OR (indicator = 'ind' AND NOT county)
   OR (indicator = 'revenue')
UNION ALL
-- a county's industry: the rate alone (规上工业增加值增长X%)
SELECT region, indicator, unit, NULL, ((rn * 3 + m) % 14) - 3 + 0.3 FROM shard_month
WHERE indicator = 'ind' AND county
UNION ALL
-- a ratio: the level in percent, the change in points
SELECT region, indicator, unit, 60 + (rn * 7 + m * 3) % 30 + 0.5,
       CASE WHEN m % 4 = 3 THEN ((rn + m) % 7) - 3 END FROM shard_month
WHERE indicator = 'util'
UNION ALL
-- investment: year-to-date facts only (1-N月)
SELECT region, indicator, ytd(unit),
       sum(v) OVER (PARTITION BY region, indicator, m / 12 ORDER BY m), g FROM shard_month
WHERE indicator = 'invest'
UNION ALL
-- revenue: the months, and the year to date at each quarter's end
SELECT region, indicator, ytd(unit), ytd_v, NULL FROM (
    SELECT region, indicator, unit, m,
           sum(v) OVER (PARTITION BY region, indicator, m / 12 ORDER BY m) AS ytd_v
    FROM shard_month WHERE indicator = 'revenue') y
WHERE m % 3 = 2;

-- 2022 targets: 7% over 2021 (a cap of 97% of 2021 for energy), growth
-- 5-8% (-3% for energy); a growth target alone where the facts have no
-- level (a county's industry) and none for the ratio.
INSERT INTO tracker.target (region, indicator, period, amount, growth)
SELECT region, indicator, '2022',
       CASE WHEN bool_and(NOT (indicator = 'ind' AND county)) THEN
           pg_catalog.round((sum(v) FILTER (WHERE m BETWEEN 12 AND 23)
                             * CASE indicator WHEN 'energy' THEN 0.97 ELSE 1.07 END)::numeric, 1)::float8 END,
       CASE indicator WHEN 'energy' THEN -3 ELSE 5 + min(rn) % 4 END
FROM shard_month WHERE indicator <> 'util'
GROUP BY region, indicator;
-- A quarter's targets for the cities' output.
INSERT INTO tracker.target (region, indicator, period, amount, growth)
SELECT region, indicator, '2022-Q3',
       pg_catalog.round((sum(v) FILTER (WHERE m BETWEEN 18 AND 20) * 1.05)::numeric, 1)::float8, 6
FROM shard_month WHERE indicator = 'output' AND city
GROUP BY region, indicator;

DROP TABLE shard_month;
