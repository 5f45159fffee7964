package io.clipdesk.engine;

import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.clip.ClipEdges;
import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.clip.ClipPackager;
import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.clip.DefaultClipService;
import io.clipdesk.engine.clip.Remuxer;
import io.clipdesk.engine.clip.SegmentTrimmer;
import io.clipdesk.engine.delivery.DeliveryRepository;
import io.clipdesk.engine.delivery.DeliveryService;
import io.clipdesk.engine.delivery.DeliveryTransport;
import io.clipdesk.engine.delivery.DestinationRepository;
import io.clipdesk.engine.delivery.RetryPolicy;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.health.EngineHealth;
import io.clipdesk.engine.health.HealthService;
import io.clipdesk.engine.reframe.DefaultReframeService;
import io.clipdesk.engine.reframe.ReframeRepository;
import io.clipdesk.engine.reframe.ReframeService;
import io.clipdesk.engine.reframe.Reframer;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DefaultMediaFiles;
import io.clipdesk.engine.storage.DiskSpace;
import io.clipdesk.engine.storage.DiskWatch;
import io.clipdesk.engine.storage.MediaFiles;
import io.clipdesk.engine.storage.SettingsRepository;
import io.clipdesk.engine.stream.DefaultStreamService;
import io.clipdesk.engine.stream.LiveSourceFactory;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamRepository;
import io.clipdesk.engine.stream.StreamService;
import io.clipdesk.engine.video.DefaultVideoLibrary;
import io.clipdesk.engine.video.VideoLibrary;
import io.clipdesk.engine.video.VideoRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded clip engine: streams with their rolling DVR, instant clips and permanent videos over the
 * given ports, and their delivery to other places. Owns the threads {@code retention}, {@code expiry},
 * {@code clip-cut-N}, {@code delivery-N} and {@code delivery-tick}.
 */
