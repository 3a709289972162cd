package dev.muxbar.api;

import dev.muxbar.theme.ThemeResult;
import dev.muxbar.tmux.TmuxCommand;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the API asks of the rest of the daemon (sidebars, key bindings, tmux); all complete off the caller. */
public interface ServerActions {
    /** The open sidebars. */
    CompletableFuture<List<?>> describe();

    /** Re-reads the plugin's keys and binds them natively again; completes with how many. */
    CompletableFuture<Integer> rebindKeys();

    /** Runs one tmux command through the daemon's gateway. */
    <T> CompletableFuture<T> tmux(TmuxCommand<T> command);

    /** The themes, the active one, the mode and (auto mode) the system appearance. */
    CompletableFuture<Map<String, Object>> themes();

    /** Shows a theme on every sidebar, saved when {@code keep}; completes with what happened. */
    CompletableFuture<ThemeResult> setTheme(String name, boolean keep);

    /**
     * Moves the client on {@code clientTty} to the most urgent session here or elsewhere (the next
     * one when it is there already); completes with where it went, "" when nothing needs the user.
     */
    default CompletableFuture<String> next(String clientTty) {
        return CompletableFuture.completedFuture("");
    }

    /** Resumes the remembered agents {@code target} names; each outcome as a JSON-able map. */
    default CompletableFuture<List<Map<String, Object>>> resume(String target, boolean dryRun) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("resuming is not offered here"));
    }

    /**
     * Starts a new agent: {@code agent}, {@code dir}, and optionally {@code branch} (a worktree),
     * {@code base}, {@code session}, {@code prompt}, {@code args}; completes with where, fails with an
     * IllegalArgumentException saying why nothing was made.
     */
    default CompletableFuture<String> newAgent(
            String agent, String branch, String base, String dir, String session, String prompt, List<String> args) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("starting agents is not offered here"));
    }

    /** Applies the {@code @muxbar-resume} policy now (a restore ended: its panes are there). */
    default CompletableFuture<Void> resumePolicy() {
        return CompletableFuture.completedFuture(null);
    }

    /** Hibernates the agent in {@code pane}; fails with an IllegalStateException saying why not. */
    default CompletableFuture<String> hibernate(String pane) {
        return CompletableFuture.failedFuture(new IllegalStateException("hibernating is not offered here"));
    }

    /** The agents remembered ({@code ended}: those the user ended), as JSON-able maps. */
    default CompletableFuture<List<Map<String, Object>>> remembered(boolean ended) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** The event stream (null: not offered). */
    default dev.muxbar.events.EventHub events() {
        return null;
    }

    /**
     * The web view: {@code verb} on, off, status, pair, devices or revoke, with the query's {@code args};
     * completes with a JSON-able answer; fails with IllegalArgumentException (bad input) or
     * IllegalStateException (not now: it is off, no such device).
     */
    default Object web(String verb, Map<String, String> args) throws java.io.IOException {
        throw new IllegalStateException("the web view is not offered here");
    }

    /** The agents' usage: their own reports in, the days kept out (null: not offered). */
    default dev.muxbar.agents.UsageDesk usage() {
        return null;
    }

    /** Reading and answering agents' prompts, replying to agents (null: not offered). */
    default dev.muxbar.act.AgentActions agentActions() {
        return null;
    }
}
