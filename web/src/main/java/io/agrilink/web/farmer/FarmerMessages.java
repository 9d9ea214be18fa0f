package io.agrilink.web.farmer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The farmer pages' text, {@code {farmer:key}} in templates: Vietnamese in
 * {@code messages/farmer_vi.properties} (the default), English in {@code messages/farmer_en.properties}.
 */
@MessageBundle(value = "farmer", locale = "vi")
public interface FarmerMessages {

    @Message
    String home_title();

    @Message
    String nav_products();

    @Message
    String nav_packing();

    @Message
    String nav_courses();

    @Message
    String nav_certificates();

    @Message
    String back();

    @Message
    String home_noProducer();

    @Message
    String kind(String kind);

    @Message
    String home_formerly(String province);

    @Message
    String home_ocop(int stars);

    @Message
    String home_until(String date);

    @Message
    String home_noOcop();

    @Message
    String home_growingArea(String code);

    @Message
    String home_certifications();

    @Message
    String home_noCertifications();

    @Message
    String home_expires(String date);

    @Message
    String certState(String state, long daysLeft);

    @Message
    String products_title();

    @Message
    String products_none();

    @Message
    String products_noLots();

    @Message
    String perKg(String price);

    @Message
    String lot_new();

    @Message
    String lot_product();

    @Message
    String lot_productNumber(String id);

    @Message
    String lot_harvestDate();

    @Message
    String lot_quantityKg();

    @Message
    String lot_quantityHint();

    @Message
    String lot_setByCatalog();

    @Message
    String lot_terms(String price, int days);

    @Message
    String lot_add();

    @Message
    String lot_harvest();

    @Message
    String lot_bestBefore();

    @Message
    String lot_available();

    @Message
    String lot_price();

    @Message
    String lot_justAdded();

    @Message
    String lot_campaign();

    @Message
    String lot_chooseProduct();

    @Message
    String lot_badDate();

    @Message
    String lot_badKg();

    @Message
    String lot_notSaved();

    @Message
    String lot_notYours();

    @Message
    String lot_noSuchProduct();

    @Message
    String lot_delisted();

    @Message
    String packing_title();

    @Message
    String packing_day(String date);

    @Message
    String packing_total();

    @Message
    String packing_packed();

    @Message
    String packing_toPack();

    @Message
    String packing_lines(long count);

    @Message
    String packing_none();

    @Message
    String packing_unknown();

    @Message
    String packing_order(String ref);

    @Message
    String packing_ordered(String weight);

    @Message
    String packing_packedLine(String weight);

    @Message
    String packing_weight();

    @Message
    String packing_save();

    @Message
    String packing_badKg();

    @Message
    String packing_notSaved();

    @Message
    String packing_notYours();

    @Message
    String packing_notToPack();
}
