package io.clipdesk.api.files;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Confinement;
import io.clipdesk.api.http.HttpProblem;
import io.clipdesk.api.http.OpenFiles;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.storage.MediaContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Writes resolved media to the client: fixed length, one Range honoured (206/416), HEAD without a body.
 * A file is served only from inside the data dir, reached through no link ({@link Confinement}). Immutable files are
 * kept open between requests ({@link OpenFiles}), which checks that in one system call; small ones go from memory
 * ({@link HotFiles}), the rest from the page cache to the socket by sendfile.
 */
public final class MediaSender {

    private final Confinement confinement;
    private final HotFiles hot;
    private final OpenFiles open;

    public MediaSender(Confinement confinement, HotFiles hot, OpenFiles open) {
        this.confinement = confinement;
        this.hot = hot;
        this.open = open;
    }

    /**
     * Whether sending {@code content} opens no file: it is a file kept open. Opening one finds its kernel name by
     * listing the process's descriptors ({@link io.clipdesk.api.http.OpenFiles}): ~1 ms with 150 open, ~4 ms with
     * 1000, which an event loop serving every other connection must not spend.
     */
    boolean opensNothing(MediaContent content) {
        return content instanceof MediaContent.FileContent file && open.holds(file.path());
    }

    void send(ApiExchange ex, MediaContent content, String cacheControl) throws IOException {
        HttpHeaders headers = ex.responseHeaders();
        if (content instanceof MediaContent.TextContent text) {
            headers.set("Content-Type", text.contentType());
            headers.set("Cache-Control", cacheControl);
            ex.sendBytes(200, text.text().getBytes(StandardCharsets.UTF_8));
            return;
        }
        MediaContent.FileContent file = (MediaContent.FileContent) content;
        Path real = file.path();
        OpenFiles.Lease lease = file.immutable() ? open.kept(real) : null;
        try {
            BasicFileAttributes attributes;
            if (lease != null) {
                attributes = lease.attributes();
            } else {
                attributes = confinement.attributes(real);
                if (file.immutable() && OpenFiles.fits(attributes)) {
                    lease = open.acquire(real, attributes);
                    attributes = lease.attributes();
                }
            }
            long size = attributes.size();
            headers.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
            Optional<ByteRange> range = ByteRange.requested(ex.requestHeader(HttpHeaderNames.RANGE),
                    ex.requestHeader(HttpHeaderNames.IF_RANGE), size);
            if (range.isPresent() && !range.get().satisfiable()) {
                throw new HttpProblem(416, "The requested range is outside the file, which is " + size
                        + " bytes long.", "Content-Range", range.get().contentRange());
            }
            headers.set(HttpHeaderNames.CONTENT_TYPE, file.contentType());
            headers.set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
            int status = range.isPresent() ? 206 : 200;
            long first = range.map(ByteRange::first).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            range.ifPresent(r -> headers.set("Content-Range", r.contentRange()));
            if (ex.isHead()) {
                ex.sendHeadersOnly(status, length);
            } else if (lease != null && HotFiles.fits(attributes)) {
                ex.sendBytes(status, hot.bytes(real, attributes, lease.channel()), (int) first, (int) length);
            } else if (lease != null && ex.sendsFilesByKernel()) {
                OpenFiles.Lease sending = lease;
                lease = null; // released by the response once sent
                ex.sendSharedFile(status, sending, first, length);
            } else {
                // Opened here, not by the event loop, so a file deleted since the stat is still a clean 404.
                ex.sendFile(status, FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                        first, length);
            }
        } catch (NoSuchFileException e) {
            open.forget(real);
            throw new NotFoundException(Confinement.GONE);
        } catch (NotFoundException e) {
            open.forget(real);
            throw e;
        } finally {
            if (lease != null) {
                lease.release();
            }
        }
    }
}
