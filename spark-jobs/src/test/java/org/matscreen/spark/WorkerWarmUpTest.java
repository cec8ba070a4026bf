package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which masters get their workers started before Spark: only local ones, one worker per task slot. */
class WorkerWarmUpTest {
    @Test
    void localMastersGetOneWorkerPerTaskSlot() {
        assertEquals(1, WorkerWarmUp.localSlots("local", 8));
        assertEquals(3, WorkerWarmUp.localSlots("local[3]", 8));
        assertEquals(8, WorkerWarmUp.localSlots("local[*]", 8));
        assertEquals(2, WorkerWarmUp.localSlots("local[2,4]", 8), "local[N,F]: N threads, F task failures");
        assertEquals(8, WorkerWarmUp.localSlots("local[*, 3]", 8));
    }

    @Test
    void clusterMastersGetNone() {
        // their executors are other JVMs, which start their own workers
        assertEquals(0, WorkerWarmUp.localSlots("spark://node1:7077", 8));
        assertEquals(0, WorkerWarmUp.localSlots("local-cluster[2,1,1024]", 8));
        assertEquals(0, WorkerWarmUp.localSlots("yarn", 8));
    }
}
