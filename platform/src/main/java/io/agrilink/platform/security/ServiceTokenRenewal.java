package io.agrilink.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * On every REST client: when another service answers 401 to this service's own token, that token
 * is dropped, so the next call (an outbox retry, the user's retry) signs in anew. A token stops
 * being accepted before it expires when the identity provider's key that signed it is removed
 * (a key rotation done in one step); without this a service would keep sending it for up to its
 * whole lifetime.
 */
@Provider
public class ServiceTokenRenewal implements ClientResponseFilter {

    @Inject
    ServiceTokens tokens;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 401) {
            tokens.forget(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
    }
}
