package org.matscreen.cli;

import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.query.RecordStore;
import picocli.CommandLine.Parameters;

/** The {@code REPO} argument shared by the commands that read a results repository. */
final class RepositoryArgument {
    @Parameters(index = "0", paramLabel = "REPO",
            description = "results repository: a path, file:// or hdfs:// URI (e.g. results/cuni-quickstart)")
    String repository;

    /** The repository as a store; refuses a folder that holds neither a manifest nor committed records. */
    RecordStore store() {
        RepositoryLayout layout = new RepositoryLayout(repository, new Configuration());
        try {
            if (!layout.fs().exists(layout.manifest()) && !layout.fs().exists(layout.data())) {
                throw new InvalidInputException(repository, "", "not a matscreen repository (no manifest.json and"
                        + " no data/ folder); give the --out folder of 'matscreen run'");
            }
        } catch (java.io.IOException e) {
            throw new InvalidInputException(repository, "", "cannot be read: " + e.getMessage());
        }
        return new RecordStore(layout);
    }
}
