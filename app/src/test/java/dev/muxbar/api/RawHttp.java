package dev.muxbar.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Raw bytes to the API's socket and the raw answer back: no client library tidies the request. */
final class RawHttp {
    private RawHttp() {}

    /**
     * Sends {@code raw}, half-closes, and reads the whole answer (10 s at most). The answer is read
     * while the request is still being written: a server that refuses a large body answers and
     * closes before it has read it all, and the answer must be taken in before the connection is
     * reset (a write that fails then is expected and ignored).
     */
    static String exchange(Path socket, String raw) throws Exception {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (c) {
            c.connect(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    readAll(c, out);
                    return out.toString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return out.size() > 0 ? out.toString(StandardCharsets.UTF_8) : "read failed: " + e;
                }
            });
            try {
                c.write(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
                c.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server answered and closed before reading everything: its answer is what counts
            }
            return answer.get(10, TimeUnit.SECONDS);
        }
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        return at < 0 ? "" : answer.substring(at + 4);
    }

    private static void readAll(SocketChannel c, ByteArrayOutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8192);
        while (c.read(b) >= 0) {
            out.write(b.array(), 0, b.position());
            b.clear();
        }
    }
}
