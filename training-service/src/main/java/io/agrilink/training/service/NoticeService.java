package io.agrilink.training.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.outbox.Outbox;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Notice;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.VenueKind;
import io.agrilink.training.outbox.OutboxKinds;

/**
 * Writes a notice for the farmer and its outbox message in the caller's transaction, so a notice
 * exists exactly when the change it tells of was committed, and is sent even if the gateway is down
 * ({@link io.agrilink.training.outbox.NoticeHandler} sends it).
 */
@ApplicationScoped
public class NoticeService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    @Inject
    Outbox outbox;

    @Inject
    AgriLinkTime time;

    @Transactional(Transactional.TxType.MANDATORY)
    public Notice about(Enrolment enrolment, Notice.Kind kind) {
        return record(enrolment, kind, message(enrolment, kind));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Notice certificateIssued(Enrolment enrolment, Certificate certificate) {
        return record(enrolment, Notice.Kind.CERTIFICATE_ISSUED, "Chúc mừng! Bạn đã hoàn thành khóa «"
                + certificate.courseTitle + "». Mã chứng nhận: " + certificate.code
                + " (kiểm tra tại /certificates/" + certificate.code + ").");
    }

    /** A notice as it is now, read in a transaction of its own that ends before the caller sends it. */
    @Transactional
    public Optional<Notice> find(long id) {
        return Notice.findByIdOptional(id);
    }

    private Notice record(Enrolment enrolment, Notice.Kind kind, String message) {
        Notice notice = new Notice();
        notice.farmer = enrolment.farmer;
        notice.kind = kind;
        notice.sessionId = enrolment.session.id;
        notice.enrolmentId = enrolment.id;
        notice.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        notice.createdAt = Instant.now();
        notice.persist();
        String id = String.valueOf(notice.id);
        outbox.add(OutboxKinds.NOTICE, id, id);
        return notice;
    }

    private String message(Enrolment enrolment, Notice.Kind kind) {
        TrainingSession session = enrolment.session;
        String course = "«" + session.course.titleVi() + "»";
        String when = local(session.startsAt);
        return switch (kind) {
            case SEATED -> "Bạn đã có chỗ trong lớp " + course + " lúc " + when + ", " + venue(session) + ".";
            case WAITLISTED -> "Lớp " + course + " lúc " + when + " đã đủ chỗ. Bạn ở vị trí chờ; chúng tôi sẽ báo ngay khi có chỗ.";
            case OFFERED -> "Lớp " + course + " lúc " + when + " vừa có chỗ cho bạn. Hãy xác nhận trước "
                    + local(enrolment.offerExpiresAt) + ", nếu không chỗ sẽ chuyển cho người tiếp theo.";
            case OFFER_EXPIRING -> "Nhắc lại: chỗ trong lớp " + course + " được giữ cho bạn đến "
                    + local(enrolment.offerExpiresAt) + ". Hãy xác nhận để giữ chỗ.";
            case OFFER_EXPIRED -> "Chỗ được giữ cho bạn trong lớp " + course + " đã hết hạn và được chuyển cho người tiếp theo.";
            case SEAT_CANCELLED -> "Bạn đã hủy đăng ký lớp " + course + " lúc " + when + ".";
            case SESSION_CHANGED -> "Lớp " + course + " đã thay đổi: nay lúc " + when + " đến " + local(session.endsAt)
                    + ", " + venue(session) + ".";
            case SESSION_CANCELLED -> "Lớp " + course + " lúc " + when + " đã bị hủy"
                    + (session.cancelReason == null ? "" : ": " + session.cancelReason) + ".";
            case CERTIFICATE_ISSUED -> "Bạn đã hoàn thành khóa " + course + ".";
        };
    }

    private String local(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(time.zone()));
    }

    private static String venue(TrainingSession session) {
        if (session.venueKind == VenueKind.ONLINE) {
            return "trực tuyến tại " + session.onlineUrl;
        }
        return "tại " + (session.venueName == null ? "hội trường" : session.venueName) + ", " + session.commune + ", "
                + session.province;
    }
}
