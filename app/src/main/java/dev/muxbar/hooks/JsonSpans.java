package dev.muxbar.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document with the character span of every value, so an edit can touch only the bytes it
 * means to (the user's formatting, key order and everything else stay exactly as they were).
 * Jackson's streaming parser supplies the offsets.
 */
final class JsonSpans {

    /** A value from {@code start} (inclusive) to {@code end} (exclusive); objects have members, arrays elements. */
    static final class Node {
        final int start;
        int end;
        final JsonToken kind;
        final List<Member> members = new ArrayList<>();
        final List<Node> elements = new ArrayList<>();
        String text; // scalars

        Node(int start, JsonToken kind) {
            this.start = start;
            this.kind = kind;
        }

        boolean isObject() {
            return kind == JsonToken.START_OBJECT;
        }

        boolean isArray() {
            return kind == JsonToken.START_ARRAY;
        }

        Member member(String name) {
            return members.stream().filter(m -> m.name.equals(name)).findFirst().orElse(null);
        }

        /** Every scalar text inside this value. */
        void texts(List<String> out) {
            if (text != null) {
                out.add(text);
            }
            members.forEach(m -> m.value.texts(out));
            elements.forEach(e -> e.texts(out));
        }
    }

    /** {@code "name": value}; {@code start} is where the key's quote starts. */
    record Member(String name, int start, Node value) {}

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonSpans() {}

    /** Parses {@code text}; throws with Jackson's message (line and column) when it is not JSON. */
    static Node parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("the file is empty");
            }
            Node root = value(p, t);
            if (p.nextToken() != null) {
                throw new IOException("text after the end of the JSON value at offset "
                        + p.currentTokenLocation().getCharOffset());
            }
            return root;
        }
    }

    private static Node value(JsonParser p, JsonToken t) throws IOException {
        Node n = new Node((int) p.currentTokenLocation().getCharOffset(), t);
        if (t == JsonToken.START_OBJECT) {
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                int keyStart = (int) p.currentTokenLocation().getCharOffset();
                String name = p.currentName();
                n.members.add(new Member(name, keyStart, value(p, p.nextToken())));
            }
        } else if (t == JsonToken.START_ARRAY) {
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                n.elements.add(value(p, e));
            }
        } else if (t == JsonToken.VALUE_STRING) {
            n.text = p.getText();
        }
        n.end = (int) p.currentLocation().getCharOffset();
        return n;
    }

    /** The offset just after the last non-space character before {@code at}. */
    static int trimBack(String text, int at) {
        int i = at;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The indentation of the line {@code at} is on. */
    static String indentOf(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }
}
