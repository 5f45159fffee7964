package io.clipdesk.api;

import com.sun.net.httpserver.Headers;
import io.clipdesk.engine.MediaContent;
import io.clipdesk.engine.NotFoundException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Writes resolved media to the client: fixed length, one Range honoured (206/416), HEAD without a body.
 * A file is served only if its real path (symlinks resolved) lies inside the data dir. Small immutable
 * files come from {@link HotFiles}; the rest is read in chunks.
 */
final class MediaSender {

    /** A few writes per segment; small enough that the JDK's copies of each chunk stay in the CPU cache. */
    static final int CHUNK_BYTES = 128 * 1024;
    private static final System.Logger LOG = System.getLogger(MediaSender.class.getName());
    private static final String GONE = "This media does not exist (any more): the clip may have expired or been deleted.";

    private final Path realRoot;
    private final HotFiles hot;

    MediaSender(Path dataRoot, HotFiles hot) throws IOException {
        this.realRoot = dataRoot.toRealPath();
        this.hot = hot;
    }

    void send(ApiExchange ex, MediaContent content, String cacheControl) throws IOException {
        Headers headers = ex.responseHeaders();
        if (content instanceof MediaContent.TextContent text) {
            headers.set("Content-Type", text.contentType());
            headers.set("Cache-Control", cacheControl);
            ex.sendBytes(200, text.text().getBytes(StandardCharsets.UTF_8));
            return;
        }
        MediaContent.FileContent file = (MediaContent.FileContent) content;
        try {
            Path real = confined(file.path());
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new NotFoundException(GONE);
            }
            long size = attributes.size();
            headers.set("Accept-Ranges", "bytes");
            Optional<ByteRange> range = ByteRange.parse(ex.requestHeader("Range"), size);
            if (range.isPresent() && !range.get().satisfiable()) {
                throw new HttpProblem(416, "The requested range is outside the file, which is " + size
                        + " bytes long.", "Content-Range", range.get().contentRange());
            }
            headers.set("Content-Type", file.contentType());
            headers.set("Cache-Control", cacheControl);
            int status = range.isPresent() ? 206 : 200;
            long first = range.map(ByteRange::first).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            range.ifPresent(r -> headers.set("Content-Range", r.contentRange()));
            if (ex.isHead()) {
                ex.sendHeadersOnly(status, length);
            } else if (file.immutable() && HotFiles.fits(attributes)) {
                byte[] bytes = hot.bytes(real, attributes);
                write(bytes, (int) first, (int) length, ex.startBody(status, length), ex);
            } else {
                try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
                    copy(channel, first, length, ex.startBody(status, length), ex);
                }
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException(GONE);
        }
    }

    private static void write(byte[] bytes, int first, int length, OutputStream out, ApiExchange ex)
            throws IOException {
        try (out) {
            for (int offset = first, end = first + length; offset < end; offset += CHUNK_BYTES) {
                int n = Math.min(CHUNK_BYTES, end - offset);
                out.write(bytes, offset, n);
                ex.countSent(n);
            }
        }
    }

    private static void copy(FileChannel channel, long first, long length, OutputStream out, ApiExchange ex)
            throws IOException {
        if (length == 0) {
            return;
        }
        byte[] chunk = new byte[(int) Math.min(length, CHUNK_BYTES)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long position = first;
        long remaining = length;
        try (out) {
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(chunk.length, remaining));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("file shrank while being sent");
                }
                out.write(chunk, 0, read);
                position += read;
                remaining -= read;
                ex.countSent(read);
            }
        }
    }

    /** The file's real path, or 404 when it is missing or reaches outside the data dir through a link. */
    private Path confined(Path path) throws IOException {
        Path real = path.toRealPath();
        if (!real.startsWith(realRoot)) {
            LOG.log(System.Logger.Level.WARNING, "refused to serve a media file that resolves outside the data dir");
            throw new NotFoundException(GONE);
        }
        return real;
    }
}
