package io.agrilink.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BuyerPagesTest {

    @Inject
    @RestClient
    FakeCatalog catalog;

    @BeforeEach
    void products() {
        catalog.reset();
        catalog.add(1, "Vải thiều Lục Ngạn", "Chín cây, hái sáng sớm.", "HTX Phượng Sơn");
    }

    @Test
    void homeShowsTheLiveCampaignWithVietnameseMoneyAndWeights() {
        given().header("Accept-Language", "vi").get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("Tuần vải thiều Lục Ngạn"), containsString("55.000\u00a0₫/kg"),
                        containsString("750,5\u00a0kg"), containsString("08:00 10/06/2026"),
                        containsString("href=\"/products/1\""), not(containsString("role=\"alert\""))));
        assertEquals("vi", catalog.lastLanguage(), "products named in the visitor's language");
    }

    @Test
    void searchPassesTheWordsAndProvinceToCatalog() {
        given().queryParam("q", "vai thieu").queryParam("province", "Bắc Ninh").get("/search").then().statusCode(200)
                .body(allOf(containsString("Vải thiều Lục Ngạn"), containsString("<option value=\"Bắc Ninh\" selected>"),
                        containsString("value=\"vai thieu\"")));
        assertEquals("vai thieu", catalog.lastQuery());
        assertEquals("Bắc Ninh", catalog.lastProvince());
    }

    @Test
    void searchIgnoresAProvinceThatIsNotOne() {
        given().queryParam("province", "Narnia").get("/search").then().statusCode(200);
        assertEquals(null, catalog.lastProvince());
    }

    @Test
    void productPageAsksForTheVisitorsLanguageAndShowsProducerCertificationsAndLots() {
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/products/1").then().statusCode(200)
                .body(allOf(containsString("Vải thiều Lục Ngạn"), containsString("Chín cây, hái sáng sớm."),
                        containsString("HTX Phượng Sơn"), containsString("Lục Ngạn, Bắc Ninh"),
                        containsString("OCOP 4 stars"), containsString("VIETGAP"), containsString("31/01/2027"),
                        containsString("65.000\u00a0₫/kg"), containsString("2,5\u00a0kg"), containsString("08/06/2026")));
        assertEquals("en", catalog.lastLanguage());
    }

    @Test
    void aStoryWithMarkupRendersAsInertText() {
        catalog.add(2, "Nhãn <img src=x onerror=alert(1)>", "<script>alert('story')</script> ngọt \" ' &",
                "<b onmouseover=alert(2)>HTX</b>");
        String page = given().get("/products/2").then().statusCode(200).extract().asString();
        for (String live : new String[] { "<script>alert", "<img src=x", "<b onmouseover", "<b>01</b>" }) {
            assertFalse(page.contains(live), live + " reached the page as markup");
        }
        assertTrue(page.contains("&lt;script&gt;alert(&#39;story&#39;)&lt;/script&gt;"),
                "the story is shown as text");
        assertTrue(page.contains("Nhãn &lt;img src=x onerror=alert(1)&gt;"));
        String search = given().get("/search").then().statusCode(200).extract().asString();
        assertFalse(search.contains("<img src=x"));
        assertFalse(search.contains("<b onmouseover"));
    }

    @Test
    void anUnknownProductIsANotFoundPageInTheVisitorsLanguage() {
        given().header("Accept-Language", "vi").get("/products/999").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Không tìm thấy trang này"));
    }

    @Test
    void aCatalogThatIsDownLeavesAPageWithABannerNotAStackTrace() {
        catalog.down(true);
        for (String path : new String[] { "/", "/search?q=vai", "/products/1" }) {
            given().header("Accept-Language", "en").get(path).then().statusCode(200)
                    .body(allOf(containsString("role=\"alert\""), containsString("Some services are not answering"),
                            not(containsString("Exception")), not(containsString("Connection refused"))));
        }
    }
}
