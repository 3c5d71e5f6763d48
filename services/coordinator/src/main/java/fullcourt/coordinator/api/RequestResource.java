package fullcourt.coordinator.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    ApiRequests requests;

    @POST
    @Operation(summary = "Start (or preview) a backfill request",
            description = "The JSON of a BackfillRequest, as `fullcourt request` publishes it; with \"dryRun\": true,"
                    + " only its plan. Needs the X-Fullcourt-Client header, as every state change.")
    @RequestBody(description = "A BackfillRequest", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "preview", value = ApiExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "A dry run: the plan, nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "dry run", value = ApiExamples.REQUEST_ANSWER)))
    @APIResponse(responseCode = "201", description = "Accepted: the run is recorded and dispatched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "accepted", value = ApiExamples.REQUEST_ANSWER)))
    @APIResponse(responseCode = "400", description = "Invalid, or refused by planning: every reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = ApiExamples.BAD_BODY)))
    @APIResponse(responseCode = "409", description = "Its request id is a run already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "409", value = ApiExamples.REFUSED)))
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
