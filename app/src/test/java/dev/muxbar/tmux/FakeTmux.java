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
    /**
     * What {@link #run} answers for a command line no {@link #answering} covers: by default, an empty
     * reply for a command whose success prints nothing ({@link #SILENT}); any other command fails the
     * test — a query's reply is the test's to decide, and a verb tmux does not have is a bug.
     */
    public java.util.function.Function<String, List<String>> answer = FakeTmux::silentOrFail;

    /** tmux commands that print nothing when they succeed (as muxbar sends them). */
    public static final Set<String> SILENT = Set.of(
            "set-option",
            "set-hook",
            "set-environment",
            "switch-client",
            "send-keys",
            "select-window",
            "select-pane",
            "resize-pane",
            "rename-session",
            "rename-window",
            "kill-pane",
            "kill-window",
            "kill-session",
            "last-pane",
            "bind-key",
            "unbind-key",
            "if-shell",
            "run-shell",
            "refresh-client",
            "new-session",
            "new-window",
            "select-layout",
            "detach-client",
            "source-file");

    /** Commands {@link #run} was not told how to answer (the test fails on the first). */
    public final List<String> unknown = new ArrayList<>();

    private static List<String> silentOrFail(String commandLine) {
        String verb = commandLine.split(" ", 2)[0];
        if (SILENT.contains(verb) || verb.equals("display-message") && !commandLine.contains(" -p")) {
            return List.of(); // display-message without -p shows a message and prints nothing
        }
        throw new AssertionError("FakeTmux: no answer for `" + commandLine
                + "` (a query: tell it with answering(verb, …) or answer = …)");
    }

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

    private final Map<String, java.util.function.Function<String, List<String>>> byVerb = new java.util.HashMap<>();

    /** Answers every command whose first word is {@code verb} (e.g. {@code split-window}) with {@code reply}. */
    public FakeTmux answering(String verb, java.util.function.Function<String, List<String>> reply) {
        byVerb.put(verb, reply);
        return this;
    }

    private final java.util.Set<String> heldVerbs = new java.util.HashSet<>();
    /** Replies to held commands, in the order sent: the test completes them (tmux busy until then). */
    public final List<CompletableFuture<List<String>>> held = new ArrayList<>();

    /** Leaves every command whose first word is {@code verb} unanswered until the test completes it in {@link #held}. */
    public FakeTmux holding(String verb) {
        heldVerbs.add(verb);
        return this;
    }

    @Override
    public CompletableFuture<List<String>> run(String commandLine, int blocks) {
        commands.add(commandLine);
        if (heldVerbs.contains(commandLine.split(" ", 2)[0])) {
            CompletableFuture<List<String>> f = new CompletableFuture<>();
            held.add(f);
            return f;
        }
        var byThisVerb = byVerb.get(commandLine.split(" ", 2)[0]);
        try {
            return CompletableFuture.completedFuture(
                    byThisVerb != null ? byThisVerb.apply(commandLine) : answer.apply(commandLine));
        } catch (AssertionError e) {
            unknown.add(commandLine);
            throw e;
        }
    }

    /** The commands sent so far whose first word is {@code verb}. */
    public List<String> sent(String verb) {
        return commands.stream().filter(c -> c.split(" ", 2)[0].equals(verb)).toList();
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
