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

    /** Sends {@code raw}, half-closes, and reads the whole answer (10 s at most). */
    static String exchange(Path socket, String raw) throws Exception {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (c) {
            c.connect(UnixDomainSocketAddress.of(socket));
            c.write(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
            c.shutdownOutput();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(readAll(c), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            }).get(10, TimeUnit.SECONDS);
        }
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        return at < 0 ? "" : answer.substring(at + 4);
    }

    private static byte[] readAll(SocketChannel c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(8192);
        while (c.read(b) >= 0) {
            out.write(b.array(), 0, b.position());
            b.clear();
        }
        return out.toByteArray();
    }
}
