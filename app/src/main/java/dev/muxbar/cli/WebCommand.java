package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.api.ApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar web on|off|status|pair|devices|revoke}: the web view a phone pairs with (see the
 * daemon's {@code WebService}): nothing listens until it is on; loopback by default.
 */
@Command(
        name = "web",
        mixinStandardHelpOptions = true,
        description = "The web view for a phone: on, off, status, pair, devices, revoke.")
final class WebCommand {

    @Command(name = "on", mixinStandardHelpOptions = true, description = "Serve the web view (and after a restart).")
    int on(
            @Mixin Target target,
            @Option(
                            names = "--listen",
                            paramLabel = "ADDR",
                            description = "host:port (default 127.0.0.1:7878); off loopback it uses TLS")
                    String listen,
            @Option(
                            names = "--behind-proxy",
                            description = "your proxy (tailscale serve, nginx) does TLS and forwards here")
                    boolean behindProxy,
            @Option(names = "--tls", description = "TLS on loopback too (a self-signed certificate)") boolean tls,
            @Option(
                            names = "--host",
                            paramLabel = "NAME",
                            split = ",",
                            description = "another name browsers use for it (the proxy's, the tailnet's)")
                    java.util.List<String> hosts)
            throws IOException {
        StringBuilder q =
                new StringBuilder("/web/on?behindProxy=" + (behindProxy ? "1" : "0") + "&tls=" + (tls ? "1" : "0"));
        if (listen != null) {
            q.append("&listen=").append(enc(listen));
        }
        if (hosts != null) {
            q.append("&hosts=").append(enc(String.join(",", hosts)));
        }
        return call(target, true, q.toString(), WebCommand::status);
    }

    @Command(name = "off", mixinStandardHelpOptions = true, description = "Stop serving it.")
    int off(@Mixin Target target) throws IOException {
        return call(target, true, "/web/off", WebCommand::status);
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Whether it is on, where, how many devices.")
    int status(@Mixin Target target) throws IOException {
        return call(target, false, "/web/status", WebCommand::status);
    }

    @Command(
            name = "pair",
            mixinStandardHelpOptions = true,
            description = "A one-time link (and its QR code) for a device.")
    int pair(
            @Mixin Target target,
            @Option(names = "--name", paramLabel = "NAME", description = "what to call the device (default phone)")
                    String name)
            throws IOException {
        return call(target, true, "/web/pair" + (name == null ? "" : "?name=" + enc(name)), j -> {
            System.out.print(QrText.of(j.path("url").asText()));
            System.out.println("Open on the device (works once, for 5 minutes):");
            System.out.println("  " + j.path("url").asText());
            if (j.path("fingerprint").isTextual()) {
                System.out.println("The certificate your browser should show, SHA-256:");
                System.out.println("  " + j.path("fingerprint").asText());
            }
        });
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, description = "The paired devices.")
    int devices(@Mixin Target target) throws IOException {
        return call(target, false, "/web/devices", j -> {
            if (j.isEmpty()) {
                System.out.println("no devices (muxbar web pair)");
            }
            for (JsonNode d : j) {
                System.out.printf(
                        "%-24s paired %s, last seen %s%n",
                        d.path("name").asText(),
                        java.time.Instant.ofEpochMilli(d.path("paired").asLong()),
                        java.time.Instant.ofEpochMilli(d.path("seen").asLong()));
            }
        });
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Unpair NAME: its page stops at once.")
    int revoke(@Mixin Target target, @Parameters(paramLabel = "NAME") String name) throws IOException {
        return call(target, true, "/web/revoke?name=" + enc(name), j -> System.out.println("revoked " + name));
    }

    private static void status(JsonNode j) {
        if (!j.path("on").asBoolean()) {
            System.out.println("off (muxbar web on)");
            return;
        }
        System.out.println("on: " + j.path("url").asText()
                + (j.path("behindProxy").asBoolean() ? " (behind your proxy)" : "")
                + "; " + j.path("devices").asInt() + " devices paired (muxbar web pair)");
    }

    private static int call(Target target, boolean post, String path, java.util.function.Consumer<JsonNode> show)
            throws IOException {
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            ApiClient.Answer a = post ? api.post(path) : api.get(path);
            if (a.status() != 200) {
                System.err.println("muxbar: " + Panes.error(a.body()));
                return a.status() == 409 ? 1 : 2;
            }
            show.accept(CliJson.MAPPER.readTree(a.body()));
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
