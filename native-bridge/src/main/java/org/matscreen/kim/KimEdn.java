package org.matscreen.kim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of KIM-EDN, the subset of EDN that OpenKIM metadata files ({@code kimspec.edn}) use: maps, vectors, lists,
 * strings, numbers, booleans and nil, with commas as whitespace and {@code ;} comments. Maps become
 * {@link LinkedHashMap}s with string keys, vectors and lists {@link List}s, numbers {@link Double}s; keywords and
 * symbols read as their text. Small enough to keep here rather than pull in an EDN library for one file format.
 */
final class KimEdn {
    private final String s;
    private int i;

    private KimEdn(String s) {
        this.s = s;
    }

    /** @throws IllegalArgumentException naming the offset of the first thing that is not KIM-EDN */
    static Object parse(String text) {
        KimEdn r = new KimEdn(text);
        Object v = r.value();
        r.skip();
        if (r.i != r.s.length()) {
            throw r.error("text after the value");
        }
        return v;
    }

    private Object value() {
        skip();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                while (!closing('}')) {
                    Object k = value();
                    m.put(String.valueOf(k), value());
                }
                return m;
            case '[':
            case '(':
                char close = c == '[' ? ']' : ')';
                i++;
                List<Object> l = new ArrayList<>();
                while (!closing(close)) {
                    l.add(value());
                }
                return l;
            case '"':
                return string();
            default:
                return atom();
        }
    }

    private boolean closing(char c) {
        skip();
        if (i >= s.length()) {
            throw error("missing '" + c + "'");
        }
        if (s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object atom() {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && ",{}[]()\";".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String t = s.substring(start, i);
        if (t.isEmpty()) {
            throw error("unexpected '" + s.charAt(i) + "'");
        }
        switch (t) {
            case "nil":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        char c = t.charAt(0);
        if (Character.isDigit(c) || ((c == '-' || c == '+') && t.length() > 1 && Character.isDigit(t.charAt(1)))) {
            try {
                return Double.parseDouble(t.endsWith("M") || t.endsWith("N") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
        return t.startsWith(":") ? t.substring(1) : t;
    }

    private void skip() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ';') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("KIM-EDN: " + what + " at offset " + i);
    }
}
