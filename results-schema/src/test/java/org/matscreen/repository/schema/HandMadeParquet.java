package org.matscreen.repository.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Writes rows into a Parquet file of any hand-written schema (flat columns and 3-level lists), as another writer would. */
final class HandMadeParquet {
    private HandMadeParquet() {}

    static void write(Path file, MessageType schema, List<RecordRow> rows) {
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), conf)).withType(schema).withConf(conf).build()) {
            for (RecordRow row : rows) {
                Group g = factory.newGroup();
                for (Map.Entry<String, Object> e : row.values().entrySet()) {
                    if (!schema.containsField(e.getKey())) {
                        throw new IllegalArgumentException("the schema has no column " + e.getKey());
                    }
                    Type t = schema.getType(e.getKey());
                    if (t.isPrimitive()) {
                        add(g, e.getKey(), t.asPrimitiveType(), e.getValue());
                    } else {
                        Group list = g.addGroup(e.getKey());
                        PrimitiveType element = ((GroupType) ((GroupType) t).getType(0)).getType(0).asPrimitiveType();
                        for (Object item : (List<?>) e.getValue()) {
                            add(list.addGroup("list"), "element", element, item);
                        }
                    }
                }
                w.write(g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Group g, String field, PrimitiveType t, Object v) {
        switch (t.getPrimitiveTypeName()) {
            case BINARY -> g.add(field, (String) v);
            case INT32 -> g.add(field, ((Number) v).intValue());
            case INT64 -> g.add(field, ((Number) v).longValue());
            case DOUBLE -> g.add(field, ((Number) v).doubleValue());
            case BOOLEAN -> g.add(field, (Boolean) v);
            default -> throw new IllegalArgumentException("unsupported " + t);
        }
    }
}
