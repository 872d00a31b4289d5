package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listeners set on {@link PgJetDataSource} hear what JDBC code does, against real PostgreSQL. */
class DataSourceListenersTest {
    /** Records each ended operation with its outcome. */
    private static final class Recorder implements PgJetListener {
        final List<Operation> ended = new CopyOnWriteArrayList<>();
        final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

        @Override
        public void operationEnded(Operation operation, Object context, Outcome outcome) {
            ended.add(operation);
            outcomes.add(outcome);
        }

        List<String> sql(OperationKind kind) {
            return ended.stream().filter(o -> o.kind() == kind).map(Operation::sql).toList();
        }
    }

    @Test
    void listenersSetOnTheDataSourceHearConnectsQueriesAndTransactions() throws Exception {
        Recorder recorder = new Recorder();
        PgJetDataSource ds = Jdbc.dataSource();
        ds.setListeners(List.of(recorder));
        assertEquals(List.of(recorder), ds.getListeners());
        try (Connection conn = ds.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("select $1::int + 1")) {
                ps.setInt(1, 41);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt(1));
                }
            }
            try (Statement st = conn.createStatement()) {
                st.execute("select 'ds_listener_marker'");
            }
        }
        assertEquals(1, recorder.ended.stream().filter(o -> o.kind() == OperationKind.CONNECT).count());
        List<String> queries = recorder.sql(OperationKind.QUERY);
        assertTrue(queries.stream().anyMatch(sql -> sql.contains("$1::int + 1")), queries.toString());
        assertTrue(queries.stream().anyMatch(sql -> sql.contains("ds_listener_marker")), queries.toString());
        assertTrue(recorder.outcomes.stream().allMatch(Outcome::succeeded));
    }

    @Test
    void aDataSourceWithoutListenersReportsNothingToAListenerSetLater() throws Exception {
        Recorder recorder = new Recorder();
        PgJetDataSource ds = Jdbc.dataSource();
        try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
            st.execute("select 1");
        }
        ds.setListeners(List.of(recorder));
        assertEquals(List.of(), recorder.ended);
        ds.setListeners(List.of());
        try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
            st.execute("select 1");
        }
        assertEquals(List.of(), recorder.ended);
    }
}
