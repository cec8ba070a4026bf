package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.matscreen.repository.RecordSchema;

/**
 * The Python module's Parquet route reads the record schema this build writes: its version bound moves with
 * {@link RecordSchema#VERSION} (it refused every repository once the schema reached version 2). The CI machine has
 * no pyarrow, so PythonRouteIntegrationTest cannot catch a stale bound there.
 */
class PythonModuleSchemaTest {
    @Test
    void parquetRouteReadsTheCurrentRecordSchema() throws IOException {
        Path module = TestDistribution.findCheckout().resolve("python/matscreen_py/__init__.py");
        String text = Files.readString(module);
        assertTrue(text.contains("\nRECORD_SCHEMA_VERSION = " + RecordSchema.VERSION + "\n"),
                module + " must declare RECORD_SCHEMA_VERSION = " + RecordSchema.VERSION);
    }
}
