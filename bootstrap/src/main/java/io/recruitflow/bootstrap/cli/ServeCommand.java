package io.recruitflow.bootstrap.cli;

import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recruitflow serve}: the service. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs Recruitflow as a service: GHL webhooks (POST /webhooks/ghl), the OAuth install flow, "
                + "the admin API, health and metrics on RECRUITFLOW_HTTP_PORT, with the job workers. Stops "
                + "gracefully on SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = options.load();
        settings.require(Setting.ADMIN_TOKEN);
        RecruitflowConfig config = RecruitflowConfig.from(settings);
        RecruitflowRuntime runtime = RecruitflowRuntime.open(config, Clock.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping: no new requests; finishing in-flight work");
                            runtime.close();
                            stopped.countDown();
                        },
                        "recruitflow-shutdown"));
        int port = runtime.startHttp();
        runtime.startJobs();
        LOG.info("Recruitflow {} serving on port {}", Version.current(), port);
        stopped.await();
        return 0;
    }
}
