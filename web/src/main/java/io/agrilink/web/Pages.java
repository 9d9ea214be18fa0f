package io.agrilink.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Every page is rendered in the visitor's language, with the visitor at hand for the layout and no
 * "service down" banner unless the page sets {@code down}.
 */
@ApplicationScoped
public class Pages {

    @Inject
    Visitor visitor;

    public TemplateInstance of(Template template) {
        TemplateInstance page = template.instance();
        page.setLocale(visitor.locale());
        return page.data("visitor", visitor).data("down", false);
    }
}
