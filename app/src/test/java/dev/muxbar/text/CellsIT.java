package dev.muxbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** muxbar's cell widths are tmux's: every string of the table measured by the tmux on this machine ({@code #{w:…}}). */
class CellsIT {

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    static final List<String> TABLE = List.of(
            "plain",
            "café",
            "cafe\u0301",
            "日本語",
            "漢字 mix",
            "🚀 rocket",
            "✅ done",
            "⚡ zap",
            "✓ ok",
            "● dot",
            "▎bar",
            "─┼─",
            "ｆｕｌｌ",
            "한국어",
            "x\u200by",
            "e\u0301\u0327",
            "Ω≈ç√∫",
            "🤖 agent",
            "⏳ wait",
            "☕ tea",
            "❯ prompt",
            "★ star",
            "⭐ star",
            "→ arrow",
            "…",
            "\u00a0nbsp",
            "ǅ",
            "ﬁ",
            "𝕏",
            "🀄",
            "🃏",
            "🈁",
            "〜",
            "・",
            "ｰ");

    @Test
    void widthsAgreeWithTmux() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("w"));
        StringBuilder wrong = new StringBuilder();
        for (String s : TABLE) {
            tmux.tmux("set-option", "-g", "@s", s);
            int theirs = Integer.parseInt(tmux.display("w", "#{w:@s}"));
            if (theirs != Cells.width(s)) {
                wrong.append(String.format(
                        "%s (U+%04X…): tmux %d, muxbar %d%n", s, s.codePointAt(0), theirs, Cells.width(s)));
            }
        }
        assertEquals("", wrong.toString());
    }
}
