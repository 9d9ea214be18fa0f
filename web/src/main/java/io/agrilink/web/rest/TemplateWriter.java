package io.agrilink.web.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.qute.TemplateInstance;

/**
 * Resources return a {@link TemplateInstance}; this writes it as the page. (quarkus-rest-qute does
 * the same, but it is not served at the Quarkus version this build uses.) Resource methods run on a
 * worker thread, so rendering may block.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class TemplateWriter implements MessageBodyWriter<TemplateInstance> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TemplateInstance.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(TemplateInstance page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(page.render().getBytes(StandardCharsets.UTF_8));
    }
}
