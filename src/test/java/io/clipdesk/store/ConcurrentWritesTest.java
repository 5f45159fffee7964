package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipdesk.engine.dvr.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest, clip cutting, expiry and HTTP all write at once; none of them may see SQLITE_BUSY. */
class ConcurrentWritesTest {

    private static final int THREADS = 4;
    private static final int ROWS_PER_THREAD = 40;

    @TempDir
    Path dir;

    @Test
    void manyThreadsOnOneDatabase_allInsertsLand() throws Exception {
        try (Database database = Database.open(dir.resolve("clipdesk.db"))) {
            long stream = new SqliteStreamRepository(database).insert(StoreSamples.stream("aaaaaaaaaaaa")).id();
            SqliteSegmentStore segments = new SqliteSegmentStore(database);
            SqliteClipRepository clips = new SqliteClipRepository(database);

            runAll(thread -> () -> {
                for (int i = 0; i < ROWS_PER_THREAD; i++) {
                    long sequence = thread * ROWS_PER_THREAD + i;
                    segments.insert(new Segment(stream, sequence, T0_MS + sequence * 2_000, 2_000_000, false));
                    clips.insert(StoreSamples.clip(String.format("clip%08d", sequence), stream, sequence));
                    segments.latest(stream, 3);
                }
                return null;
            });

            assertEquals(THREADS * ROWS_PER_THREAD, segments.count(stream));
            assertEquals(THREADS * ROWS_PER_THREAD, clips.listByStream(stream).size());
        }
    }

    @Test
    void twoDatabasesOnTheSameFile_waitForEachOtherInsteadOfFailing() throws Exception {
        Path file = dir.resolve("clipdesk.db");
        try (Database first = Database.open(file); Database second = Database.open(file)) {
            List<SqliteSettingsRepository> sides = List.of(new SqliteSettingsRepository(first),
                    new SqliteSettingsRepository(second));

            runAll(thread -> () -> {
                SqliteSettingsRepository settings = sides.get(thread % 2);
                for (int i = 0; i < ROWS_PER_THREAD; i++) {
                    settings.put("t" + thread + "." + i, Integer.toString(i));
                }
                return null;
            });

            for (int thread = 0; thread < THREADS; thread++) {
                assertEquals(java.util.Optional.of(Integer.toString(ROWS_PER_THREAD - 1)),
                        sides.get(0).get("t" + thread + "." + (ROWS_PER_THREAD - 1)));
            }
        }
    }

    private interface PerThread {
        Callable<Void> work(int thread);
    }

    private static void runAll(PerThread perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> new Thread(runnable, "writer"));
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                results.add(pool.submit(perThread.work(thread)));
            }
            for (Future<Void> result : results) {
                result.get(); // rethrows a writer's StoreException
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
