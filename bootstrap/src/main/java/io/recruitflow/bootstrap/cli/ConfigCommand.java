package io.recruitflow.bootstrap.cli;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recruitflow config --print}: the effective configuration, secrets masked. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Shows the effective configuration: defaults, overridden by the YAML file, overridden by "
                + "RECRUITFLOW_* environment variables. Secrets are masked.")
final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--print", description = "Print every setting with its value and where it came from.")
    boolean print;

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        Settings settings = options.load();
        if (!print) {
            System.out.println("Configuration is valid. Use --print to show it.");
            return 0;
        }
        for (Map.Entry<Setting, String> e : settings.masked().entrySet()) {
            System.out.printf("%-36s %s%n", e.getKey().env(), e.getValue());
        }
        return 0;
    }
}
