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
 * description here fails generation, so the schema cannot silently fall behind the record. A boxed number
 * ({@code Double}, {@code Integer}) may be null (a value that is not a finite number is written as null); the
 * sections in {@link #OPTIONAL} may be null or absent.
 */
public final class ManifestJsonSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One documented field: its dotted path in the JSON ({@code runs.wallSeconds}), unit ("" if none), meaning. */
    public record Field(String path, String type, String unit, String description) {}

    private static final Map<String, String[]> DOCS = docs();
    /** Sections that may be null or absent: the adaptive part (exhaustive campaigns and older manifests lack it). */
    static final java.util.Set<String> OPTIONAL = java.util.Set.of("adaptive", "adaptive.outcome");

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
            if (OPTIONAL.contains(path)) {
                nullable(p);
            } else {
                required.add(rc.getName());
            }
            properties.set(rc.getName(), p);
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
        if (c == Double.class || c == Integer.class) {
            nullable(s);
        }
        return s;
    }

    /** Lets a schema's value also be null. */
    private static void nullable(ObjectNode s) {
        String type = s.get("type").asText();
        ArrayNode types = JSON.arrayNode().add(type).add("null");
        s.set("type", types);
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
        return c.isRecord() ? "object" : c == Double.class || c == Integer.class ? scalar(c) + " or null"
                : scalar(c);
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

    /** The adaptive section ({@link org.matscreen.repository.AdaptiveManifest}). */
    private static void adaptiveDocs(Map<String, String[]> d) {
        String unitOfMetric = "metric's unit";
        d.put("adaptive", new String[] {"", "adaptive campaigns only (null or absent otherwise): settings, rounds and"
                + " outputs of the surrogate-guided search"});
        d.put("adaptive.budget", new String[] {"", "simulations the campaign may spend in all, initial design included"
                + " (may be raised between runs)"});
        d.put("adaptive.settings", new String[] {"", "the strategy's settings that shape its rounds (seed, initial,"
                + " batch, batch_rule, shortlist, reference_point, fit_restarts, max_fit_points, objectives, filters)"
                + " as text; a run with different ones is refused"});
        d.put("adaptive.rounds", new String[] {"", "every round, oldest first; written before its candidates are"
                + " simulated, so a resumed run simulates the same round instead of planning again"});
        d.put("adaptive.rounds.number", new String[] {"", "0 for the initial design, then 1, 2, …"});
        d.put("adaptive.rounds.phase", new String[] {"", "why the batch was chosen: initial (space-filling design),"
                + " space_filling (too few results to fit a model yet) or acquisition (the surrogate chose it)"});
        d.put("adaptive.rounds.state", new String[] {"", "planned (written before simulating) or complete (its"
                + " candidates are committed)"});
        d.put("adaptive.rounds.plannedAt", new String[] {"RFC 3339", "when the round was planned"});
        d.put("adaptive.rounds.completedAt", new String[] {"RFC 3339", "when its candidates were committed (empty"
                + " while planned)"});
        d.put("adaptive.rounds.observations", new String[] {"", "committed candidates the round was planned from"});
        d.put("adaptive.rounds.referencePoint", new String[] {unitOfMetric, "hypervolume reference per objective"
                + " metric (empty for space-filling rounds)"});
        d.put("adaptive.rounds.frontSize", new String[] {"", "feasible observations on the measured Pareto front when"
                + " the batch was chosen"});
        d.put("adaptive.rounds.picks", new String[] {"", "the batch, in the order chosen"});
        d.put("adaptive.rounds.picks.index", new String[] {"", "candidate index in the campaign's enumeration"});
        d.put("adaptive.rounds.picks.id", new String[] {"", "candidate id, as its record carries it"});
        d.put("adaptive.rounds.picks.formula", new String[] {"", "composition"});
        d.put("adaptive.rounds.picks.prototype", new String[] {"", "crystal prototype"});
        d.put("adaptive.rounds.picks.acquisition", new String[] {"", "expected hypervolume improvement × probability"
                + " of passing the filters when picked (after the round's earlier picks); null for design picks"});
        d.put("adaptive.rounds.picks.mean", new String[] {unitOfMetric, "predicted value per simulated metric (empty"
                + " for design picks)"});
        d.put("adaptive.rounds.picks.sd", new String[] {unitOfMetric, "predicted standard deviation of an observed"
                + " value (latent and noise) per simulated metric"});
        quantityModelDocs(d, "adaptive.rounds.model", "per quantity, the surrogate the round was chosen with (empty"
                + " for space-filling rounds)");
        d.put("adaptive.rounds.calibration", new String[] {"", "per metric, how the picks' outcomes fell against their"
                + " predictions (empty until complete, and for space-filling rounds)"});
        d.put("adaptive.rounds.calibration.metric", new String[] {"", "metric key"});
        d.put("adaptive.rounds.calibration.count", new String[] {"", "picks with a prediction and a finite outcome"});
        d.put("adaptive.rounds.calibration.inside95", new String[] {"", "outcomes inside the central 95 % interval"
                + " mean ± 1.96 sd"});
        d.put("adaptive.rounds.calibration.insideFraction", new String[] {"", "inside95 / count (near 0.95 for a"
                + " calibrated model)"});
        d.put("adaptive.rounds.calibration.rmse", new String[] {unitOfMetric, "root-mean-square error of the"
                + " predicted mean"});
        d.put("adaptive.rounds.calibration.rmsStandardisedError", new String[] {"", "root-mean-square of"
                + " (outcome − mean) / sd (near 1 when the sds are right)"});
        d.put("adaptive.outcome", new String[] {"", "the surrogate refitted on every observation once nothing is left"
                + " to compute (null before)"});
        d.put("adaptive.outcome.fittedAt", new String[] {"RFC 3339", "when the final model was fitted"});
        d.put("adaptive.outcome.observations", new String[] {"", "committed candidates it was fitted on"});
        d.put("adaptive.outcome.surrogateMap", new String[] {"", "folder of the surrogate map relative to the"
                + " repository root: Parquet, one row per candidate with the predicted mean and sd of every quantity"});
        d.put("adaptive.outcome.mapRows", new String[] {"", "rows of the surrogate map (the size of the space)"});
        quantityModelDocs(d, "adaptive.outcome.model", "per quantity, the final fit");
        d.put("adaptive.outcome.measuredFront", new String[] {"", "simulated candidates on the Pareto front of the"
                + " objectives, among those passing the filters"});
        frontDocs(d, "adaptive.outcome.measuredFront");
        d.put("adaptive.outcome.predictedFront", new String[] {"", "candidates not simulated whose predicted means"
                + " no other such candidate dominates, among those passing the filters with probability at least"
                + " minProbabilityFeasible (at most maxListed, evenly thinned along the first objective)"});
        frontDocs(d, "adaptive.outcome.predictedFront");
        d.put("adaptive.outcome.predictedFrontSize", new String[] {"", "members of the predicted front before"
                + " thinning"});
        d.put("adaptive.outcome.minProbabilityFeasible", new String[] {"", "probability of passing the filters a"
                + " predicted front member needs"});
        d.put("adaptive.outcome.maxListed", new String[] {"", "most predicted front members listed"});
    }

    private static void quantityModelDocs(Map<String, String[]> d, String p, String what) {
        d.put(p, new String[] {"", what});
        d.put(p + ".metric", new String[] {"", "metric key"});
        d.put(p + ".simulated", new String[] {"", "true: a Gaussian process fitted to simulations; false: a"
                + " descriptor computed exactly"});
        d.put(p + ".trainingPoints", new String[] {"", "observations the model is conditioned on"});
        d.put(p + ".fitPoints", new String[] {"", "observations the hyperparameters were fitted on"});
        d.put(p + ".signalSd", new String[] {"metric's unit", "kernel standard deviation (Matérn 5/2)"});
        d.put(p + ".noiseSd", new String[] {"metric's unit", "noise standard deviation of one observation"});
        d.put(p + ".lengthScales", new String[] {"", "length scale per feature, in standardised feature units (large:"
                + " the feature hardly matters)"});
        d.put(p + ".logMarginalLikelihood", new String[] {"", "log marginal likelihood of the standardised targets"
                + " at these hyperparameters"});
    }

    private static void frontDocs(Map<String, String[]> d, String p) {
        d.put(p + ".index", new String[] {"", "candidate index in the campaign's enumeration"});
        d.put(p + ".id", new String[] {"", "candidate id"});
        d.put(p + ".formula", new String[] {"", "composition"});
        d.put(p + ".prototype", new String[] {"", "crystal prototype"});
        d.put(p + ".round", new String[] {"", "the round that simulated it (null if no round did, or predicted)"});
        d.put(p + ".mean", new String[] {"metric's unit", "per quantity: the measured value, or the predicted mean"});
        d.put(p + ".sd", new String[] {"metric's unit", "per quantity: the predicted latent standard deviation (0 for"
                + " a descriptor; empty for measured members)"});
        d.put(p + ".probabilityFeasible", new String[] {"", "predicted probability of passing every filter (null for"
                + " measured members)"});
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
        d.put("runs.complete", new String[] {"", "every candidate of the campaign was committed at the end (adaptive:"
                + " the strategy had nothing left to compute)"});
        d.put("runs.retriedStatuses", new String[] {"", "statuses whose committed records this run computed again"
                + " (run --retry-failed); empty for an ordinary run"});
        d.put("runs.retried", new String[] {"", "candidates computed again because of retriedStatuses (counted in"
                + " computed); their new records replaced the old ones"});
        d.put("runs.firstRecordSeconds", new String[] {"s", "from the start of the driver's JVM to the first record"
                + " this run committed (the fixed costs a user waits through: JVM and Spark start, references, worker"
                + " start-up, the first range); -1 when it committed none"});
        adaptiveDocs(d);
        return d;
    }
}
