package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.tmux.ControlParser;
import dev.muxbar.tmux.Formats.Part;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshPartsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%sessions-changed|SERVER SESSIONS WINDOWS PANES CLIENTS",
                "%session-renamed $1 x|SESSIONS",
                "%session-window-changed $1 @2|WINDOWS",
                "%window-renamed @2 vim|WINDOWS",
                "%unlinked-window-renamed @2 vim|WINDOWS",
                "%window-add @3|WINDOWS PANES",
                "%unlinked-window-close @3|WINDOWS PANES",
                "%layout-change @0 a b *|WINDOWS PANES",
                "%window-pane-changed @0 %3|PANES",
                "%client-session-changed /dev/pts/4 $1 beta|CLIENTS",
                "%client-detached /dev/pts/4|CLIENTS",
                "%session-changed $1 beta|CLIENTS", // our own client moved: ServerInfo.controlSession
                "%pane-mode-changed %3|",
                "%exit|",
                "%paste-buffer-changed buffer0|",
                "%subscription-changed muxbar-windows $1 @1 1 %1 : x|WINDOWS PANES",
                "%subscription-changed muxbar-pane-5 $1 @1 1 %5 : 17 0 3 t|",
                "%something-new x y|SERVER SESSIONS WINDOWS PANES CLIENTS",
            })
    void mapsNotificationsToParts(String line, String parts) {
        Set<Part> expected = EnumSet.noneOf(Part.class);
        if (parts != null) {
            for (String p : parts.split(" ")) {
                expected.add(Part.valueOf(p));
            }
        }
        assertEquals(expected, RefreshParts.of(ControlParser.notification(line)));
    }
}
