package th.onecitizen.bff.me;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.authorization.AuthorizationServer;
import th.onecitizen.identity.citizen.CitizenDirectory;
import th.onecitizen.identity.citizen.CitizenProfile;
import th.onecitizen.identity.citizen.IdentityConflictException;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.upstream.IdentityProviders;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * {@code GET /v1/me}: the citizen as the providers asserted them, who said what, and the assurance of the current
 * login; {@code /v1/me/identities}: list, link (through the provider's login) and unlink providers.
 */
@RestController
public final class MeController {

    /** Body of a link request. */
    public record LinkRequest(@NotBlank @Pattern(regexp = "[a-z]{2,20}") String provider) {
    }

    private final CitizenDirectory directory;
    private final R2dbcCitizens citizens;
    private final AuthorizationServer server;
    private final IdentityProviders providers;

    public MeController(CitizenDirectory directory, R2dbcCitizens citizens, AuthorizationServer server,
            IdentityProviders providers) {
        this.directory = directory;
        this.citizens = citizens;
        this.server = server;
        this.providers = providers;
    }

    @GetMapping(path = "/v1/me", produces = "application/json")
    Mono<Map<String, Object>> me() {
        return Callers.citizen().flatMap(c -> directory.profile(c.sub())
                .switchIfEmpty(Mono.error(ProblemException.notFound("The citizen")))
                .map(p -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("sub", p.citizenId());
                    body.put("name_th", p.nameTh());
                    body.put("name_en", p.nameEn());
                    body.put("birthdate", p.birthDate() == null ? null : p.birthDate().toString());
                    body.put("citizen_id_masked", p.maskedCitizenId());
                    Assurance a = Assurance.fromAcr(c.acr()).orElse(Assurance.LOWEST);
                    body.put("assurance", Map.of("acr", a.acr(), "ial", a.ial(), "aal", a.aal(), "idp",
                            String.valueOf(c.idp())));
                    body.put("identities", identities(p));
                    return body;
                }));
    }

    @GetMapping(path = "/v1/me/identities", produces = "application/json")
    Mono<Map<String, Object>> identities() {
        return Callers.citizen().flatMap(c -> directory.profile(c.sub())
                .switchIfEmpty(Mono.error(ProblemException.notFound("The citizen")))
                .map(p -> Map.<String, Object>of("identities", identities(p))));
    }

    @PostMapping(path = "/v1/me/identities", consumes = "application/json", produces = "application/json")
    Mono<ResponseEntity<Map<String, Object>>> link(@Valid @RequestBody LinkRequest request) {
        return Callers.citizen().flatMap(c -> {
            var provider = providers.redirecting(request.provider()).orElseThrow(() -> new ProblemException(
                    CommonError.UNPROCESSABLE, "This provider cannot be linked from here"));
            return server.startUpstream(provider, null, c.sub()).map(uri -> ResponseEntity.status(201)
                    .body(Map.<String, Object>of("provider", provider.name(), "authorization_url", uri.toString())));
        });
    }

    @DeleteMapping("/v1/me/identities/{provider}")
    Mono<ResponseEntity<Void>> unlink(@PathVariable String provider) {
        if (!provider.matches("[a-z]{2,20}")) {
            return Mono.error(ProblemException.notFound("The linked provider"));
        }
        return Callers.citizen().flatMap(c -> citizens.unlink(c.sub(), provider))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()))
                .onErrorMap(IdentityConflictException.class, e -> e.reason().equals("not_linked")
                        ? ProblemException.notFound("The linked provider")
                        : new ProblemException(CommonError.CONFLICT, e.getMessage(), Map.of("reason", e.reason())));
    }

    private static List<Map<String, Object>> identities(CitizenProfile p) {
        return p.sources().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", s.provider());
            m.put("ial", s.ial());
            m.put("aal", s.aal());
            m.put("name_th", s.claims().nameTh());
            m.put("name_en", s.claims().nameEn());
            m.put("birthdate", s.claims().birthDate() == null ? null : s.claims().birthDate().toString());
            m.put("linked_at", s.linkedAt());
            m.put("last_login_at", s.lastLoginAt());
            return m;
        }).toList();
    }
}
