package io.agrilink.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sizes of a request AgriLink accepts, answered by {@link RequestLimits} with problem+json.
 * Vert.x's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size})
 * are set well above these: beyond them Vert.x closes the connection after an empty 414/431.
 */
@ConfigMapping(prefix = "agrilink.http")
public interface HttpLimits {

    /** The longest request line ({@code GET /products?q=… HTTP/1.1}) in characters; longer is 414. */
    @WithDefault("4096")
    int maxRequestLine();

    /** The most header bytes (names, values and separators); more is 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /** The largest body by its Content-Length, larger is 413; a chunked body is left to Quarkus (same limit). */
    @WithDefault("${quarkus.http.limits.max-body-size:10240K}")
    MemorySize maxBodySize();
}
