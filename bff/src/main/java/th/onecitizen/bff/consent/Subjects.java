package th.onecitizen.bff.consent;

import java.util.Set;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.bff.security.CitizenPrincipal;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/** The calling citizen's opaque subject reference, and the paging bounds the citizen endpoints share. */
public final class Subjects {

    static final int MAX_PAGE_SIZE = 100;

    private Subjects() {
    }

    /**
     * The calling citizen's opaque id (the token's {@code sub}); a client acting for itself (client credentials)
     * has no citizen and gets a 403 problem.
     */
    static Mono<String> citizen() {
        return Callers.citizen().map(CitizenPrincipal::sub);
    }

    /** A page number within bounds, or a 400 problem. */
    public static int page(int page) {
        if (page < 0 || page > 100_000) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "page must be between 0 and 100000");
        }
        return page;
    }

    /** A page size within bounds, or a 400 problem. */
    public static int size(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "size must be between 1 and 100");
        }
        return size;
    }

    static String state(String state) {
        if (!Set.of("given", "withdrawn").contains(state)) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "state must be given or withdrawn");
        }
        return state;
    }
}
