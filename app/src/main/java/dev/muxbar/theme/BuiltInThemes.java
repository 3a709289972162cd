package dev.muxbar.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The themes shipped in the jar under {@code /themes/} (copied there from the repository's {@code themes/}). */
final class BuiltInThemes {
    private BuiltInThemes() {}

    static Theme load(String name) {
        if (!name.matches(ThemeFile.NAME)) {
            throw new IllegalArgumentException("no built-in theme " + name);
        }
        String resource = "/themes/" + name + ".json";
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in theme " + name);
            }
            return ThemeFile.parse(name + ".json (built in)", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the shipped themes, sorted (read from the jar's or the classpath dir's listing). */
    static List<String> names() {
        try {
            URI uri = Theme.class.getResource("/themes/default.json").toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(fs.getPath("/themes"));
                } catch (FileSystemAlreadyExistsException e) {
                    return list(FileSystems.getFileSystem(uri).getPath("/themes")); // someone else's: leave it open
                }
            }
            return list(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("schema.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }
}
