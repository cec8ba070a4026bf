package org.matscreen.optimade.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.yaml.YamlReader;

/**
 * Reads the server configuration (YAML, snake_case keys). Unknown keys are errors, so a typo such as
 * {@code max_page_limt} is not silently ignored; every error names the file, the field and the reason. The file holds
 * token digests only, but it also reveals group and member names: keep it readable by the server's user alone.
 *
 * <pre>
 * provider: {name: HEA consortium, description: ..., prefix: matscreen, homepage: https://...}
 * database: {id: hea, name: ..., description: ..., license_url: https://...}
 * public_url: https://optimade.example.org/hea      # behind a TLS-terminating reverse proxy
 * include_failed: false
 * limits: {default_page_limit: 20, max_page_limit: 500, max_request_header_bytes: 8192, max_request_body_bytes: 1024,
 *          idle_timeout_seconds: 30, max_concurrent_requests: 16, queue_timeout_seconds: 10, detail_cache_mb: 128}
 * cors: {allowed_origins: []}
 * embargo: {default_months: 12, max_months: 36}
 * campaigns:
 *   cuni-quickstart: {visibility: embargoed, owner: hea-lab, embargo_until: 2027-06-30}
 * groups:
 *   hea-lab:
 *     members: {alice: "sha256:9f86d0..."}
 * </pre>
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final ThreadLocal<String> SOURCE = ThreadLocal.withInitial(() -> "server configuration");

    private ConfigLoader() {}

    /** Reads and checks {@code file}. */
    public static ServerConfig load(Path file) {
        return parse(YamlReader.readText(file), file.toString());
    }

    /** Parses configuration text; {@code source} names it in errors. */
    public static ServerConfig parse(String yaml, String source) {
        // Size, duplicate keys (a repeated group would silently drop its members), aliases and syntax first.
        YamlReader.Document doc = YamlReader.parse(yaml, source);
        SOURCE.set(source);
        try {
            // Bound from the text where possible, so mapping errors keep their line; the tree when aliases were used.
            ServerConfig c = yaml.isBlank() || doc.tree().isMissingNode() ? ServerConfig.DEFAULT
                    : doc.usesAliases() ? YAML.treeToValue(doc.tree(), ServerConfig.class)
                    : YAML.readValue(yaml, ServerConfig.class);
            c = c != null ? c : ServerConfig.DEFAULT;
            try {
                c.embargoPolicy();
                c.principalsByDigest();
            } catch (InvalidInputException e) {
                throw e.withSource(source); // the policy's own checks do not know which file they read
            }
            return c;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidInputException iie) {
                throw iie;
            }
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InvalidInputException(source, field, e.getOriginalMessage() + where);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, "", "not valid YAML: " + e.getOriginalMessage());
        } finally {
            SOURCE.remove();
        }
    }

    static InvalidInputException invalid(String field, String reason) {
        return new InvalidInputException(SOURCE.get(), field, reason);
    }
}
