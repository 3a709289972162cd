package dev.muxbar.tmux;

import java.util.List;
import java.util.function.Function;

/**
 * One tmux command line, already quoted, with the parser of its reply. Built only by
 * {@link Commands}; run by {@link TmuxGateway#send}.
 *
 * @param line  the command line for tmux's parser
 * @param reply turns tmux's output lines into the caller's value (never throws)
 */
public record TmuxCommand<T>(String line, Function<List<String>, T> reply) {

    /** A command whose output is not wanted. */
    static TmuxCommand<Void> effect(String line) {
        return new TmuxCommand<>(line, lines -> null);
    }

    /** A command whose output lines are the answer. */
    static TmuxCommand<List<String>> lines(String line) {
        return new TmuxCommand<>(line, lines -> lines);
    }

    /** A command whose first output line is the answer ("" when there is none). */
    static TmuxCommand<String> firstLine(String line) {
        return new TmuxCommand<>(line, lines -> lines.isEmpty() ? "" : lines.get(0));
    }
}
