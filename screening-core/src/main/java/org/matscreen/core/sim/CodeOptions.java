package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A code's run-time options as plain key/value text (for LAMMPS: the library path, the session mode), so the engine
 * can carry them to every node without knowing what they mean. Keys are the code's own; a user sets them with
 * {@code --conf matscreen.<code>.<key>=value} or a code-specific CLI option.
 */
public record CodeOptions(String code, Map<String, String> values) implements Serializable {

    public CodeOptions {
        values = Map.copyOf(new TreeMap<>(values));
    }

    /** No options: the code's defaults. */
    public static CodeOptions defaults(String code) {
        return new CodeOptions(code, Map.of());
    }

    /** The option's value, or {@code fallback} when unset or blank. */
    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** These options with {@code key} set ({@code null} value: removed). */
    public CodeOptions with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new CodeOptions(code, m);
    }

    /**
     * The options a user gave as Spark-style configuration: every {@code matscreen.<code>.<key>} entry of
     * {@code conf}, keyed by {@code <key>}.
     */
    public static CodeOptions fromConf(String code, Map<String, String> conf) {
        String prefix = "matscreen." + code + ".";
        Map<String, String> m = new TreeMap<>();
        conf.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return new CodeOptions(code, m);
    }
}
