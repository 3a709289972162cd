package dev.muxbar.hosts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts ssh for a {@link HostLink}: no stdin, output and errors into a file of the link's private
 * dir (no thread reads them), the exit code through {@link Process#onExit}.
 */
public final class ProcessSpawner implements HostLink.Spawner {

    @Override
    public HostLink.Spawned start(List<String> argv, Path out) throws IOException {
        Process p = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        CompletableFuture<Integer> exit = p.onExit().thenApply(Process::exitValue);
        return new HostLink.Spawned() {
            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }

            @Override
            public void kill() {
                p.destroy(); // ssh ends its master connection and the forwards on SIGTERM
            }
        };
    }
}
