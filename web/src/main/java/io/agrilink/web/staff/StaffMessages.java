package io.agrilink.web.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The staff pages' text, {@code {staff:key}} in templates: Vietnamese in
 * {@code messages/staff_vi.properties} (the default), English in {@code messages/staff_en.properties}.
 */
@MessageBundle(value = "staff", locale = "vi")
public interface StaffMessages {
    @Message
    String home_title();

    @Message
    String home_campaigns();

    @Message
    String home_campaigns_what();

    @Message
    String home_orders();

    @Message
    String home_orders_what();

    @Message
    String home_producers();

    @Message
    String home_producers_what();

    @Message
    String home_accounts();

    @Message
    String home_accounts_what();

    @Message
    String home_training();

    @Message
    String home_training_what();

    @Message
    String home_shipments();

    @Message
    String home_shipments_what();

    @Message
    String pages();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String producers_title();

    @Message
    String producers_count(long total);

    @Message
    String producers_none();

    @Message
    String producer_name();

    @Message
    String producer_where();

    @Message
    String producer_phone();

    @Message
    String producer_area();

    @Message
    String producer_ocop(Integer stars);

    @Message
    String producer_owners();

    @Message
    String producer_noOwner();

    @Message
    String producer_certifications();

    @Message
    String cert_none();

    @Message
    String cert_until(String date);

    @Message
    String cert_expired();

    @Message
    String cert_soon();

    @Message
    String cert_scheme();

    @Message
    String cert_code();

    @Message
    String cert_issuedOn();

    @Message
    String cert_expiresOn();

    @Message
    String cert_add();

    @Message
    String cert_addButton();

    @Message
    String cert_added();

    @Message
    String account_title();

    @Message
    String account_what();

    @Message
    String account_phone();

    @Message
    String account_phoneHint();

    @Message
    String account_lastName();

    @Message
    String account_firstName();

    @Message
    String account_email();

    @Message
    String account_button();

    @Message
    String account_created(String username);

    @Message
    String account_password();

    @Message
    String account_once();

    @Message
    String account_signInAt();

    @Message
    String account_another();

    @Message
    String campaigns_title();

    @Message
    String campaigns_group(String group);

    @Message
    String campaigns_none();

    @Message
    String campaign_new();

    @Message
    String campaign_name();

    @Message
    String campaign_host();

    @Message
    String campaign_hostHint();

    @Message
    String campaign_description();

    @Message
    String campaign_window();

    @Message
    String campaign_progress();

    @Message
    String campaign_live();

    @Message
    String campaign_startsAt();

    @Message
    String campaign_endsAt();

    @Message
    String campaign_timeHint();

    @Message
    String campaign_limit();

    @Message
    String campaign_target();

    @Message
    String campaign_lots();

    @Message
    String campaign_lotsHint();

    @Message
    String campaign_lotId(int row);

    @Message
    String campaign_price(int row);

    @Message
    String campaign_create();

    @Message
    String campaign_lotsOnSale();

    @Message
    String campaign_lot();

    @Message
    String campaign_product();

    @Message
    String campaign_available();

    @Message
    String campaign_regularPrice();

    @Message
    String campaign_harvested(String date);

    @Message
    String campaign_noLots();

    @Message
    String live_title();

    @Message
    String live_running();

    @Message
    String live_orders();

    @Message
    String live_weight();

    @Message
    String live_revenue();

    @Message
    String live_target(String target, long percent);

    @Message
    String live_asOf(String time);

    @Message
    String live_stale();

    @Message
    String chart_perMinute();

    @Message
    String chart_byProvince();

    @Message
    String chart_byCountry();

    @Message
    String chart_none();

    @Message
    String group_key();

    @Message
    String orders_title();

    @Message
    String orders_attention();

    @Message
    String orders_awaitingPayment();

    @Message
    String orders_cancelling();

    @Message
    String orders_refused();

    @Message
    String orders_all();

    @Message
    String orders_filter();

    @Message
    String orders_count(long total);

    @Message
    String orders_none();

    @Message
    String order_title(long id);

    @Message
    String order_number();

    @Message
    String order_buyer();

    @Message
    String order_status();

    @Message
    String order_payment();

    @Message
    String order_total();

    @Message
    String order_placed();

    @Message
    String order_due(String time);

    @Message
    String order_actions();

    @Message
    String order_markPaid();

    @Message
    String order_reference();

    @Message
    String order_referenceHint();

    @Message
    String order_cancel();

    @Message
    String order_reason();

    @Message
    String order_delivery();

    @Message
    String order_deliveryCode();

    @Message
    String order_lines();

    @Message
    String order_weight();

    @Message
    String order_price();

    @Message
    String order_amount();

    @Message
    String order_packed(String weight);

    @Message
    String order_history();

    @Message
    String order_refusedNotice();

    @Message
    String history_at();

    @Message
    String history_what();

    @Message
    String history_who();

    @Message
    String history_detail();

    @Message
    String status(String s);

    @Message
    String payment(String p);

    @Message
    String action(String a);

    @Message
    String notADate();

    @Message
    String notATime();

    @Message
    String notAWeight();

    @Message
    String notANumber();

    @Message
    String home_payments();

    @Message
    String home_payments_what();

    @Message
    String home_refunds();

    @Message
    String home_refunds_what();

    @Message
    String payments_title();

    @Message
    String payments_filter();

    @Message
    String paymentsFilter(String f);

    @Message
    String payments_count(long total);

    @Message
    String payments_none();

    @Message
    String payment_number();

    @Message
    String payment_order();

    @Message
    String payment_status();

    @Message
    String payment_amount();

    @Message
    String payment_reference();

    @Message
    String payment_when();

    @Message
    String payStatus(String s);

    @Message
    String payment_mismatch();

    @Message
    String payment_received(String amount);

    @Message
    String payment_providerRef(String ref);

    @Message
    String payment_paidAt(String time);

    @Message
    String payment_expiresAt(String time);

    @Message
    String refund_number();

    @Message
    String refund_status();

    @Message
    String refund_why();

    @Message
    String refundStatus(String s);

    @Message
    String refund_error(String error);

    @Message
    String refund_requestedAt(String time, String who);

    @Message
    String refund_doneAt(String time, String who);

    @Message
    String refund_complete(long id);

    @Message
    String refund_reference();

    @Message
    String refund_referenceHint();

    @Message
    String refund_sent();

    @Message
    String refund_referenceNeeded();

    @Message
    String refund_notRequested(long id);

    @Message
    String refund_completed(long id);

    @Message
    String refunds_title();

    @Message
    String refunds_none();

    @Message
    String refunds_requested(int count);

    @Message
    String refunds_requestedHint();

    @Message
    String refunds_failed(int count);

    @Message
    String refunds_done(long count);

    @Message
    String order_payments();

    @Message
    String order_refunds();

    @Message
    String order_refundsTodo();
}
