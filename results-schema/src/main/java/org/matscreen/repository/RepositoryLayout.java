package org.matscreen.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a campaign's repository keeps things, on any Hadoop file system (a local path, {@code file://},
 * {@code hdfs://}):
 * <pre>
 * &lt;root&gt;/manifest.json                         campaign, counts, provenance
 * &lt;root&gt;/references.json                       pure-element reference energies per potential
 * &lt;root&gt;/data/system=Cu-Ni/chunk-&lt;first&gt;-&lt;last&gt;-&lt;token&gt;.parquet   committed records
 * &lt;root&gt;/_staging/&lt;host~pid~start~tag&gt;/       files being written, one folder per writer (invisible to readers)
 * &lt;root&gt;/_locks/writer-&lt;first&gt;-&lt;end&gt;.lock          who is writing which candidates (see {@link Repository})
 * </pre>
 * A chunk file is written under {@code _staging} and renamed into {@code data/} when complete, so readers never see
 * a partial file (a rename is atomic on HDFS and POSIX file systems). Its name carries the span of candidate indices
 * it holds, so a rerun can find which candidates of a range are already committed without reading every file.
 */
public final class RepositoryLayout {
    private static final Pattern CHUNK = Pattern.compile("chunk-(\\d+)-(\\d+)-([A-Za-z0-9]+)\\.parquet");

    private final Path root;
    private final Configuration conf;
    private final String stagingName;
    private FileSystem fs;

    public RepositoryLayout(String rootUri, Configuration conf) {
        this(toPath(rootUri), new Configuration(conf), LockOwner.current().id() + "~main");
    }

    private RepositoryLayout(Path root, Configuration conf, String stagingName) {
        this.root = root;
        this.conf = conf;
        this.stagingName = stagingName;
        // The checksumming local file system writes a hidden .crc beside every file; Parquet has its own checksums,
        // and readers other than Hadoop (pyarrow, DuckDB) should see a clean folder. That raw file system forks a chmod
        // per file it creates; LocalRepositoryFileSystem says why it does not.
        this.conf.set("fs.file.impl", LocalRepositoryFileSystem.class.getName());
        this.conf.setBoolean("fs.file.impl.disable.cache", true);
    }

    /** The same repository with files being written kept in {@code _staging/<name>} (one folder per writer). */
    public RepositoryLayout withStaging(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/")) {
            throw new IllegalArgumentException("not a staging folder name: '" + name + "'");
        }
        return new RepositoryLayout(root, conf, name);
    }

    /**
     * A local path becomes a {@code file:} path; a string with a scheme ({@code file:/x}, {@code hdfs://nn/x}) is read
     * the way Hadoop reads path strings, unescaped: {@code root().toString()} of a layout names the same root again
     * even when the folder's name has a space, ';', '\' or '%' in it.
     */
    static Path toPath(String s) {
        if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            return new Path(s);
        }
        return new Path(java.nio.file.Path.of(s).toAbsolutePath().normalize().toUri());
    }

    /** Kept for callers that want the URI form. */
    static URI toUri(String s) {
        return toPath(s).toUri();
    }

    public Path root() {
        return root;
    }

    public Configuration conf() {
        return conf;
    }

    /**
     * The file system of the root, opened once per layout. Hadoop's own cache is off for {@code file:} here (see the
     * constructor), so without this every call would build a new file system object.
     */
    public synchronized FileSystem fs() {
        if (fs == null) {
            try {
                fs = root.getFileSystem(conf);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the file system of " + root, e);
            }
        }
        return fs;
    }

    /** A base Hadoop configuration parsed once per JVM (executors open layouts for every partition). */
    public static Configuration sharedConfiguration() {
        return SharedConf.INSTANCE;
    }

    private static final class SharedConf {
        static final Configuration INSTANCE = load();

        private static Configuration load() {
            Configuration c = new Configuration();
            c.size(); // parse the default resources now, once
            return c;
        }
    }

    public Path manifest() {
        return new Path(root, "manifest.json");
    }

    public Path references() {
        return new Path(root, "references.json");
    }

    public Path data() {
        return new Path(root, "data");
    }

    /** Outputs of an adaptive campaign (the surrogate map); readers of records never look here. */
    /** Folder of a later tier of a multi-fidelity campaign: a repository of its own, inside this one. */
    public Path tier(String name) {
        return new Path(new Path(root, "tiers"), name);
    }

    /** Folder holding the later tiers' repositories. */
    public Path tiers() {
        return new Path(root, "tiers");
    }

    public Path adaptive() {
        return new Path(root, "adaptive");
    }

    /** The surrogate map of an adaptive campaign: a Parquet folder, one row per candidate of the space. */
    public Path surrogateMap() {
        return new Path(adaptive(), "surrogate-map");
    }

    /** This writer's staging folder: files are written here, then renamed into place. */
    public Path staging() {
        return new Path(stagingRoot(), stagingName);
    }

    /** The folder of every writer's staging folder. */
    public Path stagingRoot() {
        return new Path(root, "_staging");
    }

    /** Lock files of the writers (see {@link Repository#lockForWriting}). */
    public Path locks() {
        return new Path(root, "_locks");
    }

    /** Folder of a chemical system, Hive-style partitioned so Spark and pyarrow infer a {@code system} column. */
    /** The aggregates table of one axis ({@code aggregates/<axis>/}), rewritten whole by every ranking. */
    public Path aggregates(String axis) {
        return new Path(new Path(root, "aggregates"), axis);
    }

    public Path systemDir(String chemicalSystem) {
        return new Path(data(), "system=" + chemicalSystem);
    }

    public static String chunkName(long first, long last, String token) {
        return "chunk-" + first + "-" + last + "-" + token + ".parquet";
    }

    /** A committed chunk: its path and span of candidate indices. */
    public record Chunk(Path path, long first, long last, long bytes, long modifiedMillis) {
        /** A chunk whose modification time is not known (0). */
        public Chunk(Path path, long first, long last, long bytes) {
            this(path, first, last, bytes, 0);
        }

        public boolean overlaps(long start, long endExclusive) {
            return first < endExclusive && last >= start;
        }
    }

    /** Every committed chunk file (staging and hidden files excluded). */
    public List<Chunk> chunks() {
        return chunks(data());
    }

    /**
     * Committed chunk files under {@code dir} (the data folder or one system's folder), sorted by path. Walks with
     * {@code listStatus} folder by folder: {@code listFiles}' located statuses make Hadoop's raw local file system fork
     * a process per file to read permissions (tens of ms a file), which dominated resumes and queries.
     */
    public List<Chunk> chunks(Path dir) {
        List<Chunk> out = new ArrayList<>();
        FileSystem fs = fs();
        try {
            collect(fs, dir, out, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(java.util.Comparator.comparing(c -> c.path().toString()));
        return out;
    }

    private static void collect(FileSystem fs, Path dir, List<Chunk> out, int depth) throws IOException {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(dir);
        } catch (java.io.FileNotFoundException e) {
            return; // a repository without records yet
        }
        for (FileStatus st : entries) {
            String name = st.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue; // staging and hidden files are never part of the repository
            }
            if (st.isDirectory() && depth < 2) {
                collect(fs, st.getPath(), out, depth + 1);
            } else if (st.isFile()) {
                Matcher m = CHUNK.matcher(name);
                if (m.matches()) {
                    out.add(new Chunk(st.getPath(), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            st.getLen(), st.getModificationTime()));
                }
            }
        }
    }

}
