package org.lodestone.localstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints each trace the {@link OtlpTraceReceiver} collects as an indented span tree with durations, once no span of
 * it has arrived for {@value #QUIET_MILLIS} ms. Only traces of requests (with a server span) are printed; spans
 * outside any request, such as the start-up migrations' SQL, are counted instead.
 */
public final class TracePrinter implements AutoCloseable {

    static final long QUIET_MILLIS = 3000;
    /** Attributes worth a glance in a terminal; everything else stays in the collector. */
    private static final Set<String> SHOWN = Set.of("lodestone.plan.levels", "lodestone.plan.fetches",
            "lodestone.subgraph.requests", "lodestone.subgraph.representations", "http.response.status_code",
            "graphql.errors");

    private final PrintStream out;
    private final Map<String, List<OtlpSpan>> pending = new LinkedHashMap<>();
    private final Map<String, Long> lastSeen = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "trace-printer");
        thread.setDaemon(true);
        return thread;
    });
    private long outsideRequests;

    public TracePrinter(OtlpTraceReceiver receiver, PrintStream out) {
        this.out = out;
        receiver.onSpans(this::collect);
        timer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void collect(List<OtlpSpan> batch) {
        long now = System.currentTimeMillis();
        for (OtlpSpan span : batch) {
            pending.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
            lastSeen.put(span.traceId(), now);
        }
    }

    private synchronized void flush() {
        long now = System.currentTimeMillis();
        List<String> quiet = lastSeen.entrySet().stream().filter(e -> now - e.getValue() >= QUIET_MILLIS)
                .map(Map.Entry::getKey).toList();
        long skipped = 0;
        for (String traceId : quiet) {
            lastSeen.remove(traceId);
            List<OtlpSpan> trace = pending.remove(traceId);
            if (trace.stream().anyMatch(s -> s.kind() == OtlpSpan.KIND_SERVER)) {
                out.print(render(trace));
            } else {
                skipped += trace.size();
            }
        }
        if (skipped > 0) {
            outsideRequests += skipped;
            out.println("[traces] " + skipped + " spans outside any request (start-up SQL and the like) not printed; "
                    + outsideRequests + " so far");
        }
        out.flush();
    }

    /** The whole trace as text: a header line, then one line per span, children indented under their parent. */
    public static String render(List<OtlpSpan> trace) {
        List<OtlpSpan> roots = roots(trace);
        long start = trace.stream().mapToLong(OtlpSpan::startNanos).min().orElse(0);
        long end = trace.stream().mapToLong(OtlpSpan::endNanos).max().orElse(0);
        StringBuilder text = new StringBuilder();
        text.append("trace ").append(trace.get(0).traceId()).append("  ").append(trace.size()).append(" spans, ")
                .append(String.format("%.1f ms", (end - start) / 1_000_000.0)).append('\n');
        for (OtlpSpan root : roots) {
            append(text, trace, root, 1);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, List<OtlpSpan> trace, OtlpSpan span, int depth) {
        String label = "  ".repeat(depth) + span.name();
        text.append(String.format("%-64s %9.1f ms  %-18s", label, span.durationMillis(), span.service()));
        for (Map.Entry<String, Object> attribute : span.attributes().entrySet()) {
            if (SHOWN.contains(attribute.getKey())) {
                String key = attribute.getKey().substring(attribute.getKey().lastIndexOf('.') + 1);
                text.append(' ').append(key).append('=').append(attribute.getValue());
            }
        }
        if (span.statusCode() == 2) {
            text.append(" ERROR");
        }
        text.append('\n');
        for (OtlpSpan child : OtlpTraceReceiver.children(trace, span)) {
            append(text, trace, child, depth + 1);
        }
    }

    private static List<OtlpSpan> roots(List<OtlpSpan> trace) {
        Set<String> ids = new HashSet<>();
        trace.forEach(s -> ids.add(s.spanId()));
        return trace.stream().filter(s -> s.parentSpanId() == null || !ids.contains(s.parentSpanId()))
                .sorted(Comparator.comparingLong(OtlpSpan::startNanos)).toList();
    }

    @Override
    public void close() {
        flush();
        timer.shutdownNow();
    }
}
