package io.clipdesk.app;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.dvr.SegmentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.clipdesk.app.EngineFixture.SEGMENT_MS;
import static io.clipdesk.app.EngineFixture.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ClipEngine.awaitCuts}, the drain point tests wait on to know what the clip-cut pool was given has run: it
 * returns only once a cut still running on one of the pool's threads is done, while its other thread has nothing to do.
 */
class AwaitCutsTest {

    @TempDir
    Path dir;

    @Test
    void awaitCuts_returnsOnlyOnceTheCutRunningOnOneThreadIsDone_notWhenTheOtherThreadIsFree() throws Exception {
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EngineFixture f = new EngineFixture(dir, SEGMENT_MS, real -> holdingTheCut(real, hold, held, release))) {
            f.produce(Duration.ofSeconds(4));
            hold.set(true);
            Clip clip = f.engine.clips().create(ClipRequest.of(STREAM, f.window().startMs() / 1000 + 1, 2));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the clip's cut reads the DVR");

            // Without a drain it would return at once, the cut still held: let the cut go after a second then.
            CountDownLatch returned = new CountDownLatch(1);
            Thread releaser = new Thread(() -> {
                try {
                    returned.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                release.countDown();
            }, "cut-releaser");
            releaser.start();
            f.engine.awaitCuts();
            returned.countDown();
            releaser.join();

            assertEquals(ClipStatus.READY, f.engine.clips().get(clip.id()).status(),
                    "awaitCuts returned while the clip's cut was still running");
        }
    }

    /** The DVR index, except that the first read of a range by a clip cut while {@code hold} is set waits for release. */
    private static SegmentStore holdingTheCut(SegmentStore real, AtomicBoolean hold, CountDownLatch held,
                                              CountDownLatch release) {
        return (SegmentStore) Proxy.newProxyInstance(SegmentStore.class.getClassLoader(),
                new Class<?>[] {SegmentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("slice") && Thread.currentThread().getName().startsWith("clip-cut")
                            && hold.compareAndSet(true, false)) {
                        held.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
