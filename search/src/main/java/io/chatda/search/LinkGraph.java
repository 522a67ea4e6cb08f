package io.chatda.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The links between indexed pages, kept in memory by the writer: gives each page the anchor text
 * of its inbound links and its PageRank. URLs are interned to ints; a link to a URL with a
 * fragment falls back to the page without it. Not thread-safe (the index writes under a lock).
 */
final class LinkGraph {

    static final int MAX_ANCHORS = 64;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> urls = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    private final List<String[]> anchors = new ArrayList<>();
    private final List<String> sites = new ArrayList<>();
    private final Map<String, String> interned = new HashMap<>();
    private final BitSet live = new BitSet();

    /** Inbound anchors and authority of every live page at one moment. */
    record Snapshot(Map<String, List<String>> inboundAnchors, Map<String, Double> authority) {
        List<String> anchorsOf(String url) {
            return inboundAnchors.getOrDefault(url, List.of());
        }

        double authorityOf(String url) {
            return authority.getOrDefault(url, 1.0);
        }
    }

    void put(String url, String site, List<SearchDocument.Link> links) {
        int id = id(url);
        urls.set(id, url);
        int[] t = new int[links.size()];
        String[] a = new String[links.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = id(links.get(i).url());
            a[i] = intern(links.get(i).anchorText().strip());
        }
        targets.set(id, t);
        anchors.set(id, a);
        sites.set(id, intern(site));
        live.set(id);
    }

    void remove(String url) {
        Integer id = ids.get(key(url));
        if (id != null) {
            live.clear(id);
            targets.set(id, new int[0]);
            anchors.set(id, new String[0]);
        }
    }

    /** Removes every page of the site and returns their URLs. */
    List<String> removeSite(String site) {
        List<String> removed = new ArrayList<>();
        for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
            if (sites.get(id).equals(site)) {
                removed.add(urls.get(id));
            }
        }
        removed.forEach(this::remove);
        return removed;
    }

    void clear() {
        ids.clear();
        urls.clear();
        targets.clear();
        anchors.clear();
        sites.clear();
        interned.clear();
        live.clear();
    }

    /** Anchors (distinct, without self-links, at most {@value #MAX_ANCHORS}) and PageRank × pages (mean 1). */
    Snapshot snapshot() {
        int n = urls.size();
        int[] resolved = new int[n];
        for (int id = 0; id < n; id++) {
            resolved[id] = resolve(id);
        }
        int pages = live.cardinality();
        List<TreeSet<String>> inbound = new ArrayList<>(n);
        int[][] out = new int[n][];
        for (int id = 0; id < n; id++) {
            inbound.add(null);
        }
        for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
            int[] t = targets.get(id);
            String[] a = anchors.get(id);
            int[] edges = new int[t.length];
            int k = 0;
            for (int i = 0; i < t.length; i++) {
                int target = resolved[t[i]];
                if (target < 0 || target == id) {
                    continue;
                }
                edges[k++] = target;
                if (!a[i].isEmpty()) {
                    TreeSet<String> set = inbound.get(target);
                    if (set == null) {
                        set = new TreeSet<>();
                        inbound.set(target, set);
                    }
                    if (set.size() < MAX_ANCHORS) {
                        set.add(a[i]);
                    }
                }
            }
            out[id] = Arrays.stream(edges, 0, k).distinct().toArray();
        }
        double[] rank = pageRank(out, pages);
        Map<String, List<String>> anchorMap = new HashMap<>();
        Map<String, Double> authority = new HashMap<>();
        for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
            if (inbound.get(id) != null) {
                anchorMap.put(urls.get(id), List.copyOf(inbound.get(id)));
            }
            authority.put(urls.get(id), rank[id] * pages);
        }
        return new Snapshot(anchorMap, authority);
    }

    private double[] pageRank(int[][] out, int pages) {
        int n = out.length;
        double[] rank = new double[n];
        if (pages == 0) {
            return rank;
        }
        for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
            rank[id] = 1.0 / pages;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            double dangling = 0;
            for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
                if (out[id].length == 0) {
                    dangling += rank[id];
                } else {
                    double share = rank[id] / out[id].length;
                    for (int j : out[id]) {
                        next[j] += share;
                    }
                }
            }
            for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) {
                next[id] = (1 - DAMPING) / pages + DAMPING * (next[id] + dangling / pages);
            }
            rank = next;
        }
        return rank;
    }

    /** The live page a link to {@code id} lands on, or -1. */
    private int resolve(int id) {
        if (live.get(id)) {
            return id;
        }
        String url = urls.get(id);
        int hash = url.indexOf('#');
        if (hash >= 0) {
            Integer base = ids.get(key(url.substring(0, hash)));
            if (base != null && live.get(base)) {
                return base;
            }
        }
        return -1;
    }

    private int id(String url) {
        String key = key(url);
        Integer id = ids.get(key);
        if (id == null) {
            id = urls.size();
            ids.put(key, id);
            urls.add(url);
            targets.add(new int[0]);
            anchors.add(new String[0]);
            sites.add("");
        }
        return id;
    }

    /** {@code file:///a} and {@code file:/a} are the same page. */
    private static String key(String url) {
        return url.startsWith("file:///") ? "file:/" + url.substring(8) : url;
    }

    private String intern(String s) {
        return interned.computeIfAbsent(s, x -> x);
    }
}
