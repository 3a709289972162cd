package dev.muxbar.web;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The devices paired with the web view: {@code web-devices.json} in the server's state dir (0600),
 * each a name and the SHA-256 of its token — the token itself is only ever in the device's cookie. A
 * file that does not read is kept aside (every device then pairs again). Thread-safe: the web server's
 * threads and the API's ask it.
 */
public final class Devices {

    /** A paired device: its name, its token's hash, when it was paired and last seen (wall ms). */
    public record Device(String name, String hash, long paired, long seen) {}

    static final int MAX = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Consumer<String> log;
    private final LongSupplier clock;
    private final List<Device> devices = new ArrayList<>();

    public Devices(Path file, Consumer<String> log, LongSupplier clock) {
        this.file = file;
        this.log = log;
        this.clock = clock;
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Node n = Json.parseStrict(file);
            if (n == null || !n.path("devices").isArray()) {
                CorruptFile.keep(file, "not a devices file", Instant.now(), log);
                return;
            }
            for (Node d : n.path("devices")) {
                String name = d.path("name").asText("");
                String hash = d.path("hash").asText("");
                if (name.isEmpty() || !hash.matches("[0-9a-f]{64}")) {
                    log.accept(file + ": a device left out");
                    continue;
                }
                devices.add(new Device(
                        name, hash, d.path("paired").asLong(0), d.path("seen").asLong(0)));
            }
        } catch (IOException e) {
            CorruptFile.keep(file, e, log);
        }
    }

    /** Pairs a device called {@code name} (made unique); returns its token (never stored). */
    public synchronized Paired add(String name) throws IOException {
        if (devices.size() >= MAX) {
            throw new IOException(MAX + " devices are paired; revoke one first (muxbar web devices)");
        }
        String base = name == null || name.isBlank() ? "device" : name.strip().replaceAll("[^\\p{L}\\p{N} ._-]", "");
        base = base.isEmpty() ? "device" : base.length() > 40 ? base.substring(0, 40) : base;
        String unique = base;
        for (int i = 2; named(unique) != null; i++) {
            unique = base + "-" + i;
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = clock.getAsLong();
        devices.add(new Device(unique, hash(token), now, now));
        save();
        return new Paired(unique, token);
    }

    /** A new device's name and token. */
    public record Paired(String name, String token) {}

    /** The device whose token this is (its last-seen time kept at most once a minute). */
    public synchronized Optional<String> who(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        byte[] h = hash(token).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (MessageDigest.isEqual(h, d.hash().getBytes(StandardCharsets.US_ASCII))) {
                long now = clock.getAsLong();
                if (now - d.seen() > 60_000) {
                    devices.set(i, new Device(d.name(), d.hash(), d.paired(), now));
                    try {
                        save();
                    } catch (IOException e) {
                        log.accept("web-devices.json not written: " + e.getMessage());
                    }
                }
                return Optional.of(d.name());
            }
        }
        return Optional.empty();
    }

    /** Ends a device's pairing: its open page stops at its next request. False when none is called so. */
    public synchronized boolean revoke(String name) throws IOException {
        Device d = named(name);
        if (d == null) {
            return false;
        }
        devices.remove(d);
        save();
        return true;
    }

    public synchronized List<Device> list() {
        return List.copyOf(devices);
    }

    private Device named(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        JsonObject root = Json.object().put("version", 1);
        List<Object> list = root.putArray("devices");
        for (Device d : devices) {
            list.add(Json.object()
                    .put("name", d.name())
                    .put("hash", d.hash())
                    .put("paired", d.paired())
                    .put("seen", d.seen()));
        }
        AtomicFiles.write(file, root + "\n");
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The CSRF token of a device: derived from its token, so only a page that holds the cookie learns it. */
    static String csrf(String token) {
        return hash("csrf:" + token).substring(0, 32);
    }
}
