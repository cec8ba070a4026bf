package org.matscreen.repository.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;
import org.matscreen.repository.schema.SchemaMigrations;

/**
 * Reads the rows of one chunk file as {@link RecordRow}s of the current schema version, opening it once.
 *
 * <p>A file whose footer statistics show it holds only current-version rows is read the fast way: only the requested
 * columns are decoded (column projection) and the push-down predicate lets Parquet skip row groups and rows. Any
 * other file (an older version, or a writer without statistics) is read whole, and every row goes through
 * {@link SchemaMigrations} before anything looks at it, because its column names and types may differ.
 */
final class ChunkReader {
    private final Configuration conf;

    ChunkReader(Configuration conf) {
        this.conf = conf;
    }

    /** What reading one chunk did: rows in the file, and whether it took the fast path. */
    record Read(long rowsInFile, boolean current) {}

    /**
     * Calls {@code sink} with the chunk's rows (all of them, or those the push-down predicate keeps).
     *
     * @param columns columns to read on the fast path ({@code null}: all); rows read the slow way have every column
     * @param pushDown predicate for the fast path, or {@code null}
     */
    Read read(Path chunk, Set<String> columns, FilterPredicate pushDown, Consumer<RecordRow> sink) {
        InputFile file;
        try {
            file = HadoopInputFile.fromPath(chunk, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + chunk, e);
        }
        ParquetReadOptions plain = HadoopReadOptions.builder(conf).build();
        try (SeekableInputStream in = file.newStream()) {
            ParquetMetadata footer = ParquetFileReader.readFooter(file, plain, in);
            MessageType fileSchema = footer.getFileMetaData().getSchema();
            boolean current = holdsOnlyCurrentRows(footer) && (columns == null || columns.stream()
                    .allMatch(fileSchema::containsField));
            FilterCompat.Filter filter = current && pushDown != null ? FilterCompat.get(pushDown) : FilterCompat.NOOP;
            ParquetReadOptions options = HadoopReadOptions.builder(conf).withRecordFilter(filter).build();
            MessageType requested = current && columns != null ? projection(columns) : fileSchema;
            long rows = 0;
            // The reader takes over the stream and closes it; closing it twice is harmless.
            try (ParquetFileReader reader = ParquetFileReader.open(file, footer, options, in)) {
                reader.setRequestedSchema(requested);
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(requested, fileSchema);
                for (PageReadStore pages; (pages = reader.readNextFilteredRowGroup()) != null; ) {
                    RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(requested),
                            filter);
                    for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                        Group g = records.read();
                        if (g != null && !records.shouldSkipCurrentRecord()) {
                            RecordRow row = RowConversion.toRow(g);
                            sink.accept(current ? row : SchemaMigrations.toCurrent(row));
                        }
                    }
                }
                for (BlockMetaData b : footer.getBlocks()) {
                    rows += b.getRowCount();
                }
            }
            return new Read(rows, current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + chunk, e);
        }
    }

    /** The requested columns, in schema order, as a Parquet projection. */
    static MessageType projection(Set<String> columns) {
        MessageType full = RecordSchema.parquetSchema();
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Type t : full.getFields()) {
            if (columns.contains(t.getName())) {
                b.addField(t);
            }
        }
        return b.named(RecordSchema.MESSAGE_NAME);
    }

    /** True if every row group's {@code schema_version} statistics are exactly the current version. */
    private static boolean holdsOnlyCurrentRows(ParquetMetadata footer) {
        if (!footer.getFileMetaData().getSchema().containsField(RecordRow.VERSION_COLUMN)) {
            return false;
        }
        for (BlockMetaData b : footer.getBlocks()) {
            Statistics<?> s = null;
            for (ColumnChunkMetaData c : b.getColumns()) {
                if (c.getPath().toDotString().equals(RecordRow.VERSION_COLUMN)) {
                    s = c.getStatistics();
                }
            }
            if (s == null || !s.hasNonNullValue() || s.getNumNulls() != 0
                    || !Integer.valueOf(RecordSchema.VERSION).equals(s.genericGetMin())
                    || !Integer.valueOf(RecordSchema.VERSION).equals(s.genericGetMax())) {
                return false;
            }
        }
        return true;
    }
}
