package org.matscreen.repository.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.matscreen.repository.schema.RecordRow;

/**
 * The first {@code limit} rows in an order, kept in a bounded heap while rows stream past: memory is O(limit) however
 * many rows a repository has. A limit of 0 keeps every row (an unbounded sort).
 */
final class TopRows {
    private final Comparator<RecordRow> order;
    private final long limit;
    private final PriorityQueue<RecordRow> heap;

    TopRows(Comparator<RecordRow> order, long limit) {
        this.order = order;
        this.limit = limit;
        // The heap's head is the worst row kept, the one a better newcomer replaces.
        this.heap = new PriorityQueue<>(order.reversed());
    }

    void offer(RecordRow row) {
        if (limit == 0 || heap.size() < limit) {
            heap.add(row);
        } else if (order.compare(row, heap.peek()) < 0) {
            heap.poll();
            heap.add(row);
        }
    }

    /** The rows kept, best first. */
    List<RecordRow> sorted() {
        List<RecordRow> out = new ArrayList<>(heap);
        out.sort(order);
        return Collections.unmodifiableList(out);
    }
}
