package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A steady window's CPU per kind of thread, as {@code bench/python/cpu_account.py window} wrote it: a line
 * {@code window_s <seconds>}, then {@code <kind> <cpu seconds> <involuntary context switches>} per kind.
 *
 * @param windowSeconds the window between the samples at its ends, s
 * @param cpuSeconds CPU seconds per kind of thread (lammps worker, executor, jit, python worker, ...)
 * @param switches involuntary context switches per kind: how often the scheduler took the core from a runnable thread
 */
record CpuAccount(double windowSeconds, Map<String, Double> cpuSeconds, Map<String, Long> switches) {

    static Optional<CpuAccount> read(Path tsv) {
        if (!Files.isRegularFile(tsv)) {
            return Optional.empty();
        }
        double window = Double.NaN;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> sw = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                String[] f = line.split("\t");
                if (f.length == 2 && f[0].equals("window_s")) {
                    window = Double.parseDouble(f[1]);
                } else if (f.length == 3) {
                    cpu.put(f[0], Double.parseDouble(f[1]));
                    sw.put(f[0], Long.parseLong(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Double.isNaN(window) || cpu.isEmpty() ? Optional.empty() : Optional.of(new CpuAccount(window, cpu, sw));
    }

    double cpu(String kind) {
        return cpuSeconds.getOrDefault(kind, 0.0);
    }

    long switches(String kind) {
        return switches.getOrDefault(kind, 0L);
    }

    /** The sampler's own kind: on the same cores, but neither the tool's threads nor idle time. */
    static final String SAMPLER = "sampler";

    /** Whether the sampler counted itself (files written before it did have no such line). */
    boolean samplerCounted() {
        return cpuSeconds.containsKey(SAMPLER);
    }

    /** CPU seconds of the tool's threads other than {@code kind} (the sampler's excluded). */
    double cpuExcept(String kind) {
        return cpuSeconds.entrySet().stream().filter(e -> !e.getKey().equals(kind) && !e.getKey().equals(SAMPLER))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Core-seconds of the window that no thread used, the sampler's CPU taken out, s. */
    double idle(int cores) {
        double used = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(0, cores * windowSeconds - used);
    }
}
