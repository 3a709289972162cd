package dev.muxbar.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the API (records serialise by their components). */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** {@code {"error": message}}. */
    public static String error(String message) {
        return MAPPER.createObjectNode().put("error", message).toString();
    }
}
