package org.matscreen.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;
import org.matscreen.core.result.Aggregate;

/**
 * Every matscreen type that crosses the wire, registered because {@code spark.kryo.registrationRequired=true} makes
 * an unregistered one fail at once instead of silently writing full class names with every object.
 *
 * <p>Our wire types are Java records. Kryo 4 (the version Spark ships) predates records and cannot set their final
 * fields, so they are registered with Kryo's {@link JavaSerializer}: the objects that cross are few and small per
 * job (ranges, summaries, one broadcast), so Java serialization's cost does not matter, and it constructs records
 * through their canonical constructors, keeping their validation.
 */
public final class MatscreenKryoRegistrator implements KryoRegistrator {

    /** Types registered with Java serialization, in registration order. */
    static final List<Class<?>> JAVA_SERIALIZED = List.of(
            JobContext.class,          // broadcast once per job
            CandidateRange.class,      // the input of each partition
            LocalRangeQueue.Slot.class, // the input of each task of a local-mode job, which takes ranges from a queue
            PartitionSummary.class,    // what each partition returns
            RankedEntry.class,         // inside summaries
            ReferenceTask.class,       // input of the reference stage
            ReferenceResult.class,     // output of the reference stage
            Screening.class,           // filters and table columns, in the ranking closures
            org.matscreen.spark.adaptive.ScanContext.class,   // adaptive rounds: space and fitted model, broadcast
            org.matscreen.spark.adaptive.ScanRange.class,     // the input of each scoring task
            org.matscreen.spark.adaptive.Observed.class,      // committed records as an adaptive round reads them
            org.matscreen.core.adaptive.Scored.class,         // predicted-front entries returned by the tasks
            RankingStage.Part.class,   // what each ranking partition returns
            RankingCounts.class,       // inside summaries and ranking parts
            Aggregate.class,           // per-composition partial aggregates, shuffled by group
            org.matscreen.core.result.EnsembleAggregate.class,  // per-composition partial aggregates of an ensemble
            JobContext.Member.class,   // an ensemble's member, inside the broadcast context
            org.matscreen.core.sim.CodeOptions.class);  // the code's options, inside the broadcast context

    @Override
    public void registerClasses(Kryo kryo) {
        for (Class<?> c : JAVA_SERIALIZED) {
            kryo.register(c, new JavaSerializer());
        }
        // collect() ships each partition's results as an array of the element type.
        kryo.register(PartitionSummary[].class);
        kryo.register(ReferenceResult[].class);
        kryo.register(CandidateRange[].class);
        kryo.register(LocalRangeQueue.Slot[].class);
        kryo.register(ReferenceTask[].class);
        kryo.register(org.matscreen.spark.adaptive.ScanRange[].class);
        kryo.register(org.matscreen.spark.adaptive.Observed[].class);
        kryo.register(org.matscreen.core.adaptive.Scored[].class);
        kryo.register(RankingStage.Part[].class);
        kryo.register(Object[].class);
    }
}
