package io.agrilink.catalog;

import jakarta.persistence.Embeddable;

/** A product's name and story in one language. */
@Embeddable
public class ProductText {

    /** A BCP 47 tag: vi, en, ja, zh-Hans, fr ... */
    public String language;

    public String name;

    public String story;

    public ProductText() {
    }

    public ProductText(String language, String name, String story) {
        this.language = language;
        this.name = name;
        this.story = story;
    }
}
