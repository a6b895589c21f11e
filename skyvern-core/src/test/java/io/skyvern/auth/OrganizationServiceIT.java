package io.skyvern.auth;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.OrgLimits;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiOrganizationRepository;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationServiceIT {
    private static final OrgLimits LIMITS = new OrgLimits(3, 2, 7, 99);

    private Database database;
    private MutableClock clock;
    private OrganizationService service;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        SkyvernConfig config = new SkyvernConfigLoader(Map.of(), Path.of("/nonexistent-skyvern-wd"))
                .load(Map.of(ConfigKey.DATA_DIR, "/nonexistent-skyvern-data")).withOrgLimits(LIMITS);
        service = new OrganizationService(new JdbiOrganizationRepository(database), config, clock,
                new TimeOrderedIdGenerator(clock));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void create_makes_org_with_config_limits_webhook_key_and_a_working_first_key() {
        CreatedOrganization created = service.create("  Acme  ");

        Organization org = created.organization();
        assertThat(org.organizationId()).startsWith("o_");
        assertThat(org.name()).isEqualTo("Acme");
        assertThat(org.bootstrap()).isFalse();
        assertThat(org.limits()).isEqualTo(LIMITS);
        assertThat(org.webhookSigningKey()).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
        assertThat(org.toString()).doesNotContain(org.webhookSigningKey());
        assertThat(service.get(org.organizationId())).isEqualTo(org);
        assertThat(service.limitsOf(org.organizationId())).isEqualTo(LIMITS);

        String plaintext = created.firstKey().plaintextKey();
        assertThat(plaintext).startsWith("sk_").hasSizeGreaterThanOrEqualTo(3 + 43);
        assertThat(created.firstKey().toString()).doesNotContain(plaintext);
        assertThat(created.firstKey().apiKey().keyPrefix()).isEqualTo(plaintext.substring(0, 8));
        assertThat(service.authenticate(plaintext)).contains(org);
    }

    @Test
    void invalid_names_are_validation_failed_and_write_nothing() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(201)}) {
            assertThatThrownBy(() -> service.create(bad)).isInstanceOfSatisfying(SkyvernException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(e.errors()).hasSize(1);
            });
        }
        assertThat(count("organizations")).isZero();
        assertThat(service.create("x".repeat(200)).organization().name()).hasSize(200);
    }

    @Test
    void key_is_shown_once_and_only_its_hash_is_stored() {
        Organization org = service.create("Acme").organization();
        clock.advance(Duration.ofSeconds(1));
        CreatedApiKey key = service.createApiKey(org.organizationId(), "ci");

        assertThat(service.listApiKeys(org.organizationId())).extracting(ApiKey::name).containsExactly("default", "ci");
        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_keys").mapToMap().list());
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                assertThat(String.valueOf(value)).doesNotContain(key.plaintextKey());
            }
        }
        String storedHash = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT key_hash FROM api_keys WHERE api_key_id = :id").bind("id", key.apiKey().apiKeyId())
                .mapTo(String.class).one());
        assertThat(storedHash).isEqualTo(ApiKeys.hash(key.plaintextKey())).matches("[0-9a-f]{64}");
    }

    @Test
    void authenticate_accepts_only_valid_unrevoked_keys() {
        CreatedOrganization created = service.create("Acme");
        String valid = created.firstKey().plaintextKey();

        assertThat(service.authenticate(valid)).map(Organization::organizationId).contains(created.organization().organizationId());
        assertThat(service.authenticate(valid + "x")).isEmpty();
        assertThat(service.authenticate("sk_" + "A".repeat(43))).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate("x".repeat(10_000))).isEmpty();

        service.createApiKey(created.organization().organizationId(), "spare");  // the last key cannot go
        ApiKey revoked = service.revokeApiKey(created.organization().organizationId(), created.firstKey().apiKey().apiKeyId());
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        // The successful authentication above is cached; revoke must still take effect at once here.
        assertThat(service.authenticate(valid)).isEmpty();
    }

    @Test
    void revoking_another_orgs_key_is_api_key_not_found_and_leaves_it_working() {
        CreatedOrganization a = service.create("A");
        CreatedOrganization b = service.create("B");
        String bKeyId = b.firstKey().apiKey().apiKeyId();

        assertThatThrownBy(() -> service.revokeApiKey(a.organization().organizationId(), bKeyId))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_KEY_NOT_FOUND));
        assertThat(service.authenticate(b.firstKey().plaintextKey())).map(Organization::organizationId)
                .contains(b.organization().organizationId());
        assertThat(service.listApiKeys(b.organization().organizationId())).allSatisfy(k -> assertThat(k.isRevoked()).isFalse());
        assertThat(service.listApiKeys(a.organization().organizationId())).extracting(ApiKey::apiKeyId)
                .doesNotContain(bKeyId);
    }

    @Test
    void a_key_revoked_by_another_node_stops_working_after_the_cache_ttl() {
        CreatedOrganization created = service.create("Acme");
        String key = created.firstKey().plaintextKey();
        assertThat(service.authenticate(key)).isPresent();
        // Simulates another node: the row changes behind this service's cache.
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :at")
                .bind("at", clock.instant()).execute());

        assertThat(service.authenticate(key)).isPresent();
        clock.advance(OrganizationService.AUTH_CACHE_TTL);
        assertThat(service.authenticate(key)).isEmpty();
    }

    @Test
    void last_used_at_is_written_at_most_once_a_minute() {
        CreatedOrganization created = service.create("Acme");
        String orgId = created.organization().organizationId();
        Instant first = clock.instant();
        service.authenticate(created.firstKey().plaintextKey());
        assertThat(service.listApiKeys(orgId).get(0).lastUsedAt()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(59));
        service.authenticate(created.firstKey().plaintextKey());
        assertThat(service.listApiKeys(orgId).get(0).lastUsedAt()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(2));
        service.authenticate(created.firstKey().plaintextKey());
        assertThat(service.listApiKeys(orgId).get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void bootstrap_is_created_once_with_a_preset_key() {
        assertThat(service.findBootstrap()).isEmpty();
        CreatedOrganization boot = service.createBootstrap("Admin", Optional.of("preset-key-0123456789"));

        assertThat(boot.organization().bootstrap()).isTrue();
        assertThat(boot.firstKey().plaintextKey()).isEqualTo("preset-key-0123456789");
        assertThat(service.findBootstrap()).contains(boot.organization());
        assertThat(service.authenticate("preset-key-0123456789")).contains(boot.organization());
        assertThatThrownBy(() -> service.createBootstrap("Again", Optional.empty()))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(count("organizations")).isEqualTo(1);
    }

    @Test
    void database_refuses_a_second_bootstrap_even_past_the_service_check() {
        CreatedOrganization first = service.createBootstrap("Admin", Optional.empty());
        JdbiOrganizationRepository repository = new JdbiOrganizationRepository(database);
        Organization racing = new Organization("o_racing", "Racing", true, LIMITS, "whsec_x", clock.instant(), clock.instant());
        ApiKey key = new ApiKey("ak_racing", "o_racing", "default", "sk_racin", clock.instant(), null, null);

        assertThatThrownBy(() -> repository.insert(racing, new StoredApiKey(key, ApiKeys.hash("sk_racing-key"))))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(count("organizations")).isEqualTo(1);
        assertThat(count("api_keys")).isEqualTo(1);
        assertThat(service.findBootstrap()).contains(first.organization());
        // Ordinary organisations are unaffected by the guard.
        service.create("One");
        service.create("Two");
        assertThat(count("organizations")).isEqualTo(3);
    }

    @Test
    void bootstrap_rejects_a_short_preset_key_and_writes_nothing() {
        assertThatThrownBy(() -> service.createBootstrap("Admin", Optional.of("short")))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(service.findBootstrap()).isEmpty();
        CreatedOrganization random = service.createBootstrap("Admin", Optional.of(""));
        assertThat(random.firstKey().plaintextKey()).startsWith("sk_");
    }

    @Test
    void unknown_organisation_is_not_found_for_every_operation() {
        for (Runnable call : List.<Runnable>of(() -> service.get("o_missing"), () -> service.limitsOf("o_missing"),
                () -> service.createApiKey("o_missing", "k"), () -> service.listApiKeys("o_missing"))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(SkyvernException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ORGANIZATION_NOT_FOUND));
        }
        assertThat(count("api_keys")).isZero();
    }

    @Test
    void revoking_twice_keeps_the_first_revocation_time() {
        CreatedOrganization created = service.create("Acme");
        String orgId = created.organization().organizationId();
        String keyId = created.firstKey().apiKey().apiKeyId();
        service.createApiKey(orgId, "spare");
        Instant first = service.revokeApiKey(orgId, keyId).revokedAt();
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.revokeApiKey(orgId, keyId).revokedAt()).isEqualTo(first);
    }

    @Test
    void revoking_the_last_active_key_is_last_api_key_and_changes_nothing() {
        CreatedOrganization created = service.create("Alone");
        String orgId = created.organization().organizationId();
        String keyId = created.firstKey().apiKey().apiKeyId();

        assertThatThrownBy(() -> service.revokeApiKey(orgId, keyId)).isInstanceOfSatisfying(SkyvernException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAST_API_KEY));
        assertThat(service.authenticate(created.firstKey().plaintextKey())).isPresent();
        assertThat(service.listApiKeys(orgId)).allSatisfy(k -> assertThat(k.isRevoked()).isFalse());
    }

    @Test
    void concurrent_revokes_of_the_last_two_keys_leave_one_active() throws Exception {
        for (int round = 0; round < 5; round++) {
            CreatedOrganization created = service.create("Pair " + round);
            String orgId = created.organization().organizationId();
            String first = created.firstKey().apiKey().apiKeyId();
            String second = service.createApiKey(orgId, "second").apiKey().apiKeyId();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> revokes = new java.util.ArrayList<>();
            for (String id : List.of(first, second)) {
                revokes.add(pool.submit(() -> {
                    go.await();
                    return service.revokeApiKey(orgId, id);
                }));
            }
            go.countDown();
            int refused = 0;
            for (java.util.concurrent.Future<?> f : revokes) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(SkyvernException.class,
                            x -> assertThat(x.errorCode()).isEqualTo(ErrorCode.LAST_API_KEY));
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(refused).isEqualTo(1);
            assertThat(service.listApiKeys(orgId)).filteredOn(k -> !k.isRevoked()).hasSize(1);
        }
    }

    private long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
