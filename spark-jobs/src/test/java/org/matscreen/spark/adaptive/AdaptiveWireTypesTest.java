package org.matscreen.spark.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.RoundModel;
import org.matscreen.core.adaptive.Scored;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.spark.SparkSessionFactory;
import scala.reflect.ClassTag$;

/** The adaptive scan's wire types are registered with Kryo and a broadcast model scores exactly as the original. */
class AdaptiveWireTypesTest {

    private static <T> T roundTrip(SerializerInstance ser, T o) {
        @SuppressWarnings("unchecked")
        Class<T> c = (Class<T>) o.getClass();
        return ser.deserialize(ser.serialize(o, ClassTag$.MODULE$.apply(c)), ClassTag$.MODULE$.apply(c));
    }

    @Test
    void everySerializableRecordOfThePackageIsRegistered() throws Exception {
        Path dir = Path.of(ScanRange.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/matscreen/spark/adaptive");
        List<Class<?>> records;
        try (Stream<Path> files = Files.list(dir)) {
            records = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .<Class<?>>map(n -> {
                        try {
                            return Class.forName("org.matscreen.spark.adaptive." + n.substring(0,
                                    n.length() - 6));
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(c -> c.isRecord() && Serializable.class.isAssignableFrom(c)).toList();
        }
        assertEquals(3, records.size(), records.toString());
        SparkConf conf = SparkSessionFactory.configure(new SparkConf(false), "local[1]", Map.of());
        SerializerInstance ser = new KryoSerializer(conf).newInstance();
        assertEquals(new ScanRange(3, 9), roundTrip(ser, new ScanRange(3, 9)));
        ScanRange[] arr = roundTrip(ser, new ScanRange[] {new ScanRange(0, 1)});
        assertEquals(new ScanRange(0, 1), arr[0]);
        Scored s = roundTrip(ser, new Scored(4, 0.5, 1.0, 0.5, new double[] {1}, new double[] {2}));
        assertEquals(4, s.index());
        Observed[] o = roundTrip(ser, new Observed[] {new Observed(7, "abc", "ok", false, new double[] {1.5, Double.NaN})});
        assertEquals(7, o[0].index());
        assertEquals(1.5, o[0].values()[0]);
        assertTrue(Double.isNaN(o[0].values()[1]));
    }

    @Test
    void aBroadcastModelScoresExactlyAsTheDriversModel() {
        CandidateSpace space = SmallCampaign.space();
        AdaptiveStrategy strategy = SmallCampaign.strategy(space);
        List<Observation> observed = SmallCampaign.initialObservations(space, strategy);
        RoundModel model = strategy.fit(observed).model();
        SparkConf conf = SparkSessionFactory.configure(new SparkConf(false), "local[1]", Map.of());
        SerializerInstance ser = new KryoSerializer(conf).newInstance();
        ScanContext back = roundTrip(ser, new ScanContext(space, model));
        for (long i = 0; i < space.size(); i += 37) {
            Scored a = model.score(space.candidate(i));
            Scored b = back.model().score(back.space().candidate(i));
            assertEquals(a.acquisition(), b.acquisition(), 0.0);
            assertEquals(a.mean()[0], b.mean()[0], 0.0);
            assertEquals(a.sd()[1], b.sd()[1], 0.0);
        }
        assertTrue(back.model().excluded(observed.get(0).index()));
    }

    @Test
    void rangesCoverTheSpaceOnce() {
        for (long size : new long[] {1, 7, 462, 17_000_000_003L}) {
            for (int count : new int[] {1, 3, 8, 1000}) {
                List<ScanRange> r = SurrogateScan.ranges(size, count);
                long next = 0;
                for (ScanRange x : r) {
                    assertEquals(next, x.start());
                    assertTrue(x.end() > x.start());
                    next = x.end();
                }
                assertEquals(size, next);
                assertEquals(Math.min(size, count), r.size());
            }
        }
    }
}
