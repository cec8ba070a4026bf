package org.matscreen.repository.hdf5;

import io.jhdf.api.WritableGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.schema.RecordRow;

/** The records of one chemical system of one campaign, column by column, until the file is written. */
final class SystemColumns {
    private final String chemicalSystem;
    private final List<String> elements;
    private final List<ColumnSink> sinks = new ArrayList<>();
    private long records;

    SystemColumns(String chemicalSystem, List<String> elements) {
        this.chemicalSystem = chemicalSystem;
        this.elements = List.copyOf(elements);
        for (Column c : RecordSchema.columns()) {
            sinks.add(ColumnSink.of(c, elements.size()));
        }
    }

    void add(RecordRow row) {
        for (ColumnSink s : sinks) {
            s.add(row.get(s.column.name()));
        }
        records++;
    }

    long records() {
        return records;
    }

    void write(WritableGroup campaign) {
        WritableGroup g = campaign.putGroup(chemicalSystem);
        g.putAttribute("chemical_system", chemicalSystem);
        g.putAttribute("elements", elements.toArray(new String[0]));
        g.putAttribute("records", records);
        WritableGroup structures = g.putGroup(Hdf5Layout.STRUCTURES);
        Set<String> written = new HashSet<>();
        for (ColumnSink s : sinks) {
            s.write(g, structures, written);
        }
    }
}
