package org.matscreen.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.MessageType;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.Metrics;

/**
 * The per-composition aggregates tables, one row per group of records along an axis, in
 * {@code aggregates/<axis>/part-*.parquet}. {@code configurations}: the independent orderings of one composition,
 * prototype, recipe and potential; for every metric the mean, sample standard deviation, standard error of the mean
 * and the number of OK records that had a value. {@code potentials} (a campaign with an ensemble of potentials): the
 * members computing one composition on the same cells; for every metric the mean, standard deviation and number of
 * the members' values (each member's value its mean over its orderings), and for every computed property also the
 * smallest and largest member value, their range, each member's value, and the standard deviation over orderings
 * pooled within the members, so the systematic spread stands next to the configurational one. Ranking reads the
 * potentials table when there is an ensemble, else the configurations table when a campaign samples more than one
 * ordering. Rewritten from the committed records by every run, so it never disagrees with them (and needs no
 * migration: version 2 added the potentials axis and its columns).
 */
public final class AggregateSchema {
    public static final int VERSION = 2;
    public static final String MESSAGE_NAME = "matscreen_aggregate";
    /** Suffixes of the four columns each metric gets. */
    public static final List<String> STATISTICS = List.of("mean", "std", "sem", "n");
    /** Suffixes of the columns each computed property gets in the potentials table. */
    public static final List<String> ENSEMBLE_STATISTICS = List.of("min", "max", "range", "member_values",
            "configuration_std");

    private static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>();
        c.add(req("group_id", Column.Kind.STRING, "", "the group's key: for configurations, the id of sample 0; for"
                + " potentials, the configuration_id of sample 0 (shared by the members)"));
        c.add(req("axis", Column.Kind.STRING, "", "what the members differ in: configurations or potentials"));
        c.add(req("aggregate_schema_version", Column.Kind.INT32, "", "version of this table's schema"));
        c.add(req("campaign", Column.Kind.STRING, "", "campaign that computed the members"));
        c.add(req("formula", Column.Kind.STRING, "", "nominal composition as atomic fractions"));
        c.add(req("cell_formula", Column.Kind.STRING, "", "composition of the computed cells as atomic fractions"));
        c.add(req("reduced_formula", Column.Kind.STRING, "", "reduced formula of the computed cells"));
        c.add(req("chemical_system", Column.Kind.STRING, "", "elements joined by '-', alphabetical"));
        c.add(req("elements", Column.Kind.LIST_STRING, "", "element symbols, alphabetical"));
        c.add(req("element_fractions", Column.Kind.LIST_DOUBLE, "", "nominal atomic fractions, aligned with elements"));
        c.add(req("prototype", Column.Kind.STRING, "", "crystal prototype"));
        c.add(req("supercell", Column.Kind.STRING, "", "repeats of the conventional cell"));
        c.add(req("ordering", Column.Kind.STRING, "", "site ordering of the members: random or sqs"));
        c.add(req("potentials", Column.Kind.LIST_STRING, "", "configurations: the one potential of the group;"
                + " potentials: the ensemble's members in campaign order (the order of every member_values list)"));
        c.add(opt("ok_potentials", Column.Kind.INT32, "potentials", "potentials table: members with at least one ok"
                + " record; a composition is ranked only when every member has one"));
        c.add(req("members", Column.Kind.INT32, "records", "records of the group"));
        c.add(req("ok_members", Column.Kind.INT32, "records", "members with status ok (the statistics are over these)"));
        c.add(req("member_ids", Column.Kind.LIST_STRING, "", "ids of the members, sorted"));
        c.add(req("flags", Column.Kind.LIST_STRING, "", "flags carried by at least one ok member"));
        for (RecordFlag f : RecordFlag.values()) {
            c.add(req(flagColumn(f), Column.Kind.INT32, "records", "ok members with the " + f.key() + " flag"));
        }
        for (Metric m : Metrics.all().values()) {
            c.add(opt(m.key() + "_mean", Column.Kind.DOUBLE, m.unit(), "mean of " + m.key() + " over the ok records"
                    + " (potentials: over the members' values)"));
            c.add(opt(m.key() + "_std", Column.Kind.DOUBLE, m.unit(), "sample standard deviation of " + m.key()
                    + " over the same values (unknown for fewer than 2)"));
            c.add(opt(m.key() + "_sem", Column.Kind.DOUBLE, m.unit(), "configurations: standard error of the mean of "
                    + m.key() + ", std/√n (absent in the potentials table: the members' spread is systematic)"));
            c.add(opt(m.key() + "_n", Column.Kind.INT32, "", "ok records with a value of " + m.key()
                    + " (potentials: members with a value)"));
            if (Metrics.isPropertyMetric(m.key())) {
                c.add(opt(m.key() + "_min", Column.Kind.DOUBLE, m.unit(), "potentials: smallest member value of "
                        + m.key()));
                c.add(opt(m.key() + "_max", Column.Kind.DOUBLE, m.unit(), "potentials: largest member value of "
                        + m.key()));
                c.add(opt(m.key() + "_range", Column.Kind.DOUBLE, m.unit(), "potentials: largest minus smallest"
                        + " member value of " + m.key()));
                c.add(opt(m.key() + "_member_values", Column.Kind.LIST_DOUBLE, m.unit(), "potentials: each member's"
                        + " value of " + m.key() + " (its mean over its orderings), aligned with potentials; NaN"
                        + " where a member has none"));
                c.add(opt(m.key() + "_configuration_std", Column.Kind.DOUBLE, m.unit(), "potentials: standard"
                        + " deviation of " + m.key() + " over orderings, pooled within the members (the"
                        + " configurational spread beside the potentials' one; absent without sampling)"));
            }
        }
        COLUMNS = Collections.unmodifiableList(c);
    }

    private AggregateSchema() {}

    /** Column counting the members with {@code flag}, e.g. {@code members_prototype_unstable}. */
    public static String flagColumn(RecordFlag flag) {
        return "members_" + flag.name().toLowerCase(Locale.ROOT);
    }

    public static List<Column> columns() {
        return COLUMNS;
    }

    public static MessageType parquetSchema() {
        return RecordSchema.parquetSchema(MESSAGE_NAME, COLUMNS);
    }

    private static Column req(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, true, unit, description);
    }

    private static Column opt(String name, Column.Kind kind, String unit, String description) {
        return new Column(name, kind, false, unit, description);
    }
}
