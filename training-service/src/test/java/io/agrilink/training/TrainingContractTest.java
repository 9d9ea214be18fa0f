package io.agrilink.training;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.ServiceContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TrainingContractTest extends ServiceContract {

    @Override
    protected String securedPostPath() {
        return "/courses";
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
        return "title.vi";
    }

    /** No other service calls training-service: its snapshot has no operation, and must stay so until one does. */
    @Override
    protected String interServiceContract() {
        return "training-service";
    }
}
