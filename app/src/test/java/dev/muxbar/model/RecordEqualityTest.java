package dev.muxbar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records compared on every publish and every frame have hand-written equals/hashCode (C1
 * runs a record's generated ones through a chain of method handles, ~10x slower): each must still
 * mean "all components equal". For every component, a copy differing only there is not equal; a
 * copy with the same values is equal with the same hash. A component added without its line in
 * equals fails here.
 */
class RecordEqualityTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dev.muxbar.model.Agent",
                "dev.muxbar.model.Model",
                "dev.muxbar.model.Snapshot",
                "dev.muxbar.model.Snapshot$ServerInfo",
                "dev.muxbar.model.Snapshot$Session",
                "dev.muxbar.model.Snapshot$Window",
                "dev.muxbar.model.Snapshot$Pane",
                "dev.muxbar.model.OrderBook",
                "dev.muxbar.model.OrderBook$Entry",
                "dev.muxbar.model.Choices",
                "dev.muxbar.model.Meta",
                "dev.muxbar.model.Meta$Line",
                "dev.muxbar.model.Meta$Progress",
                "dev.muxbar.sidebar.render.Line",
                "dev.muxbar.sidebar.render.Line$Span",
                "dev.muxbar.sidebar.render.SessionRows$Inputs",
                "dev.muxbar.theme.Color$Ansi",
                "dev.muxbar.theme.Color$Indexed",
                "dev.muxbar.theme.Rgb"
            })
    void everyComponentCounts(String name) throws Exception {
        Class<?> type = Class.forName(name);
        RecordComponent[] parts = type.getRecordComponents();
        Object[] base = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            base[i] = sample(type, parts[i], 0);
        }
        Object a = make(type, base);
        Object same = make(type, base.clone());
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        for (int i = 0; i < parts.length; i++) {
            Object[] changed = base.clone();
            changed[i] = sample(type, parts[i], 1);
            Object b = make(type, changed);
            java.lang.reflect.Method get = parts[i].getAccessor();
            get.setAccessible(true); // records of a package (sidebar's SessionRows.Inputs)
            Object was = get.invoke(a);
            Object now = get.invoke(b);
            assertNotEquals(was, now, name + "." + parts[i].getName() + ": the sample values do not differ");
            assertNotEquals(a, b, name + "." + parts[i].getName() + " is left out of equals");
            assertNotEquals(b, a, name + "." + parts[i].getName() + " is left out of equals");
        }
    }

    @Test
    void theComponentlessDefaultColourEqualsItselfOnly() {
        assertEquals(new dev.muxbar.theme.Color.Default(), new dev.muxbar.theme.Color.Default());
        assertEquals(new dev.muxbar.theme.Color.Default().hashCode(), new dev.muxbar.theme.Color.Default().hashCode());
        assertNotEquals(new dev.muxbar.theme.Color.Default(), new dev.muxbar.theme.Color.Ansi(0));
    }

    @Test
    void clientsStillLeaveActivityOut() {
        var a = new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 1, "$1", 100, 80, 24);
        var b = new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 1, "$1", 200, 80, 24);
        assertEquals(a, b);
        assertTrue(a.hashCode() == b.hashCode());
    }

    private static Object make(Class<?> type, Object[] args) throws Exception {
        Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
    }

    /** Value {@code which} (0 or 1) for a component; the two always differ. */
    private static Object sample(Class<?> owner, RecordComponent part, int which) throws Exception {
        if (owner == Agent.class && part.getName().equals("status")) {
            return which == 0 ? Status.WAITING : Status.RUNNING; // waitsFor only counts while waiting
        }
        if (owner == dev.muxbar.theme.Color.Ansi.class) {
            return which == 0 ? 1 : 2; // 0-15
        }
        return sample(part.getGenericType(), which);
    }

    private static Object sample(Type generic, int which) throws Exception {
        Class<?> c = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (c == String.class) {
            return which == 0 ? "a" : "b";
        } else if (c == int.class) {
            return which == 0 ? 17 : 18; // inside xterm's 16-255 and 24-bit ranges
        } else if (c == long.class) {
            return which == 0 ? 1L : 2L;
        } else if (c == double.class || c == Double.class) {
            return which == 0 ? 1.0 : 2.0;
        } else if (c == boolean.class) {
            return which == 1;
        } else if (c.isEnum()) {
            return c.getEnumConstants()[which];
        } else if (c == List.class || c == Set.class || c == Map.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[c == Map.class ? 1 : 0];
            if (which == 0) {
                return c == List.class ? List.of() : c == Set.class ? Set.of() : Map.of();
            }
            Object e = sample(element, 0);
            return c == List.class ? List.of(e) : c == Set.class ? Set.of(e) : Map.of("a", e);
        } else if (c == dev.muxbar.theme.Theme.class) {
            return dev.muxbar.theme.Theme.builtIn(which == 0 ? "default" : "nord");
        } else if (c == dev.muxbar.theme.Color.class) {
            return which == 0 ? new dev.muxbar.theme.Rgb(1, 2, 3) : new dev.muxbar.theme.Rgb(4, 5, 6);
        } else if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Object[] args = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                args[i] = sample(c, parts[i], i == 0 ? which : 0);
            }
            return make(c, args);
        }
        throw new AssertionError("no sample for " + generic);
    }
}
