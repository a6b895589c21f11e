package io.skyvern.server.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client threads that create tasks as fast as the server answers until stopped, remembering every
 * task id the server answered 201 for. Made for crash tests: the server may die under it, so a
 * failed call only counts as an error and the thread goes on until {@link #stop}.
 */
final class CreateLoad {
    private final ProcessApi api;
    private final String url;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> answered201 = ConcurrentHashMap.newKeySet();
    private final AtomicInteger otherStatus = new AtomicInteger();
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopping;

    private CreateLoad(ProcessApi api, String url) {
        this.api = api;
        this.url = url;
    }

    /** Starts {@code threads} client threads creating tasks for {@code url}. */
    static CreateLoad start(ProcessApi api, String url, int threads) {
        CreateLoad load = new CreateLoad(api, url);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::loop, "create-load-" + i);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    private void loop() {
        while (!stopping) {
            sent.incrementAndGet();
            try {
                ProcessApi.Reply reply = api.createTask(url, "Crash safety " + sent.get());
                if (reply.status() == 201) {
                    answered201.add(reply.taskId());
                } else {
                    otherStatus.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                failedCalls.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);  // the server is gone; do not spin on connection refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the threads (bounded wait) and returns what they saw. */
    Result stop() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join(30_000);
        }
        return new Result(Set.copyOf(answered201), sent.get(), otherStatus.get(), failedCalls.get());
    }

    int answeredSoFar() {
        return answered201.size();
    }

    /** Ids answered 201, calls sent, answers other than 201, calls that got no answer. */
    record Result(Set<String> answered201, long sent, int otherStatus, int failedCalls) {
    }
}
