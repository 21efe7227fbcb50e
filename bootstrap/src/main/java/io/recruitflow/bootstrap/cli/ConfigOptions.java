package io.recruitflow.bootstrap.cli;

import io.recruitflow.bootstrap.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that run Recruitflow. */
final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML configuration file. Default: ./recruitflow.yml when it exists. "
                    + "RECRUITFLOW_* environment variables override it.")
    Path config;

    Settings load() {
        Optional<Path> file = Optional.ofNullable(config);
        if (file.isEmpty() && Files.isRegularFile(Path.of("recruitflow.yml"))) {
            file = Optional.of(Path.of("recruitflow.yml"));
        }
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw new Settings.ConfigException("cannot read the configuration file " + file.get());
        }
        return Settings.load(file, System.getenv());
    }
}
