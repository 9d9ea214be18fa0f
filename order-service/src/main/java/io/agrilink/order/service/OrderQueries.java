package io.agrilink.order.service;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.repository.OrderRepository;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Who may read which order: a buyer their own, a farmer those with a line of theirs, staff and
 * services every one. Anyone else gets 404, so nobody learns which ids exist.
 */
@ApplicationScoped
public class OrderQueries {

    @Inject
    OrderRepository orders;

    @Inject
    Caller caller;

    /** The caller's orders (staff: every buyer's, or the one named), newest first, optionally of one status. */
    public PanacheQuery<CustomerOrder> list(String buyer, String status) {
        return orders.orders(caller.isStaff() ? buyer : caller.subject(), status(status));
    }

    /** The order if the caller may see it; otherwise 404. */
    public CustomerOrder visible(long id) {
        CustomerOrder order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        String subject = caller.subject();
        boolean allowed = caller.isStaff() || caller.isService()
                || (caller.is(Roles.BUYER) && order.buyer.equals(subject))
                || (caller.is(Roles.FARMER) && order.lines.stream().anyMatch(l -> l.ownedBy(subject)));
        if (!allowed) {
            throw ProblemException.notFound("Order", id);
        }
        return order;
    }

    /** The code the buyer gives the courier is for the buyer and staff, not the farmers of its lines. */
    public boolean seesDeliveryCode(CustomerOrder order) {
        return caller.isStaff() || caller.subject().equals(order.buyer);
    }

    /** The audit trail of an order the caller may see, oldest first. */
    public List<OrderEvent> history(long id) {
        visible(id);
        return orders.history(id);
    }

    private static CustomerOrder.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CustomerOrder.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(CustomerOrder.Status.values()));
        }
    }
}
