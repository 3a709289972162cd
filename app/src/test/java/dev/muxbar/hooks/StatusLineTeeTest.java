package dev.muxbar.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statusLine tee in Claude's settings: the user's command kept as the tee's argument (read back
 * exactly, whatever it holds), their padding and formatting untouched, uninstall byte-exact — with the
 * hooks installed and removed in the same edit, as {@code muxbar hooks} does.
 */
class StatusLineTeeTest {

    private static final String TEE = "'/opt/my muxbar/scripts/muxbar-statusline'";
    private static final String HOOK = "/opt/muxbar/scripts/muxbar-hook claude";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String install(String text) throws Exception {
        return StatusLineTee.install(ClaudeSettings.install(text, HOOK), TEE);
    }

    private static String uninstall(String text) throws Exception {
        return StatusLineTee.uninstall(ClaudeSettings.uninstall(text));
    }

    private static String command(String text) throws Exception {
        return JSON.readTree(text).path("statusLine").path("command").asText();
    }

    @Test
    void theUsersCommandRunsThroughTheTeeAndComesBackByteForByte() throws Exception {
        for (String user : List.of(
                "~/.claude/statusline.sh",
                "bash -c 'echo \"$PWD\" | cut -c1-20'",
                "npx -y ccusage statusline",
                "printf '%s' \"it's ü $(date) #{pane_id} | \\\\ back\"",
                "")) {
            String before =
                    "{\n  \"model\": \"opus\",\n  \"statusLine\": {\n    \"type\": \"command\",\n    \"command\": "
                            + JSON.writeValueAsString(user) + ",\n    \"padding\": 2\n  }\n}\n";
            String after = install(before);
            assertEquals(TEE + " " + StatusLineTee.quote(user), command(after));
            assertEquals(user, StatusLineTee.unquote(StatusLineTee.afterTee(command(after))), "read back: " + user);
            assertEquals(
                    2, JSON.readTree(after).path("statusLine").path("padding").asInt(), after);
            assertEquals(after, install(after), "a second install changes nothing");
            assertTrue(StatusLineTee.hasUserCommand(after));
            assertEquals(before, uninstall(after), "byte-exact: " + user);
        }
    }

    @Test
    void withoutAStatusLineTheTeeIsAddedAndUninstallRemovesIt() throws Exception {
        for (String before : List.of(
                "{}\n",
                "{\n  \"model\": \"opus\"\n}\n",
                "{\"permissions\": {\"defaultMode\": \"default\"}}",
                "{\n\t\"hooks\": {\n\t\t\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"mine\"}]}]\n\t}\n}\n")) {
            String after = install(before);
            assertEquals(TEE, command(after), after);
            assertTrue(!StatusLineTee.hasUserCommand(after));
            assertEquals(before, uninstall(after), "byte-exact");
        }
    }

    @Test
    void aStatusLineThatIsNotACommandOrWasEditedByTheUserIsLeftAlone() throws Exception {
        String notCommand = "{\"statusLine\": {\"type\": \"static\", \"text\": \"hi\"}}";
        assertEquals(notCommand, StatusLineTee.install(notCommand, TEE));
        String edited =
                "{\"statusLine\": {\"type\": \"command\", \"command\": \"" + "muxbar-statusline && echo mine\"}}";
        assertEquals(edited, StatusLineTee.uninstall(edited), "not what install wrote: the user's own");
        String other = "{\"statusLine\": {\"type\": \"command\", \"command\": \"my-line\"}}";
        assertEquals(other, StatusLineTee.uninstall(other), "no tee: nothing to undo");
    }
}
