package io.agrilink.web.training;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.Pages;
import io.agrilink.web.QrCode;
import io.agrilink.web.client.Fetched;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A certificate's public verification page (what its link and QR code open, for a buyer or an
 * employer, no sign-in): holder, course, date, issuer, and whether training-service finds its
 * signature genuine and the certificate not revoked.
 */
@Path("/certificates/{code}")
public class CertificateResource {

    @Inject
    TrainingClient training;

    @Inject
    CertificateLinks links;

    @Inject
    Pages pages;

    @Location("training/certificate.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public TemplateInstance verify(@PathParam("code") String code) {
        if (!CertificateLinks.isCode(code)) {
            throw new NotFoundException();
        }
        Fetched<Certificate> found;
        try {
            found = training.certificate(code);
        } catch (WebApplicationException unknown) {
            throw new NotFoundException();
        }
        Certificate certificate = found.value();
        Fetched<Certificate.Verdict> verdict = certificate == null ? new Fetched<>(null, true)
                : training.verify(certificate);
        return pages.of(page).data("certificate", certificate).data("verdict", verdict.value())
                .data("down", found.down() || verdict.down());
    }

    /** The QR code of this page's link, drawn as SVG; the same for everyone, so browsers may keep it. */
    @GET
    @Path("qr.svg")
    @Produces("image/svg+xml")
    public Response qr(@PathParam("code") String code) {
        if (!CertificateLinks.isCode(code)) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86400);
        return Response.ok(QrCode.svg(links.link(code))).cacheControl(cache).build();
    }
}
