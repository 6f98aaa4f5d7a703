// test/clients/Board.java — tracker through pgjdbc (Debian's
// libpostgresql-jdbc-java), run by test/clients/run:
//
//   java -cp postgresql.jar:test/build/clients Board URL USER PASSWORD
//
// URL is the README's recommended JDBC URL ("Connecting from BI tools")
// with host, port and database of the throwaway server. Prints one line
// per check, "ok: ..." or "FAILED: ...", and exits 1 if any failed.
import java.sql.*;
import java.util.*;

public class Board {
    static int failed = 0;

    static void check(String name, boolean ok, Object got) {
        System.out.println((ok ? "ok: " : "FAILED: ") + "jdbc: " + name + (ok ? "" : " (got " + got + ")"));
        if (!ok) failed++;
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // A check that an exception is a failure, not the end of the run.
    interface Body { void run() throws Exception; }
    static void guard(String name, Body b) {
        try { b.run(); } catch (Exception e) { check(name, false, e.toString().replace('\n', ' ')); }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        System.out.println("jdbc: driver " + org.postgresql.util.DriverInfo.DRIVER_FULL_NAME + ", URL " + url);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            guard("scoreboard", () -> scoreboard(c));
            guard("types", () -> types(c));
            guard("operators", () -> operators(c));
        }
        guard("without stringtype=unspecified", () -> withoutStringtype(url, user, password));
        guard("binary transfer", () -> binaryTransfer(url, user, password));
        System.exit(failed == 0 ? 0 : 1);
    }

    // Expected growth by region for each period; 2022-01..07: 770/700,
    // 1540/1400, 362/350 (see the data in test/clients/run).
    static final String[] PERIODS = {"2022-07", "2022-01..07"};
    static final double[][] GROWTH = {{10, 4, 20}, {10, 3.428571428571429, 10}};
    static final int[][] RANK = {{2, 3, 1}, {1, 3, 1}};

