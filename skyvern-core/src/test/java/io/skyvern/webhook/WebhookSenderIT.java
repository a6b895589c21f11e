package io.skyvern.webhook;

import com.sun.net.httpserver.HttpServer;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiWebhookDeliveryRepository;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class WebhookSenderIT {
    private static final byte[] BODY = "{\"task_id\":\"tsk_1\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);

    private record Received(byte[] body, String signature, String timestamp, String contentType, boolean verified) {
    }

    private Database db;
    private HttpServer server;
    private String org;
    private String key;
    private WebhookSender sender;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        db = Database.open(TestDatabases.fresh());
        org = TestOrganizations.insert(db);
        JdbiWebhookDeliveryRepository repository = new JdbiWebhookDeliveryRepository(db);
        key = repository.signingKey(org).orElseThrow();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("x-skyvern-signature");
            received.add(new Received(body, signature, exchange.getRequestHeaders().getFirst("x-skyvern-timestamp"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), WebhookSignature.verify(body, signature, key)));
            Integer status = script.poll();
            int code = status == null ? 200 : status;
            if (code == 999) { // simulate a dead peer: close without answering
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        sender = new WebhookSender(repository, new WebhookOptions(3, Duration.ofMillis(50), Duration.ofSeconds(5), true),
                new TimeOrderedIdGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sender.close();
        server.stop(0);
        db.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void a_delivery_is_signed_so_that_the_receiver_verifies_it() {
        DeliveryResult result = sender.send(WebhookRequest.forTask(org, "tsk_1", url(), BODY));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.lastStatusCode()).hasValue(200);
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.body()).isEqualTo(BODY);
        assertThat(r.verified()).isTrue();
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(Long.parseLong(r.timestamp())).isCloseTo(Instant.now().getEpochSecond(), within(5L));
        List<WebhookDelivery> log = sender.deliveries(org, "tsk_1");
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.succeeded()).isTrue();
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.url()).isEqualTo(url());
        });
    }

    @Test
    void a_500_is_retried_and_the_second_attempt_succeeds() throws Exception {
        script.add(500);
        DeliveryResult result = sender.sendAsync(WebhookRequest.forWorkflowRun(org, "wr_1", url(), BODY))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(received).hasSize(2).allMatch(Received::verified);
        assertThat(sender.deliveries(org, "wr_1")).extracting(WebhookDelivery::attempt, WebhookDelivery::statusCode,
                WebhookDelivery::succeeded).containsExactly(
                tuple(1, 500, false), tuple(2, 200, true));
    }

    @Test
    void it_gives_up_after_three_failed_attempts() {
        script.add(503);
        script.add(429);
        script.add(999);
        DeliveryResult result = sender.send(WebhookRequest.forTask(org, "tsk_2", url(), BODY));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.error()).isPresent();
        assertThat(received).hasSize(3);
        List<WebhookDelivery> log = sender.deliveries(org, "tsk_2");
        assertThat(log).extracting(WebhookDelivery::statusCode).containsExactly(503, 429, null);
        assertThat(log).noneMatch(WebhookDelivery::succeeded);
        assertThat(log.get(2).error()).isNotBlank();
    }

    @Test
    void a_400_is_not_retried() {
        script.add(400);
        DeliveryResult result = sender.send(WebhookRequest.forTask(org, "tsk_3", url(), BODY));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.lastStatusCode()).hasValue(400);
        assertThat(received).hasSize(1);
        assertThat(sender.deliveries(org, "tsk_3")).hasSize(1);
    }

    @Test
    void a_loopback_url_is_refused_and_logged_when_private_networks_are_not_allowed() {
        try (WebhookSender strict = new WebhookSender(new JdbiWebhookDeliveryRepository(db), WebhookOptions.DEFAULTS,
                new TimeOrderedIdGenerator(Clock.systemUTC()), Clock.systemUTC())) {
            DeliveryResult result = strict.send(WebhookRequest.forTask(org, "tsk_4", url(), BODY));

            assertThat(result.succeeded()).isFalse();
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).startsWith("refused"));
            assertThat(received).isEmpty();
            assertThat(strict.deliveries(org, "tsk_4")).singleElement()
                    .satisfies(d -> assertThat(d.statusCode()).isNull());
        }
    }

    @Test
    void another_organisation_sees_no_deliveries() {
        sender.send(WebhookRequest.forTask(org, "tsk_5", url(), BODY));
        String other = TestOrganizations.insert(db);
        assertThat(sender.deliveries(other, "tsk_5")).isEmpty();
        assertThat(sender.deliveries(org, "tsk_5")).hasSize(1);
    }
}
