package th.onecitizen.bff.security;

import java.util.Map;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import th.onecitizen.bff.web.ProblemWebExceptionHandler;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ErrorCode;
import th.onecitizen.platform.error.ProblemException;

/** Writes authentication and authorization failures as problem details through the one problem writer. */
public final class ProblemSecurityHandlers {

    private final ProblemWebExceptionHandler writer;
    private final Map<String, String> challengeHeaders;
    private final ErrorCode unauthenticated;

    public ProblemSecurityHandlers(ProblemWebExceptionHandler writer, Map<String, String> challengeHeaders,
            ErrorCode unauthenticated) {
        this.writer = writer;
        this.challengeHeaders = Map.copyOf(challengeHeaders);
        this.unauthenticated = unauthenticated;
    }

    /** 401 with a Bearer challenge (RFC 6750) and a problem body. */
    public ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            challengeHeaders.forEach(exchange.getResponse().getHeaders()::set);
            return writer.handle(exchange, new ProblemException(unauthenticated,
                    "A valid access token is required"));
        };
    }

    /** 403 with a problem body. */
    public ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> writer.handle(exchange, new ProblemException(CommonError.FORBIDDEN,
                "The caller may not do this"));
    }
}
