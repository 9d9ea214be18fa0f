package io.agrilink.platform.web;

/**
 * Marks the operations one AgriLink service calls on another. Each provider tags them
 * {@code @Tag(name = InterService.TAG)}; that part of its OpenAPI is the contract, committed in
 * {@code docs/contracts/<service>.yaml}, which the provider's own tests keep it matching and each
 * consumer's test double and REST client are checked against ({@code ContractSnapshot} in the test-jar).
 */
public final class InterService {

    /** The OpenAPI tag of an inter-service operation. */
    public static final String TAG = "inter-service";

    private InterService() {
    }
}
