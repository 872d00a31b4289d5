package io.pgjet.cli;

import io.pgjet.CommandStatus;
import io.pgjet.Connection;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.Row;
import io.pgjet.testkit.PgCluster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pgjet query}: runs one SQL statement with bound arguments against a server (or an
 * embedded one) and prints the rows as an aligned table, CSV or JSON.
 */
final class QueryCommand {
    private final PrintStream out;
    private final PrintStream err;

    QueryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String dsn = null;
        ResultPrinter.Format format = ResultPrinter.Format.TABLE;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help":
                case "-h":
                    out.print(usage());
                    return 0;
                case "--dsn":
                    if (i + 1 >= args.length) {
                        throw new Main.UsageException("--dsn needs a value");
                    }
                    dsn = args[++i];
                    break;
                case "--csv":
                    format = ResultPrinter.Format.CSV;
                    break;
                case "--json":
                    format = ResultPrinter.Format.JSON;
                    break;
                default:
                    if (args[i].startsWith("--") && positional.isEmpty()) {
                        throw new Main.UsageException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            throw new Main.UsageException("no SQL given\n" + usage());
        }
        String sql = positional.get(0);
        Object[] sqlArgs = positional.subList(1, positional.size()).toArray();
        if (dsn != null) {
            return execute(dsn, sql, sqlArgs, format);
        }
        err.println("(no --dsn: starting an embedded PostgreSQL)");
        try (PgCluster cluster = PgCluster.builder().start()) {
            return execute(cluster.dsn(), sql, sqlArgs, format);
        }
    }

    private int execute(String dsn, String sql, Object[] sqlArgs, ResultPrinter.Format format) {
        try (Connection conn = PgJet.connect(dsn)) {
            if (sqlArgs.length == 0 && !returnsRows(sql)) {
                CommandStatus status = conn.execute(sql);
                out.println(status == null ? "" : status.tag());
                return 0;
            }
            List<Row> rows = conn.fetch(sql, sqlArgs);
            new ResultPrinter(out, format).print(rows);
            return 0;
        } catch (PgException e) {
            err.println(e.getMessage());
            return 1;
        } catch (PgJetException e) {
            err.println("pgjet query: " + e.getMessage());
            return 1;
        }
    }

    private static boolean returnsRows(String sql) {
        String head = sql.stripLeading().toLowerCase();
        return head.startsWith("select") || head.startsWith("with") || head.startsWith("values")
                || head.startsWith("show") || head.startsWith("table") || head.contains(" returning ");
    }

    static String usage() {
        return String.join("\n",
                "usage: pgjet query [--dsn URI] [--csv | --json] SQL [ARG...]",
                "",
                "Runs SQL with $1..$n bound to the ARGs and prints the rows (an aligned table by default).",
                "Without --dsn an embedded PostgreSQL is started for the query and stopped afterwards.",
                "A statement without rows prints its command status, e.g. INSERT 0 1.",
                "",
                "  --dsn URI   postgresql://user:password@host:port/db or key=value pairs; PG* variables apply",
                "  --csv       print CSV with a header line",
                "  --json      print a JSON array of objects",
                "");
    }
}
