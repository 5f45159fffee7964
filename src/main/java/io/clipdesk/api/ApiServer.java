package io.clipdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clipdesk.api.clips.ClipsHandler;
import io.clipdesk.api.events.EventHub;
import io.clipdesk.api.events.EventsHandler;
import io.clipdesk.api.files.HotFiles;
import io.clipdesk.api.files.MediaHandler;
import io.clipdesk.api.files.MediaSender;
import io.clipdesk.api.health.HealthHandler;
import io.clipdesk.api.http.AccessLog;
import io.clipdesk.api.http.Addressing;
import io.clipdesk.api.http.ApiHandler;
import io.clipdesk.api.http.Confinement;
import io.clipdesk.api.http.ErrorMapper;
import io.clipdesk.api.http.OpenFiles;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.http.Router;
import io.clipdesk.api.http.connection.HttpPipeline;
import io.clipdesk.api.streams.StreamsHandler;
import io.clipdesk.api.videos.VideosHandler;
import io.clipdesk.engine.stream.StreamService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Gcore-compatible REST API and media server over Netty. Started on a bind address and port (0 = any
 * free port), speaking HTTP or, given a certificate, HTTPS. Connections live on {@code http-io-N} event loops (epoll where available), which parse
 * requests and send files by sendfile; handlers run on the {@code http-N} pool because they may wait on the
 * database. {@link #close()} stops listening, drops open connections and ends both kinds of threads. It owns
 * no engine state: close the engine separately, after the server.
 */
public final class ApiServer implements AutoCloseable {

    private static final int BACKLOG = 512;
    /** Memory for copies of hot small media files (playlists many viewers fetch at once). */
    private static final long HOT_FILES_BYTES = 16L << 20;
    /** Segment files kept open between requests (a few viewers' worth of several renditions and clips). */
    private static final int OPEN_FILES = 256;

    private final Channel listener;
    private final EventLoopGroup loops;
    private final ExecutorService pool;
    private final AccessLog accessLog;
    private final String baseUrl;
    private final EventHub events;
    private final OpenFiles openFiles;
    private final StreamService streams;

    private ApiServer(Channel listener, EventLoopGroup loops, ExecutorService pool, AccessLog accessLog,
                      String baseUrl, EventHub events, OpenFiles openFiles, StreamService streams) {
        this.streams = streams;
        this.events = events;
        this.openFiles = openFiles;
        this.listener = listener;
        this.loops = loops;
        this.pool = pool;
        this.accessLog = accessLog;
        this.baseUrl = baseUrl;
    }

    /** Starts with the access log on standard error. */
    public static ApiServer start(ApiConfig config, ApiBackend backend) throws IOException {
        return start(config, backend, new BufferedWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
    }

    /** Starts with the access log written to {@code accessLogSink} (flushed after each batch of lines). */
    public static ApiServer start(ApiConfig config, ApiBackend backend, Writer accessLogSink) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port());
        SslContext tls = config.tls().isPresent() ? config.tls().get().serverContext() : null;
        ExecutorService pool = newPool(config.threads());
        AccessLog accessLog = new AccessLog(accessLogSink);
        EventHub events = new EventHub(backend.changes(), backend.streams(), backend.clips(), backend.videos(),
                objectMapper());
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Netty samples one buffer in 128 for leaks, recording where each is touched: ~1 % of a media request's
            // CPU in a profile. Asked for with -Dio.netty.leakDetection.level, it is kept.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> listenerType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("http-io", true), io);
        Confinement confinement = new Confinement(backend.layout().root());
        OpenFiles openFiles = new OpenFiles(confinement, OPEN_FILES, backend.clock());
        loops.next().scheduleAtFixedRate(openFiles::sweep, OpenFiles.IDLE_MS, OpenFiles.IDLE_MS, TimeUnit.MILLISECONDS);
        try {
            ChannelFuture bound = new ServerBootstrap()
                    .group(loops)
                    .channel(listenerType)
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new HttpPipeline(handler(config, backend, accessLog, events, confinement, openFiles), pool, config.limits(), tls))
                    .bind(address).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.port() + " ("
                        + bound.cause().getMessage() + "); is another server using this port? Choose another "
                        + "with --port.", bound.cause());
            }
            Channel listener = bound.channel();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            String base = (tls != null ? "https" : "http") + "://" + Addressing.hostForUrl(config.bindAddress()) + ":" + port;
            // Known only now when the port was chosen at bind: from here on no push stream may be put on it.
            backend.streams().reserveApiPort(port);
            return new ApiServer(listener, loops, pool, accessLog, config.publicBase().orElse(base), events,
                    openFiles, backend.streams());
        } catch (IOException | RuntimeException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            openFiles.close();
            pool.shutdown();
            events.close();
            accessLog.close();
            throw e;
        }
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Where clients reach this server: the public base URL if configured, else http://bind:port. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        int port = port();
        listener.close().syncUninterruptibly();
        streams.releaseApiPort(port);
        // Closing the loops closes every open connection; no quiet period: nothing is half-written that matters.
        loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        openFiles.close();
        events.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        accessLog.close();
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    private static ApiHandler handler(ApiConfig config, ApiBackend backend, AccessLog accessLog, EventHub events,
                                      Confinement confinement, OpenFiles openFiles) {
        List<Route> routes = new ArrayList<>();
        // Media first: it is by far the most requested.
        MediaHandler media = new MediaHandler(backend.media(), backend.clock(),
                new MediaSender(confinement, new HotFiles(HOT_FILES_BYTES), openFiles));
        routes.addAll(media.routes());
        routes.addAll(new HealthHandler(backend.health()).routes());
        routes.addAll(new ClipsHandler(backend.clips(), backend.streams(), backend.reframes()).routes());
        routes.addAll(new StreamsHandler(backend.streams()).routes());
        routes.addAll(new VideosHandler(backend.videos()).routes());
        routes.addAll(new EventsHandler(events, backend.streams()).routes());
        return new ApiHandler(new Router(routes), new ErrorMapper(backend.clock()), accessLog,
                config.apiKey(), objectMapper(), backend.clock(),
                new Addressing(config.publicBaseUrl(), config.tls().isPresent(), backend.ingestBind()),
                media::resolvedAction);
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
