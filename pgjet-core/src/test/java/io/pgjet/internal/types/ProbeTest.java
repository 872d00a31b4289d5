package io.pgjet.internal.types;

import io.pgjet.testkit.PgTestServer;
import java.sql.*;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        long t0 = System.nanoTime();
        String url = PgTestServer.shared().jdbcUrl();
        System.err.println("start ms " + (System.nanoTime() - t0) / 1e6);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select oid, typname, typtype, typarray, typelem, typcategory, typreceive, typsend from pg_type where oid < 16384 and typtype <> 'c' order by oid");
            while (rs.next()) {
                System.out.println(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getString(8));
            }
            rs = s.executeQuery("select version(), current_setting('server_version_num'), current_setting('TimeZone'), current_setting('lc_monetary'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits')");
            rs.next();
            for (int i = 1; i <= 7; i++) System.out.println(rs.getString(i));
            rs = s.executeQuery("select name, default_version from pg_available_extensions where name in ('hstore','citext','ltree')");
            while (rs.next()) System.out.println("ext " + rs.getString(1) + " " + rs.getString(2));
        }
    }
}
