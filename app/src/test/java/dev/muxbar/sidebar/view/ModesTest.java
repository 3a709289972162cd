package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.agents.Prompts;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every view mode, as {@link Mode} permits them: each draws an exact frame, shows its own footer and
 * lets Esc take the user back to the list. A new mode fails here until it has a sample below.
 */
class ModesTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b");
    private final Model model = Model.of(snap, OrderBook.EMPTY.reconcile(snap));

    private static final Map<Class<?>, Mode> SAMPLES = Map.of(
            ListMode.class, new ListMode(),
            ConfirmKill.class, new ConfirmKill("$1", "b"),
            NamePrompt.class, new NamePrompt("rename", "$1", "b"),
            AgentForm.class, new AgentForm("$1", LineEdit.of("claude fix-x")),
            WidthMode.class, new WidthMode(30, 32),
            ThemePicker.class, new ThemePicker("default", "", "default"),
            HelpMode.class, new HelpMode(),
            AnswerMode.class,
                    new AnswerMode(
                            Place.HERE,
                            "%3",
                            "claude",
                            "h",
                            List.of(
                                    new Prompts.Choice(1, "Yes", List.of(), false),
                                    new Prompts.Choice(2, "No", List.of(), false))),
            ReplyMode.class, new ReplyMode(Place.HERE, "%3", "claude", LineEdit.of("hi"), true, false),
            PeekMode.class, new PeekMode(Place.HERE, "%3", "claude", List.of("$ make", "ok")));

    private Renderer.Input in(Mode m) {
        return new Renderer.Input(
                model,
                Theme.builtIn("default"),
                View.INITIAL.withMode(m),
                "$0",
                30,
                12,
                Map.of(),
                0,
                null,
                List.of(Theme.builtIn("default"), Theme.builtIn("nord")));
    }

    @Test
    void everyPermittedModeHasASample() {
        for (Class<?> c : Mode.class.getPermittedSubclasses()) {
            assertTrue(SAMPLES.containsKey(c), c.getSimpleName() + " needs a sample in ModesTest");
        }
        assertEquals(Mode.class.getPermittedSubclasses().length, SAMPLES.size());
    }

    @Test
    void everyModeDrawsAnExactFrameWithItsOwnFooter() {
        String listFooter = text(new ListMode().footer(in(new ListMode())));
        for (Mode m : SAMPLES.values()) {
            List<Line> frame = Renderer.render(in(m));
            assertEquals(12, frame.size(), m + ": rows");
            for (Line l : frame) {
                assertEquals(30, Cells.width(l.text()), m + ": a row of the wrong width: '" + l.text() + "'");
            }
            String footer = text(frame.get(frame.size() - 1));
            assertEquals(text(m.footer(in(m))), footer, m + ": the footer is the mode's");
            if (!(m instanceof ListMode) && !(m instanceof HelpMode)) {
                assertTrue(!footer.equals(listFooter), m + " shows its own footer: " + footer);
            }
            m.over(in(m), 9).ifPresent(rows -> assertEquals(9, rows.size(), m + ": rows over the list"));
        }
    }

    @Test
    void escapeTakesEveryModeBackToTheList() {
        for (Mode m : SAMPLES.values()) {
            Keys.Result r = Keys.handle(in(m), new KeyStroke(KeyType.Escape));
            assertEquals(new ListMode(), r.view().mode(), m + ": Esc");
        }
    }

    private static String text(Line l) {
        return l.text();
    }
}
