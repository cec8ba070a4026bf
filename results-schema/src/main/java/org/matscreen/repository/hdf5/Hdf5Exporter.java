package org.matscreen.repository.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.schema.RecordRow;

/**
 * Writes records into one HDF5 file in the layout of {@link Hdf5Layout}, with jhdf. Rows are added one at a time
 * (in any order) and the file is written by {@link #write}.
 *
 * <p>jhdf 0.9 writes a file in one go when it is closed and has no extendible datasets, so the exported columns are
 * held in memory until then: about 8 bytes per number, e.g. 10^5 records of 180-site cells take ~0.5 GB. Export a
 * selection ({@code --where}) for larger repositories.
 */
public final class Hdf5Exporter {
    private final Map<String, Map<String, SystemColumns>> campaigns = new TreeMap<>();
    private long records;

    /**
     * Adds a row of the current schema version (every column it has is exported; its {@code campaign},
     * {@code chemical_system} and {@code elements} place it).
     */
    public void add(RecordRow row) {
        String campaign = (String) row.get("campaign");
        String system = (String) row.get("chemical_system");
        @SuppressWarnings("unchecked")
        List<String> elements = (List<String>) row.get("elements");
        if (campaign == null || system == null || elements == null) {
            throw new MatscreenException("record " + row.get("id") + " lacks campaign, chemical_system or elements,"
                    + " which place it in the HDF5 file");
        }
        campaigns.computeIfAbsent(campaign, k -> new TreeMap<>())
                .computeIfAbsent(system, k -> new SystemColumns(system, elements)).add(row);
        records++;
    }

    /** Rows added so far. */
    public long records() {
        return records;
    }

    /**
     * Writes the file, replacing it if it exists.
     *
     * @param manifest the repository's manifest, whose provenance goes onto its campaign's group
     * @param filter the selection the rows came from ({@code ""} for all), recorded on the root group
     */
    public void write(Path file, Optional<Manifest> manifest, String filter) {
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute(Hdf5Layout.FORMAT_ATTRIBUTE, Hdf5Layout.FORMAT);
            out.putAttribute("format_version", Hdf5Layout.FORMAT_VERSION);
            out.putAttribute("schema_version", RecordSchema.VERSION);
            out.putAttribute("exported_at", Instant.now().toString());
            out.putAttribute("exporter", "matscreen " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")");
            out.putAttribute("filter", filter);
            out.putAttribute("records", records);
            for (Map.Entry<String, Map<String, SystemColumns>> c : campaigns.entrySet()) {
                WritableGroup g = out.putGroup(c.getKey());
                manifest.filter(m -> m.campaign().equals(c.getKey())).ifPresent(m -> provenance(g, m));
                for (SystemColumns s : c.getValue().values()) {
                    s.write(g);
                }
            }
        } catch (HdfException e) {
            throw new MatscreenException("cannot write the HDF5 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void provenance(WritableGroup g, Manifest m) {
        g.putAttribute("campaign", m.campaign());
        g.putAttribute("description", m.description());
        g.putAttribute("campaign_yaml", m.campaignYaml());
        g.putAttribute("fingerprint", m.fingerprint());
        g.putAttribute("candidates", m.candidates());
        g.putAttribute("created_at", m.createdAt());
        g.putAttribute("updated_at", m.updatedAt());
        g.putAttribute("matscreen_version", m.matscreenVersion());
        g.putAttribute("matscreen_commit", m.matscreenCommit());
        g.putAttribute("code_version", m.codeVersion());
        Manifest.Potential p = m.potential();
        g.putAttribute("potential_name", p.name());
        g.putAttribute("potential_pair_style", p.pairStyle());
        g.putAttribute("potential_key", p.key());
        g.putAttribute("potential_citation", p.citation());
        g.putAttribute("potential_elements", p.elements().toArray(new String[0]));
    }
}
