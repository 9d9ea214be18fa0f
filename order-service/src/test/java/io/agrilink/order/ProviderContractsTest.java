package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.client.LogisticsRestClient;
import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.LogisticsDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.ContractSnapshot;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * What order-service calls on catalog-service and logistics-service, and what its doubles of them
 * serve and answer, follow the providers' committed contracts ({@code docs/contracts/}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProviderContractsTest {

    private static final String CATALOG_MOUNT = "/test-double/catalog";
    private static final String LOGISTICS_MOUNT = "/test-double/logistics";
    private static final ContractSnapshot CATALOG = ContractSnapshot.of("catalog-service");
    private static final ContractSnapshot LOGISTICS = ContractSnapshot.of("logistics-service");

    @Inject
    CatalogDouble catalog;

    @Inject
    LogisticsDouble logistics;

    private static RequestSpecification asService(ContractSnapshot provider, String mount) {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "order-service")).contentType("application/json")
                .filter(provider.exchanges(mount));
    }

    @Test
    void catalogClientCallsOnlyCatalogServiceOperationsWithTheirFields() {
        CATALOG.checkClient(CatalogRestClient.class);
    }

    @Test
    void catalogDoubleServesOnlyCatalogServiceOperations() {
        CATALOG.checkDouble(CatalogDouble.class, CATALOG_MOUNT);
    }

    @Test
    void catalogDoubleAnswersWithTheStatusesAndFieldsOfCatalogService() {
        long lot = catalog.addLot(5_000, 100_000, null, "farmer-lan");
        String batched = unique("o-contract");
        String refused = unique("o-contract");
        String single = unique("o-contract");

        asService(CATALOG, CATALOG_MOUNT).body("""
                {"reservations": [
                  {"orderRef": "%s", "buyer": "buyer-an", "ttlSeconds": 600, "lines": [{"lotId": %d, "grams": 1000}]},
                  {"orderRef": "%s", "buyer": "buyer-an", "ttlSeconds": 600, "lines": [{"lotId": %d, "grams": 99000}]}
                ]}""".formatted(batched, lot, refused, lot))
                .post(CATALOG_MOUNT + "/stock/reservation-batches").then().statusCode(200)
                .body("results[0].status", equalTo(201), "results[1].status", equalTo(409));
        String reservation = """
                {"orderRef": "%s", "buyer": "buyer-an", "ttlSeconds": 600, "lines": [{"lotId": %d, "grams": 500}]}"""
                .formatted(single, lot);
        asService(CATALOG, CATALOG_MOUNT).body(reservation).post(CATALOG_MOUNT + "/stock/reservations").then()
                .statusCode(201);
        asService(CATALOG, CATALOG_MOUNT).body(reservation).post(CATALOG_MOUNT + "/stock/reservations").then()
                .statusCode(200);

        asService(CATALOG, CATALOG_MOUNT).post(CATALOG_MOUNT + "/stock/reservations/" + single + "/confirm").then()
                .statusCode(200);
        asService(CATALOG, CATALOG_MOUNT).post(CATALOG_MOUNT + "/stock/reservations/" + unique("o-none") + "/confirm")
                .then().statusCode(404);
        asService(CATALOG, CATALOG_MOUNT).body("{\"orderRefs\": [\"%s\", \"%s\"]}".formatted(batched, unique("o-none")))
                .post(CATALOG_MOUNT + "/stock/confirmations").then().statusCode(200)
                .body("results[0].status", equalTo(200), "results[1].status", equalTo(404));
        asService(CATALOG, CATALOG_MOUNT).delete(CATALOG_MOUNT + "/stock/reservations/" + batched).then().statusCode(204);
    }

    @Test
    void logisticsClientCallsOnlyLogisticsServiceOperationsWithTheirFields() {
        LOGISTICS.checkClient(LogisticsRestClient.class);
    }

    @Test
    void logisticsDoubleServesOnlyLogisticsServiceOperations() {
        LOGISTICS.checkDouble(LogisticsDouble.class, LOGISTICS_MOUNT);
    }

    @Test
    void logisticsDoubleAnswersWithTheStatusesAndFieldsOfLogisticsService() {
        long handedOver = 900_000 + System.nanoTime() % 100_000;
        long pickedUp = handedOver + 100_000;
        asService(LOGISTICS, LOGISTICS_MOUNT).body(shipment(handedOver)).post(LOGISTICS_MOUNT + "/shipments").then()
                .statusCode(201);
        asService(LOGISTICS, LOGISTICS_MOUNT).body(shipment(handedOver)).post(LOGISTICS_MOUNT + "/shipments").then()
                .statusCode(200);
        asService(LOGISTICS, LOGISTICS_MOUNT).body(shipment(pickedUp)).post(LOGISTICS_MOUNT + "/shipments").then()
                .statusCode(201);
        logistics.pickedUp(pickedUp);
        asService(LOGISTICS, LOGISTICS_MOUNT).body("{\"orderId\": %d, \"reason\": \"buyer cancelled\"}".formatted(handedOver))
                .post(LOGISTICS_MOUNT + "/shipments/withdrawals").then().statusCode(200);
        asService(LOGISTICS, LOGISTICS_MOUNT).body("{\"orderId\": %d, \"reason\": \"buyer cancelled\"}".formatted(pickedUp))
                .post(LOGISTICS_MOUNT + "/shipments/withdrawals").then().statusCode(409);
    }

    private static String shipment(long orderId) {
        return """
                {"orderId": %d, "orderRef": "o-%d",
                 "pickup": {"producerId": 7, "producerName": "HTX Vải thiều Lục Ngạn", "province": "Bắc Ninh",
                            "commune": "Xã Lục Ngạn", "phone": "+84912345678"},
                 "destination": {"recipient": "Nguyễn Văn An", "phone": "+84987654321", "country": "VN",
                                 "province": "Hà Nội", "commune": "Phường Hàng Bạc", "street": "12 Hàng Bạc",
                                 "postalCode": "100000"},
                 "parcels": [{"description": "Vải thiều 2 kg", "grams": 2000}],
                 "codAmount": 200000, "coldChain": {"minCelsius": 2, "maxCelsius": 5},
                 "deliverBy": "2026-06-20T10:00:00Z"}""".formatted(orderId, orderId);
    }
}
