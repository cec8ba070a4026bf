package org.matscreen.optimade.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.matscreen.optimade.schema.StructureSchema;

/**
 * The large per-record columns (relaxed cell and sites, E(V) scan, strain–stress tables), read from the chunk files
 * for the rows of one page rather than held for every record: a 180-site cell is 4 kB of coordinates, 4 GB for
 * 10^6 records. Decoded chunks are kept in a least-recently-used cache of bounded size, so paging through a result
 * or fetching an entry just listed does not read the file again.
 */
public final class DetailStore {
    /** The detail columns of one record: record column name → {@code double[]} or {@code int[]}. */
    public record RowDetail(Map<String, Object> values) {
        public double[] doubles(String column) {
            return (double[]) values.get(column);
        }

        public int[] ints(String column) {
            return (int[]) values.get(column);
        }
    }

    private final ChunkFiles files;
    private final Path[] chunks;
    private final long[] lengths;
    private final int[] chunkOf;
    private final int[] rowInChunk;
    private final long cacheBytes;
    private final LinkedHashMap<Integer, RowDetail[]> cache = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, Long> cachedSize = new HashMap<>();
    private long cachedBytes;

    DetailStore(ChunkFiles files, Path[] chunks, long[] lengths, int[] chunkOf, int[] rowInChunk, long cacheBytes) {
        this.files = files;
        this.chunks = chunks;
        this.lengths = lengths;
        this.chunkOf = chunkOf;
        this.rowInChunk = rowInChunk;
        this.cacheBytes = cacheBytes;
    }

    /** The details of the given index rows, reading each chunk file involved at most once. */
    public Map<Integer, RowDetail> fetch(int[] rows) {
        Map<Integer, RowDetail> out = new HashMap<>();
        Map<Integer, List<Integer>> byChunk = new TreeMap<>();
        for (int r : rows) {
            byChunk.computeIfAbsent(chunkOf[r], k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Integer, java.util.List<Integer>> e : byChunk.entrySet()) {
            RowDetail[] chunk = chunk(e.getKey());
            for (int r : e.getValue()) {
                out.put(r, chunk[rowInChunk[r]]);
            }
        }
        return out;
    }

    private RowDetail[] chunk(int chunk) {
        synchronized (cache) {
            RowDetail[] hit = cache.get(chunk);
            if (hit != null) {
                return hit;
            }
        }
        // Read outside the lock: two requests for the same cold chunk may both read it, which is cheaper than making
        // every request wait for one file read.
        Map<Integer, RowDetail> rows = new HashMap<>();
        long[] bytes = {0};
        int n = files.read(chunks[chunk], lengths[chunk], StructureSchema.DETAIL_COLUMNS, (g, row) -> {
            RowDetail d = decode(g);
            rows.put(row, d);
            for (Object v : d.values().values()) {
                bytes[0] += v instanceof double[] a ? 8L * a.length : 4L * ((int[]) v).length;
            }
        });
        RowDetail[] decoded = new RowDetail[n];
        rows.forEach((k, v) -> decoded[k] = v);
        synchronized (cache) {
            if (!cache.containsKey(chunk)) {
                cache.put(chunk, decoded);
                cachedSize.put(chunk, bytes[0]);
                cachedBytes += bytes[0];
                for (Iterator<Integer> it = cache.keySet().iterator(); cachedBytes > cacheBytes && it.hasNext(); ) {
                    Integer oldest = it.next();
                    if (oldest != chunk) {
                        cachedBytes -= cachedSize.remove(oldest);
                        it.remove();
                    }
                }
            }
        }
        return decoded;
    }

    private static RowDetail decode(Group g) {
        Map<String, Object> values = new LinkedHashMap<>();
        var type = g.getType();
        for (int f = 0; f < type.getFieldCount(); f++) {
            if (g.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            Group list = g.getGroup(f, 0);
            int n = list.getFieldRepetitionCount(0);
            boolean ints = type.getType(f).asGroupType().getType(0).asGroupType().getType(0).asPrimitiveType()
                    .getPrimitiveTypeName() == PrimitiveTypeName.INT32;
            if (ints) {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = list.getGroup(0, i).getInteger(0, 0);
                }
                values.put(type.getFieldName(f), a);
            } else {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = list.getGroup(0, i).getDouble(0, 0);
                }
                values.put(type.getFieldName(f), a);
            }
        }
        return new RowDetail(values);
    }
}
