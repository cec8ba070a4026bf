package org.matscreen.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.Aggregate;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.EnsembleAggregate;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;
import org.matscreen.repository.schema.RowWriteSupport;

/**
 * Writes and reads the aggregates table of one axis ({@link AggregateSchema}). A ranking writes its parts into a
 * fresh staging folder and {@link #publish}es it, replacing the previous table in one rename, so a reader sees the
 * old table or the new one, never a mixture.
 */
public final class AggregateStore {
    private final RepositoryLayout layout;
    private final AggregateAxis axis;

    public AggregateStore(RepositoryLayout layout, AggregateAxis axis) {
        this.layout = layout;
        this.axis = axis;
    }

    /** The published table's folder. */
    public Path table() {
        return layout.aggregates(axis.key());
    }

    /** A new, empty staging folder for one ranking's parts. */
    public Path newStaging() {
        return new Path(layout.staging(), "aggregates-" + axis.key() + "-" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 16));
    }

    /** Writes one part of the table (any number of aggregates) into {@code staging}. */
    public void writePart(Path staging, List<Aggregate> aggregates) {
        writeRows(staging, aggregates.stream().map(AggregateStore::toRow).toList());
    }

    /** Writes one part of the potentials table (any number of ensemble aggregates) into {@code staging}. */
    public void writeEnsemblePart(Path staging, List<EnsembleAggregate> aggregates) {
        writeRows(staging, aggregates.stream().map(AggregateStore::toRow).toList());
    }

    private void writeRows(Path staging, List<RecordRow> rows) {
        Path file = new Path(staging, "part-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                + ".parquet");
        RowWriteSupport support = new RowConversion("aggregate schema version " + AggregateSchema.VERSION,
                AggregateSchema.columns(), AggregateSchema.parquetSchema()).writeSupport(Map.of(
                        "matscreen.aggregate_schema_version", Integer.toString(AggregateSchema.VERSION),
                        "matscreen.version", BuildInfo.version()));
        try (ParquetWriter<RecordRow> w = RowWriteSupport
                .builder(HadoopOutputFile.fromPath(file, layout.conf()), support)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withConf(layout.conf())
                .build()) {
            for (RecordRow row : rows) {
                w.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write aggregates to " + file, e);
        }
    }

    /** Replaces the published table by the parts in {@code staging}. */
    public void publish(Path staging) {
        FileSystem fs = layout.fs();
        Path target = table();
        try {
            fs.mkdirs(staging); // a ranking without groups publishes an empty table
            if (fs.exists(target)) {
                Path old = new Path(layout.staging(), "aggregates-old-" + UUID.randomUUID());
                if (!fs.rename(target, old)) {
                    throw new IOException("rename " + target + " -> " + old + " failed");
                }
                fs.delete(old, true);
            }
            fs.mkdirs(target.getParent());
            if (!fs.rename(staging, target)) {
                throw new IOException("rename " + staging + " -> " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the aggregates table " + target, e);
        }
    }

    /** Calls {@code sink} with every row of the published table; nothing if there is none. */
    public void forEach(Consumer<RecordRow> sink) {
        FileSystem fs = layout.fs();
        Path dir = table();
        try {
            if (!fs.exists(dir)) {
                return;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                if (!f.getPath().getName().endsWith(".parquet")) {
                    continue;
                }
                try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), f.getPath())
                        .withConf(layout.conf()).build()) {
                    for (Group g; (g = r.read()) != null; ) {
                        sink.accept(RowConversion.toRow(g));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aggregates table " + dir, e);
        }
    }

    /** Every row (for reports and tests; the table holds one row per composition, not per record). */
    public List<RecordRow> readAll() {
        List<RecordRow> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** An aggregate as a row of {@link AggregateSchema}. */
    public static RecordRow toRow(Aggregate a) {
        Map<String, Object> v = new HashMap<>();
        group(v, a.groupId(), a.axis(), a.campaign(), a.composition(), a.cellComposition(), a.recipe());
        v.put("potentials", List.of(a.potential()));
        v.put("members", a.members());
        v.put("ok_members", a.okMembers());
        v.put("member_ids", a.memberIds());
        v.put("flags", a.flags().stream().map(RecordFlag::key).toList());
        for (RecordFlag f : RecordFlag.values()) {
            v.put(AggregateSchema.flagColumn(f), a.flagCounts().getOrDefault(f, 0));
        }
        a.metrics().forEach((key, s) -> {
            put(v, key + "_mean", s.mean());
            put(v, key + "_std", s.std());
            put(v, key + "_sem", s.sem());
            v.put(key + "_n", (int) s.n());
        });
        return ordered(v);
    }

    /**
     * An ensemble aggregate as a row of the potentials table: per metric the spread of the members' values, and for
     * computed properties each member's value and the configurational standard deviation pooled within members.
     */
    public static RecordRow toRow(EnsembleAggregate a) {
        Map<String, Object> v = new HashMap<>();
        group(v, a.groupId(), AggregateAxis.POTENTIALS, a.campaign(), a.composition(), a.cellComposition(),
                a.recipe());
        v.put("potentials", a.potentials());
        v.put("ok_potentials", a.okPotentials());
        v.put("members", a.members());
        v.put("ok_members", a.okMembers());
        v.put("member_ids", a.memberIds());
        v.put("flags", a.flags().stream().map(RecordFlag::key).toList());
        for (RecordFlag f : RecordFlag.values()) {
            v.put(AggregateSchema.flagColumn(f), a.flagCounts().getOrDefault(f, 0));
        }
        for (String key : Metrics.all().keySet()) {
            EnsembleAggregate.Spread s = a.spread(key);
            put(v, key + "_mean", s.mean());
            put(v, key + "_std", s.std());
            v.put(key + "_n", s.n());
            if (Metrics.isPropertyMetric(key) && s.n() > 0) {
                put(v, key + "_min", s.min());
                put(v, key + "_max", s.max());
                put(v, key + "_range", s.range());
                List<Double> values = new ArrayList<>();
                for (double x : s.memberValues()) {
                    values.add(x);
                }
                v.put(key + "_member_values", values);
                put(v, key + "_configuration_std", s.configurationStd());
            }
        }
        return ordered(v);
    }

    /** The columns that identify a group: its key, axis, composition and recipe. */
    private static void group(Map<String, Object> v, String groupId, AggregateAxis axis, String campaign,
            Composition composition, Composition cellComposition, StructureRecipe recipe) {
        v.put("group_id", groupId);
        v.put("axis", axis.key());
        v.put("aggregate_schema_version", AggregateSchema.VERSION);
        v.put("campaign", campaign);
        v.put("formula", composition.formula());
        v.put("cell_formula", cellComposition.normalized().formula());
        v.put("reduced_formula", cellComposition.reducedFormula());
        v.put("chemical_system", composition.chemicalSystem());
        v.put("elements", composition.symbols());
        List<Double> fractions = new ArrayList<>();
        for (double x : composition.fractions()) {
            fractions.add(x);
        }
        v.put("element_fractions", fractions);
        v.put("prototype", recipe.prototype().key());
        v.put("supercell", recipe.supercell().key());
        v.put("ordering", recipe.ordering().key());
    }

    private static RecordRow ordered(Map<String, Object> v) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Column c : AggregateSchema.columns()) {
            if (v.get(c.name()) != null) {
                ordered.put(c.name(), v.get(c.name()));
            }
        }
        return RecordRow.of(ordered);
    }

    /**
     * A computed property's spread across potentials as stored in a potentials-table row: mean, std, min, max,
     * range, configurational std (NaN when unknown) and the number of members with a value.
     */
    public static double[] spread(RecordRow row, String metric) {
        return new double[] {number(row, metric + "_mean"), number(row, metric + "_std"),
            number(row, metric + "_min"), number(row, metric + "_max"), number(row, metric + "_range"),
            number(row, metric + "_configuration_std"), number(row, metric + "_n")};
    }

    /** Each member's value of a computed property in a potentials-table row, aligned with its potentials. */
    @SuppressWarnings("unchecked")
    public static double[] memberValues(RecordRow row, String metric) {
        Object v = row.get(metric + "_member_values");
        return v == null ? new double[0] : ((List<Double>) v).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void put(Map<String, Object> v, String column, double value) {
        if (!Double.isNaN(value)) {
            v.put(column, value);
        }
    }

    /** A metric's statistics as stored in a row: mean, std, sem (NaN when unknown) and n. */
    public static double[] statistics(RecordRow row, String metric) {
        return new double[] {number(row, metric + "_mean"), number(row, metric + "_std"),
            number(row, metric + "_sem"), number(row, metric + "_n")};
    }

    private static double number(RecordRow row, String column) {
        return row.get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
