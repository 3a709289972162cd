package dev.muxbar.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.real.Timeline.Truth;
import dev.muxbar.testing.TmuxServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Drives one real agent through turns as a person would — types a prompt, reads the screen, answers
 * a dialog through muxbar ({@code /agents/answer}), replies through muxbar ({@code /agents/reply}),
 * presses Escape — and writes down what was true when ({@link Timeline}). The screen is read every
 * 50 ms with {@code capture-pane}; a turn's end is the agent's own end-of-turn line below its prompt.
 */
final class PaneDriver {

    /** What a person does in one turn. */
    sealed interface Turn permits Say, Answer, Interrupt, Reply, Background {}

    /** A prompt that needs nothing more (text, or tools that need no permission). */
    record Say(String prompt) implements Turn {}

    /** A prompt that asks ({@code dialog}: permission or question); the choice whose label starts with {@code choice}. */
    record Answer(String prompt, String dialog, String choice) implements Turn {}

    /** A prompt, then Escape {@code afterMs} later. */
    record Interrupt(String prompt, long afterMs) implements Turn {}

    /** Text sent with {@code muxbar reply} while the agent is at its prompt. */
    record Reply(String text) implements Turn {}

    /** A prompt whose turn goes on in the background until {@code lastText} is on the screen. */
    record Background(String prompt, String lastText) implements Turn {}

    /** How an agent's TUI shows things, as this test reads it (not muxbar's rules: the truth must not come from them). */
    record Screens(String promptMark, Pattern finished, Pattern permission, Pattern question, Pattern ready) {}

    static final Screens CODEX = new Screens(
            "› ",
            Pattern.compile("^\\s*Worked for \\S|^■ "),
            Pattern.compile("Would you like to run the following command"),
            Pattern.compile("(?!)"),
            Pattern.compile("for shortcuts"));
    static final Screens CLAUDE = new Screens(
            "❯ ",
            Pattern.compile("^✻ \\S+ for \\d|Interrupted ·"),
            Pattern.compile("Do you want to proceed\\?"),
            Pattern.compile("Enter to select"),
            // With a statusLine (muxbar's tee, installed with the hooks) the footer drops "? for shortcuts".
            Pattern.compile("for shortcuts|manual mode on"));

    private static final ObjectMapper JSON = new ObjectMapper();
    static final long TURN_TIMEOUT_MS = 60_000;

    private final TmuxServer tmux;
    private final String pane;
    private final Screens screens;
    private final ApiClient api;
    private final Timeline timeline;
    private final String tag;
    private int turns;

    PaneDriver(TmuxServer tmux, String pane, Screens screens, ApiClient api, Timeline timeline, String tag) {
        this.tmux = tmux;
        this.pane = pane;
        this.screens = screens;
        this.api = api;
        this.timeline = timeline;
        this.tag = tag;
    }

    void run(List<Turn> list, long restMs) throws Exception {
        for (Turn t : list) {
            turn(t);
            Thread.sleep(restMs);
        }
    }

    private void turn(Turn t) throws Exception {
        String prompt;
        if (t instanceof Say s) {
            prompt = type(s.prompt());
            finished(prompt, null, true);
        } else if (t instanceof Answer a) {
            prompt = type(a.prompt());
            Pattern dialog = a.dialog().equals("question") ? screens.question() : screens.permission();
            await(prompt, lines -> dialog.matcher(String.join("\n", lines)).find(), "the " + a.dialog() + " dialog");
            timeline.set(System.currentTimeMillis(), Truth.WAITING);
            Thread.sleep(1_500); // a person reads the dialog; the sidebar has this long to say so
            // Denied, the agent gives up the turn there and then; allowed, it goes on. It is so from the
            // moment the person picks the choice (the keys go out within that request).
            boolean denied = a.choice().startsWith("No");
            answer(a.choice(), () -> timeline.set(System.currentTimeMillis(), denied ? Truth.FINISHED : Truth.BUSY));
            finished(prompt, null, !denied);
        } else if (t instanceof Interrupt i) {
            prompt = type(i.prompt());
            Thread.sleep(i.afterMs());
            tmux.tmux("send-keys", "-t", pane, "Escape");
            timeline.set(System.currentTimeMillis(), Truth.FINISHED); // the user ends the turn
            finished(prompt, null, false);
        } else if (t instanceof Reply r) {
            prompt = tagged(r.text());
            timeline.set(System.currentTimeMillis(), Truth.BUSY);
            ApiClient.Answer sent = api.post("/agents/reply?pane=" + enc(pane), prompt);
            if (sent.status() != 200) {
                throw new AssertionError("reply refused: " + sent.body());
            }
            finished(prompt, null, true);
        } else if (t instanceof Background b) {
            prompt = type(b.prompt());
            finished(prompt, b.lastText(), true);
        } else {
            throw new AssertionError(t);
        }
    }

