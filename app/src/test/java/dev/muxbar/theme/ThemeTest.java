package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void defaultThemeLoadsWithEveryRole() {
        Theme t = Theme.builtIn("default");
        assertEquals("default", t.name());
        for (String role : Theme.ROLES) {
            t.color(role);
        }
    }

    private static IllegalArgumentException broken(String json) {
        return assertThrows(IllegalArgumentException.class,
                () -> Theme.parse("my.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] readDefault() {
        try (var in = Theme.class.getResourceAsStream("/themes/default.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void brokenFilesNameTheFileAndField() {
        assertTrue(broken("{nope").getMessage().startsWith("my.json: not valid JSON"));
        assertTrue(broken("{\"colors\":{}}").getMessage().contains("\"name\""));
        assertTrue(broken("{\"name\":\"x\",\"colors\":{}}").getMessage().contains("colors.background"));
        String bad = new String(readDefault(), StandardCharsets.UTF_8);
        assertTrue(broken(bad.replace("\"#e06c75\"", "\"red\"")).getMessage()
                .contains("my.json: field \"colors.error\": not a #rrggbb colour: red"));
    }
}
