package dev.muxbar.cli;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.resurrect.SaveFile;
import dev.muxbar.tmux.PanePlaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbar resurrect save-file FILE}: run by muxbar's tmux-resurrect hook right after resurrect
 * wrote FILE (scripts/muxbar-resurrect): drops the sidebars from it ({@link SaveFile}) and prints
 * the panes it renumbered, one {@code FROM<TAB>TO} line each ({@code session:window.index}), and
 * the sidebars dropped ({@code FROM<TAB>-}), for the pane contents archive.
 */
@Command(
        name = "resurrect",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Used by muxbar's tmux-resurrect hooks: take the sidebars out of a save file.")
final class ResurrectCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Parameters(index = "0", paramLabel = "ACTION", description = "save-file")
    String action;

    @Parameters(index = "1", paramLabel = "FILE", description = "the file tmux-resurrect just saved")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!action.equals("save-file")) {
            System.err.println("muxbar resurrect: unknown action '" + action + "' (save-file)");
            return 2;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("muxbar resurrect: not a regular file: " + file);
            return 2;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        SaveFile.Stripped s = SaveFile.strip(text, PanePlaces.list(target.address()));
        if (!s.text().equals(text)) {
            AtomicFiles.write(file, s.text());
        }
        StringBuilder out = new StringBuilder();
        s.dropped()
                .forEach(p -> out.append(p.session())
                        .append(':')
                        .append(p.window())
                        .append('.')
                        .append(p.index())
                        .append("\t-\n"));
        s.moves()
                .forEach(m -> out.append(m.session())
                        .append(':')
                        .append(m.window())
                        .append('.')
                        .append(m.from())
                        .append('\t')
                        .append(m.session())
                        .append(':')
                        .append(m.window())
                        .append('.')
                        .append(m.to())
                        .append('\n'));
        System.out.print(out);
        return 0;
    }
}
