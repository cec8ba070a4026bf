package org.matscreen.repository.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.matscreen.repository.Column;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterExpression;
import org.matscreen.repository.filter.FilterTarget;

/**
 * Decides from a chemical-system folder's name alone whether any of its records can match a filter, so a query never
 * opens the files of systems it excludes ({@code elements HAS ALL "Co","Ni"}, {@code nelements = 2},
 * {@code chemical_system = "Cr-Fe-Ni"}). Every record of {@code system=A-B} has {@code chemical_system} "A-B",
 * {@code elements} [A, B] and {@code nelements} 2, so a part of the filter that names only those is evaluated exactly
 * per folder; other parts count as "may match". The result is conservative: a folder is skipped only if no record in
 * it can match.
 */
final class PartitionPruning {
    /** Columns whose value a record's partition folder fixes. */
    static final Set<String> PARTITION_COLUMNS = Set.of("chemical_system", "elements", "nelements");

    private final Predicate<String> mayMatch;

    private PartitionPruning(Predicate<String> mayMatch) {
        this.mayMatch = mayMatch;
    }

    /** Pruning for {@code expression}; {@code null} (no filter) keeps every folder. */
    static PartitionPruning of(FilterExpression expression) {
        return new PartitionPruning(expression == null ? s -> true : build(expression));
    }

    /** Whether a record of {@code chemicalSystem} (e.g. {@code Cu-Ni}) may match. */
    boolean mayMatch(String chemicalSystem) {
        return mayMatch.test(chemicalSystem);
    }

    private static Predicate<String> build(FilterExpression e) {
        Set<String> refs = PropertyReferences.of(e);
        if (!refs.isEmpty() && refs.stream().allMatch(PartitionPruning::isPartitionProperty)) {
            CompiledFilter exact = FilterCompiler.compile(e, RecordProperties.catalogue());
            return system -> exact.test(target(system));
        }
        if (e instanceof FilterExpression.And and) {
            List<Predicate<String>> parts = and.operands().stream().map(PartitionPruning::build).toList();
            return system -> parts.stream().allMatch(p -> p.test(system));
        }
        if (e instanceof FilterExpression.Or or) {
            List<Predicate<String>> parts = or.operands().stream().map(PartitionPruning::build).toList();
            return system -> parts.stream().anyMatch(p -> p.test(system));
        }
        return system -> true;
    }

    private static boolean isPartitionProperty(String name) {
        return RecordProperties.column(name).map(Column::name).filter(PARTITION_COLUMNS::contains).isPresent();
    }

    private static FilterTarget target(String system) {
        List<String> elements = Arrays.asList(system.split("-"));
        Map<String, Object> values = Map.of("chemical_system", system, "elements", elements, "nelements",
                (long) elements.size());
        return property -> RecordProperties.column(property).map(c -> values.get(c.name()));
    }
}
