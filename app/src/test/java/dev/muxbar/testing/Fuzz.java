package dev.muxbar.testing;

import java.util.List;
import java.util.Random;

/**
 * Property tests' inputs: mutations of real examples and random strings of the characters that
 * break things (quotes, {@code |}, {@code $}, {@code #{…}}, control characters, unicode). A fixed
 * seed and a small count in CI; long runs by hand:
 * {@code mvn -pl app test -Dtest='*Fuzz*' -Dmuxbar.fuzz.iterations=200000 -Dmuxbar.fuzz.seed=$RANDOM}.
 * A failure names the seed and the input, so it can be replayed.
 */
public final class Fuzz {

    public static final String NASTY =
            "'\"\\;|$#{}()[]<>*?~`%&=,:.\t\n\r\u0000\u0001\u001b\u007f\u0085\u2028é名😀 -_/0123456789abcdefxyz";
    private static final String[] JSON_TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "null",
        "true",
        "1e999",
        "-0",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "{\"a\":",
        "\"x\"",
        "[[[[[[",
        "9999999999999999999999"
    };

    private final Random random;
    public final long seed;

    private Fuzz(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static Fuzz create() {
        return new Fuzz(Long.getLong("muxbar.fuzz.seed", 20261201L));
    }

    /** How many inputs a property gets: {@code muxbar.fuzz.iterations}, else {@code ci}. */
    public static int iterations(int ci) {
        return Integer.getInteger("muxbar.fuzz.iterations", ci);
    }

    public Random random() {
        return random;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A string of up to {@code max} code points from {@link #NASTY}. */
    public String nasty(int max) {
        int[] cps = NASTY.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    /**
     * {@code seed} changed in 1 to 4 places: a character deleted, a span duplicated, a nasty string or
     * a JSON token inserted, or a span replaced by one. Keeps most of the structure, so the parser
     * gets past its first check.
     */
    public String mutate(String seed) {
        StringBuilder s = new StringBuilder(seed);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> {
                    int end = Math.min(s.length(), at + random.nextInt(20));
                    s.insert(at, s.substring(at, end));
                }
                case 2 -> s.insert(at, nasty(6));
                case 3 -> s.insert(at, JSON_TOKENS[random.nextInt(JSON_TOKENS.length)]);
                default -> {
                    int end = Math.min(s.length(), at + random.nextInt(12));
                    s.replace(
                            at, end, random.nextBoolean() ? nasty(4) : JSON_TOKENS[random.nextInt(JSON_TOKENS.length)]);
                }
            }
        }
        return s.toString();
    }

    /** For failure messages: the seed and the input, escaped. */
    public String replay(String input) {
        return "seed " + seed + ", input: " + input.replace("\n", "\\n").replace("\r", "\\r");
    }
}
