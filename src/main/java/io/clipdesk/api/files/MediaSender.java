package io.clipdesk.api.files;

import io.clipdesk.api.http.ApiExchange;
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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Writes resolved media to the client: fixed length, one Range honoured (206/416), HEAD without a body.
 * A file is served only if no link lies between the data dir and it, so it cannot be outside the data dir.
 * Small immutable files come from {@link HotFiles}; the rest goes from the page cache to the socket by sendfile,
 * segments from a channel kept open across requests ({@link OpenFiles}).
 */
public final class MediaSender {

    private static final System.Logger LOG = System.getLogger(MediaSender.class.getName());
    private static final String GONE = "This media does not exist (any more): the clip may have expired or been deleted.";

    private final Path root;
    private final HotFiles hot;
    private final OpenFiles open;

    public MediaSender(Path dataRoot, HotFiles hot, OpenFiles open) {
        this.root = dataRoot.toAbsolutePath().normalize();
        this.hot = hot;
        this.open = open;
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
        try {
            Path real = file.path();
            BasicFileAttributes attributes = confined(real);
            long size = attributes.size();
            headers.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
            Optional<ByteRange> range = ByteRange.parse(ex.requestHeader("Range"), size);
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
            } else if (file.immutable() && HotFiles.fits(attributes)) {
                ex.sendBytes(status, hot.bytes(real, attributes), (int) first, (int) length);
            } else if (file.immutable() && OpenFiles.fits(attributes) && ex.sendsFilesByKernel()) {
                ex.sendSharedFile(status, open.acquire(real, attributes), first, length);
            } else {
                // Opened here, not by the event loop, so a file deleted since the stat is still a clean 404.
                ex.sendFile(status, FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                        first, length);
            }
        } catch (NoSuchFileException e) {
            open.forget(file.path());
            throw new NotFoundException(GONE);
        } catch (NotFoundException e) {
            open.forget(file.path());
            throw e;
        }
    }

    /**
     * The attributes of a regular file inside the data dir, or 404 when it is missing, not a regular file, or
     * reached through a link (which could lead out of the data dir). Checks each name below the data dir
     * without following links: a few lstat calls instead of resolving the whole path.
     */
    private BasicFileAttributes confined(Path path) throws IOException {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw refused();
        }
        Path walked = root;
        BasicFileAttributes attributes = null;
        for (Path name : root.relativize(normal)) {
            walked = walked.resolve(name);
            attributes = Files.readAttributes(walked, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                throw refused();
            }
        }
        if (!attributes.isRegularFile()) {
            throw new NotFoundException(GONE);
        }
        return attributes;
    }

    private static NotFoundException refused() {
        LOG.log(System.Logger.Level.WARNING, "refused to serve a media file reached through a link or outside the "
                + "data dir");
        return new NotFoundException(GONE);
    }
}
