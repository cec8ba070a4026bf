package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches {@link OptimadeHandler} (a malformed request line, headers
 * above the size limit, a body above the limit, the wait for a free slot timed out): a JSON:API error document, with
 * neither the cause nor a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final JsonFactory FACTORY = new JsonFactory();

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON_API);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    static byte[] body(int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("status", Integer.toString(status));
            g.writeStringField("title", ApiException.title(status));
            g.writeStringField("detail", message == null || message.isBlank() ? ApiException.title(status)
                    : message);
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("meta");
            g.writeStringField("api_version", JsonDocument.API_VERSION);
            g.writeBooleanField("more_data_available", false);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
