package fullcourt.coordinator.api;

import fullcourt.coordinator.intake.ApiRequests;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /requests}: a backfill request (the JSON of a BackfillRequest, as published on
 * {@code backfill-requests}) answered in the response: 200 with the plan for a dry run, 201 with the plan when
 * accepted, 400 with every reason when invalid or refused by planning, 409 when its id is a run already.
 */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    ApiRequests requests;

    @POST
    public Response submit(byte[] body) {
        ApiRequests.Answer answer = requests.submit(body);
        Response.Status status = switch (answer.outcome()) {
            case DRY_RUN -> Response.Status.OK;
            case ACCEPTED -> Response.Status.CREATED;
            case REJECTED -> Response.Status.BAD_REQUEST;
            case REFUSED -> Response.Status.CONFLICT;
        };
        return Response.status(status).entity(answer).build();
    }
}
