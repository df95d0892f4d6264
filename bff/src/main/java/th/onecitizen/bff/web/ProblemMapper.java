package th.onecitizen.bff.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ErrorCode;
import th.onecitizen.platform.error.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where a failure becomes a problem document. Known failures keep their code; anything else is an
 * internal error whose detail says nothing about the cause (it is logged with the trace id instead).
 */
@Component
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** Maps any throwable to the problem the client sees. */
    public Problem toProblem(Throwable error) {
        if (error instanceof ProblemException p) {
            return problem(p.error(), p.getMessage(), p.properties(), p.headers());
        }
        if (error instanceof WebExchangeBindException bind) {
            List<Map<String, String>> errors = bind.getFieldErrors().stream().map(ProblemMapper::fieldError)
                    .collect(Collectors.toList());
            bind.getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                    "message", String.valueOf(g.getDefaultMessage()))));
            return problem(CommonError.VALIDATION_FAILED, "One or more fields are invalid", Map.of("errors", errors),
                    Map.of());
        }
        if (error instanceof DataBufferLimitException || error instanceof PayloadTooLargeException
                || hasCause(error, DataBufferLimitException.class)) {
            return problem(CommonError.PAYLOAD_TOO_LARGE, "The request body exceeds the limit", Map.of(), Map.of());
        }
        if (error instanceof UnsupportedMediaTypeStatusException media) {
            String type = media.getContentType() == null ? "none" : media.getContentType().toString();
            return problem(CommonError.UNSUPPORTED_MEDIA_TYPE, "Content type " + printable(type)
                    + " is not supported here; send application/json", Map.of(), Map.of());
        }
        if (error instanceof MethodNotAllowedException method) {
            String allow = method.getSupportedMethods().stream().map(HttpMethod::name).sorted()
                    .collect(Collectors.joining(", "));
            return problem(CommonError.METHOD_NOT_ALLOWED, "Method " + method.getHttpMethod()
                    + " is not allowed here", Map.of(), allow.isEmpty() ? Map.of() : Map.of("Allow", allow));
        }
        if (error instanceof NotAcceptableStatusException) {
            return problem(CommonError.NOT_ACCEPTABLE, "This resource is available as application/json", Map.of(),
                    Map.of());
        }
        if (error instanceof MissingRequestValueException missing) {
            return problem(CommonError.INVALID_PARAMETER, "Required " + missing.getLabel() + " '"
                    + missing.getName() + "' is missing", Map.of(), Map.of());
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof ResponseStatusException status) {
            return statusProblem(status);
        }
        log.error("Unhandled failure", error);
        return problem(CommonError.INTERNAL_ERROR, "The request could not be completed; quote the trace id",
                Map.of(), Map.of());
    }

    private Problem inputProblem(ServerWebInputException input) {
        Throwable cause = input.getCause();
        if (hasCause(input, DataBufferLimitException.class)) {
            return problem(CommonError.PAYLOAD_TOO_LARGE, "The request body exceeds the limit", Map.of(), Map.of());
        }
        UnrecognizedPropertyException unknown = findCause(input, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return problem(CommonError.UNKNOWN_FIELD, "Field '" + printable(unknown.getPropertyName())
                    + "' is not accepted here", Map.of("field", printable(unknown.getPropertyName())), Map.of());
        }
        if (findCause(input, StreamConstraintsException.class) != null) {
            return problem(CommonError.MALFORMED_JSON, "The JSON document exceeds a nesting, length or number limit",
                    Map.of(), Map.of());
        }
        MismatchedInputException mismatch = findCause(input, MismatchedInputException.class);
        if (mismatch != null) {
            String path = mismatch.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            return problem(CommonError.VALIDATION_FAILED, path.isEmpty() ? "The body has the wrong shape"
                    : "Field '" + printable(path) + "' has the wrong type or is missing",
                    path.isEmpty() ? Map.of() : Map.of("field", printable(path)), Map.of());
        }
        if (findCause(input, JacksonException.class) != null || cause instanceof CodecException) {
            return problem(CommonError.MALFORMED_JSON, "The request body is not well-formed JSON", Map.of(),
                    Map.of());
        }
        if (input.getReason() != null && input.getReason().contains("body is missing")) {
            return problem(CommonError.BAD_REQUEST, "A request body is required", Map.of(), Map.of());
        }
        return problem(CommonError.INVALID_PARAMETER, "A request parameter is invalid", Map.of(), Map.of());
    }

    private Problem statusProblem(ResponseStatusException status) {
        int code = status.getStatusCode().value();
        for (CommonError e : CommonError.values()) {
            if (e.status() == code && e != CommonError.UNKNOWN_FIELD && e != CommonError.MALFORMED_JSON
                    && e != CommonError.INVALID_PARAMETER && e != CommonError.VALIDATION_FAILED
                    && e != CommonError.INVALID_TOKEN && e != CommonError.IDEMPOTENCY_KEY_REUSED) {
                String detail = code == 404 ? "No resource at this path" : e.title();
                return problem(e, detail, Map.of(), Map.of());
            }
        }
        if (code >= 500) {
            log.error("Failure with status {}", code, status);
            return problem(CommonError.INTERNAL_ERROR, "The request could not be completed; quote the trace id",
                    Map.of(), Map.of());
        }
        return new Problem(code, "http_" + code, status.getStatusCode().toString(), "The request was refused",
                Map.of(), Map.of());
    }

    private static Problem problem(ErrorCode code, String detail, Map<String, ?> properties,
            Map<String, String> headers) {
        return new Problem(code.status(), code.code(), code.title(), detail, new LinkedHashMap<>(properties),
                headers);
    }

    private static Map<String, String> fieldError(FieldError f) {
        return Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return findCause(t, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** Caller-supplied text echoed in a detail: short, printable, never a control or bidi character. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    }
}
