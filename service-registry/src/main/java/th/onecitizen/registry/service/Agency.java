package th.onecitizen.registry.service;

import java.util.Objects;

/**
 * A government agency that offers services.
 *
 * @param id   stable short id ({@code dopa}, {@code rd})
 * @param name Thai and English name
 */
public record Agency(String id, LocalizedText name) {

    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
