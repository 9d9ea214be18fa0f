package io.agrilink.training.rest;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.training.service.CertificateService;

@Path("/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateResource {

    /**
     * A certificate to check: either the document as issued (its fields and {@code signature}),
     * or only the compact JWS in {@code jws} (or {@code signature}). Other members are ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VerifyRequest(@Size(max = 16) String code, @Size(max = 200) String holderName,
            @Size(max = 40) String courseCode, @Size(max = 300) String courseTitle, LocalDate completedOn,
            @Size(max = 300) String issuer, Instant issuedAt, @Size(max = 8000) String signature,
            @Size(max = 8000) String jws) {

        boolean hasFields() {
            return code != null || holderName != null || courseCode != null || courseTitle != null
                    || completedOn != null || issuer != null || issuedAt != null;
        }
    }

    public record RevokeRequest(@Size(max = 500) String reason) {
    }

    @Inject
    CertificateService certificates;

    @Inject
    Caller caller;

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "Look a certificate up by its code (public)")
    @APIResponse(responseCode = "200", description = "Holder, course, date, issuer, signature and whether it was revoked")
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    public CertificateView get(@PathParam("code") String code) {
        return CertificateView.of(certificates.find(code).orElseThrow(() -> ProblemException.notFound("Certificate", code)));
    }

    @POST
    @Path("/verify")
    @PermitAll
    @Operation(summary = "Check a certificate document or JWS (public): valid only if nothing was edited and it is not revoked")
    @APIResponse(responseCode = "200", description = "{valid, reason, document, revoked}")
    @APIResponse(responseCode = "400", description = "Neither signature nor jws given")
    public CertificateService.Verdict verify(@Valid @NotNull VerifyRequest r) {
        String jws = r.jws() != null ? r.jws() : r.signature();
        if (jws == null || jws.isBlank()) {
            throw ProblemException.invalid("signature", "give the certificate's signature (or the compact JWS as jws)");
        }
        CertificateService.Document presented = r.hasFields()
                ? new CertificateService.Document(r.code(), r.holderName(), r.courseCode(), r.courseTitle(),
                        r.completedOn(), r.issuer(), r.issuedAt())
                : null;
        return certificates.verify(jws.strip(), presented);
    }

    @POST
    @Path("/{code}/revoke")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Revoke a certificate")
    @APIResponse(responseCode = "200", description = "Revoked (or already was)")
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    public CertificateView revoke(@PathParam("code") String code, @Valid RevokeRequest r) {
        return CertificateView.of(certificates.revoke(code, caller.subject(), r == null ? null : r.reason()));
    }
}
