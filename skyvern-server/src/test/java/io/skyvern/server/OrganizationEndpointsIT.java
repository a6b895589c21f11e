package io.skyvern.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationEndpointsIT {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void first_start_writes_the_bootstrap_key_to_an_owner_only_credentials_file() throws Exception {
        Path file = s.dataDir.resolve("credentials");
        assertThat(s.server.credentialsFile()).contains(file);
        assertThat(Files.readString(file)).contains("api_key=" + s.bootstrapKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(s.get("/api/v1/organizations/me").json().at("/data/is_bootstrap").asBoolean()).isTrue();
    }

    @Test
    void bootstrap_key_creates_organisations_and_other_keys_get_403() {
        TestServer.Response created = s.post("/api/v1/organizations", Map.of("name", "Acme"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/data/organization/name").asText()).isEqualTo("Acme");
        String key = created.json().at("/data/api_key/api_key").asText();
        assertThat(key).isNotEmpty();
        assertThat(s.get("/api/v1/organizations/me", key).json().at("/data/name").asText()).isEqualTo("Acme");
        TestServer.Response forbidden = s.post("/api/v1/organizations", Map.of("name", "Other"), key);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(s.post("/api/v1/organizations", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void api_keys_are_shown_once_listed_without_plaintext_and_revoked() {
        String orgKey = s.newOrganizationKey("keys");
        TestServer.Response created = s.post("/api/v1/api_keys", Map.of("name", "ci"), orgKey);
        assertThat(created.status()).isEqualTo(201);
        String newKey = created.json().at("/data/api_key").asText();
        String keyId = created.json().at("/data/api_key_id").asText();
        assertThat(s.get("/api/v1/organizations/me", newKey).status()).isEqualTo(200);
        TestServer.Response list = s.get("/api/v1/api_keys", orgKey);
        assertThat(list.json().get("data")).hasSize(2);
        assertThat(list.text()).doesNotContain(newKey);
        TestServer.Response revoked = s.send("DELETE", "/api/v1/api_keys/" + keyId, null, orgKey, Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().at("/data/is_revoked").asBoolean()).isTrue();
        assertThat(s.get("/api/v1/organizations/me", newKey).status()).isEqualTo(401);
        assertThat(s.send("DELETE", "/api/v1/api_keys/ak_missing", null, orgKey, Map.of()).errorCode())
                .isEqualTo("API_KEY_NOT_FOUND");
    }
}
