package org.matscreen.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.util.LongAccumulator;

/**
 * A progress line on the driver (candidates done and failed, rate, ETA), redrawn in place on a terminal and printed
 * every 10 s otherwise. Fed by accumulators and by the partial values running tasks send with executor heartbeats.
 */
final class Progress {
    private final PrintStream out;
    private final long total;
    private final LongAccumulator done;
    private final LongAccumulator failed;
    private final LongAccumulator skipped;
    private final ProgressListener partials;
    private final boolean terminal;
    private final long t0 = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private Progress(PrintStream out, long total, LongAccumulator done, LongAccumulator failed,
            LongAccumulator skipped, ProgressListener partials) {
        this.out = out;
        this.total = total;
        this.done = done;
        this.failed = failed;
        this.skipped = skipped;
        this.partials = partials;
        this.terminal = System.console() != null;
        this.thread = new Thread(this::loop, "matscreen-progress");
        this.thread.setDaemon(true);
    }

    static Progress start(PrintStream out, long total, LongAccumulator done, LongAccumulator failed,
            LongAccumulator skipped, ProgressListener partials) {
        Progress p = new Progress(out, total, done, failed, skipped, partials);
        p.thread.start();
        return p;
    }

    private void loop() {
        long period = terminal ? 500 : 10_000;
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print(false);
            }
        }
    }

    String line() {
        // finished tasks' counts plus what running tasks reported with their last heartbeat
        long d = done.value() + partials.runningPartial(0);
        long f = failed.value() + partials.runningPartial(1);
        long s = skipped.value() + partials.runningPartial(2);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        long left = Math.max(0, total - d - s);
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.0f s", left / rate) : "?";
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, width * (d + s) / total) : width;
        return String.format(Locale.ROOT, "[%s%s] %d/%d done, %d failed, %d resumed, %.2f cand/s, ETA %s",
                "#".repeat(filled), ".".repeat(width - filled), d + s, total, f, s, rate, eta);
    }

    private synchronized void print(boolean last) {
        if (terminal) {
            out.print("\r" + line() + (last ? "\n" : ""));
        } else {
            out.println(line());
        }
        out.flush();
    }

    void stop() {
        running = false;
        thread.interrupt();
        print(true);
    }
}
