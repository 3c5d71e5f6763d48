package fullcourt.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a JSON object's fields against what a message expects, collecting every problem instead of stopping at the
 * first, so that a sender fixes a message in one round trip.
 */
final class JsonShape {

    /** What a field holds: the phrase used after "expected", and a reader returning null when a node does not fit. */
    record Kind<T>(String expectation, Function<JsonNode, T> read) {
    }

    // Processor names double as table names and metric labels, hence the conservative identifier syntax.
    static final java.util.regex.Pattern PROCESSOR_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

    static final Kind<String> TEXT = new Kind<>("a string", n -> n.isTextual() ? n.textValue() : null);
    static final Kind<Integer> INTEGER = new Kind<>("an integer",
            n -> n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null);
    static final Kind<Long> LONG = new Kind<>("an integer",
            n -> n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : null);
    static final Kind<Long> NON_NEGATIVE_LONG = new Kind<>("an integer >= 0",
            n -> n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0 ? n.longValue() : null);
    static final Kind<Boolean> BOOLEAN = new Kind<>("true or false", n -> n.isBoolean() ? n.booleanValue() : null);
    static final Kind<LocalDate> DATE = new Kind<>("a date like 2022-01-31 in " + SaneValues.DATE_RANGE,
            n -> sane(readDate(n)));
    // the range of a request's dates is checked once resolved (BackfillRequestValidator), with its own reason
    static final Kind<DateRef> DATE_REF = new Kind<>(DateRef.EXPECTATION,
            n -> n.isTextual() ? DateRef.parse(n.textValue()).orElse(null) : null);
    static final Kind<Instant> INSTANT = new Kind<>("an instant like 2022-01-31T18:30:00Z in "
            + SaneValues.DATE_RANGE, n -> {
                Instant at = readInstant(n);
                return at != null && SaneValues.instantProblem(at).isEmpty() ? at : null;
            });
    /** An identifier (run, task, token): see {@link SaneValues#idProblem}. */
    static final Kind<String> ID = new Kind<>("an identifier: 1.." + SaneValues.MAX_ID_CHARS
            + " printable ASCII characters, no spaces, not . or ..",
            n -> n.isTextual() && SaneValues.idProblem(n.textValue()).isEmpty() ? n.textValue() : null);
    /** A processor name: a lowercase letter, then up to 63 lowercase letters, digits or _. */
    static final Kind<String> PROCESSOR = new Kind<>("a processor name (a lowercase letter, then up to 63 lowercase"
            + " letters, digits or _)", n -> n.isTextual() && PROCESSOR_NAME.matcher(n.textValue()).matches()
            ? n.textValue() : null);

    private static LocalDate sane(LocalDate date) {
        return date != null && SaneValues.dateProblem(date).isEmpty() ? date : null;
    }


    /** An integer in lo..hi inclusive. */
    static Kind<Integer> integerIn(int lo, int hi) {
        return new Kind<>("an integer " + lo + ".." + hi, n -> {
            Integer value = INTEGER.read().apply(n);
            return value != null && value >= lo && value <= hi ? value : null;
        });
    }

    /** A string that {@code find} recognises, such as an enum's wire name. */
    static <T> Kind<T> textAs(String expectation, Function<String, Optional<T>> find) {
        return new Kind<>(expectation, n -> n.isTextual() ? find.apply(n.textValue()).orElse(null) : null);
    }

    /** One of an enum's constant names, exactly as declared. */
    static <E extends Enum<E>> Kind<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return new Kind<>("one of " + names, n -> n.isTextual()
                ? Arrays.stream(constants).filter(c -> c.name().equals(n.textValue())).findFirst().orElse(null)
                : null);
    }

    private final JsonNode body;
    private final String path;
    private final List<String> problems;

    JsonShape(JsonNode body) {
        this(body, "", new ArrayList<>());
    }

    private JsonShape(JsonNode body, String path, List<String> problems) {
        this.body = body;
        this.path = path;
        this.problems = problems;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(String field, String text) {
        problems.add(name(field) + ": " + text);
    }

    /** The field's value, or null with a "required" problem when absent or JSON null. */
    <T> T required(String field, Kind<T> kind) {
        JsonNode node = present(field);
        if (node == null) {
            problem(field, "required");
            return null;
        }
        return read(field, node, kind);
    }

    /** The field's value, or null when absent, JSON null, or of the wrong kind (which is a problem). */
    <T> T optional(String field, Kind<T> kind) {
        JsonNode node = present(field);
        return node == null ? null : read(field, node, kind);
    }

    /** Checks an optional list field element by element; the elements that fit, in order. */
    <T> List<T> list(String field, Kind<T> kind) {
        JsonNode node = present(field);
        List<T> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            expected(name(field), "a list", node);
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            T value = read(field + "[" + i + "]", node.get(i), kind);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * Checks a required list field of 1..{@code maxSize} elements, element by element; the elements that fit, in
     * order (empty when absent, not a list, or of the wrong size, each of which is a problem).
     */
    <T> List<T> requiredList(String field, Kind<T> kind, int maxSize) {
        JsonNode node = present(field);
        if (node == null) {
            problem(field, "required");
            return new ArrayList<>();
        }
        if (node.isArray() && (node.isEmpty() || node.size() > maxSize)) {
            problem(field, "expected 1.." + maxSize + " entries, got " + node.size());
            return new ArrayList<>();
        }
        return list(field, kind);
    }

    /** Checks an optional object field whose values are all strings. */
    void textMap(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            expected(name(field), "an object of string values", node);
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                expected(name(field) + "[" + Shown.quoted(entry.getKey()) + "]", "a string", entry.getValue());
            }
        }
    }

    /** Checks an optional nested object with its own fields, reported as {@code field.inner}. */
    void object(String field, Consumer<JsonShape> fields) {
        JsonNode node = present(field);
        if (node != null) {
            object(field, node, fields);
        }
    }

    /** Like {@link #object}, with a "required" problem when absent. */
    void requiredObject(String field, Consumer<JsonShape> fields) {
        JsonNode node = present(field);
        if (node == null) {
            problem(field, "required");
        } else {
            object(field, node, fields);
        }
    }

    private void object(String field, JsonNode node, Consumer<JsonShape> fields) {
        if (!node.isObject()) {
            expected(name(field), "an object", node);
            return;
        }
        fields.accept(new JsonShape(node, name(field), problems));
    }

    private JsonNode present(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private <T> T read(String field, JsonNode node, Kind<T> kind) {
        T value = kind.read().apply(node);
        if (value == null) {
            expected(name(field), kind.expectation(), node);
        }
        return value;
    }

    private void expected(String qualifiedField, String expectation, JsonNode got) {
        problems.add(qualifiedField + ": expected " + expectation + ", got " + Shown.json(got));
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static LocalDate readDate(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.textValue()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant readInstant(JsonNode node) {
        try {
            return node.isTextual() ? DateTimeFormatter.ISO_INSTANT.parse(node.textValue(), Instant::from) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
