package dev.muxbar.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's files, from the jar ({@code web/}), read once; and the two pages an unpaired browser sees (no
 * stylesheet: every file but pairing needs a paired device, and a failed request counts against the address).
 */
final class Assets {
    private Assets() {}

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static final String UNPAIRED = page(
            "Not paired",
            "This browser is not paired with muxbar (or was unpaired). On the machine, run "
                    + "<code>muxbar web pair</code> and open the link it prints here.");
    static final String BAD_CODE = page(
            "Pairing failed",
            "This pairing link is used up, too old (5 minutes) or mistyped. Run "
                    + "<code>muxbar web pair</code> again.");

    static String get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Assets.class.getResourceAsStream("/web/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("no /web/" + n + " in the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width,initial-scale=1\"><title>muxbar: " + title
                + "</title></head><body><main><h1>" + title
                + "</h1><p>" + body + "</p></main></body></html>";
    }
}
