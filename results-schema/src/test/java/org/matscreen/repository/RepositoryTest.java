package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.Provenance;

/** The writer-side repository API: locks, --fresh safety, staging clean-up, duplicate collapse, manifest updates. */
class RepositoryTest {
    @TempDir
    Path dir;

    Repository repo() {
        return Repository.open(dir.toString(), new Configuration());
    }

    static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    /** Writes a lock file as another process would have left it. */
    Path foreignLock(long first, long end, String host, long pid, long ageMillis) throws IOException {
        Path locks = Files.createDirectories(dir.resolve("_locks"));
        Path f = locks.resolve("writer-" + first + "-" + end + ".lock");
        Files.writeString(f, "{\"token\":\"feedfacefeedface\",\"host\":\"" + host + "\",\"pid\":" + pid
                + ",\"processStartedAtMillis\":1000,\"purpose\":\"a run of campaign x\",\"first\":" + first
                + ",\"end\":" + end + ",\"acquiredAt\":\"2026-01-01T00:00:00Z\"}");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return f;
    }

    @Test
    void oneWriterPerSpanShardsSideBySide() {
        Repository r = repo();
        try (WriterLock a = r.lockForWriting(0, 100, "run A", false, l -> { })) {
            RepositoryLockedException same = assertThrows(RepositoryLockedException.class,
                    () -> r.lockForWriting(0, 100, "run B", false, l -> { }));
            assertTrue(same.getMessage().contains("run A") && same.getMessage().contains("--break-lock"),
                    same.getMessage());
            assertThrows(RepositoryLockedException.class, () -> r.lockForWriting(50, 150, "run C", false, l -> { }));
            try (WriterLock shard = r.lockForWriting(100, 200, "shard 1/2", false, l -> { })) {
                assertFalse(shard.isLost());
            }
            assertFalse(a.isLost());
        }
        try (WriterLock again = r.lockForWriting(0, 100, "run B", false, l -> { })) {
            assertEquals(0, again.first());
        }
    }

