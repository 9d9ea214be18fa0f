package io.agrilink.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.agrilink.platform.json.StrictText;
import io.agrilink.platform.problem.ProblemException;

/**
 * {@link StrictText}'s rule for the text that is not JSON: path parameters ({@code %00} in a
 * product code), query parameters ({@code ?q=%00}), headers and cookies. A matched request whose
 * parameter breaks it is answered 400 naming the parameter, before the resource (and so the
 * database) sees it.
 */
@Provider
public class StrictParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
        check(request.getHeaders());
        for (Map.Entry<String, Cookie> cookie : request.getCookies().entrySet()) {
            refuseIfFlawed(cookie.getKey(), cookie.getValue().getValue());
        }
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            refuseIfFlawed(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                refuseIfFlawed(parameter.getKey(), value);
            }
        }
    }

    private static void refuseIfFlawed(String name, String value) {
        if (value == null) {
            return;
        }
        Optional<String> flaw = StrictText.flawIn(value);
        if (flaw.isPresent()) {
            throw ProblemException.invalid(StrictText.flawIn(name).isPresent() ? "parameter" : name, flaw.get());
        }
    }
}
