package io.skyvern.server;

import io.skyvern.auth.OrganizationRepository;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiOrganizationRepository;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-start bootstrap when several nodes start at once on one empty database. */
class BootstrapTest {
    @TempDir
    Path dataDir;

    @Test
    void a_node_that_loses_the_bootstrap_race_starts_without_creating_or_writing_anything() {
        try (Database db = Database.open(TestDatabases.freshH2())) {
            OrganizationRepository shared = new JdbiOrganizationRepository(db);
            Path winnerDir = dataDir.resolve("winner");
            Path loserDir = dataDir.resolve("loser");
            assertThat(Bootstrap.ensure(service(shared), winnerDir, "")).isPresent();
            // The loser looked before the winner's insert was visible, then its own insert hits the guard.
            OrganizationService loser = service(staleFirstLookup(shared));

            Optional<Path> credentials = Bootstrap.ensure(loser, loserDir, "");

            assertThat(credentials).isEmpty();
            assertThat(loserDir.resolve("credentials")).doesNotExist();
            assertThat(shared.findBootstrap()).isPresent();
        }
    }

    @Test
    void start_warns_when_the_credentials_file_holds_a_revoked_key() {
        try (Database db = Database.open(TestDatabases.freshH2())) {
            OrganizationService organizations = service(new JdbiOrganizationRepository(db));
            Bootstrap.ensure(organizations, dataDir, "");
            String orgId = organizations.findBootstrap().orElseThrow().organizationId();
            assertThat(Bootstrap.revokedCredentialsWarning(organizations, dataDir)).isEmpty();
            String written = organizations.listApiKeys(orgId).get(0).apiKeyId();
            organizations.createApiKey(orgId, "replacement");

            organizations.revokeApiKey(orgId, written);

            assertThat(Bootstrap.revokedCredentialsWarning(organizations, dataDir)).hasValueSatisfying(w ->
                    assertThat(w).contains(written).contains("revoked").doesNotContain("sk_"));
        }
    }

    private static OrganizationService service(OrganizationRepository repository) {
        Clock clock = Clock.systemUTC();
        return new OrganizationService(repository, SkyvernConfig.defaults(), clock, new TimeOrderedIdGenerator(clock));
    }

    /** A repository whose first findBootstrap answers "none yet", as a read racing another node's insert does. */
    private static OrganizationRepository staleFirstLookup(OrganizationRepository real) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (OrganizationRepository) Proxy.newProxyInstance(OrganizationRepository.class.getClassLoader(),
                new Class<?>[] {OrganizationRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findBootstrap") && first.getAndSet(false)) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
