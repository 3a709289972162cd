package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.fail;

import dev.muxbar.testing.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A user's theme file, however broken, loads or is refused with IllegalArgumentException (file and field). */
class ThemeFileFuzzTest {

    @Test
    void brokenThemeFilesAreRefusedCleanly() throws IOException {
        String nord;
        try (InputStream in = ThemeFileFuzzTest.class.getResourceAsStream("/themes/nord.json")) {
            nord = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Fuzz f = Fuzz.create();
        for (int i = Fuzz.iterations(3_000); i > 0; i--) {
            String input = f.mutate(nord);
            try {
                ThemeFile.parse("mine.json", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith("mine.json")) {
                    fail("the error must name the file: " + e.getMessage() + "; " + f.replay(input));
                }
            } catch (RuntimeException e) {
                fail(e + "; " + f.replay(input), e);
            }
        }
    }
}
