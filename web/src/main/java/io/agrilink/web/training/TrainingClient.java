package io.agrilink.web.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;

/**
 * training-service as the training screens use it. Reads answer, or say the service is down (the
 * page shows a banner); a 4xx passes through for the page to say. Changes throw what the service
 * answered: the page shows its problem next to the form.
 */
@ApplicationScoped
public class TrainingClient {

    private static final String SERVICE = "training-service";
    /** The service's largest page; the programme's lists (courses, a session's register) fit in one. */
    static final int ALL = 100;

    @Inject
    @RestClient
    TrainingRestClient training;

    public Fetched<List<Course>> courses() {
        return Fetched.of(SERVICE, () -> training.courses(0, ALL).items(), List.of());
    }

    /** Sessions starting from {@code from} (all when null), by start. */
    public Fetched<Page<Session>> sessions(Instant from, int page) {
        return Fetched.of(SERVICE, () -> training.sessions(from == null ? null : from.toString(), page, ALL),
                Page.empty());
    }

    public Fetched<Session> session(long id) {
        return Fetched.of(SERVICE, () -> training.session(id), null);
    }

    public Fetched<List<Enrolment>> register(long sessionId) {
        return Fetched.of(SERVICE, () -> training.register(sessionId, 0, ALL).items(), List.of());
    }

    public Fetched<List<Enrolment>> myEnrolments() {
        return Fetched.of(SERVICE, () -> training.myEnrolments(0, ALL).items(), List.of());
    }

    public Fetched<List<Certificate>> myCertificates() {
        return Fetched.of(SERVICE, () -> training.myCertificates(0, ALL).items(), List.of());
    }

    public Fetched<Certificate> certificate(String code) {
        return Fetched.of(SERVICE, () -> training.certificate(code), null);
    }

    public Fetched<Certificate.Verdict> verify(Certificate certificate) {
        return Fetched.of(SERVICE, () -> training.verify(Map.of("jws", certificate.signature())), null);
    }

    public Fetched<TrainingReport> report() {
        return Fetched.of(SERVICE, () -> training.report(), null);
    }

    public Enrolment enrol(long sessionId) {
        return training.enrol(sessionId, Map.of());
    }

    public Enrolment accept(long enrolmentId) {
        return training.accept(enrolmentId, Map.of());
    }

    public List<Enrolment> attendance(long sessionId, List<TrainingRestClient.AttendanceLine> lines) {
        return training.attendance(sessionId, new TrainingRestClient.Attendance(lines));
    }

    public Certificate revoke(String code, String reason) {
        return training.revoke(code, new TrainingRestClient.Revoke(reason));
    }
}
