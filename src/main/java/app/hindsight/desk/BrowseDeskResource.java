package app.hindsight.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.PredictionResource;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.store.PredictionFilter;
import app.hindsight.prediction.store.PredictionOrder;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.shared.DomainException;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Roles;
import app.hindsight.web.ApiException;
import app.hindsight.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The desk's browse and search page, /desk/predictions: the API list's filters and orders as a form, a page of the
 * matches at a time, each leading to the prediction's page (/desk/predictions/{key}, on {@link DeskResource}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BrowseDeskResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance predictions(PredictionBrowser.BrowsePage page);
    }

    @Inject
    HindsightConfig config;

    @Inject
    PredictionQueries queries;

    @Inject
    PredictionBrowser browser;

    // The class's path is the root, as DeskResource's: a class on /desk/predictions would hide the prediction pages
    // under it, /desk/predictions/{key}, which DeskResource serves.
    @GET
    @Path("desk/predictions")
    @RolesAllowed(Roles.READER)
    public TemplateInstance browse(
            @QueryParam("speaker") String speaker,
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("topic") String topic,
            @QueryParam("source") String source,
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("hasMetric") String hasMetric,
            @QueryParam("cursor") String cursor,
            @QueryParam("back") String back) {
        var filters = new PredictionBrowser.Filters(speaker, status, kind, topic, source, q, sort, hasMetric);
        Page<PredictionView> page = PredictionResource.page(
                queries,
                PredictionFilter.parse(filters.asQuery(), config.zone()),
                PredictionOrder.parse(sort),
                cursor,
                Page.DEFAULT_LIMIT);
        return Templates.predictions(browser.page(filters, page.items(), cursor, page.nextCursor(), back));
    }

    @ServerExceptionMapper
    public RestResponse<String> invalid(InvalidInput e) {
        return DeskResource.invalidPage(e);
    }

    /** A cursor typed in, or a search the list refuses (too costly, too slow): the page says why, in HTML. */
    @ServerExceptionMapper({ApiException.class, DomainException.class})
    public RestResponse<String> refused(RuntimeException e) {
        int status = e instanceof ApiException api ? api.status() : ((DomainException) e).status();
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.fromStatusCode(status),
                        DeskResource.Templates.invalid(e.getMessage()).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
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
