package org.matscreen.repository.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.Column;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.schema.RecordRow;

/** The HDF5 export read back with jhdf: every column of every record, in the documented layout. */
class Hdf5ExportTest {
    @TempDir
    Path dir;

    static final Manifest MANIFEST = new Manifest(1, SyntheticRecords.CAMPAIGN, "test campaign", "name: x\n",
            "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "ab".repeat(32), 70, Map.of("ok", 68L), "0.1.0", "abc",
            "LAMMPS 20210929", new Manifest.Potential("CuNi.eam.alloy", "eam/alloy", "9f".repeat(32), "Onat (2014)",
                    List.of("Ni", "Cu")), List.of());

    @Test
    void everyValueReadsBack() {
        RepositoryLayout layout = TestRepositories.quaternary(dir.resolve("repo"));
        JsonFiles.write(layout, layout.manifest(), MANIFEST);
        Path file = dir.resolve("out.h5");
        List<RecordRow> rows = Hdf5Files.export(layout, "", file);
        Map<String, List<RecordRow>> bySystem = rows.stream().collect(Collectors.groupingBy(
                r -> (String) r.get("chemical_system")));
        try (HdfFile h = new HdfFile(file)) {
            assertEquals(Hdf5Layout.FORMAT, h.getAttribute("format").getData());
            assertEquals(RecordSchema.VERSION, h.getAttribute("schema_version").getData());
            assertEquals(70L, h.getAttribute("records").getData());
            Group campaign = (Group) h.getChild(SyntheticRecords.CAMPAIGN);
            assertEquals("9f".repeat(32), campaign.getAttribute("potential_key").getData());
            assertEquals("LAMMPS 20210929", campaign.getAttribute("code_version").getData());
            assertEquals(15, campaign.getChildren().size());
            for (Map.Entry<String, List<RecordRow>> e : bySystem.entrySet()) {
                Group g = (Group) campaign.getChild(e.getKey());
                assertEquals((long) e.getValue().size(), g.getAttribute("records").getData());
                checkSystem(g, e.getValue());
            }
        }
    }

    @Test
    void unitsAndDescriptionsAreAttributes() {
        RepositoryLayout layout = TestRepositories.quaternary(dir.resolve("repo"));
        Path file = dir.resolve("out.h5");
        Hdf5Files.export(layout, "chemical_system = \"Co-Ni\"", file);
        try (HdfFile h = new HdfFile(file)) {
            assertEquals("chemical_system = \"Co-Ni\"", h.getAttribute("filter").getData(), "selection recorded");
            Dataset e = h.getDatasetByPath(SyntheticRecords.CAMPAIGN + "/Co-Ni/dh_mix_ev_per_atom");
            assertEquals("eV/atom", e.getAttribute(Hdf5Layout.UNITS).getData());
            assertTrue(((String) e.getAttribute(Hdf5Layout.DESCRIPTION).getData()).contains("mixing enthalpy"));
            Dataset lattice = h.getDatasetByPath(SyntheticRecords.CAMPAIGN + "/Co-Ni/structures/lattice_vectors_angstrom");
            assertArrayEquals(new int[] {6, 3, 3}, lattice.getDimensions());
            assertEquals("Å", lattice.getAttribute(Hdf5Layout.UNITS).getData());
            assertNull(h.getChild("no-such-campaign"));
            assertEquals(1, ((Group) h.getChild(SyntheticRecords.CAMPAIGN)).getChildren().size(), "only Co-Ni");
        }
    }

    /** Compares every dataset of a system group with the rows, as the layout describes them. */
    static void checkSystem(Group g, List<RecordRow> rows) {
        Group structures = (Group) g.getChild(Hdf5Layout.STRUCTURES);
        int nel = ((String[]) g.getAttribute("elements").getData()).length;
        for (Column c : RecordSchema.columns()) {
            Group home = Hdf5Layout.inStructures(c) ? structures : g;
            switch (Hdf5Layout.shape(c)) {
                case SCALAR -> {
                    Object data = ((Dataset) home.getChild(c.name())).getData();
                    for (int i = 0; i < rows.size(); i++) {
                        assertEquals(expectedScalar(c, rows.get(i).get(c.name())), java.lang.reflect.Array.get(data, i),
                                c.name() + " of " + rows.get(i).get("id"));
                    }
                }
                case PER_ELEMENT, MATRIX -> {
                    Object data = ((Dataset) home.getChild(c.name())).getData();
                    int width = Hdf5Layout.shape(c) == Hdf5Layout.Shape.PER_ELEMENT ? nel
                            : Arrays.stream(Hdf5Layout.matrixDimensions(c)).reduce(1, (a, b) -> a * b);
                    for (int i = 0; i < rows.size(); i++) {
                        List<?> expected = (List<?>) rows.get(i).get(c.name());
                        Object[] flat = flatten(java.lang.reflect.Array.get(data, i));
                        assertEquals(width, flat.length);
                        for (int k = 0; k < width; k++) {
                            Object want = expected == null ? Double.NaN : expected.get(k);
                            assertEquals(want, flat[k], c.name() + "[" + k + "] of " + rows.get(i).get("id"));
                        }
                    }
                }
                case PER_SITE, RAGGED -> {
                    long[] offsets = (long[]) ((Dataset) home.getChild(Hdf5Layout.offsetsName(c))).getData();
                    assertEquals(rows.size() + 1, offsets.length);
                    Dataset d = (Dataset) home.getChild(c.name());
                    if (d == null) {
                        assertEquals(0, offsets[rows.size()], c.name() + " left out only when empty");
                        continue;
                    }
                    Object[] flat = flatten(d.getData());
                    int per = Hdf5Layout.valuesPerItem(c);
                    for (int i = 0; i < rows.size(); i++) {
                        List<?> expected = (List<?>) rows.get(i).get(c.name());
                        List<?> got = Arrays.asList(flat).subList((int) offsets[i] * per, (int) offsets[i + 1] * per);
                        assertEquals(expected == null ? List.of() : expected, got, c.name());
                    }
                }
            }
        }
        assertFalse(g.getChildren().isEmpty());
    }

    private static Object expectedScalar(Column c, Object v) {
        return switch (c.kind()) {
            case DOUBLE -> v == null ? Double.NaN : v;
            case INT32 -> v == null ? Hdf5Layout.INT_FILL : v;
            case INT64, TIMESTAMP_MS -> v == null ? Hdf5Layout.LONG_FILL : v;
            case BOOLEAN -> v == null ? Hdf5Layout.BOOLEAN_FILL : (byte) ((Boolean) v ? 1 : 0);
            default -> v == null ? "" : v;
        };
    }

    /** Any Java array (of any rank) as its elements in row-major order, boxed. */
    static Object[] flatten(Object array) {
        List<Object> out = new java.util.ArrayList<>();
        flattenInto(array, out);
        return out.toArray();
    }

    private static void flattenInto(Object a, List<Object> out) {
        if (a != null && a.getClass().isArray()) {
            for (int i = 0; i < java.lang.reflect.Array.getLength(a); i++) {
                flattenInto(java.lang.reflect.Array.get(a, i), out);
            }
        } else {
            out.add(a);
        }
    }
}
