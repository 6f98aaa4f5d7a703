"""tracker through psycopg2 (python3-psycopg2, what SQLAlchemy's
postgresql dialect uses by default), connected by README's Python
snippet (readme_settings.py). Run by test/clients/run:

    /usr/bin/python3 psycopg2_board.py PORT DATABASE USER PASSWORD

Prints "ok: ..." or "FAILED: ..." per check; exits 1 if any failed.
"""
import datetime
import sys

import psycopg2

from checks import Checks
from readme_settings import psycopg2_connect

port, database, user, password = sys.argv[1:5]
t = Checks("psycopg2")

with t.guard("connect and scoreboard"):
    conn, call = psycopg2_connect(port, database, user, password)
    conn.autocommit = True
    print("psycopg2: %s, libpq %s, README's %s" % (psycopg2.__version__, psycopg2.__libpq_version__, call))
    cur = conn.cursor()
    # psycopg2 sends each query whole, parameters quoted into it as
    # literals ('2022-07' is then an untyped literal, as in psql); a
    # server-side prepared statement is SQL's PREPARE / EXECUTE.
    cur.execute("PREPARE board AS SELECT region, period, growth, rank_growth, light, attainment "
                "FROM tracker.scoreboard($1, $2) ORDER BY region")
    for i in range(1, 13):
        k = (i - 1) % 2
        cur.execute("EXECUTE board(%s, %s)", (t.PERIODS[k], datetime.date(2022, 7, 31)))
        got = [(r[0], r[1], round(r[2], 9), r[3], r[4], round(r[5], 1)) for r in cur.fetchall()]
        t.check("EXECUTE board(%r, date) execution %d" % (t.PERIODS[k], i), got == t.board(k), got)
    cur.execute("SELECT parameter_types::text, generic_plans + custom_plans FROM pg_prepared_statements "
                "WHERE name = 'board'")
    got = cur.fetchone()
    t.check("PREPARE board took (period, date), ran 12 times (pg_prepared_statements)",
            got == ("{period,date}", 12), got)
    for i, k in enumerate((0, 1, 0), 1):
        cur.execute("SELECT region, period, growth, rank_growth, light, attainment "
                    "FROM tracker.scoreboard(%s, %s) ORDER BY region", (t.PERIODS[k], "2022-07-31"))
        got = [(r[0], r[1], round(r[2], 9), r[3], r[4], round(r[5], 1)) for r in cur.fetchall()]
        t.check("scoreboard(%%s, %%s) with (%r, '2022-07-31'), execution %d" % (t.PERIODS[k], i),
                got == t.board(k), got)

with t.guard("types"):
    for i in range(1, 7):
        cur.execute(t.TYPES_SQL)
        row = cur.fetchone()
        t.check("period, series, league, light as str, execution %d" % i, row == t.TYPES_WANT, row)
    codes = [d.type_code for d in cur.description]
    cur.execute("SELECT array_agg(oid::regtype::text ORDER BY ord) FROM unnest(%s::oid[]) WITH ORDINALITY u(oid, ord)",
                (codes,))
    names = cur.fetchone()[0]
    t.check("cursor.description type codes are the OIDs of period, series, league, light",
            names == ["period", "series", "league", "light"], names)
    cur.execute(t.LONG_SQL)
    text, n = cur.fetchone()
    t.check("a 240-month series reads whole (%d characters)" % n,
            len(text) == n and n > 4000 and text.endswith("2019-12: 1239.5}"), len(text))
    t.check("its internal size is variable (-1), nothing to truncate", cur.description[0].internal_size == -1,
            cur.description[0])

with t.guard("operators"):
    for i in range(1, 7):
        cur.execute("SELECT region, value FROM tracker.observation WHERE period = %s ORDER BY region", ("2022-07",))
        got = cur.fetchall()
        t.check("observation WHERE period = %%s with '2022-07', execution %d" % i, got == t.OBS_WANT, got)
    cur.execute("SELECT %s::period + 1, max(period) FROM tracker.observation", ("2022-07",))
    got = cur.fetchone()
    t.check("p + 1 and max(period)", got == ("2022-08", "2022-07"), got)
    cur.execute("SELECT count(*) FROM tracker.observation WHERE %s @> period AND period @> %s",
                ("2022-Q3", datetime.date(2022, 7, 15)))
    n = cur.fetchone()[0]
    t.check("'2022-Q3' @> period and period @> date (psycopg2 casts a date: '...'::date)", n == 3, n)

sys.exit(t.finish())
