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

    private static final java.util.regex.Pattern LOCAL = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?])?|local-cluster\\[[0-9]+,\\s*[0-9]+,\\s*[0-9]+]");
    private static final java.util.regex.Pattern STANDALONE = java.util.regex.Pattern.compile(
            "spark://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}(,[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5})*");

    /**
     * Refuses, before Spark starts, a master matscreen does not run on: what it ships and tests are local mode
     * ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, and Spark's test master
     * {@code local-cluster[N,C,M]}) and Spark standalone
     * ({@code spark://host:port}, several for a high-availability master). YARN and Kubernetes need Spark modules
     * matscreen does not bundle. A null master (spark-submit's, or the default local[*]) passes.
     *
     * @param option the option that named it, for the message
     */
    public static void checkMaster(String master, String option) {
        if (master == null || LOCAL.matcher(master).matches() || STANDALONE.matcher(master).matches()) {
            return;
        }
        if (master.equals("yarn") || master.startsWith("yarn-") || master.startsWith("k8s://")
                || master.startsWith("mesos://")) {
            throw new InvalidInputException(option, master, "this master is not supported: matscreen ships and"
                    + " tests Spark local mode (local[N]) and Spark standalone (spark://host:port; see"
                    + " scripts/spark-standalone/ and matscreen submit), and bundles neither spark-yarn nor"
                    + " spark-kubernetes (README, 'Running on a cluster')");
        }
        throw new InvalidInputException(option, master, "not a Spark master matscreen runs on: give local,"
                + " local[N], local[*] or spark://host:port");
    }

    /**
     * Spark's classic (in-JVM) session, built through its own builder: {@code SparkSession.builder()} first looks up
     * which implementation to use (classic or Spark Connect) with Scala runtime reflection, which took 0.3-0.4 s of
     * every run's start on 2 cores (JFR samples of the quick start's driver) for a choice matscreen never makes.
     */
    public static SparkSession create(String master, Map<String, String> userConf) {
        SparkConf conf = configure(new SparkConf(), master, userConf);
        return org.apache.spark.sql.classic.SparkSession.builder().config(conf).getOrCreate();
    }
}
