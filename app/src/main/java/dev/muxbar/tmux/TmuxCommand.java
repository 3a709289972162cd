package dev.muxbar.tmux;

import java.util.List;
import java.util.function.Function;

/**
 * One tmux command line, already quoted, with the parser of its reply. Built only by
 * {@link Commands}; run by {@link TmuxGateway#send}.
 *
 * <p>Control mode answers every command it runs with a {@code %begin}…{@code %end} block of its own,
 * the commands an {@code if-shell} runs included. A line is one command, answered by one block,
 * except where {@code blocks} says otherwise: the gateway matches replies to lines in order, so a
 * line that produced another number of blocks than it declares would shift every later reply.
 *
 * @param line   the command line for tmux's parser
 * @param reply  turns tmux's output lines into the caller's value (never throws)
 * @param blocks how many reply blocks tmux writes for the line (the reply is the first one's)
 */
public record TmuxCommand<T>(String line, Function<List<String>, T> reply, int blocks) {

    /** One command: one reply block. */
    public TmuxCommand(String line, Function<List<String>, T> reply) {
        this(line, reply, 1);
    }

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
