package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository locations with characters a shell or a URI treats specially (issue 17, item 12). */
class RepositoryLayoutTest {
    @TempDir
    Path dir;

    /**
     * The driver hands executors {@code root().toString()}; with a space, ';' or '\' that string was no longer a
     * valid URI, and the run failed after creating the folder and computing references.
     */
    @Test
    void aRootWithSpacesSemicolonsAndBackslashesSurvivesTheRoundTrip() {
        for (String name : new String[] {"with space", "semi;colon", "back\\slash", "per%20cent", "hash#tag",
                "quest?ion", "brace{s}"}) {
            String local = dir.resolve(name).toString();
            RepositoryLayout layout = new RepositoryLayout(local, new Configuration());
            assertEquals(Path.of(local), Path.of(layout.root().toUri()), name);
            RepositoryLayout again = new RepositoryLayout(layout.root().toString(), new Configuration());
            assertEquals(layout.root(), again.root(), name);
        }
    }
}
