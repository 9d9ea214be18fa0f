package io.agrilink.web.buyer;

import java.util.UUID;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The order form as the buyer typed it, kept as text so a refused form comes back exactly as sent.
 * {@code key} is the Idempotency-Key made when the form was rendered: the same form sent twice (a
 * double click, the browser's resubmit) is one order.
 */
public class OrderForm {

    public static final String CASH_ON_DELIVERY = "CASH_ON_DELIVERY";

    @RestForm
    public String lotId;

    @RestForm
    public String grams;

    @RestForm
    public String recipient;

    @RestForm
    public String phone;

    @RestForm
    public String province;

    @RestForm
    public String commune;

    @RestForm
    public String street;

    @RestForm
    public String payment;

    @RestForm
    public String key;

    /** The livestream the form was opened from (its code), passed to order-service to count the order for it. */
    @RestForm
    public String live;

    /** A new form, with its own key: 1 kg of the first lot, cash on delivery. */
    public static OrderForm fresh(Long lotId) {
        OrderForm form = new OrderForm();
        form.lotId = lotId == null ? "" : String.valueOf(lotId);
        form.grams = "1000";
        form.payment = CASH_ON_DELIVERY;
        form.key = newKey();
        return form;
    }

    /** The same, carrying a livestream's code. */
    public static OrderForm fresh(Long lotId, String live) {
        OrderForm form = fresh(lotId);
        form.live = live;
        return form;
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The key the form came with, or a new one when a form arrives without (it was not one of ours). */
    public String keyOrNew() {
        if (key == null || !key.matches("[0-9a-f-]{36}")) {
            key = newKey();
        }
        return key;
    }

    public boolean isLot(long id) {
        return lotId != null && String.valueOf(id).equals(lotId.strip());
    }

    public boolean pays(String method) {
        return method.equals(payment == null ? CASH_ON_DELIVERY : payment);
    }
}
