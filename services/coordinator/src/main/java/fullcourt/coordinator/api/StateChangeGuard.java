package fullcourt.coordinator.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Set;

/**
 * Lets a state-changing call (POST, PUT, PATCH, DELETE) through only with a JSON body and the
 * {@value #HEADER} header. A web page on another origin can send a "simple" request (a form, or
 * fetch with {@code text/plain}) without asking the browser's permission first; a custom header or
 * {@code application/json} makes the browser ask (a CORS preflight), which this API never grants.
 * So no page a user happens to visit can cancel or replay a run through the loopback API.
 */
@Provider
public class StateChangeGuard implements ContainerRequestFilter {

    /** The header every state-changing call must carry, with any non-blank value (the CLI sends {@code cli}). */
    public static final String HEADER = "X-Fullcourt-Client";

    private static final Set<String> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, "PATCH", HttpMethod.DELETE);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!CHANGING.contains(request.getMethod())) {
            return;
        }
        String client = request.getHeaderString(HEADER);
        if (client == null || client.isBlank()) {
            request.abortWith(refusal(Response.Status.FORBIDDEN, request.getMethod() + " changes state: send the "
                    + HEADER + " header (any value, e.g. " + HEADER + ": cli) with a JSON body"));
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && "application".equalsIgnoreCase(type.getType())
                && "json".equalsIgnoreCase(type.getSubtype());
        if (!json) {
            request.abortWith(refusal(Response.Status.UNSUPPORTED_MEDIA_TYPE, request.getMethod()
                    + " changes state: its body must be JSON (Content-Type: application/json, e.g. {}), got "
                    + (type == null ? "none" : type.getType() + "/" + type.getSubtype())));
        }
    }

    private static Response refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
    }
}
