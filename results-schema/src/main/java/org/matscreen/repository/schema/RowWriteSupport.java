package org.matscreen.repository.schema;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.matscreen.repository.Column;

/**
 * Writes {@link RecordRow}s straight to Parquet's record consumer, column by column in schema order. The writer of
 * Parquet's example object model would first copy each row into a {@code SimpleGroup}, one group object per list
 * element (a 180-atom record has about a thousand: positions, species, strains), and then walk that copy; on the
 * driver's C1-only JIT the copy and the walk were a third of a commit. Files are the same: the same schema, the same
 * values, standard 3-level lists. Made by {@link RowConversion#writeSupport}, which knows the table.
 */
public final class RowWriteSupport extends WriteSupport<RecordRow> {
    private final MessageType schema;
    private final Column[] columns;
    private final Map<String, String> extraMetaData;
    private final String table;
    private RecordConsumer out;

    /**
     * @param schema the Parquet schema, whose fields are {@code columns} in this order
     * @param table what the rows are, for errors (e.g. "record schema version 3")
     * @param extraMetaData key-value pairs for the file's footer
     */
    RowWriteSupport(MessageType schema, List<Column> columns, String table, Map<String, String> extraMetaData) {
        if (schema.getFieldCount() != columns.size()) {
            throw new IllegalArgumentException("schema has " + schema.getFieldCount() + " fields for "
                    + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!schema.getFieldName(i).equals(columns.get(i).name())) {
                throw new IllegalArgumentException("field " + i + " is " + schema.getFieldName(i) + ", column "
                        + columns.get(i).name());
            }
        }
        this.schema = schema;
        this.columns = columns.toArray(Column[]::new);
        this.extraMetaData = Map.copyOf(extraMetaData);
        this.table = table;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, extraMetaData);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(RecordRow row) {
        RowConversion.requireDefined(row, schema::containsField, table); // before any of it is written
        out.startMessage();
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            Object v = row.get(c.name());
            if (v == null) {
                continue;
            }
            out.startField(c.name(), i);
            switch (c.kind()) {
                case STRING, INT32, INT64, TIMESTAMP_MS, DOUBLE, BOOLEAN -> primitive(c.kind(), v);
                case LIST_STRING, LIST_INT32, LIST_DOUBLE -> list(c.kind(), (List<?>) v);
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    private void primitive(Column.Kind kind, Object v) {
        switch (kind) {
            case STRING, LIST_STRING -> out.addBinary(Binary.fromString((String) v));
            case INT32, LIST_INT32 -> out.addInteger(((Number) v).intValue());
            case INT64, TIMESTAMP_MS -> out.addLong(((Number) v).longValue());
            case DOUBLE, LIST_DOUBLE -> out.addDouble(((Number) v).doubleValue());
            case BOOLEAN -> out.addBoolean((Boolean) v);
        }
    }

    /** A standard 3-level list: {@code <name> (LIST) { repeated group list { element } }}; empty: no repetition. */
    private void list(Column.Kind kind, List<?> items) {
        out.startGroup();
        if (!items.isEmpty()) {
            out.startField("list", 0);
            for (Object item : items) {
                out.startGroup();
                out.startField("element", 0);
                primitive(kind, item);
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    /** A writer builder for rows through {@code support}. */
    public static Builder builder(OutputFile file, RowWriteSupport support) {
        return new Builder(file, support);
    }

    /** {@link ParquetWriter}'s builder for rows: every option of Parquet's own builder, this write support. */
    public static final class Builder extends ParquetWriter.Builder<RecordRow, Builder> {
        private final RowWriteSupport support;

        private Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<RecordRow> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<RecordRow> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
