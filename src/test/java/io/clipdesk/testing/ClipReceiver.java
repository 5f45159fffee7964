package io.clipdesk.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A CMS endpoint for delivery tests, on Netty: takes {@code multipart/form-data} POSTs, decodes their parts and keeps
 * what each request carried and what it was answered. A script says what to answer the n-th request (1-based),
 * including {@link Answer#HOLD}: read the upload and never answer, as a receiver that is still busy when the sender
 * dies.
 */
public final class ClipReceiver implements AutoCloseable {

    /** What to answer; status 0 is {@link #HOLD}. */
    public record Answer(int status, String body) {
        public static final Answer HOLD = new Answer(0, "");

        public static Answer of(int status, String body) {
            return new Answer(status, body);
        }
    }

    /** One request as it arrived: headers, the parts by name (bytes), and the status it got (0 if held). */
    public record Received(String authorization, String idempotencyKey, String contentType,
                           Map<String, byte[]> parts, Map<String, String> fileNames, int answeredStatus) {

        public String text(String part) {
            return new String(parts.get(part), StandardCharsets.UTF_8);
        }
    }

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("clip-receiver", true), NioIoHandler.newFactory());
    private final Channel listener;
    private final IntFunction<Answer> script;
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch bodyArriving = new CountDownLatch(1);
    private int requests;

    public ClipReceiver(IntFunction<Answer> script) {
        this.script = script;
        this.listener = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new Upload());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    /** Answers every request with {@code status} and {@code body}. */
    public static ClipReceiver always(int status, String body) {
        return new ClipReceiver(n -> Answer.of(status, body));
    }

    public String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort() + "/api/clips";
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests whose headers arrived, answered or not. */
    public synchronized int requests() {
        return requests;
    }

    /** Waits until the body of some request has begun to arrive. */
    public boolean awaitBodyArriving(long seconds) throws InterruptedException {
        return bodyArriving.await(seconds, TimeUnit.SECONDS);
    }

    private final class Upload extends SimpleChannelInboundHandler<HttpObject> {

        private HttpRequest head;
        private Answer answer;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws IOException {
            if (msg instanceof HttpRequest request) {
                head = request;
                body.reset();
                synchronized (ClipReceiver.this) {
                    answer = script.apply(++requests);
                }
            }
            if (msg instanceof HttpContent content) {
                ByteBuf bytes = content.content();
                if (bytes.isReadable()) {
                    bodyArriving.countDown();
                }
                bytes.readBytes(body, bytes.readableBytes());
                if (msg instanceof LastHttpContent) {
                    finish(ctx);
                }
            }
        }

        private void finish(ChannelHandlerContext ctx) {
            DefaultFullHttpRequest full = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, head.method(), head.uri(),
                    Unpooled.wrappedBuffer(body.toByteArray()));
            full.headers().set(head.headers());
            Map<String, byte[]> parts = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), full);
            try {
                for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                    if (data instanceof FileUpload upload) {
                        parts.put(upload.getName(), upload.get());
                        names.put(upload.getName(), upload.getFilename());
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                decoder.destroy();
                full.release();
            }
            synchronized (ClipReceiver.this) {
                received.add(new Received(head.headers().get("Authorization"), head.headers().get("Idempotency-Key"),
                        head.headers().get("Content-Type"), parts, names, answer.status()));
            }
            if (answer.status() == 0) {
                return;
            }
            byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(text));
            response.headers().set("Content-Length", text.length).set("Content-Type", "text/plain; charset=utf-8");
            ctx.writeAndFlush(response);
        }
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
