package io.clipdesk.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipdesk.api.http.connection.ExpectationGuard;
import io.clipdesk.api.http.connection.RequestDeadlines;
import io.clipdesk.api.wire.JsonBody;
import io.clipdesk.api.wire.QueryParams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.stream.ChunkedNioFile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * One request and its response, as the handlers see it: path parameters, the JSON body, absolute URLs,
 * and response writers that remember status and size for the request log. Exactly one response is
 * written per exchange; writes are handed to the connection's event loop, which sends files with
 * sendfile (no copy through the JVM).
 */
public final class ApiExchange {

    static final String JSON = "application/json";
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** A TLS record carries at most 16 KiB; a few per read keeps the copies few and the memory small. */
    private static final int TLS_CHUNK_BYTES = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final FullHttpRequest request;
    private final HttpHeaders responseHeaders = new DefaultHttpHeaders();
    private final ObjectMapper mapper;
    private final Addressing addressing;
    private final String path;
    private List<String> params = List.of();
    /** What answers this request when known before routing (media already resolved), else null. */
    private Route.Action route;
    private int status;
    /** Written by the events hub's thread for a stream that stays open; read by the access log at its end. */
    private volatile long bytesSent;
    private ChannelFuture sent;

    ApiExchange(ChannelHandlerContext ctx, FullHttpRequest request, ObjectMapper mapper, Addressing addressing) {
        this.ctx = ctx;
        this.request = request;
        this.mapper = mapper;
        this.addressing = addressing;
        this.path = rawPath(request.uri());
    }

    public String method() {
        return request.method().name();
    }

    /** The raw (still percent-encoded) path; never the query, which may carry secrets. */
    public String path() {
        return path;
    }

    public boolean isHead() {
        return HttpMethod.HEAD.equals(request.method());
    }

    void params(List<String> values) {
        params = List.copyOf(values);
    }

    void route(Route.Action action) {
        route = action;
    }

    Route.Action route() {
        return route;
    }

    public String param(int index) {
        return params.get(index);
    }

    public long longParam(int index) {
        return Long.parseLong(params.get(index));
    }

    public String requestHeader(CharSequence name) {
        return request.headers().get(name);
    }

    public HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    /** The query string's parameters (Gcore's list filters and pages). */
    public QueryParams query() {
        return QueryParams.of(request.uri());
    }

    /** The JSON body; the pipeline has already refused bodies over {@link #MAX_BODY_BYTES} with 413. */
    public JsonBody body() {
        return JsonBody.parse(ByteBufUtil.getBytes(request.content()), mapper);
    }

    /**
     * The configured public base URL, else scheme://host:port as the client reached this server (its Host
     * header, or the address of this connection).
     */
    public String baseUrl() {
        return addressing.baseUrl(requestHeader("Host"), (InetSocketAddress) ctx.channel().localAddress());
    }

    /** The host an encoder should push to, as this client sees the server. */
    public String pushHost() {
        return addressing.pushHost(baseUrl());
    }

    public String absolute(String rootRelativePath) {
        return baseUrl() + rootRelativePath;
    }

