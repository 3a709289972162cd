package dev.muxbar.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads JSON text into {@link Node}s and writes values as JSON.
 *
 * <p>Reading: {@link #parse} takes the first value and ignores what follows it (as the daemon always
 * did with hook bodies and transcript lines); {@link #parseStrict}, for files muxbar or the user
 * writes, refuses trailing content and a key given twice. Empty text is the missing node.
 *
 * <p>Writing ({@link #write}): null, strings, booleans, numbers, enums (through a method annotated
 * {@code @JsonValue} when there is one, else the name), maps (keys as text), iterables, arrays,
 * {@link Node}s, {@link JsonObject}s, and records, as an object of their components in declaration order followed by
 * their public {@code isX()}/{@code getX()} methods — the shape jackson-databind gave the API's
 * answers and the event stream, which clients read.
 */
public final class Json {
    private Json() {}

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Text that is no JSON, said in Jackson's words (with line and column). */
    public static final class JsonException extends IOException {
        private static final long serialVersionUID = 1L;

        public JsonException(String message, Throwable cause) {
            super(message, cause);
        }

        public JsonException(String message) {
            super(message);
        }
    }

    /** The first JSON value in {@code text}; {@link Node#MISSING} when there is none. */
    public static Node parse(String text) throws JsonException {
        return ofText(FACTORY, text, false);
    }

    /** {@link #parse} from a stream (UTF-8, or what the bytes say). */
    public static Node parse(InputStream in) throws IOException {
        return read(FACTORY.createParser(in), false);
    }

    /** A file's one JSON value: trailing content or a duplicated key is an error. */
    public static Node parseStrict(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseStrict(in);
        }
    }

    /** {@link #parseStrict(Path)} from a stream. */
    public static Node parseStrict(InputStream in) throws IOException {
        return read(STRICT.createParser(in), true);
    }

    /** {@link #parseStrict(Path)} of text. */
    public static Node parseStrict(String text) throws JsonException {
        return ofText(STRICT, text, true);
    }

    private static Node ofText(JsonFactory factory, String text, boolean strict) throws JsonException {
        try {
            return read(factory.createParser(text), strict);
        } catch (JsonException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonException(message(e), e); // text has no I/O of its own to fail
        }
    }

    /** Reads one value and closes the parser; Jackson's complaints become {@link JsonException}s. */
    private static Node read(JsonParser parser, boolean strict) throws IOException {
        try (JsonParser p = parser) {
            return first(p, strict);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new JsonException(message(e), e);
        }
    }

    private static String message(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JacksonException j
                ? j.getOriginalMessage()
                        + (j.getLocation() == null
                                ? ""
                                : " (line " + j.getLocation().getLineNr() + ", column "
                                        + j.getLocation().getColumnNr() + ")")
                : String.valueOf(e.getMessage());
    }

    private static Node first(JsonParser p, boolean strict) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return Node.MISSING;
        }
        Node n = value(p, t);
        if (strict && p.nextToken() != null) {
            throw new JsonException(
                    "more content after the value (line " + p.currentLocation().getLineNr() + ")");
        }
        return n;
    }

    private static Node value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Node> members = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    members.put(name, value(p, p.nextToken()));
                }
                return Node.object(members);
            }
            case START_ARRAY: {
                List<Node> elements = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    elements.add(value(p, e));
                }
                return Node.array(elements);
            }
            case VALUE_STRING:
                return Node.string(p.getText());
            case VALUE_NUMBER_INT:
                return Node.number(p.getNumberValue()); // Integer, Long or BigInteger by size
            case VALUE_NUMBER_FLOAT:
                return Node.number(p.getDoubleValue());
            case VALUE_TRUE:
                return Node.TRUE;
            case VALUE_FALSE:
                return Node.FALSE;
            case VALUE_NULL:
                return Node.NULL;
            default:
                throw new JsonException(
                        "unexpected " + t + " (line " + p.currentLocation().getLineNr() + ")");
        }
    }

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        return write(value, false);
    }

    /** {@code value} as JSON indented for people (files they may read). */
    public static String pretty(Object value) {
        return write(value, true);
    }

    /** A new object to build. */
    public static JsonObject object() {
        return new JsonObject();
    }

    /** {@code {"error": message}}. */
    public static String error(String message) {
        return write(java.util.Map.of("error", message));
    }

    private static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            Writer.value(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
