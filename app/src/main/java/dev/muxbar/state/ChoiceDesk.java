package dev.muxbar.state;

import dev.muxbar.model.Choices;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.theme.ThemeChoices;
import dev.muxbar.theme.ThemeResult;
import java.util.HashSet;
import java.util.Set;

/**
 * The loop's side of the user's choices: muted sessions, sidebars on or off, width, the notice
 * (cleared after {@link Core#NOTICE_MS}), and the theme (chosen through the theme service, which
 * owns theme files and the system's appearance). Owned by {@link Core}, on the loop thread; {@code changed}
 * asks Core to publish.
 */
final class ChoiceDesk {

    private final Scheduler scheduler;
    private final Runnable changed;
    private final Set<String> muted = new HashSet<>();
    private Choices choices = Choices.DEFAULT;
    private Scheduler.Cancellable noticeTimer;
    private ThemeChoices themes;

    ChoiceDesk(Scheduler scheduler, Runnable changed) {
        this.scheduler = scheduler;
        this.changed = changed;
    }

    /** Who shows themes: a {@code ChooseTheme} is carried out by it (on the loop). */
    void themes(ThemeChoices themes) {
        this.themes = themes;
    }

    Choices choices() {
        return choices;
    }

    Set<String> muted() {
        return muted;
    }

    void start(Choices initial) {
        choices = initial;
    }

    /** One choice event; asks Core to publish, as the other desks do. */
    void handle(Event e) {
        if (e instanceof Event.ToggleMute m) {
            if (!muted.remove(m.sessionId())) {
                muted.add(m.sessionId());
            }
        } else if (e instanceof Event.SetSidebars s) {
            choices = choices.withSidebars(s.on() == null ? !choices.sidebars() : s.on());
            if (s.done() != null) {
                s.done().complete(choices.sidebars());
            }
        } else if (e instanceof Event.SetWidth w) {
            choices = choices.withWidth(w.width(), w.keep());
        } else if (e instanceof Event.ChooseTheme t) {
            ThemeResult r = themes == null
                    ? new ThemeResult.NoSuchTheme("no themes in this daemon")
                    : themes.set(t.name(), t.keep());
            if (r instanceof ThemeResult.Shown shown) {
                choices = choices.withTheme(shown.name());
            }
            if (t.done() != null) {
                t.done().complete(r);
            }
        } else if (e instanceof Event.ThemeShown t) {
            choices = choices.withTheme(t.name());
        } else if (e instanceof Event.ShowNotice n) {
            choices = choices.withNotice(n.text());
            if (noticeTimer != null) {
                noticeTimer.cancel();
            }
            noticeTimer = scheduler.schedule(Core.NOTICE_MS, () -> {
                noticeTimer = null;
                choices = choices.withNotice(null);
                changed.run();
            });
        } else {
            throw new AssertionError(e);
        }
        changed.run();
    }

    /** Mutes of sessions that are gone go too (bounded by sessions). */
    void retainSessions(Snapshot s) {
        if (!muted.isEmpty()) {
            muted.retainAll(s.sessions().stream().map(Snapshot.Session::id).toList());
        }
    }

    void stop() {
        if (noticeTimer != null) {
            noticeTimer.cancel();
            noticeTimer = null;
        }
    }
}
