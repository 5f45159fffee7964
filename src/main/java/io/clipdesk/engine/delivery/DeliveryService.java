package io.clipdesk.engine.delivery;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.TooEarlyException;
import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipLifecycle;
import io.clipdesk.engine.clip.ClipPhase;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.storage.MediaContent;
import io.clipdesk.engine.storage.MediaFiles;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.storage.SettingsRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends clips to the configured destinations and keeps a receipt of each send.
 *
 * <p>A delivery is stored before anything is sent and every change of its state is stored at once, so a stop at any
 * moment leaves a row that says what happened: at the next start ({@link #resume()}) an attempt that was running is
 * counted as interrupted and made again. A folder destination takes a repeated attempt whole (it writes under a temp
 * name and renames); an HTTP receiver can tell a repeat by the delivery's key ({@link Shipment#deliveryKey()}).
 *
 * <p>Waiting and back-off are read from the injected clock by {@link #tick()}, which the engine calls twice a second
 * (tests call it after moving their clock); attempts run on the executor given, never on the caller's thread.
 */
public final class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());
    private static final long PROGRESS_EVERY_MS = 200;

    private final Clock clock;
    private final ClipService clips;
    private final ClipLifecycle lifecycle;
    private final MediaFiles media;
    private final DestinationRepository destinations;
    private final DeliveryRepository deliveries;
    private final Map<DestinationKind, DeliveryTransport> transports = new EnumMap<>(DestinationKind.class);
    private final RetryPolicy retry;
    private final Executor senders;
    /** Deliveries with an attempt on a sender thread, and the bytes it has handed over so far. */
    private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();
    private final List<Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();
    private final SettingsRepository settings;
    /** Clips made since the last tick, for the auto-send rules (looked at on the tick, not in the clip's create). */
    private final Queue<String> madeClips = new ConcurrentLinkedQueue<>();

    public DeliveryService(Clock clock, ClipService clips, ClipLifecycle lifecycle, MediaFiles media,
                           DestinationRepository destinations, DeliveryRepository deliveries,
                           SettingsRepository settings, List<DeliveryTransport> transports, RetryPolicy retry,
                           Executor senders) {
        this.clock = clock;
        this.settings = settings;
        this.clips = clips;
        this.lifecycle = lifecycle;
        this.media = media;
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.retry = retry;
        this.senders = senders;
        for (DeliveryTransport transport : transports) {
            this.transports.put(transport.kind(), transport);
        }
    }

    // ---- destinations

    /** By name. */
    public List<Destination> destinations() {
        return destinations.list();
    }

    /**
     * Stores a new destination (id 0) or changes one. A folder must exist and be writable now; an endpoint is not
     * called (it may be down while it is configured).
     *
     * @throws InvalidRequestException another destination has the name, the folder is missing or read-only
     * @throws NotFoundException       an id that is not stored
     */
    public synchronized Destination save(Destination destination) {
        if (destination.id() != 0 && destinations.find(destination.id()).isEmpty()) {
            throw new NotFoundException("destination " + destination.id() + " does not exist");
        }
        for (Destination other : destinations.list()) {
            if (other.id() != destination.id() && other.name().equalsIgnoreCase(destination.name())) {
                throw new InvalidRequestException("There is already a destination called \"" + other.name()
                        + "\"; give this one another name.");
            }
        }
        if (destination.kind() == DestinationKind.FOLDER) {
            Path folder = destination.folder();
            if (!Files.isDirectory(folder)) {
                throw new InvalidRequestException("The folder " + folder + " does not exist; create it first or "
                        + "choose another.");
            }
            if (!Files.isWritable(folder)) {
                throw new InvalidRequestException("Clipdesk may not write into " + folder + "; choose a folder it "
                        + "can write to.");
            }
        }
        if (destination.id() == 0) {
            return destinations.insert(destination);
        }
        destinations.update(destination);
        return destination;
    }

    /** Removes a destination; sends to it not made yet fail with a receipt saying so. */
    public synchronized void remove(long destinationId) {
        destinations.delete(destinationId);
        List<AutoSend> kept = autoSends().stream().filter(r -> r.destinationId() != destinationId).toList();
        settings.put(AutoSend.SETTINGS_KEY, AutoSend.encode(kept));
    }

    // ---- auto-send rules

    public List<AutoSend> autoSends() {
        return settings.get(AutoSend.SETTINGS_KEY).map(AutoSend::decode).orElse(List.of());
    }

    public synchronized void autoSend(String tag, long destinationId) {
        String stored = io.clipdesk.engine.clip.ClipDescription.tag(tag);
        if (destinationId != 0 && destinations.find(destinationId).isEmpty()) {
            throw new InvalidRequestException("That destination is no longer configured; choose another.");
        }
        List<AutoSend> rules = new java.util.ArrayList<>(autoSends().stream().filter(r -> !r.isFor(stored)).toList());
        if (destinationId != 0) {
            rules.add(new AutoSend(stored, destinationId));
        }
        settings.put(AutoSend.SETTINGS_KEY, AutoSend.encode(rules));
    }

    /**
     * Follows the engine's changes: a clip made from now on is looked at by the next tick for the auto-send rules.
     * Cheap and never blocking, since the change is told on the thread that made the clip.
     */
    public void onChange(ChangeEvent event) {
        if (event.type() == ChangeType.CLIP_CREATED) {
            madeClips.add(event.clipId());
        }
    }

    private void applyAutoSends() {
        List<AutoSend> rules = null;
        for (String clipId; (clipId = madeClips.poll()) != null; ) {
            rules = rules == null ? autoSends() : rules;
            if (rules.isEmpty()) {
                continue;
            }
            try {
                Clip clip = clips.get(clipId);
                for (AutoSend rule : rules) {
                    if (clip.description().hasTag(rule.tag())) {
                        send(clip.id(), rule.destinationId(), rule.tag());
                    }
                }
            } catch (NotFoundException | InvalidRequestException e) {
                LOG.info("auto-send of clip " + clipId + " skipped: " + e.getMessage());
            }
        }
    }

    // ---- deliveries

    /**
     * Sends the clip to the destination as soon as it is ready (now, if it is). Asking again while a send of the
     * same clip to the same destination is unfinished returns that one rather than sending twice.
     *
     * @param origin {@link Delivery#BY_HAND}, or the quick marker whose rule asked for it
     * @throws NotFoundException       the clip is unknown or expired
     * @throws InvalidRequestException the destination is not (or no longer) configured
     */
    public synchronized Delivery send(String clipId, long destinationId, String origin) {
        Clip clip = clips.get(clipId);
        Destination destination = destinations.find(destinationId).orElseThrow(() -> new InvalidRequestException(
                "That destination is no longer configured; choose another in Send to…"));
        Optional<Delivery> open = deliveries.ofClip(clipId).stream()
                .filter(d -> d.destinationId() == destinationId && !d.status().finished()).findFirst();
        if (open.isPresent()) {
            return withProgress(open.get());
        }
        Delivery asked = deliveries.insert(Delivery.asked(clip.id(), clip.name(), destination, origin,
                clock.millis()));
        changed(asked);
        return asked;
    }

    /** The clip's deliveries, newest first, with the progress of a running attempt. */
    public List<Delivery> ofClip(String clipId) {
        return deliveries.ofClip(clipId).stream().map(this::withProgress).toList();
    }

    /** The newest deliveries of any clip, newest first. */
    public List<Delivery> recent(int limit) {
        return deliveries.recent(limit).stream().map(this::withProgress).toList();
    }

    /** Told of every change of a delivery (and of a running attempt's progress a few times a second). Any thread. */
    public void addListener(Consumer<Delivery> listener) {
        listeners.add(listener);
    }

    /**
     * At start-up, before the first {@link #tick()}: an attempt that was running when Clipdesk stopped (a crash, a
     * kill, a power cut) is counted as interrupted and made again; its receipt says so.
     */
    public synchronized void resume() {
        for (Delivery d : deliveries.unfinished()) {
            if (d.status() == DeliveryStatus.SENDING && !inFlight.containsKey(d.id())) {
                Delivery again = d.interrupted(clock.millis());
                deliveries.update(again);
                LOG.info("delivery " + d.id() + " of clip " + d.clipId() + " to " + d.destinationName()
                        + " was interrupted by a stop during attempt " + d.attempts() + "; sending again");
            }
        }
    }

    /** Starts every attempt that is due: clips that became ready, back-offs that ran out. */
    public synchronized void tick() {
        applyAutoSends();
        long nowMs = clock.millis();
        for (Delivery d : deliveries.unfinished()) {
            if (inFlight.containsKey(d.id()) || d.status() == DeliveryStatus.SENDING
                    || (d.status() == DeliveryStatus.RETRYING && d.nextAttemptAtMs() > nowMs)) {
                continue;
            }
            try {
                start(d, nowMs);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery " + d.id() + " could not start", e);
                settle(d, DeliveryStatus.FAILED, "Clipdesk could not start the send: " + e.getMessage(), 0);
            }
        }
    }

    /** Whether no attempt is running (tests). */
    public boolean idle() {
        return inFlight.isEmpty();
    }

    private void start(Delivery d, long nowMs) {
        Optional<Destination> destination = destinations.find(d.destinationId());
        if (destination.isEmpty()) {
            settle(d, DeliveryStatus.FAILED, "The destination \"" + d.destinationName()
                    + "\" was removed before the clip was sent.", 0);
            return;
        }
        DeliveryTransport transport = transports.get(destination.get().kind());
        if (transport == null) {
            settle(d, DeliveryStatus.FAILED, "This Clipdesk cannot send to " + destination.get().kind()
                    + " destinations.", 0);
            return;
        }
        Clip clip;
        try {
            clip = clips.get(d.clipId());
        } catch (NotFoundException e) {
            settle(d, DeliveryStatus.FAILED, "The clip expired or was deleted before it could be sent.", 0);
            return;
        }
        ClipPhase phase = lifecycle.phaseAt(clip, nowMs);
        if (phase == ClipPhase.RECORDING) {
            return;
        }
        if (phase != ClipPhase.READY) {
            settle(d, DeliveryStatus.FAILED, phase == ClipPhase.FAILED ? "The clip failed, so there is nothing to "
                    + "send: " + clip.error() : "The clip expired before it could be sent.", 0);
            return;
        }
        Path mp4;
        long size;
        try {
            MediaContent content = media.clip(clip.streamId(), MediaPaths.clipMasterMp4(clip.id()));
            mp4 = ((MediaContent.FileContent) content).path();
            size = Files.size(mp4);
        } catch (TooEarlyException e) {
            return;
        } catch (NotFoundException | IOException e) {
            settle(d, DeliveryStatus.FAILED, "The clip's MP4 is gone: " + e.getMessage(), 0);
            return;
        }
        Delivery sending = d.sending(size, nowMs);
        deliveries.update(sending);
        inFlight.put(d.id(), 0L);
        changed(sending);
        Shipment shipment = Shipment.of(clip, mp4, size, d.id());
        try {
            senders.execute(() -> attempt(sending, destination.get(), transport, shipment));
        } catch (RuntimeException e) {
            inFlight.remove(d.id());
            throw e;
        }
    }

    private void attempt(Delivery sending, Destination destination, DeliveryTransport transport, Shipment shipment) {
        long[] lastReportMs = {clock.millis()};
        SendOutcome outcome;
        try {
            outcome = transport.send(shipment, destination, bytes -> {
                inFlight.put(sending.id(), bytes);
                long nowMs = clock.millis();
                if (nowMs - lastReportMs[0] >= PROGRESS_EVERY_MS) {
                    lastReportMs[0] = nowMs;
                    changed(sending.progressed(bytes));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery " + sending.id() + ": the " + destination.kind() + " transport failed",
                    e);
            outcome = SendOutcome.retry("Clipdesk failed while sending: " + e);
        }
        Delivery progressed = sending.progressed(inFlight.getOrDefault(sending.id(), 0L));
        try {
            synchronized (this) {
                switch (outcome.result()) {
                    case DELIVERED -> settle(progressed, DeliveryStatus.SENT, outcome.answer(), 0);
                    case REFUSED -> settle(progressed, DeliveryStatus.FAILED, outcome.answer(), 0);
                    case RETRY -> {
                        if (retry.allowsAnother(sending.attempts())) {
                            settle(progressed, DeliveryStatus.RETRYING, outcome.answer(),
                                    clock.millis() + retry.delayAfterMs(sending.attempts()));
                        } else {
                            settle(progressed, DeliveryStatus.FAILED, "Gave up after " + sending.attempts()
                                    + " attempts: " + outcome.answer(), 0);
                        }
                    }
                    default -> throw new IllegalStateException(outcome.result().name());
                }
            }
        } finally {
            inFlight.remove(sending.id());
        }
    }

    private void settle(Delivery d, DeliveryStatus status, String answer, long nextAtMs) {
        long nowMs = clock.millis();
        Delivery settled = d.settled(status, answer, nowMs, nextAtMs == 0 ? nowMs : nextAtMs);
        deliveries.update(settled);
        changed(settled);
    }

    private Delivery withProgress(Delivery d) {
        Long sent = inFlight.get(d.id());
        return sent == null || d.status() != DeliveryStatus.SENDING ? d : d.progressed(sent);
    }

    private void changed(Delivery d) {
        for (Consumer<Delivery> listener : listeners) {
            try {
                listener.accept(d);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a delivery listener failed", e);
            }
        }
    }
}
