package dev.muxbar.theme;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Which theme is active, on the event loop: resolves it from the tmux options and the saved picks at
 * start, switches it for the picker, the CLI and the system appearance (auto mode), and re-reads
 * user theme files when they change. Every change goes to the listener set with {@link #onShow} (the sidebars repaint).
 */
public final class ThemeService implements ThemeChoices {

    /** The tmux options: {@code @muxbar-theme}, {@code @muxbar-theme-mode}, {@code -dark}, {@code -light}. */
    public record Options(String theme, String mode, String dark, String light) {
        public boolean auto() {
            return mode.equals("auto");
        }
    }

    /** The theme used when nothing names one, and auto mode's light default. */
    public static final String DEFAULT = "default";

    public static final String DEFAULT_LIGHT = "github-light";

    private final Themes themes;
    private final ThemeStore store;
    private final Options options;
    private final Appearance appearance;
    private final Executor loop;
    private Consumer<Theme> apply = t -> {};
    private final Consumer<String> log;
    private final DirWatcher watcher;
    private Theme current;
    private boolean dark = true; // until the system says otherwise
    /** The picker's list, kept current by the dir watcher (keys never touch the disk). */
    private List<Theme> choices;

    private List<String> problems = List.of(); // logged when they change

    public ThemeService(
            Themes themes,
            ThemeStore store,
            Options options,
            Appearance appearance,
            Executor loop,
            Consumer<String> log) {
        this.themes = themes;
        this.store = store;
        this.options = options;
        this.appearance = appearance;
        this.loop = loop;
        this.log = log;
        this.current = pick(slot());
        this.choices = list();
        this.watcher = new DirWatcher(themes.userDir(), n -> n.endsWith(".json"), () -> loop.execute(this::reload));
    }

    /** Starts watching the user's theme dir and, in auto mode, the system appearance. */
    public void start() {
        watcher.start("theme-watch");
        if (options.auto() && !appearance.available()) {
            log.accept("auto theme mode: the system appearance is " + appearance.source() + "; staying on dark");
        }
        if (options.auto()) {
            appearance.start(d -> loop.execute(() -> {
                dark = d;
                show(pick(slot()));
            }));
        }
    }

    @Override
    public Theme current() {
        return current;
    }

    /**
     * The themes a page of another device wears: the fixed one, or in auto mode the dark one and the light
     * one (the device's own appearance picks). Read-only: safe off the loop.
     */
    public List<Theme> forPages() {
        return options.auto() ? List.of(pick(ThemeSlot.DARK), pick(ThemeSlot.LIGHT)) : List.of(current);
    }

    /** {@code FIXED}, or in auto mode {@code DARK}/{@code LIGHT} for the current appearance. */
    public ThemeSlot slot() {
        return !options.auto() ? ThemeSlot.FIXED : dark ? ThemeSlot.DARK : ThemeSlot.LIGHT;
    }

    /** Every theme to choose from, sorted by name, as of the last change in the user's theme dir. */
    @Override
    public List<Theme> all() {
        return choices;
    }

    /** Who shows the themes (on the loop): the sidebars. */
    public void onShow(Consumer<Theme> listener) {
        this.apply = listener;
    }

    private List<Theme> list() {
        return themes.all().values().stream().map(Themes.Entry::theme).toList();
    }

    /**
     * Shows theme {@code name} on every sidebar; {@code keep} also saves it for the current slot.
     * Nothing changes when there is no such theme or its file is broken.
     */
    @Override
    public ThemeResult set(String name, boolean keep) {
        Theme t;
        try {
            t = themes.get(name);
        } catch (Themes.NoSuchTheme e) {
            return new ThemeResult.NoSuchTheme(e.getMessage());
        } catch (Themes.BrokenTheme e) {
            return new ThemeResult.BrokenFile(e.getMessage());
        }
        if (keep) {
            try {
                store.save(slot(), name, option(slot()));
            } catch (IOException e) {
                return new ThemeResult.NotSaved("cannot save the theme choice: " + e.getMessage());
            }
        }
        show(t);
        return new ThemeResult.Shown(name, keep);
    }

    /** For {@code GET /themes} and {@code muxbar doctor}. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("theme", current.name());
        out.put("mode", options.auto() ? "auto" : "fixed");
        out.put("slot", slot().key());
        if (options.auto()) {
            out.put("appearance", appearance.available() ? dark ? "dark" : "light" : "unknown (dark)");
            out.put("appearanceSource", appearance.source());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Themes.Entry e : themes.all().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.theme().name());
            m.put("appearance", e.theme().appearance());
            m.put("user", e.user());
            m.put("description", e.theme().description());
            list.add(m);
        }
        out.put("themes", list);
        out.put("problems", themes.problems());
        return out;
    }

    /** A user theme file changed: show the new version of the active theme, or say why not. */
    private void reload() {
        choices = list();
        try {
            Theme t = themes.get(current.name());
            if (!t.equals(current)) {
                log.accept("theme " + t.name() + " changed on disk; showing it");
                show(t);
            }
        } catch (IllegalArgumentException e) {
            log.accept(e.getMessage() + "; keeping the previous version of theme " + current.name());
        }
        List<String> now = themes.problems();
        if (!now.equals(problems)) {
            now.stream().filter(p -> !problems.contains(p)).forEach(p -> log.accept("theme file left out: " + p));
            problems = now;
        }
    }

    private void show(Theme t) {
        if (!t.equals(current)) {
            current = t;
            apply.accept(t);
        }
    }

    /** The theme for a slot: the saved pick, else the option, else the default; a bad name is logged. */
    private Theme pick(ThemeSlot slot) {
        String fallback = slot == ThemeSlot.LIGHT ? DEFAULT_LIGHT : DEFAULT;
        String name = store.resolve(slot, option(slot), fallback);
        try {
            return themes.get(name);
        } catch (IllegalArgumentException e) {
            log.accept("theme " + name + " (" + slot.option() + "): " + e.getMessage() + "; using " + fallback);
            return themes.get(fallback);
        }
    }

    private String option(ThemeSlot slot) {
        return switch (slot) {
            case DARK -> options.dark().isEmpty() ? options.theme() : options.dark();
            case LIGHT -> options.light();
            case FIXED -> options.theme();
        };
    }

    public void close() {
        watcher.close();
        appearance.close();
    }
}
