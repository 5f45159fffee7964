package io.clipdesk.media.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.clip.Remuxer;
import io.clipdesk.media.DurableFile;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.segment.TsSegmentReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * TS segments → one MP4 by packet copy, in-process (no ffmpeg process, no re-encode). Stateless and thread-safe:
 * each call has its own demuxers and muxer, so clip cuts may run it in parallel.
 */
public final class FfmpegRemuxer implements Remuxer {

    public FfmpegRemuxer() {
        MediaRuntime.warmUp();
    }

    @Override
    public RemuxResult toMp4(List<Path> tsSegments, Path mp4) {
        if (tsSegments.isEmpty()) {
            throw new MediaException("no segments to remux into " + mp4.getFileName());
        }
        Path target = mp4.toAbsolutePath();
        Path temp = tempFile(target);
        try {
            long durationUs = remux(tsSegments, temp);
            DurableFile.sync(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new RemuxResult(durationUs, Files.size(target));
        } catch (IOException e) {
            throw new MediaException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            temp.toFile().delete();
        }
    }

    private static long remux(List<Path> segments, Path temp) {
        Mp4Writer writer = null;
        try {
            for (int i = 0; i < segments.size(); i++) {
                try (TsSegmentReader reader = new TsSegmentReader(segments.get(i), i == 0)) {
                    if (writer == null) {
                        writer = new Mp4Writer(temp, reader);
                    }
                    writer.append(reader);
                }
            }
            return writer.finish();
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static Path tempFile(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".part");
        } catch (IOException e) {
            throw new MediaException("cannot write into " + target.getParent() + ": " + e.getMessage(), e);
        }
    }
}
