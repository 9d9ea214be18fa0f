package io.agrilink.web.staff.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.Refund;

/**
 * What the staff pages read from catalog-service and order-service: each read answers, or says its
 * service is down (the page then shows a banner). A 4xx passes through; writes are the pages' own calls.
 */
@ApplicationScoped
public class StaffClients {

    private static final String CATALOG = "catalog-service";
    private static final String ORDER = "order-service";

    @Inject
    @RestClient
    StaffCatalogRestClient catalog;

    @Inject
    @RestClient
    StaffOrderRestClient orders;

    public StaffCatalogRestClient catalog() {
        return catalog;
    }

    public StaffOrderRestClient orders() {
        return orders;
    }

    public Fetched<Page<StaffProducer>> producers(int page) {
        return Fetched.of(CATALOG, () -> catalog.producers(page, 20), Page.empty());
    }

    public Fetched<StaffProducer> producer(long id) {
        return Fetched.of(CATALOG, () -> catalog.producer(id), null);
    }

    /** Up to 100 campaigns, the latest start first as catalog lists them; the page sorts them into running, upcoming, ended. */
    public Fetched<Page<Campaign>> campaigns() {
        return Fetched.of(CATALOG, () -> catalog.campaigns(0, 100), Page.empty());
    }

    public Fetched<Campaign> campaign(long id) {
        return Fetched.of(CATALOG, () -> catalog.campaign(id), null);
    }

    public Fetched<Dashboard> dashboard(long campaignId) {
        return Fetched.of(ORDER, () -> orders.dashboard(campaignId), Dashboard.empty(campaignId));
    }

    public Fetched<Page<StaffOrder>> orders(String status, String buyer, int page, int size) {
        return Fetched.of(ORDER, () -> orders.orders(status, buyer, page, size), Page.empty());
    }

    public Fetched<StaffOrder> order(long id) {
        return Fetched.of(ORDER, () -> orders.order(id), null);
    }

    public Fetched<List<StaffOrder.HistoryEntry>> history(long id) {
        return Fetched.of(ORDER, () -> orders.history(id), List.of());
    }

    public Fetched<OrderPayments> orderPayments(long id) {
        return Fetched.of(ORDER, () -> orders.orderPayments(id), null);
    }

    public Fetched<Page<Payment>> payments(String status, Boolean mismatch, int page, int size) {
        return Fetched.of(ORDER, () -> orders.payments(status, null, mismatch, page, size), Page.empty());
    }

    public Fetched<Page<Refund>> refunds(String status, int page, int size) {
        return Fetched.of(ORDER, () -> orders.refunds(status, null, page, size), Page.empty());
    }
}
