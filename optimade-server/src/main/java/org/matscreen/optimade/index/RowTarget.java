package org.matscreen.optimade.index;

import java.util.Optional;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.FilterTarget;

/**
 * One row of the index seen as a {@link FilterTarget}, for the filter nodes the columnar evaluation leaves to the
 * reference evaluator (comparisons between two properties, correlated lists, properties in value lists). A row of -1
 * stands for "any row" when only constant properties are read.
 */
final class RowTarget implements FilterTarget {
    private final StructureIndex index;
    private final int row;

    RowTarget(StructureIndex index, int row) {
        this.index = index;
        this.row = row;
    }

    @Override
    public Optional<?> value(String property) {
        StructureProperty p = StructureSchema.get().property(property).orElseThrow(
                () -> new IllegalStateException("the filter compiler let through undeclared '" + property + "'"));
        if (p.source() == StructureProperty.Source.CONSTANT) {
            return Optional.ofNullable(p.constant());
        }
        return Optional.ofNullable(index.column(p.key()).value(row));
    }
}
