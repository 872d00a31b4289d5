package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.AsyncConnection;
import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.testkit.PgTestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java NIO fallback transport ({@code -Dpgjet.transport=nio}) works end to end, with and
 * without polling. The transport is chosen once per JVM, so each case runs in a child JVM.
 */
class NioTransportTest {

    @Test
    void queriesPipelinesAndBatchesWorkOnTheNioTransport() throws Exception {
        assertEquals("OK nio 100", runChild("100"));
    }

    @Test
    void queriesWorkOnTheNioTransportWithPollingOff() throws Exception {
        assertEquals("OK nio 0", runChild("0"));
    }

    private static String runChild(String spinMicros) throws IOException, InterruptedException {
        return ChildJvm.lastLine(Child.class, List.of("-Dpgjet.transport=nio", "-Dpgjet.spinMicros=" + spinMicros),
                PgTestServer.shared().dsn());
    }

    /** Runs in the child JVM: a blocking query, 200 pipelined async queries and a batch. */
    public static final class Child {
        private Child() {
        }

        /** Prints "OK nio &lt;spinMicros&gt;" when everything checked out. */
        public static void main(String[] args) throws Exception {
            check(Transports.name().equals("nio"), "the NIO transport was not chosen: " + Transports.name() + ";");
            try (Connection connection = PgJet.connect(args[0])) {
                check(connection.fetchVal("select 40 + $1::int", 2).equals(42), "blocking query");
                AsyncConnection async = connection.async();
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    answers.add(async.fetchVal("select $1::int * 2", i));
                }
                for (int i = 0; i < 200; i++) {
                    check(answers.get(i).get(30, TimeUnit.SECONDS) == i * 2, "pipelined query " + i);
                }
                connection.execute("create temp table nio_batch (id int)");
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    rows.add(new Object[] {i});
                }
                check(connection.executeMany("insert into nio_batch values ($1)", rows) == 5000, "batch");
                check(connection.<Long>fetchVal("select sum(id) from nio_batch") == 12_497_500L, "batch sum");
            }
            System.out.println("OK nio " + NettyRuntime.spinMicros());
            System.exit(0);
        }

        private static void check(boolean condition, String what) {
            if (!condition) {
                throw new AssertionError(what + " gave a wrong answer");
            }
        }
    }
}
