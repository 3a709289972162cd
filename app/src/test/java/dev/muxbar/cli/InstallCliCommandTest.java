package dev.muxbar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InstallCliCommandTest {

    @TempDir
    Path tmp;

    @Test
    void linksTheLauncherOnceAndNeverReplacesSomethingElse() throws Exception {
        Path launcher = Files.writeString(tmp.resolve("scripts-muxbar"), "#!/bin/sh\n");
        Path bin = tmp.resolve("home/.local/bin");
        assertEquals(0, InstallCliCommand.install(bin, launcher, Map.of("PATH", "/usr/bin")));
        assertEquals(launcher, Files.readSymbolicLink(bin.resolve("muxbar")));
        assertEquals(
                0, InstallCliCommand.install(bin, launcher, Map.of("PATH", bin.toString())), "already there: fine");

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("muxbar"), "someone else's\n");
        assertEquals(1, InstallCliCommand.install(other, launcher, Map.of()));
        assertEquals("someone else's\n", Files.readString(other.resolve("muxbar")), "left as it is");
    }

    @Test
    void completionScriptsForEachShell() {
        CommandLine root = new CommandLine(new Main());
        String fish = CompletionCommand.fish(root);
        assertTrue(fish.contains("complete -c muxbar -n '__fish_use_subcommand' -a status -d "), fish);
        assertTrue(fish.contains("-n '__fish_seen_subcommand_from status' -s L"), fish);
        assertTrue(!fish.contains("-a resurrect"), "hidden commands are not offered");
        String bash = picocli.AutoComplete.bash("muxbar", root);
        assertTrue(bash.contains("complete -F") && bash.contains("themes"), bash.substring(0, 200));
    }
}
