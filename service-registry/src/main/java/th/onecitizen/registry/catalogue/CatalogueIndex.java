package th.onecitizen.registry.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * An immutable in-memory search index over the active services: a character-bigram inverted index (works for Thai,
 * which has no spaces, and English alike) narrows the candidates, and a substring check confirms each one.
 * Built once per catalogue change, read lock-free by every request.
 */
final class CatalogueIndex {

    private final List<Entry> entries;
    private final Map<String, int[]> postings;
    private final long version;
    // Name order per language, computed once per build: browsing needs no sort, ranking compares ints, not strings.
    private final int[] byNameTh;
    private final int[] byNameEn;
    private final int[] rankTh;
    private final int[] rankEn;
    private final Map<String, Integer> allFacets;

    private CatalogueIndex(List<Entry> entries, Map<String, int[]> postings, long version) {
        this.entries = entries;
        this.postings = postings;
        this.version = version;
        this.byNameTh = order(entries, e -> e.nameTh);
        this.byNameEn = order(entries, e -> e.nameEn);
        this.rankTh = ranks(byNameTh);
        this.rankEn = ranks(byNameEn);
        Map<String, Integer> facets = new TreeMap<>();
        entries.forEach(e -> facets.merge(e.service.content().category(), 1, Integer::sum));
        this.allFacets = java.util.Collections.unmodifiableMap(facets);
    }

    private static int[] order(List<Entry> entries, java.util.function.Function<Entry, String> name) {
        Integer[] idx = new Integer[entries.size()];
        Arrays.setAll(idx, i -> i);
        // entries are sorted by id, so a stable sort by name keeps the id as the tie-break
        Arrays.sort(idx, Comparator.comparing(i -> name.apply(entries.get(i))));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static int[] ranks(int[] order) {
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** Builds the index over the active services among {@code services}. */
    static CatalogueIndex build(Collection<ServiceDefinition> services, Map<String, LocalizedText> agencyNames,
            long version) {
        List<Entry> entries = new ArrayList<>();
        for (ServiceDefinition s : services) {
            if (s.status() == th.onecitizen.registry.service.ServiceStatus.ACTIVE) {
                entries.add(Entry.of(s, agencyNames.getOrDefault(s.agencyId(), new LocalizedText(s.agencyId(),
                        s.agencyId()))));
            }
        }
        entries.sort(Comparator.comparing(e -> e.service.id()));
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String all = entries.get(i).all;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int j = 0; j + 2 <= all.length(); j++) {
                String bigram = all.substring(j, j + 2);
                if (seen.add(bigram)) {
                    lists.computeIfAbsent(bigram, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new CatalogueIndex(List.copyOf(entries), postings, version);
    }

    long version() {
        return version;
    }

    int size() {
        return entries.size();
    }

    /** The active service with this id, or null. */
    Entry byId(String id) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = entries.get(mid).service.id().compareTo(id);
            if (c == 0) {
                return entries.get(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** Every match, scored and sorted, with category facets counted before the category filter. */
    Result search(String text, String category, Locale language) {
        String[] terms = SearchText.normalise(text).isEmpty() ? new String[0]
                : SearchText.normalise(text).split(" ");
        boolean thai = "th".equals(language.getLanguage());
        if (terms.length == 0) {
            return browse(category, thai ? byNameTh : byNameEn);
        }
        int[] candidates = candidates(terms);
        List<Scored> matched = new ArrayList<>();
        Map<String, Integer> facets = new TreeMap<>();
        for (int i : candidates) {
            Entry e = entries.get(i);
            int score = e.score(terms);
            if (score < 0) {
                continue;
            }
            facets.merge(e.service.content().category(), 1, Integer::sum);
            if (category == null || category.equals(e.service.content().category())) {
                matched.add(new Scored(e, i, score));
            }
        }
        int[] rank = thai ? rankTh : rankEn;
        matched.sort(Comparator.comparingInt((Scored s) -> -s.score).thenComparingInt(s -> rank[s.index]));
        return new Result(matched.stream().map(s -> s.entry).toList(), facets);
    }

    /** No text: every service (of the category) in name order, facets over all. */
    private Result browse(String category, int[] order) {
        List<Entry> matched = new ArrayList<>(category == null ? order.length : 64);
        for (int i : order) {
            Entry e = entries.get(i);
            if (category == null || category.equals(e.service.content().category())) {
                matched.add(e);
            }
        }
        return new Result(java.util.Collections.unmodifiableList(matched), allFacets);
    }

    private int[] candidates(String[] terms) {
        int[] best = null;
        for (String term : terms) {
            for (int j = 0; j + 2 <= term.length(); j++) {
                int[] p = postings.get(term.substring(j, j + 2));
                if (p == null) {
                    return new int[0];
                }
                if (best == null || p.length < best.length) {
                    best = p;
                }
            }
        }
        if (best == null) {
            int[] all = new int[entries.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return best;
    }

    /** Matches and facets. */
    record Result(List<Entry> entries, Map<String, Integer> facets) {
    }

    private record Scored(Entry entry, int index, int score) {
    }

    /** An indexed service with its normalised texts. */
    record Entry(ServiceDefinition service, LocalizedText agencyName, String nameTh, String nameEn, String names,
            String tags, String description, String all) {

        static Entry of(ServiceDefinition s, LocalizedText agency) {
            var c = s.content();
            String nameTh = SearchText.normalise(c.name().th());
            String nameEn = SearchText.normalise(c.name().en());
            String names = nameTh + " | " + nameEn;
            String tags = SearchText.normalise(String.join(" ", c.tags()) + " " + c.category().replace('_', ' ')
                    + " " + agency.th() + " " + agency.en() + " " + s.agencyId());
            String description = SearchText.normalise(c.description().th() + " " + c.description().en());
            return new Entry(s, agency, nameTh, nameEn, names, tags, description,
                    names + " | " + tags + " | " + description);
        }

        /** -1 when a term is missing; else name hits weigh most, then tags and agency, then description. */
        int score(String[] terms) {
            int score = 0;
            for (String t : terms) {
                if (nameTh.startsWith(t) || nameEn.startsWith(t)) {
                    score += 4;
                } else if (names.contains(t)) {
                    score += 3;
                } else if (tags.contains(t)) {
                    score += 2;
                } else if (description.contains(t)) {
                    score += 1;
                } else {
                    return -1;
                }
            }
            return score;
        }
    }
}
