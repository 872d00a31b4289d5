package io.pgjet.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import io.pgjet.testkit.PgTestServer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arrays and domains of a type with a custom codec ({@code setTypeCodec}) use that codec, whatever
 * its format; arrays of a type without any codec are sent through its text form.
 */
class UserCodecArraysTest {
    /** A stand-in for a JSON library's tree type. */
    record Json(String text) {
    }

    private Connection conn;

    @BeforeEach
    void connectWithJsonCodec() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.setTypeCodec("json", "pg_catalog", Json.class, TextTypeCodec.of(j -> j.text(), Json::new));
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void textCodecDecodesTheElementsOfArrayResults() {
        Row row = conn.fetchRow("select array['{\"a\": 1}', null, '[1, \"x,y\"]']::json[],"
                + " array[array['1'], array['\"}{\"']]::json[]");
        assertEquals(Arrays.asList(new Json("{\"a\": 1}"), null, new Json("[1, \"x,y\"]")), row.get(0));
        assertEquals(List.of(List.of(new Json("1")), List.of(new Json("\"}{\""))), row.get(1));
    }

    @Test
    void textCodecEncodesTheElementsOfArrayParameters() {
        List<Json> values = Arrays.asList(new Json("{\"k\": \"v \\\" \\\\ {}\"}"), null, new Json("2"));
        Row row = conn.fetchRow("select $1::json[], ($1::json[])[1]::text, array_length($1::json[], 1),"
                + " ($1::json[])[2] is null", values);
        assertEquals(values, row.get(0));
        assertEquals("{\"k\": \"v \\\" \\\\ {}\"}", row.get(1));
        assertEquals(3, row.get(2));
        assertEquals(true, row.get(3));
    }

    @Test
    void textCodecArraysWorkThroughPreparedStatementsAndAsJavaArrays() {
        try (PreparedStatement ps = conn.prepare("select $1::json[]")) {
            Row row = ps.fetchRow((Object) new Json[] {new Json("[]"), new Json("{}")});
            assertEquals(List.of(new Json("[]"), new Json("{}")), row.get(0));
        }
        Row empty = conn.fetchRow("select '{}'::json[]");
        assertEquals(List.of(), empty.get(0));
    }

    @Test
    void textCodecAndItsArraysSurviveReloadSchemaState() {
        conn.reloadSchemaState();
        Row row = conn.fetchRow("select '{\"a\": 1}'::json, array['2']::json[]");
        assertEquals(new Json("{\"a\": 1}"), row.get(0));
        assertEquals(List.of(new Json("2")), row.get(1));
    }

    @Test
    void textCodecIsUsedForParametersOfADomainOverItsType() {
        conn.setTypeCodec("jsonb", "pg_catalog", Json.class, TextTypeCodec.of(j -> j.text(), Json::new));
        conn.execute("drop domain if exists pgjet_jsonb_doc");
        conn.execute("create domain pgjet_jsonb_doc as jsonb");
        try {
            // The server describes a domain parameter as the domain, a result column as its base type.
            assertEquals("[2]", conn.fetchVal("select $1::pgjet_jsonb_doc::text", new Json("[2]")));
            assertEquals(new Json("{\"d\": 1}"), conn.fetchVal("select '{\"d\": 1}'::pgjet_jsonb_doc"));
        } finally {
            conn.execute("drop domain if exists pgjet_jsonb_doc");
        }
    }

    @Test
    void arrayOfATypeWithoutCodecAcceptsACollectionParameter() {
        String user = conn.fetchVal("select current_user::text");
        List<String> acl = List.of("=r/" + user, "=w/" + user);
        assertEquals(2, (int) conn.<Integer>fetchVal("select array_length($1::aclitem[], 1)", acl));
        assertEquals("{=r/" + user + ",=w/" + user + "}", conn.fetchVal("select $1::aclitem[]", acl));
    }
}
