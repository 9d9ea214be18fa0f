package io.agrilink.platform.vn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.agrilink.platform.problem.ProblemException;

/**
 * The 3,321 commune-level units (phường, xã, đặc khu) in force under the 34 provinces since
 * 1 July 2025, with the former communes each one took in. The list is reference data generated from
 * the public data set {@code thanglequoc/vietnamese-provinces-database} (MIT licence); see
 * {@code platform/src/build/communes/}.
 *
 * <p>A name is matched within its province, with or without its kind word ("Ba Đình",
 * "Phường Ba Đình"), in any case, NFC or NFD, with either tone-mark placement ("Hoà"/"Hòa") and
 * extra spaces; without diacritics only when that names a single unit. A former name resolves to
 * the unit it became, unless it was split among several (then {@link #successorsOf} names them).
 * Everything is loaded once into memory, so a lookup costs a few hash-map reads.
 */
public final class Communes {

    /** The kind of a commune-level unit, as its name's first word says. */
    public enum Kind {
        WARD("Phường"), COMMUNE("Xã"), SPECIAL_ZONE("Đặc khu");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The Vietnamese kind word that starts the unit's full name. */
        public String word() {
            return word;
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown commune kind " + word);
        }
    }

    /** A unit in force: its province (as {@link Provinces} spells it), full name, official code, kind. */
    public record Commune(String province, String name, String code, Kind kind) {
    }

    /** A name as the user gave it, resolved to the unit in force; {@code former} when it was a former name. */
    public record Resolved(Commune commune, String given, boolean former) {
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final Set<String> ONE_WORD_KINDS = Set.of(toneKey("phường"), toneKey("xã"));
    private static final Set<String> TWO_WORD_KINDS = Set.of(toneKey("đặc khu"), toneKey("thị trấn"));
    private static final List<String> FOLDED_KINDS = List.of("phuong ", "xa ", "dac khu ", "thi tran ");

    private static final Map<String, List<Commune>> BY_PROVINCE = new LinkedHashMap<>();
    private static final Map<String, Commune> BY_CODE = new HashMap<>();
    /** province + "|" + key → units; several only where names collide within a province. */
    private static final Map<String, List<Commune>> CURRENT = new HashMap<>();
    private static final Map<String, List<Commune>> CURRENT_FOLDED = new HashMap<>();
    private static final Map<String, Set<Commune>> FORMER = new HashMap<>();

    static {
        read("communes.tsv", cells -> {
            Commune commune = new Commune(cells[0], cells[3], cells[1], Kind.of(cells[2]));
            BY_PROVINCE.computeIfAbsent(commune.province(), p -> new ArrayList<>()).add(commune);
            BY_CODE.put(commune.code(), commune);
            index(CURRENT, commune.province(), toneKey(commune.name()), commune);
            index(CURRENT, commune.province(), toneKey(bare(commune.name())), commune);
            index(CURRENT_FOLDED, commune.province(), bareFolded(commune.name()), commune);
        });
        read("communes-former.tsv", cells -> {
            Commune commune = BY_CODE.get(cells[2]);
            for (String key : List.of(toneKey(cells[1]), toneKey(bare(cells[1])))) {
                FORMER.computeIfAbsent(cells[0] + "|" + key, k -> new LinkedHashSet<>()).add(commune);
            }
        });
        BY_PROVINCE.replaceAll((province, communes) -> List.copyOf(communes));
    }

    private Communes() {
    }

    /** The units of a province (current or former name), in the order of their codes; empty for no province. */
    public static List<Commune> of(String province) {
        return Provinces.resolve(province)
                .map(p -> BY_PROVINCE.getOrDefault(p.province(), Collections.emptyList()))
                .orElse(Collections.emptyList());
    }

    /** All units, 3,321 of them. */
    public static int count() {
        return BY_CODE.size();
    }

    /**
     * Resolves {@code text} to a unit in force of {@code province} (current or former province name);
     * empty when it names none, or names a former commune split among several units.
     */
    public static Optional<Resolved> resolve(String province, String text) {
        Optional<Provinces.Resolved> resolvedProvince = Provinces.resolve(province);
        if (text == null || text.isBlank() || resolvedProvince.isEmpty()) {
            return Optional.empty();
        }
        String current = resolvedProvince.get().province() + "|";
        String given = SPACES.matcher(VietnameseText.nfc(text)).replaceAll(" ");
        Commune found = single(CURRENT.get(current + toneKey(given)));
        if (found != null) {
            return Optional.of(new Resolved(found, given, false));
        }
        Set<Commune> became = FORMER.getOrDefault(current + toneKey(given), Set.of());
        if (became.size() == 1) {
            return Optional.of(new Resolved(became.iterator().next(), given, true));
        }
        found = single(CURRENT.get(current + toneKey(bare(given))));
        if (found != null) {
            return Optional.of(new Resolved(found, given, false));
        }
        became = formerEntries(current, given);
        if (became.size() == 1) {
            return Optional.of(new Resolved(became.iterator().next(), given, true));
        }
        if (became.isEmpty()) {
            found = single(CURRENT_FOLDED.get(current + bareFolded(given)));
        }
        return Optional.ofNullable(found).map(commune -> new Resolved(commune, given, false));
    }

