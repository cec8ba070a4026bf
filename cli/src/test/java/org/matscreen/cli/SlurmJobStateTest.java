package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Lines as Slurm 22.05's {@code scontrol show job -o} prints them. */
class SlurmJobStateTest {
    static final String DONE = "JobId=3 JobName=cuni UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901757"
            + " Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1"
            + " Restarts=0 BatchFlag=1 Reboot=0 ExitCode=5:0 RunTime=00:00:31 TimeLimit=00:02:00 TimeMin=N/A"
            + " NodeList=n1 BatchHost=n1 NumNodes=1 NumCPUs=1 StdOut=/w/jobs/cuni-3.out Power=";
    static final String TASK = "JobId=8 ArrayJobId=7 ArrayTaskId=1 JobName=cuni JobState=TIMEOUT Reason=TimeLimit"
            + " ExitCode=0:15 RunTime=00:01:30 TimeLimit=00:01:00";

    @Test
    void parsesStateExitCodeAndMeaning() {
        SlurmJobState j = SlurmJobState.parse(DONE);
        assertEquals("3", j.id());
        assertEquals("FAILED", j.state());
        assertEquals(5, j.exitCode());
        assertTrue(j.finished());
        assertEquals("1", j.get("NumNodes"));
        assertTrue(j.meaning().contains("submit the script again"), j.meaning());

        SlurmJobState t = SlurmJobState.parse(TASK);
        assertEquals("7_1", t.id());
        assertTrue(t.meaning().contains("time limit"), t.meaning());

        SlurmJobState pending = SlurmJobState.parse("JobId=9 JobState=PENDING Reason=Dependency ExitCode=0:0");
        assertFalse(pending.finished());
        assertEquals("waiting: Dependency", pending.meaning());
    }

    @Test
    void printsOneLinePerJob() {
        StringWriter s = new StringWriter();
        StatusCommand.print(new PrintWriter(s, true), SlurmJobState.parse(DONE));
        assertTrue(s.toString().matches("3\\s+FAILED\\s+exit 5\\s+00:00:31 of 00:02:00\\s+cuni — stopped.*\\R"),
                s.toString());
    }
}
