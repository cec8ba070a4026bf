package org.matscreen.optimade.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.matscreen.repository.filter.PropertyType;

/**
 * One column of the in-memory index: a primitive array (or dictionary codes) with one value per row. Columns are
 * immutable once built and safe to read from many threads.
 */
public interface IndexColumn {
    /** The filter-language type of the values. */
    PropertyType type();

    /**
     * The value of {@code row} as {@link org.matscreen.repository.filter.FilterTarget} expects it ({@link Long},
     * {@link Double}, {@link String}, {@link Boolean}, {@link java.time.Instant} or a {@link java.util.List} of those),
     * or {@code null} when unknown.
     */
    Object value(int row);

    /** Writes the value of {@code row} as JSON ({@code null} when unknown). */
    void write(JsonGenerator g, int row) throws IOException;

    /** Bit-set words of the rows whose value is known. */
    long[] known();
}
