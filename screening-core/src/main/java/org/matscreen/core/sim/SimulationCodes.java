package org.matscreen.core.sim;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.matscreen.core.error.InvalidInputException;

/**
 * The simulation codes on the class path ({@link ServiceLoader}), by {@link SimulationCode#name()}. Adding a code is
 * one module with an implementation and its {@code META-INF/services} entry; nothing in the engine changes.
 */
public final class SimulationCodes {
    private static volatile Map<String, SimulationCode> codes;

    private SimulationCodes() {}

    private static Map<String, SimulationCode> all() {
        Map<String, SimulationCode> c = codes;
        if (c == null) {
            Map<String, SimulationCode> m = new TreeMap<>();
            for (SimulationCode code : ServiceLoader.load(SimulationCode.class, SimulationCodes.class.getClassLoader())) {
                SimulationCode prev = m.putIfAbsent(code.name(), code);
                if (prev != null && prev.getClass() != code.getClass()) {
                    throw new IllegalStateException("two simulation codes named '" + code.name() + "': "
                            + prev.getClass().getName() + " and " + code.getClass().getName());
                }
            }
            codes = c = Map.copyOf(m);
        }
        return c;
    }

    /** The names of the available codes, sorted. */
    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(all().keySet());
    }

    /** True if a code of that name is on the class path. */
    public static boolean has(String name) {
        return all().containsKey(name);
    }

    /** The code named {@code name}; an unknown name is an error naming {@code method.code} and the known codes. */
    public static SimulationCode get(String name) {
        SimulationCode c = all().get(name);
        if (c == null) {
            throw new InvalidInputException("campaign", "method.code", "unknown simulation code '" + name
                    + "' (available: " + String.join(", ", names()) + ")");
        }
        return c;
    }
}
