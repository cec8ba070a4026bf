package org.matscreen.optimade.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Copies the {@code structures} entries matching a filter from an OPTIMADE server into a local matscreen repository.
 *
 * <ul>
 *   <li>Pages are followed through {@code links.next}; each page's records are committed with {@link ChunkWriter}
 *       (atomic per chemical system), then the page's provenance, then the state: a pull killed at any point resumes
 *       at the first page whose state was not written, and records already present (by id) are not written twice.</li>
 *   <li>Where each record came from is kept in {@code pull/sources/page-NNNNNN.jsonl}: local id, the source's id and
 *       URL, the page URL, when it was retrieved, and whether it was imported.</li>
 *   <li>Entries that are not matscreen records (another database's structures) are kept verbatim in
 *       {@code pull/foreign/page-NNNNNN.jsonl} with the reason; nothing is made up to force them into the schema.</li>
 * </ul>
 * The base URL may be unversioned ({@code https://host/optimade}: the major version comes from its {@code /versions})
 * or versioned ({@code https://host/optimade/v1}).
 */
public final class PullJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSIONED = Pattern.compile(".*/v\\d+(\\.\\d+){0,2}");

    /**
     * @param baseUrl the OPTIMADE base URL (versioned or not)
     * @param filter an OPTIMADE filter, or null/blank for every entry
     * @param pageLimit entries per page to ask for
     * @param restart ignore the state of an earlier pull into the same repository
     */
    public record Options(String baseUrl, String filter, String out, int pageLimit, boolean restart) {}

    /** What a run did. */
    public record Summary(PullState state, long importedThisRun, String repository) {}

    private final Options options;
    private final Fetcher fetcher;
    private final Consumer<String> progress;
    private final RepositoryLayout layout;
    private final EntryDecoder decoder = new EntryDecoder();

    public PullJob(Options options, Fetcher fetcher, Consumer<String> progress) {
        this.options = options;
        this.fetcher = fetcher;
        this.progress = progress;
        this.layout = new RepositoryLayout(options.out(), new Configuration());
    }

    private Path stateFile() {
        return new Path(layout.root(), "pull/state.json");
    }

    public Summary run() {
        String filter = options.filter() == null ? "" : options.filter().strip();
        String base = options.baseUrl().replaceAll("/+$", "");
        PullState state = JsonFiles.read(layout, stateFile(), PullState.class).orElse(null);
        if (state != null && !options.restart() && (!state.baseUrl().equals(base) || !state.filter().equals(filter))) {
            throw new InvalidInputException("--out", options.out(), "holds a pull from " + state.baseUrl()
                    + " with filter \"" + state.filter() + "\"; pull into another repository, or pass --restart to"
                    + " add this one to it");
        }
        String now = Instant.now().toString();
        String versionedBase = versioned(base);
        String next;
        if (state == null || options.restart() || state.complete()) {
            // A completed pull run again fetches everything again: new records are added, known ids skipped.
            next = firstPage(versionedBase, filter);
            state = new PullState(base, filter, next, 0, 0, 0, 0, 0, false, now, now);
        } else {
            next = state.nextUrl();
            progress.accept("resuming after " + state.pages() + " pages (" + state.imported() + " records)");
        }
        Set<String> present = new ResultReader(layout).ids(layout.chunks());
        ChunkWriter writer = new ChunkWriter(layout);
        long importedThisRun = 0;
        String previous = null;
        while (next != null) {
            if (next.equals(previous)) {
                throw new MatscreenException("the server's links.next points back at the same page (" + next
                        + "); stopping");
            }
            JsonNode doc = fetcher.get(URI.create(next));
            JsonNode data = doc.path("data");
            if (!data.isArray()) {
                throw new MatscreenException(next + " is not an entry listing (no data list)");
            }
            long page = state.pages() + 1;
            List<CandidateResult> records = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> foreign = new ArrayList<>();
            long skipped = 0;
            for (JsonNode entry : data) {
                String sourceId = entry.path("id").asText();
                String sourceUrl = entry.path("links").path("self").isTextual()
                        ? entry.path("links").path("self").asText() : versionedBase + "/structures/"
                        + URLEncoder.encode(sourceId, StandardCharsets.UTF_8).replace("+", "%20");
                EntryDecoder.Decoded d = decoder.decode(entry, sourceUrl);
                ObjectNode line = JSON.createObjectNode();
                line.put("id", d.record() != null ? d.record().id() : null);
                line.put("source_id", sourceId);
                line.put("source_url", sourceUrl);
                line.put("source_origin", entry.path("attributes").path("_matscreen_origin").asText(null));
                line.put("source_last_modified", entry.path("attributes").path("last_modified").asText(null));
                line.put("page_url", next);
                line.put("retrieved_at", Instant.now().toString());
                if (d.record() == null) {
                    line.put("imported", false);
                    line.put("reason", d.reason());
                    ObjectNode raw = JSON.createObjectNode();
                    raw.put("reason", d.reason());
                    raw.put("page_url", next);
                    raw.set("entry", entry);
                    foreign.add(raw.toString());
                } else if (present.contains(d.record().id())) {
                    line.put("imported", false);
                    line.put("reason", "already in the repository");
                    skipped++;
                } else {
                    line.put("imported", true);
                    records.add(d.record());
                    present.add(d.record().id());
                }
                sources.add(line.toString());
            }
            writer.commit(records);
            importedThisRun += records.size();
            writeLines(new Path(layout.root(), String.format(Locale.ROOT, "pull/sources/page-%06d.jsonl", page)),
                    sources);
            if (!foreign.isEmpty()) {
                writeLines(new Path(layout.root(), String.format(Locale.ROOT, "pull/foreign/page-%06d.jsonl", page)),
                        foreign);
            }
            previous = next;
            next = nextLink(doc.path("links").path("next"));
            state = new PullState(base, filter, next, page, state.received() + data.size(),
                    state.imported() + records.size(), state.alreadyPresent() + skipped,
                    state.notRepresentable() + foreign.size(), next == null, state.startedAt(),
                    Instant.now().toString());
            JsonFiles.write(layout, stateFile(), state);
            JsonNode returned = doc.path("meta").path("data_returned");
            progress.accept(String.format(Locale.ROOT, "page %d: %d entries, %d new, %d already present, %d not"
                    + " matscreen records; %d of %s", page, data.size(), records.size(), skipped, foreign.size(),
                    state.received(), returned.isNumber() ? returned.asText() : "?"));
        }
        return new Summary(state, importedThisRun, layout.root().toString());
    }

    /** The first page's URL, asking for every field the server describes (so provider properties come too). */
    private String firstPage(String v, String filter) {
        StringBuilder url = new StringBuilder(v).append("/structures?page_limit=").append(options.pageLimit());
        if (!filter.isEmpty()) {
            url.append("&filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        List<String> fields = new ArrayList<>();
        try {
            JsonNode info = fetcher.get(URI.create(v + "/info/structures"));
            info.path("data").path("output_fields_by_format").path("json").forEach(f -> fields.add(f.asText()));
        } catch (InvalidInputException e) {
            progress.accept("no /info/structures (" + e.reason() + "); asking for the server's default fields");
        }
        fields.removeIf(f -> f.equals("id") || f.equals("type"));
        if (!fields.isEmpty()) {
            url.append("&response_fields=").append(URLEncoder.encode(String.join(",", fields),
                    StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The versioned base URL: as given, or with the server's preferred major version from /versions. */
    private String versioned(String base) {
        if (VERSIONED.matcher(base).matches()) {
            return base;
        }
        String major = "1";
        Optional<String> csv;
        try {
            csv = fetcher.text(URI.create(base + "/versions"));
        } catch (InvalidInputException e) {
            csv = Optional.empty();
        }
        if (csv.isPresent()) {
            String[] lines = csv.get().strip().split("\\R");
            if (lines.length > 1 && lines[0].split(",")[0].strip().equals("version")) {
                major = lines[1].split(",")[0].strip();
            }
        }
        return base + "/v" + major;
    }

    private static String nextLink(JsonNode next) {
        if (next.isTextual() && !next.asText().isBlank()) {
            return next.asText();
        }
        if (next.isObject() && next.path("href").isTextual()) {
            return next.path("href").asText();
        }
        return null;
    }

    /** Writes a file atomically: to a staging name first, then renamed (a rerun overwrites the same page). */
    private void writeLines(Path file, List<String> lines) {
        try {
            layout.fs().mkdirs(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        JsonFiles.replace(layout, file, out -> {
            for (String l : lines) {
                out.write(l.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        });
    }
}
