package io.agrilink.catalog;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CatalogContractTest extends ServiceContract {

    @Override
    protected String securedPostPath() {
        return "/producers";
    }

    @Override
    protected String allowedRole() {
        return Roles.STAFF;
    }

    @Override
    protected String refusedRole() {
        return Roles.BUYER;
    }

    @Override
    protected String textField() {
        return "name";
    }

    @Override
    protected String interServiceContract() {
        return "catalog-service";
    }
}
