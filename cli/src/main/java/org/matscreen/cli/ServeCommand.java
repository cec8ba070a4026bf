package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.access.Tokens;
import org.matscreen.optimade.config.ConfigLoader;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.http.OptimadeServer;
import org.matscreen.optimade.index.IndexBuilder;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.repository.RepositoryLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen serve}: indexes a repository in memory and serves it over the OPTIMADE v1 HTTP API. */
@Command(name = "serve", header = "Serve a results repository over the OPTIMADE HTTP API.",
        mixinStandardHelpOptions = true, subcommands = ServeCommand.TokenCommand.class,
        description = {"Indexes every committed record of REPO in memory, then answers OPTIMADE v1.3 requests"
                + " (/versions, /v1/info, /v1/structures, /v1/references, /v1/links) until stopped (Ctrl-C, SIGTERM).",
            "Anonymous clients see public records; members authenticate with bearer tokens ('matscreen serve token'"
                + " issues one) and see consortium records and their group's embargoed ones.",
            "The server speaks plain HTTP on 127.0.0.1 by default: put a TLS-terminating reverse proxy in front and"
                + " set public_url in the configuration (or --public-url) before exposing it."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPO",
            description = "results repository: a path, file:// or hdfs:// URI")
    String repo;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5000",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0: all)")
    String host;

    @Option(names = "--config", paramLabel = "FILE",
            description = "server configuration (YAML): groups and token digests, limits, embargo, CORS, links")
    Path config;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "base URL clients use, e.g. behind a reverse proxy (overrides public_url)")
    String publicUrl;

    @Option(names = "--include-failed", description = "also serve records of calculations that did not finish")
    boolean includeFailed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repo == null) {
            throw new InvalidInputException("serve", "REPO", "give the repository to serve (or 'serve token' to"
                    + " issue a member token)");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port", String.valueOf(port), "must be between 0 and 65535");
        }
        ServerConfig c = config != null ? ConfigLoader.load(config) : ServerConfig.DEFAULT;
        c = new ServerConfig(c.provider(), c.database(), publicUrl != null ? publicUrl : c.publicUrl(),
                includeFailed || c.includeFailed(), c.limits(), c.cors(), c.embargo(), c.campaigns(), c.groups());
        RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
        long t0 = System.nanoTime();
        err.println("indexing " + layout.root() + " ...");
        err.flush();
        StructureIndex index = IndexBuilder.build(layout, new IndexBuilder.Options(c.includeFailed(),
                c.embargoPolicy(), c.limits().detailCacheMb() * (1L << 20)), line -> {
                    err.println(line);
                    err.flush();
                });
        if (index.rows() == 0) {
            err.println("warning: " + layout.root() + " has no records to serve (no committed chunk files"
                    + (c.includeFailed() ? "" : " with finished calculations") + ")");
        }
        OptimadeServer server = new OptimadeServer(c, index, Clock.systemUTC(), host, port, line -> {
            err.println(line);
            err.flush();
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "optimade-shutdown"));
        int visible = index.visibleTo(Principal.ANONYMOUS, LocalDate.now(ZoneOffset.UTC)).cardinality();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        out.printf(Locale.ROOT, "serving %d records (%d public) from %d chunk files, indexed in %.1f s, at"
                + " http://%s:%d/v1 (%d member tokens configured); Ctrl-C stops%n", index.rows(), visible,
                index.chunkFiles(), (System.nanoTime() - t0) / 1e9, shownHost, server.port(),
                c.principalsByDigest().size());
        out.flush();
        server.join();
        return ExitCodes.OK;
    }

    /** {@code matscreen serve token}: a new member token, and its digest for the server configuration. */
    @Command(name = "token", header = "Issue a member token and print its entry for the server configuration.",
            mixinStandardHelpOptions = true,
            description = "The token is printed once and stored nowhere: give it to the member. The configuration"
                    + " keeps only its SHA-256 digest.")
    static final class TokenCommand implements Callable<Integer> {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        @Spec
        CommandSpec spec;

        @Option(names = "--group", required = true, paramLabel = "NAME", description = "the member's group")
        String group;

        @Option(names = "--member", required = true, paramLabel = "NAME", description = "the member's name")
        String member;

        @Override
        public Integer call() {
            for (String[] v : new String[][] {{"--group", group}, {"--member", member}}) {
                if (!NAME.matcher(v[1]).matches()) {
                    throw new InvalidInputException(v[0], v[1], "use letters, digits, '.', '_' and '-' (at most 64)");
                }
            }
            String token = Tokens.newToken();
            PrintWriter out = spec.commandLine().getOut();
            out.println("token for " + member + " (" + group + "), shown once; send it over a private channel:");
            out.println("  " + token);
            out.println("add to the server configuration (groups section):");
            out.println("groups:");
            out.println("  " + group + ":");
            out.println("    members:");
            out.println("      " + member + ": \"" + Tokens.digest(token) + "\"");
            out.println("clients send it as the header  Authorization: Bearer " + token.substring(0, 8) + "...");
            return ExitCodes.OK;
        }
    }
}
