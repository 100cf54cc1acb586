package org.lodestone.support.cache;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import graphql.ExecutionResult;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a repeated GraphQL request from memory before SmallRye GraphQL sees it: the same body, from the same
 * verified caller, with the same {@code Accept} and {@code Content-Type}, on the same UTC day, since the data last
 * changed ({@link AnswerKey}, {@link ResultCache#answer}). Such a request then costs reading the body, one hash
 * lookup and writing the bytes written the first time, with the same status and media type; no document is parsed,
 * validated or executed and no JSON is built.
 * <p>
 * The route runs on {@code POST /graphql} after Quarkus has authenticated the caller and checked the path's
 * permission (HTTP security runs as filters of order -200 and -100), so a missing, forged or expired token is refused
 * exactly as before and never reaches it. A request it cannot answer goes on to SmallRye GraphQL unchanged, marked
 * with a {@link PendingAnswer}; {@link ResultCaching} records the query's result there when it may be kept (a query
 * without errors), and once the answer has been written with status 200 it is kept under the version read before the
 * request was handed on. Mutations, batches (a JSON array), requests with query parameters and answers in a charset
 * other than UTF-8 are never kept.
 */
@ApplicationScoped
public class KeptAnswerRoute {

    private static final Logger LOG = Logger.getLogger(KeptAnswerRoute.class);

    /** After HTTP security's filters (authentication -200, authorization -100), before every other route. */
    static final int ORDER = -50;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ResultCache cache;
    private final String path;
    private final long maxBodySize;

    KeptAnswerRoute(ResultCache cache,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String graphqlPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.cache = cache;
        this.path = graphqlPath.startsWith("/") ? graphqlPath
                : (rootPath.endsWith("/") ? rootPath : rootPath + "/") + graphqlPath;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        if (!cache.enabled()) {
            return;
        }
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize);
        router.post(path).order(ORDER).handler(context -> {
            // as Quarkus's own body handler: the request is paused until a handler reads it
            if (context.request().isEnded()) {
                context.next();
            } else {
                context.request().resume();
                body.handle(context);
            }
        }).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        AnswerKey key = key(context);
        long version = key == null ? DataChanges.UNKNOWN : cache.version();
        if (version == DataChanges.UNKNOWN) {
            context.next();
            return;
        }
        ResultCache.Answer answer = cache.answer(key, version);
        if (answer != null) {
            context.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
                    .end(Buffer.buffer(answer.body()));
            return;
        }
        PendingAnswer pending = new PendingAnswer(key, version);
        context.put(PendingAnswer.ATTRIBUTE, pending);
        context.addBodyEndHandler(ignored -> keep(context.response(), pending));
        context.next();
    }

    /** The request's key, or null when its answer is not one to keep. */
    private static AnswerKey key(RoutingContext context) {
        if (context.request().query() != null || context.body() == null) {
            return null;
        }
        Buffer body = context.body().buffer();
        if (body == null || !startsWithObject(body)) {
            return null;
        }
        String caller = context.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token ? token.getRawToken() : null;
        if (caller == null) {
            return null;
        }
        return new AnswerKey(body.getBytes(), caller, context.request().getHeader(HttpHeaders.ACCEPT),
                context.request().getHeader(HttpHeaders.CONTENT_TYPE), System.currentTimeMillis() / MILLIS_PER_DAY);
    }

    /** One JSON object (a batch is a JSON array; a document sent as application/graphql is no JSON at all). */
    private static boolean startsWithObject(Buffer body) {
        for (int i = 0; i < body.length(); i++) {
            byte b = body.getByte(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private void keep(HttpServerResponse response, PendingAnswer pending) {
        ExecutionResult result = pending.result();
        String contentType = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (result == null || response.getStatusCode() != 200 || contentType == null || !utf8(contentType)) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Answer not kept: %s, status %d, content type %s", result == null
                        ? "no result recorded" : "result recorded", response.getStatusCode(), contentType);
            }
            return;
        }
        try {
            // the very serialisation SmallRye GraphQL wrote the answer with
            byte[] body = new ExecutionResponse(result).getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
            cache.keep(pending.key(), pending.version(), body, contentType);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Answer not kept");
        }
    }

    /** SmallRye GraphQL encodes the answer in the charset the media type names, UTF-8 when it names none. */
    private static boolean utf8(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int charset = type.indexOf("charset=");
        if (charset < 0) {
            return true;
        }
        String name = type.substring(charset + "charset=".length()).strip();
        int end = name.indexOf(';');
        name = (end < 0 ? name : name.substring(0, end)).strip().replace("\"", "");
        return name.equals("utf-8") || name.equals("utf8");
    }
}
