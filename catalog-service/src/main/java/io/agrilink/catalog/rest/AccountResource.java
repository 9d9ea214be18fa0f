package io.agrilink.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.catalog.client.KeycloakAccounts;
import io.agrilink.catalog.config.CatalogConfig;
import io.agrilink.catalog.service.AccountService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    CatalogConfig config;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Register a farmer, carrier or buyer account", description = "Creates the account in the "
            + "identity provider with a temporary password, which its owner replaces at first sign-in. `username` is a "
            + "Vietnamese phone number (kept as 0912345678) or 3-64 characters of a-z, 0-9, '.', '_', '-'. "
            + "A repeated registration answers 409: the temporary password is shown once.")
    @APIResponse(responseCode = "201", description = "Registered: username, role, temporaryPassword, signInUrl")
    @APIResponse(responseCode = "400", description = "Invalid field (username, firstName, lastName, email, phone)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "The username or email is taken")
    @APIResponse(responseCode = "422", description = "role is not farmer, carrier or buyer")
    @APIResponse(responseCode = "503", description = "The identity provider is not configured or cannot be reached")
    public Response register(@Valid @NotNull AccountRequest input) {
        AccountService.Registration registration = accounts.validate(input.toNewAccount());
        String password = accounts.register(registration);
        URI location = UriBuilder.fromPath("/accounts/{username}").build(registration.username());
        return Response.created(location).entity(new AccountCreatedView(registration.username(), registration.role(),
                password, config.accounts().signInUrl().orElse(null))).build();
    }

    @GET
    @Path("/{username}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "An account: its names, whether it is enabled, its AgriLink roles, when it was created")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", description = "Not a valid username")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "503", description = "The identity provider is not configured or cannot be reached")
    public AccountView get(@PathParam("username") String username) {
        KeycloakAccounts.Account a = accounts.find(username)
                .orElseThrow(() -> ProblemException.notFound("Account", username));
        return new AccountView(a.username(), a.firstName(), a.lastName(), a.email(), a.enabled(), a.roles(),
                a.createdAt());
    }
}
