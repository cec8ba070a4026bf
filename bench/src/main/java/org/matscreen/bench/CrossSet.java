package org.matscreen.bench;

/**
 * One set of cells that every tool of sections 1 and 1b relaxes, with where run.sh leaves its files: the Cu–Ni EAM
 * cells of section 1, or the Cantor-family cells with a MEAM potential through KIM (issue 19, item 4), where a force
 * evaluation costs more and orchestration weighs less.
 *
 * @param folder the set's folder in the work folder ({@code cells.txt}, result tables, {@code lmp/}); also the name of
 *     matscreen's run (a) of the set
 * @param prefix of the set's entries in {@code runs.facts} and {@code logs/} ("" for Cu–Ni, whose names predate the
 *     second set)
 * @param title how the report names the set
 */
record CrossSet(String folder, String prefix, String title) {
    static final CrossSet CU_NI = new CrossSet("cross", "", "Cu–Ni, EAM");
    static final CrossSet MEAM = new CrossSet("meam", "meam-", "Cantor family, MEAM through KIM");

    /** The name run.sh times a tool of this set under ({@code native}, {@code meam-native}, …). */
    String run(String tool) {
        return prefix + tool;
    }

    /** matscreen's run (a) of this set. */
    String matscreenRun() {
        return folder;
    }

    /** matscreen's repeated run (a′), made for Cu–Ni only. */
    String againRun() {
        return folder + "-again";
    }

    /** matscreen's run (a″) with the references of an earlier campaign in the shared cache (Cu–Ni only). */
    String referenceCacheRun() {
        return folder + "-refcache";
    }

    String path(String file) {
        return folder + "/" + file;
    }
}
