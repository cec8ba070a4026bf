package org.matscreen.core.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's own data tables (classpath resources under {@code org/matscreen/core/data/}). The tables are
 * small CSV files whose leading {@code #} lines name their source; the first non-comment line is a header.
 */
public final class DataFiles {
    private static final String ROOT = "/org/matscreen/core/data/";

    private DataFiles() {}

    /** Data rows (header and comments dropped), split on commas, trimmed. */
    public static List<String[]> csvRows(String name) {
        List<String[]> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (BufferedReader in = open(name)) {
            for (String line; (line = in.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    continue;
                }
                String[] parts = t.split(",", -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].strip();
                }
                rows.add(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + ROOT + name, e);
        }
        return rows;
    }

    /** The header row of a CSV data table. */
    public static String[] csvHeader(String name) {
        try (BufferedReader in = open(name)) {
            for (String line; (line = in.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return t.split(",", -1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + ROOT + name, e);
        }
        throw new IllegalStateException("data file " + ROOT + name + " has no header");
    }

    private static BufferedReader open(String name) {
        InputStream s = DataFiles.class.getResourceAsStream(ROOT + name);
        if (s == null) {
            throw new IllegalStateException("missing data file on the classpath: " + ROOT + name);
        }
        return new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
    }
}
