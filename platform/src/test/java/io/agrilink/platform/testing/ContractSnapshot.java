package io.agrilink.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.agrilink.platform.web.InterService;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The contract between AgriLink services as committed OpenAPI snapshots in {@code docs/contracts/}.
 *
 * <p>A provider's snapshot is the part of its live {@code /q/openapi} tagged {@link InterService#TAG}:
 * those operations only, with every schema they use written in place (so renaming a Java DTO changes
 * nothing; the JSON on the wire does) and without the prose (summaries, descriptions, examples, tags,
 * operation ids), which may change freely. {@link #checkProvider} fails with a list of differences
 * when the live API left the snapshot; run with {@code -Dcontract.update=true} to write it instead.
 *
 * <p>A consumer checks the sides it wrote itself against its provider's snapshot: its REST client
 * interface ({@link #checkClient}: every method's HTTP method and path, its query parameters, and every
 * JSON field its body sends or its result reads), its test double ({@link #checkDouble}: every
 * operation it serves), and the JSON the double really answers ({@link #exchanges}: a rest-assured
 * filter checking the status code and every field of each request and answer). Fields are matched by
 * their JSON names, never by Java class names.
 */
public final class ContractSnapshot {

    /** Set to {@code true} to write the provider's snapshot from its live API instead of checking it. */
    public static final String UPDATE = "contract.update";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** The prose of an OpenAPI document: free to change without breaking a consumer. */
    private static final Set<String> PROSE = Set.of("summary", "description", "operationId", "tags", "example",
            "examples", "title", "deprecated", "externalDocs");

    private final String provider;
    private final JsonNode paths;

    private ContractSnapshot(String provider, JsonNode snapshot) {
        this.provider = provider;
        this.paths = snapshot.path("paths");
    }

    // ------------------------------------------------------------ provider side

    /**
     * Compares the inter-service part of the running service's {@code /q/openapi} with
     * {@code docs/contracts/<service>.yaml}, or writes that file when {@code -Dcontract.update=true}.
     */
    public static void checkProvider(String service) {
        String document = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString();
        // a service no other one calls has a snapshot without operations: tagging one is then a change too
        JsonNode live = interServicePart(read(JSON, document));
        Path file = file(service);
        if (Boolean.getBoolean(UPDATE)) {
            write(service, file, live);
            return;
        }
        if (!Files.exists(file)) {
            fail("no contract snapshot " + file + ": write it with -D" + UPDATE + "=true");
        }
        List<String> differences = differences(read(YAML, readString(file)), live);
        if (!differences.isEmpty()) {
            fail(service + "'s inter-service API no longer matches its committed contract " + file.getFileName()
                    + " (each consumer's double is checked against it):\n  " + String.join("\n  ", differences)
                    + "\nIf the change is meant, and its consumers follow, refresh the snapshot with -D" + UPDATE
                    + "=true and commit it.");
        }
    }

    /** The operations tagged inter-service, schemas in place, prose removed, keys sorted. */
    static JsonNode interServicePart(JsonNode openApi) {
        JsonNode schemas = openApi.path("components").path("schemas");
        ObjectNode paths = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> p = openApi.path("paths").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (METHODS.contains(operation.getKey()) && tagged(operation.getValue())) {
                    kept.set(operation.getKey(), clean(operation.getValue(), schemas, new HashSet<>(), false));
                }
            }
            if (!kept.isEmpty()) {
                paths.set(path.getKey(), kept);
            }
        }
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.set("paths", paths);
        return sorted(snapshot);
    }

    private static boolean tagged(JsonNode operation) {
        for (JsonNode tag : operation.path("tags")) {
            if (InterService.TAG.equals(tag.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A copy without prose and with each {@code $ref} replaced by the schema it names. */
    private static JsonNode clean(JsonNode node, JsonNode schemas, Set<String> resolving, boolean propertyNames) {
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(clean(element, schemas, resolving, false)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.has("$ref") && !propertyNames) {
            String ref = node.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (!resolving.add(name)) {
                throw new IllegalStateException("schema " + name + " refers to itself: a recursive schema cannot be "
                        + "written in place; give the contract a flat shape");
            }
            JsonNode schema = schemas.get(name);
            if (schema == null) {
                throw new IllegalStateException("no schema " + name + " for " + ref);
            }
            JsonNode inlined = clean(schema, schemas, resolving, false);
            resolving.remove(name);
            return inlined;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext();) {
            Map.Entry<String, JsonNode> field = f.next();
            // under "properties" the keys are field names (a parcel's "description"), not prose
            if (!propertyNames && PROSE.contains(field.getKey())) {
                continue;
            }
            copy.set(field.getKey(), clean(field.getValue(), schemas, resolving,
                    !propertyNames && field.getKey().equals("properties")));
        }
        return copy;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        fields.forEach(copy::set);
        return copy;
    }

    /** What changed from the committed snapshot to the live one, a line each. */
    static List<String> differences(JsonNode committed, JsonNode live) {
        List<String> differences = new ArrayList<>();
        diff("", committed, live, differences);
        return differences;
    }

    /** One line per difference, named by where it is ({@code paths./shipments.post.responses.201}). */
    private static void diff(String at, JsonNode committed, JsonNode live, List<String> differences) {
        if (committed.isObject() && live.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String where = at.isEmpty() ? name : at + "." + name;
                if (!live.has(name)) {
                    differences.add("- " + where + " (in the snapshot, gone from the live API): " + brief(committed.get(name)));
                } else if (!committed.has(name)) {
                    differences.add("+ " + where + " (new in the live API): " + brief(live.get(name)));
                } else {
                    diff(where, committed.get(name), live.get(name), differences);
                }
            }
        } else if (!committed.equals(live)) {
            differences.add("~ " + at + ": the snapshot says " + brief(committed) + ", the live API " + brief(live));
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void write(String service, Path file, JsonNode snapshot) {
        try {
            Files.createDirectories(file.getParent());
            String header = "# The inter-service part of " + service + "'s OpenAPI (operations tagged "
                    + InterService.TAG + "), its schemas written in place.\n"
                    + "# Checked by " + service + "'s tests against its live /q/openapi; consumers' doubles and REST"
                    + " clients are checked against it.\n"
                    + "# Do not edit: refresh with ./mvnw verify -pl " + service
                    + " -am -Dtest='*ContractTest#interServiceApiMatchesItsCommittedContract' -D" + UPDATE + "=true\n";
            String yaml = header + YAML.writeValueAsString(snapshot);
            if (!read(YAML, yaml).equals(snapshot)) {
                throw new IllegalStateException("the snapshot does not read back as written");
            }
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------ consumer side

    /** A snapshot read already (the platform's own tests). */
    static ContractSnapshot of(String provider, JsonNode snapshot) {
        return new ContractSnapshot(provider, snapshot);
    }

    /** The committed snapshot of a provider ({@code catalog-service}, {@code logistics-service}, ...). */
    public static ContractSnapshot of(String provider) {
        Path file = file(provider);
        if (!Files.exists(file)) {
            fail("no contract snapshot " + file + " of " + provider);
        }
        return new ContractSnapshot(provider, read(YAML, readString(file)));
    }

    /**
     * Checks a consumer's REST client interface: each method's HTTP method and path is an operation
     * of the snapshot, its query parameters are that operation's, the JSON fields of the body it
     * sends exist in the request schema, and the fields of the result it reads exist in the schema
     * of a success answer.
     */
    public ContractSnapshot checkClient(Class<?> client) {
        List<String> problems = new ArrayList<>();
        String base = pathOf(client);
        for (Method method : client.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            String path = join(base, pathOf(method));
            String name = client.getSimpleName() + "." + method.getName() + " (" + verb.toUpperCase() + " " + path + ")";
            JsonNode operation = operation(verb, path);
            if (operation == null) {
                problems.add(name + ": no such operation in " + provider + "'s contract; it has " + operations());
                continue;
            }
            for (Parameter parameter : method.getParameters()) {
                QueryParam query = parameter.getAnnotation(QueryParam.class);
                if (query != null && !hasParameter(operation, "query", query.value())) {
                    problems.add(name + ": no query parameter " + query.value());
                }
                if (isBody(parameter)) {
                    JsonNode schema = operation.path("requestBody").path("content").path("application/json")
                            .path("schema");
                    if (schema.isMissingNode()) {
                        problems.add(name + ": sends a body, the operation takes none");
                    } else {
                        checkType(JSON.getTypeFactory().constructType(parameter.getParameterizedType()), schema,
                                name + " sends ", "", problems, new HashSet<>());
                    }
                }
            }
            Type result = method.getGenericReturnType();
            if (result != void.class && result != Void.class && result != jakarta.ws.rs.core.Response.class) {
                JsonNode schema = successSchema(operation);
                if (schema == null) {
                    problems.add(name + ": reads a result, the operation answers no JSON");
                } else {
                    checkType(JSON.getTypeFactory().constructType(result), schema, name + " reads ", "", problems,
                            new HashSet<>());
                }
            }
        }
        report(client.getSimpleName() + " against " + provider + "'s contract", problems);
        return this;
    }

    /**
     * Checks that every operation a test double serves under {@code mount} (where the test
     * configuration points the consumer's client) is an operation of the snapshot.
     */
    public ContractSnapshot checkDouble(Class<?> testDouble, String mount) {
        List<String> problems = new ArrayList<>();
        String base = pathOf(testDouble);
        if (!base.startsWith(mount)) {
            fail(testDouble.getSimpleName() + " is served at " + base + ", not under " + mount);
        }
        base = base.substring(mount.length());
        int served = 0;
        for (Method method : testDouble.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            served++;
            String path = join(base, pathOf(method));
            if (operation(verb, path) == null) {
                problems.add(testDouble.getSimpleName() + "." + method.getName() + " serves " + verb.toUpperCase() + " "
                        + path + ": no such operation in " + provider + "'s contract; it has " + operations());
            }
        }
        if (served == 0) {
            problems.add(testDouble.getSimpleName() + " serves no operation");
        }
        report(testDouble.getSimpleName() + " against " + provider + "'s contract", problems);
        return this;
    }

    /**
     * A rest-assured filter for calls to a test double mounted at {@code mount}: each answer's status
     * must be one the operation documents, and every JSON field of the request and of the answer
     * must exist in the operation's schemas (problem answers are checked by {@link ProblemShape}).
     */
    public Filter exchanges(String mount) {
        return new Filter() {
            @Override
            public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                    FilterContext context) {
                Response answer = context.next(request, response);
                String path = request.getDerivedPath();
                if (path.startsWith(mount)) {
                    checkExchange(request.getMethod(), path.substring(mount.length()), request.getBody(), answer);
                }
                return answer;
            }
        };
    }

    private void checkExchange(String verb, String path, Object requestBody, Response answer) {
        String name = verb + " " + path + " → " + answer.getStatusCode();
        JsonNode operation = operation(verb.toLowerCase(), path);
        if (operation == null) {
            fail(name + ": no such operation in " + provider + "'s contract; it has " + operations());
        }
        List<String> problems = new ArrayList<>();
        if (requestBody != null) {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            String body = requestBody instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : requestBody.toString();
            checkJson(read(JSON, body), schema, "the request's ", "", problems);
        }
        JsonNode documented = operation.path("responses").path(String.valueOf(answer.getStatusCode()));
        if (documented.isMissingNode()) {
            problems.add("status " + answer.getStatusCode() + " is not one the operation answers ("
                    + String.join(", ", names(operation.path("responses"))) + ")");
        } else {
            String type = answer.getContentType();
            JsonNode schema = documented.path("content").path("application/json").path("schema");
            if (type != null && type.startsWith("application/json") && !answer.asString().isEmpty()) {
                if (schema.isMissingNode() && answer.getStatusCode() < 300) {
                    problems.add("answers JSON where the operation answers none");
                } else if (!schema.isMissingNode()) {
                    checkJson(read(JSON, answer.asString()), schema, "the answer's ", "", problems);
                }
            }
        }
        report(name + " against " + provider + "'s contract", problems);
    }

    // ------------------------------------------------------------ schemas

    /** Every field of a Java type as Jackson (de)serialises it must exist in the schema. */
    private static void checkType(JavaType type, JsonNode schema, String who, String at, List<String> problems,
            Set<JavaType> seen) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            JsonNode items = schema.path("items");
            if (!items.isMissingNode()) {
                checkType(type.getContentType(), items, who, at + "[]", problems, seen);
            } else if (!freeForm(schema)) {
                problems.add(who + (at.isEmpty() ? "a list" : at) + ": the contract has no list there");
            }
            return;
        }
        if (type.isMapLikeType() || type.isPrimitive() || type.isEnumType() || type.getRawClass().getName().startsWith("java.")
                || type.getRawClass() == JsonNode.class || !seen.add(type)) {
            return;
        }
        BeanDescription bean = JSON.getSerializationConfig().introspect(type);
        Map<String, JsonNode> properties = properties(schema);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            String where = at.isEmpty() ? property.getName() : at + "." + property.getName();
            JsonNode field = properties.get(property.getName());
            if (field == null) {
                if (!freeForm(schema)) {
                    problems.add(who + where + ": no such field in the contract (it has " + properties.keySet() + ")");
                }
            } else {
                checkType(property.getPrimaryType(), field, who, where, problems, seen);
            }
        }
        seen.remove(type);
    }

    /** Every member of a JSON value must exist in the schema. */
    private static void checkJson(JsonNode value, JsonNode schema, String who, String at, List<String> problems) {
        if (value.isArray()) {
            JsonNode items = schema.path("items");
            for (JsonNode element : value) {
                if (!items.isMissingNode()) {
                    checkJson(element, items, who, at + "[]", problems);
                }
            }
            return;
        }
        if (!value.isObject() || freeForm(schema)) {
            return;
        }
        Map<String, JsonNode> properties = properties(schema);
        for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext();) {
            Map.Entry<String, JsonNode> member = f.next();
            String where = at.isEmpty() ? member.getKey() : at + "." + member.getKey();
            JsonNode field = properties.get(member.getKey());
            if (field == null) {
                problems.add(who + where + ": no such field in the contract (it has " + properties.keySet() + ")");
            } else {
                checkJson(member.getValue(), field, who, where, problems);
            }
        }
    }

    /** The properties of a schema, including those of its allOf/anyOf/oneOf parts. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new TreeMap<>();
        schema.path("properties").fields().forEachRemaining(f -> properties.put(f.getKey(), f.getValue()));
        for (String part : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(part).forEach(member -> properties.putAll(properties(member)));
        }
        return properties;
    }

    /** A map or an object of any shape: every member is allowed. */
    private static boolean freeForm(JsonNode schema) {
        if (schema.has("additionalProperties") && !schema.get("additionalProperties").equals(JSON.getNodeFactory().booleanNode(false))) {
            return true;
        }
        boolean composed = schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf");
        return !schema.has("properties") && !schema.has("items") && !composed
                && (!schema.has("type") || schema.path("type").asText().equals("object"));
    }

    private static JsonNode successSchema(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> r = operation.path("responses").fields(); r.hasNext();) {
            Map.Entry<String, JsonNode> response = r.next();
            JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
            if (response.getKey().startsWith("2") && !schema.isMissingNode()) {
                return schema;
            }
        }
        return null;
    }

    // ------------------------------------------------------------ paths

    private JsonNode operation(String verb, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> entry = p.next();
            if (matches(entry.getKey(), path) && entry.getValue().has(verb)) {
                return entry.getValue().get(verb);
            }
        }
        return null;
    }

    /** {@code /orders/{id}/shipment-events} matches {@code /orders/{orderId}/shipment-events} and {@code /orders/42/shipment-events}. */
    private static boolean matches(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("\\?")[0].split("/");
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") || actual[i].startsWith("{");
            if (!parameter && !expected[i].equals(actual[i])) {
                return false;
            }
            if (parameter && (expected[i].isEmpty() || actual[i].isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasParameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (in.equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private String operations() {
        List<String> all = new ArrayList<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(verb -> all.add(verb.toUpperCase() + " " + p.getKey())));
        return all.toString();
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement element) {
        jakarta.ws.rs.Path path = element.getAnnotation(jakarta.ws.rs.Path.class);
        return path == null ? "" : path.value();
    }

    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value().toLowerCase();
            }
        }
        return null;
    }

    private static boolean isBody(Parameter parameter) {
        for (Class<? extends Annotation> bound : List.of(PathParam.class, QueryParam.class, HeaderParam.class,
                CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class)) {
            if (parameter.isAnnotationPresent(bound)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------ files

    /** {@code docs/contracts/<service>.yaml} at the root of the repository (the tests run in a module's folder). */
    static Path file(String service) {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !(Files.isDirectory(folder.resolve("docs")) && Files.exists(folder.resolve("pom.xml")))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("no repository root (a folder with pom.xml and docs/) above "
                    + Path.of("").toAbsolutePath());
        }
        return folder.resolve("docs").resolve("contracts").resolve(service + ".yaml");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void report(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
