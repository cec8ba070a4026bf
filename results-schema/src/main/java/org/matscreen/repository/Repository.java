package org.matscreen.repository;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.result.CandidateResult;

/**
 * A campaign's repository as writers use it: open it, hold the writer lock, read and update the manifest, commit
 * chunks, tidy what dead writers left. Readers keep using {@link ResultReader} and the query store directly.
 *
 * <p><b>Writers.</b> Every writer ({@code run}, a shard of it, {@code pull}) holds a {@link WriterLock} on the span of
 * candidate indices it writes: {@code _locks/writer-<first>-<end>.lock}, created exclusively, then checked against
 * the other writers' locks for overlap. Shards of one campaign (disjoint spans) write side by side; a second run of
 * the same span, or any overlapping one, is refused with who holds it. If two overlapping writers start within the
 * same instant both may be refused; neither writes. A lock whose holder died on this host, or whose lease ran out, is
 * taken over; {@code --break-lock} takes over a live-looking one.
 *
 * <p><b>Manifest.</b> Read-modify-write of {@code manifest.json} happens under a short mutex ({@code _locks/manifest.lock},
 * held for milliseconds), so concurrent shards never lose each other's run entries, and the campaign's identity is
 * written before the first record is committed.
 */
public final class Repository {
    private static final Pattern WRITER = Pattern.compile("writer-(\\d+)-(\\d+)\\.lock");
    private static final long MUTEX_WAIT_MS = 120_000;
    /** What a repository folder holds; {@link #clear} deletes these and nothing else. */
    private static final Set<String> OWN_ENTRIES = Set.of("manifest.json", "references.json", "data", "_staging",
            "_inflight", "pull", "adaptive");

    private final RepositoryLayout layout;

    private Repository(RepositoryLayout layout) {
        this.layout = layout;
    }

    public static Repository open(String rootUri, Configuration conf) {
        return new Repository(new RepositoryLayout(rootUri, conf));
    }

    public static Repository open(RepositoryLayout layout) {
        return new Repository(layout);
    }

    public RepositoryLayout layout() {
        return layout;
    }

    private FileSystem fs() {
        return layout.fs();
    }

    /** The manifest, if the repository has one. */
    public Optional<Manifest> manifest() {
        return JsonFiles.read(layout, layout.manifest(), Manifest.class);
    }

    /**
     * Replaces the manifest with {@code update} applied to the current one, under the manifest mutex, so that no
     * concurrent writer's update is lost and a check made in {@code update} (the campaign's identity) holds when the
     * new manifest is written. {@code update} may throw to refuse.
     */
    public Manifest updateManifest(Function<Optional<Manifest>, Manifest> update) {
        Path mutex = new Path(layout.locks(), "manifest.lock");
        LockFile.Content me = content("manifest update", 0, 0);
        long deadline = System.currentTimeMillis() + MUTEX_WAIT_MS;
        try {
            for (long wait = 20; !LockFile.create(fs(), mutex, me); wait = Math.min(500, wait * 2)) {
                Optional<LockFile.Found> held = LockFile.read(fs(), mutex);
                if (held.isPresent() && held.get().stale(System.currentTimeMillis())) {
                    LockFile.breakIfUnchanged(fs(), held.get());
                    continue;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new InvalidInputException(layout.root().toString(), "", "the manifest has been locked by "
                            + held.map(LockFile.Found::describe).orElse("another process") + " for over "
                            + MUTEX_WAIT_MS / 1000 + " s; if that process is gone, delete " + mutex);
                }
                Thread.sleep(wait);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + mutex, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + mutex, e);
        }
        try {
            Manifest m = update.apply(manifest());
            JsonFiles.write(layout, layout.manifest(), m);
            return m;
        } finally {
            try {
                fs().delete(mutex, false);
            } catch (IOException e) {
                // left behind: stale once this process ends, or after the lease
            }
        }
    }

    private static LockFile.Content content(String purpose, long first, long end) {
        LockOwner me = LockOwner.current();
        return new LockFile.Content(UUID.randomUUID().toString().replace("-", "").substring(0, 16), me.host(),
                me.pid(), me.startedAtMillis(), purpose, first, end, Instant.now().toString());
    }