    public void sendJson(int code, Object value) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        responseHeaders.set("Content-Type", JSON);
        sendBytes(code, bytes);
    }

    public void sendBytes(int code, byte[] bytes) {
        sendBuffer(code, Unpooled.wrappedBuffer(bytes));
    }

    /** A body from memory: {@code length} bytes of {@code bytes} from {@code first}. */
    public void sendBytes(int code, byte[] bytes, int first, int length) {
        sendBuffer(code, Unpooled.wrappedBuffer(bytes, first, length));
    }

    public void sendNoContent() {
        respond(204, Unpooled.EMPTY_BUFFER);
    }

    /**
     * A body of {@code length} bytes of {@code file} from {@code first}, sent by the kernel (sendfile), or under
     * TLS read in chunks to be encrypted; the channel is closed once sent or when the connection drops.
     */
    public void sendFile(int code, FileChannel file, long first, long length) throws IOException {
        if (length == 0) {
            sendBuffer(code, Unpooled.EMPTY_BUFFER);
            closeQuietly(file);
            return;
        }
        markStarted(code);
        responseHeaders.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                responseHeaders);
        bytesSent += length;
        if (addressing.tls()) {
            ctx.write(head);
            ctx.write(new ChunkedNioFile(file, first, length, TLS_CHUNK_BYTES));
            sent = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        sendRegion(head, new DefaultFileRegion(file, first, length));
    }

    /** Whether files go out by sendfile (plain HTTP), so {@link #sendSharedFile} may be used. */
    public boolean sendsFilesByKernel() {
        return !addressing.tls();
    }

    /**
     * As {@link #sendFile} for a channel other responses share (plain HTTP only): the lease is released, not the
     * channel closed, once sent or when the connection drops.
     */
    public void sendSharedFile(int code, OpenFiles.Lease lease, long first, long length) {
        if (addressing.tls()) {
            lease.release();
            throw new IllegalStateException("a shared channel cannot be sent through TLS");
        }
        if (length == 0) {
            lease.release();
            sendBuffer(code, Unpooled.EMPTY_BUFFER);
            return;
        }
        markStarted(code);
        responseHeaders.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        bytesSent += length;
        sendRegion(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code), responseHeaders),
                new DefaultFileRegion(lease.channel(), first, length) {
                    @Override
                    protected void deallocate() {
                        lease.release();
                    }
                });
    }

    /** The head and the file leave in one flush, so {@link ResponseCork} can send them in the same packet. */
    private void sendRegion(DefaultHttpResponse head, DefaultFileRegion region) {
        ctx.write(head);
        ctx.write(region);
        sent = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /**
     * Starts a response that stays open (Server-Sent Events): the head goes now, chunked, and {@link #sent()} is
     * the connection's end, so this connection answers nothing else meanwhile (no read deadline runs while the
     * server has the turn, see {@link RequestDeadlines}).
     */
    public void startStream(String contentType) {
        markStarted(200);
        responseHeaders.set("Content-Type", contentType);
        responseHeaders.set("Transfer-Encoding", "chunked");
        ctx.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, responseHeaders));
    }

    /**
     * One piece of a started stream, from any thread. A client that does not read is cut rather than buffered
     * for: a follower resumes where it was, so nothing is lost by cutting it.
     */
    public void stream(ByteBuf piece) {
        if (!ctx.channel().isWritable()) {
            piece.release();
            ctx.close();
            return;
        }
        bytesSent += piece.readableBytes();
        ctx.writeAndFlush(new DefaultHttpContent(piece)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /** Ends a started stream with its last chunk, then closes the connection (it served nothing else meanwhile). */
    public void endStream() {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    }

    /** Whether the connection is still open (a stream ends when its client goes). */
    public boolean isOpen() {
        return ctx.channel().isActive();
    }

    /** HEAD: the headers a GET would send, Content-Length included, and no body. */
    public void sendHeadersOnly(int code, long length) {
        responseHeaders.set("Content-Length", Long.toString(length));
        respond(code, Unpooled.EMPTY_BUFFER);
    }

    private void sendBuffer(int code, ByteBuf body) {
        if (isHead()) {
            sendHeadersOnly(code, body.readableBytes());
            return;
        }
        int length = body.readableBytes();
        responseHeaders.set("Content-Length", Integer.toString(length));
        respond(code, body);
        bytesSent += length;
    }

    private void respond(int code, ByteBuf body) {
        markStarted(code);
        sent = ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                body, responseHeaders, EmptyHttpHeaders.INSTANCE));
    }

    private void markStarted(int code) {
        if (status != 0) {
            throw new IllegalStateException("a response was already sent for " + method() + " " + path);
        }
        status = code;
    }

    /**
     * Completes when the response has been handed to the kernel, or when the connection was cut because none
     * could be written.
     */
    public ChannelFuture sent() {
        return sent != null ? sent : ctx.channel().closeFuture();
    }

    /** Cuts the connection: the client sees a short response instead of a wrong one. */
    public void abort() {
        ctx.close();
    }

    boolean isWellFormed() {
        return request.decoderResult().isSuccess();
    }

    /**
     * Refuses what the parser could not take, closing the connection after the answer since the rest of the
     * request (an oversized body, a broken header) is still on the wire.
     */
    void requireWellFormed() {
        if (isWellFormed()) {
            return;
        }
        DecoderResult result = request.decoderResult();
        Throwable cause = result.cause();
        if (cause instanceof ExpectationGuard.Unmet unmet) {
            throw new HttpProblem(417, unmet.getMessage()); // its body, if any, is dropped: the connection goes on
        }
        responseHeaders.set("Connection", "close");
        if (cause instanceof TooLongHttpLineException) {
            throw new HttpProblem(414, "The request line is longer than the server accepts; media and API paths "
                    + "are short.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            throw new HttpProblem(431, "The request headers are larger than the server accepts (8 KiB).");
        }
        if (cause instanceof TooLongFrameException) {
            throw new HttpProblem(413, "The request body is larger than " + MAX_BODY_BYTES
                    + " bytes; clip and stream requests are small JSON objects.");
        }
        throw new HttpProblem(400, "The request is not valid HTTP/1.1; check the client.");
    }

    boolean responseStarted() {
        return status != 0;
    }

    int status() {
        return status;
    }

    long bytesSent() {
        return bytesSent;
    }

    /** The path of an origin-form ("/a/b?q") or absolute-form ("http://h/a/b") request target, still encoded. */
    static String rawPath(String target) {
        if (target.startsWith("/")) {
            int end = target.length();
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c == '?' || c == '#') {
                    end = i;
                    break;
                }
            }
            return target.substring(0, end);
        }
        try {
            String raw = new URI(target).getRawPath();
            return raw == null || raw.isEmpty() ? "/" : raw;
        } catch (URISyntaxException e) {
            return target; // matches no route: 404
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
