package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.theme.Role;
import java.util.List;
import java.util.Optional;

/**
 * {@code N}: a new agent, as one line — {@code AGENT [BRANCH | /DIR] [PROMPT]}: {@code claude fix-login
 * make the login form accept emails} starts claude in a new worktree on {@code fix-login} of the
 * selected session's repository and types the prompt once it is ready; a directory (absolute, or
 * {@code ~/…}) instead of a branch starts it there; neither: in the selected session's directory. A
 * branch is told from the prompt's first word by holding one of {@code / - _ .}.
 * Enter starts it ({@link Command.NewAgent}), Esc drops it.
 */
public record AgentForm(String sessionId, LineEdit line) implements Mode {

    static final int MAX = 1024;

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        View back = v.withMode(new ListMode());
        if (Keys.isEnter(k)) {
            String text = line.text().strip();
            return text.isEmpty() ? Keys.Result.of(back) : Keys.Result.of(back, new Command.NewAgent(sessionId, text));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Keys.Result.of(back);
        }
        LineEdit next = line.apply(k, MAX);
        return next == null ? Keys.Result.of(v) : Keys.Result.of(v.withMode(new AgentForm(sessionId, next)));
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.of(Renderer.exactly(
                in,
                List.of(
                        Renderer.line(in, " a new agent:", Role.ACCENT, true),
                        Renderer.line(in, " AGENT [BRANCH | /DIR] [PROMPT]", Role.TEXT, false),
                        Renderer.line(in, " a branch: a new worktree", Role.MUTED, false),
                        Renderer.line(in, " none: this session's dir", Role.MUTED, false)),
                rows));
    }

    @Override
    public Line footer(Renderer.Input in) {
        return NamePrompt.typed(in, " new agent: ", line);
    }

    /** {@code text} read as agent, branch or directory, prompt: [agent, branch or null, dir or null, prompt or null]. */
    public static String[] parse(String text) {
        String[] w = text.strip().split("\\s+", 3);
        String agent = w[0];
        String second = w.length > 1 ? w[1] : null;
        boolean dir = second != null && (second.startsWith("/") || second.startsWith("~"));
        // A branch holds one of / - _ . (fix-login, feat/x): a plain word starts the prompt.
        boolean branch = second != null
                && !dir
                && second.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
                && second.matches(".*[/_.-].*");
        String prompt = w.length > 2 ? w[2] : null;
        if (second != null && !dir && !branch) {
            prompt = w.length > 2 ? second + " " + w[2] : second; // a plain word: the prompt's first word
        }
        return new String[] {agent, branch ? second : null, dir ? second : null, prompt};
    }
}
