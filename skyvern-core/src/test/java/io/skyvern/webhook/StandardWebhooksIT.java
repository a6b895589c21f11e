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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver written as the README tells a Java team to write one: it checks the Standard
 * Webhooks signature, refuses timestamps more than five minutes from its clock and remembers the
 * webhook ids it has accepted. Deliveries from {@link WebhookSender} pass; a captured delivery
 * sent again later, or with its timestamp changed, does not.
 */
class StandardWebhooksIT {
    private static final byte[] BODY = "{\"task_id\":\"tsk_1\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);

    private record Delivery(Map<String, String> headers, byte[] body, int answer) {
    }

    private Database db;
    private HttpServer receiver;
    private String key;
    private String org;
    private WebhookSender sender;
    private final AtomicReference<Instant> receiverNow = new AtomicReference<>(Instant.now());
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final Queue<Integer> failFirst = new ConcurrentLinkedQueue<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        db = Database.open(TestDatabases.fresh());
        org = TestOrganizations.insert(db);
        JdbiWebhookDeliveryRepository repository = new JdbiWebhookDeliveryRepository(db);
        key = repository.signingKey(org).orElseThrow();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int answer;
            if (!StandardWebhooks.verify(id, timestamp, body, signature, key, receiverNow.get(),
                    StandardWebhooks.DEFAULT_TOLERANCE)) {
                answer = 401;
            } else if (failFirst.poll() != null) {
                answer = 500;  // accepted signature, but the receiver "crashed": the sender retries
            } else {
                answer = seenIds.add(id) ? 200 : 409;
            }
            deliveries.add(new Delivery(Map.of("webhook-id", String.valueOf(id),
                    "webhook-timestamp", String.valueOf(timestamp), "webhook-signature", String.valueOf(signature)),
                    body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        sender = new WebhookSender(repository, new WebhookOptions(3, Duration.ofMillis(20), Duration.ofSeconds(5), true),
                new TimeOrderedIdGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sender.close();
        receiver.stop(0);
        db.close();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void retries_of_one_delivery_keep_their_webhook_id_and_each_verifies() {
        failFirst.add(1);
        DeliveryResult result = sender.send(WebhookRequest.forTask(org, "tsk_1", url(), BODY));

        assertThat(result.succeeded()).isTrue();
        assertThat(deliveries).extracting(Delivery::answer).containsExactly(500, 200);
        assertThat(deliveries.get(0).headers().get("webhook-id")).startsWith("msg_")
                .isEqualTo(deliveries.get(1).headers().get("webhook-id"));
        assertThat(deliveries.get(1).headers().get("webhook-signature")).startsWith("v1,");
    }

    @Test
    void a_captured_delivery_replayed_later_or_with_a_new_timestamp_is_rejected() throws Exception {
        assertThat(sender.send(WebhookRequest.forTask(org, "tsk_1", url(), BODY)).succeeded()).isTrue();
        Delivery captured = deliveries.get(0);
        assertThat(captured.answer()).isEqualTo(200);

        assertThat(replay(captured.headers(), captured.body())).as("the same id again").isEqualTo(409);

        seenIds.clear();  // even a receiver that forgot its ids refuses it once the timestamp is old
        receiverNow.set(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(replay(captured.headers(), captured.body())).as("six minutes later").isEqualTo(401);

        Map<String, String> fresh = new java.util.HashMap<>(captured.headers());
        fresh.put("webhook-timestamp", Long.toString(receiverNow.get().getEpochSecond()));
        assertThat(replay(fresh, captured.body())).as("a new timestamp breaks the signature").isEqualTo(401);

        byte[] tampered = new String(captured.body(), StandardCharsets.UTF_8).replace("completed", "failed")
                .getBytes(StandardCharsets.UTF_8);
        receiverNow.set(Instant.now());
        assertThat(replay(captured.headers(), tampered)).as("a changed body").isEqualTo(401);
    }

    @Test
    void a_webhook_to_a_metadata_address_is_refused_even_with_private_networks_allowed() {
        DeliveryResult result = sender.send(WebhookRequest.forTask(org, "tsk_1",
                "http://169.254.169.254/latest/meta-data/", BODY));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("metadata"));
    }

    private int replay(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
