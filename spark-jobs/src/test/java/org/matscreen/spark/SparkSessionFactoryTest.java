package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

class SparkSessionFactoryTest {

    @Test
    void defaultsThenMandatoryThenUser() {
        SparkConf base = new SparkConf(false).set("spark.ui.enabled", "true").set("spark.serializer", "java");
        SparkConf c = SparkSessionFactory.configure(base, null, Map.of("spark.executor.memory", "3g"));
        assertEquals("local[*]", c.get("spark.master"));
        assertEquals("true", c.get("spark.ui.enabled"), "a default must not override what was already set");
        assertEquals("org.apache.spark.serializer.KryoSerializer", c.get("spark.serializer"),
                "matscreen's mandatory settings override the base configuration");
        assertEquals("true", c.get("spark.kryo.registrationRequired"));
        assertEquals("3g", c.get("spark.executor.memory"));
        assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
        SparkConf user = SparkSessionFactory.configure(base, "spark://h:7077",
                Map.of("spark.kryo.registrationRequired", "false"));
        assertEquals("false", user.get("spark.kryo.registrationRequired"), "the user has the last word");
        assertEquals("spark://h:7077", user.get("spark.master"));
        assertEquals(false, user.contains("spark.driver.bindAddress"), "loopback binding only for local masters");
    }

    @Test
    void malformedConfPairsAreRejected() {
        assertEquals(Map.of("spark.a", "b=c"), SparkSessionFactory.parseConf(List.of("spark.a=b=c")));
        assertThrows(InvalidInputException.class, () -> SparkSessionFactory.parseConf(List.of("spark.a")));
        assertThrows(InvalidInputException.class, () -> SparkSessionFactory.parseConf(List.of("=x")));
        assertThrows(InvalidInputException.class, () -> SparkSessionFactory.parseConf(List.of("spark.a=")));
        assertThrows(InvalidInputException.class, () -> SparkSessionFactory.parseConf(List.of("java.home=/x")));
    }
}
