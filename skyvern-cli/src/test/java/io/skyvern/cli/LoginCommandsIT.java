package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** credentials create/list/delete and totp push, remotely and in-process; secrets never printed. */
class LoginCommandsIT {
    private static final String PASSWORD = "s3cret-from-a-file";
    private static CliTestServer s;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void credentials_are_created_from_a_file_listed_and_deleted_without_showing_the_password() throws Exception {
        Path passwordFile = Files.createTempFile("pw", ".txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Path totpFile = Files.createTempFile("totp", ".txt");
        Files.writeString(totpFile, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        for (boolean remote : new boolean[]{true, false}) {
            String name = remote ? "remote shop" : "local shop";
            CliRun created = CliRun.of(args(remote, "credentials", "create", "--name", name, "--username", "ann",
                    "--password-file", passwordFile.toString(), "--totp-secret-file", totpFile.toString(),
                    "--allowed-domain", "shop.test", "--json"));
            assertThat(created.exitCode()).as(created.toString()).isZero();
            JsonNode json = Json.mapper().readTree(created.out());
            String id = json.get("credential_id").asText();
            assertThat(json.get("has_totp").asBoolean()).isTrue();

            CliRun list = CliRun.of(args(remote, "credentials", "list"));
            assertThat(list.out()).contains(id).contains(name).contains("shop.test");
            for (CliRun run : new CliRun[]{created, list}) {
                assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("JBSWY3DP");
            }
            CliRun deleted = CliRun.of(args(remote, "credentials", "delete", id));
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
            assertThat(CliRun.of(args(remote, "credentials", "list")).out()).doesNotContain(id);
            CliRun again = CliRun.of(args(remote, "credentials", "delete", id));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("Credential " + id + " not found");
        }
    }

    @Test
    void a_missing_password_source_is_a_usage_error() {
        CliRun run = CliRun.of(s.local("credentials", "create", "--name", "x", "--username", "u",
                "--password-env", "SKYVERN_TEST_SURELY_UNSET_VARIABLE"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("SKYVERN_TEST_SURELY_UNSET_VARIABLE");
    }

    @Test
    void totp_push_stores_a_code_or_a_message_for_an_identifier() {
        CliRun code = CliRun.of(s.remote("totp", "push", "ann@shop.test", "123456"));
        assertThat(code.exitCode()).as(code.toString()).isZero();
        assertThat(code.out()).contains("code stored for ann@shop.test").doesNotContain("123456");
        CliRun content = CliRun.of(s.local("totp", "push", "ann@shop.test", "--content",
                "Your sign-in code is 654321."));
        assertThat(content.exitCode()).as(content.toString()).isZero();
        CliRun neither = CliRun.of(s.local("totp", "push", "ann@shop.test"));
        assertThat(neither.exitCode()).isEqualTo(2);
    }

    private static String[] args(boolean remote, String... args) {
        return remote ? s.remote(args) : s.local(args);
    }
}
