package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Blob/Clob and streams over bytea and text, round-tripped through real PostgreSQL. */
class LobTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create temp table docs (id int primary key, data bytea, body text)"
        };
    }

    private ResultSet row(int id) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("select data, body from docs where id = ?");
        ps.setInt(1, id);
        ResultSet rs = ps.executeQuery();
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void createdBlobAndClobAreWrittenAndReadBack() throws SQLException, IOException {
        Blob blob = conn.createBlob();
        try (OutputStream out = blob.setBinaryStream(1)) {
            out.write(new byte[] {1, 2, 3, 4});
        }
        blob.setBytes(5, new byte[] {5, 0});
        Clob clob = conn.createClob();
        clob.setString(1, "hello ");
        try (Writer w = clob.setCharacterStream(7)) {
            w.write("wörld");
        }
        try (PreparedStatement ps = conn.prepareStatement("insert into docs values (1, ?, ?)")) {
            ps.setBlob(1, blob);
            ps.setClob(2, clob);
            assertEquals(1, ps.executeUpdate());
        }
        ResultSet rs = row(1);
        Blob back = rs.getBlob(1);
        assertEquals(6, back.length());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0}, back.getBytes(1, 6));
        assertArrayEquals(new byte[] {3, 4}, back.getBytes(3, 2));
        assertEquals(3, back.position(new byte[] {3, 4}, 1));
        assertEquals(-1, back.position(new byte[] {9}, 1));
        Clob text = rs.getClob("body");
        assertEquals("hello wörld", text.getSubString(1, (int) text.length()));
        assertEquals(7, text.position("wö", 1));
        assertEquals("hello wörld", rs.getString(2));
    }

    @Test
    void streamsAreBoundAndReadBack() throws SQLException, IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        try (PreparedStatement ps = conn.prepareStatement("insert into docs values (?, ?, ?)")) {
            ps.setInt(1, 2);
            ps.setBinaryStream(2, new ByteArrayInputStream(data));
            ps.setCharacterStream(3, new StringReader("streamed text"));
            ps.executeUpdate();
            ps.setInt(1, 3);
            ps.setBlob(2, new ByteArrayInputStream(data), 10);
            ps.setClob(3, new StringReader("only this part"), 9);
            ps.executeUpdate();
        }
        ResultSet rs = row(2);
        try (InputStream in = rs.getBinaryStream(1); Reader reader = rs.getCharacterStream(2)) {
            assertArrayEquals(data, in.readAllBytes());
            char[] buf = new char[64];
            int n = reader.read(buf);
            assertEquals("streamed text", new String(buf, 0, n));
        }
        ResultSet partial = row(3);
        assertEquals(10, partial.getBlob(1).length());
        assertEquals("only this", partial.getString(2));
        try (InputStream in = partial.getBlob(1).getBinaryStream(2, 3)) {
            assertArrayEquals(new byte[] {data[1], data[2], data[3]}, in.readAllBytes());
        }
    }

    @Test
    void nullLobsAndFreedLobs() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("insert into docs values (4, null, null)");
        }
        ResultSet rs = row(4);
        assertNull(rs.getBlob(1));
        assertNull(rs.getClob(2));
        assertNull(rs.getBinaryStream(1));
        Clob clob = conn.createClob();
        clob.setString(1, "abc");
        clob.truncate(1);
        assertEquals("a", clob.getSubString(1, 10));
        clob.free();
        assertThrows(SQLException.class, clob::length);
        Blob blob = conn.createBlob();
        assertThrows(SQLException.class, () -> blob.getBytes(2, 1));
    }

    @Test
    void clobOfUnicodeTextKeepsCharactersNotBytes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("insert into docs (id, body) values (5, ?)")) {
            ps.setClob(1, new StringReader("ünï€ode"));
            ps.executeUpdate();
        }
        Clob clob = row(5).getClob(2);
        assertEquals(7, clob.length());
        assertEquals("€o", clob.getSubString(4, 2));
        assertEquals("ünï€ode".getBytes(StandardCharsets.UTF_8).length, row(5).getBytes(2).length);
    }
}
