package dev.muxbar.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end for {@link HostCheck}: no stdin, its output read on two threads and kept
 * up to {@link #MAX_OUTPUT} bytes each (a hostile or broken remote cannot fill memory), killed after
 * the timeout. For the CLI (a one-shot JVM), never the daemon.
 */
public final class ProcessRunner implements HostCheck.Runner {

    static final int MAX_OUTPUT = 1 << 20;

    @Override
    public HostCheck.Ran run(List<String> argv, long timeoutMs) throws IOException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new HostCheck.Ran(-1, "", "timed out after " + timeoutMs / 1000 + " s", timeoutMs);
            }
            return new HostCheck.Ran(p.exitValue(), out.join(), err.join(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** At most {@link #MAX_OUTPUT} bytes; the rest is read and dropped, so the process never blocks. */
    private static String read(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
