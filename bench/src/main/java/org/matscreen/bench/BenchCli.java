package org.matscreen.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java steps of bench/run.sh. Each subcommand measures one thing and writes its numbers to a file in the bench
 * work folder; {@code report} turns the folder into the Markdown table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, header = "matscreen benchmark steps (run by bench/run.sh).",
        subcommands = {PrepareCommand.class, NativeCommand.class, ProtocolCommand.class, EnumerateCommand.class, PotentialCostCommand.class,
            AdaptiveCommand.class,
            ReportCommand.class})
public final class BenchCli {
    private BenchCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }
}
