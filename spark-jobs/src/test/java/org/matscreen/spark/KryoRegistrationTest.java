package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.matscreen.core.structure.Prototype;
import scala.reflect.ClassTag$;

/** Every type that crosses the wire is registered, and a new one that is not makes this test fail. */
class KryoRegistrationTest {

    /** Serializable records of the job package: by construction the types that cross between driver and executors. */
    static List<Class<?>> wireTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(JobContext.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/matscreen/spark");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class")) {
                    Class<?> c = Class.forName("org.matscreen.spark." + n.substring(0, n.length() - 6));
                    if (c.isRecord() && Serializable.class.isAssignableFrom(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everySerializableRecordIsRegistered() throws Exception {
        List<Class<?>> types = wireTypes();
        assertTrue(types.size() >= 6, "found " + types);
        for (Class<?> c : types) {
            assertTrue(MatscreenKryoRegistrator.JAVA_SERIALIZED.contains(c),
                    c.getSimpleName() + " crosses the wire but is not in MatscreenKryoRegistrator");
        }
    }

    @Test
    void wireTypesRoundTripWithRegistrationRequired() {
        SparkConf conf = SparkSessionFactory.configure(new SparkConf(false), "local[1]", Map.of());
        SerializerInstance ser = new KryoSerializer(conf).newInstance();
        Object[] samples = {
            new CandidateRange(3, 10, 20, List.of("file:/x/chunk-10-12-a.parquet")),
            CandidateRange.of(4, List.of(17L, 3L, 40L), List.of()),
            new LocalRangeQueue.Slot("5f0e4a5e-token"),
            new ReferenceTask("g", "Cu", Prototype.FCC, 3.6),
            new ReferenceResult("g", "Cu", Prototype.BCC, true, -3.49, 12.0,
                    org.matscreen.core.properties.ElasticConstants.cubic(133, 146, 81), ""),
            new PartitionSummary(1, Map.of("ok", 3L), 2, 1, 0.5, 0.6, 0, "LAMMPS 20210929",
                    List.of(new RankedEntry("id", "Cu", "fcc", "fcc", new double[] {1}, new double[] {Double.NaN},
                            new double[] {2}, 1)), new RankingCounts(Map.of("transformed", 2L), 1)),
            new PartitionSummary[] {new PartitionSummary(2, Map.of(), 0, 0, 0, 0, 0, "", List.of(),
                    RankingCounts.NONE)},
            new RankingStage.Part(List.of(), new RankingCounts(Map.of("unconverged", 1L), 0)),
            new RankingStage.Part[] {new RankingStage.Part(List.of(), RankingCounts.NONE)},
            org.matscreen.core.result.Aggregate.of(org.matscreen.core.result.AggregateAxis.CONFIGURATIONS,
                    crashedRecord()),
            org.matscreen.core.sim.CodeOptions.defaults("lammps").with("library", "/usr/lib/liblammps.so")
                    .with("mode", "auto")
        };
        for (Object o : samples) {
            Object back = ser.deserialize(ser.serialize(o, ClassTag$.MODULE$.apply(o.getClass())),
                    ClassTag$.MODULE$.apply(o.getClass()));
            if (o instanceof PartitionSummary[] arr) {
                assertEquals(arr[0].partition(), ((PartitionSummary[]) back)[0].partition());
            } else if (o instanceof Object[] arr) {
                assertEquals(List.of(arr), List.of((Object[]) back));
            } else if (o instanceof PartitionSummary p) {
                assertEquals(p.statusCounts(), ((PartitionSummary) back).statusCounts());
                assertEquals(p.top().get(0).id(), ((PartitionSummary) back).top().get(0).id());
                assertEquals(p.counts(), ((PartitionSummary) back).counts());
            } else {
                assertEquals(o, back);
            }
        }
    }

    /** A crashed record, enough for a one-member aggregate. */
    static org.matscreen.core.result.CandidateResult crashedRecord() {
        var c = org.matscreen.core.composition.Composition.parse("Cu0.5Ni0.5");
        var recipe = org.matscreen.core.structure.StructureRecipe.random(Prototype.FCC,
                new org.matscreen.core.structure.Supercell(2, 2, 2), 0);
        var spec = new org.matscreen.core.sim.PotentialSpec("CuNi.eam.alloy", "ab", "eam/alloy", List.of("Cu", "Ni"),
                "Onat");
        var method = new org.matscreen.core.result.MethodInfo("lammps", spec,
                org.matscreen.core.sim.RelaxSettings.DEFAULT, org.matscreen.core.sim.PropertySettings.DEFAULT);
        return new org.matscreen.core.result.CandidateResult("id", "kryo", 0, c, c, recipe, 3.6,
                org.matscreen.core.sim.Status.CRASHED, "ERROR", null, null, null, null, null, null, Map.of(), null,
                method, null, new org.matscreen.core.result.Provenance("0", "c", "LAMMPS", "h", 0, 1, 1, 1, null),
                org.matscreen.core.campaign.Visibility.PUBLIC);
    }
}