    /** Types a prompt as a person does (the text, a pause, Enter) and returns it as the screen shows it. */
    private String type(String text) throws InterruptedException {
        String prompt = tagged(text);
        tmux.tmux("send-keys", "-t", pane, "-l", prompt);
        Thread.sleep(300); // Codex takes text and Enter in one read as a paste
        tmux.tmux("send-keys", "-t", pane, "Enter");
        timeline.set(System.currentTimeMillis(), Truth.BUSY);
        return prompt;
    }

    private String tagged(String text) {
        return text + " (" + tag + ++turns + ")";
    }

    /**
     * Waits for the turn's end line below its prompt (below {@code lastText} too, when given); {@code mark}:
     * the turn ended when that line appeared (not earlier, by the person's own hand).
     */
    private void finished(String prompt, String lastText, boolean mark) throws Exception {
        await(
                prompt,
                lines -> {
                    boolean seenLast = lastText == null;
                    for (String l : lines) {
                        seenLast |= lastText != null && l.contains(lastText);
                        if (seenLast && screens.finished().matcher(l).find()) {
                            return true;
                        }
                    }
                    return false;
                },
                "the turn's end");
        if (mark) {
            timeline.set(System.currentTimeMillis(), Truth.FINISHED);
        }
    }

    /** Polls the screen until {@code test} holds for the lines below the last line showing {@code prompt}. */
    private void await(String prompt, Predicate<List<String>> test, String what) throws Exception {
        long deadline = System.currentTimeMillis() + TURN_TIMEOUT_MS;
        List<String> screen = List.of();
        while (System.currentTimeMillis() < deadline) {
            screen = List.of(tmux.tmux("capture-pane", "-p", "-t", pane).split("\n"));
            int at = -1;
            for (int k = 0; k < screen.size(); k++) {
                if (screen.get(k).strip().equals(screens.promptMark().strip() + " " + prompt)) {
                    at = k;
                }
            }
            if (at >= 0 && test.test(screen.subList(at + 1, screen.size()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(pane + ": no " + what + " for \"" + prompt + "\" within " + TURN_TIMEOUT_MS
                + " ms; screen:\n" + String.join("\n", screen));
    }

    /** Picks the offered choice whose label starts with {@code label} through muxbar, as the sidebar would. */
    private void answer(String label, Runnable picked) throws IOException {
        JsonNode shown =
                JSON.readTree(api.get("/agents/prompt?pane=" + enc(pane)).body());
        for (JsonNode c : shown.path("prompt").path("choices")) {
            if (c.path("label").asText().startsWith(label)) {
                picked.run();
                ApiClient.Answer a = api.post("/agents/answer?pane=" + enc(pane) + "&choice="
                        + c.path("number").asInt() + "&prompt="
                        + shown.path("prompt").path("hash").asText());
                if (a.status() != 200) {
                    throw new AssertionError("answer refused: " + a.body());
                }
                return;
            }
        }
        throw new AssertionError(pane + ": muxbar offers no choice \"" + label + "\": " + shown);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