public final class ClipEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClipEngine.class.getName());

    /** What the engine needs from the outer layers (store and media). */
    public record Ports(StreamRepository streams, SegmentStore segments, ClipRepository clips, VideoRepository videos,
                        SettingsRepository settings, LiveSourceFactory sources, Remuxer remuxer,
                        SegmentTrimmer trimmer, AutoCloseable storage, DiskSpace disk,
                        DestinationRepository destinations, DeliveryRepository deliveries,
                        List<DeliveryTransport> transports, ReframeRepository reframes, Reframer reframer) {
    }

    /** Deliveries run two at a time: enough to keep a folder and an endpoint busy without starving clip cuts. */
    private static final int DELIVERY_THREADS = 2;
    private static final long DELIVERY_TICK_MS = 500;

    private final EngineConfig config;
    private final Clock clock;
    private final Ports ports;
    private final DefaultStreamService streamService;
    private final DefaultVideoLibrary videoLibrary;
    private final DefaultClipService clipService;
    private final DefaultMediaFiles mediaFiles;
    private final DefaultReframeService reframeService;
    private final ExecutorService reframeWorker;
    private final EngineHealth health;
    private final ExecutorService cutPool;
    private final ScheduledExecutorService retention;
    private final ScheduledExecutorService expiry;
    private final ExecutorService deliverySenders;
    private final ScheduledExecutorService deliveryTick;
    private final DeliveryService deliveryService;
    private final DataDirLock lock;
    private final ChangeLog changes;

    private ClipEngine(EngineConfig config, Clock clock, Ports ports, DataDirLock lock) {
        this.lock = lock;
        this.config = config;
        this.clock = clock;
        this.ports = ports;
        this.changes = new ChangeLog(clock);
        ClipPackager packager = new ClipPackager(ports.remuxer());
        this.cutPool = Executors.newFixedThreadPool(config.cutThreads(), named("clip-cut-"));
        this.streamService = new DefaultStreamService(config, clock, ports.streams(), ports.segments(),
                ports.sources(), new DiskWatch(ports.disk(), config.diskReserve()), changes);
        this.videoLibrary = new DefaultVideoLibrary(config.layout(), clock, ports.videos(), ports.streams(), packager, changes);
        this.clipService = new DefaultClipService(config, clock, streamService, ports.clips(), videoLibrary, packager,
                new ClipEdges(config.layout(), ports.trimmer(), config.segmentDurationMs()), cutPool, changes);
        this.reframeWorker = Executors.newSingleThreadExecutor(named("reframe"));
        this.reframeService = new DefaultReframeService(config, clock, clipService, ports.clips(), ports.reframes(),
                ports.reframer(), ports.remuxer(), videoLibrary, reframeWorker);
        this.mediaFiles = new DefaultMediaFiles(config, clock, ports.clips(), ports.videos(), streamService);
        this.health = new EngineHealth(streamService);
        this.retention = Executors.newSingleThreadScheduledExecutor(named("retention"));
        this.expiry = Executors.newSingleThreadScheduledExecutor(named("expiry"));
        this.deliverySenders = Executors.newFixedThreadPool(DELIVERY_THREADS, named("delivery-"));
        this.deliveryTick = Executors.newSingleThreadScheduledExecutor(named("delivery-tick"));
        this.deliveryService = new DeliveryService(clock, clipService, new ClipLifecycle(config.segmentDurationMs()),
                mediaFiles, ports.destinations(), ports.deliveries(), ports.settings(), ports.transports(),
                RetryPolicy.DEFAULT,
                deliverySenders);
    }

    /** Reconciles the data dir, resumes unfinished work, starts ingest and the schedules. */
    public static ClipEngine start(EngineConfig config, Clock clock, Ports ports) {
        ClipEngine engine = new ClipEngine(config, clock, ports, DataDirLock.acquire(config.layout()));
        try {
            engine.startUp();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    private void startUp() {
        try {
            new Reconciler(config.layout(), ports.streams(), ports.segments(), ports.clips(), ports.videos()).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data dir " + config.layout().root(), e);
        }
        streamService.addListener(clipService);
        if (config.createDefaultStream() && ports.streams().list().isEmpty()) {
            ports.streams().insert(new LiveStream(0, "Test signal", SourceSpec.TEST_SIGNAL, true,
                    LiveStream.DEFAULT_DVR_DURATION_S, RandomKeys.random(), clock.millis(), Rendition.DEFAULT_LADDER));
        }
        clipService.resume();
        videoLibrary.resume(ports.clips());
        reframeService.resume();
        streamService.startAll();
        retention.scheduleWithFixedDelay(guarded(streamService::enforceRetention), 1000, 1000, TimeUnit.MILLISECONDS);
        expiry.scheduleWithFixedDelay(guarded(this::sweepClips), config.sweepIntervalMs(), config.sweepIntervalMs(),
                TimeUnit.MILLISECONDS);
        deliveryService.resume();
        changes.follow(changes.lastId(), deliveryService::onChange);
        deliveryTick.scheduleWithFixedDelay(guarded(deliveryService::tick), DELIVERY_TICK_MS, DELIVERY_TICK_MS,
                TimeUnit.MILLISECONDS);
    }

    public StreamService streams() {
        return streamService;
    }

    public ClipService clips() {
        return clipService;
    }

    /** Social versions (9:16, 1:1, 4:5) of clips. */
    public ReframeService reframes() {
        return reframeService;
    }

    public VideoLibrary videos() {
        return videoLibrary;
    }

    /** Destinations and the sends of clips to them, with their receipts. */
    public DeliveryService deliveries() {
        return deliveryService;
    }

    public MediaFiles media() {
        return mediaFiles;
    }

    /** The disk and every stream's ingest, with what is wrong in sentences. */
    public HealthService health() {
        return health;
    }

    /** Small named settings kept with the data (e.g. the desk's quick markers), so they survive restarts. */
    public SettingsRepository settings() {
        return ports.settings();
    }

    /** Every change to streams, clips and videos since this start, for followers (desks, the events route). */
    public ChangeLog changes() {
        return changes;
    }

    public Clock clock() {
        return clock;
    }

    public DataLayout layout() {
        return config.layout();
    }

    public EngineConfig config() {
        return config;
    }

    /** Runs retention and the expiry sweep now (tests move a clock and call this instead of waiting). */
    public void sweepNow() {
        streamService.enforceRetention();
        sweepClips();
    }

    private void sweepClips() {
        clipService.sweep();
        reframeService.sweep();
    }

    /** Waits until the reframe in progress and those queued now are done (tests). */
    public void awaitReframes() {
        try {
            reframeWorker.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException("the reframe worker is down", e);
        }
    }

    /**
     * Waits until the clip-cut pool has run what is queued now (tests). Every cut thread takes one of as many tasks
     * that wait for each other, so they meet only once no thread still runs an earlier task; no-ops run one after
     * another showed only that every earlier task had started (one thread ran them while another still cut).
     */
    public void awaitCuts() {
        CyclicBarrier everyThread = new CyclicBarrier(config.cutThreads());
        List<Future<?>> meeting = new ArrayList<>();
        try {
            for (int i = 0; i < config.cutThreads(); i++) {
                meeting.add(cutPool.submit(() -> {
                    everyThread.await();
                    return null;
                }));
            }
            for (Future<?> met : meeting) {
                met.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clip-cut pool", e);
        } catch (Exception e) {
            throw new IllegalStateException("clip-cut pool is down", e);
        }
    }

    @Override
    public void close() {
        retention.shutdownNow();
        expiry.shutdownNow();
        deliveryTick.shutdownNow();
        // A send cut short here is resumed at the next start (its row says SENDING), so no need to wait for it.
        deliverySenders.shutdownNow();
        streamService.stopAll();
        reframeWorker.shutdownNow(); // an encode in progress stops at its next frame and is made again at the next start
        cutPool.shutdown();
        try {
            if (!cutPool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("clip cutting did not finish in 30 s; unfinished clips resume at the next start");
                cutPool.shutdownNow();
            }
            ports.storage().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the store failed", e);
        } finally {
            lock.close();
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, Thread.currentThread().getName() + " tick failed", e);
            }
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
