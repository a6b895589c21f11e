package io.skyvern.execution;

import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.totp.Base32;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static io.skyvern.execution.ExecutionTestBed.id;

/** Scripts and scans shared by the login integration tests. */
final class LoginTestSupport {
    static final String USER = "alice";
    static final String PASSWORD = "Tr0ub4dor-and-3-horses";
    static final byte[] SECRET = "12345678901234567890-login".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final String SECRET_BASE32 = Base32.encode(SECRET);

    private LoginTestSupport() {
    }

    /** Password page (username, password, Sign in), then the code page (code, Verify), then complete. */
    static void scriptTwoFactor(ScriptedLlmServer llm, String userText, String passwordText, String codeText) {
        scriptPasswordPage(llm, userText, passwordText);
        scriptCodePage(llm, codeText);
        llm.reply(actions(act("complete")));
    }

    static void scriptPasswordPage(ScriptedLlmServer llm, String userText, String passwordText) {
        llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*placeholder=\"Your username\"").apply(r),
                        "text", userText),
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"password\"").apply(r),
                        "text", passwordText),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Sign in").apply(r))));
    }

    static void scriptCodePage(ScriptedLlmServer llm, String codeText) {
        llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*placeholder=\"6-digit code\"").apply(r),
                        "text", codeText),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Verify").apply(r))));
    }

    /** Every text cell of every table of the database under test that contains {@code needle}. */
    static List<String> cellsContaining(String jdbcUrl, String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new AssertionError("no tables found in schema " + c.getSchema());
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null && value.contains(needle)) {
                                hits.add(table + "." + rs.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
