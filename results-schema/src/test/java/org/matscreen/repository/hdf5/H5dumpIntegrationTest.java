package org.matscreen.repository.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.ExternalTool;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.schema.RecordRow;

/** The HDF5 export read by the HDF Group's own {@code h5dump} (Debian {@code hdf5-tools}): structure and values. */
@Tag("integration")
@Tag("hdf5")
class H5dumpIntegrationTest {
    private static final String SYSTEM = "/" + SyntheticRecords.CAMPAIGN + "/Co-Cr-Ni/";

    @TempDir
    Path dir;

    ExternalTool h5dump;
    Path file;
    List<RecordRow> rows;

    @BeforeEach
    void export() {
        h5dump = ExternalTool.require("MATSCREEN_H5DUMP", "hdf5-tools", "h5dump");
        file = dir.resolve("export.h5");
        rows = Hdf5Files.export(TestRepositories.quaternary(dir.resolve("repo")), "", file);
    }

    @Test
    void h5dumpReadsEveryObject() {
        ExternalTool.Result all = h5dump.run(120, file.toString());
        assertEquals(0, all.exitCode(), all.stderr());
        ExternalTool.Result header = h5dump.run(60, "-H", file.toString());
        assertEquals(0, header.exitCode(), header.stderr());
        assertTrue(header.stdout().contains("GROUP \"" + SyntheticRecords.CAMPAIGN + "\""), header.stdout());
        assertTrue(header.stdout().contains("GROUP \"Co-Cr-Ni\""));
        assertTrue(header.stdout().contains("DATASET \"fractional_positions\""));
        assertTrue(header.stdout().contains("ATTRIBUTE \"units\""));
    }

    @Test
    void valuesAreTheRecordsValues() {
        List<RecordRow> system = rows.stream().filter(r -> "Co-Cr-Ni".equals(r.get("chemical_system"))).toList();
        List<String> energies = data("dh_mix_ev_per_atom");
        assertEquals(system.size(), energies.size());
        for (int i = 0; i < system.size(); i++) {
            Object v = system.get(i).get("dh_mix_ev_per_atom");
            if (v == null) {
                assertEquals("nan", energies.get(i));
            } else {
                assertEquals((Double) v, Double.parseDouble(energies.get(i)), 0.0, "17 digits round-trip a double");
            }
        }
        List<String> ids = data("id");
        assertEquals(system.stream().map(r -> "\"" + r.get("id") + "\"").toList(), ids);
        List<String> offsets = data("structures/site_offsets");
        long sites = Long.parseLong(offsets.get(offsets.size() - 1));
        assertEquals(3 * sites, data("structures/fractional_positions").size());
        assertEquals("\"eV/atom\"", attribute("dh_mix_ev_per_atom/units"));
    }

    /** The values of a dataset of the Co-Cr-Ni group, as h5dump prints them (17 significant digits). */
    private List<String> data(String dataset) {
        ExternalTool.Result r = h5dump.run(60, "-d", SYSTEM + dataset, "-y", "-w", "0", "-m", "%.17g",
                file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return values(r.stdout());
    }

    private String attribute(String path) {
        ExternalTool.Result r = h5dump.run(60, "-a", SYSTEM + path, "-y", file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return values(r.stdout()).get(0);
    }

    /** The comma-separated items of the first DATA { ... } block. */
    static List<String> values(String dump) {
        Matcher m = Pattern.compile("DATA \\{\\s*(.*?)\\s*\\}", Pattern.DOTALL).matcher(dump);
        assertTrue(m.find(), dump);
        List<String> out = new ArrayList<>();
        for (String item : m.group(1).split(",\\s*")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }
}
