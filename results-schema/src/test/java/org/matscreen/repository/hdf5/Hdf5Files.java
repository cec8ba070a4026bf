package org.matscreen.repository.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.schema.RecordRow;

/** Exports a repository (or a selection) to HDF5 for the tests, returning the rows exported. */
final class Hdf5Files {
    private Hdf5Files() {}

    static List<RecordRow> export(RepositoryLayout layout, String where, Path file) {
        RecordStore store = new RecordStore(layout);
        Hdf5Exporter exporter = new Hdf5Exporter();
        List<RecordRow> rows = new ArrayList<>();
        store.scan(where, row -> {
            rows.add(row);
            exporter.add(row);
        });
        exporter.write(file, store.manifest(), where);
        return rows;
    }
}
