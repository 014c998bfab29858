package app.hindsight.digest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages the links in the mails open, for people, not part of the API. They need no token: the link's own token
 * is the credential.
 * <ul>
 * <li>Confirming: the GET shows what was asked for and a Confirm button; only its POST confirms. Mail scanners and
 * link previews fetch links with GET, and a GET that confirmed would let them opt in for the person, which is what
 * double opt-in is there to prevent.</li>
 * <li>Unsubscribing: a POST unsubscribes at once, with or without a body (RFC 8058's one-click POST carries
 * {@code List-Unsubscribe=One-Click}; no token, cookie or confirmation is asked for). The GET, which the visible link
 * in every mail opens, shows a page with an Unsubscribe button: RFC 8058 exists because mail software fetches
 * List-Unsubscribe URLs on its own, and a GET that unsubscribed would unsubscribe people who never asked.</li>
 * </ul>
 * The pages load the desk's stylesheet and nothing else, post only to themselves, and are never cached or framed.
 */
@Path("/digest")
@Produces(MediaType.TEXT_HTML)
public class DigestPageResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    static final String CSP =
            "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(SubscriptionView s);

        static native TemplateInstance confirmed(SubscriptionView s);

        static native TemplateInstance unsubscribe(SubscriptionView s);

        static native TemplateInstance unsubscribed(SubscriptionView s);

        static native TemplateInstance invalid(String why);
    }

    @Inject
    Subscriptions subscriptions;

    @GET
    @Path("confirm/{token}")
    public RestResponse<String> confirmation(@PathParam("token") String token) {
        Subscriptions.Link link = subscriptions.confirmation(token);
        return link.state() == Subscriptions.LinkState.VALID
                ? page(RestResponse.Status.OK, Templates.confirm(link.subscription()))
                : invalid(link);
    }

    @POST
    @Path("confirm/{token}")
    public RestResponse<String> confirm(@PathParam("token") String token) {
        Subscriptions.Link link = subscriptions.confirm(token);
        return link.state() == Subscriptions.LinkState.VALID
                ? page(RestResponse.Status.OK, Templates.confirmed(link.subscription()))
                : invalid(link);
    }

    @GET
    @Path("unsubscribe/{token}")
    public RestResponse<String> unsubscription(@PathParam("token") String token) {
        Subscriptions.Link link = subscriptions.unsubscription(token);
        if (link.state() != Subscriptions.LinkState.VALID) {
            return invalid(link);
        }
        return page(
                RestResponse.Status.OK,
                link.subscription().status() == SubscriptionStatus.UNSUBSCRIBED
                        ? Templates.unsubscribed(link.subscription())
                        : Templates.unsubscribe(link.subscription()));
    }

    @POST
    @Path("unsubscribe/{token}")
    public RestResponse<String> unsubscribe(@PathParam("token") String token) {
        Subscriptions.Link link = subscriptions.unsubscribe(token);
        return link.state() == Subscriptions.LinkState.VALID
                ? page(RestResponse.Status.OK, Templates.unsubscribed(link.subscription()))
                : invalid(link);
    }

    private static RestResponse<String> invalid(Subscriptions.Link link) {
        if (link.state() == Subscriptions.LinkState.EXPIRED) {
            return page(
                    RestResponse.Status.GONE,
                    Templates.invalid("The confirmation link has expired, and nothing will be sent. To get the digest, "
                            + "subscribe again."));
        }
        return page(
                RestResponse.Status.NOT_FOUND,
                Templates.invalid("It is not a link Hindsight sent, or it was used already: a confirmation link "
                        + "works once (if you confirmed, your digest is on)."));
    }

    private static RestResponse<String> page(RestResponse.Status status, TemplateInstance page) {
        // Rendered here: a TemplateInstance in a built response goes out as text/html without the charset, and the
        // pages carry names and addresses in UTF-8.
        return RestResponse.ResponseBuilder.create(status, page.render())
                .type(HTML)
                .header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store")
                .build();
    }
}
