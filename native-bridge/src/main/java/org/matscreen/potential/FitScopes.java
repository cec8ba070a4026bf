package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matscreen.core.sim.FitScope;

/**
 * The project's table of fit scopes ({@code fit-scopes.csv}): for each recommended potential, which unlike pairs it was
 * fitted to, with the paper that says so. A potential not in the table has an unknown fit scope, except a
 * single-element file, which has no pair to fit.
 */
public final class FitScopes {
    /** One row: the potential's name, its fitted pairs ({@code all}, {@code -} or a list) and the reference. */
    public record Entry(String potential, String fittedPairs, String reference) {
        /** The scope over a potential's elements. */
        public FitScope scope(List<String> elements) {
            return switch (fittedPairs) {
                case "all" -> FitScope.wholeSystem(elements);
                case "-" -> FitScope.MIXING_RULE;
                default -> FitScope.of(fittedPairs.split(" "));
            };
        }
    }

    private static FitScopes standard;

    private final Map<String, Entry> entries;

    FitScopes(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The table shipped with matscreen. */
    public static synchronized FitScopes standard() {
        if (standard == null) {
            try (InputStream in = FitScopes.class.getResourceAsStream("fit-scopes.csv")) {
                standard = new FitScopes(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fit-scope table", e);
            }
        }
        return standard;
    }

    static Map<String, Entry> read(BufferedReader r) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> f = csv(line);
            if (f.size() != 3) {
                throw new IllegalStateException("fit-scopes.csv: expected 3 fields: " + line);
            }
            out.put(f.get(0), new Entry(f.get(0), f.get(1), f.get(2)));
        }
        return out;
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    /** The table row of a potential as campaigns name it (file name, {@code kim:<id>}, {@code zhou2004}). */
    public Optional<Entry> entry(String potential) {
        return Optional.ofNullable(entries.get(potential));
    }

    /** Every row, in table order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The fit scope of a potential covering these elements; unknown unless listed or single-element. */
    public FitScope scopeOf(String potential, List<String> elements) {
        Optional<Entry> e = entry(potential);
        if (e.isPresent()) {
            return e.get().scope(elements);
        }
        return elements.size() == 1 ? FitScope.MIXING_RULE : FitScope.UNKNOWN;
    }
}
