package org.matscreen.repository.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.repository.Manifest;

/**
 * The JSON Schema of {@code manifest.json}, generated from the {@link Manifest} record's components (the names and
 * types Jackson writes) with a description, and unit where there is one, for every field. A component without a
 * description here fails generation, so the schema cannot silently fall behind the record.
 */
public final class ManifestJsonSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One documented field: its dotted path in the JSON ({@code runs.wallSeconds}), unit ("" if none), meaning. */
    public record Field(String path, String type, String unit, String description) {}

    private static final Map<String, String[]> DOCS = docs();

    private ManifestJsonSchema() {}

    public static ObjectNode generate() {
        ObjectNode root = object(Manifest.class, "");
        ObjectNode out = JSON.objectNode();
        out.put("$schema", RecordJsonSchema.DIALECT);
        out.put("$id", "urn:matscreen:schema:manifest:1");
        out.put("title", "matscreen campaign manifest (manifest.json)");
        out.put("description", "What a campaign was, what has been computed and with what; its identity is written"
                + " before a run's first record, and it is rewritten atomically at the end of every run. See SCHEMA.md.");
        out.setAll(root);
        return out;
    }

    /** Every field, depth first in declaration order, for the human-readable description. */
    public static List<Field> fields() {
        List<Field> out = new ArrayList<>();
        collect(Manifest.class, "", out);
        return out;
    }

    private static void collect(Class<?> record, String prefix, List<Field> out) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String path = prefix + rc.getName();
            String[] doc = doc(path);
            out.add(new Field(path, typeName(rc.getGenericType()), doc[0], doc[1]));
            Class<?> nested = nestedRecord(rc.getGenericType());
            if (nested != null) {
                collect(nested, path + ".", out);
            }
        }
    }

    private static ObjectNode object(Class<?> record, String prefix) {
        ObjectNode o = JSON.objectNode();
        o.put("type", "object");
        ObjectNode properties = o.putObject("properties");
        ArrayNode required = o.putArray("required");
        for (RecordComponent rc : record.getRecordComponents()) {
            String path = prefix + rc.getName();
            ObjectNode p = schemaOf(rc.getGenericType(), path + ".");
            String[] doc = doc(path);
            p.put("description", doc[0].isEmpty() ? doc[1] : doc[1] + " [" + doc[0] + "]");
            if (!doc[0].isEmpty()) {
                p.put("x-unit", doc[0]);
            }
            properties.set(rc.getName(), p);
            required.add(rc.getName());
        }
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode schemaOf(Type t, String prefix) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type arg = pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1];
            ObjectNode s = JSON.objectNode();
            if (List.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", schemaOf(arg, prefix));
            } else if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", schemaOf(arg, prefix));
            } else {
                throw new IllegalStateException("no JSON Schema for " + t);
            }
            return s;
        }
        Class<?> c = (Class<?>) t;
        if (c.isRecord()) {
            return object(c, prefix);
        }
        ObjectNode s = JSON.objectNode();
        s.put("type", scalar(c));
        if (c == int.class || c == long.class || c == Long.class || c == Integer.class) {
            s.put("minimum", 0);
        }
        return s;
    }

    private static String scalar(Class<?> c) {
        if (c == String.class) {
            return "string";
        }
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return "integer";
        }
        if (c == double.class || c == Double.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        throw new IllegalStateException("no JSON type for " + c);
    }

    private static String typeName(Type t) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type arg = pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1];
            return List.class.isAssignableFrom(raw) ? "array of " + typeName(arg) : "object of " + typeName(arg);
        }
        Class<?> c = (Class<?>) t;
        return c.isRecord() ? "object" : scalar(c);
    }

    private static Class<?> nestedRecord(Type t) {
        if (t instanceof ParameterizedType pt) {
            return nestedRecord(pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1]);
        }
        return t instanceof Class<?> c && c.isRecord() ? c : null;
    }

    private static String[] doc(String path) {
        String[] d = DOCS.get(path);
        if (d == null) {
            throw new IllegalStateException("manifest field '" + path + "' has no description in "
                    + ManifestJsonSchema.class.getSimpleName());
        }
        return d;
    }

    /** {unit, description} per dotted path, in the record's order. */
    private static Map<String, String[]> docs() {
        Map<String, String[]> d = new LinkedHashMap<>();
        d.put("schemaVersion", new String[] {"", "record schema version of the data files"});
        d.put("campaign", new String[] {"", "campaign name (also the repository's folder name)"});
        d.put("description", new String[] {"", "the campaign's description (may be empty)"});
        d.put("campaignYaml", new String[] {"", "the campaign file's text as run: the repository alone reproduces"
                + " the campaign"});
        d.put("createdAt", new String[] {"RFC 3339", "when the first run started"});
        d.put("updatedAt", new String[] {"RFC 3339", "when the manifest was last written"});
        d.put("fingerprint", new String[] {"", "SHA-256 of the chemical space, structures and method: a rerun must"
                + " match it to resume"});
        d.put("candidates", new String[] {"", "size of the campaign's candidate space"});
        d.put("statusCounts", new String[] {"", "committed records per status"});
        d.put("matscreenVersion", new String[] {"", "matscreen version of the last run"});
        d.put("matscreenCommit", new String[] {"", "git commit of the matscreen build of the last run"});
        d.put("codeVersion", new String[] {"", "simulation code version as the library reports it"});
        d.put("potential", new String[] {"", "the potential all records were computed with"});
        d.put("potential.name", new String[] {"", "potential file name"});
        d.put("potential.pairStyle", new String[] {"", "LAMMPS pair style"});
        d.put("potential.key", new String[] {"", "SHA-256 of the potential file, or of the definition of a"
                + " generated family or per-system map"});
        d.put("potential.citation", new String[] {"", "reference for the potential"});
        d.put("potential.elements", new String[] {"", "elements the potential file covers"});
        d.put("runs", new String[] {"", "every run of the campaign, oldest first"});
        d.put("runs.startedAt", new String[] {"RFC 3339", "start of the run"});
        d.put("runs.finishedAt", new String[] {"RFC 3339", "end of the run"});
        d.put("runs.master", new String[] {"", "Spark master URL"});
        d.put("runs.cores", new String[] {"", "task slots the run had"});
        d.put("runs.computed", new String[] {"", "candidates computed in this run"});
        d.put("runs.skipped", new String[] {"", "candidates skipped because already committed (resume)"});
        d.put("runs.statusCounts", new String[] {"", "records per status computed in this run"});
        d.put("runs.wallSeconds", new String[] {"s", "wall time of the screening stage"});
        d.put("runs.nativeSeconds", new String[] {"s", "time inside the simulation code, summed over candidates"});
        d.put("runs.complete", new String[] {"", "every candidate of the campaign was committed at the end"});
        d.put("runs.retriedStatuses", new String[] {"", "statuses whose committed records this run computed again"
                + " (run --retry-failed); empty for an ordinary run"});
        d.put("runs.retried", new String[] {"", "candidates computed again because of retriedStatuses (counted in"
                + " computed); their new records replaced the old ones"});
        return d;
    }
}
