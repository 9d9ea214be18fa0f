package io.agrilink.suite.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** What every sandbox handler needs: bodies, query strings, forms, answers, HMACs. */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Nobody sends a sandbox more: a bigger body is refused, not read into memory. */
    private static final int MAX_BODY = 256 * 1024;

    private SandboxHttp() {
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    /** {@code a=1&b=2} decoded, in the order given (the first of a repeated name wins). */
    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(body(exchange), StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void html(HttpExchange exchange, int status, String page) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** 303: after a form's POST the browser follows with a GET. */
    static void seeOther(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** Lower-case hex of the HMAC ({@code HmacSHA256}, {@code HmacSHA512}) of {@code data} under {@code secret}. */
    static String hmacHex(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    static String hmacHex(String algorithm, String secret, String data) {
        return hmacHex(algorithm, secret, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Text for an HTML page or attribute. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whole đồng as Vietnamese write them: {@code 250.000 ₫}. */
    static String dong(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " ₫";
    }

    /**
     * A sandbox page: phone-sized, Vietnamese, and unmistakably a test double (a striped
     * "SANDBOX" band on every page), so that nobody takes it for their bank.
     */
    static String page(String provider, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s (sandbox)</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f0; color: #1d1d1b; }
                  .sandbox { background: repeating-linear-gradient(45deg, #ffd400, #ffd400 12px, #1d1d1b 12px, #1d1d1b 24px);
                             color: #fff; text-align: center; padding: .4rem; font-weight: 700; letter-spacing: .1em; }
                  .sandbox span { background: #1d1d1b; padding: .1rem .5rem; }
                  main { max-width: 26rem; margin: 0 auto; padding: 1rem; }
                  h1 { font-size: 1.3rem; }
                  dl { display: grid; grid-template-columns: auto 1fr; gap: .3rem .8rem; overflow-wrap: anywhere; }
                  dt { color: #666; }
                  dd { margin: 0; font-weight: 600; }
                  input, button { font: inherit; width: 100%%; box-sizing: border-box; padding: .7rem; margin: .3rem 0; }
                  button { border: 0; border-radius: .4rem; background: #0a6e3a; color: #fff; font-weight: 700; }
                  button.secondary { background: #ccc; color: #1d1d1b; }
                  .result { padding: .8rem; border-radius: .4rem; background: #e4f3ea; font-weight: 700; }
                  .error { padding: .8rem; border-radius: .4rem; background: #fbe3e3; }
                  code { overflow-wrap: anywhere; font-size: .8rem; }
                </style>
                </head>
                <body>
                <div class="sandbox"><span>SANDBOX · MÔI TRƯỜNG THỬ NGHIỆM · KHÔNG PHẢI TIỀN THẬT</span></div>
                <main>
                <p><strong>%s</strong> (sandbox cục bộ của AgriLink)</p>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(provider), escape(provider), escape(title), body);
    }
}
