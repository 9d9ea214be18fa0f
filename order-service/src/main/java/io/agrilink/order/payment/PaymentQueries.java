package io.agrilink.order.payment;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.order.CustomerOrder;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Who sees which payments: an order's buyer sees its payments and refunds, staff see all. */
@ApplicationScoped
public class PaymentQueries {

    /** An order with its payments and refunds, oldest first. */
    public record OrderMoney(CustomerOrder order, List<OrderPayment> payments, List<Refund> refunds) {
    }

    @Inject
    Caller caller;

    /** The order's payments, for its buyer and staff; anyone else gets 404 (as if there were no such order). */
    public OrderMoney ofOrder(long orderId) {
        CustomerOrder order = CustomerOrder.findById(orderId);
        if (order == null || !(caller.isStaff() || order.buyer.equals(caller.subject()))) {
            throw ProblemException.notFound("Order", orderId);
        }
        return new OrderMoney(order, OrderPayment.ofOrder(orderId), Refund.ofOrder(orderId));
    }

    /** Payments for staff, newest first: of one status or method, or only the mismatches. */
    public PanacheQuery<OrderPayment> payments(String status, String method, boolean mismatch) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (mismatch) {
            where.append(" and status = :pending and receivedAmount is not null and receivedAmount <> amount");
            parameters.and("pending", PaymentStatus.PENDING);
        } else if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            parameters.and("status", parse(PaymentStatus.class, "status", status));
        }
        if (method != null && !method.isBlank()) {
            where.append(" and method = :method");
            parameters.and("method", parse(CustomerOrder.Payment.class, "method", method));
        }
        return OrderPayment.find(where.toString(), Sort.descending("createdAt", "id"), parameters);
    }

    /** Refunds for staff: REQUESTED first (the oldest first: the longest waiting), then the others newest first. */
    public PanacheQuery<Refund> refunds(String status, String method) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            parameters.and("status", parse(RefundStatus.class, "status", status));
        }
        if (method != null && !method.isBlank()) {
            where.append(" and method = :method");
            parameters.and("method", parse(CustomerOrder.Payment.class, "method", method));
        }
        parameters.and("requested", RefundStatus.REQUESTED);
        return Refund.find(where + " order by case when status = :requested then 0 else 1 end, "
                + "case when status = :requested then requestedAt end asc, requestedAt desc, id desc", parameters);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
