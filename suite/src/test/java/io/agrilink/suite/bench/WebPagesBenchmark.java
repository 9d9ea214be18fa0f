package io.agrilink.suite.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.suite.Launcher;
import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;
import io.agrilink.suite.browser.Browser;

/**
 * The web app as people meet it: the weight of each main page in a real browser (chromium), on the
 * first load (empty cache: HTML, stylesheet, script) and after (the stylesheet and script cached),
 * then the live campaign page's server time (p50/p95/p99) under 64 buyers at once, and the web
 * app's memory. The packaged suite with Keycloak and the demo data, as {@code ./agrilink up} runs
 * it; signed-in pages are signed in at Keycloak. Run: {@code ./agrilink bench WebPages}.
 */
class WebPagesBenchmark {

    private static final int BUYERS = 64;

    @Test
    void pageWeightAndCampaignPageUnderSixtyFourBuyers() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), Browser.NOT_INSTALLED);
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "bench-web").toAbsolutePath();
        BenchSupport.clean(data);
        List<String> figures = new ArrayList<>();
        // Keycloak 30080, the services 30081..30084, the web app 30085
        try (LocalSuite suite = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(22000)
                .withIdentityProvider(true), line -> System.out.println("[suite] " + line))) {
            suite.checkPortsFree();
            suite.startDatabase();
            suite.startIdentityProvider();
            suite.startServices();
            suite.awaitIdentityProvider();
            Launcher.loadDemo(suite, line -> System.out.println("[demo] " + line));
            suite.startWebApp();
            String web = suite.webUrl();
            Http http = new Http();
            JsonNode campaigns = http.expect("GET", suite.baseUrl(Service.CATALOG) + "/campaigns?running=true", null, null);
            long campaign = campaigns.path("items").get(0).path("id").asLong();
            JsonNode found = http.expect("GET", suite.baseUrl(Service.CATALOG) + "/products?q="
                    + URLEncoder.encode("vải thiều", StandardCharsets.UTF_8), null, null);
            long product = found.path("items").get(0).path("id").asLong();

            Map<String, List<String>> pagesBy = new LinkedHashMap<>();
            pagesBy.put("", List.of("/", "/search?q=vai+thieu", "/products/" + product, "/campaigns/" + campaign));
            pagesBy.put("buyer-hanoi", List.of("/my/orders"));
            pagesBy.put("farmer-lan", List.of("/farmer", "/farmer/products", "/farmer/packing", "/farmer/courses",
                    "/farmer/certificates"));
            pagesBy.put("carrier-coldchain", List.of("/carrier", "/carrier/shipments"));
            pagesBy.put("staff-hoa", List.of("/staff", "/staff/campaigns/" + campaign + "/live", "/staff/orders",
                    "/staff/training", "/staff/shipments", "/staff/producers"));
            String password = suite.identityProvider().secrets().demoPassword();
            figures.add("page weight in chromium (bytes over the wire; first load with an empty cache, then again"
                    + " with the stylesheet and script cached):");
            for (var entry : pagesBy.entrySet()) {
                try (Browser browser = Browser.desktop(web, password)) {
                    if (!entry.getKey().isEmpty()) {
                        browser.open("/");
                        browser.signIn(entry.getKey());
                    }
                    for (String page : entry.getValue()) {
                        long[] first = weigh(browser, page, true);
                        long[] after = weigh(browser, page, false);
                        String line = String.format("  %-34s %-18s status %d, first load %,7d B (%d files), after %,6d B",
                                page, entry.getKey().isEmpty() ? "(anyone)" : entry.getKey(), first[2], first[0],
                                first[1], after[0]);
                        System.out.println(line);
                        figures.add(line);
                    }
                }
            }

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI page = URI.create(web + "/campaigns/" + campaign);
            for (int clients : new int[] { BUYERS }) {
                Load.Result result = Load.run(clients, 5, 20, (c, seq) -> {
                    HttpResponse<byte[]> reply = client.send(HttpRequest.newBuilder(page)
                            .header("Accept-Language", "vi").timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    return Integer.toString(reply.statusCode());
                }, () -> false, "200"::equals);
                String line = result.summary("live campaign page /campaigns/" + campaign + ", " + clients
                        + " buyers at once (anonymous, each page calls catalog-service and order-service)");
                System.out.println(line);
                figures.add(line);
            }
            String memory = String.format("web app RSS after the load: %,d KiB", suite.webApp().rssKiB());
            System.out.println(memory);
            figures.add(memory);
            figures.add(BenchSupport.machine());
            BenchSupport.record("web-pages", figures);
        }
    }

    /** {bytes transferred, files, status} of one page load; with {@code emptyCache} the cache is cleared first. */
    private static long[] weigh(Browser browser, String page, boolean emptyCache) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        if (emptyCache) {
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
        }
        browser.open(page);
        Object measured = ((JavascriptExecutor) chrome).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const files = performance.getEntriesByType('resource');
                let bytes = nav.transferSize;
                for (const f of files) { bytes += f.transferSize; }
                return [bytes, files.length + 1, nav.responseStatus || 0];""");
        List<?> values = (List<?>) measured;
        return new long[] { ((Number) values.get(0)).longValue(), ((Number) values.get(1)).longValue(),
                ((Number) values.get(2)).longValue() };
    }
}
