package org.matscreen.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.error.InvalidInputException;

/**
 * A YAML/JSON node that knows its source file and its dotted path, so every error names file, field and reason.
 */
final class Node {
    private final JsonNode node;
    private final String source;
    private final String path;

    Node(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
    }

    String path() {
        return path;
    }

    String source() {
        return source;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    InvalidInputException error(String reason) {
        return new InvalidInputException(source, path, reason);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A child of a mapping (missing if absent). */
    Node get(String key) {
        return new Node(node == null ? null : node.get(key), source, childPath(key));
    }

    Node requireObject() {
        if (isMissing() || !node.isObject()) {
            throw error(isMissing() ? "is required" : "must be a mapping of keys to values");
        }
        return this;
    }

    /** Rejects keys that are not in {@code known} (typos must not be silently ignored). */
    void allowOnly(Set<String> known) {
        if (isMissing()) {
            return;
        }
        requireObject();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new InvalidInputException(source, childPath(k), "unknown key (known here: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    String text(String dflt) {
        if (isMissing()) {
            return dflt;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            throw error("must be a text value");
        }
        return node.asText();
    }

    String requireText() {
        if (isMissing()) {
            throw error("is required");
        }
        return text(null);
    }

    double number(double dflt) {
        if (isMissing()) {
            return dflt;
        }
        if (!node.isNumber()) {
            throw error("must be a number, got '" + node.asText() + "'");
        }
        double v = node.asDouble();
        if (!Double.isFinite(v)) {
            throw error("must be a finite number");
        }
        return v;
    }

    double number(double dflt, double min, double max) {
        double v = number(dflt);
        if (v < min || v > max) {
            throw error("must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    int integer(int dflt, int min, int max) {
        if (isMissing()) {
            return dflt;
        }
        if (!node.isIntegralNumber()) {
            throw error("must be a whole number, got '" + node.asText() + "'");
        }
        long v = node.asLong();
        if (v < min || v > max) {
            throw error("must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    boolean bool(boolean dflt) {
        if (isMissing()) {
            return dflt;
        }
        if (!node.isBoolean()) {
            throw error("must be true or false, got '" + node.asText() + "'");
        }
        return node.asBoolean();
    }

    boolean isList() {
        return !isMissing() && node.isArray();
    }

    boolean isObject() {
        return !isMissing() && node.isObject();
    }

    /** Elements of a list (a single scalar counts as a one-element list). */
    List<Node> list() {
        List<Node> out = new ArrayList<>();
        if (isMissing()) {
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Node(node.get(i), source, path + "[" + i + "]"));
            }
        } else if (node.isValueNode()) {
            out.add(this);
        } else {
            throw error("must be a list");
        }
        return out;
    }

    /** Entries of a mapping in file order. */
    Map<String, Node> entries() {
        Map<String, Node> out = new LinkedHashMap<>();
        if (isMissing()) {
            return out;
        }
        requireObject();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), new Node(e.getValue(), source, childPath(e.getKey()))));
        return out;
    }
}
