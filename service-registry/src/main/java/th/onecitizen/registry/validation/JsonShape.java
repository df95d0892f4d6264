package th.onecitizen.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema subset that operations declare for requests and responses: {@code type} (object, array, string,
 * number, integer, boolean, null), {@code properties}, {@code required}, {@code additionalProperties} (boolean),
 * {@code items}, {@code enum}, {@code maxLength}, {@code maxItems}, {@code description}, {@code format} (informative).
 * Small on purpose: a schema the platform cannot check fully is refused rather than half-checked.
 */
public final class JsonShape {

    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "maxLength", "maxItems", "description", "format", "title");
    private static final int MAX_DEPTH = 16;

    private JsonShape() {
    }

    /** Problems with the schema itself, as JSON-pointer-like paths with a reason; empty when it is well-formed. */
    public static List<String> schemaProblems(JsonNode schema) {
        List<String> problems = new ArrayList<>();
        checkSchema(schema, "#", 0, problems);
        return problems;
    }

    /** Where {@code value} breaks {@code schema}; empty when it conforms. At most 20 violations are reported. */
    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        validate(schema, value, "$", out);
        return out;
    }

    private static void checkSchema(JsonNode s, String path, int depth, List<String> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(path + ": nested too deeply");
            return;
        }
        if (s == null || !s.isObject()) {
            problems.add(path + ": a schema must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            if (!KEYWORDS.contains(e.getKey())) {
                problems.add(path + ": keyword '" + e.getKey() + "' is not supported");
            }
        }
        JsonNode type = s.get("type");
        if (type == null || !type.isString() || !TYPES.contains(type.asString())) {
            problems.add(path + ": 'type' must be one of " + TYPES);
            return;
        }
        JsonNode props = s.get("properties");
        if (props != null) {
            if (!props.isObject() || !"object".equals(type.asString())) {
                problems.add(path + ": 'properties' must be an object on an object schema");
            } else {
                for (Map.Entry<String, JsonNode> e : props.properties()) {
                    checkSchema(e.getValue(), path + "/properties/" + e.getKey(), depth + 1, problems);
                }
            }
        }
        JsonNode required = s.get("required");
        if (required != null && (!required.isArray() || !allStrings(required))) {
            problems.add(path + ": 'required' must be an array of names");
        }
        JsonNode additional = s.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            problems.add(path + ": 'additionalProperties' must be true or false");
        }
        JsonNode items = s.get("items");
        if (items != null) {
            if (!"array".equals(type.asString())) {
                problems.add(path + ": 'items' only belongs on an array schema");
            } else {
                checkSchema(items, path + "/items", depth + 1, problems);
            }
        }
        JsonNode en = s.get("enum");
        if (en != null && (!en.isArray() || en.isEmpty())) {
            problems.add(path + ": 'enum' must be a non-empty array");
        }
        for (String limit : List.of("maxLength", "maxItems")) {
            JsonNode n = s.get(limit);
            if (n != null && (!n.isIntegralNumber() || n.asLong() < 0)) {
                problems.add(path + ": '" + limit + "' must be a non-negative integer");
            }
        }
    }

    private static boolean allStrings(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isString()) {
                return false;
            }
        }
        return true;
    }

    private static void validate(JsonNode s, JsonNode v, String path, List<String> out) {
        if (out.size() >= 20) {
            return;
        }
        String type = s.path("type").asString();
        if (!typeMatches(type, v)) {
            out.add(path + ": expected " + type);
            return;
        }
        JsonNode en = s.get("enum");
        if (en != null && !contains(en, v)) {
            out.add(path + ": not one of the allowed values");
        }
        switch (type) {
            case "object" -> validateObject(s, v, path, out);
            case "array" -> {
                JsonNode max = s.get("maxItems");
                if (max != null && v.size() > max.asInt()) {
                    out.add(path + ": more than " + max.asInt() + " items");
                }
                JsonNode items = s.get("items");
                if (items != null) {
                    for (int i = 0; i < v.size(); i++) {
                        validate(items, v.get(i), path + "[" + i + "]", out);
                    }
                }
            }
            case "string" -> {
                JsonNode max = s.get("maxLength");
                if (max != null && v.asString().codePointCount(0, v.asString().length()) > max.asInt()) {
                    out.add(path + ": longer than " + max.asInt() + " characters");
                }
            }
            default -> {
                // numbers, booleans and null carry no further constraint in this subset
            }
        }
    }

    private static void validateObject(JsonNode s, JsonNode v, String path, List<String> out) {
        JsonNode props = s.path("properties");
        for (JsonNode r : s.path("required")) {
            if (!v.has(r.asString())) {
                out.add(path + "." + r.asString() + ": is required");
            }
        }
        boolean closed = s.has("additionalProperties") && !s.get("additionalProperties").asBoolean();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode ps = props.get(e.getKey());
            if (ps != null) {
                validate(ps, e.getValue(), path + "." + e.getKey(), out);
            } else if (closed) {
                out.add(path + "." + e.getKey() + ": is not allowed");
            }
        }
    }

    private static boolean typeMatches(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode array, JsonNode v) {
        for (JsonNode n : array) {
            if (n.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
