package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.muxbar.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped answer forms read the recorded prompts' choices and the keys that pick them. */
class PromptsTest {

    private final AgentRules rules = AgentRules.load(null, m -> {});

    private Prompts.Prompt read(String agent, String screen) throws Exception {
        List<String> lines = List.of(
                new String(getClass().getResourceAsStream("/screens/" + screen).readAllBytes(), StandardCharsets.UTF_8)
                        .split("\n"));
        AgentRules.Definition d = rules.get(agent);
        return Prompts.read(d.answers(), Prompts.region(lines, d.lines()));
    }

    private static String show(Prompts.Prompt p) {
        StringBuilder sb = new StringBuilder();
        for (Prompts.Choice c : p.choices()) {
            sb.append(c.number())
                    .append(' ')
                    .append(c.label())
                    .append(" → ")
                    .append(String.join(" ", c.keys()))
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void eachAgentsPromptOffersItsChoices() throws Exception {
        assertEquals(
                "1 Yes → 1\n2 Yes, and don't ask again for make commands in /src → 2\n"
                        + "3 No, and tell Claude what to do differently (esc) → 3\n",
                show(read("claude", "claude-permission-bash.txt")));
        assertEquals(
                "1 GitHub Actions → 1\n2 GitLab CI → 2\n3 Type something. → 3\n",
                show(read("claude", "claude-question.txt")));
        assertEquals(3, read("claude", "claude-plan.txt").choices().size());
        assertEquals(
                "1 Yes, proceed → y\n2 Yes, and don't ask again for this command → a\n"
                        + "3 No, and tell Codex what to do differently → Escape\n",
                show(read("codex", "codex-approval.txt")));
        assertEquals(
                "1 Yes, allow once → 1\n2 Yes, allow always ... → 2\n3 No, suggest changes (esc) → 3\n",
                show(read("gemini", "gemini-permission.txt")));
        assertEquals(
                "1 Yes → y Enter\n2 No → n Enter\n3 Don't ask again → d Enter\n",
                show(read("aider", "aider-confirm.txt")));
        assertEquals(
                "1 Allow once → Enter\n2 Allow always → a\n3 Reject → Escape\n",
                show(read("opencode", "opencode-permission.txt")));
        assertNull(read("claude", "claude-working.txt"), "no prompt, no choices");
    }

    /** The real CLIs' prompts, captured at their pinned versions (screens/real). */
    @Test
    void theRealCLIsPromptsOfferTheirChoices() throws Exception {
        assertEquals(
                "1 Yes, proceed → y\n2 Yes, and don't ask again for commands that start with `touch made.txt` → p\n"
                        + "3 No, and tell Codex what to do differently → Escape\n",
                show(read("codex", "real/codex-0.169.0-approval.txt")));
        assertEquals(
                "1 Yes → 1\n2 Yes, and always allow access to /tmp/cl/work from this project → 2\n"
                        + "3 Yes, and switch to auto mode · auto mode handles these prompts for you → 3\n4 No → 4\n",
                show(read("claude", "real/claude-2.1.328-permission.txt")));
        assertEquals(
                "1 Red → 1\n2 Blue → 2\n3 Type something. → 3\n4 Chat about this → 4\n",
                show(read("claude", "real/claude-2.1.328-question.txt")));
        assertEquals(
                "1 Review hooks → 1 Enter\n2 Trust all and continue → 2 Enter\n"
                        + "3 Continue without trusting (hooks won't run) → 3 Enter\n",
                show(read("codex", "real/codex-0.169.0-hooks-review.txt")));
        assertNull(read("codex", "real/codex-0.169.0-streaming.txt"), "no prompt, no choices");
    }

    @Test
    void theHashNamesThePromptNotTheScreenAroundIt() {
        List<String> a =
                Prompts.region(List.of("old output", "│ Do you want to proceed? │", "│ ❯ 1. Yes │", "", "   "), 2);
        assertEquals(List.of("Do you want to proceed?", "❯ 1. Yes"), a);
        List<String> b = Prompts.region(List.of("other output", "│ Do you want to proceed? │", "│ ❯ 1. Yes │"), 2);
        assertEquals(Prompts.hash(a), Prompts.hash(b));
        assertNotEquals(Prompts.hash(a), Prompts.hash(List.of("Do you want to proceed?", "❯ 1. No")));
        assertEquals(16, Prompts.hash(a).length());
    }

    @Test
    void badFormsAreRefusedWithAReason() throws Exception {
        assertThrows(
                IllegalArgumentException.class,
                () -> Prompts.parse(Json.parse("[{\"match\":\"x\",\"line\":\"(?<key>.)\",\"send\":[\"{key}\"]}]")),
                "no label group");
        assertThrows(
                IllegalArgumentException.class,
                () -> Prompts.parse(Json.parse("[{\"match\":\"x\",\"line\":\"(?<key>.)(?<label>.*)\"}]")),
                "no send");
        // A key as drawn that is no key name (a quote, a space) gives no choice rather than a command.
        List<Prompts.Form> f = Prompts.parse(
                Json.parse("[{\"match\":\"ask\",\"inline\":\"\\\\[(?<key>[^\\\\]]+)\\\\](?<label>\\\\w+)\","
                        + "\"send\":[\"{key}\"]}]"));
        assertNull(Prompts.read(f, List.of("ask [a b]yes ['; rm]no")));
    }
}
