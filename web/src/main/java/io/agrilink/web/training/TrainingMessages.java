package io.agrilink.web.training;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The training screens' text, {training:key} in templates: Vietnamese in
 * {@code messages/training_vi.properties} (the default), English in {@code messages/training_en.properties}.
 */
@MessageBundle(value = "training", locale = "vi")
public interface TrainingMessages {

    @Message
    String attendance(String attendance);

    @Message
    String attendance_none();

    @Message
    String cancelled();

    @Message
    String certificate_code();

    @Message
    String certificate_link();

    @Message
    String certificate_qr(String link);

    @Message
    String certificate_revoked();

    @Message
    String certificate_see();

    @Message
    String certificates_none();

    @Message
    String certificates_title();

    @Message
    String col_attendance();

    @Message
    String col_capacity();

    @Message
    String col_certificate();

    @Message
    String col_course();

    @Message
    String col_farmer();

    @Message
    String col_place();

    @Message
    String col_starts();

    @Message
    String col_status();

    @Message
    String col_taken();

    @Message
    String col_waitlist();

    @Message
    String completedOn(String date);

    @Message
    String course_alreadyIn();

    @Message
    String course_hours(int hours);

    @Message
    String course_needs();

    @Message
    String courses_available();

    @Message
    String courses_none();

    @Message
    String courses_title();

    @Message
    String enrol();

    @Message
    String enrolWaitlist();

    @Message
    String farmer_nav();

    @Message
    String full(long waiting);

    @Message
    String issuedBy(String issuer);

    @Message
    String mine_none();

    @Message
    String mine_title();

    @Message
    String next();

    @Message
    String offer_accept();

    @Message
    String offer_expired(String time);

    @Message
    String offer_until(String time);

    @Message
    String online();

    @Message
    String previous();

    @Message
    String register_caption();

    @Message
    String register_hint();

    @Message
    String register_markFor(String name);

    @Message
    String register_none();

    @Message
    String register_save();

    @Message
    String register_title();

    @Message
    String reports_by(String key);

    @Message
    String reports_catalogDown();

    @Message
    String reports_completion();

    @Message
    String reports_enrolments();

    @Message
    String reports_generated(String time);

    @Message
    String reports_group(String key);

    @Message
    String reports_listing();

    @Message
    String reports_listings();

    @Message
    String reports_noShow();

    @Message
    String reports_none();

    @Message
    String reports_products();

    @Message
    String reports_seated();

    @Message
    String reports_title();

    @Message
    String reports_trained();

    @Message
    String reports_waitlists();

    @Message
    String revoke_reason();

    @Message
    String revoke_submit();

    @Message
    String revoke_title(String code, String holder);

    @Message
    String seatsLeft(long free, int capacity);

    @Message
    String sessions_none();

    @Message
    String staff_nav();

    @Message
    String staff_sessions();

    @Message
    String staff_title();

    @Message
    String status(String status);

    @Message
    String trainer(String trainer);

    @Message
    String verify_completed();

    @Message
    String verify_course();

    @Message
    String verify_holder();

    @Message
    String verify_invalid();

    @Message
    String verify_issuer();

    @Message
    String verify_revoked();

    @Message
    String verify_revokedOn();

    @Message
    String verify_title();

    @Message
    String verify_valid();

    @Message
    String waitlistPosition(int position);

    @Message
    String refused_attendance();

    @Message
    String refused_offerGone();

    @Message
    String register_nothingChosen();

    @Message
    String revoke_reasonNeeded();

    @Message
    String refused_alreadyEnrolled();

    @Message
    String refused_cancelled();

    @Message
    String refused_closed(String time);

    @Message
    String refused_noSession();

    @Message
    String refused_notOpen(String time);

    @Message
    String refused_prerequisites(String courses);
}
