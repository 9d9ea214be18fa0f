package io.agrilink.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract checker: what a snapshot keeps, how a change is reported, what a consumer may call. */
class ContractSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A provider's OpenAPI: one inter-service operation using a schema by reference, one public one. */
    private static final String OPEN_API = """
            {"openapi": "3.1.0", "info": {"title": "t"},
             "paths": {
               "/shipments": {"post": {"tags": ["inter-service"], "summary": "Hand over", "operationId": "handOver",
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewShipment"}}}},
                 "responses": {"201": {"description": "Created",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ShipmentView"}}}},
                   "400": {"description": "Invalid"}}}},
               "/shipments/{id}": {"get": {"tags": ["public"], "responses": {"200": {"description": "A shipment"}}}},
               "/shipments/{id}/events": {"post": {"tags": ["inter-service"],
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                                {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}}],
                 "responses": {"204": {"description": "Recorded"}}}}},
             "components": {"schemas": {
               "NewShipment": {"type": "object", "description": "prose", "properties": {
                 "orderId": {"type": "integer", "format": "int64"},
                 "parcels": {"type": "array", "items": {"$ref": "#/components/schemas/Parcel"}}}},
               "Parcel": {"type": "object", "properties": {
                 "description": {"type": "string", "description": "what is in it"}, "grams": {"type": "integer"}}},
               "ShipmentView": {"type": "object", "properties": {
                 "id": {"type": "integer"}, "deliveryCode": {"type": "string"}}}}}}""";

    private static JsonNode snapshot() throws Exception {
        return ContractSnapshot.interServicePart(JSON.readTree(OPEN_API));
    }

    @Test
    void snapshotKeepsOnlyTaggedOperationsWithSchemasInPlaceAndNoProse() throws Exception {
        JsonNode snapshot = snapshot();
        assertEquals(List.of("/shipments", "/shipments/{id}/events"), names(snapshot.get("paths")));
        JsonNode post = snapshot.at("/paths/~1shipments/post");
        assertEquals(List.of("requestBody", "responses"), names(post), "no tags, summary or operation id");
        JsonNode parcel = post.at("/requestBody/content/application~1json/schema/properties/parcels/items");
        assertEquals("string", parcel.at("/properties/description/type").asText(),
                "a field named description is kept, its own description is not");
        assertTrue(parcel.at("/properties/description/description").isMissingNode());
        assertTrue(post.at("/responses/201/description").isMissingNode());
        assertTrue(snapshot.toString().indexOf("$ref") < 0, "no reference left: " + snapshot);
    }

    @Test
    void aRenamedJavaSchemaChangesNothingButARenamedFieldIsReportedWhereItIs() throws Exception {
        String renamedClass = OPEN_API.replace("ShipmentView", "ShipmentResponse");
        assertEquals(List.of(), ContractSnapshot.differences(snapshot(),
                ContractSnapshot.interServicePart(JSON.readTree(renamedClass))));

        String renamedField = OPEN_API.replace("\"deliveryCode\"", "\"code\"");
        List<String> differences = ContractSnapshot.differences(snapshot(),
                ContractSnapshot.interServicePart(JSON.readTree(renamedField)));
        String at = "paths./shipments.post.responses.201.content.application/json.schema.properties.";
        assertEquals(List.of("+ " + at + "code (new in the live API): {\"type\":\"string\"}",
                "- " + at + "deliveryCode (in the snapshot, gone from the live API): {\"type\":\"string\"}"), differences);
    }

    @Test
    void aChangedStatusCodeIsReported() throws Exception {
        List<String> differences = ContractSnapshot.differences(snapshot(),
                ContractSnapshot.interServicePart(JSON.readTree(OPEN_API.replace("\"204\"", "\"200\""))));
        assertEquals(2, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("+ paths./shipments/{id}/events.post.responses.200"), differences.toString());
    }

    @Path("/shipments")
    interface GoodClient {
        @POST
        Shipment create(NewShipment shipment);

        @POST
        @Path("/{shipmentId}/events")
        void event(@PathParam("shipmentId") long id, @QueryParam("dryRun") boolean dryRun);
    }

    record NewShipment(long orderId, List<Parcel> parcels) {
    }

    record Parcel(String description, long grams) {
    }

    record Shipment(long id, String deliveryCode) {
    }

    @Test
    void aClientCallingTheContractsOperationsWithItsFieldsPasses() throws Exception {
        ContractSnapshot.of("logistics-service", snapshot()).checkClient(GoodClient.class);
    }

    @Path("/shipments")
    interface WrongClient {
        @GET
        @Path("/{id}/events")
        void events(@PathParam("id") long id);

        @POST
        Receipt create(Order shipment);

        @POST
        @Path("/{id}/events")
        void event(@PathParam("id") long id, @QueryParam("force") boolean force);
    }

    record Order(long orderId, List<Box> parcels) {
    }

    record Box(String label) {
    }

    record Receipt(long id, String trackingUrl) {
    }

    @Test
    void aClientsWrongMethodQueryParameterAndFieldsAreEachNamed() throws Exception {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ContractSnapshot.of("logistics-service", snapshot()).checkClient(WrongClient.class));
        String message = failure.getMessage();
        assertTrue(message.contains("WrongClient.events (GET /shipments/{id}/events): no such operation in "
                + "logistics-service's contract; it has [POST /shipments, POST /shipments/{id}/events]"), message);
        assertTrue(message.contains("WrongClient.event (POST /shipments/{id}/events): no query parameter force"), message);
        assertTrue(message.contains("sends parcels[].label: no such field in the contract (it has [description, grams])"),
                message);
        assertTrue(message.contains("reads trackingUrl: no such field in the contract (it has [deliveryCode, id])"),
                message);
    }

    @Path("/test-double/logistics/shipments")
    public static class DoubleServingMore {
        @POST
        public void create(String body) {
        }

        @GET
        @Path("/{id}")
        public void get(@PathParam("id") long id) {
        }
    }

    @Test
    void aDoubleServingAnOperationTheProviderDoesNotHaveIsNamed() throws Exception {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> ContractSnapshot
                .of("logistics-service", snapshot()).checkDouble(DoubleServingMore.class, "/test-double/logistics"));
        assertTrue(failure.getMessage().contains("DoubleServingMore.get serves GET /shipments/{id}: no such operation"),
                failure.getMessage());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
