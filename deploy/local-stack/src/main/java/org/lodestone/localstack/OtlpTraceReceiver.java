package org.lodestone.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OTLP/HTTP trace receiver on localhost ({@code POST /v1/traces}, protobuf, optionally gzip): what the
 * services export to when the local stack runs with {@code LODESTONE_TRACES=print}, and what the end-to-end tests
 * read spans from. Keeps the most recent {@value #KEPT_SPANS} spans.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

    static final int KEPT_SPANS = 200_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<OtlpSpan> spans = new ArrayDeque<>();
    private final List<Consumer<List<OtlpSpan>>> listeners = new CopyOnWriteArrayList<>();

    private OtlpTraceReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on {@code port} of the loopback interface (0 picks a free one). */
    public static OtlpTraceReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            });
            OtlpTraceReceiver receiver = new OtlpTraceReceiver(server, executor);
            server.createContext("/v1/traces", receiver::handle);
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new StackException("cannot start the OTLP receiver on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The base URL to give exporters as {@code OTEL_EXPORTER_OTLP_ENDPOINT} (they append {@code /v1/traces}). */
    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Called with each batch of spans as it arrives (on the receiver's thread). */
    public void onSpans(Consumer<List<OtlpSpan>> listener) {
        listeners.add(listener);
    }

    public List<OtlpSpan> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    public List<OtlpSpan> trace(String traceId) {
        return spans().stream().filter(s -> traceId.equals(s.traceId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            List<OtlpSpan> batch;
            try {
                batch = OtlpTraceDecoder.decode(body);
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            synchronized (spans) {
                spans.addAll(batch);
                while (spans.size() > KEPT_SPANS) {
                    spans.removeFirst();
                }
            }
            for (Consumer<List<OtlpSpan>> listener : listeners) {
                listener.accept(batch);
            }
            // An empty ExportTraceServiceResponse: every span accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Spans of one trace by parent, for printing and for tests that walk the tree. */
    public static List<OtlpSpan> children(List<OtlpSpan> trace, OtlpSpan parent) {
        List<OtlpSpan> children = new ArrayList<>();
        for (OtlpSpan span : trace) {
            if (parent.spanId().equals(span.parentSpanId())) {
                children.add(span);
            }
        }
        children.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        return children;
    }
}
