package org.matscreen.optimade.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.WriterLock;

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

    /** Pages one run fetches at most, by default. */
    public static final long DEFAULT_MAX_PAGES = 100_000;
    /** Entries one run receives at most, by default. */
    public static final long DEFAULT_MAX_RECORDS = 10_000_000;

    /**
     * @param baseUrl the OPTIMADE base URL (versioned or not)
     * @param filter an OPTIMADE filter, or null/blank for every entry
     * @param pageLimit entries per page to ask for
     * @param restart ignore the state of an earlier pull into the same repository
     * @param maxPages pages this run fetches at most; the state keeps the next page, so a rerun goes on
     * @param maxRecords entries this run receives at most (checked after each page)
     */
    public record Options(String baseUrl, String filter, String out, int pageLimit, boolean restart, long maxPages,
            long maxRecords) {

        /** With the default caps. */
        public Options(String baseUrl, String filter, String out, int pageLimit, boolean restart) {
            this(baseUrl, filter, out, pageLimit, restart, DEFAULT_MAX_PAGES, DEFAULT_MAX_RECORDS);
        }
    }

    /**
     * What a run did.
     *
     * @param stopReason why the run stopped before the server's last page (a cap, a looping or empty
     *     {@code links.next}), or null if it reached the end
     * @param capped whether a cap stopped it (a rerun resumes), as opposed to the server's paging going nowhere
     */
    public record Summary(PullState state, long importedThisRun, String repository, String stopReason,
            boolean capped) {}

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
        Repository repo = Repository.open(layout);
        try (WriterLock lock = repo.lockForWriting(0, Long.MAX_VALUE, "a pull from " + base, false, progress)) {
            return pull(repo.layoutFor(lock), base, filter, versionedBase, next, state);
        }
    }

    private Summary pull(RepositoryLayout layout, String base, String filter, String versionedBase, String first,
            PullState startState) {
        PullState state = startState;
        String next = first;
        Set<String> present = new ResultReader(layout).ids(layout.chunks());
        ChunkWriter writer = new ChunkWriter(layout);
        long importedThisRun = 0;
        long pagesThisRun = 0;
        long receivedThisRun = 0;
        Set<String> fetched = new HashSet<>();
        Set<String> seenSourceIds = new HashSet<>();
        String stopReason = null;
        boolean capped = false;
        while (next != null) {
            if (!fetched.add(next)) {
                stopReason = "links.next leads back to a page already fetched in this pull (" + next + "): the"
                        + " server's paging loops; stopping with what it sent";
                break;
            }
            if (pagesThisRun >= options.maxPages() || receivedThisRun >= options.maxRecords()) {
                stopReason = "stopped at " + (pagesThisRun >= options.maxPages() ? "--max-pages "
                        + options.maxPages() : "--max-records " + options.maxRecords()) + "; rerun with a higher cap"
                        + " to go on from page " + (state.pages() + 1);
                capped = true;
                break;
            }
            JsonNode doc = fetcher.get(URI.create(next));
            JsonNode data = doc.path("data");
            if (!data.isArray()) {
                throw new MatscreenException(next + " is not an entry listing (no data list)");
            }
            long page = state.pages() + 1;
            pagesThisRun++;
            receivedThisRun += data.size();
            boolean nothingNew = true;
            List<CandidateResult> records = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> foreign = new ArrayList<>();
            long skipped = 0;
            for (JsonNode entry : data) {
                String sourceId = entry.path("id").asText();
                nothingNew &= !seenSourceIds.add(entry.path("type").asText() + "/" + sourceId);
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
            writeLines(layout, pageFile(layout, "sources", page), sources);
            if (!foreign.isEmpty()) {
                writeLines(layout, pageFile(layout, "foreign", page), foreign);
            }
            String current = next;
            next = nextLink(doc.path("links").path("next"), current);
            if (next != null && nothingNew) {
                stopReason = (data.isEmpty() ? "page " + page + " is empty" : "page " + page + " holds only entries"
                        + " already received in this pull (nothing new)") + " but links.next goes on (" + next
                        + "): the server's paging does not advance; stopping with what it sent";
                next = null;
            }
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
        return new Summary(state, importedThisRun, layout.root().toString(), stopReason, capped);
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

    /**
     * The next page's URL ({@code links.next} as a string or a link object), resolved against the current page; null
     * at the end. Anything but an http(s) URL is refused here, before it is fetched.
     */
    static String nextLink(JsonNode next, String current) {
        String link;
        if (next.isTextual() && !next.asText().isBlank()) {
            link = next.asText().strip();
        } else if (next.isObject() && next.path("href").isTextual()) {
            link = next.path("href").asText().strip();
        } else {
            return null;
        }
        URI resolved;
        try {
            resolved = URI.create(current).resolve(new URI(link));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MatscreenException("links.next of " + current + " is '" + abbreviate(link) + "', not an http(s)"
                    + " URL; stopping (the pages so far are committed)");
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || resolved.getHost() == null) {
            throw new MatscreenException("links.next of " + current + " is '" + abbreviate(link) + "', not an http(s)"
                    + " URL; stopping (the pages so far are committed)");
        }
        return resolved.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    /** Writes a file atomically: to a staging name first, then renamed (a rerun overwrites the same page). */
    private static Path pageFile(RepositoryLayout layout, String kind, long page) {
        return new Path(layout.root(), String.format(Locale.ROOT, "pull/%s/page-%06d.jsonl", kind, page));
    }

    private static void writeLines(RepositoryLayout layout, Path file, List<String> lines) {
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
