package org.matscreen.repository.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.matscreen.core.sim.Status;

/** Horizontal bars of record counts per status, every status shown (a zero says "none failed"). */
final class StatusChart {
    private static final Map<Status, String> COLOURS = Map.of(Status.OK, "#2e7d32", Status.FAILED, "#ef6c00",
            Status.TIMEOUT, "#6a1b9a", Status.CRASHED, "#c62828", Status.QUARANTINED, "#616161");
    private static final int WIDTH = 640;
    private static final int ROW = 30;

    private StatusChart() {}

    static String render(Map<String, Long> counts) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            rows.put(s.key(), counts.getOrDefault(s.key(), 0L));
        }
        counts.forEach(rows::putIfAbsent);
        long max = Math.max(1, rows.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = 20 + ROW * rows.size();
        Svg svg = new Svg("status-chart", "chart", WIDTH, height, "records per status");
        int left = 110;
        int right = WIDTH - 90;
        int i = 0;
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            double y = 10 + i * ROW;
            double w = (right - left) * (double) e.getValue() / max;
            Status status = safeStatus(e.getKey());
            String colour = status == null ? "#455a64" : COLOURS.get(status);
            svg.text(left - 8, y + 19, e.getKey(), "label", "end", 0);
            svg.rect(left, y + 4, Math.max(w, 1), ROW - 8, "status-bar", colour, e.getKey() + ": " + e.getValue(),
                    " data-status=\"" + Svg.escape(e.getKey()) + "\" data-count=\"" + e.getValue() + "\"");
            svg.text(left + Math.max(w, 1) + 6, y + 19, Long.toString(e.getValue()), "value", "start", 0);
            i++;
        }
        return svg.end();
    }

    private static Status safeStatus(String key) {
        try {
            return Status.parse(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
