package org.matscreen.spark;

import org.matscreen.core.error.InvalidInputException;

/**
 * One of {@code count} equal, contiguous slices of a campaign's candidate enumeration, for batch systems that run a
 * campaign as many independent jobs (Slurm job arrays, PJM bulk jobs). Shard {@code index} holds candidates
 * {@code [size·index/count, size·(index+1)/count)}; the shards of one count cover every candidate exactly once.
 * Contiguous slices keep each shard's chunk files apart (a chunk names its span of indices), so shards writing into
 * one repository only read the committed ids of their own slice when resuming.
 *
 * @param index this shard, {@code 0 ≤ index < count}
 * @param count number of shards
 */
public record Shard(int index, int count) {
    /** The whole campaign. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= index < count");
        }
    }

    /** Parses {@code I/N}; a malformed value is an input error naming the option. */
    public static Shard parse(String text, String option) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && s.substring(0, slash).matches("\\d{1,9}") && s.substring(slash + 1).matches("\\d{1,9}")) {
            int index = Integer.parseInt(s.substring(0, slash));
            int count = Integer.parseInt(s.substring(slash + 1));
            if (count >= 1 && index < count) {
                return new Shard(index, count);
            }
        }
        throw new InvalidInputException(option, String.valueOf(text),
                "expected I/N with 0 <= I < N (e.g. 3/16 for the fourth of 16 shards)");
    }

    public boolean isAll() {
        return count == 1;
    }

    /** First candidate index of this shard in a space of {@code size} candidates. */
    public long start(long size) {
        // floor(size·index/count) without overflowing: (q·count + r)·index/count = q·index + r·index/count.
        return size / count * index + size % count * index / count;
    }

    /** One past the last candidate index of this shard. */
    public long end(long size) {
        return index + 1 == count ? size : new Shard(index + 1, count).start(size);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
