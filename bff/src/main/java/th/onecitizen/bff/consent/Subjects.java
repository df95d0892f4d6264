package th.onecitizen.bff.consent;

import java.util.Set;
import org.springframework.security.core.Authentication;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/** The caller's opaque subject reference, and the paging bounds the citizen endpoints share. */
final class Subjects {

    static final int MAX_PAGE_SIZE = 100;

    private Subjects() {
    }

    /** The authenticated citizen's opaque id (the token's {@code sub}). */
    static String of(Authentication auth) {
        if (auth == null || auth.getName() == null || auth.getName().isBlank()) {
            throw new ProblemException(CommonError.UNAUTHORIZED, "A citizen's access token is required");
        }
        return auth.getName();
    }

    static int page(int page) {
        if (page < 0 || page > 100_000) {
            throw new ProblemException(CommonError.INVALID_PARAMETER, "page must be between 0 and 100000");
        }
        return page;
    }

    static int size(int size) {
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
