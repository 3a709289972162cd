package dev.muxbar.act;

import java.util.concurrent.CompletableFuture;

/**
 * Agents across restarts as the sidebar reaches them: bringing remembered agents back, hibernating
 * one. Each completes with a line for the footer, or fails with why not.
 */
public interface Lifetimes {
    /**
     * Brings back the agents {@code target} names (a session name, a pane, an id, a key, or
     * {@code orphans}), then types {@code then} into each once it is ready (null: nothing).
     */
    CompletableFuture<String> bringBack(String target, String then);

    /** Starts a new agent: in a worktree on {@code branch} (null: none) of {@code dir}'s repository, or in {@code dir}. */
    CompletableFuture<String> start(String agent, String branch, String dir, String prompt);

    /** Removes the git worktree at {@code path} if it is clean and its branch merged or pushed; else says why not. */
    CompletableFuture<String> removeWorktree(String path);

    /** Hibernates the agent in {@code pane}. */
    CompletableFuture<String> hibernate(String pane);

    Lifetimes NONE = new Lifetimes() {
        @Override
        public CompletableFuture<String> bringBack(String target, String then) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing is remembered here"));
        }

        @Override
        public CompletableFuture<String> start(String agent, String branch, String dir, String prompt) {
            return CompletableFuture.failedFuture(new IllegalStateException("starting agents is not offered here"));
        }

        @Override
        public CompletableFuture<String> removeWorktree(String path) {
            return CompletableFuture.failedFuture(new IllegalStateException("worktrees are not handled here"));
        }

        @Override
        public CompletableFuture<String> hibernate(String pane) {
            return CompletableFuture.failedFuture(new IllegalStateException("hibernating is not offered here"));
        }
    };
}
