"""What the Python clients of test/clients check, and the expected values
for the data that test/clients/run loads (the same as in Board.java)."""
import contextlib


class Checks:
    # scoreboard(p, '2022-07-31') by region (east, port, west): growth is
    # 110/100, 52/50, 240/200 for the month and 770/700, 362/350,
    # 1540/1400 for the year to date; attainment against the 2022 targets.
    PERIODS = ("2022-07", "2022-01..07")
    GROWTH = ((10, 4, 20), (10, 3.428571428571429, 10))
    RANK = ((2, 3, 1), (1, 3, 1))
    ATTAINMENT = (55.0, 55.7, 55.0)

    TYPES_SQL = ("SELECT '2022-Q3'::period AS p, "
                 "(SELECT series FROM tracker.observation_series WHERE region = 'east') AS s, "
                 "(SELECT league(region, value) FROM tracker.observation WHERE period = '2022-07') AS l, "
                 "light(-3.3, 0, -5) AS li")
    TYPES_WANT = ("2022-Q3", "{2021-01..06: 600, 2021-07: 100, 2022-01..06: 660, 2022-07: 110}",
                  '{"west": 240, "east": 110, "port": 52}', "yellow")
    # 240 months of a series: 4,080 characters.
    LONG_SQL = ("SELECT series(p, v) AS s, length(series(p, v)::text) AS n FROM "
                "(SELECT '2000-01'::period + i AS p, 1000.5 + i AS v FROM generate_series(0, 239) i) t")
    # A league of 3,000 counties: some 70,000 characters.
    LEAGUE_SQL = ("SELECT league(c, v, 1) AS l, length(league(c, v, 1)::text) AS n FROM "
                  "(SELECT 'county_' || i AS c, 100 + i * 0.1 AS v FROM generate_series(1, 3000) i) t")
    OBS_WANT = [("east", 110.0), ("port", 52.0), ("west", 240.0)]

    def __init__(self, driver):
        self.driver = driver
        self.passed = self.failed = 0

    def board(self, k):
        return [(r, self.PERIODS[k], round(self.GROWTH[k][i], 9), self.RANK[k][i], "yellow", self.ATTAINMENT[i])
                for i, r in enumerate(("east", "port", "west"))]

    def check(self, name, ok, got=None):
        if ok:
            self.passed += 1
            print("ok: %s: %s" % (self.driver, name))
        else:
            self.failed += 1
            print("FAILED: %s: %s (got %r)" % (self.driver, name, got))

    @contextlib.contextmanager
    def guard(self, name):
        """An exception in a group of checks is one failure, not the end."""
        try:
            yield
        except Exception as e:  # noqa: BLE001
            self.check(name, False, "%s: %s" % (type(e).__name__, e))

    def finish(self):
        return 0 if self.failed == 0 else 1
