package io.agrilink.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' text, {@code {msg:key}} in templates: Vietnamese in {@code messages/msg_vi.properties}
 * (the default), English in {@code messages/msg_en.properties}. A key missing in either fails the build.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Messages {

    @Message
    String appName();

    @Message
    String tagline();

    @Message
    String signIn();

    @Message
    String signOut();

    @Message
    String role(String role);

    @Message
    String switchLanguage();

    @Message
    String nav_home();

    @Message
    String nav_search();

    @Message
    String nav_myOrders();

    @Message
    String nav_farmer();

    @Message
    String nav_carrier();

    @Message
    String nav_staff();

    @Message
    String down();

    @Message
    String home_title();

    @Message
    String home_none();

    @Message
    String campaign_host(String host);

    @Message
    String campaign_window(String from, String to);

    @Message
    String campaign_progress(String reserved, String target);

    @Message
    String campaign_was(String price);

    @Message
    String campaign_left(String weight);

    @Message
    String search_title();

    @Message
    String search_query();

    @Message
    String search_province();

    @Message
    String search_anyProvince();

    @Message
    String search_submit();

    @Message
    String search_found(long total);

    @Message
    String search_none();

    @Message
    String perKg(String price);

    @Message
    String product_producer();

    @Message
    String product_ocop(int stars);

    @Message
    String product_certifications();

    @Message
    String product_noCertifications();

    @Message
    String product_validUntil(String date);

    @Message
    String product_lots();

    @Message
    String product_noLots();

    @Message
    String lot_harvest();

    @Message
    String lot_bestBefore();

    @Message
    String lot_left();

    @Message
    String lot_price();

    @Message
    String error_title(String what);

    @Message
    String error_what(String what);

    @Message
    String error_home();
}
