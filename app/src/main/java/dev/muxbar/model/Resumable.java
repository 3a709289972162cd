package dev.muxbar.model;

/**
 * An agent muxbar remembers that does not run now and can be brought back: its kind, the id its CLI
 * resumes it by (null: its latest conversation in {@code cwd}), where it ran (session name, window
 * index, pane index), how it was left ({@code state}: {@code live} — its process went with the tmux
 * server, {@code hibernated} — muxbar ended it to free its memory), the memory that freed (kB, 0 when
 * unknown), and why its last resume failed with the exact command typed ({@code error}, null if none).
 */
public record Resumable(
        String key,
        String agent,
        String resumeId,
        String cwd,
        String session,
        int window,
        int pane,
        String state,
        long freedKb,
        String error) {

    public boolean hibernated() {
        return state.equals("hibernated");
    }
}