    // The period is bound with setString, as a BI tool binds a text field;
    // 12 executions: pgjdbc's prepareThreshold (5) makes the 5th use a
    // named server-side statement and the ones after it use it with
    // binary results for built-in types.
    static void scoreboard(Connection c) throws Exception {
        String sql = "SELECT * FROM tracker.scoreboard(?, ?) ORDER BY region";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 12; i++) {
                int k = (i - 1) % 2;
                ps.setString(1, PERIODS[k]);
                ps.setDate(2, java.sql.Date.valueOf("2022-07-31"));
                List<String> got = new ArrayList<>(), want = new ArrayList<>();
                String[] regions = {"east", "port", "west"};
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        got.add(rs.getString("region") + " " + rs.getString("period") + " "
                                + Math.round(rs.getDouble("growth") * 1e9) / 1e9 + " #" + rs.getInt("rank_growth")
                                + " " + rs.getString("light") + " " + Math.round(rs.getDouble("attainment") * 10) / 10.0);
                }
                double[] att = {55.0, 55.7, 55.0};
                for (int r = 0; r < 3; r++)
                    want.add(regions[r] + " " + PERIODS[k] + " " + Math.round(GROWTH[k][r] * 1e9) / 1e9 + " #" + RANK[k][r]
                             + " yellow " + att[r]);
                check("scoreboard(setString('" + PERIODS[k] + "'), setDate) execution " + i, got.equals(want), got);
            }
            check("statement is server-prepared after 12 executions (PGStatement.isUseServerPrepare)",
                  ps.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare(), false);
            String named = one(c, "SELECT count(*) FROM pg_prepared_statements "
                                  + "WHERE NOT from_sql AND statement LIKE '%tracker.scoreboard($1, $2)%'");
            check("the server holds it as a named protocol-level statement (pg_prepared_statements)", "1".equals(named), named);
        }
    }

    static void types(Connection c) throws Exception {
        String sql = "SELECT '2022-Q3'::period AS p, "
                + "(SELECT series FROM tracker.observation_series WHERE region = 'east') AS s, "
                + "(SELECT league(region, value) FROM tracker.observation WHERE period = '2022-07') AS l, "
                + "light(-3.3, 0, -5) AS li";
        String[] want = {"2022-Q3", "{2021-01..06: 600, 2021-07: 100, 2022-01..06: 660, 2022-07: 110}",
                         "{\"west\": 240, \"east\": 110, \"port\": 52}", "yellow"};
        String[] typeNames = {"period", "series", "league", "light"};
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 6; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String[] got = new String[4];
                    for (int j = 0; j < 4; j++) got[j] = rs.getString(j + 1);
                    check("period, series, league, light as strings, execution " + i, Arrays.equals(got, want),
                          Arrays.toString(got));
                    if (i == 6) {
                        ResultSetMetaData md = rs.getMetaData();
                        List<String> names = new ArrayList<>();
                        for (int j = 1; j <= 4; j++) names.add(md.getColumnTypeName(j).replace("\"", ""));
                        check("ResultSetMetaData type names " + names, names.equals(Arrays.asList(typeNames)), names);
                        // A type pgjdbc does not know is Types.OTHER, an enum VARCHAR.
                        int[] jt = {md.getColumnType(1), md.getColumnType(2), md.getColumnType(3), md.getColumnType(4)};
                        check("java.sql.Types OTHER, OTHER, OTHER, VARCHAR",
                              Arrays.equals(jt, new int[] {Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR}),
                              Arrays.toString(jt));
                        check("getObject of a period is a PGobject of type period holding its text",
                              rs.getObject(1) instanceof org.postgresql.util.PGobject
                              && "2022-Q3".equals(((org.postgresql.util.PGobject) rs.getObject(1)).getValue()),
                              rs.getObject(1));
                    }
                }
            }
        }
        // A long series: 240 months, 4,000-odd characters, read whole, and
        // the display size pgjdbc declares does not cut it.
        String lsql = "SELECT series(p, v) AS s, length(series(p, v)::text) AS n FROM "
                + "(SELECT '2000-01'::period + i AS p, 1000.5 + i AS v FROM generate_series(0, 239) i) t";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(lsql)) {
            rs.next();
            String text = rs.getString(1);
            int n = rs.getInt(2);
            int display = rs.getMetaData().getColumnDisplaySize(1);
            check("a 240-month series reads whole (" + n + " characters)",
                  text != null && text.length() == n && n > 4000 && text.endsWith("2019-12: 1239.5}"),
                  text == null ? null : text.length());
            check("its display size (" + display + ") is not shorter than the text", display >= n, display);
        }
    }

    static void operators(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT region, value FROM tracker.observation WHERE period = ? ORDER BY region")) {
            for (int i = 1; i <= 6; i++) {
                ps.setString(1, "2022-07");
                List<String> got = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) got.add(rs.getString(1) + "=" + rs.getDouble(2));
                }
                check("observation WHERE period = setString('2022-07'), execution " + i,
                      got.equals(Arrays.asList("east=110.0", "port=52.0", "west=240.0")), got);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::period + 1, max(period) FROM tracker.observation")) {
            ps.setString(1, "2022-07");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String got = rs.getString(1) + " " + rs.getString(2);
                check("p + 1 and max(period)", "2022-08 2022-07".equals(got), got);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM tracker.observation WHERE ? @> period AND period @> ?::date")) {
            ps.setString(1, "2022-Q3");
            ps.setDate(2, java.sql.Date.valueOf("2022-07-15"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                check("setString('2022-Q3') @> period and period @> setDate(...)::date", rs.getInt(1) == 3, rs.getInt(1));
            }
        }
    }

    // What the README says happens without stringtype=unspecified.
    static void withoutStringtype(String url, String user, String password) throws Exception {
        String plain = url.replaceAll("[?&]stringtype=unspecified", "");
        try (Connection c = DriverManager.getConnection(plain, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tracker.scoreboard(?, ?)")) {
            ps.setString(1, "2022-07");
            ps.setDate(2, java.sql.Date.valueOf("2022-07-31"));
            String got;
            try (ResultSet rs = ps.executeQuery()) { got = "no error"; }
            catch (SQLException e) { got = e.getMessage(); }
            check("without stringtype=unspecified, setString binds varchar: scoreboard(character varying, unknown) does not exist",
                  got.contains("tracker.scoreboard(character varying, unknown) does not exist"), got);
        }
        try (Connection c = DriverManager.getConnection(plain, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tracker.observation WHERE period = ?")) {
            ps.setString(1, "2022-07");
            String got;
            try (ResultSet rs = ps.executeQuery()) { got = "no error"; }
            catch (SQLException e) { got = e.getMessage(); }
            check("without stringtype=unspecified, period = setString(...) fails: operator does not exist",
                  got.contains("operator does not exist: period = character varying"), got);
        }
    }

    // What the README says about binaryTransferEnable for tracker's types:
    // from the execution that uses binary results, pgjdbc hands the bytes
    // to a PGobject that only takes text, and getString is null. The bytes
    // themselves are what period_send, series_send and league_send make.
    static void binaryTransfer(String url, String user, String password) throws Exception {
        String oids;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            oids = one(c, "SELECT string_agg(oid::text, ',' ORDER BY oid) FROM pg_type "
                          + "WHERE oid IN ('period'::regtype, 'series'::regtype, 'league'::regtype)");
        }
        try (Connection c = DriverManager.getConnection(url + "&binaryTransferEnable=" + oids, user, password);
             PreparedStatement ps = c.prepareStatement(
                 "SELECT '2022-Q3'::period, period_send('2022-Q3'), s, series_send(s), l, league_send(l) FROM "
                 + "(SELECT series FROM tracker.observation_series WHERE region = 'east') a(s), "
                 + "(SELECT league(region, value) FROM tracker.observation WHERE period = '2022-07') b(l)")) {
            List<Integer> nullFrom = new ArrayList<>();
            boolean bytesMatch = true;
            for (int i = 1; i <= 6; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getString(1) == null && rs.getString(3) == null && rs.getString(5) == null) {
                        nullFrom.add(i);
                        for (int j = 1; j <= 5; j += 2)
                            bytesMatch &= Arrays.equals(rs.getBytes(j), rs.getBytes(j + 1));
                    }
                }
            }
            check("binaryTransferEnable=" + oids + ": text through execution 5, getString null at 6 (README: do not enable)",
                  nullFrom.equals(Arrays.asList(6)), nullFrom);
            check("the binary values pgjdbc received equal period_send, series_send, league_send", bytesMatch, false);
        }
    }
}
