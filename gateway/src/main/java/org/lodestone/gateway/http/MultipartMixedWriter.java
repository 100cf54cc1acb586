package org.lodestone.gateway.http;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a {@link MultipartMixed} body as its parts arrive, without blocking: chunked, each part sent when its payload
 * is ready, the response ended after the closing delimiter. A client that disconnects cancels the remaining parts.
 */
@Provider
@Produces("multipart/mixed")
public class MultipartMixedWriter implements ServerMessageBodyWriter<MultipartMixed> {

    private static final Logger LOG = Logger.getLogger(MultipartMixedWriter.class);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return MultipartMixed.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MultipartMixed.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(MultipartMixed body, Type genericType, ServerRequestContext context) {
        ServerHttpResponse response = context.serverResponse();
        response.setChunked(true);
        var subscription = body.parts().subscribe().with(
                part -> response.write(MultipartMixed.frame(part)),
                failure -> {
                    // Headers and earlier parts are gone already: all that is left is to close the body properly.
                    LOG.error("Incremental response failed after its first part", failure);
                    response.end(MultipartMixed.END);
                },
                () -> response.end(MultipartMixed.END));
        response.addCloseHandler(subscription::cancel);
    }

    @Override
    public void writeTo(MultipartMixed body, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("Written by writeResponse only");
    }
}
