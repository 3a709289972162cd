package dev.muxbar.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes one value through a generator (see {@link Json#write} for what it takes). */
final class Writer {
    private Writer() {}

    /** A property of a record: its JSON name and the method that reads it. */
    private record Property(String name, Method read) {}

    /** Properties of each record type, found once per class. */
    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            return properties(type);
        }
    };

    /** An enum's {@code @JsonValue} method, or null: its name is written. */
    private static final ClassValue<Method> ENUM_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0
                        && m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                    return m;
                }
            }
            return null;
        }
    };

    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Node n) {
            node(g, n);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Enum<?> e) {
            Method m = ENUM_VALUE.get(e.getDeclaringClass());
            value(g, m == null ? e.name() : invoke(m, e));
        } else if (v instanceof JsonObject o) {
            value(g, o.members());
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : map.entrySet()) {
                g.writeFieldName(String.valueOf(en.getKey()));
                value(g, en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> it) {
            g.writeStartArray();
            for (Object o : it) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Object[] array) {
            value(g, java.util.Arrays.asList(array));
        } else if (v instanceof Record r) {
            g.writeStartObject();
            for (Property p : PROPERTIES.get(r.getClass())) {
                g.writeFieldName(p.name());
                value(g, invoke(p.read(), r));
            }
            g.writeEndObject();
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof java.nio.file.Path) {
            g.writeString(v.toString());
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for a " + v.getClass().getName());
        }
    }

    private static void node(JsonGenerator g, Node n) throws IOException {
        switch (n.kind()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, Node> e : n.members().entrySet()) {
                    g.writeFieldName(e.getKey());
                    node(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (Node e : n.elements()) {
                    node(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.rawText());
            case NUMBER -> value(g, n.numberValue());
            case BOOLEAN -> g.writeBoolean(n.rawText().equals("true"));
            case NULL -> g.writeNull();
            case MISSING -> {} // nothing: as a member value it never occurs (parse makes none)
            default -> throw new AssertionError(n.kind());
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + m + ": " + e, e);
        }
    }

    /**
     * A record's components, then its other public no-argument {@code isX()} (boolean) and
     * {@code getX()} methods as {@code x} — jackson-databind's record shape, kept because the API's
     * answers were written by it.
     */
    private static List<Property> properties(Class<?> type) {
        List<Property> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true);
            out.add(new Property(c.getName(), m));
            names.add(c.getName());
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || m.getDeclaringClass() == Record.class) {
                continue;
            }
            String n = m.getName();
            String name = n.startsWith("is")
                            && n.length() > 2
                            && Character.isUpperCase(n.charAt(2))
                            && m.getReturnType() == boolean.class
                    ? decapitalize(n.substring(2))
                    : n.startsWith("get")
                                    && n.length() > 3
                                    && Character.isUpperCase(n.charAt(3))
                                    && m.getReturnType() != void.class
                            ? decapitalize(n.substring(3))
                            : null;
            if (name != null && names.add(name)) {
                m.setAccessible(true);
                out.add(new Property(name, m));
            }
        }
        return List.copyOf(out);
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
