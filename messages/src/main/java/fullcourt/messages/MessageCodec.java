package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** JSON encoding of the messages, and decoding that reports every problem of a body at once. */
public final class MessageCodec {

    /** Bodies above this are refused unread; our messages are a few hundred bytes, a plan text a few kilobytes. */
    public static final int MAX_BYTES = 65_536;

    // Room for Jackson's description of a syntax error, which quotes the offending token.
    private static final int MAX_PARSER_MESSAGE_CHARS = 300;

    private static final Pattern SOURCE_POSITION =
            Pattern.compile("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A body is one JSON object; trailing garbage or a repeated key means the sender is not who we think.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();

    private static final Map<Class<?>, Consumer<JsonShape>> SHAPES = Map.of(
            BackfillRequest.class, BackfillRequest::checkShape,
            DateWork.class, DateWork::checkShape,
            TaskEvent.class, TaskEvent::checkShape,
            RunEvent.class, RunEvent::checkShape,
            RawUpdate.class, RawUpdate::checkShape);

    private MessageCodec() {
    }

    /** The message as UTF-8 JSON, map keys sorted, whatever its size: for hashing a message's content. */
    static byte[] json(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The message as UTF-8 JSON; refuses a body that {@link #decode} would refuse for its size. */
    public static byte[] encode(Object message) {
        byte[] json = json(message);
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + ": " + tooLarge(json.length));
        }
        return json;
    }

    /**
     * The message of {@code type} in {@code json}, one of {@link BackfillRequest}, {@link DateWork},
     * {@link TaskEvent}, {@link RunEvent}, {@link RawUpdate}. Unknown fields are ignored.
     *
     * @throws InvalidMessageException listing every problem found, each naming its field
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        Consumer<JsonShape> shape = SHAPES.get(type);
        if (shape == null) {
            throw new IllegalArgumentException(type.getName() + " is not a message; messages are BackfillRequest,"
                    + " DateWork, TaskEvent, RunEvent and RawUpdate");
        }
        JsonNode body = parse(json);
        JsonShape checked = new JsonShape(body);
        Integer version = checked.required("schemaVersion", JsonShape.INTEGER);
        // Under another schema version the other fields may mean something else: checking them would mislead.
        if (version != null && version != SchemaVersions.CURRENT) {
            throw invalid("schemaVersion: unsupported " + version
                    + " (this build reads " + SchemaVersions.CURRENT + ")");
        }
        shape.accept(checked);
        if (!checked.problems().isEmpty()) {
            throw new InvalidMessageException(checked.problems());
        }
        try {
            return MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Reached only if a shape check lets through what Jackson refuses: a bug here, reported, not thrown raw.
            throw invalid("body: " + Shown.printable(String.valueOf(e.getMessage()), MAX_PARSER_MESSAGE_CHARS));
        }
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw invalid("body: empty");
        }
        if (json.length > MAX_BYTES) {
            throw invalid("body: " + tooLarge(json.length));
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw invalid("body: not JSON (" + Shown.printable(withoutSource(e.getOriginalMessage()),
                    MAX_PARSER_MESSAGE_CHARS) + where + ")");
        } catch (IOException e) {
            throw invalid("body: not JSON (" + e.getMessage() + ")");
        }
        if (body == null || body.isMissingNode()) {
            throw invalid("body: empty");
        }
        if (!body.isObject()) {
            throw invalid("body: expected a JSON object, got " + Shown.json(body));
        }
        return body;
    }

    // Jackson names positions inside a message as "[Source: REDACTED (...); line: 1, column: 1]", noise to a sender.
    private static String withoutSource(String parserMessage) {
        return SOURCE_POSITION.matcher(parserMessage).replaceAll("line $1 column $2");
    }

    private static String tooLarge(int bytes) {
        return bytes + " bytes exceeds the " + MAX_BYTES + "-byte limit";
    }

    private static InvalidMessageException invalid(String problem) {
        return new InvalidMessageException(List.of(problem));
    }
}
