package app.hindsight.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.hindsight.HindsightConfig;

/**
 * A query parameter the API operation does not take is refused (400) instead of ignored: {@code ?speakr=x} would
 * otherwise answer 200 with the unfiltered list, which looks like an answer. Bodies refuse unknown fields the same
 * way (json.StrictJson). hindsight.api.unknown-query-parameters=ignore turns this off for old clients.
 *
 * <p>Only /api/ is checked: the desk's pages and the digest's links are for people in a browser, who are better
 * served by the page than by a problem document about a stray parameter in a bookmark.
 */
public class UnknownQueryParameters {

    @Inject
    HindsightConfig config;

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (config.api().unknownQueryParameters() == HindsightConfig.Api.UnknownQueryParameters.IGNORE
                || resource == null
                || resource.getResourceMethod() == null
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        Method method = resource.getResourceMethod();
        Set<String> known =
                accepted.computeIfAbsent(method, m -> QueryParameterNames.of(resource.getResourceClass(), m));
        List<String> unknown = sent.stream()
                .filter(name -> !name.isBlank() && !known.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw QueryParameterNames.refusal(unknown, known);
        }
    }
}
