package io.agrilink.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.web.forms.Csrf;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Every page is rendered in the visitor's language, with the visitor at hand for the layout, the
 * form token for its forms ({@code {#csrf csrf /}}), no form errors and no "service down" banner
 * unless the page sets {@code errors} or {@code down}.
 */
@ApplicationScoped
public class Pages {

    @Inject
    Visitor visitor;

    @Inject
    Csrf csrf;

    public TemplateInstance of(Template template) {
        TemplateInstance page = template.instance();
        page.setLocale(visitor.locale());
        return page.data("visitor", visitor).data("csrf", csrf.token()).data("errors", FormErrors.none())
                .data("down", false);
    }
}
