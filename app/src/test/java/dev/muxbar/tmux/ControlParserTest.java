package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlParserTest {

    private final List<ControlParser.Reply> replies = new ArrayList<>();
    private final List<Notification> notes = new ArrayList<>();
    private final ControlParser parser = new ControlParser(new ControlParser.Sink() {
        @Override
        public void reply(ControlParser.Reply reply) {
            replies.add(reply);
        }

        @Override
        public void notification(Notification n) {
            notes.add(n);
        }
    });

    private void feed(String... lines) {
        for (String l : lines) {
            parser.accept(l);
        }
    }

    @Test
    void framesRepliesAndTellsOursFromUnasked() {
        // Exactly what tmux 3.3a printed on this machine right after attach and for two commands.
        feed(
                "%begin 1795395925 270 0",
                "%end 1795395925 270 0",
                "%session-changed $1 we\\tird|$\"q x 名",
                "%begin 1795395925 275 1",
                "$0\u001falpha\u001f0",
                "%end 1795395925 275 1",
                "%begin 1795395925 277 1",
                "parse error: unknown command: bogus-cmd",
                "%error 1795395925 277 1");
        assertEquals(3, replies.size());
        assertFalse(replies.get(0).ours());
        assertTrue(replies.get(1).ours());
        assertEquals(List.of("$0\u001falpha\u001f0"), replies.get(1).lines());
        assertFalse(replies.get(1).error());
        assertTrue(replies.get(2).error());
        assertEquals(
                List.of("parse error: unknown command: bogus-cmd"),
                replies.get(2).lines());
        assertEquals(List.of(new Notification.SessionChanged("$1", "we\\tird|$\"q x 名")), notes);
    }

    @Test
    void outputThatLooksLikeAGuardButHasAnotherNumberStaysOutput() {
        feed("%begin 1 5 1", "%end of the world", "%end 1 4 1", "%end 1 5 1");
        assertEquals(1, replies.size());
        assertEquals(List.of("%end of the world", "%end 1 4 1"), replies.get(0).lines());
    }

    @Test
    void notificationsInsideBlocksAreOutputNotNotifications() {
        feed("%begin 1 9 1", "%sessions-changed", "%end 1 9 1");
        assertTrue(notes.isEmpty());
        assertEquals(List.of("%sessions-changed"), replies.get(0).lines());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%sessions-changed|SessionsChanged",
                "%session-renamed $2 new name|SessionRenamed",
                "%session-window-changed $1 @2|SessionWindowChanged",
                "%window-add @3|WindowChanged",
                "%window-close @3|WindowChanged",
                "%unlinked-window-add @2|WindowChanged",
                "%unlinked-window-close @2|WindowChanged",
                "%window-renamed @2 vim|WindowChanged",
                "%layout-change @0 b25d,160x40,0,0,0 b25d,160x40,0,0,0 *|LayoutChanged",
                "%window-pane-changed @0 %3|WindowPaneChanged",
                "%client-session-changed /dev/pts/4 $1 beta gamma|ClientSessionChanged",
                "%client-detached /dev/pts/4|ClientDetached",
                "%pane-mode-changed %3|PaneModeChanged",
                "%exit|Exit",
                "%exit detached|Exit",
                "%subscription-changed muxbar-windows $1 @1 1 %1 : x|SubscriptionChanged",
                "%subscription-changed|Other",
                "%paste-buffer-changed buffer0|Other",
                "%session-renamed|Other",
                "%|Other",
            })
    void typesNotifications(String line, String type) {
        assertEquals(type, ControlParser.notification(line).getClass().getSimpleName());
    }

    @Test
    void namesWithSpacesKeepTheirSpaces() {
        assertEquals(
                new Notification.SessionRenamed("$2", "a b  c"),
                ControlParser.notification("%session-renamed $2 a b  c"));
        assertEquals(
                new Notification.ClientSessionChanged("/dev/pts/4", "$1", "x y"),
                ControlParser.notification("%client-session-changed /dev/pts/4 $1 x y"));
        assertInstanceOf(Notification.LayoutChanged.class, ControlParser.notification("%layout-change @1 x y z"));
        assertEquals(
                new Notification.WindowChanged(Notification.Change.RENAMED, false, "@2"),
                ControlParser.notification("%unlinked-window-renamed @2 vim"));
        assertEquals(
                new Notification.WindowChanged(Notification.Change.CLOSE, true, "@3"),
                ControlParser.notification("%window-close @3"));
        assertEquals(
                new Notification.SubscriptionChanged("muxbar-pane-5", List.of("$1", "@1", "1", "%5", ":", "17")),
                ControlParser.notification("%subscription-changed muxbar-pane-5 $1 @1 1 %5 : 17"));
    }

    @Test
    void fuzzNeverThrowsAndStillFramesAfterGarbage() {
        Random r = new Random(42);
        String alphabet = "%$@ \t\\\"'|01 beginderrorxit-\u001e\u001f名\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) == 0) {
                sb.append(List.of("%begin ", "%end ", "%error ", "%").get(r.nextInt(4)));
            }
            int len = r.nextInt(30);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            parser.accept(sb.toString());
        }
        parser.accept(null);
    }

    @Test
    void strayLinesOutsideBlocksDoNotDisturbFraming() {
        Random r = new Random(43);
        String alphabet = "$@ \t\\\"'|01 endrorxit-\u001e\u001f名";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "%" : "");
            for (int k = r.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            if (!line.startsWith("%begin")) {
                parser.accept(line);
            }
        }
        replies.clear();
        feed("%begin 9 1000000 1", "ok", "%end 9 1000000 1");
        assertEquals(1, replies.size());
        assertEquals(List.of("ok"), replies.get(0).lines());
    }
}
