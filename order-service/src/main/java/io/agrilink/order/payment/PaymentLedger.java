package io.agrilink.order.payment;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.outbox.OutboxKinds;
import io.agrilink.order.outbox.RefundPaymentHandler;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What money does to an order. Every change takes the order's lock first (as every other change of
 * an order does), so a notification, a cancel and the expiry job never cross: an order is CONFIRMED in
 * the transaction that records its payment, and a cancelled order's refund is requested in the
 * transaction that cancels it, once per payment (the refund table's unique key says so too).
 * Providers only speak their protocol and call {@link #received} or {@link #failed}.
 */
@ApplicationScoped
public class PaymentLedger {

    private static final Logger LOG = Logger.getLogger(PaymentLedger.class);

    /** A provider's word that money arrived. */
    public record Received(CustomerOrder.Payment method, String eventId, Long orderId, Long paymentId, long amount,
            String providerRef, String detail) {
    }

    /** A provider's word that a payment failed or was abandoned. */
    public record Failed(CustomerOrder.Payment method, String eventId, long paymentId, String detail) {
    }

    /** What a notification did. */
    public enum Receipt {
        /** The order is paid: PLACED → CONFIRMED, its reservation confirmed through the outbox. */
        CONFIRMED,
        /** This event was recorded before: nothing changed. */
        REPEATED,
        /** The amount differs from what is due (a bank transfer's running sum short or over): PENDING, for staff. */
        MISMATCH,
        /** Money for an order cancelled, expired or already paid: a refund is requested. */
        REFUNDING,
        /** No such order or payment: recorded, nothing else. */
        UNKNOWN,
        /** The payment failed: recorded, the order can be paid again. */
        FAILED
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    PaymentProviders providers;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "agrilink.payment.return-url", defaultValue = "http://localhost:8085/my/orders/{orderId}/payment")
    String returnUrl;

    // ------------------------------------------------------------------ notifications

    @Transactional
    public Receipt received(Received received) {
        return counted(received.method(), receive(received));
    }

    private Receipt receive(Received received) {
        Instant now = Instant.now();
        OrderPayment payment = received.paymentId() == null ? null : OrderPayment.findById(received.paymentId());
        if (payment != null && payment.method != received.method()) {
            payment = null;
        }
        Long orderId = payment != null ? Long.valueOf(payment.orderId)
                : received.paymentId() == null ? received.orderId() : null;
        CustomerOrder order = orderId == null ? null : CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            Receipt receipt = record(received.method(), received.eventId(), null, received.paymentId(),
                    received.amount(), Receipt.UNKNOWN, received.detail(), now) ? Receipt.UNKNOWN : Receipt.REPEATED;
            if (receipt == Receipt.UNKNOWN) {
                LOG.warnf("%s notification %s names no order of ours (order %s, payment %s); recorded only",
                        received.method(), received.eventId(), received.orderId(), received.paymentId());
            }
            return receipt;
        }
        if (!record(received.method(), received.eventId(), order.id, payment == null ? null : payment.id,
                received.amount(), Receipt.CONFIRMED, received.detail(), now)) {
            return Receipt.REPEATED;
        }
        if (payment != null) {
            em.refresh(payment); // read before the order's lock: what another notification did since counts
        }
        Receipt receipt = apply(order, payment, received, now);
        em.createNativeQuery("update payment_notification set outcome = ?1, payment_id = coalesce(payment_id, ?2) "
                + "where provider = ?3 and event_id = ?4").setParameter(1, receipt.name())
                .setParameter(2, payment == null ? null : payment.id).setParameter(3, received.method().name())
                .setParameter(4, received.eventId()).executeUpdate();
        return receipt;
    }

    private Receipt apply(CustomerOrder order, OrderPayment given, Received received, Instant now) {
        String by = received.method().name().toLowerCase(Locale.ROOT);
        String detail = describe(received);
        OrderPayment payment = given != null ? given
                : pending(order.id, received.method()).orElseGet(() -> open(order, received.method(), now));
        if (order.status == CustomerOrder.Status.PLACED && order.paymentWindowClosed(now)) {
            // the expiry job has not come round yet: the order is cancelled now, as it would be
            lifecycle.expire(order, now);
        }
        if (order.awaitingPayment(now)) {
            if (payment.status != PaymentStatus.PENDING) {
                // a payment given up (failed, or abandoned for a newer one) that went through after all
                payment = copy(payment, now);
            }
            long sum = (payment.receivedAmount == null ? 0 : payment.receivedAmount) + received.amount();
            payment.receivedAmount = sum;
            payment.providerRef = received.providerRef();
            if (sum == payment.amount) {
                paid(payment, now);
                order.confirmPayment(by, "paid " + sum + " đ by " + received.method() + ": " + detail, now).persist();
                outbox.add(OutboxKinds.CONFIRM_RESERVATION, order.id.toString(), order.orderRef);
                return Receipt.CONFIRMED;
            }
            audit(order, now, by, "PAYMENT_MISMATCH", (sum < payment.amount ? "underpaid: " : "overpaid: ") + sum
                    + " đ received of " + payment.amount + " đ due, not confirmed (staff decide): " + detail);
            return Receipt.MISMATCH;
        }
        // money the order no longer needs: it was cancelled or expired, or it is paid already
        OrderPayment late = payment.status == PaymentStatus.PENDING ? payment : copy(payment, now);
        late.receivedAmount = (late.receivedAmount == null ? 0 : late.receivedAmount) + received.amount();
        late.providerRef = received.providerRef();
        paid(late, now);
        late.detail = "arrived when the order was " + order.status;
        audit(order, now, by, "PAYMENT_RECEIVED", received.amount() + " đ by " + received.method()
                + " arrived when the order was " + order.status + ": " + detail);
        requestRefund(order, late, late.receivedAmount, "system",
                order.status == CustomerOrder.Status.CANCELLED ? "paid after the order was cancelled or expired"
                        : "paid twice: the order was already paid",
                now);
        return Receipt.REFUNDING;
    }

    @Transactional
    public Receipt failed(Failed failed) {
        return counted(failed.method(), fail(failed));
    }

    private Receipt fail(Failed failed) {
        Instant now = Instant.now();
        OrderPayment payment = OrderPayment.findById(failed.paymentId());
        if (payment == null || payment.method != failed.method()) {
            return record(failed.method(), failed.eventId(), null, failed.paymentId(), null, Receipt.UNKNOWN,
                    failed.detail(), now) ? Receipt.UNKNOWN : Receipt.REPEATED;
        }
        CustomerOrder order = CustomerOrder.findById(payment.orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!record(failed.method(), failed.eventId(), order.id, payment.id, null, Receipt.FAILED, failed.detail(),
                now)) {
            return Receipt.REPEATED;
        }
        em.refresh(payment);
        if (payment.status == PaymentStatus.PENDING) {
            payment.status = PaymentStatus.FAILED;
            payment.detail = truncate(failed.detail(), 1000);
            audit(order, now, failed.method().name().toLowerCase(Locale.ROOT), "PAYMENT_FAILED",
                    "payment " + payment.id + " failed: " + failed.detail());
        }
        return Receipt.FAILED;
    }

    // ------------------------------------------------------------------ the order's other moves

    /**
     * Staff recorded a bank transfer by hand (the fallback, also for a mismatch they accept): the
     * order's pending transfer is PAID with what arrived. Called with the order locked, before
     * {@link CustomerOrder#confirmPayment}; returns the words for its history entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String recordedByStaff(CustomerOrder order, String staff, String reference, Instant now) {
        OrderPayment payment = pending(order.id, order.payment).orElseGet(() -> open(order, order.payment, now));
        if (reference != null) {
            payment.providerRef = reference;
        }
        if (payment.receivedAmount != null && payment.receivedAmount > payment.amount) {
            // an overpaid transfer staff accept: the order keeps what is due, the rest goes back
            OrderPayment surplus = copy(payment, now);
            surplus.amount = payment.receivedAmount - payment.amount;
            surplus.receivedAmount = surplus.amount;
            surplus.providerRef = payment.providerRef;
            surplus.detail = "paid over what payment " + payment.id + " was due";
            paid(surplus, now);
            requestRefund(order, surplus, surplus.amount, staff, "overpaid: " + surplus.amount + " đ more than due", now);
        }
        if (payment.receivedAmount == null || payment.receivedAmount > payment.amount) {
            // recorded by hand: what is due arrived; a short transfer staff accept stays what it was
            payment.receivedAmount = payment.amount;
        }
        payment.detail = "recorded by " + staff;
        paid(payment, now);
        String words = order.payment == CustomerOrder.Payment.BANK_TRANSFER ? "bank transfer received" : "payment recorded";
        return reference == null ? words : words + ": " + reference;
    }

    /**
     * The order was cancelled (by its buyer, staff, the expiry job or a lost reservation): payments
     * still pending expire, and what was paid goes back, once per payment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCancelled(CustomerOrder order, String actor, Instant now) {
        for (OrderPayment payment : OrderPayment.ofOrder(order.id)) {
            if (payment.status == PaymentStatus.PENDING) {
                payment.status = PaymentStatus.EXPIRED;
                payment.detail = "the order was cancelled";
                audit(order, now, actor, "PAYMENT_EXPIRED", "payment " + payment.id + " (" + payment.method
                        + ") will not be taken: the order was cancelled");
            }
            long paid = payment.receivedAmount == null ? 0 : payment.receivedAmount;
            if (paid > 0) {
                requestRefund(order, payment, paid, actor, "order cancelled", now);
            }
        }
    }

    // ------------------------------------------------------------------ refunds

    /** Requests the refund of a payment, once: a second request for the same payment returns the first. */
    Refund requestRefund(CustomerOrder order, OrderPayment payment, long amount, String actor, String reason,
            Instant now) {
        Refund earlier = Refund.find("paymentId", payment.id).firstResult();
        if (earlier != null) {
            return earlier;
        }
        Refund refund = new Refund();
        refund.paymentId = payment.id;
        refund.orderId = order.id;
        refund.method = payment.method;
        refund.status = RefundStatus.REQUESTED;
        refund.amount = amount;
        refund.reason = truncate(reason, 500);
        refund.requestedAt = now;
        refund.requestedBy = actor;
        refund.persist();
        if (payment.method == CustomerOrder.Payment.BANK_TRANSFER) {
            audit(order, now, actor, "REFUND_REQUESTED", amount + " đ to transfer back by hand (refund " + refund.id
                    + ", " + reason + "): a task for staff at /refunds");
        } else {
            em.flush();
            outbox.add(OutboxKinds.REFUND_PAYMENT, order.id.toString(), toJson(new RefundPaymentHandler.Message(
                    payment.method, new PaymentProvider.RefundOrder(refund.id, payment.id, order.id, amount,
                            payment.reference, payment.providerRef, payment.providerSession, payment.paidAt, reason))));
            audit(order, now, actor, "REFUND_REQUESTED", amount + " đ through " + payment.method + " (refund "
                    + refund.id + ", " + reason + ")");
        }
        return refund;
    }

    /** The provider took the refund (the outbox handler's answer, in its recording transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(long refundId, String providerRef, Instant now) {
        Refund refund = Refund.findById(refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null || refund.status == RefundStatus.DONE) {
            return;
        }
        refund.status = RefundStatus.DONE;
        refund.providerRef = providerRef;
        refund.doneAt = now;
        refund.doneBy = refund.method.name().toLowerCase(Locale.ROOT);
        refund.error = null;
        audit(CustomerOrder.findById(refund.orderId), now, refund.doneBy, "REFUNDED", refund.amount + " đ refunded by "
                + refund.method + (providerRef == null ? "" : ": " + providerRef));
    }

    /** The provider refused the refund for good: FAILED, for staff (who re-drive it at /outbox). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundRefused(long refundId, String error, Instant now) {
        Refund refund = Refund.findById(refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null || refund.status != RefundStatus.REQUESTED) {
            return;
        }
        refund.status = RefundStatus.FAILED;
        refund.error = truncate(error, 1000);
        audit(CustomerOrder.findById(refund.orderId), now, "system", "REFUND_FAILED", "needs staff: refund " + refund.id
                + " refused by " + refund.method + ": " + error);
    }

    /** Staff sent a bank-transfer refund by hand: REQUESTED → DONE with their transfer's reference. */
    @Transactional
    public Refund completeByStaff(long refundId, String staff, String reference) {
        Refund found = Refund.findById(refundId);
        if (found == null) {
            throw ProblemException.notFound("Refund", refundId);
        }
        CustomerOrder order = CustomerOrder.findById(found.orderId, LockModeType.PESSIMISTIC_WRITE);
        Refund refund = Refund.findById(refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund.method != CustomerOrder.Payment.BANK_TRANSFER) {
            throw ProblemException.conflict("Refund " + refundId + " goes through " + refund.method
                    + ", not by hand").with("refundStatus", refund.status.name());
        }
        if (refund.status != RefundStatus.REQUESTED) {
            throw ProblemException.conflict("Refund " + refundId + " is " + refund.status)
                    .with("refundStatus", refund.status.name());
        }
        Instant now = Instant.now();
        refund.status = RefundStatus.DONE;
        refund.providerRef = reference;
        refund.doneAt = now;
        refund.doneBy = staff;
        audit(order, now, staff, "REFUNDED", refund.amount + " đ transferred back by hand: " + reference);
        return refund;
    }

    // ------------------------------------------------------------------ starting a payment

    /**
     * The buyer's payment for the order: its current pending one, or a new one started with the
     * provider. The provider is called outside any transaction (Stripe creates a session over the
     * network); two transactions around it lock the order, so two taps start one payment.
     */
    public OrderPayment start(long orderId, String buyer, String buyerIp) {
        OrderPayment opened = QuarkusTransaction.requiringNew().call(() -> {
            CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
            if (order == null || !order.buyer.equals(buyer)) {
                throw ProblemException.notFound("Order", orderId);
            }
            Instant now = Instant.now();
            if (!order.awaitingPayment(now)) {
                throw ProblemException.conflict(order.payment.online()
                        ? "Order " + orderId + " is not waiting for a payment: it is " + order.status
                        : "Order " + orderId + " is paid cash on delivery").with("orderStatus", order.status.name());
            }
            Optional<OrderPayment> current = pending(order.id, order.payment);
            if (current.isPresent()) {
                return current.get();
            }
            OrderPayment payment = open(order, order.payment, now);
            audit(order, now, buyer, "PAYMENT_STARTED", "payment " + payment.id + " by " + order.payment + ", "
                    + payment.amount + " đ, reference " + payment.reference);
            return payment;
        });
        if (opened.providerSession != null || opened.qrPayload != null || opened.redirectUrl != null) {
            return opened;
        }
        PaymentProvider provider = providers.of(opened.method).filter(PaymentProvider::available).orElse(null);
        if (provider == null) {
            return opened; // a bank transfer without a configured account: staff record it by hand
        }
        PaymentProvider.Started started;
        try {
            started = provider.start(new PaymentProvider.Starting(opened.orderId, opened.id, opened.reference,
                    opened.amount, opened.expiresAt, returnUrl.replace("{orderId}", Long.toString(opened.orderId)),
                    buyerIp, "AgriLink " + opened.reference));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("%s could not start payment %d: %s", opened.method, opened.id, e.toString());
            throw new ProblemException(503, "Service unavailable", opened.method
                    + " is not answering; try again in a moment");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            OrderPayment payment = OrderPayment.findById(opened.id, LockModeType.PESSIMISTIC_WRITE);
            payment.providerSession = started.providerSession();
            payment.redirectUrl = started.redirectUrl();
            payment.qrPayload = started.qrPayload();
            return payment;
        });
    }

    // ------------------------------------------------------------------ helpers

    /** {@code agrilink_payment_notifications_total{provider, outcome}}: forged ones never get this far (the resources log them). */
    private Receipt counted(CustomerOrder.Payment method, Receipt receipt) {
        metrics.counter("agrilink.payment.notifications", "provider", method.name(), "outcome", receipt.name())
                .increment();
        return receipt;
    }

    private static Optional<OrderPayment> pending(long orderId, CustomerOrder.Payment method) {
        return OrderPayment.<OrderPayment> find("orderId = ?1 and method = ?2 and status = ?3 order by id desc",
                orderId, method, PaymentStatus.PENDING).firstResultOptional();
    }

    private static OrderPayment open(CustomerOrder order, CustomerOrder.Payment method, Instant now) {
        OrderPayment payment = new OrderPayment();
        payment.orderId = order.id;
        payment.method = method;
        payment.status = PaymentStatus.PENDING;
        payment.amount = order.totalAmount;
        payment.createdAt = now;
        payment.expiresAt = order.paymentDueAt;
        payment.reference = PaymentReference.of(order.id);
        payment.persist();
        if (method != CustomerOrder.Payment.BANK_TRANSFER) {
            payment.reference = PaymentReference.of(order.id, payment.id);
        }
        return payment;
    }

    /** A second payment for what one payment started (money that arrived twice, or late). */
    private static OrderPayment copy(OrderPayment of, Instant now) {
        OrderPayment payment = new OrderPayment();
        payment.orderId = of.orderId;
        payment.method = of.method;
        payment.status = PaymentStatus.PENDING;
        payment.amount = of.amount;
        payment.reference = of.reference;
        payment.providerSession = of.providerSession;
        payment.createdAt = now;
        payment.persist();
        return payment;
    }

    private static void paid(OrderPayment payment, Instant now) {
        payment.status = PaymentStatus.PAID;
        payment.paidAt = now;
    }

    /** Keeps the notification once; false when its event id was recorded before (a replay). */
    private boolean record(CustomerOrder.Payment method, String eventId, Long orderId, Long paymentId, Long amount,
            Receipt outcome, String detail, Instant now) {
        return em.createNativeQuery("insert into payment_notification (provider, event_id, order_id, payment_id, amount, "
                + "outcome, detail, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                + "on conflict (provider, event_id) do nothing")
                .setParameter(1, method.name()).setParameter(2, truncate(eventId, 200)).setParameter(3, orderId)
                .setParameter(4, paymentId).setParameter(5, amount).setParameter(6, outcome.name())
                .setParameter(7, truncate(detail, 1000)).setParameter(8, now).executeUpdate() == 1;
    }

    private static void audit(CustomerOrder order, Instant now, String actor, String action, String detail) {
        OrderEvent.of(order, now, actor, action, order.status, order.status, detail).persist();
    }

    private static String describe(Received received) {
        return received.providerRef() == null ? String.valueOf(received.detail())
                : received.providerRef() + (received.detail() == null ? "" : " (" + received.detail() + ")");
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Refund payload cannot be written as JSON", e);
        }
    }
}
