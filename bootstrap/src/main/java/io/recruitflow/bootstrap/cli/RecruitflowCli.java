package io.recruitflow.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recruitflow} command line. */
@Command(name = "recruitflow", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Speed-to-lead recruiting of licensed insurance agents on GoHighLevel.",
        subcommands = {DemoCommand.class, SandboxCommand.class, CommandLine.HelpCommand.class})
public final class RecruitflowCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String... args) {
        return new CommandLine(new RecruitflowCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
