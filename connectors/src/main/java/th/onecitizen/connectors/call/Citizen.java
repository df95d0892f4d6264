package th.onecitizen.connectors.call;

import java.util.Objects;
import th.onecitizen.registry.service.Assurance;

/**
 * The signed-in citizen as the connector layer knows them: an opaque reference (never a citizen ID) and the
 * assurance of the current login.
 *
 * @param subjectRef the citizen's opaque id
 * @param assurance  the login's assurance, or null when the token named none on the Thai scale
 */
public record Citizen(String subjectRef, Assurance assurance) {

    public Citizen {
        Objects.requireNonNull(subjectRef, "subjectRef");
    }
}
