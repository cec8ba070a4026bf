package org.matscreen.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.optimade.pull.OptimadeClient;
import org.matscreen.optimade.pull.PullJob;
import org.matscreen.optimade.pull.PullState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen pull}: copies matching records from an OPTIMADE server into a local repository. */
@Command(name = "pull", header = "Copy records from an OPTIMADE server into a local repository.",
        mixinStandardHelpOptions = true,
        description = {"Follows links.next through every page of BASE_URL/v1/structures?filter=... and writes the"
                + " records into OUT (a matscreen repository). Interrupted? Run the same command again: it resumes at"
                + " the first page it had not committed and never writes a record twice.",
            "OUT/pull/sources/ records where each record came from; entries of other databases, which lack what a"
                + " matscreen record needs (recipe, method, provenance), are kept verbatim in OUT/pull/foreign/."})
final class PullCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "MATSCREEN_TOKEN";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE_URL",
            description = "OPTIMADE base URL, e.g. https://optimade.example.org/hea (or .../hea/v1)")
    String baseUrl;

    @Option(names = "--filter", paramLabel = "FILTER", defaultValue = "",
            description = "OPTIMADE filter, e.g. 'elements HAS ALL \"Co\",\"Ni\" AND nelements >= 4' (default: all)")
    String filter;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "member token (default: $" + TOKEN_ENV + "; prefer it: options show in process lists)")
    String token;

    @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "local repository to write")
    String out;

    @Option(names = "--page-limit", paramLabel = "N", defaultValue = "100",
            description = "entries per page to ask for (default: ${DEFAULT-VALUE})")
    int pageLimit;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "attempts per request on network errors, 429 and 5xx (default: ${DEFAULT-VALUE})")
    int attempts;

    @Option(names = "--restart", description = "start from the first page even if OUT holds another pull's state")
    boolean restart;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "" + PullJob.DEFAULT_MAX_PAGES,
            description = "pages to fetch in this run at most; rerun to go on (default: ${DEFAULT-VALUE})")
    long maxPages;

    @Option(names = "--max-records", paramLabel = "N", defaultValue = "" + PullJob.DEFAULT_MAX_RECORDS,
            description = "entries to receive in this run at most; rerun to go on (default: ${DEFAULT-VALUE})")
    long maxRecords;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "time for one whole answer, headers and body (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        URI base = checkedBase();
        if (pageLimit < 1) {
            throw new InvalidInputException("--page-limit", String.valueOf(pageLimit), "must be at least 1");
        }
        if (maxPages < 1 || maxRecords < 1 || timeoutSeconds < 1) {
            throw new InvalidInputException(maxPages < 1 ? "--max-pages" : maxRecords < 1 ? "--max-records"
                    : "--timeout", "", "must be at least 1");
        }
        if (out.isBlank()) {
            throw new InvalidInputException("--out", "''", "is empty (an unset variable?); name the folder to pull"
                    + " into");
        }
        String t = token != null ? token : System.getenv(TOKEN_ENV);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptimadeClient client = new OptimadeClient(base, t == null || t.isBlank() ? null : t.strip(), attempts,
                Duration.ofSeconds(timeoutSeconds), line -> {
                    err.println(line);
                    err.flush();
                });
        PullJob.Summary s = new PullJob(new PullJob.Options(baseUrl, filter, out, pageLimit, restart, maxPages,
                maxRecords), client,
                line -> {
                    err.println(line);
                    err.flush();
                }).run();
        PullState st = s.state();
        o.printf(Locale.ROOT, "pulled %d new records (%d in %d pages from %s); %d already present, %d not matscreen"
                + " records (kept in pull/foreign); provenance in %s/pull/sources%n", s.importedThisRun(),
                st.received(), st.pages(), st.baseUrl(), st.alreadyPresent(), st.notRepresentable(), s.repository());
        if (s.stopReason() != null) {
            err.println((s.capped() ? "" : "warning: ") + s.stopReason());
            return s.capped() ? ExitCodes.INCOMPLETE : ExitCodes.OK;
        }
        return ExitCodes.OK;
    }

    private URI checkedBase() {
        try {
            URI u = new URI(baseUrl);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new InvalidInputException("BASE_URL", baseUrl, "must be an http:// or https:// URL");
            }
            if (u.getQuery() != null || u.getFragment() != null) {
                throw new InvalidInputException("BASE_URL", baseUrl, "give the base URL without a query;"
                        + " put the filter in --filter");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("BASE_URL", baseUrl, "not a URL: " + e.getReason());
        }
    }
}
