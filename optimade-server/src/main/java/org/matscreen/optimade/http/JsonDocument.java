package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.optimade.config.ServerConfig;

/**
 * A JSON:API document being written with Jackson's streaming generator (no intermediate tree for entries), with the
 * parts every OPTIMADE response shares: the {@code jsonapi} member first, as the spec recommends, and {@code meta}.
 */
final class JsonDocument implements AutoCloseable {
    static final String API_VERSION = "1.3.0";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private final JsonGenerator g;

    JsonDocument() {
        try {
            g = FACTORY.createGenerator(bytes);
            g.writeStartObject();
            g.writeObjectFieldStart("jsonapi");
            g.writeStringField("version", "1.1");
            g.writeObjectFieldStart("meta");
            g.writeStringField("api", "OPTIMADE");
            g.writeStringField("api-version", API_VERSION);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonGenerator generator() {
        return g;
    }

    /**
     * The {@code meta} member.
     *
     * @param more {@code more_data_available}
     * @param returned {@code data_returned} (null to omit)
     * @param available {@code data_available} (null to omit)
     * @param lastId {@code last_id} (null to omit)
     */
    void meta(Exchange x, ServerConfig config, boolean more, Long returned, Long available, String lastId,
            List<String> warnings) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeObjectFieldStart("query");
        g.writeStringField("representation", x.representation());
        g.writeEndObject();
        g.writeStringField("api_version", API_VERSION);
        g.writeStringField("time_stamp", x.now().truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeBooleanField("more_data_available", more);
        if (returned != null) {
            g.writeNumberField("data_returned", returned);
        }
        if (available != null) {
            g.writeNumberField("data_available", available);
        }
        if (lastId != null) {
            g.writeStringField("last_id", lastId);
        }
        ServerConfig.Provider p = config.provider();
        g.writeObjectFieldStart("provider");
        g.writeStringField("name", p.name());
        g.writeStringField("description", p.description());
        g.writeStringField("prefix", p.prefix());
        if (p.homepage() != null) {
            g.writeStringField("homepage", p.homepage());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("implementation");
        g.writeStringField("name", "matscreen");
        g.writeStringField("version", BuildInfo.version());
        g.writeEndObject();
        ServerConfig.Database db = config.database();
        g.writeObjectFieldStart("database");
        g.writeStringField("id", db.id());
        g.writeStringField("name", db.name());
        g.writeStringField("description", db.description());
        g.writeEndObject();
        if (!warnings.isEmpty()) {
            g.writeArrayFieldStart("warnings");
            int i = 0;
            for (String w : warnings) {
                g.writeStartObject();
                g.writeStringField("id", "warning-" + i++);
                g.writeStringField("type", "warning");
                g.writeStringField("code", "_matscreen_" + (w.contains("prefix") ? "unknown_prefix" : "note"));
                g.writeStringField("detail", w);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Closes the document and returns its bytes. */
    byte[] finish() throws IOException {
        g.writeEndObject();
        g.close();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        g.close();
    }

    /** An error document: {@code errors} with one error object, and {@code meta}. */
    static byte[] error(Exchange x, ServerConfig config, int status, String detail) {
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("status", Integer.toString(status));
            g.writeStringField("title", ApiException.title(status));
            g.writeStringField("detail", detail);
            g.writeEndObject();
            g.writeEndArray();
            d.meta(x, config, false, null, null, null, List.of());
            return d.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
