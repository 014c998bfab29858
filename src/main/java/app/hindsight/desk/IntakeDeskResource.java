package app.hindsight.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Roles;
import app.hindsight.web.Cursor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The desk's intake pages: the sources with how far each is triaged, and a source's transcript with its candidates
 * highlighted in place. Read-only like the rest of the desk; the forms (a new source, a transcript, accept, dismiss)
 * call the API from the desk's scripts with the token a person pastes.
 */
@Path("/desk/sources")
@Produces(MediaType.TEXT_HTML)
public class IntakeDeskResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(IntakeDesk.SourcesPage page);

        static native TemplateInstance intake(IntakeDesk.IntakePage page);
    }

    @Inject
    IntakeDesk desk;

    @GET
    @RolesAllowed(Roles.READER)
    public TemplateInstance sources(@QueryParam("speaker") String speaker, @QueryParam("cursor") String cursor) {
        return Templates.sources(desk.sources(speaker, Cursor.decode(cursor), Cursor::after));
    }

    @GET
    @Path("{key}")
    @RolesAllowed(Roles.READER)
    public TemplateInstance intake(
            @PathParam("key") String key,
            @QueryParam("part") String part,
            @QueryParam("state") String state,
            @QueryParam("candidate") String candidate) {
        return Templates.intake(desk.page(key, part, state, candidate));
    }

    /** A longer path under a source's page: the desk's HTML 404, as for any other path under /desk/. */
    @GET
    @Path("{key}/{more: .+}")
    @RolesAllowed(Roles.READER)
    public RestResponse<String> noSuchPage(@PathParam("key") String key, @PathParam("more") String more) {
        return DeskResource.notFoundPage(new NotFound("page", "/desk/sources/" + key + "/" + more));
    }

    @ServerExceptionMapper
    public RestResponse<String> invalid(InvalidInput e) {
        return DeskResource.invalidPage(e);
    }

    @ServerExceptionMapper
    public RestResponse<String> notFound(NotFound e) {
        return DeskResource.notFoundPage(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<String> unauthorized() {
        return DeskResource.unauthorizedPage();
    }
}
