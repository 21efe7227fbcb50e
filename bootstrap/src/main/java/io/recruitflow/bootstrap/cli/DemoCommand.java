package io.recruitflow.bootstrap.cli;

import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.bootstrap.demo.InMemoryDemo;
import io.recruitflow.bootstrap.demo.SandboxDemo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recruitflow demo}: the whole flow end to end, with nothing to set up. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs the reference's whole recruiting flow end to end on embedded defaults: imports a lead "
                + "list, texts every new recruit (or defers the text by quiet hours), then runs a simulated week: "
                + "replies, the follow-up cadence, bookings with reminders, a no-show that rebooks, and prints the "
                + "funnel and recruits' timelines.")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--leads",
            paramLabel = "FILE",
            defaultValue = "examples/leads.csv",
            description = "The lead list to import (CSV). Default: ${DEFAULT-VALUE}")
    Path leads;

    @Option(
            names = "--in-memory",
            description = "Run on the in-memory adapters instead of the embedded PostgreSQL "
                    + "and the GHL sandbox: faster, nothing on disk, no HTTP.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(leads) || !Files.isReadable(leads)) {
            System.err.println("recruitflow demo: cannot read the lead file " + leads
                    + " (run from the repository root, or pass --leads FILE)");
            return 2;
        }
        try {
            return inMemory ? InMemoryDemo.run(leads, System.out) : SandboxDemo.run(leads, System.out);
        } catch (LeadFileReader.BadLeadFileException e) {
            System.err.println("recruitflow demo: " + leads + ": " + e.getMessage());
            return 2;
        }
    }
}
