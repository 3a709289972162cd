package dev.muxbar.web;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time pairing codes: each works once, within {@link #TTL_MS} of being made; at most {@link #OPEN}
 * at a time (the oldest goes). Codes avoid letters a person misreads. Thread-safe.
 */
public final class Pairing {

    static final long TTL_MS = 5 * 60_000;
    static final int OPEN = 8;
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Long> codes = new LinkedHashMap<>(); // code → made at

    /** A new code, valid until {@code now} + {@link #TTL_MS}. */
    public synchronized String open(long now) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        codes.put(sb.toString(), now);
        while (codes.size() > OPEN) {
            Iterator<String> it = codes.keySet().iterator();
            it.next();
            it.remove();
        }
        return sb.toString();
    }

    /** Whether {@code code} is open and young enough; it is used up either way. */
    public synchronized boolean take(String code, long now) {
        if (code == null) {
            return false;
        }
        Long made = codes.remove(code.strip().toUpperCase(java.util.Locale.ROOT));
        return made != null && now - made <= TTL_MS && now >= made;
    }
}
