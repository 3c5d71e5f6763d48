package fullcourt.coordinator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal of the API as {@code {"message": ...}} with the reason, as {@link BadParameter} does: a 404 of an
 * unknown run or task, a 405, a request body that is not the expected JSON (400, naming the field). The CLI and the
 * dashboard print the message.
 */
public class ApiErrors {

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        // a body the JSON reader could not read arrives wrapped in a bare 400
        if (e.getCause() instanceof MismatchedInputException m) {
            return mismatched(m);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return unreadable(j);
        }
        return message(response.getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Class<?> type = e.getTargetType();
        String expected = type == LocalDate.class ? "a date YYYY-MM-DD" : type == null ? "another type"
                : type.getSimpleName();
        String got = e instanceof InvalidFormatException f ? ", got '" + f.getValue() + "'" : "";
        return message(400, "body" + (field.isEmpty() ? "" : " " + field) + ": expected " + expected + got);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return message(400, "body: not valid JSON: " + e.getOriginalMessage());
    }

    private static Response message(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
    }
}
