package io.pgjet.cli;

import io.pgjet.AsyncConnection;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.testkit.PgCluster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pgjet query}: runs SQL against a server (or an embedded one) and prints what it
 * returned, as psql does: rows as an aligned table, CSV or JSON, and the command status of
 * statements without rows. SQL without arguments runs as a script (it may hold several
 * statements); with arguments it runs as one statement with {@code $1..$n} bound to them.
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
        ResultPrinter.Format format = null;
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
                    format = choose(format, ResultPrinter.Format.CSV);
                    break;
                case "--json":
                    format = choose(format, ResultPrinter.Format.JSON);
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
        ResultPrinter printer = new ResultPrinter(out, format == null ? ResultPrinter.Format.TABLE : format);
        if (dsn != null) {
            return execute(dsn, sql, sqlArgs, printer);
        }
        err.println("(no --dsn: starting an embedded PostgreSQL)");
        try (PgCluster cluster = PgCluster.builder().start()) {
            return execute(cluster.dsn(), sql, sqlArgs, printer);
        }
    }

    private static ResultPrinter.Format choose(ResultPrinter.Format chosen, ResultPrinter.Format wanted) {
        if (chosen != null && chosen != wanted) {
            throw new Main.UsageException("--csv and --json cannot be used together");
        }
        return wanted;
    }

    private int execute(String dsn, String sql, Object[] sqlArgs, ResultPrinter printer) {
        try (AsyncConnection conn = Statements.await(PgJet.connectAsync(dsn))) {
            if (sqlArgs.length == 0) {
                printer.print(Statements.script(conn, sql));
            } else {
                printer.print(Statements.statement(conn, sql, sqlArgs));
            }
            return 0;
        } catch (PgException e) {
            err.println(e.getMessage());
            return 1;
        } catch (PgJetException e) {
            err.println("pgjet query: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: pgjet query [--dsn URI] [--csv | --json] SQL [ARG...]",
                "",
                "Runs SQL and prints the rows (an aligned table by default) or, for a statement without rows,",
                "its command status, e.g. INSERT 0 1. Without ARGs the SQL runs as a script, like psql -c: it",
                "may hold several statements separated by semicolons, and each result is printed. With ARGs it",
                "is one statement with $1..$n bound to them (sent as parameters, never spliced into the SQL).",
                "Without --dsn an embedded PostgreSQL is started for the query and stopped afterwards.",
                "",
                "  --dsn URI   postgresql://user:password@host:port/db or key=value pairs; PG* variables apply",
                "  --csv       print CSV with a header line",
                "  --json      print a JSON array of objects: numbers, booleans, null, arrays and json as JSON",
                "",
                "Exit status: 0 on success, 1 when the server or the connection failed, 2 for a usage mistake.",
                "");
    }
}
