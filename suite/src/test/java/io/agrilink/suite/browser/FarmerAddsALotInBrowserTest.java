package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.agrilink.suite.Service;
import io.restassured.RestAssured;

/**
 * farmer-lan in her orchard, on her phone: her farm's page, a harvest lot added in one short form,
 * the lot in her list and on the public product page; then a buyer orders from that lot and she
 * packs it from today's packing list. Against the packaged suite and Keycloak, with the demo.
 */
@ExtendWith(BrowserSuite.class)
class FarmerAddsALotInBrowserTest {

    private static final String GRADE_1 = "Vải thiều Lục Ngạn – loại 1";
    private static Browser phone;

    @BeforeAll
    static void browser() {
        phone = Browser.phone();
    }

    @AfterAll
    static void close() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void farmerAddsAHarvestLotFromHerPhoneSeesItForSaleAndPacksItsFirstOrder() {
        String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));

        phone.open("/");
        phone.signIn("farmer-lan");
        phone.driver().findElement(By.linkText("Vườn của tôi")).click();
        phone.waitFor(By.xpath("//h1[normalize-space()='Vườn của tôi']"));
        assertTrue(phone.driver().findElement(By.xpath("//h2[normalize-space()='HTX Vải thiều Lục Ngạn']")).isDisplayed());
        assertTrue(phone.driver().findElement(By.xpath("//*[normalize-space()='OCOP 4 sao · đến "
                + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(2))
                + "']")).isDisplayed(), "her OCOP stars");
        WebElement globalGap = phone.driver().findElement(By.xpath("//li[contains(., 'GGN-4063061234567')]"));
        assertEquals("cert-expiring", globalGap.getAttribute("class"), "the certificate due for renewal is marked");
        assertTrue(text(globalGap).contains("Sắp hết hạn: còn 25 ngày"), text(globalGap));
        assertTrue(phone.driver().findElement(By.linkText("Khoá học")).isDisplayed());
        assertTrue(phone.driver().findElement(By.linkText("Chứng chỉ của tôi")).isDisplayed());
        phone.fitsThePhone();
        phone.screenshot("farmer-01-home");

        phone.driver().findElement(By.linkText("Sản phẩm và lô hàng")).click();
        phone.waitFor(By.xpath("//h1[normalize-space()='Sản phẩm và lô hàng']"));
        phone.fitsThePhone();
        phone.screenshot("farmer-02-products");
        Select product = new Select(phone.driver().findElement(By.id("f-productId")));
        product.getOptions().stream().filter(o -> o.getText().startsWith(GRADE_1 + " ·")).findFirst().orElseThrow()
                .click();
        WebElement harvest = phone.driver().findElement(By.id("f-harvestDate"));
        assertEquals(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), harvest.getAttribute("value"),
                "harvested today unless she says otherwise");
        phone.driver().findElement(By.id("f-quantityKg")).sendKeys("321");
        phone.screenshot("farmer-03-lot-form");
        phone.driver().findElement(By.xpath("//button[normalize-space()='Thêm lô']")).click();

        WebElement added = phone.waitFor(By.xpath("//tr[contains(@class,'added')]"));
        String lotId = added.getAttribute("id").substring("lot-".length());
        assertTrue(text(added).startsWith(today + " Vừa thêm"), text(added));
        assertTrue(text(added).contains("321 kg\n/ 321 kg"), text(added));
        assertEquals(1, phone.driver().findElements(By.xpath("//tr[contains(., '321\u00a0kg')]")).size(), "one lot added");
        assertEquals(1, phone.driver().findElements(By.xpath("//tr[contains(@class,'added')]")).size());
        phone.fitsThePhone();
        phone.screenshot("farmer-04-lot-added");

        phone.driver().findElement(By.linkText(GRADE_1)).click();
        phone.waitFor(By.xpath("//h1[normalize-space()='" + GRADE_1 + "']"));
        List<WebElement> forSale = phone.driver()
                .findElements(By.xpath("//table[contains(@class,'lots')]//tr[contains(., '321\u00a0kg')]"));
        assertEquals(1, forSale.size(), "the new lot is on the public product page");
        assertTrue(text(forSale.get(0)).startsWith(today), text(forSale.get(0)));
        // the public product page fits her phone too: its lots' dates share a column
        phone.fitsThePhone();
        phone.screenshot("farmer-05-public-product");

        // a buyer in Hà Nội orders 2 kg of the new lot, cash on delivery: confirmed at once
        long orderId = RestAssured.given().baseUri(BrowserSuite.suite().baseUrl(Service.ORDER))
                .contentType("application/json").accept("application/json")
                .auth().oauth2(BrowserSuite.suite().keycloak().token("buyer", "buyer-hanoi"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lotId", Long.parseLong(lotId), "grams", 2_000)), "payment",
                        "CASH_ON_DELIVERY", "delivery", Map.of("recipient", "Nguyễn Văn An", "phone", "0912 345 678",
                                "country", "VN", "province", "Hà Nội", "commune", "Phường Ba Đình", "street",
                                "12 Phố Điện Biên Phủ")))
                .post("/orders").then().statusCode(201).extract().jsonPath().getLong("id");

        phone.open("/farmer");
        phone.driver().findElement(By.linkText("Đóng gói hôm nay")).click();
        phone.waitFor(By.xpath("//h1[normalize-space()='Đóng gói hôm nay']"));
        By line = By.xpath("//li[.//form[contains(@action,'/farmer/packing/" + orderId + "/lines/')]]");
        WebElement toPack = phone.waitFor(line);
        assertTrue(text(toPack).contains("Đặt: 2 kg"), text(toPack));
        String lineId = toPack.getAttribute("id").substring("line-".length());
        By stillToPack = By.xpath("//dt[normalize-space()='Còn phải đóng']/following-sibling::dd");
        String before = text(phone.driver().findElement(stillToPack));
        phone.fitsThePhone();
        phone.screenshot("farmer-06-packing");
        WebElement weight = toPack.findElement(By.xpath(".//input[@name='packedKg']"));
        assertEquals("2", weight.getAttribute("value"), "prefilled with what was ordered");
        weight.clear();
        weight.sendKeys("1.95");
        toPack.findElement(By.xpath(".//button[normalize-space()='Lưu']")).click();

        WebElement packed = phone.waitFor(By.xpath("//li[@id='line-" + lineId + "'][.//*[contains(@class,'done')]]"));
        assertTrue(text(packed).contains("Đã đóng: 1,95 kg"), text(packed));
        assertEquals(0, phone.driver().findElements(line).size(), "no form left for the packed line");
        String after = text(phone.driver().findElement(stillToPack));
        assertEquals(kg(before) - 2, kg(after), 0.0005, before + " → " + after);
        phone.fitsThePhone();
        phone.screenshot("farmer-07-packed");
    }

    /** What the element shows, the no-break spaces between amounts and units as plain spaces. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ');
    }

    /** {@code "20,5 kg · 2 dòng"} → 20.5 */
    private static double kg(String shown) {
        return Double.parseDouble(shown.substring(0, shown.indexOf(" kg")).replace(".", "").replace(',', '.'));
    }
}
