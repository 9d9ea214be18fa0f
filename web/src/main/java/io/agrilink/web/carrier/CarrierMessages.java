package io.agrilink.web.carrier;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The carrier screens' and staff's shipment screens' text, {@code {carrier:key}} in templates: Vietnamese in
 * {@code messages/carrier_vi.properties} (the default), English in {@code messages/carrier_en.properties}.
 */
@MessageBundle(value = "carrier", locale = "vi")
public interface CarrierMessages {

    @Message
    String nav();

    @Message
    String loads_title();

    @Message
    String mine_title();

    @Message
    String notRegistered();

    @Message
    String loads_none();

    @Message
    String take();

    @Message
    String from();

    @Message
    String to();

    @Message
    String weight();

    @Message
    String temperature();

    @Message
    String range(String min, String max);

    @Message
    String ambient();

    @Message
    String deadline();

    @Message
    String late();

    @Message
    String dueSoon();

    @Message
    String cod();

    @Message
    String export();

    @Message
    String exportPapers(int count);

    @Message
    String mine_none();

    @Message
    String status(String status);

    @Message
    String paper(String requirement);

    @Message
    String back();

    @Message
    String parcels();

    @Message
    String recipient();

    @Message
    String papers_title();

    @Message
    String papers_done(String paper, String ref);

    @Message
    String papers_ref();

    @Message
    String papers_tick();

    @Message
    String papers_missing(String paper);

    @Message
    String papers_first();

    @Message
    String step_title(String status);

    @Message
    String step_button(String status);

    @Message
    String location();

    @Message
    String reason();

    @Message
    String delivery_recipient();

    @Message
    String delivery_code();

    @Message
    String delivery_codeHint();

    @Message
    String delivery_cash();

    @Message
    String delivery_cashHint(String amount);

    @Message
    String delivered_title();

    @Message
    String delivered(String name, String time);

    @Message
    String delivered_cash(String amount);

    @Message
    String readings_title();

    @Message
    String reading_value();

    @Message
    String reading_record();

    @Message
    String readings_none();

    @Message
    String readings_at();

    @Message
    String readings_celsius();

    @Message
    String outOfRange();

    @Message
    String history_title();

    @Message
    String staff_title();

    @Message
    String staff_window();

    @Message
    String staff_hours(int hours);

    @Message
    String staff_show();

    @Message
    String staff_alerts();

    @Message
    String staff_noAlerts();

    @Message
    String staff_carrier(long id);

    @Message
    String staff_noCarrier();

    @Message
    String staff_atRisk(long total);

    @Message
    String staff_none();

    @Message
    String takenByAnother();

    @Message
    String loadGone();

    @Message
    String capacityUsed(long capacity);

    @Message
    String cannotServe();

    @Message
    String suspended();

    @Message
    String required();

    @Message
    String temperatureNotANumber();

    @Message
    String cashNotAnAmount();

    @Message
    String papersMissing();

    @Message
    String stepNotAllowed();

    @Message
    String closed();
}
