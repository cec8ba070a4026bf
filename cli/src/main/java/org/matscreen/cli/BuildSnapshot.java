package org.matscreen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.util.BuildInfo;

/**
 * The build a batch job runs, frozen when it is submitted: a job may wait in the queue for days while the checkout is
 * pulled and rebuilt, and it must still run what was submitted (and every shard of an array the same build). The
 * snapshot, {@code <script dir>/builds/<fingerprint>/}, holds copies of what a rebuild rewrites in place (the CLI jar,
 * matscreen's module jars, the {@code slurm/} and {@code scripts/spark-standalone/} scripts) and symbolic links to the
 * third-party jars, whose file names carry their versions; the job refuses to start if one of those has gone (a
 * dependency changed and the old file was removed). Snapshots are shared by every submission of the same build.
 *
 * @param dir the snapshot folder
 * @param installation the snapshot as an installation: what the batch script points MATSCREEN_HOME, _JAR, _LIB at
 * @param commit the git commit of the build ({@code unknown} outside git)
 * @param checkout the checkout the build was taken from (the job notes when it has moved on)
 */
record BuildSnapshot(Path dir, Installation installation, String commit, Path checkout) {
    /** Folders of the checkout the batch scripts use. */
    static final List<String> SCRIPT_DIRS = List.of("slurm", "scripts/spark-standalone");

    private static final String MARKER = "BUILD";

    /** Where the snapshot of {@code source}'s build goes under {@code scriptDir}; nothing is written yet. */
    static BuildSnapshot plan(Installation source, Path scriptDir) {
        String fingerprint = fingerprint(source);
        Path dir = scriptDir.resolve("builds").resolve(shortCommit() + "-" + fingerprint.substring(0, 16));
        return new BuildSnapshot(dir, new Installation(dir.resolve("home"), dir.resolve("matscreen-cli.jar"),
                dir.resolve("lib")), BuildInfo.commit(), source.home());
    }

    /** Writes the snapshot unless an identical one is there already; returns this. */
    BuildSnapshot create(Installation source) {
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            return this;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(tmp.resolve("lib"));
            Files.copy(source.jar(), tmp.resolve("matscreen-cli.jar"), StandardCopyOption.REPLACE_EXISTING);
            for (Path jar : jars(source.lib())) {
                Path target = tmp.resolve("lib").resolve(jar.getFileName());
                if (isMatscreens(jar)) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createSymbolicLink(target, jar.toRealPath());
                }
            }
            for (String d : SCRIPT_DIRS) {
                copyFolder(source.home().resolve(d), tmp.resolve("home").resolve(d));
            }
            Files.writeString(tmp.resolve(MARKER), "commit=" + commit + "\nversion=" + BuildInfo.version()
                    + "\ncheckout=" + checkout + "\nsnapshot_at=" + Instant.now() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another submission of the same build won the race; its snapshot is identical
                deleteTree(tmp);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the build into " + dir, e);
        }
        return this;
    }

    /**
     * SHA-256 over the bytes of matscreen's own jars and scripts and the names and sizes of the third-party jars: the
     * same for the same build, different after any change that a job would see.
     */
    static String fingerprint(Installation source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(source.jar())) {
                md.update(Files.readAllBytes(source.jar()));
            }
            if (Files.isDirectory(source.lib())) {
                for (Path jar : jars(source.lib())) {
                    md.update(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    if (isMatscreens(jar)) {
                        md.update(Files.readAllBytes(jar));
                    } else {
                        md.update(Long.toString(Files.size(jar)).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            for (String d : SCRIPT_DIRS) {
                for (Path f : files(source.home().resolve(d))) {
                    md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build in " + source.home(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortCommit() {
        String c = BuildInfo.commit();
        return c.matches("[0-9a-f]{7,}") ? c.substring(0, 7) : "nogit";
    }

    /** Whether a jar holds matscreen's classes (a module jar a rebuild rewrites) rather than a dependency's. */
    static boolean isMatscreens(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().anyMatch(e -> e.getName().startsWith("org/matscreen/"));
        }
    }

    private static List<Path> jars(Path lib) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(lib, "*.jar")) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    private static List<Path> files(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, Files::isRegularFile)) {
                s.forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path f : files(from)) {
            Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void deleteTree(Path p) {
        try {
            org.matscreen.core.util.FileTrees.delete(p);
        } catch (IOException e) {
            throw new MatscreenException("cannot remove the temporary folder " + p + ": " + e.getMessage(), e);
        }
    }
}
