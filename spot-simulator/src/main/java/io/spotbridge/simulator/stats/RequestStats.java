package io.spotbridge.simulator.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts Spot requests by route ({@code "METHOD /template"}) and response status. Thread-safe. */
public class RequestStats {

    private final ConcurrentMap<String, ConcurrentMap<Integer, LongAdder>> counts = new ConcurrentHashMap<>();

    public void record(String route, int status) {
        this.counts.computeIfAbsent(route, (key) -> new ConcurrentHashMap<>())
            .computeIfAbsent(status, (key) -> new LongAdder())
            .increment();
    }

    public StatsSnapshot snapshot() {
        Map<String, Map<String, Long>> requests = new TreeMap<>();
        long total = 0;
        for (var route : this.counts.entrySet()) {
            Map<String, Long> byStatus = new TreeMap<>();
            for (var status : route.getValue().entrySet()) {
                long count = status.getValue().sum();
                byStatus.put(String.valueOf(status.getKey()), count);
                total += count;
            }
            requests.put(route.getKey(), byStatus);
        }
        return new StatsSnapshot(requests, total);
    }

    public void reset() {
        this.counts.clear();
    }

}
