package io.skyvern.persistence;

import io.skyvern.testing.TestDatabases;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers share commits, every write is durable when write() returns, and a bad item fails alone. */
class GroupCommitIT {
    private Database database;
    private GroupCommit<Integer> group;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE group_commit_it (n INT PRIMARY KEY)"));
        group = new GroupCommit<>(database.jdbi(),
                (h, items) -> {
                    PreparedBatch batch = h.prepareBatch("INSERT INTO group_commit_it (n) VALUES (:n)");
                    items.forEach(n -> batch.bind("n", n).add());
                    batch.execute();
                }, 64);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long count() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM group_commit_it")
                .mapTo(Long.class).one());
    }

    @Test
    void a_lone_writer_commits_each_item_at_once() {
        for (int i = 0; i < 20; i++) {
            group.write(i);
            assertThat(count()).isEqualTo(i + 1);
        }
        assertThat(group.commits()).isEqualTo(20);
    }

    @Test
    void concurrent_writers_share_commits_and_lose_nothing() throws Exception {
        int threads = 8;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    group.write(base + i);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(count()).isEqualTo((long) threads * each);
        assertThat(group.commits()).as("commits for %d writes", threads * each).isLessThan(threads * each);
    }

    @Test
    void a_failing_item_fails_only_its_own_writer() throws Exception {
        group.write(-1);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 50; i++) {
                    // writer 0 sends a duplicate of -1 every 10th item
                    int n = id == 0 && i % 10 == 0 ? -1 : id * 1000 + i;
                    try {
                        group.write(n);
                    } catch (JdbiException e) {
                        failed.add(n);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failed).hasSize(5).containsOnly(-1);
        assertThat(count()).isEqualTo(1 + threads * 50L - 5);
    }
}
