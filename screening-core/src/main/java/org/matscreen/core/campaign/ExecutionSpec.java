package org.matscreen.core.campaign;

import java.io.Serializable;

/**
 * Execution hints.
 *
 * @param partitions number of Spark partitions; 0 chooses from the estimated cost
 * @param targetPartitionSeconds estimated work per partition when choosing automatically, s
 */
public record ExecutionSpec(int partitions, double targetPartitionSeconds) implements Serializable {
    public static final ExecutionSpec DEFAULT = new ExecutionSpec(0, 120);
}