    /**
     * The unit in force that {@code text} names in {@code province}, or a 400 problem naming {@code field}:
     * the one check every service makes of a Vietnamese commune. A split former commune's problem names
     * the units it went into.
     */
    public static Resolved require(String province, String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "is required for a Vietnamese address");
        }
        return resolve(province, text).orElseThrow(() -> {
            List<Commune> successors = successorsOf(province, text);
            String current = Provinces.resolve(province).map(Provinces.Resolved::province).orElse(province);
            return ProblemException.invalid(field, successors.isEmpty()
                    ? "is not a commune, ward or special zone of " + current + " in force since 1 July 2025"
                    : "was split on 1 July 2025: name the unit the address is in now, one of "
                            + String.join(", ", successors.stream().map(Commune::name).toList()));
        });
    }

    /**
     * For an optional commune: null when {@code text} is blank, else its canonical name as {@link #require}
     * checks it; a commune without its province is a 400 naming {@code provinceField}.
     */
    public static String requireIfGiven(String province, String text, String provinceField, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (province == null || province.isBlank()) {
            throw ProblemException.invalid(provinceField, "is required with a commune (" + field + ")");
        }
        return require(province, text, field).commune().name();
    }

    /** The units a former commune of {@code province} went into: several when it was split. */
    public static List<Commune> successorsOf(String province, String former) {
        return Provinces.resolve(province)
                .map(p -> List.copyOf(formerEntries(p.province() + "|", VietnameseText.nfc(former))))
                .orElse(List.of());
    }

    private static Set<Commune> formerEntries(String provinceKey, String given) {
        if (given == null || given.isBlank()) {
            return Set.of();
        }
        Set<Commune> exact = FORMER.get(provinceKey + toneKey(given));
        if (exact != null) {
            return exact;
        }
        return FORMER.getOrDefault(provinceKey + toneKey(bare(given)), Set.of());
    }

    private static Commune single(List<Commune> communes) {
        return communes != null && communes.size() == 1 ? communes.get(0) : null;
    }

    /** The name without its leading kind word: "Phường Ba Đình" → "Ba Đình", "Xà Phiên" stays. */
    private static String bare(String name) {
        String[] words = name.strip().split("\\s+");
        int kindWords = 0;
        if (words.length > 1 && ONE_WORD_KINDS.contains(toneKey(words[0]))) {
            kindWords = 1;
        } else if (words.length > 2 && TWO_WORD_KINDS.contains(toneKey(words[0] + " " + words[1]))) {
            kindWords = 2;
        }
        return String.join(" ", Arrays.copyOfRange(words, kindWords, words.length));
    }

    /** The name folded to plain letters, without a leading kind word written without diacritics. */
    private static String bareFolded(String name) {
        String folded = VietnameseText.fold(bare(name));
        for (String kind : FOLDED_KINDS) {
            if (folded.startsWith(kind) && folded.length() > kind.length()) {
                return folded.substring(kind.length());
            }
        }
        return folded;
    }

    /** Lower case with each syllable's tone mark moved to its end, so "Hoà" and "Hòa" agree. */
    static String toneKey(String text) {
        StringBuilder key = new StringBuilder();
        for (String word : Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            StringBuilder tones = new StringBuilder();
            if (!key.isEmpty()) {
                key.append(' ');
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (TONES.indexOf(c) >= 0) {
                    tones.append(c);
                } else {
                    key.append(c);
                }
            }
            key.append(tones);
        }
        return key.toString();
    }

    private static void index(Map<String, List<Commune>> map, String province, String key, Commune commune) {
        List<Commune> communes = map.computeIfAbsent(province + "|" + key, k -> new ArrayList<>(1));
        if (!communes.contains(commune)) {
            communes.add(commune);
        }
    }

    private static void read(String resource, Consumer<String[]> row) {
        try (InputStream in = Communes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> row.accept(line.split("\t")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
