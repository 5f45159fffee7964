package io.clipdesk.bench;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.delivery.SendOutcome;
import io.clipdesk.engine.delivery.Shipment;
import io.clipdesk.transport.FolderTransport;
import io.clipdesk.transport.HttpTransport;
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
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery throughput of a 200 MiB file: into a watch folder on the data disk (temp name, fsync, rename) against a
 * plain copy with fsync on the same disk, and as a multipart POST to a Netty sink on loopback against curl posting the
 * same file to the same sink. The transports copy bytes and never look inside, so the file is random bytes.
 */
final class DeliveryBench {

    private static final int RUNS = 5;
    private static final int MIB = 200;

    static void run(Path work) throws Exception {
        BenchReport.section("Delivery of a " + MIB + " MiB MP4-sized file, median of " + RUNS);
        System.out.println("  " + Bench.loadAverage());
        Path file = work.resolve("clip.mp4");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(1);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < MIB; i++) {
                random.nextBytes(chunk);
                out.write(java.nio.ByteBuffer.wrap(chunk));
            }
        }
        long size = Files.size(file);
        Shipment shipment = new Shipment(clip(), file, size, "bench-1", "Bench_abcdefghij12");

        Path folder = Files.createDirectories(work.resolve("watch"));
        Destination watch = new Destination(1, "Watch", DestinationKind.FOLDER, folder.toString(), "");
        FolderTransport folderTransport = new FolderTransport();
        double[] ours = new double[RUNS];
        double[] plain = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            SendOutcome outcome = folderTransport.send(shipment, watch, b -> { });
            ours[i] = (System.nanoTime() - t) / 1e9;
            check(outcome);
            t = System.nanoTime();
            Path copy = work.resolve("plain.mp4");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            plain[i] = (System.nanoTime() - t) / 1e9;
        }
        report("watch folder (temp, fsync, rename)", "plain copy + fsync, same disk", size, ours, plain);

        try (Sink sink = new Sink()) {
            Destination http = new Destination(2, "Sink", DestinationKind.HTTP, sink.url(), "bench-token");
            HttpTransport httpTransport = new HttpTransport();
            check(httpTransport.send(shipment, http, b -> { })); // warm-up: JIT, connection
            double[] post = new double[RUNS];
            double[] curl = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                check(httpTransport.send(shipment, http, b -> { }));
                post[i] = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-H", "Authorization: Bearer x",
                        "-F", "file=@" + file + ";type=video/mp4", sink.url()).inheritIO().start();
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("curl failed");
                }
                curl[i] = (System.nanoTime() - t) / 1e9;
            }
            report("HTTP multipart POST, loopback (JDK HttpClient)", "curl -F, same sink", size, post, curl);
            BenchReport.line("bytes the sink took", (sink.bytes.get() >> 20) + " MiB",
                    "(" + (2 * RUNS + 1) + " uploads)");
        }
        System.out.println("  " + Bench.loadAverage());
    }

    private static void report(String ours, String reference, long size, double[] oursS, double[] refS) {
        double mine = size / 1e6 / BenchReport.median(oursS);
        double theirs = size / 1e6 / BenchReport.median(refS);
        BenchReport.line(ours, String.format(Locale.ROOT, "%.0f MB/s", mine), "");
        BenchReport.line(reference, String.format(Locale.ROOT, "%.0f MB/s", theirs), "(reference, same run)");
        BenchReport.line("ratio", String.format(Locale.ROOT, "%.2f", mine / theirs),
                "target >= 0.80  " + BenchReport.verdict(mine / theirs >= 0.8));
    }

    private static void check(SendOutcome outcome) {
        if (outcome.result() != SendOutcome.Result.DELIVERED) {
            throw new IllegalStateException("delivery failed: " + outcome.answer());
        }
    }

    private static Clip clip() {
        return new Clip("abcdefghij12", 1, "Bench", 1_700_000_000L, 60, 1_700_003_600L, 1_700_000_000_000L, false, 0,
                List.of("media_2_720"), ClipStatus.READY, "", 0, 60_000, ClipAccuracy.SEGMENT);
    }

    /** Takes any request body, counts it, answers 200. */
    private static final class Sink implements AutoCloseable {
        final AtomicLong bytes = new AtomicLong();
        private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("bench-sink", true), NioIoHandler.newFactory());
        private final Channel listener;

        Sink() {
            listener = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(),
                                    new SimpleChannelInboundHandler<HttpObject>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                            if (msg instanceof HttpContent content) {
                                                bytes.addAndGet(content.content().readableBytes());
                                            }
                                            if (msg instanceof LastHttpContent) {
                                                var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                        HttpResponseStatus.OK, Unpooled.wrappedBuffer(new byte[] {
                                                            'o', 'k'}));
                                                response.headers().set("Content-Length", 2);
                                                ctx.writeAndFlush(response);
                                            }
                                        }
                                    });
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        }

        String url() {
            return "http://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort() + "/in";
        }

        @Override
        public void close() {
            listener.close().syncUninterruptibly();
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
