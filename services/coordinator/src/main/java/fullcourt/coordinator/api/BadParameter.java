package fullcourt.coordinator.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A 400 whose body says which parameter is wrong and how to fix it, as {@code {"message": ...}}: a bare
 * {@link BadRequestException} reaches the client with an empty body, and the CLI prints the message.
 */
final class BadParameter extends BadRequestException {

    BadParameter(String message) {
        super(message, Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("message", message)).build());
    }
}
