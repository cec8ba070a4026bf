package org.matscreen.bench;

/**
 * A throughput model of a campaign on Fugaku: every core of every node runs one worker, the engine keeps the cores as
 * busy as it kept them here, and a candidate costs what it cost here divided by the A64FX core's speed relative to
 * this machine's core.
 *
 * <pre>  T = T_start + N · t / (r · c · n · η)</pre>
 *
 * with N candidates, t core-seconds of LAMMPS per candidate (measured), r the per-core speed ratio A64FX ÷ this core
 * (a parameter), c cores per node (48), n nodes, η the engine's efficiency (measured: Σ native ÷ (wall × cores)) and
 * T_start the fixed start-up (cluster up, references).
 *
 * <p>What it leaves out, deliberately: Spark's driver scheduling limit (at 10^7 candidates in at most 200,000 ranges
 * the driver hands out a task every few milliseconds, far below its capacity), the shared file system's commit rate,
 * and whether η at 48 slots per node equals η at 2; run bench/run.sh on one node to measure that.
 */
record FugakuModel(double coreSecondsPerCandidate, double efficiency, double coreSpeedRatio, int coresPerNode,
        double startSeconds) {

    FugakuModel {
        if (!(coreSecondsPerCandidate > 0 && efficiency > 0 && coreSpeedRatio > 0 && coresPerNode > 0)) {
            throw new IllegalArgumentException("model inputs must be positive");
        }
    }

    /** Wall seconds to screen {@code candidates} on {@code nodes} nodes. */
    double seconds(double candidates, int nodes) {
        double effectiveCores = coreSpeedRatio * coresPerNode * nodes * efficiency;
        return startSeconds + candidates * coreSecondsPerCandidate / effectiveCores;
    }

    /** Node-hours the campaign is charged (whole nodes for the whole wall time). */
    double nodeHours(double candidates, int nodes) {
        return seconds(candidates, nodes) * nodes / 3600;
    }

    FugakuModel withCoreSpeedRatio(double r) {
        return new FugakuModel(coreSecondsPerCandidate, efficiency, r, coresPerNode, startSeconds);
    }
}
