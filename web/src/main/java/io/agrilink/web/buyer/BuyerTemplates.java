package io.agrilink.web.buyer;

import io.agrilink.web.Visitor;
import io.quarkus.qute.TemplateExtension;

/**
 * What the buyer templates ask of the visitor. {@code {#if visitor.is('buyer')}} is never true in a
 * Qute section (the parser reads {@code is} as its equality operator), so the buyer pages ask
 * {@code visitor.buyer} instead.
 */
@TemplateExtension
public final class BuyerTemplates {

    private BuyerTemplates() {
    }

    /** Whether the signed-in person may order (the services still decide). */
    static boolean buyer(Visitor visitor) {
        return visitor.is("buyer");
    }
}
