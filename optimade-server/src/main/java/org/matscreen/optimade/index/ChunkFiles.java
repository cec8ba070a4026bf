package org.matscreen.optimade.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.matscreen.repository.RecordSchema;

/**
 * Reads selected columns of chunk files, opening each once: the footer gives the file's own schema, the projection is
 * the wanted columns that file has (an older file may lack newer columns), and only those column chunks are decoded.
 * One file system and one loaded Hadoop configuration serve every file: the one-argument
 * {@code ParquetFileReader.open} makes a fresh configuration per file, which re-parses Hadoop's default XML and cost
 * more than decoding a small chunk. Read options (which hold decompressors that must not be shared between threads)
 * are made per read from the loaded configuration, which is cheap. Thread-safe.
 */
final class ChunkFiles {
    /** Receives the records of a chunk with their 0-based position in the file. */
    @FunctionalInterface
    interface RowSink {
        void accept(Group record, int rowInFile);
    }

    private final FileSystem fs;
    private final Configuration conf;

    ChunkFiles(FileSystem fs, Configuration conf) {
        this.fs = fs;
        this.conf = conf;
    }

    /**
     * Reads {@code columns} of every record of {@code file} ({@code length} bytes, as listed), in file order; returns
     * the number of records.
     */
    int read(Path file, long length, Set<String> columns, RowSink sink) {
        ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
        try (ParquetFileReader reader = ParquetFileReader.open(input(file, length), options)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (Type t : fileSchema.getFields()) {
                if (columns.contains(t.getName())) {
                    fields.add(t);
                }
            }
            MessageType projection = new MessageType(RecordSchema.MESSAGE_NAME, fields);
            reader.setRequestedSchema(projection);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, fileSchema);
            int row = 0;
            for (PageReadStore pages; (pages = reader.readNextRowGroup()) != null; ) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0, n = pages.getRowCount(); i < n; i++) {
                    sink.accept(records.read(), row++);
                }
            }
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads {@code columns} of every record of {@code file} into a list, in file order. */
    List<Group> readAll(Path file, long length, Set<String> columns) {
        List<Group> out = new ArrayList<>();
        read(file, length, columns, (g, row) -> out.add(g));
        return out;
    }

    /** The file as Parquet's input, with the length the listing gave (no second look-up per file). */
    private InputFile input(Path file, long length) {
        return new InputFile() {
            @Override
            public long getLength() {
                return length;
            }

            @Override
            public SeekableInputStream newStream() throws IOException {
                return HadoopStreams.wrap(fs.open(file));
            }
        };
    }
}
