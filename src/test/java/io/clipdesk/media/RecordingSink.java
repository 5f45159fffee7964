package io.clipdesk.media;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.testing.LiveFeed;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what a source delivers (files stay in its incoming folder) and every health change. */
public final class RecordingSink implements SegmentSink {

    public record HealthChange(SourceHealth health, String detail) {
    }

    public final List<SegmentDraft> segments = new CopyOnWriteArrayList<>();
    public final List<HealthChange> health = new CopyOnWriteArrayList<>();
    public final List<List<Rendition>> renditions = new CopyOnWriteArrayList<>();
    private final Path dir;

    public RecordingSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path incomingDir() {
        return dir;
    }

    @Override
    public void accept(SegmentDraft draft) {
        segments.add(draft);
    }

    @Override
    public void renditions(List<Rendition> ladder) {
        renditions.add(List.copyOf(ladder));
    }

    @Override
    public void health(SourceHealth h, String detail) {
        health.add(new HealthChange(h, detail));
    }

    public void awaitSegments(int count) {
        LiveFeed.await(count + " segments", () -> segments.size() >= count);
    }

    public void awaitHealth(SourceHealth wanted, String detailPart) {
        try {
            LiveFeed.await(wanted + " \"" + detailPart + "\"", () -> health.stream()
                    .anyMatch(h -> h.health() == wanted && h.detail().contains(detailPart)));
        } catch (AssertionError e) {
            throw new AssertionError("health so far: " + health, e);
        }
    }
}
