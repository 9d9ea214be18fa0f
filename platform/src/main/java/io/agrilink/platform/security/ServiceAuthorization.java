package io.agrilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Put on a REST client with {@code @RegisterClientHeaders(ServiceAuthorization.class)}: every
 * call then carries this service's own {@code service} token, never the end user's.
 */
@ApplicationScoped
public class ServiceAuthorization implements ClientHeadersFactory {

    @Inject
    ServiceTokens tokens;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, tokens.bearer());
        return headers;
    }
}
