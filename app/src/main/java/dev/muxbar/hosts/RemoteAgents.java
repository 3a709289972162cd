package dev.muxbar.hosts;

import dev.muxbar.act.AgentActions;
import dev.muxbar.act.AgentDoor;
import dev.muxbar.agents.Prompts;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.io.Transport;

/**
 * The agents of a tmux server on another machine, acted on through that machine's muxbar — its API
 * through the socket a {@link HostLink} forwarded: the same hash-checked contract as here (the remote
 * daemon checks the prompt it shows against the hash). Asynchronous on the daemon's one HTTP client;
 * a reply's body is bounded ({@link #MAX_BODY}), its texts lose control characters, a remote that
 * does not answer within {@link #TIMEOUT_MS} fails the action.
 */
public final class RemoteAgents implements AgentDoor {

    static final long TIMEOUT_MS = 5_000;
    static final int MAX_BODY = 1 << 20;
    static final int MAX_LINES = 500;

    private final HttpClient http;
    private final Path socket;
    private final String host;

    public RemoteAgents(HttpClient http, Path socket, String host) {
        this.http = http;
        this.socket = socket;
        this.host = host;
    }

    @Override
    public CompletableFuture<Optional<AgentActions.Shown>> show(String pane) {
        return call("GET", "/agents/prompt?pane=" + enc(pane), null).thenApply(r -> {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            return Optional.of(shown(pane, ok(r)));
        });
    }

    @Override
    public CompletableFuture<AgentActions.Outcome> answer(String pane, int number, String hash) {
        return call("POST", "/agents/answer?pane=" + enc(pane) + "&choice=" + number + "&prompt=" + enc(hash), null)
                .thenApply(this::outcome);
    }

    @Override
    public CompletableFuture<AgentActions.Outcome> reply(String pane, String text, boolean force) {
        return call("POST", "/agents/reply?pane=" + enc(pane) + (force ? "&force=1" : ""), text)
                .thenApply(this::outcome);
    }

    /** The agent pane's last lines with colours (escape sequences kept: the peek draws only colours of them). */
    public CompletableFuture<List<String>> screen(String pane) {
        return call("GET", "/agents/screen?pane=" + enc(pane), null).thenApply(r -> {
            List<String> out = new ArrayList<>();
            for (Node l : ok(r).path("lines")) {
                if (out.size() < MAX_LINES) {
                    out.add(l.asText(""));
                }
            }
            return out;
        });
    }

    private CompletableFuture<ContentResponse> call(String method, String pathAndQuery, String body) {
        Request r = http.newRequest("http://muxbar" + pathAndQuery)
                .method(method)
                .transport(new Transport.TCPUnix(socket))
                .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (body != null) {
            r.body(new StringRequestContent("text/plain", body, StandardCharsets.UTF_8));
        }
        return new CompletableResponseListener(r, MAX_BODY).send();
    }

    /** The body of a 200 as JSON; otherwise the remote's error, as the failure. */
    private Node ok(ContentResponse r) {
        Node n = json(r);
        if (r.getStatus() != 200) {
            throw new IllegalStateException(host + ": " + error(r, n));
        }
        return n;
    }

    private AgentActions.Outcome outcome(ContentResponse r) {
        Node n = json(r);
        if (r.getStatus() == 200) {
            return new AgentActions.Outcome.SentThere(
                    host, RemoteState.clean(n.path("sent").asText("sent")));
        }
        return new AgentActions.Outcome.Refused(r.getStatus(), error(r, n) + " (" + host + ")");
    }

    private static Node json(ContentResponse r) {
        String body = r.getContentAsString();
        try {
            return Json.parse(body == null || body.isBlank() ? "{}" : body);
        } catch (java.io.IOException e) {
            try {
                return Json.parse("{}"); // not JSON: an answer without anything to take from it
            } catch (java.io.IOException never) {
                throw new AssertionError(never);
            }
        }
    }

    private static String error(ContentResponse r, Node n) {
        String said = RemoteState.clean(n.path("error").asText(""));
        return said.isEmpty() ? "HTTP " + r.getStatus() : said;
    }

    /** The remote's {@code GET /agents/prompt} answer as a {@link AgentActions.Shown} (its pane: {@code pane}). */
    static AgentActions.Shown shown(String pane, Node n) {
        Node p = n.path("prompt");
        Prompts.Prompt prompt = null;
        if (p.isObject() && p.path("hash").asText("").matches("[0-9a-f]{16}")) {
            List<Prompts.Choice> choices = new ArrayList<>();
            for (Node c : p.path("choices")) {
                int number = c.path("number").asInt(0);
                if (number >= 1 && number <= 9 && choices.size() < 9) {
                    choices.add(new Prompts.Choice(
                            number, RemoteState.clean(c.path("label").asText("")), List.of(), false));
                }
            }
            prompt = new Prompts.Prompt(
                    RemoteState.clean(p.path("form").asText("")),
                    choices,
                    p.path("hash").asText());
        }
        String waits = n.path("waitsFor").asText("");
        return new AgentActions.Shown(
                pane,
                RemoteState.clean(n.path("agent").asText("")),
                Optional.ofNullable(Status.parse(n.path("status").asText(""))).orElse(Status.IDLE),
                waits.equals("question")
                        ? Wait.QUESTION
                        : waits.equals("plan") ? Wait.PLAN : waits.equals("permission") ? Wait.PERMISSION : null,
                prompt);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
