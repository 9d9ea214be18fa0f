package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A configured Keycloak that hangs: registration answers 503 within the read timeout and audits nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(AccountKeycloakDownTest.HungKeycloak.class)
class AccountKeycloakDownTest {

    public static class HungKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentKeycloak.class));
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void aHungIdentityProviderIsUnavailableWithinTheTimeoutAndNothingIsAudited() {
        long before = count(db, "select count(*) from audit_entry where subject_type = 'ACCOUNT'");
        asStaff().body(Map.of("username", "0912345678", "firstName", "Lan", "lastName", "Nguyễn Thị",
                "role", "farmer")).post("/accounts").then().time(lessThan(10L), TimeUnit.SECONDS)
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("could not be reached in time")).body(not(containsString("Exception")));
        asStaff().get("/accounts/0912345678").then().time(lessThan(10L), TimeUnit.SECONDS).statusCode(503);
        assertEquals(before, count(db, "select count(*) from audit_entry where subject_type = 'ACCOUNT'"));
    }
}
