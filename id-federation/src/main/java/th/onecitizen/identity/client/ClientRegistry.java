package th.onecitizen.identity.client;

import reactor.core.publisher.Mono;

/** Where client registrations live. */
public interface ClientRegistry {

    /** The client, or empty when unknown. */
    Mono<RegisteredClient> find(String clientId);

    /** Creates or replaces a registration. */
    Mono<Void> save(RegisteredClient client);
}
