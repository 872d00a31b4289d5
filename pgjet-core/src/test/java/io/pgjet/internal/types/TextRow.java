package io.pgjet.internal.types;

import io.pgjet.Row;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link Row}s of text values from a JDBC result, standing in for the engine's rows. A
 * dynamic proxy, so that methods the engine adds to Row do not break this test helper; only the
 * methods introspection uses are implemented.
 */
final class TextRow {
    private TextRow() {
    }

    static List<Row> all(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = rs.getString(i + 1);
            }
            rows.add(of(values));
        }
        return rows;
    }

    static Row of(String[] values) {
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "columnCount":
                    return values.length;
                case "getString":
                    if (args[0] instanceof Integer) {
                        return values[(Integer) args[0]];
                    }
                    break;
                case "isNull":
                    if (args[0] instanceof Integer) {
                        return values[(Integer) args[0]] == null;
                    }
                    break;
                case "toString":
                    return java.util.Arrays.toString(values);
                default:
                    break;
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (Row) Proxy.newProxyInstance(Row.class.getClassLoader(), new Class<?>[] {Row.class}, h);
    }
}
