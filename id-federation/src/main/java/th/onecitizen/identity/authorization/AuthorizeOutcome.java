package th.onecitizen.identity.authorization;

import java.net.URI;
import java.util.List;

/**
 * What the authorization endpoint answers: an error page, a redirect, the chooser, the NDID citizen-ID form, a page that
 * leaves for the app, or the NDID waiting page.
 */
public sealed interface AuthorizeOutcome {

    /** An error shown to the user without redirecting (unknown client, unregistered redirect URI, bad state). */
    record ErrorPage(int status, String message) implements AuthorizeOutcome {
    }

    /** A redirect (to the provider, or back to the app with a code or an error carrying {@code iss}). */
    record Redirect(URI location) implements AuthorizeOutcome {
    }

    /** The provider chooser: the providers able to reach the requested assurance. */
    record Chooser(AuthorizationRequest request, List<String> providers) implements AuthorizeOutcome {
    }

    /** NDID needs the citizen ID: a form asking for it (again, when {@code invalid}). */
    record AskCitizenId(AuthorizationRequest request, boolean invalid) implements AuthorizeOutcome {
    }

    /**
     * A page that sends the browser on to {@code location} by itself (a refresh and a link): how our own form's answer
     * leaves this origin, which a redirect after a form submission may not ({@link AuthorizationServer#afterForm}).
     */
    record Leave(URI location) implements AuthorizeOutcome {
    }

    /** The NDID waiting page for a pending decoupled login. */
    record Waiting(String transactionId, String locale) implements AuthorizeOutcome {
    }
}
