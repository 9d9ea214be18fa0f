package io.agrilink.platform.web;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Passes the current request id on to every downstream call made with a REST client. */
@Provider
public class RequestIdPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestIds.current();
        if (id != null && request.getHeaderString(RequestIds.HEADER) == null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
