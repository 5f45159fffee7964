package io.clipdesk.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A live HLS origin for tests (on Netty, the app's HTTP library): serves pre-made MPEG-TS segments from a folder under a
 * sliding playlist the test grows segment by segment, each with the #EXT-X-PROGRAM-DATE-TIME the test chooses.
 * {@link #outage(boolean)} answers 503 to everything, as an origin that went away.
 */
public final class HlsOrigin implements AutoCloseable {

    private record Entry(String file, double durationS, long programDateTimeMs, boolean discontinuity) {
    }

    private static final int WINDOW = 6;

    private final Path folder;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hls-origin", true),
            NioIoHandler.newFactory());
    private final Channel listener;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private volatile boolean outage;

    /** Makes {@code seconds} one-second segments (seg000.ts …) of the CLI's H.264/AAC test picture and serves them. */
    public static HlsOrigin withSegments(Path folder, int seconds) throws IOException {
        Files.createDirectories(folder);
        FfmpegCli.run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                "-t", Integer.toString(seconds), "-f", "hls", "-hls_time", "1", "-hls_list_size", "0",
                "-hls_segment_filename", folder.resolve("seg%03d.ts").toString(),
                folder.resolve("made.m3u8").toString());
        return new HlsOrigin(folder);
    }

    private HlsOrigin(Path folder) {
        this.folder = folder;
        this.listener = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(8192), new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request)
                                            throws IOException {
                                        ctx.writeAndFlush(answer(new QueryStringDecoder(request.uri()).path()));
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    public String playlistUrl() {
        return "http://127.0.0.1:" + port() + "/live/index.m3u8";
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** {@code /live/{name}} answers 302 with {@code location} (taken as it is: relative or absolute). */
    public void redirect(String name, String location) {
        redirects.put(name, location);
    }

    /** Appends a segment at {@code uri} exactly as the playlist will name it (another host, a relative path…). */
    public synchronized void publishUri(String uri, long programDateTimeMs) {
        entries.add(new Entry(uri, 1.0, programDateTimeMs, false));
    }

    /** Appends segment {@code index} (seg{index}.ts), stamped {@code programDateTimeMs}. */
    public synchronized void publish(int index, long programDateTimeMs, boolean discontinuity) {
        entries.add(new Entry(String.format("seg%03d.ts", index), 1.0, programDateTimeMs, discontinuity));
    }

    public void outage(boolean on) {
        outage = on;
    }

    private synchronized String playlist() {
        int first = Math.max(0, entries.size() - WINDOW);
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n");
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        for (Entry e : entries.subList(first, entries.size())) {
            if (e.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(Instant.ofEpochMilli(e.programDateTimeMs())).append('\n');
            out.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", e.durationS())).append(e.file()).append('\n');
        }
        return out.toString();
    }

    private FullHttpResponse answer(String path) throws IOException {
        String name = path.replaceFirst("^/live/", "");
        if (outage) {
            return response(HttpResponseStatus.SERVICE_UNAVAILABLE, new byte[0]);
        } else if (redirects.containsKey(name)) {
            FullHttpResponse moved = response(HttpResponseStatus.FOUND, "moved".getBytes(StandardCharsets.UTF_8));
            moved.headers().set("Location", redirects.get(name));
            return moved;
        } else if (name.equals("index.m3u8")) {
            return response(HttpResponseStatus.OK, playlist().getBytes(StandardCharsets.UTF_8));
        } else if (name.matches("seg[0-9]{3}\\.ts") && Files.exists(folder.resolve(name))) {
            return response(HttpResponseStatus.OK, Files.readAllBytes(folder.resolve(name)));
        }
        return response(HttpResponseStatus.NOT_FOUND, new byte[0]);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set("Content-Length", body.length);
        return response;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
