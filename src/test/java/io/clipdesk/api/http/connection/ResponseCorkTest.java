package io.clipdesk.api.http.connection;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cork's rule, message by message: which socket calls a connection makes for file responses, whole responses and
 * streams. (The bytes themselves are proved on a real server by HttpConnectionApiTest and StreamsAndMediaApiTest.)
 */
class ResponseCorkTest {

    private final List<String> calls = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ResponseCork(new ResponseCork.Socket() {
        @Override
        public void cork(boolean on) {
            calls.add(on ? "cork" : "uncork");
        }

        @Override
        public void push() {
            calls.add("push");
        }
    }));
    private FileChannel file;

    @AfterEach
    void close() throws Exception {
        channel.finishAndReleaseAll();
        if (file != null) {
            file.close();
        }
    }

    private void sendFile(Path dir) throws Exception {
        if (file == null) {
            file = FileChannel.open(Files.writeString(dir.resolve("seg.ts"), "segment bytes"));
        }
        channel.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.write(new DefaultFileRegion(file, 0, 7).retain());
        calls.add("(flush)");
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        drain();
    }

    private void sendWhole(String status) {
        ChannelFuture sent = channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(Integer.parseInt(status)), Unpooled.copiedBuffer(new byte[3])));
        assertEquals(true, sent.isSuccess());
        drain();
    }

    private void drain() {
        Object written;
        while ((written = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(written);
        }
    }

    @Test
    void fileResponses_corkOnce_beforeTheHeadGoes_andPushOncePerResponseAtItsEnd(@TempDir Path dir) throws Exception {
        sendFile(dir);
        sendFile(dir);
        sendFile(dir);
        assertEquals(List.of("cork", "(flush)", "push", "(flush)", "push", "(flush)", "push"), calls);
    }

    @Test
    void wholeResponses_onAConnectionThatNeverSentAFile_makeNoCall() {
        sendWhole("200");
        sendWhole("404");
        sendWhole("100");
        assertEquals(List.of(), calls);
    }

    @Test
    void wholeResponses_afterAFile_arePushedToo_soNoneWaitsForTheCorkTimer(@TempDir Path dir) throws Exception {
        sendFile(dir);
        sendWhole("200"); // a playlist between segments
        sendWhole("100"); // the aggregator's 100 Continue
        sendFile(dir);
        assertEquals(List.of("cork", "(flush)", "push", "push", "push", "(flush)", "push"), calls);
    }

    @Test
    void aStreamAfterAFile_uncorksTheConnection_soItsPiecesGoAsWritten(@TempDir Path dir) throws Exception {
        sendFile(dir);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set("Transfer-Encoding", "chunked");
        channel.writeAndFlush(head);
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(new byte[5])));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        drain();
        assertEquals(List.of("cork", "(flush)", "push", "uncork"), calls);
    }
}
