package io.pgjet.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of the {@code pgjet} command: dispatches to a subcommand and turns every failure
 * into a one-line message and a non-zero exit status.
 */
public final class Main {
    private Main() {}

    /**
     * Runs {@code pgjet <command> [options]}.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand and returns the process exit status; prints to the given streams. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "demo":
                    return new DemoCommand(out).run(rest);
                case "query":
                    return new QueryCommand(out, err).run(rest);
                case "soak":
                    return new SoakCommand(out, err).run(rest);
                default:
                    err.println("pgjet: unknown command \"" + args[0] + "\"\n");
                    err.print(usage());
                    return 2;
            }
        } catch (UsageException e) {
            err.println("pgjet " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: pgjet <command> [options]",
                "",
                "commands:",
                "  demo [--keep]        start an embedded PostgreSQL and take a short tour of PgJet;",
                "                       --keep leaves the server running until Enter, to connect to it",
                "  query [--dsn URI] [--csv|--json] SQL [ARG...]",
                "                       run SQL ($1..$n bound to ARGs; several statements without ARGs)",
                "                       and print each result",
                "  soak [--minutes N|--seconds N] [--operations N] [--workers N] [--transport blocking|netty|both]",
                "       [--dsn URI] [--json FILE]",
                "                       every verb under injected faults on both transports; reports",
                "                       throughput, errors by class, lost batches and leaks",
                "  bench [options]      race PgJet against pgjdbc and vertx-pg-client (see pgjet bench --help)",
                "",
                "Run 'pgjet <command> --help' for a command's options.",
                "");
    }

    /** A command-line mistake: printed with the command's name, exit status 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
