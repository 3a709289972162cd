package dev.muxbar.daemon;

import dev.muxbar.config.Paths;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import dev.muxbar.web.Devices;
import dev.muxbar.web.Pairing;
import dev.muxbar.web.WebConfig;
import dev.muxbar.web.WebParts;
import dev.muxbar.web.WebServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The web view as the user turns it on and off: {@code @muxbar-web-listen} at the daemon's start, or
 * {@code muxbar web on|off} (which sets or unsets that option, so the daemon's next start does the
 * same); pairing codes and devices. Nothing listens on TCP while it is off. Its methods run on the
 * API's threads, one at a time.
 */
final class WebService {

    private final Paths paths;
    private final TmuxGateway tmux;
    private final Consumer<String> log;
    private final Devices devices;
    private final Pairing pairing = new Pairing();
    private final java.util.function.BiFunction<Devices, Pairing, WebParts> partsOf;
    private WebServer server;

    WebService(
            Paths paths,
            TmuxGateway tmux,
            Consumer<String> log,
            java.util.function.BiFunction<Devices, Pairing, WebParts> partsOf) {
        this.paths = paths;
        this.tmux = tmux;
        this.log = log;
        this.partsOf = partsOf;
        this.devices = new Devices(paths.stateDir().resolve("web-devices.json"), log, System::currentTimeMillis);
    }

    /** The daemon's web view, on at once when {@code @muxbar-web-listen} says so. */
    static WebService start(
            DaemonOptions options,
            Paths paths,
            TmuxGateway tmux,
            dev.muxbar.state.Core core,
            dev.muxbar.events.EventHub events,
            dev.muxbar.act.AgentActions actions,
            dev.muxbar.act.OtherMachines others,
            dev.muxbar.theme.ThemeService themes,
            dev.muxbar.agentservice.AgentService agents,
            Consumer<String> log) {
        WebService web = new WebService(
                paths,
                tmux,
                log,
                (devices, pairing) -> new WebParts(
                        events,
                        actions,
                        others,
                        themes::forPages,
                        devices,
                        pairing,
                        log,
                        System::currentTimeMillis,
                        () -> agents.notifyRoutes().webKinds()));
        web.startFrom(
                options.get("@muxbar-web-listen"),
                options.get("@muxbar-web-behind-proxy"),
                options.get("@muxbar-web-hosts"),
                options.get("@muxbar-web-tls"));
        return web;
    }

    /** At the daemon's start: on when {@code @muxbar-web-listen} says so (a failure is logged, the daemon runs on). */
    void startFrom(String listen, String behindProxy, String hosts, String tls) {
        if (listen == null || listen.isBlank() || listen.equals("off")) {
            return;
        }
        try {
            on(listen, "on".equals(behindProxy) || "1".equals(behindProxy), hosts, "on".equals(tls), false);
        } catch (IOException | IllegalArgumentException e) {
            log.accept("web view not started: " + e.getMessage());
        }
    }

    synchronized Map<String, Object> on(String listen, boolean behindProxy, String hosts, boolean tls, boolean remember)
            throws IOException {
        WebConfig config = WebConfig.parse(listen, behindProxy, hosts, tls);
        if (server != null) {
            server.close();
            server = null;
        }
        server = WebServer.start(config, partsOf.apply(devices, pairing), paths.stateDir());
        log.accept("web view on " + config.url() + (config.behindProxy() ? " (behind a proxy)" : ""));
        if (remember) {
            tmux.send(Commands.setGlobalOption("@muxbar-web-listen", config.authority()));
            tmux.send(Commands.setGlobalOption("@muxbar-web-behind-proxy", behindProxy ? "on" : "off"));
            tmux.send(Commands.setGlobalOption("@muxbar-web-hosts", String.join(",", config.names())));
            tmux.send(Commands.setGlobalOption("@muxbar-web-tls", tls ? "on" : "off"));
        }
        return status();
    }

    synchronized Map<String, Object> off() {
        if (server != null) {
            server.close();
            server = null;
            log.accept("web view off");
        }
        tmux.send(Commands.unsetGlobalOption("@muxbar-web-listen"));
        return status();
    }

    synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("on", server != null);
        if (server != null) {
            out.put("url", server.config().url());
            out.put("tls", server.config().tls());
            out.put("behindProxy", server.config().behindProxy());
            out.put("names", server.config().names());
            out.put("fingerprint", server.fingerprint());
        }
        out.put("devices", devices.list().size());
        return out;
    }

    /** A one-time pairing link (5 minutes), for a device to be called {@code name}. */
    synchronized Map<String, Object> pair(String name) {
        if (server == null) {
            throw new IllegalStateException("the web view is off: muxbar web on");
        }
        String code = pairing.open(System.currentTimeMillis());
        WebConfig c = server.config();
        String base = c.names().isEmpty()
                ? c.url()
                : (c.tls() || c.behindProxy() ? "https://" : "http://")
                        + c.names().get(0);
        String url = base + "/pair?code=" + code
                + (name == null || name.isBlank() ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        log.accept("web: a pairing code made");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url);
        out.put("code", code);
        out.put("expiresInSeconds", 300);
        out.put("fingerprint", server.fingerprint());
        return out;
    }

    List<Map<String, Object>> devices() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Devices.Device d : devices.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("paired", d.paired());
            m.put("seen", d.seen());
            out.add(m);
        }
        return out;
    }

    boolean revoke(String name) throws IOException {
        boolean gone = devices.revoke(name);
        if (gone) {
            log.accept("web: revoked " + name);
        }
        return gone;
    }

    synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
