package dev.muxbar.tmux;

import dev.muxbar.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TmuxGateway} for tests: records every command and refresh, and answers refreshes with
 * futures the test completes (so it controls when a refresh "lands").
 */
public final class FakeTmux implements TmuxGateway {

    public final List<String> commands = new ArrayList<>();
    public final List<CompletableFuture<Snapshot>> refreshes = new ArrayList<>();
    /** The parts each refresh asked for, in order. */
    public final List<Set<Formats.Part>> refreshParts = new ArrayList<>();
    public final List<CompletableFuture<Map<String, Snapshot.PaneProcess>>> scans = new ArrayList<>();
    public boolean closed;
    /** What {@link #run} answers for a command line; by default nothing (an empty reply). */
    public java.util.function.Function<String, List<String>> answer = c -> List.of();

    @Override
    public CompletableFuture<Snapshot> refresh(Set<Formats.Part> parts, Map<String, Snapshot.PaneProcess> processes) {
        refreshParts.add(Set.copyOf(parts));
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        refreshes.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Map<String, Snapshot.PaneProcess>> paneProcesses() {
        CompletableFuture<Map<String, Snapshot.PaneProcess>> f = new CompletableFuture<>();
        scans.add(f);
        return f;
    }

    @Override
    public CompletableFuture<List<String>> run(String commandLine) {
        commands.add(commandLine);
        return CompletableFuture.completedFuture(answer.apply(commandLine));
    }

    /** The refresh started last, which the test may complete. */
    public CompletableFuture<Snapshot> lastRefresh() {
        return refreshes.get(refreshes.size() - 1);
    }

    @Override
    public void close() {
        closed = true;
    }
}
