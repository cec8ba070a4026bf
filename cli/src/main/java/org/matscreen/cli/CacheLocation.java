package org.matscreen.cli;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where matscreen caches across campaigns: {@code --cache DIR|URI} if given, else {@code $MATSCREEN_CACHE}, else
 * {@code ~/.cache/matscreen}. The option and the variable name the same folder and mean the same thing: the shared
 * result cache is its {@value #RECORDS} repository and generated potentials go into {@value #POTENTIALS}.
 */
final class CacheLocation {
    static final String RECORDS = "records";
    static final String POTENTIALS = "potentials";

    private CacheLocation() {}

    /** The cache folder: the option, else the environment's, else the default. */
    static String base(String option) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String env = System.getenv("MATSCREEN_CACHE");
        return env != null && !env.isBlank() ? env.strip()
                : Path.of(System.getProperty("user.home"), ".cache", "matscreen").toString();
    }

    /** The result cache repository (a path or URI). */
    static String records(String option) {
        String base = base(option);
        return base.endsWith("/") ? base + RECORDS : base + "/" + RECORDS;
    }

    /**
     * The folder of generated potentials on this machine: under the cache folder when it is a local path; a cache on
     * a remote file system (hdfs://) keeps only records, and potentials go to the local default.
     */
    static Path potentials(String option) {
        String base = base(option);
        URI uri = URI.create(base.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return (uri.getScheme() == null ? Path.of(base) : Path.of(uri)).resolve(POTENTIALS);
        }
        return Path.of(base(null)).resolve(POTENTIALS);
    }
}
