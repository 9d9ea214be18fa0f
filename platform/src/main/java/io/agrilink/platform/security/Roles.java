package io.agrilink.platform.security;

/**
 * The roles a caller can hold. The names are the values of the token's groups claim
 * (or of the claim named by {@code smallrye.jwt.path.groups}, e.g. Keycloak's {@code realm_access/roles}).
 */
public final class Roles {

    /** Programme staff: curate producers and campaigns, run training, see every order and report. */
    public static final String STAFF = "staff";
    /** A farmer: owns producers, products and lots; enrols in training; packs orders. */
    public static final String FARMER = "farmer";
    /** A buyer: places and follows their own orders. */
    public static final String BUYER = "buyer";
    /** A logistics firm: takes shipments and tracks them to delivery. */
    public static final String CARRIER = "carrier";
    /** Another AgriLink service calling on its own behalf. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
