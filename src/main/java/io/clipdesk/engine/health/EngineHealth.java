package io.clipdesk.engine.health;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.storage.DiskStatus;
import io.clipdesk.engine.stream.DefaultStreamService;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The problems the engine owns up to: a full disk, and each stream whose ingest is down. Sentences only, never a
 * path or a source address: /health answers without a key.
 */
public final class EngineHealth implements HealthService {

    private final DefaultStreamService streams;

    public EngineHealth(DefaultStreamService streams) {
        this.streams = streams;
    }

    @Override
    public HealthReport report() {
        DiskStatus disk = streams.disk();
        List<String> problems = new ArrayList<>();
        disk.problem().ifPresent(problems::add);
        List<LiveStream> all = streams.list();
        for (LiveStream stream : all) {
            try {
                problem(stream.id(), streams.state(stream.id()).health()).ifPresent(problems::add);
            } catch (NotFoundException e) {
                // Deleted meanwhile: nothing wrong with it any more.
            }
        }
        return new HealthReport(all.size(), disk, problems);
    }

    static Optional<String> problem(long streamId, SourceHealth health) {
        String stream = "Stream " + streamId + ": ";
        return Optional.ofNullable(switch (health) {
            case LIVE, STARTING -> null;
            case STALLED -> stream + "ingest is stalled, no new media is arriving from its source.";
            case DISCONNECTED -> stream + "ingest is down, its source is not connected.";
            case STOPPED -> stream + "ingest is not running.";
            case DISK_FULL -> stream + "not recording, the data folder's disk is full; recording resumes by itself "
                    + "when space is freed.";
        });
    }
}
