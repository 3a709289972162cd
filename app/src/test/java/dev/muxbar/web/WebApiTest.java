package dev.muxbar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.act.AgentActions;
import dev.muxbar.act.AgentDoor;
import dev.muxbar.act.OtherMachines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The page's acts on another machine's agents go through that machine's door (as the sidebar's do), with
 * the host in the audit line; a machine that is not connected, or names that cannot be one, are refused.
 */
class WebApiTest {

    private final List<String> log = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    private final AgentDoor far = new AgentDoor() {
        @Override
        public CompletableFuture<Optional<AgentActions.Shown>> show(String pane) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<AgentActions.Outcome> answer(String pane, int number, String hash) {
            calls.add("answer " + pane + " " + number + " " + hash);
            return CompletableFuture.completedFuture(new AgentActions.Outcome.SentThere("devbox", "sent 2"));
        }

        @Override
        public CompletableFuture<AgentActions.Outcome> reply(String pane, String text, boolean force) {
            calls.add("reply " + pane + " " + text + " " + force);
            return CompletableFuture.completedFuture(new AgentActions.Outcome.SentThere("devbox", "sent text"));
        }
    };

    private final OtherMachines others = new OtherMachines() {
        @Override
        public Optional<AgentDoor> agents(String host, String server) {
            calls.add("door " + host + " " + server);
            return host.equals("devbox") ? Optional.of(far) : Optional.empty();
        }

        @Override
        public CompletableFuture<List<String>> screen(String host, String server, String pane) {
            return CompletableFuture.completedFuture(List.of("\033[31mred\033[0m line"));
        }

        @Override
        public Optional<List<String>> attach(String host, String server, String session, String pane) {
            return Optional.empty();
        }
    };

    private final WebApi api =
            new WebApi(new WebParts(null, null, others, List::of, null, null, log::add, () -> 0, List::of));

    @Test
    void anotherMachinesAgentIsActedOnThroughItsDoor() {
        WebApi.Where there = WebApi.Where.of("devbox", "/tmp/tmux-1000/default");
        WebApi.Answer a = api.answer("phone", "%3", "2", "0123456789abcdef", there);
        assertEquals(200, a.status(), a.body());
        assertEquals(List.of("door devbox /tmp/tmux-1000/default", "answer %3 2 0123456789abcdef"), calls);
        assertTrue(log.get(0).startsWith("web: phone answered 2 in %3 on devbox"), log.toString());
        String text = "ok; $(touch X) 'q' ünï";
        WebApi.Answer r = api.reply(
                "phone",
                "{\"pane\":\"%3\",\"text\":\"ok; $(touch X) 'q' ünï\",\"host\":\"devbox\",\"server\":\"/tmp/tmux-1000/default\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("reply %3 " + text + " false", calls.get(calls.size() - 1));
        WebApi.Answer s = api.screen("%3", there);
        assertTrue(s.body().contains("red"), s.body());
        assertEquals(
                404,
                api.answer("phone", "%3", "2", "0123456789abcdef", WebApi.Where.of("gone", "/s"))
                        .status());
    }

    @Test
    void namesThatCannotBeAMachineAreRefused() {
        for (String host : List.of("a b", "$(id)", "x".repeat(101), "h;rm")) {
            assertThrows(IllegalArgumentException.class, () -> WebApi.Where.of(host, "/tmp/s"), host);
        }
        assertThrows(IllegalArgumentException.class, () -> WebApi.Where.of("devbox", "/tmp/\n"));
        assertThrows(IllegalArgumentException.class, () -> WebApi.Where.of("devbox", null));
        assertEquals(WebApi.Where.HERE, WebApi.Where.of(null, "/ignored"));
        assertEquals(
                400,
                api.reply("phone", "{\"pane\":\"%3\",\"text\":\"x\",\"host\":\"a b\",\"server\":\"/s\"}")
                        .status());
    }
}
