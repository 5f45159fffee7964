package io.clipdesk.desk;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipDescription;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.delivery.AutoSend;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentListener;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.storage.DiskStatus;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.engine.video.Video;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The engine as the editor's desk sees it: streams, their DVR (index, segment media as bytes, thumbnails, sound),
 * clips, videos and the desk's settings. Two kinds implement it: the embedded engine of this process and a remote
 * Clipdesk or Gcore-compatible server over HTTP; the desk cannot tell them apart except through
 * {@link #capabilities()}. Calls may block (disk, network): the desk makes them off the FX thread. Errors are the
 * engine's exceptions ({@code NotFoundException}, {@code InvalidRequestException}, {@code MediaException}, …) or an
 * unchecked exception whose message is one sentence for the editor.
 */
public interface DeskBackend extends AutoCloseable {

    /** Which engine the desk drives, for the status bar: e.g. "local engine" or "server http://10.0.0.5:8080". */
    String describe();

    /** Who works at this desk: every clip it makes says so ({@code created_by}). */
    String editor();

    /** The engine's HTTP base URL ("" when it has none): push URLs name its host. */
    String address();

    /** The engine's clock as this desk best knows it (countdowns, "now" for marks). */
    Clock clock();

    ZoneId zone();

    /** The DVR's target segment length, e.g. 2000. */
    int segmentDurationMs();

    Capabilities capabilities();

    MediaUrls mediaUrls();

    /** Changes pushed by the engine; {@link ChangeFeed#NONE} when it has no push channel (the desk polls). */
    default ChangeFeed changes() {
        return ChangeFeed.NONE;
    }

    // ---- streams

    List<LiveStream> streams();

    /** @throws io.clipdesk.engine.NotFoundException for an unknown id */
    LiveStream stream(long streamId);

    LiveStream createStream(StreamDraft draft);

    LiveStream updateStream(long streamId, StreamPatch patch);

    void deleteStream(long streamId);

    StreamState state(long streamId);

    /** The engine's disk; empty when the backend does not say ({@link Capabilities.Feature#DISK}). */
    Optional<DiskStatus> disk();

    /**
     * Tells {@code listener} about new DVR segments, health changes and DVR changes other than a new segment
     * (retention, cleanup, a new ladder), on a thread of the backend's own: return quickly.
     */
    void addListener(SegmentListener listener);

    void removeListener(SegmentListener listener);

    // ---- DVR

    /** DVR segments overlapping [fromMs, toMs), oldest first. */
    List<Segment> segments(long streamId, long fromMs, long toMs);

    /**
     * The media of one DVR segment in one rendition.
     *
     * @throws io.clipdesk.engine.MediaException when it is gone (retention) or cannot be read
     */
    SegmentMedia segment(long streamId, String rendition, long sequence);

    /**
     * The segment the engine is writing now in {@code rendition}, readable as it grows, so the player's live edge
     * need not wait for whole segments; empty between segments and where the engine cannot share it.
     */
    default Optional<LiveSegment> liveSegment(long streamId, String rendition) {
        return Optional.empty();
    }

    /** The JPEG of a segment for the timeline; empty when there is none (yet, or ever). */
    Optional<byte[]> thumbnail(long streamId, long sequence);

    /** The DVR's sound over [fromMs, toMs) (see {@code StreamService#waveform}). */
    AudioEnvelope waveform(long streamId, long fromMs, long toMs, int maxBuckets);

    // ---- clips and videos

    List<Clip> clips(long streamId);

    Clip createClip(ClipRequest request);

    void deleteClip(String clipId);

    Clip keepClip(String clipId);

    Clip describeClip(String clipId, String name, ClipDescription description);

    /** The clip's MP4 (its highest rendition) to save; the caller closes it. */
    InputStream openClipMp4(Clip clip);

    /**
     * The clip's own folder on this machine (to show in a file manager, and file: links for editing suites);
     * empty when its media is elsewhere ({@link Capabilities.Feature#LOCAL_FILES}).
     */
    Optional<Path> clipFolder(Clip clip);

    /** The clip's MP4 as a file on this machine, when it is one (see {@link #clipFolder}). */
    Optional<Path> clipMp4File(Clip clip);

    /**
     * Makes the clip again at [{@code fromMs}, {@code toMs}) from the DVR, keeping its title, description, exact cut
     * and life; the old clip goes ({@link Capabilities.Feature#ADJUST}).
     *
     * @return the corrected clip (a new id)
     * @throws io.clipdesk.engine.clip.ClipRejectedException ADJUST_OUTSIDE_DVR and the other clip rules
     */
    Clip adjustClip(String clipId, long fromMs, long toMs);

    /** Cuts a ready clip down inside its own media (when the DVR no longer holds its range); the old clip goes. */
    Clip trimClip(String clipId, long fromMs, long toMs);

    /** The first picture's segment of a ready clip in {@code rendition}, for the desk to decode a still of it. */
    SegmentMedia clipSegment(Clip clip, String rendition, int index);

    /** Queues a social version of a ready clip ({@link Capabilities.Feature#REFRAME}). */
    Reframe reframeClip(String clipId, ReframeAspect aspect, CropPath crop);

    /** The clip's social versions with their progress, in aspect order. */
    List<Reframe> reframes(String clipId);

    List<Video> videos();

    void deleteVideo(long videoId);

    /** The video's MP4 in {@code rendition}; the caller closes it. */
    InputStream openVideoMp4(Video video, String rendition);

    // ---- delivery

    // Where {@link Capabilities.Feature#DELIVER} is missing, each of these fails with the capability's sentence.

    /** The configured destinations, by name. */
    List<Destination> destinations();

    /**
     * Stores a new destination (id 0) or changes one.
     *
     * @throws io.clipdesk.engine.InvalidRequestException a rule of {@link Destination} or a name already taken
     */
    Destination saveDestination(Destination destination);

    /** Removes a destination and its auto-send rules; its unfinished sends fail with a receipt saying so. */
    void removeDestination(long destinationId);

    /**
     * Sends the clip as soon as it is ready; asking again while the same send is unfinished returns that one.
     *
     * @param origin {@link Delivery#BY_HAND}, or the tag of the rule that asked for it
     */
    Delivery sendClip(String clipId, long destinationId, String origin);

    /** The clip's sends with their receipts, newest first. */
    List<Delivery> deliveries(String clipId);

    List<AutoSend> autoSends();

    /** Sends every clip made with {@code tag} from now on to the destination; 0 stops doing so. */
    void autoSend(String tag, long destinationId);

    // ---- the desk's own settings (quick markers, listening level)

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    /** Ends what the backend runs for the desk (threads, connections); the embedded engine itself stays open. */
    @Override
    void close();
}
