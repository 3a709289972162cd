package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which theme is active: options, saved picks, auto mode slots. The loop is the calling thread here. */
class ThemeServiceTest {

    @TempDir
    Path tmp;

    private final List<String> shown = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /** An appearance the test flips by hand. */
    static final class FakeAppearance implements Appearance {
        Consumer<Boolean> onDark;

        @Override
        public String source() {
            return "test";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void start(Consumer<Boolean> c) {
            onDark = c;
        }

        @Override
        public void close() {
            // nothing
        }
    }

    private ThemeService service(ThemeService.Options o, Appearance a) {
        ThemeService s = new ThemeService(
                new Themes(tmp.resolve("themes")),
                new ThemeStore(tmp.resolve("theme.json"), m -> {}),
                o,
                a,
                Runnable::run,
                log::add);
        s.onShow(t -> shown.add(t.name()));
        s.start();
        return s;
    }

    private static ThemeService.Options fixed(String theme) {
        return new ThemeService.Options(theme, "", "", "");
    }

    @Test
    void optionThenSavedPickUntilTheOptionChanges() {
        ThemeService s = service(fixed("nord"), Appearance.unavailable("off"));
        assertEquals("nord", s.current().name());
        assertEquals(new ThemeResult.Shown("dracula", false), s.set("dracula", false));
        assertEquals(List.of("dracula"), shown, "a preview shows");
        assertEquals(
                "nord",
                service(fixed("nord"), Appearance.unavailable("off")).current().name(),
                "…and is not saved");
        assertEquals(new ThemeResult.Shown("gruvbox-dark", true), s.set("gruvbox-dark", true));
        assertEquals(
                "gruvbox-dark",
                service(fixed("nord"), Appearance.unavailable("off")).current().name(),
                "the saved pick wins while @muxbar-theme is what it was");
        assertEquals(
                "kanagawa",
                service(fixed("kanagawa"), Appearance.unavailable("off"))
                        .current()
                        .name(),
                "a new value in tmux.conf wins over an older pick");
    }

    @Test
    void unknownOrBrokenNamesChangeNothing() throws Exception {
        ThemeService s = service(fixed("no-such"), Appearance.unavailable("off"));
        assertEquals("default", s.current().name());
        assertTrue(log.get(0).contains("no theme called \"no-such\""), log.toString());
        assertEquals(
                new ThemeResult.NoSuchTheme("no theme called \"x'; rm -rf $HOME\" (muxbar themes list shows them)"),
                s.set("x'; rm -rf $HOME", true));
        Files.createDirectories(tmp.resolve("themes"));
        Files.writeString(tmp.resolve("themes/bad.json"), "{\"name\":\"bad\"}");
        ThemeResult broken = s.set("bad", true);
        assertTrue(
                broken instanceof ThemeResult.BrokenFile
                        && broken.message().contains("bad.json: field \"colors\" must be an object"),
                broken.toString());
        assertEquals(List.of(), shown);
        assertEquals("default", s.current().name());
        assertTrue(!Files.exists(tmp.resolve("theme.json")), "nothing saved");
    }

    @Test
    void autoModeFollowsTheAppearanceAndAManualPickFillsTheCurrentSlot() {
        FakeAppearance a = new FakeAppearance();
        ThemeService s = service(new ThemeService.Options("", "auto", "tokyo-night", "catppuccin-latte"), a);
        assertEquals("tokyo-night", s.current().name(), "dark until the system says otherwise");
        a.onDark.accept(false);
        assertEquals("catppuccin-latte", s.current().name());
        assertEquals(ThemeSlot.LIGHT, s.slot());
        assertEquals(new ThemeResult.Shown("one-light", true), s.set("one-light", true));
        a.onDark.accept(true);
        assertEquals("tokyo-night", s.current().name(), "the dark slot is untouched");
        a.onDark.accept(false);
        assertEquals("one-light", s.current().name(), "the pick went to the light slot");
        assertEquals(List.of("catppuccin-latte", "one-light", "tokyo-night", "one-light"), shown);
        assertEquals("light", s.describe().get("appearance"));
    }

    @Test
    void autoModeWithoutAnAppearanceStaysDarkAndSaysWhy() {
        ThemeService s = service(new ThemeService.Options("nord", "auto", "", ""), Appearance.unavailable("no bus"));
        assertEquals("nord", s.current().name(), "dark slot: @muxbar-theme-dark, else @muxbar-theme");
        assertEquals("unknown (dark)", s.describe().get("appearance"));
        assertEquals("unavailable: no bus", s.describe().get("appearanceSource"));
        assertTrue(log.stream().anyMatch(l -> l.contains("unavailable: no bus; staying on dark")), log.toString());
    }
}
