package dev.muxbar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the web view listens and which names it answers to. {@code @muxbar-web-listen} (or
 * {@code muxbar web on --listen}): {@code 7878}, {@code 127.0.0.1:7878}, {@code [::1]:7878},
 * {@code 0.0.0.0:7878}. Loopback is plain HTTP (for an SSH tunnel or {@code tailscale serve}); any
 * other address only with TLS — or {@code behindProxy}, where the user's proxy (Tailscale, a reverse
 * proxy) terminates TLS and forwards to this address. {@code names}: the other host names a browser
 * may use ({@code @muxbar-web-hosts}, e.g. the tailnet name); requests naming any other Host are refused
 * (DNS rebinding).
 */
public record WebConfig(String host, int port, boolean tls, boolean behindProxy, List<String> names) {

    public static final int DEFAULT_PORT = 7878;

    public WebConfig {
        names = List.copyOf(names);
    }

    /** {@code listen} read; throws with what is wrong. */
    public static WebConfig parse(String listen, boolean behindProxy, String hosts) {
        return parse(listen, behindProxy, hosts, false);
    }

    /** The same; {@code tls}: TLS even on loopback (off loopback it always is, unless behind a proxy). */
    public static WebConfig parse(String listen, boolean behindProxy, String hosts, boolean tls) {
        String l = listen == null || listen.isBlank() ? "127.0.0.1:" + DEFAULT_PORT : listen.strip();
        String host;
        String port;
        if (l.matches("[0-9]{1,5}")) {
            host = "127.0.0.1";
            port = l;
        } else if (l.startsWith("[")) {
            int close = l.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("listen must look like [::1]:7878, got: " + clip(l));
            }
            host = l.substring(1, close);
            port = l.substring(close + 2);
        } else {
            int colon = l.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("listen must look like 127.0.0.1:7878, got: " + clip(l));
            }
            host = l.substring(0, colon);
            port = l.substring(colon + 1);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("the port must be 1-65535, got: " + clip(port));
        }
        if (!host.matches("[0-9A-Za-z.:%-]{1,100}")) {
            throw new IllegalArgumentException("not an address: " + clip(host));
        }
        List<String> names = new ArrayList<>();
        if (hosts != null) {
            for (String n : hosts.split(",")) {
                String name = n.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    if (!name.matches("[0-9a-z.:\\[\\]-]{1,200}")) {
                        throw new IllegalArgumentException("not a host name: " + clip(name));
                    }
                    names.add(name);
                }
            }
        }
        boolean loop = loopback(host);
        return new WebConfig(host, Integer.parseInt(port), tls || !loop && !behindProxy, behindProxy, names);
    }

    static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** The address as a URL's authority. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** What the page is reached at, as this machine sees it. */
    public String url() {
        return (tls ? "https://" : "http://") + authority();
    }

    /** Whether a request's {@code Host} header names this server (its address, loopback names, or {@code names}). */
    public boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return false;
        }
        String h = hostHeader.toLowerCase(Locale.ROOT);
        List<String> ok = new ArrayList<>(List.of(authority().toLowerCase(Locale.ROOT)));
        if (loopback(host)) {
            ok.addAll(List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port));
        }
        for (String n : names) {
            ok.add(n);
            ok.add(n + ":" + port);
        }
        return ok.contains(h);
    }

    /**
     * Whether a request's {@code Origin} names this server: a page of another site (a cross-site form, a
     * rebinding attack) cannot act. Behind a proxy the scheme the browser saw is the proxy's.
     */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return false;
        }
        int i = origin.indexOf("://");
        if (i < 0) {
            return false;
        }
        String scheme = origin.substring(0, i);
        boolean schemeOk =
                behindProxy ? scheme.equals("https") || scheme.equals("http") : scheme.equals(tls ? "https" : "http");
        String authority = origin.substring(i + 3);
        return schemeOk && (hostAllowed(authority) || names.contains(authority.toLowerCase(Locale.ROOT)));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
