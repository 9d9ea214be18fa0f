package io.agrilink.order;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OrderContractTest extends ServiceContract {

    @Override
    protected String securedPostPath() {
        return "/orders";
    }

    @Override
    protected String allowedRole() {
        return Roles.BUYER;
    }

    @Override
    protected String refusedRole() {
        return Roles.CARRIER;
    }

    @Override
    protected String textField() {
        return "delivery.recipient";
    }

    @Override
    protected String interServiceContract() {
        return "order-service";
    }
}
