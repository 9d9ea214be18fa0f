package io.agrilink.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeRedirectTest {

    @Test
    void keepsAPathOfThisApp() {
        assertEquals("/products/7", SafeRedirect.target("/products/7"));
        assertEquals("/search?q=vai%20thieu&province=B%E1%BA%AFc%20Ninh", SafeRedirect.target("/search?q=vai%20thieu&province=B%E1%BA%AFc%20Ninh"));
    }

    @Test
    void sendsAnythingElseHome() {
        for (String elsewhere : new String[] { null, "", "https://evil.example/", "//evil.example", "/\\evil.example",
                "\\\\evil.example", "evil.example", "javascript:alert(1)", "http:/evil.example", "/ok\r\nSet-Cookie: x=1",
                "/%zz" }) {
            assertEquals("/", SafeRedirect.target(elsewhere), String.valueOf(elsewhere));
        }
    }
}
