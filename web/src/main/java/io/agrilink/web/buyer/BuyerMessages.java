package io.agrilink.web.buyer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The buyer pages' text, {@code {buyer:key}} in templates: Vietnamese in {@code messages/buyer_vi.properties}
 * (the default), English in {@code messages/buyer_en.properties}. A key missing in either fails the build.
 */
@MessageBundle(value = "buyer", locale = "vi")
public interface BuyerMessages {

    @Message
    String home_watchLive();

    @Message
    String campaign_lots();

    @Message
    String campaign_product();

    @Message
    String campaign_limit(String weight);

    @Message
    String campaign_notRunning();

    @Message
    String campaign_unavailable();

    @Message
    String lot_soldOut();

    @Message
    String counter_title();

    @Message
    String counter_sold();

    @Message
    String counter_left();

    @Message
    String counter_orders();

    @Message
    String counter_kg();

    @Message
    String counter_byProvince();

    @Message
    String counter_noOrders();

    @Message
    String counter_asOf(String time);

    @Message
    String counter_partial();

    @Message
    String order_title();

    @Message
    String order_lot();

    @Message
    String order_grams();

    @Message
    String order_gramsHint();

    @Message
    String order_recipient();

    @Message
    String order_phone();

    @Message
    String order_province();

    @Message
    String order_chooseProvince();

    @Message
    String order_commune();

    @Message
    String order_street();

    @Message
    String order_payment();

    @Message
    String payment(String method);

    @Message
    String order_submit();

    @Message
    String order_buyersOnly();

    @Message
    String order_signIn();

    @Message
    String order_signInLater();

    @Message
    String order_chooseLot();

    @Message
    String order_gramsNumber();

    @Message
    String order_notPlaced();

    @Message
    String order_soldOut();

    @Message
    String order_onlyLeft(String weight);

    @Message
    String order_overLimit(String limit, String left);

    @Message
    String order_keyUsed();

    @Message
    String order_serviceDown();

    @Message
    String order_number(long id);

    @Message
    String order_total();

    @Message
    String order_amount();

    @Message
    String order_deliverTo();

    @Message
    String order_deliveryCode();

    @Message
    String order_deliveryCodeHint();

    @Message
    String status(String status);

    @Message
    String timeline_title();

    @Message
    String timeline_note();

    @Message
    String timeline_none();

    @Message
    String myOrders_title();

    @Message
    String myOrders_none();

    @Message
    String myOrders_shop();

    @Message
    String myOrders_more(int count);

    @Message
    String myOrders_placedAt(String time);

    @Message
    String myOrders_total(long total);

    @Message
    String myOrders_back();

    @Message
    String cancel_title();

    @Message
    String cancel_reason();

    @Message
    String cancel_hint();

    @Message
    String cancel_submit();

    @Message
    String cancel_reasonTooLong(int max);

    @Message
    String cancel_refused(String status);

    @Message
    String placed_title();

    @Message
    String placed_what(String weight, String product);

    @Message
    String placed_howToPay();

    @Message
    String placed_cash(String amount);

    @Message
    String placed_payOnline(String amount, String method);

    @Message
    String placed_payBefore(String time);

    @Message
    String placed_follow();

    @Message
    String product_inCampaign();

    @Message
    String search_certification();

    @Message
    String search_anyCertification();

    @Message
    String certification(String scheme);

    @Message
    String search_ocop();

    @Message
    String search_anyOcop();

    @Message
    String search_ocopAtLeast(String stars);

    @Message
    String order_domesticOnly();

    @Message
    String order_cashInVietnamOnly();

    @Message
    String order_paymentUnavailable();

    @Message
    String pay_title();

    @Message
    String pay_stateTitle();

    @Message
    String pay_paymentStatus();

    @Message
    String pay_orderStatus();

    @Message
    String pay_notStarted();

    @Message
    String payStatus(String status);

    @Message
    String pay_mismatch(String received, String due);

    @Message
    String pay_waitingConfirmation();

    @Message
    String pay_waitingTransfer();

    @Message
    String pay_paid(String amount, String time);

    @Message
    String pay_expired();

    @Message
    String pay_failed();

    @Message
    String pay_refunded(String amount, String time);

    @Message
    String pay_refundFailed(String amount);

    @Message
    String pay_refundRequested(String amount);

    @Message
    String pay_scanTitle();

    @Message
    String pay_scan();

    @Message
    String pay_qrAlt(String amount, String reference);

    @Message
    String pay_bank();

    @Message
    String pay_account();

    @Message
    String pay_accountName();

    @Message
    String pay_amount();

    @Message
    String pay_reference();

    @Message
    String pay_due();

    @Message
    String pay_referenceHint(String reference);

    @Message
    String pay_payload();

    @Message
    String pay_payloadHint();

    @Message
    String pay_sandbox();

    @Message
    String pay_onlineHint(String method);

    @Message
    String pay_dueBy(String time);

    @Message
    String pay_online(String method);

    @Message
    String pay_unavailable();

    @Message
    String pay_notAwaiting(String status);

    @Message
    String pay_providerDown();

    @Message
    String pay_now();

    @Message
    String pay_history();
}
