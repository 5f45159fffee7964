package io.clipdesk.api.http.connection;

import io.clipdesk.api.http.ErrorMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a request's {@code Expect} header through {@link ErrorMapper} rather than with the aggregator's bare
 * 417 or 413: an expectation other than {@code 100-continue}, or {@code 100-continue} announcing a body over the
 * limit, is passed on as a failed request, and whatever body the client still sends is dropped up to its end so
 * the connection stays in step. {@code 100-continue} within the limit passes, and the aggregator sends the 100.
 * One instance per connection, used on its event loop only.
 */
public final class ExpectationGuard extends ChannelInboundHandlerAdapter {

    /** The cause of a request refused for its expectation; its message is the sentence the client gets. */
    public static final class Unmet extends DecoderException {

        Unmet(String message) {
            super(message);
        }
    }

    private final long maxBodyBytes;
    private boolean dropping;

    ExpectationGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request) {
            Throwable refusal = refusal(request);
            if (refusal != null) {
                dropping = !(message instanceof LastHttpContent);
                ctx.fireChannelRead(HttpPipeline.failed(request, refusal));
                ReferenceCountUtil.release(message);
                return;
            }
        } else if (dropping && message instanceof HttpContent content) {
            dropping = !(content instanceof LastHttpContent);
            content.release();
            return;
        }
        ctx.fireChannelRead(message);
    }

    private Throwable refusal(HttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return null; // already refused by the parser; its own answer says why
        }
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        // RFC 9110 §10.1.1: an HTTP/1.0 request's expectation is ignored, as Netty's aggregator does.
        boolean expectations = request.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0;
        if (expectations && expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)) {
            return new Unmet("The server cannot meet 'Expect: " + printable(expect) + "'; the only expectation it "
                    + "meets is 100-continue. Send the request again without that Expect header.");
        }
        if (HttpUtil.is100ContinueExpected(request) && HttpUtil.getContentLength(request, 0L) > maxBodyBytes) {
            return new TooLongFrameException("announced body too large");
        }
        return null;
    }

    /** Echo the header only if it is plain, so an error body never reflects odd bytes back. */
    private static String printable(String value) {
        return value != null && value.matches("[A-Za-z0-9=;,._\\- ]{1,64}") ? value : "…";
    }
}
