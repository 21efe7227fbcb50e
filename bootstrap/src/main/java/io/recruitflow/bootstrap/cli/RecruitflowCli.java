package io.recruitflow.bootstrap.cli;

import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.bootstrap.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recruitflow} command line. */
@Command(
        name = "recruitflow",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Speed-to-lead recruiting of licensed insurance agents on GoHighLevel.",
        subcommands = {
            DemoCommand.class,
            ImportCommand.class,
            FunnelCommand.class,
            RecruitCommand.class,
            ServeCommand.class,
            SandboxCommand.class,
            ConfigCommand.class,
            ComplianceCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RecruitflowCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new RecruitflowCli()).setCaseInsensitiveEnumValuesAllowed(true);
        // A configuration mistake is the user's to fix: say what, without a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Settings.ConfigException) {
                commandLine.getErr().println("recruitflow: configuration error: " + e.getMessage());
                return 2;
            }
            // A lead file that cannot be imported is the user's to fix too (the commands name the file).
            if (e instanceof LeadFileReader.BadLeadFileException) {
                commandLine.getErr().println("recruitflow: the lead file cannot be imported: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
