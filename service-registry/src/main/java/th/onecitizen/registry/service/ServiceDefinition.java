package th.onecitizen.registry.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered government service at one version: what it is, who owns it, what it needs from the citizen, its
 * operations and its connector.
 *
 * @param id           stable id ({@code <agency>.<slug>})
 * @param agencyId     the owning agency
 * @param version      increases on every change
 * @param status       the lifecycle state
 * @param content      the agency-editable content
 * @param changeSeq    the registry-wide change sequence of this version (orders changes for catalogue refresh)
 * @param updatedAt    when this version was written
 */
public record ServiceDefinition(String id, String agencyId, int version, ServiceStatus status, ServiceContent content,
        long changeSeq, Instant updatedAt) {

    public ServiceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The operation with this id. */
    public Optional<Operation> operation(String operationId) {
        return content.operations().stream().filter(o -> o.id().equals(operationId)).findFirst();
    }

    /**
     * What an agency edits: names, classification, the assurance needed, operations and connector.
     *
     * @param name         Thai and English name
     * @param description  Thai and English description
     * @param category     the catalogue category ({@code civil_registration}, {@code tax}, ...)
     * @param tags         free search tags
     * @param minAssurance the least assurance a citizen needs to call any operation
     * @param operations   the operations
     * @param connector    the connector spec
     */
    public record ServiceContent(LocalizedText name, LocalizedText description, String category, Set<String> tags,
            Assurance minAssurance, List<Operation> operations, ConnectorSpec connector) {

        public ServiceContent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
            tags = Set.copyOf(tags == null ? Set.of() : tags);
            Objects.requireNonNull(minAssurance, "minAssurance");
            operations = List.copyOf(operations == null ? List.of() : operations);
            Objects.requireNonNull(connector, "connector");
        }
    }
}