    /**
     * Takes the writer lock on candidates {@code [first, end)}.
     *
     * @param purpose what this writer does, shown to whoever is refused (e.g. "run cuni-quickstart")
     * @param breakLock take over a conflicting lock even if its holder looks alive
     * @param log told about every lock taken over
     * @throws RepositoryLockedException if another live writer holds an overlapping span
     */
    public WriterLock lockForWriting(long first, long end, String purpose, boolean breakLock, Consumer<String> log) {
        FileSystem fs = fs();
        Path file = new Path(layout.locks(), "writer-" + first + "-" + end + ".lock");
        LockFile.Content me = content(purpose, first, end);
        try {
            fs.mkdirs(layout.locks());
            for (int attempt = 0; !LockFile.create(fs, file, me); attempt++) {
                Optional<LockFile.Found> held = LockFile.read(fs, file);
                if (held.isEmpty()) {
                    continue; // released in between
                }
                if (attempt > 3 || !takeOver(fs, held.get(), breakLock, log)) {
                    throw locked(held.get());
                }
            }
            for (FileStatus st : fs.listStatus(layout.locks())) {
                Matcher m = WRITER.matcher(st.getPath().getName());
                if (!m.matches() || st.getPath().getName().equals(file.getName())) {
                    continue;
                }
                long f = Long.parseLong(m.group(1));
                long e = Long.parseLong(m.group(2));
                if (f >= end || e <= first) {
                    continue;
                }
                Optional<LockFile.Found> other = LockFile.read(fs, st.getPath());
                if (other.isPresent() && !takeOver(fs, other.get(), breakLock, log)) {
                    fs.delete(file, false);
                    throw locked(other.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        Path staging = new Path(layout.stagingRoot(), LockOwner.current().id() + "~" + me.token());
        return new WriterLock(fs, file, me, staging);
    }

    /**
     * Breaks {@code held} if it is stale or {@code force}; false if it must be respected. A lock whose holder has
     * missed two heartbeats (a node that died a moment ago, e.g. a shard killed at its time limit just before the
     * merge job starts) is watched until it is renewed (respected) or its lease runs out (taken over), so a batch job
     * waits at most a lease instead of failing.
     */
    private static boolean takeOver(FileSystem fs, LockFile.Found held, boolean force, Consumer<String> log)
            throws IOException {
        LockFile.Found judged = held;
        boolean stale = judged.stale(System.currentTimeMillis());
        if (!stale && !force) {
            long silent = System.currentTimeMillis() - judged.modifiedMillis();
            if (silent <= 2 * LockFile.HEARTBEAT.toMillis()) {
                return false;
            }
            log.accept("the lock of " + judged.describe() + " has not been renewed for " + silent / 1000 + " s;"
                    + " waiting up to " + Math.max(0, (LockFile.LEASE.toMillis() - silent) / 1000 + 1) + " s for its"
                    + " holder to renew it or its lease to run out");
            Optional<LockFile.Found> now = awaitRenewalOrExpiry(fs, judged);
            if (now.isEmpty()) {
                return true; // released meanwhile
            }
            if (!now.get().stale(System.currentTimeMillis())) {
                return false;
            }
            judged = now.get();
            stale = true;
        }
        LockFile.breakIfUnchanged(fs, judged);
        log.accept((stale ? "taking over the stale lock of " : "breaking (--break-lock) the lock of ")
                + judged.describe());
        return true;
    }

    /** Polls a silent lock until it is renewed, released or stale; returns its last state (empty: released). */
    private static Optional<LockFile.Found> awaitRenewalOrExpiry(FileSystem fs, LockFile.Found silent)
            throws IOException {
        while (true) {
            Optional<LockFile.Found> now = LockFile.read(fs, silent.path());
            if (now.isEmpty() || now.get().modifiedMillis() != silent.modifiedMillis()
                    || now.get().stale(System.currentTimeMillis())) {
                return now;
            }
            try {
                Thread.sleep(Math.min(5_000, Math.max(100, LockFile.LEASE.toMillis()
                        - (System.currentTimeMillis() - silent.modifiedMillis()) + 100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

    private RepositoryLockedException locked(LockFile.Found held) {
        return new RepositoryLockedException(layout.root().toString(), "another run is writing into this repository: "
                + held.describe() + "; wait for it to finish, or, if it is gone (killed on another host, whose lease of"
                + " " + LockFile.LEASE.toSeconds() + " s has not yet run out), rerun with --break-lock");
    }

    /** The layout for a writer holding {@code lock}: files being written go to the lock's staging folder. */
    public RepositoryLayout layoutFor(WriterLock lock) {
        return layout.withStaging(lock.stagingName());
    }

    /**
     * Refuses, before anything is deleted, unless the folder is absent, empty, or a repository of {@code campaign}
     * (its manifest says so): {@code --fresh} deletes only what it can recognise.
     *
     * @param option the option that named the folder, for the message
     */
    public void requireClearable(String campaign, String option) {
        FileSystem fs = fs();
        Path root = layout.root();
        try {
            if (!fs.exists(root)) {
                return;
            }
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new InvalidInputException(option, root.toString(), "is a file, not a matscreen repository;"
                        + " --fresh deletes only a repository of this campaign");
            }
            List<String> entries = new ArrayList<>();
            for (FileStatus st : fs.listStatus(root)) {
                String n = st.getPath().getName();
                if (!n.equals("_locks") && !n.equals("_staging")) {
                    entries.add(n);
                }
            }
            if (entries.isEmpty()) {
                return;
            }
            Optional<Manifest> m;
            try {
                m = manifest();
            } catch (UncheckedIOException e) {
                m = Optional.empty();
            }
            if (m.isEmpty()) {
                throw new InvalidInputException(option, root.toString(), "is not a matscreen repository (no readable"
                        + " manifest.json, but " + entries.size() + " other entries such as '" + entries.get(0)
                        + "'); --fresh deletes only a repository of this campaign: choose another folder");
            }
            if (!campaign.equals(m.get().campaign())) {
                throw new InvalidInputException(option, root.toString(), "holds campaign '" + m.get().campaign()
                        + "', not '" + campaign + "'; --fresh deletes only a repository of this campaign: choose"
                        + " another folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look into " + root, e);
        }
    }

    /**
     * Deletes what the repository holds (records, manifest, references, staging, pull state) and nothing else; the
     * caller holds the writer lock over the whole campaign and has passed {@link #requireClearable}.
     */
    public void clear(WriterLock lock) {
        FileSystem fs = fs();
        try {
            for (FileStatus st : fs.listStatus(layout.root())) {
                if (OWN_ENTRIES.contains(st.getPath().getName())) {
                    fs.delete(st.getPath(), true);
                }
            }
        } catch (FileNotFoundException e) {
            // nothing to clear
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + layout.root(), e);
        }
    }

    /**
     * Creates the folder if needed and writes and deletes a probe file in it, so a folder that cannot be written is
     * reported before any work rather than after it.
     *
     * @param option the option that named the folder, for the message
     */
    public void requireWritable(String option) {
        FileSystem fs = fs();
        Path probe = new Path(layout.stagingRoot(), ".probe-" + LockOwner.current().id() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        try {
            if (fs.exists(layout.root()) && !fs.getFileStatus(layout.root()).isDirectory()) {
                throw new InvalidInputException(option, layout.root().toString(), "cannot write there: it is a file,"
                        + " not a folder");
            }
            fs.mkdirs(layout.stagingRoot());
            try (var out = fs.create(probe, false)) {
                out.write('x');
            }
            fs.delete(probe, false);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidInputException(option, layout.root().toString(), "cannot write there: " + why);
        }
    }

    /**
     * Removes from {@code _staging/} what writers that are gone left behind: a writer's folder whose lock is not held
     * any more and whose owner is dead on this host (or, on another host, untouched for a lock lease), and files of
     * older matscreen versions untouched for a lease. Folders of live writers, locked or not, are never touched.
     *
     * @return entries removed
     */
    public int removeDeadStaging() {
        FileSystem fs = fs();
        long now = System.currentTimeMillis();
        int removed = 0;
        try {
            FileStatus[] staged;
            try {
                staged = fs.listStatus(layout.stagingRoot());
            } catch (FileNotFoundException e) {
                return 0;
            }
            // staging first, then the locks: a writer locks before it creates its folder, so every live folder
            // listed above has its lock in the listing below
            Set<String> liveTokens = new HashSet<>();
            for (LockFile.Found f : locks()) {
                if (!f.stale(now)) {
                    f.content().ifPresent(c -> liveTokens.add(c.token()));
                }
            }
            for (FileStatus st : staged) {
                String name = st.getPath().getName();
                boolean old = now - st.getModificationTime() > LockFile.LEASE.toMillis();
                boolean dead;
                if (!st.isDirectory()) {
                    dead = old && !name.startsWith(".probe-" + LockOwner.current().id());
                } else {
                    String[] parts = name.split("~");
                    Optional<LockOwner> owner = parts.length == 4
                            ? LockOwner.parseId(parts[0] + "~" + parts[1] + "~" + parts[2]) : Optional.empty();
                    if (owner.isEmpty()) {
                        dead = old;
                    } else if (liveTokens.contains(parts[3])) {
                        dead = false;
                    } else {
                        dead = owner.get().deadOnThisHost() || (!owner.get().onThisHost() && old);
                    }
                }
                if (dead && fs.delete(st.getPath(), true)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + layout.stagingRoot(), e);
        }
        return removed;
    }

    private List<LockFile.Found> locks() throws IOException {
        List<LockFile.Found> out = new ArrayList<>();
        FileStatus[] all;
        try {
            all = fs().listStatus(layout.locks());
        } catch (FileNotFoundException e) {
            return out;
        }
        for (FileStatus st : all) {
            if (WRITER.matcher(st.getPath().getName()).matches()) {
                LockFile.read(fs(), st.getPath()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Keeps one record per candidate id among the chunks that lie wholly within {@code [first, end)} (the span the
     * caller's lock covers), should a crash, an older unlocked writer or a retry have left two. The record kept is,
     * in this order: an {@code ok} one over a failure, the later {@code finished_at}, the chunk first by path, the
     * earlier row. A chunk holding a dropped row is rewritten without it and committed before the old one is deleted,
     * so at every instant each id has at least one record, and a crash half way is finished by the next call.
     *
     * @return records removed
     */
    public int collapseDuplicates(long first, long end) {
        List<RepositoryLayout.Chunk> chunks = layout.chunks().stream()
                .filter(c -> c.first() >= first && c.last() < end).toList();
        Map<String, Row> keeper = new HashMap<>();
        Map<String, List<Row>> seen = new HashMap<>();
        MessageType schema = RecordSchema.parquetSchema();
        MessageType projection = Types.buildMessage().addField(schema.getType("id"))
                .addField(schema.getType("status")).addField(schema.getType("finished_at"))
                .named(RecordSchema.MESSAGE_NAME);
        Configuration conf = new Configuration(layout.conf());
        conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        boolean duplicates = false;
        for (RepositoryLayout.Chunk c : chunks) {
            String path = c.path().toString();
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), c.path()).withConf(conf)
                    .build()) {
                int i = 0;
                for (Group g; (g = r.read()) != null; i++) {
                    String id = g.getString("id", 0);
                    long finished = g.getFieldRepetitionCount("finished_at") > 0 ? g.getLong("finished_at", 0) : 0;
                    Row row = new Row(path, i, g.getString("status", 0).equals("ok"), finished);
                    List<Row> rows = seen.computeIfAbsent(id, k -> new ArrayList<>(1));
                    rows.add(row);
                    duplicates |= rows.size() > 1;
                    keeper.merge(id, row, Repository::better);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + c.path(), e);
            }
        }
        if (!duplicates) {
            return 0;
        }
        Map<String, Set<Integer>> drop = new TreeMap<>();
        for (Map.Entry<String, List<Row>> e : seen.entrySet()) {
            Row keep = keeper.get(e.getKey());
            for (Row r : e.getValue()) {
                if (r != keep) {
                    drop.computeIfAbsent(r.chunk(), k -> new HashSet<>()).add(r.row());
                }
            }
        }
        ChunkWriter writer = new ChunkWriter(layout);
        ResultReader reader = new ResultReader(layout);
        int removed = 0;
        for (Map.Entry<String, Set<Integer>> e : drop.entrySet()) {
            Path chunk = new Path(e.getKey());
            List<CandidateResult> rest = new ArrayList<>();
            int[] i = {0};
            reader.forEach(chunk, r -> {
                if (!e.getValue().contains(i[0]++)) {
                    rest.add(r);
                }
            });
            writer.commit(rest);
            try {
                fs().delete(chunk, false);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot delete " + chunk, ex);
            }
            removed += e.getValue().size();
        }
        return removed;
    }

    /** One record's place and what decides whether it is kept. */
    private record Row(String chunk, int row, boolean ok, long finishedAt) {}

    private static Row better(Row a, Row b) {
        if (a.ok() != b.ok()) {
            return a.ok() ? a : b;
        }
        if (a.finishedAt() != b.finishedAt()) {
            return a.finishedAt() > b.finishedAt() ? a : b;
        }
        int byPath = a.chunk().compareTo(b.chunk());
        if (byPath != 0) {
            return byPath < 0 ? a : b;
        }
        return a.row() <= b.row() ? a : b;
    }
}
