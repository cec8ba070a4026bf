package org.matscreen.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.matscreen.core.error.InvalidInputException;

/**
 * The only place a {@link SparkSession} is configured, in a fixed order (as GATK's SparkContextFactory): defaults
 * that apply only when nothing else set them, then settings matscreen needs to be correct, then the user's
 * {@code --conf} pairs, which win.
 */
public final class SparkSessionFactory {
    private SparkSessionFactory() {}

    /** Settings applied only if neither spark-submit nor the user set them. */
    static Map<String, String> defaults(String master) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("spark.master", master == null ? "local[*]" : master);
        d.put("spark.app.name", "matscreen");
        d.put("spark.ui.enabled", "false");
        d.put("spark.ui.showConsoleProgress", "false");
        // Progress of running tasks reaches the driver with executor heartbeats.
        d.put("spark.executor.heartbeatInterval", "2s");
        // A candidate never fails a task (crashes are records), so a failing task is an infrastructure problem.
        d.put("spark.task.maxFailures", "4");
        d.put("spark.sql.shuffle.partitions", "8");
        return d;
    }

    /** Settings matscreen relies on: Kryo with every wire type registered (a missing one fails fast). */
    static Map<String, String> mandatory() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        m.put("spark.kryo.registrator", MatscreenKryoRegistrator.class.getName());
        m.put("spark.kryo.registrationRequired", "true");
        return m;
    }

    /** Parses {@code key=value} pairs; a malformed pair is an input error naming it. */
    public static Map<String, String> parseConf(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int i = p.indexOf('=');
            if (i <= 0 || i == p.length() - 1 || p.substring(0, i).isBlank()) {
                throw new InvalidInputException("--conf", p, "expected key=value (e.g. spark.executor.memory=4g)");
            }
            String key = p.substring(0, i).strip();
            if (!key.startsWith("spark.") && !key.startsWith("matscreen.")) {
                throw new InvalidInputException("--conf", p, "only spark.* and matscreen.* settings are accepted");
            }
            out.put(key, p.substring(i + 1).strip());
        }
        return out;
    }

    /** The effective configuration, in the documented order of precedence. */
    public static SparkConf configure(SparkConf base, String master, Map<String, String> userConf) {
        SparkConf conf = base.clone();
        defaults(master).forEach(conf::setIfMissing);
        if (master != null) {
            conf.set("spark.master", master);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        mandatory().forEach(conf::set);
        userConf.forEach(conf::set);
        return conf;
    }

    public static SparkSession create(String master, Map<String, String> userConf) {
        SparkConf conf = configure(new SparkConf(), master, userConf);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
