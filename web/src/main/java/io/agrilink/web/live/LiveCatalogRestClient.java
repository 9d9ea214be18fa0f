package io.agrilink.web.live;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.web.client.UserToken;

/**
 * catalog-service's livestreams and sales teams, called as the signed-in person (anonymous: no token,
 * for the public stream). Lists are read as JSON and taken either as an array or as a page's
 * {@code items} ({@link LiveServices}). A call without a body says it is JSON, as catalog takes every call.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(UserToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface LiveCatalogRestClient {

    record Cancellation(String reason) {
    }

    @GET
    @Path("/livestreams/{code}")
    Livestream livestream(@PathParam("code") String code);

    /** Newest first, at most 100; {@code state} null for all. */
    @GET
    @Path("/livestreams")
    JsonNode livestreams(@QueryParam("state") String state, @QueryParam("campaignId") Long campaignId);

    @GET
    @Path("/livestreams/mine")
    JsonNode myLivestreams();

    @POST
    @Path("/livestreams")
    Livestream schedule(NewLivestream stream);

    @POST
    @Path("/livestreams/{code}/start")
    @ClientHeaderParam(name = "Content-Type", value = MediaType.APPLICATION_JSON)
    Livestream start(@PathParam("code") String code);

    @POST
    @Path("/livestreams/{code}/end")
    @ClientHeaderParam(name = "Content-Type", value = MediaType.APPLICATION_JSON)
    Livestream end(@PathParam("code") String code);

    @POST
    @Path("/livestreams/{code}/cancel")
    Livestream cancel(@PathParam("code") String code, Cancellation cancellation);

    @GET
    @Path("/teams")
    JsonNode teams();

    @GET
    @Path("/teams/{id}")
    Team team(@PathParam("id") long id);

    @GET
    @Path("/teams/mine")
    Team myTeam();

    @POST
    @Path("/teams")
    Team createTeam(TeamRequest team);

    @PUT
    @Path("/teams/{id}")
    Team changeTeam(@PathParam("id") long id, TeamRequest team);

    @PUT
    @Path("/teams/{id}/members/{subject}")
    @ClientHeaderParam(name = "Content-Type", value = MediaType.APPLICATION_JSON)
    Team addMember(@PathParam("id") long id, @PathParam("subject") String subject);

    @DELETE
    @Path("/teams/{id}/members/{subject}")
    @ClientHeaderParam(name = "Content-Type", value = MediaType.APPLICATION_JSON)
    Team removeMember(@PathParam("id") long id, @PathParam("subject") String subject);
}
