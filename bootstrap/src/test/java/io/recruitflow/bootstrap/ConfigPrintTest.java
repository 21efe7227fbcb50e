package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recruitflow config --print} prints no credential, not even one inside a URL. */
class ConfigPrintTest {

    @Test
    void a_password_inside_the_database_url_is_not_printed(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("recruitflow.yml"), """
                db:
                  url: jdbc:postgresql://rf:userinfo-secret@db.internal:5432/rf?user=rf&password=url-secret
                  password: field-secret
                """);
        String out = CliTest.run(0, "config", "--print", "--config", config.toString());
        assertThat(out)
                .contains("RECRUITFLOW_DB_URL")
                .contains("jdbc:postgresql://rf:***@db.internal:5432/rf?user=rf&password=***")
                .doesNotContain("userinfo-secret", "url-secret", "field-secret");
    }
}
