package app.hindsight.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import app.hindsight.shared.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Tells the truth about access in the API description. SmallRye puts a bearer requirement and bare "Not
 * Authorized" / "Not Allowed" responses on every {@code @RolesAllowed} operation, so Swagger UI shows a lock
 * on reads that anonymous callers may make. Operations that only need the reader role lose the requirement
 * and the 403 (every token reads); their 401 says when it happens. Elsewhere the 401 and 403 get a real
 * description and the problem document. Endpoints do not declare their 401 and 403: this filter writes them from
 * {@code @RolesAllowed}, the same way everywhere. Responses an operation documents itself are left alone.
 */
// At startup, on the document the build made: the requirements are added during the build. Priority 5: the first of
// the filters, so that OpenApiErrors treats the 401 and 403 it writes like any other error.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 5)
public class OpenApiAccessFilter implements OASFilter {

    static final String SCHEME = "bearer";
    static final String GENERATED_401 = "Not Authorized";
    static final String GENERATED_403 = "Not Allowed";

    @Override
    public Operation filterOperation(Operation operation) {
        List<String> roles = requiredRoles(operation);
        APIResponses responses = operation.getResponses();
        if (roles == null || responses == null) {
            return operation;
        }
        boolean readOnly = roles.equals(List.of(Roles.READER));
        if (readOnly) {
            operation.setSecurity(null);
            if (isGenerated(responses.getAPIResponse("403"), GENERATED_403)) {
                responses.removeAPIResponse("403");
            }
        }
        if (isGenerated(responses.getAPIResponse("401"), GENERATED_401)) {
            responses.addAPIResponse(
                    "401",
                    problem(
                            readOnly
                                    ? "A bad or revoked token; or no token while the server does not allow anonymous reads "
                                            + "(hindsight.auth.anonymous-read=false)"
                                    : "No token, or a bad or revoked one"));
        }
        if (roles.isEmpty() && isGenerated(responses.getAPIResponse("403"), GENERATED_403)) {
            // @Authenticated: every valid token may, whatever its roles, so there is no 403.
            responses.removeAPIResponse("403");
        }
        if (isGenerated(responses.getAPIResponse("403"), GENERATED_403)) {
            responses.addAPIResponse("403", problem(forbidden(roles)));
        }
        return operation;
    }

    private static String forbidden(List<String> roles) {
        if (roles.equals(List.of(Roles.ADMIN))) {
            return "Not an admin token";
        }
        String lacks = roles.size() == 1
                ? "The token lacks the " + roles.get(0) + " role"
                : "The token has none of the roles " + String.join(", ", roles);
        return roles.contains(Roles.ADMIN) ? lacks : lacks + " (an admin token has every role)";
    }

    /** The roles of the operation's one bearer requirement, or null when it has none or several. */
    private static List<String> requiredRoles(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.size() != 1) {
            return null;
        }
        Map<String, List<String>> schemes = security.get(0).getSchemes();
        return schemes.size() == 1 ? schemes.get(SCHEME) : null;
    }

    private static boolean isGenerated(APIResponse response, String description) {
        return response != null && description.equals(response.getDescription()) && response.getContent() == null;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
