package io.agrilink.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Checks every problem any {@code @QuarkusTest} of any service receives through rest-assured,
 * not only the contract's: Quarkus finds this callback in the platform test-jar
 * ({@code META-INF/services}) and runs it before each test.
 */
public class ProblemShapeEverywhere implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ProblemShape.install();
    }
}
