package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer is sent whole ({@link WholeResponses}): its HTTP/2 stream ends on the frame that carries its body,
 * not with an empty frame after it. A load balancer in front of replicas relies on it: a replica killed between
 * the body and a separate end-of-stream frame leaves a response HAProxy has begun forwarding and can neither
 * finish nor retry (issue 21's failover). Checked with a raw HTTP/2 client that sees the frames.
 */
class ResponseFramesTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static SearchIndex index;
    private static ChatdaServer server;
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument(
                "https://example.org/deadlock", "교착상태", List.of(), "두 프로세스가 서로의 자원을 기다린다. redis", "example.org", "ko"));
        index.commit(Map.of());
        var suggester = CompletionIndex.build(List.of(new SuggestEntry("교착상태", 1, SuggestEntry.Kind.TITLE, "u")));
        server = new ChatdaServer(ServerSettings.onPort(0), ServedData.fixed(index, () -> suggester));
        server.start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        server.close();
        index.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/search?q=redis",
                "/api/suggest?q=%EA%B5%90",
                "/search?q=redis",
                "/api/search?q=",
                "/api/search?q=redis&size=100000",
                "/"
            })
    void theBodyFrameEndsTheStream(String path) throws Exception {
        List<String> frames = frames(path);
        assertThat(frames).as(path).first().asString().startsWith("HEADERS");
        assertThat(frames).as(path).last().asString().matches("DATA [1-9][0-9]* END_STREAM");
        assertThat(frames).as(path).noneMatch(f -> f.startsWith("DATA 0"));
    }

    /** The frames of one GET's response stream, as "HEADERS[ END_STREAM]" and "DATA length[ END_STREAM]". */
    private static List<String> frames(String path) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        ChannelInboundHandlerAdapter recorder = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof Http2HeadersFrame h) {
                        frames.add("HEADERS" + (h.isEndStream() ? " END_STREAM" : ""));
                    } else if (msg instanceof Http2DataFrame d) {
                        frames.add("DATA " + d.content().readableBytes() + (d.isEndStream() ? " END_STREAM" : ""));
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        };
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        Http2FrameCodecBuilder.forClient().build(),
                                        new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                })
                .connect("127.0.0.1", server.port())
                .sync()
                .channel();
        try {
            Http2StreamChannel stream = new Http2StreamChannelBootstrap(channel)
                    .handler(recorder)
                    .open()
                    .sync()
                    .getNow();
            DefaultHttp2Headers headers = new DefaultHttp2Headers();
            headers.method("GET").scheme("http").authority("127.0.0.1").path(path);
            stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true)).sync();
            List<String> seen = new java.util.ArrayList<>();
            while (seen.isEmpty() || !seen.get(seen.size() - 1).endsWith("END_STREAM")) {
                String frame = frames.poll(10, TimeUnit.SECONDS);
                assertThat(frame).as("a frame of %s after %s", path, seen).isNotNull();
                seen.add(frame);
            }
            return seen;
        } finally {
            channel.close().sync();
        }
    }
}
