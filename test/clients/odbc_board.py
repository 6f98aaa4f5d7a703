"""tracker through ODBC: psqlODBC (odbc-postgresql) under unixODBC, driven
by pyodbc, with a DSN-less connection string made of README's odbc.ini
DSN (readme_settings.py). Run by test/clients/run:

    /usr/bin/python3 odbc_board.py PORT DATABASE USER PASSWORD

Prints "ok: ..." or "FAILED: ..." per check; exits 1 if any failed.
"""
import datetime
import sys

import pyodbc

from checks import Checks
from readme_settings import odbc_connection_string

port, database, user, password = sys.argv[1:5]
t = Checks("odbc")
conn_str, settings = odbc_connection_string(port, database, user, password)
print("odbc: pyodbc %s, connection string %s" % (pyodbc.version, conn_str.replace(password, "***")))


def connect(extra=""):
    return pyodbc.connect(conn_str + extra, autocommit=True)


with t.guard("connect and scoreboard"):
    conn = connect()
    print("odbc: driver %s %s" % (conn.getinfo(pyodbc.SQL_DRIVER_NAME), conn.getinfo(pyodbc.SQL_DRIVER_VER)))
    cur = conn.cursor()
    # The period is bound as a Python str (SQL_WVARCHAR); pyodbc prepares
    # the statement once (SQLPrepare) and re-executes it while the SQL
    # text stays the same; psqlODBC prepares it on the server as a named
    # statement (UseServerSidePrepare=1, its default).
    sql = ("SELECT region, period, growth, rank_growth, light, attainment "
           "FROM tracker.scoreboard(?, ?) ORDER BY region")
    for i in range(1, 13):
        k = (i - 1) % 2
        cur.execute(sql, t.PERIODS[k], datetime.date(2022, 7, 31))
        got = [(r.region, r.period, round(r.growth, 9), r.rank_growth, r.light, round(r.attainment, 1))
               for r in cur.fetchall()]
        t.check("scoreboard(%r, date) execution %d" % (t.PERIODS[k], i), got == t.board(k), got)
    other = conn.cursor()
    other.execute("SELECT count(*) FROM pg_prepared_statements "
                  "WHERE NOT from_sql AND statement LIKE '%tracker.scoreboard($1, $2)%'")
    n = other.fetchone()[0]
    t.check("the server holds it as a named protocol-level statement (pg_prepared_statements)", n == 1, n)

with t.guard("types"):
    for i in range(1, 7):
        cur.execute(t.TYPES_SQL)
        row = tuple(cur.fetchone())
        t.check("period, series, league, light as str, execution %d" % i, row == t.TYPES_WANT, row)
    # pyodbc shows no type names; psqlODBC maps a type it does not know to
    # SQL_VARCHAR of MaxVarcharSize (255 by default) or, with
    # UnknownsAsLongVarchar=1, to SQL_LONGVARCHAR of MaxLongVarcharSize.
    sizes = [d[3] for d in cur.description]
    t.check("cursor.description: str columns p, s, l, li",
            [(d[0], d[1]) for d in cur.description] == [(n, str) for n in ("p", "s", "l", "li")],
            cur.description)

with t.guard("long series"):
    # Declared sizes before any row is read: a prepared statement's
    # SQLDescribeCol is what a BI tool sizes its buffers by. pyodbc reads
    # description after executing, so the statement returns no row here
    # (psqlODBC would otherwise report the longest value it fetched).
    declared, text_declared = {}, {}
    for name, extra in (("defaults", "UnknownsAsLongVarchar=0;MaxVarcharSize=255;MaxLongVarcharSize=8190;"),
                        ("README", "")):
        c2 = connect(extra)
        k = c2.cursor()
        k.execute(t.LONG_SQL + " WHERE false")
        declared[name] = k.description[0][3]
        k.execute("SELECT region FROM tracker.scoreboard('2022-07', '2022-07-31') WHERE false")
        text_declared[name] = k.description[0][3]
        c2.close()
    t.check("a text column (scoreboard's region) is declared MaxLongVarcharSize too: %r" % text_declared,
            text_declared == {"defaults": 8190, "README": 1048576}, text_declared)
    t.check("without the README's settings a series is declared VARCHAR(255)", declared["defaults"] == 255,
            declared)
    cur.execute(t.LONG_SQL)
    text, n = cur.fetchone()
    t.check("a 240-month series reads whole (%d characters)" % n,
            len(text) == n and n > 4000 and text.endswith("2019-12: 1239.5}"), len(text))
    t.check("with the README's settings it is declared %d, not shorter than the text" % declared["README"],
            declared["README"] >= n, declared)
    cur.execute(t.LEAGUE_SQL)
    text, n = cur.fetchone()
    t.check("a league of 3,000 counties (%d characters) fits the declared size" % n,
            len(text) == n and declared["README"] >= n, (len(text), declared))

with t.guard("operators"):
    for i in range(1, 7):
        cur.execute("SELECT region, value FROM tracker.observation WHERE period = ? ORDER BY region", "2022-07")
        got = [tuple(r) for r in cur.fetchall()]
        t.check("observation WHERE period = '2022-07' (str parameter), execution %d" % i, got == t.OBS_WANT, got)
    cur.execute("SELECT ?::period + 1, max(period) FROM tracker.observation", "2022-07")
    got = tuple(cur.fetchone())
    t.check("p + 1 and max(period)", got == ("2022-08", "2022-07"), got)
    cur.execute("SELECT count(*) FROM tracker.observation WHERE ? @> period AND period @> ?::date",
                "2022-Q3", datetime.date(2022, 7, 15))
    n = cur.fetchone()[0]
    t.check("'2022-Q3' @> period and period @> date", n == 3, n)

sys.exit(t.finish())
