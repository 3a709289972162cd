package dev.muxbar.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object being built, members in the order they are put; {@link #toString()} is its compact
 * JSON. Values are anything {@link Json#write} takes.
 */
public final class JsonObject {
    private final Map<String, Object> members = new LinkedHashMap<>();

    public JsonObject put(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** A new object as the member {@code name}. */
    public JsonObject putObject(String name) {
        JsonObject child = new JsonObject();
        members.put(name, child);
        return child;
    }

    /** A new array as the member {@code name}: what is added to the list is written. */
    public List<Object> putArray(String name) {
        List<Object> child = new ArrayList<>();
        members.put(name, child);
        return child;
    }

    Map<String, Object> members() {
        return members;
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
