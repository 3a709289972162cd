package dev.muxbar.sidebar.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBytesTest {

    private static final Color FG = new Rgb(200, 200, 200);
    private static final Color BG = new Rgb(10, 20, 30);

    private static Line line(String... texts) {
        return new Line(java.util.Arrays.stream(texts)
                .map(t -> new Line.Span(t, FG, BG, false))
                .toList());
    }

    private static String between(List<Line> shown, List<Line> next) {
        return new String(FrameBytes.between(shown, next), StandardCharsets.UTF_8);
    }

    @Test
    void aFirstFrameWritesEveryRowAtItsPlace() {
        String out = between(null, List.of(line("ab"), line("cd")));
        assertEquals("\u001b[1;1H\u001b[0;38;2;200;200;200;48;2;10;20;30mab\u001b[2;1Hcd\u001b[0m", out);
    }

    @Test
    void onlyTheRowsThatChangedAreWritten() {
        List<Line> before = List.of(line("one "), line("two "), line("tri "));
        String out = between(before, List.of(line("one "), line("TWO "), line("tri ")));
        assertTrue(out.startsWith("\u001b[2;1H"), out);
        assertFalse(out.contains("one") || out.contains("tri"), out);
        assertTrue(out.contains("TWO "), out);
    }

    @Test
    void anUnchangedFrameIsNothing() {
        List<Line> same = List.of(line("x"));
        assertEquals(0, FrameBytes.between(same, List.of(line("x"))).length);
    }

    @Test
    void eachSpanStartsAtItsColumnCountingWideCharacters() {
        String out = between(null, List.of(line("日本", "x")));
        assertTrue(out.contains("\u001b[1;5Hx"), "the span after two wide characters starts at column 5: " + out);
    }

    @Test
    void controlCharactersFromAgentsNeverReachTheTty() {
        String out = between(null, List.of(line("a\u001b]52;c;ZXZpbA==\u0007b\u009bc")));
        assertFalse(out.contains("\u0007") || out.contains("\u009b") || out.contains("]52;c;ZXZpbA==\u0007"), out);
        assertTrue(out.contains("a]52;c;ZXZpbA==bc"), out);
    }

    @Test
    void aStyleIsWrittenOnlyWhenItChanges() {
        Line l = new Line(List.of(
                new Line.Span("a", FG, BG, false),
                new Line.Span("b", FG, BG, false),
                new Line.Span("c", FG, BG, true)));
        String out = between(null, List.of(l));
        assertEquals(2, out.split("\u001b\\[0;", -1).length - 1, out); // plain once, bold once
        assertTrue(out.contains("\u001b[0;1;38;2;"), out);
    }

    @Test
    void combiningMarksAreComposed() {
        assertTrue(between(null, List.of(line("cafe\u0301"))).contains("caf\u00e9"));
    }
}
