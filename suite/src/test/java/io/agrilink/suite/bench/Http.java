package io.agrilink.suite.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP/1.1 JSON client for load: the JDK's, with its connection pool. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    /** Status code and body of one exchange. */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    public Reply send(String method, String url, String token, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers
                    .ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** Sends and insists on a 2xx answer. */
    public JsonNode expect(String method, String url, String token, Object body) throws Exception {
        Reply reply = send(method, url, token, body);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().isBlank() ? JSON.createObjectNode() : reply.json();
    }

    /**
     * One keep-alive HTTP/1.1 connection for one load client, as a buyer's phone would hold: the
     * request goes out in one write and the answer's status and body come back, with a fraction of
     * the CPU that java.net.http spends per exchange, so the load generator leaves the machine's
     * cores to the services it measures. Not thread-safe: one per client thread.
     */
    public static final class Connection implements AutoCloseable {

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        public Connection(String baseUrl) {
            URI uri = URI.create(baseUrl);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        /** Sends one request; {@code headers} are name, value pairs. Reconnects when the server closed the connection. */
        public Reply send(String method, String path, String token, String body, String... headers)
                throws java.io.IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(512).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nAccept: application/json\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            byte[] start = head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] request = java.util.Arrays.copyOf(start, start.length + content.length);
            System.arraycopy(content, 0, request, start.length, content.length);
            if (socket == null) {
                connect();
            }
            try {
                out.write(request);
                out.flush();
                return read();
            } catch (java.io.IOException e) {
                close();
                throw e;
            }
        }

        private void connect() throws java.io.IOException {
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        private Reply read() throws java.io.IOException {
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.")) {
                throw new java.io.IOException("Not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return new Reply(code, body.toString(java.nio.charset.StandardCharsets.UTF_8));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("The server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
