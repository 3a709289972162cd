package dev.muxbar.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON value, read-only. Navigation never throws: {@link #path} of something absent is the
 * {@linkplain #MISSING missing} node, whose {@code asText()} is {@code ""}; {@link #get} gives null
 * instead. The accessors keep the meaning Jackson's {@code JsonNode} gives the same names (hook and
 * rule code was written against those): {@code asText()} of a number is its digits, of an object
 * {@code ""}; {@code asInt()} of {@code "12"} is 12; {@code asBoolean()} of {@code "true"} is true.
 */
public final class Node implements Iterable<Node> {

    /** What a node holds. */
    public enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL,
        MISSING
    }

    public static final Node MISSING = new Node(Kind.MISSING, null, null, null, null);
    public static final Node NULL = new Node(Kind.NULL, null, null, null, null);
    static final Node TRUE = new Node(Kind.BOOLEAN, "true", null, null, null);
    static final Node FALSE = new Node(Kind.BOOLEAN, "false", null, null, null);

    private final Kind kind;
    private final String text; // STRING: the value; BOOLEAN: "true"/"false"
    private final Number number; // NUMBER: Integer, Long, BigInteger, Double or BigDecimal
    private final Map<String, Node> members; // OBJECT, in document order
    private final List<Node> elements; // ARRAY

    private Node(Kind kind, String text, Number number, Map<String, Node> members, List<Node> elements) {
        this.kind = kind;
        this.text = text;
        this.number = number;
        this.members = members;
        this.elements = elements;
    }

    static Node string(String s) {
        return new Node(Kind.STRING, s, null, null, null);
    }

    static Node number(Number n) {
        return new Node(Kind.NUMBER, null, n, null, null);
    }

    static Node object(LinkedHashMap<String, Node> members) {
        return new Node(Kind.OBJECT, null, null, Collections.unmodifiableMap(members), null);
    }

    static Node array(List<Node> elements) {
        return new Node(Kind.ARRAY, null, null, null, Collections.unmodifiableList(elements));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isTextual() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissingNode() {
        return kind == Kind.MISSING;
    }

    /** A string, number, boolean or null. */
    public boolean isValueNode() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MISSING;
    }

    /** An object's member, or null (also when this is no object). */
    public Node get(String name) {
        return members == null ? null : members.get(name);
    }

    /** An array's element, or null. */
    public Node get(int index) {
        return elements == null || index < 0 || index >= elements.size() ? null : elements.get(index);
    }

    /** An object's member, or {@link #MISSING}. */
    public Node path(String name) {
        Node n = get(name);
        return n == null ? MISSING : n;
    }

    /** An array's element, or {@link #MISSING}. */
    public Node path(int index) {
        Node n = get(index);
        return n == null ? MISSING : n;
    }

    public boolean has(String name) {
        return members != null && members.containsKey(name);
    }

    /** An object's member that is there and not {@code null}. */
    public boolean hasNonNull(String name) {
        Node n = get(name);
        return n != null && !n.isNull();
    }

    /** A JSON Pointer ({@code /a/0/b}, RFC 6901) from here, or {@link #MISSING}. */
    public Node at(String pointer) {
        if (pointer.isEmpty()) {
            return this;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + pointer);
        }
        Node n = this;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String step = raw.replace("~1", "/").replace("~0", "~");
            if (n.isArray()) {
                n = step.matches("0|[1-9][0-9]{0,8}") ? n.path(Integer.parseInt(step)) : MISSING;
            } else {
                n = n.path(step);
            }
            if (n.isMissingNode()) {
                return MISSING;
            }
        }
        return n;
    }

    /** Members of an object or elements of an array. */
    public int size() {
        return members != null ? members.size() : elements != null ? elements.size() : 0;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** An object's members in document order (empty for anything else). */
    public Set<Map.Entry<String, Node>> properties() {
        return members == null ? Set.of() : members.entrySet();
    }

    public Iterator<String> fieldNames() {
        return members == null ? Collections.emptyIterator() : members.keySet().iterator();
    }

    /** An array's elements, an object's member values, nothing for a scalar. */
    @Override
    public Iterator<Node> iterator() {
        return elements != null
                ? elements.iterator()
                : members != null ? members.values().iterator() : Collections.emptyIterator();
    }

    /** A string's value, or null for anything else. */
    public String textValue() {
        return kind == Kind.STRING ? text : null;
    }

    /** A scalar as text: a string itself, a number's digits, "true", "null"; "" for the rest. */
    public String asText() {
        return switch (kind) {
            case STRING, BOOLEAN -> text;
            case NUMBER -> number instanceof BigDecimal d ? d.toString() : number.toString();
            case NULL -> "null";
            case OBJECT, ARRAY, MISSING -> "";
        };
    }

    /** {@link #asText()}, or {@code fallback} for a null or missing node. */
    public String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    public int asInt() {
        return asInt(0);
    }

    /** A number, a string holding one, or a boolean (1/0) as an int; else {@code fallback}. */
    public int asInt(int fallback) {
        return (int) asLong(fallback);
    }

    public long asLong() {
        return asLong(0);
    }

    public long asLong(long fallback) {
        return switch (kind) {
            case NUMBER -> number.longValue();
            case BOOLEAN -> text.equals("true") ? 1 : 0;
            case STRING -> parseLong(text.trim(), fallback);
            case OBJECT, ARRAY, NULL, MISSING -> fallback;
        };
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException notWhole) {
            try {
                return (long) Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    /** A number as a double (a string holding one too); else {@code fallback}. */
    public double asDouble(double fallback) {
        if (kind == Kind.NUMBER) {
            return number.doubleValue();
        }
        if (kind == Kind.STRING) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    public boolean asBoolean() {
        return asBoolean(false);
    }

    /** A boolean, the string "true"/"false", a whole number (non-zero is true); else {@code fallback}. */
    public boolean asBoolean(boolean fallback) {
        return switch (kind) {
            case BOOLEAN -> text.equals("true");
            case STRING -> text.trim().equals("true") || (!text.trim().equals("false") && fallback);
            case NUMBER ->
                number instanceof BigInteger b
                        ? b.signum() != 0
                        : number instanceof Integer || number instanceof Long ? number.longValue() != 0 : fallback;
            case OBJECT, ARRAY, NULL, MISSING -> fallback;
        };
    }

    /** A number's value (null for anything else). */
    public Number numberValue() {
        return number;
    }

    /** Compact JSON; a missing node writes nothing. */
    @Override
    public String toString() {
        return kind == Kind.MISSING ? "" : Json.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n
                && kind == n.kind
                && java.util.Objects.equals(text, n.text)
                && numbersEqual(number, n.number)
                && java.util.Objects.equals(members, n.members)
                && java.util.Objects.equals(elements, n.elements);
    }

    private static boolean numbersEqual(Number a, Number b) {
        return a == null ? b == null : b != null && a.toString().equals(b.toString());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, text, number == null ? null : number.toString(), members, elements);
    }

    // package-private accessors for the writer
    Map<String, Node> members() {
        return members;
    }

    List<Node> elements() {
        return elements;
    }

    String rawText() {
        return text;
    }
}
