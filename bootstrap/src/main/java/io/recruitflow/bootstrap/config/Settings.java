package io.recruitflow.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The effective settings: defaults, overridden by {@code recruitflow.yml}, overridden by
 * {@code RECRUITFLOW_*} environment variables. Knows where each value came from, and never prints a
 * secret.
 */
public final class Settings {
    /** Where a value came from. */
    public enum Source {
        DEFAULT,
        FILE,
        ENVIRONMENT
    }

    private record Value(String text, Source source) {}

    /** Variables of earlier versions, with what replaces them: named in the error instead of "unknown". */
    private static final Map<String, String> REPLACED = Map.of(
            "RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS",
            "replaced by " + Setting.WEBHOOK_MAX_AGE.env() + " (how old a webhook's timestamp may be, default "
                    + Setting.WEBHOOK_MAX_AGE.defaultValue().orElseThrow() + ") and " + Setting.WEBHOOK_MAX_SKEW.env()
                    + " (how far ahead, default "
                    + Setting.WEBHOOK_MAX_SKEW.defaultValue().orElseThrow() + ")");

    private final Map<Setting, Value> values;

    private Settings(Map<Setting, Value> values) {
        this.values = values;
    }

    /**
     * Loads the settings.
     *
     * @throws ConfigException naming the file, the key or the variable to fix
     */
    public static Settings load(Optional<Path> file, Map<String, String> environment) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            s.defaultValue().ifPresent(d -> values.put(s, new Value(d, Source.DEFAULT)));
        }
        if (file.isPresent()) {
            readYaml(file.get())
                    .forEach((key, text) -> values.put(byYamlKey(file.get(), key), new Value(text, Source.FILE)));
        }
        List<String> unknown = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith("RECRUITFLOW_")) {
                continue;
            }
            if (REPLACED.containsKey(e.getKey())) {
                replaced.add(e.getKey() + " is " + REPLACED.get(e.getKey()));
                continue;
            }
            Optional<Setting> setting = byEnv(e.getKey());
            if (setting.isEmpty()) {
                // The launcher's own variable is not a setting of the service.
                if (!e.getKey().equals("RECRUITFLOW_JAVA_OPTS")) {
                    unknown.add(e.getKey());
                }
                continue;
            }
            if (!e.getValue().isBlank()) {
                values.put(setting.get(), new Value(e.getValue().strip(), Source.ENVIRONMENT));
            }
        }
        if (!replaced.isEmpty()) {
            throw new ConfigException(String.join("; ", new TreeSet<>(replaced)));
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown environment variable(s) " + new TreeSet<>(unknown)
                    + "; known: see `recruitflow config --print`");
        }
        for (Map.Entry<Setting, Value> e : values.entrySet()) {
            Set<String> allowed = e.getKey().allowedValues();
            if (!allowed.isEmpty() && !allowed.contains(e.getValue().text().toLowerCase(java.util.Locale.ROOT))) {
                throw new ConfigException(e.getKey().env() + " must be one of " + allowed + ", not '"
                        + e.getValue().text() + "'");
            }
        }
        return new Settings(values);
    }

    public static Settings fromEnvironment() {
        return load(Optional.empty(), System.getenv());
    }

    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting)).map(Value::text);
    }

    public String require(Setting setting) {
        return get(setting)
                .orElseThrow(() -> new ConfigException(setting.env() + " (" + setting.yamlKey()
                        + " in recruitflow.yml) is required: " + setting.description()));
    }

    public Optional<Source> source(Setting setting) {
        return Optional.ofNullable(values.get(setting)).map(Value::source);
    }

    /** A copy with one value replaced, as if set in the environment (for embedded runs and tests). */
    public Settings with(Setting setting, String value) {
        Map<Setting, Value> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        copy.put(setting, new Value(value, Source.ENVIRONMENT));
        return new Settings(copy);
    }

    /** Every setting with its effective value, secrets masked, and its source. */
    public Map<Setting, String> masked() {
        Map<Setting, String> out = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            Value v = values.get(s);
            String shown = v == null ? "(unset)" : s.secret() ? "****** (set)" : maskUrlCredentials(v.text());
            out.put(s, shown + (v == null ? "" : "  [" + v.source().name().toLowerCase() + "]"));
        }
        return out;
    }

    private static final java.util.regex.Pattern URL_USER_INFO =
            java.util.regex.Pattern.compile("(//[^/?#@:\\s]*:)[^/?#@\\s]*@");
    private static final java.util.regex.Pattern URL_SECRET_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)([?&;](?:password|passwd|pwd|sslpassword|secret|client_secret|token|access_token|api[_-]?key)=)"
                    + "[^&;#\\s]*");

    /**
     * A value with the credentials inside a URL masked — a password in the user info
     * ({@code //user:pass@host}) or in a parameter ({@code ?password=…}, as a JDBC URL may carry it) — for
     * any setting, since a URL that is not a secret as a whole may still hold one.
     */
    static String maskUrlCredentials(String value) {
        String masked = URL_USER_INFO.matcher(value).replaceAll("$1***@");
        return URL_SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
    }

    private static Setting byYamlKey(Path file, String key) {
        for (Setting s : Setting.values()) {
            if (s.yamlKey().equals(key)) {
                return s;
            }
        }
        Set<String> known = new TreeSet<>();
        for (Setting s : Setting.values()) {
            known.add(s.yamlKey());
        }
        throw new ConfigException(file + ": unknown key '" + key + "'; known keys: " + known);
    }

    private static Optional<Setting> byEnv(String name) {
        for (Setting s : Setting.values()) {
            if (s.env().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Flattens the YAML document into dotted keys ({@code ghl: {baseUrl: x}} → {@code ghl.baseUrl}). */
    private static Map<String, String> readYaml(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException(file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (document == null) {
            return flat;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(file + " must be a YAML mapping of settings");
        }
        flatten("", map, flat);
        return flat;
    }

    /** Settings whose value is a YAML structure of its own, kept as YAML text rather than flattened. */
    private static final Set<String> STRUCTURED = Set.of(Setting.NURTURE_CADENCES.yamlKey());

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (STRUCTURED.contains(key) && (v instanceof Map<?, ?> || v instanceof List<?>)) {
                org.yaml.snakeyaml.DumperOptions flow = new org.yaml.snakeyaml.DumperOptions();
                flow.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
                flow.setWidth(Integer.MAX_VALUE);
                into.put(key, new Yaml(flow).dump(v).strip());
            } else if (v instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (v instanceof List<?> list) {
                // Every list-valued setting reads its items separated by commas (scopes by commas or spaces).
                into.put(
                        key, String.join(",", list.stream().map(String::valueOf).toList()));
            } else if (v != null) {
                into.put(key, String.valueOf(v));
            }
        });
    }

    /** A setting is missing or wrong; the message says what to fix. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
