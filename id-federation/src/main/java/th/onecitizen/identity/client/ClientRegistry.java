package th.onecitizen.identity.client;

import reactor.core.publisher.Mono;

/** Where client registrations live. */
public interface ClientRegistry {

    /** The client, or empty when unknown. */
    Mono<RegisteredClient> find(String clientId);

    /**
     * The client as stored now, bypassing any cache (and refreshing it). A failed client authentication reads
     * this way, so that it costs one store read whether the client exists or not (S-PV-04), and a secret rotated on
     * another instance is honoured at once.
     */
    default Mono<RegisteredClient> findFresh(String clientId) {
        return find(clientId);
    }

    /** Creates or replaces a registration. */
    Mono<Void> save(RegisteredClient client);
}
