package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** Which query parameters a resource method takes, read from its annotations, without Quarkus. */
class QueryParameterNamesTest {

    public static class Paging {
        @QueryParam("limit")
        String limit;

        @QueryParam("cursor")
        String cursor;
    }

    public static class Filters {
        @QueryParam("sort")
        String sort;

        @BeanParam
        Paging paging;
    }

    public static class Resource {
        @GET
        @Parameter(name = "status", in = ParameterIn.QUERY)
        @Parameter(name = "X-Trace", in = ParameterIn.HEADER)
        public String list(@BeanParam Filters filters) {
            return "";
        }

        @GET
        @Produces("text/csv")
        public String export(@QueryParam("columns") String columns) {
            return "";
        }

        @POST
        public String create(@QueryParam("dryRun") String dryRun) {
            return "";
        }

        @GET
        @Path("{id}")
        public String one(@QueryParam("expand") String expand) {
            return "";
        }
    }

    @Test
    void beanParamsNestedOpenApiQueryParametersAndSiblingsOfTheSameVerbAndPathCount() throws Exception {
        assertEquals(
                Set.of("columns", "cursor", "limit", "sort", "status"),
                QueryParameterNames.of(Resource.class, Resource.class.getMethod("list", Filters.class)));
        assertEquals(
                Set.of("dryRun"),
                QueryParameterNames.of(Resource.class, Resource.class.getMethod("create", String.class)));
        assertEquals(
                Set.of("expand"),
                QueryParameterNames.of(Resource.class, Resource.class.getMethod("one", String.class)));
    }

    @Test
    void aNearNameIsSuggestedAndAFarOneIsNot() {
        Set<String> accepted = Set.of("dueBefore", "limit", "speaker");
        assertEquals(
                "unknown query parameter; did you mean 'dueBefore'?",
                QueryParameterNames.refusal(List.of("duebefore"), accepted)
                        .errors()
                        .get(0)
                        .message());
        assertEquals(
                "unknown query parameter",
                QueryParameterNames.refusal(List.of("colour"), accepted)
                        .errors()
                        .get(0)
                        .message());
        assertEquals(1, app.hindsight.text.EditDistance.between("speakr", "speaker"));
    }
}
