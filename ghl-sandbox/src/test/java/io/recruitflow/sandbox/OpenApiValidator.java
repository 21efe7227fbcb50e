package io.recruitflow.sandbox;

import io.recruitflow.ghl.specs.GhlSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON values against the response schemas of GHL's OpenAPI 3.0 specs: {@code $ref}
 * (local and to common-schemas.json), {@code allOf}/{@code anyOf}/{@code oneOf}, {@code type},
 * {@code properties}, {@code required}, {@code items}, {@code enum}, {@code nullable} and
 * {@code additionalProperties} — the subset GHL's specs use. Paths listed as exempt (a schema known
 * to be broken) are skipped and must be named by the caller.
 */
final class OpenApiValidator {
    private static final Map<String, Map<String, Object>> LOADED = new HashMap<>();

    private OpenApiValidator() {}

    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> spec(String file) {
        return LOADED.computeIfAbsent(
                file, f -> (Map<String, Object>) Json.parse(GhlSpecs.openApi(f.replaceFirst("\\.json$", ""))));
    }

    /** The JSON schema of a documented response, or an error when the spec documents no such status. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> responseSchema(String file, String method, String path, int status) {
        Map<String, Object> paths = (Map<String, Object>) spec(file).get("paths");
        Map<String, Object> operation =
                (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method.toLowerCase());
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        Map<String, Object> response = (Map<String, Object>) responses.get(String.valueOf(status));
        if (response == null) {
            throw new AssertionError(
                    method + " " + path + " documents no " + status + " response, only " + responses.keySet());
        }
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        if (content == null || content.get("application/json") == null) {
            return Map.of();
        }
        Map<String, Object> schema =
                (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
        return schema == null ? Map.of() : withFile(schema, file);
    }

    /** Violations of the schema by the value; empty when valid. */
    static List<String> validate(Map<String, Object> schema, Object value, Set<String> exemptPaths) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", exemptPaths, errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void check(
            Map<String, Object> schema, Object value, String path, Set<String> exempt, List<String> errors) {
        if (exempt.contains(path)) {
            return;
        }
        String file = (String) schema.getOrDefault("x-file", "");
        if (schema.get("$ref") instanceof String ref) {
            check(resolve(file, ref), value, path, exempt, errors);
            return;
        }
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && schema.get("type") != null) {
                errors.add(path + ": null is not " + schema.get("type"));
            }
            return;
        }
        for (Object part : list(schema.get("allOf"))) {
            check(withFile((Map<String, Object>) part, file), value, path, exempt, errors);
        }
        for (String key : List.of("anyOf", "oneOf")) {
            List<Object> options = list(schema.get(key));
            if (!options.isEmpty()
                    && options.stream()
                            .noneMatch(o -> validate(withFile((Map<String, Object>) o, file), value, exempt)
                                    .isEmpty())) {
                errors.add(path + ": matches none of " + key);
            }
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    errors.add(path + ": expected an object, got " + value);
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Object required : list(schema.get("required"))) {
                    if (map.get(required) == null && !exempt.contains(path + "." + required)) {
                        errors.add(path + ": required property " + required + " is missing");
                    }
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String childPath = path + "." + entry.getKey();
                    Object property = properties.get(entry.getKey());
                    if (property instanceof Map) {
                        check(
                                withFile((Map<String, Object>) property, file),
                                entry.getValue(),
                                childPath,
                                exempt,
                                errors);
                    } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                        check(
                                withFile((Map<String, Object>) additional, file),
                                entry.getValue(),
                                childPath,
                                exempt,
                                errors);
                    } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                        errors.add(childPath + ": not allowed");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    errors.add(path + ": expected an array, got " + value);
                    return;
                }
                if (schema.get("items") instanceof Map<?, ?> itemSchema) {
                    for (int i = 0; i < items.size(); i++) {
                        check(
                                withFile((Map<String, Object>) itemSchema, file),
                                items.get(i),
                                path + "[" + i + "]",
                                exempt,
                                errors);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    errors.add(path + ": expected a string, got " + value);
                } else if (schema.get("enum") instanceof List<?> values && !values.contains(s)) {
                    errors.add(path + ": " + s + " is not one of " + values);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    errors.add(path + ": expected a number, got " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    errors.add(path + ": expected an integer, got " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(path + ": expected a boolean, got " + value);
                }
            }
            default -> errors.add(path + ": unknown schema type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(String file, String ref) {
        int hash = ref.indexOf('#');
        String target =
                hash == 0 ? file : Path.of(ref.substring(0, hash)).getFileName().toString();
        Map<String, Object> node = spec(target);
        for (String part : ref.substring(hash + 2).split("/")) {
            node = (Map<String, Object>) node.get(part);
        }
        return withFile(node, target);
    }

    private static Map<String, Object> withFile(Map<String, Object> schema, String file) {
        if (file.equals(schema.get("x-file"))) {
            return schema;
        }
        Map<String, Object> copy = new HashMap<>(schema);
        copy.put("x-file", file);
        return copy;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
