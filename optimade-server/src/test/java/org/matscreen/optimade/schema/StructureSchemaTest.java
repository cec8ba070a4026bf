package org.matscreen.optimade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.screening.Metrics;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.filter.PropertyType;

/** The mapping from the record schema to OPTIMADE properties. */
class StructureSchemaTest {
    final StructureSchema s = StructureSchema.get();

    @Test
    void everyRecordColumnIsServed() {
        for (Column c : RecordSchema.columns()) {
            boolean asProvider = s.property(StructureSchema.PROVIDER + c.name()).isPresent();
            assertTrue(asProvider != StructureSchema.MAPPED_COLUMNS.contains(c.name()), c.name());
        }
        for (String metric : Metrics.all().keySet()) {
            StructureProperty p = s.property(StructureSchema.PROVIDER + metric).orElseThrow();
            assertEquals(Shape.FLOAT, p.shape());
            assertTrue(p.queryable() && p.sortable(), metric);
        }
    }

    @Test
    void unitsAreOptimadeExpressionsWithDefinitions() {
        assertEquals("eV", s.property("_matscreen_dh_mix_ev_per_atom").orElseThrow().unit());
        assertEquals("cm^-3*g", s.property("_matscreen_density_g_per_cm3").orElseThrow().unit());
        assertEquals("J*K^-1*mol^-1", s.property("_matscreen_ds_mix_j_per_mol_k").orElseThrow().unit());
        assertEquals("dimensionless", s.property("_matscreen_hhi_production").orElseThrow().unit());
        assertEquals("inapplicable", s.property("_matscreen_campaign").orElseThrow().unit());
        for (StructureProperty p : s.properties().values()) {
            for (String symbol : Units.symbols(p.unit())) {
                assertEquals(symbol, Units.definition(symbol).get("symbol").asText(), p.name());
            }
            String[] factors = p.unit().split("\\*");
            List<String> sorted = new java.util.ArrayList<>(List.of(factors));
            Collections.sort(sorted);
            assertEquals(sorted, List.of(factors), "symbols in alphabetical order: " + p.unit());
        }
        assertThrows(IllegalArgumentException.class, () -> Units.expression("furlong/fortnight", true));
    }

    @Test
    void catalogueDeclaresTheQueryableProperties() {
        var c = s.catalogue();
        assertEquals(PropertyType.STRING_LIST, c.type("elements").orElseThrow());
        assertEquals(PropertyType.TIMESTAMP, c.type("last_modified").orElseThrow());
        assertEquals(PropertyType.FLOAT, c.type("_matscreen_dh_mix_ev_per_atom").orElseThrow());
        assertEquals(PropertyType.BOOLEAN, c.type("_matscreen_relax_converged").orElseThrow());
        assertEquals(PropertyType.INTEGER_LIST, c.type("_matscreen_cell_counts").orElseThrow());
        assertFalse(c.type("lattice_vectors").isPresent());
        assertFalse(c.type("_matscreen_eos_volumes_a3_per_atom").isPresent());
        assertEquals("matscreen", c.ownPrefix().orElseThrow());
    }

    @Test
    void defaultFieldsLeaveOutIdTypeAndHeavyArrays() {
        List<String> d = s.defaultFields();
        assertFalse(d.contains("id") || d.contains("type"));
        assertFalse(d.contains("_matscreen_elastic_stress_plus_gpa"));
        assertTrue(d.containsAll(List.of("elements", "nelements", "elements_ratios", "chemical_formula_reduced",
                "chemical_formula_anonymous", "lattice_vectors", "cartesian_site_positions", "species_at_sites",
                "species", "nsites", "structure_features", "last_modified", "_matscreen_dh_mix_ev_per_atom")));
    }
}
