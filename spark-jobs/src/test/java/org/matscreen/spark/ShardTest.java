package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

/** Shards cover a campaign exactly once, in contiguous, balanced slices. */
class ShardTest {

    @Test
    void shardsCoverEveryCandidateOnce() {
        for (long size : new long[] {0, 1, 5, 7, 1000, 17_000_000_003L}) {
            for (int count : new int[] {1, 2, 3, 16, 1000}) {
                long next = 0;
                for (int i = 0; i < count; i++) {
                    Shard s = new Shard(i, count);
                    assertEquals(next, s.start(size), size + " " + s);
                    assertTrue(s.end(size) >= s.start(size));
                    assertTrue(s.end(size) - s.start(size) <= size / count + 1, "balanced: " + s);
                    next = s.end(size);
                }
                assertEquals(size, next);
            }
        }
    }

    @Test
    void noOverflowForHugeSpacesAndManyShards() {
        Shard s = new Shard(999_999_998, 999_999_999);
        long size = Long.MAX_VALUE / 2;
        assertTrue(s.start(size) > 0 && s.start(size) < size);
        assertEquals(size, s.end(size));
    }

    @Test
    void parsesIndexSlashCount() {
        assertEquals(new Shard(3, 16), Shard.parse("3/16", "--shard"));
        assertEquals("3/16", Shard.parse(" 3/16 ", "--shard").toString());
        for (String bad : new String[] {"16/16", "-1/4", "1/0", "a/b", "3", "3/", "/3", "1/2/3", ""}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Shard.parse(bad, "--shard"));
            assertTrue(e.getMessage().startsWith("--shard"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Shard(2, 2));
    }
}
