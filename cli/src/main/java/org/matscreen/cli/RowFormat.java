package org.matscreen.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.matscreen.core.screening.Metrics;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;

/**
 * How {@code matscreen query} prints rows. {@code table} is for people (aligned, ids shortened, numbers at the
 * precision their unit deserves, times in ISO-8601); {@code csv} (RFC 4180, lists joined by ';') and {@code json}
 * (an array of objects, the record JSON form of {@code schema/record.schema.json}) keep every value exactly.
 */
enum RowFormat {
    TABLE, CSV, JSON;

    /** Characters of an id the table shows; 12 hex digits are unique in any realistic campaign. */
    static final int SHORT_ID = 12;

    void print(PrintWriter out, List<String> columns, List<RecordRow> rows) {
        switch (this) {
            case TABLE -> table(out, columns, rows);
            case CSV -> csv(out, columns, rows);
            case JSON -> json(out, columns, rows);
        }
        out.flush();
    }

    private static void table(PrintWriter out, List<String> columns, List<RecordRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        for (RecordRow r : rows) {
            cells.add(columns.stream().map(c -> human(c, r.get(c))).toList());
        }
        int[] width = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String cell = line.get(i);
                boolean right = line != cells.get(0) && isNumeric(columns.get(i));
                String pad = " ".repeat(width[i] - cell.length());
                b.append(i == 0 ? "" : "  ").append(right ? pad + cell : cell + (i == width.length - 1 ? "" : pad));
            }
            out.println(b);
        }
    }

    private static void csv(PrintWriter out, List<String> columns, List<RecordRow> rows) {
        out.println(columns.stream().map(RowFormat::csvField).collect(Collectors.joining(",")));
        for (RecordRow r : rows) {
            out.println(columns.stream().map(c -> csvField(exact(r.get(c)))).collect(Collectors.joining(",")));
        }
    }

    private static void json(PrintWriter out, List<String> columns, List<RecordRow> rows) {
        try {
            JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
            g.writeStartArray();
            for (RecordRow r : rows) {
                g.writeStartObject();
                for (String c : columns) {
                    g.writeFieldName(c);
                    g.writeTree(RowConversion.json(r.get(c)));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** A value for people. */
    static String human(String column, Object v) {
        if (v == null) {
            return "n/a";
        }
        Column c = RecordSchema.column(column);
        if (c != null && c.kind() == Column.Kind.TIMESTAMP_MS) {
            return Instant.ofEpochMilli((Long) v).toString();
        }
        if (column.equals("id") && v instanceof String s && s.length() > SHORT_ID) {
            return s.substring(0, SHORT_ID);
        }
        if (v instanceof Double d) {
            return Metrics.all().containsKey(column) ? RunCommand.format(column, d)
                    : String.format(Locale.ROOT, "%.6g", d);
        }
        if (v instanceof List<?> list) {
            // an empty list (no flags, say) is known to be empty, unlike an unknown value (n/a)
            return list.isEmpty() ? "-" : list.stream().map(x -> human("", x)).collect(Collectors.joining(" "));
        }
        return v.toString().replace('\n', ' ');
    }

    /** A value exactly (doubles in Java's shortest round-trip form, lists joined by ';'). */
    private static String exact(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> list) {
            return list.stream().map(RowFormat::exact).collect(Collectors.joining(";"));
        }
        return v.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static boolean isNumeric(String column) {
        Column c = RecordSchema.column(column);
        return c != null && switch (c.kind()) {
            case INT32, INT64, DOUBLE -> true;
            default -> false;
        };
    }
}