    @Test
    void ofManyStartingAtOnceExactlyOneHoldsTheSpan() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<WriterLock> won = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> lost = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < n; i++) {
            pool.submit(() -> {
                go.await();
                try {
                    won.add(repo().lockForWriting(0, 10, "racer", false, l -> { }));
                } catch (RepositoryLockedException e) {
                    lost.add(e);
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        assertEquals(1, won.size(), "exactly one winner; refused: " + lost.size());
        assertEquals(n - 1, lost.size());
        won.forEach(WriterLock::close);
    }

    @Test
    void staleLocksAreTakenOverLiveOnesOnlyWithBreakLock() throws IOException {
        Repository r = repo();
        List<String> said = new ArrayList<>();
        foreignLock(0, 10, org.matscreen.core.util.BuildInfo.host(), deadPid(), 0);
        try (WriterLock l = r.lockForWriting(0, 10, "me", false, said::add)) {
            assertTrue(said.get(0).contains("stale"), said.toString());
        }
        foreignLock(0, 10, "another-host", 1, LockFile.LEASE.toMillis() + 60_000);
        try (WriterLock l = r.lockForWriting(0, 10, "me", false, said::add)) {
            assertEquals(2, said.size(), "an expired lease from another host is stale");
        }
        Path live = foreignLock(0, 10, "another-host", 1, 0);
        RepositoryLockedException e = assertThrows(RepositoryLockedException.class,
                () -> r.lockForWriting(5, 8, "me", false, said::add));
        assertTrue(e.getMessage().contains("another-host"), e.getMessage());
        assertTrue(Files.exists(live), "a refused writer leaves the holder's lock alone");
        try (WriterLock l = r.lockForWriting(5, 8, "me", true, said::add)) {
            assertTrue(said.get(said.size() - 1).contains("--break-lock"), said.toString());
            assertFalse(Files.exists(live));
        }
    }

    /** A holder on another host that stopped renewing (its node died) is waited out, not reported as live. */
    @Test
    void aSilentLockIsWaitedOutUntilItsLeaseEnds() throws IOException {
        long age = LockFile.LEASE.toMillis() - 2_000; // silent for two heartbeats and more, lease not yet over
        Path silent = foreignLock(0, 10, "dead-node", 1, age);
        List<String> said = new ArrayList<>();
        try (WriterLock l = repo().lockForWriting(0, 10, "merge", false, said::add)) {
            assertTrue(said.get(0).contains("has not been renewed"), said.toString());
            assertTrue(said.get(1).contains("taking over the stale lock"), said.toString());
        }
        assertFalse(Files.exists(silent));
        foreignLock(0, 10, "live-node", 1, 5_000); // renewed five seconds ago: respected at once
        assertThrows(RepositoryLockedException.class, () -> repo().lockForWriting(0, 10, "merge", false, s -> { }));
    }

    @Test
    void aHolderNoticesWhenItsLockIsBroken() throws Exception {
        Repository r = repo();
        try (WriterLock l = r.lockForWriting(0, 10, "me", false, s -> { })) {
            Files.delete(dir.resolve("_locks/writer-0-10.lock"));
            java.lang.reflect.Method renew = WriterLock.class.getDeclaredMethod("renew");
            renew.setAccessible(true);
            boolean[] told = {false};
            l.onLost(() -> told[0] = true);
            renew.invoke(l);
            assertTrue(l.isLost());
            assertTrue(told[0]);
        }
    }

    @Test
    void freshClearsOnlyARepositoryOfThisCampaignAndOnlyItsOwnEntries() throws IOException {
        Repository r = repo();
        r.requireClearable("c", "--out"); // empty
        Files.writeString(dir.resolve("notes.txt"), "mine");
        InvalidInputException notRepo = assertThrows(InvalidInputException.class,
                () -> r.requireClearable("c", "--out"));
        assertTrue(notRepo.getMessage().contains("not a matscreen repository"), notRepo.getMessage());
        TestRepositories.write(dir, List.of(Records.ok("Cu", 0)), 1);
        r.updateManifest(m -> manifest("other"));
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> r.requireClearable("c", "--out"));
        assertTrue(other.getMessage().contains("holds campaign 'other'"), other.getMessage());
        r.updateManifest(m -> manifest("c"));
        // an adaptive campaign's surrogate map is the repository's own too (issue 15)
        Files.createDirectories(dir.resolve("adaptive/surrogate-map"));
        Files.writeString(dir.resolve("adaptive/surrogate-map/part-00000.parquet"), "PAR1");
        r.requireClearable("c", "--out");
        try (WriterLock l = r.lockForWriting(0, 10, "fresh", false, s -> { })) {
            r.clear(l);
        }
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        assertFalse(Files.exists(dir.resolve("adaptive")));
        assertFalse(Files.exists(dir.resolve("data")));
        assertFalse(Files.exists(dir.resolve("manifest.json")));
    }

    static Manifest manifest(String campaign) {
        return new Manifest(1, campaign, "", "name: " + campaign + "\n", "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z", "ab".repeat(32), 10, Map.of(), "0.1.0", "abc", "", new Manifest.Potential(
                        "CuNi.eam.alloy", "eam/alloy", "9f".repeat(32), "x", List.of("Cu", "Ni")), List.of());
    }

    @Test
    void concurrentManifestUpdatesAreNeverLost() throws Exception {
        Repository r = repo();
        r.updateManifest(m -> manifest("c"));
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        for (int i = 0; i < n; i++) {
            String at = "2026-01-01T00:00:0" + i + "Z";
            pool.submit(() -> repo().updateManifest(m -> {
                Manifest old = m.orElseThrow();
                List<Manifest.Run> runs = new ArrayList<>(old.runs());
                runs.add(new Manifest.Run(at, at, "local", 1, 1, 0, Map.of(), 0, 0, false));
                return new Manifest(old.schemaVersion(), old.campaign(), old.description(), old.campaignYaml(),
                        old.createdAt(), at, old.fingerprint(), old.candidates(), old.statusCounts(),
                        old.matscreenVersion(), old.matscreenCommit(), old.codeVersion(), old.potential(), runs);
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        assertEquals(n, r.manifest().orElseThrow().runs().size());
        assertFalse(Files.exists(dir.resolve("_locks/manifest.lock")));
    }

    static CandidateResult finishedAt(CandidateResult r, long millis) {
        Provenance p = r.provenance();
        return new CandidateResult(r.id(), r.campaign(), r.candidateIndex(), r.composition(), r.cellComposition(),
                r.recipe(), r.startingLatticeParameterAngstrom(), r.status(), r.errorText(), r.relaxed(),
                r.properties(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(),
                r.descriptors(), r.warrenCowley(), r.method(), r.potentialFile(), new Provenance(p.matscreenVersion(),
                        p.matscreenCommit(), p.codeVersion(), p.host(), p.startedAtEpochMs(), millis,
                        p.wallSeconds(), p.nativeSeconds(), p.origin()), r.visibility());
    }

    /** Duplicates: an ok record beats a failure, then the later one; nothing else is touched. */
    @Test
    void collapseKeepsOneRecordPerIdPreferringOkThenLatest() {
        ChunkWriter w = new ChunkWriter(TestRepositories.layout(dir));
        CandidateResult crashedOld = finishedAt(Records.crashed("CuNi", 1), 1_000);
        CandidateResult okNew = finishedAt(Records.ok("CuNi", 1), 500); // from a cache: older, but ok
        CandidateResult failA = finishedAt(Records.crashed("Cu3Ni", 2), 1_000);
        CandidateResult failB = finishedAt(Records.crashed("Cu3Ni", 2), 2_000);
        w.commit(List.of(crashedOld, failA, Records.ok("Cu", 0)));
        w.commit(List.of(okNew));
        w.commit(List.of(failB, Records.ok("Ni", 3)));
        Repository r = repo();
        assertEquals(2, r.collapseDuplicates(0, 10));
        List<CandidateResult> all = new ResultReader(r.layout()).readAll();
        assertEquals(4, all.size());
        CandidateResult one = all.stream().filter(x -> x.id().equals("id1")).findFirst().orElseThrow();
        assertEquals(org.matscreen.core.sim.Status.OK, one.status());
        CandidateResult two = all.stream().filter(x -> x.id().equals("id2")).findFirst().orElseThrow();
        assertEquals(2_000, two.provenance().finishedAtEpochMs());
        assertEquals(0, r.collapseDuplicates(0, 10), "idempotent");
    }

    @Test
    void collapseLeavesChunksOutsideTheLockedSpan() {
        ChunkWriter w = new ChunkWriter(TestRepositories.layout(dir));
        w.commit(List.of(Records.ok("Cu", 5)));
        w.commit(List.of(Records.ok("Cu", 5)));
        assertEquals(0, repo().collapseDuplicates(0, 5));
        assertEquals(1, repo().collapseDuplicates(5, 6));
    }

    @Test
    void stagingOfWritersThatAreGoneIsRemovedLiveOnesStay() throws IOException {
        Repository r = repo();
        try (WriterLock live = r.lockForWriting(0, 10, "live", false, s -> { })) {
            Path staging = dir.resolve("_staging");
            Path mine = Files.createDirectories(staging.resolve(live.stagingName()));
            Files.writeString(mine.resolve("part.parquet"), "x");
            String host = org.matscreen.core.util.BuildInfo.host();
            Path dead = Files.createDirectories(staging.resolve(host + "~" + deadPid() + "~1000~0123456789abcdef"));
            Path lockless = Files.createDirectories(staging.resolve(LockOwner.current().id() + "~main"));
            Path remoteFresh = Files.createDirectories(staging.resolve("far-away~12~1000~aaaaaaaaaaaaaaaa"));
            Path remoteOld = Files.createDirectories(staging.resolve("far-away~13~1000~bbbbbbbbbbbbbbbb"));
            Files.setLastModifiedTime(remoteOld, FileTime.from(Instant.now().minusSeconds(3600)));
            Path legacy = Files.writeString(staging.resolve("Cu-chunk-0-0-abc.parquet"), "x");
            Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minusSeconds(3600)));
            assertEquals(3, r.removeDeadStaging());
            assertTrue(Files.exists(mine.resolve("part.parquet")));
            assertTrue(Files.exists(lockless), "a live process without a lock (the result cache) keeps its folder");
            assertTrue(Files.exists(remoteFresh));
            assertFalse(Files.exists(dead));
            assertFalse(Files.exists(remoteOld));
            assertFalse(Files.exists(legacy));
        }
    }

    @Test
    void closingTheLockRemovesItsStagingAndLock() throws IOException {
        Repository r = repo();
        WriterLock l = r.lockForWriting(0, 10, "me", false, s -> { });
        Path mine = Files.createDirectories(dir.resolve("_staging").resolve(l.stagingName()));
        Files.writeString(mine.resolve("partial.parquet"), "x");
        l.close();
        assertFalse(Files.exists(mine));
        assertFalse(Files.exists(dir.resolve("_locks/writer-0-10.lock")));
    }

    @Test
    void aFolderThatCannotBeWrittenIsAnInputError() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Repository.open(file.resolve("sub").toString(), new Configuration()).requireWritable("--out"));
        assertTrue(e.getMessage().startsWith("--out: ") && e.getMessage().contains("cannot write"), e.getMessage());
    }
}
