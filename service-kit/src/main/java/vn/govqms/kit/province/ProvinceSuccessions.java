package vn.govqms.kit.province;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provinces that merged into others (63 → 34 on 1 July 2025): for each ended province, the one that
 * continues it and from which day. A province not named here continues as it is (a province that keeps
 * its code through a merger, as Bắc Ninh kept 24, is not named either).
 */
public final class ProvinceSuccessions {

    /** Province {@code code} is continued by {@code successorCode} from {@code effectiveDate} on. */
    public record Succession(String code, String successorCode, LocalDate effectiveDate) {
    }

    public static final ProvinceSuccessions NONE = new ProvinceSuccessions(Set.of());

    private final Map<String, Succession> byCode;

    public ProvinceSuccessions(Collection<Succession> successions) {
        this.byCode = successions.stream().collect(Collectors.toUnmodifiableMap(Succession::code, Function.identity(), (a, b) -> b));
    }

    /** The province that continues {@code code} as of {@code day}, if it has ended by then. */
    public Optional<Succession> successionOf(String code, LocalDate day) {
        Succession s = byCode.get(code);
        return s != null && !s.effectiveDate().isAfter(day) ? Optional.of(s) : Optional.empty();
    }

    public boolean hasEnded(String code, LocalDate day) {
        return successionOf(code, day).isPresent();
    }

    /** The province that holds {@code code}'s agencies today: itself, or the end of its chain of successors. */
    public String current(String code, LocalDate day) {
        String at = code;
        Set<String> seen = new HashSet<>();
        while (seen.add(at)) {
            Optional<Succession> next = successionOf(at, day);
            if (next.isEmpty()) {
                return at;
            }
            at = next.get().successorCode();
        }
        return at;
    }

    /** {@code code} and every province whose chain of successors leads to it by {@code day}. */
    public Set<String> withPredecessors(String code, LocalDate day) {
        Set<String> all = new HashSet<>();
        all.add(code);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Succession s : byCode.values()) {
                if (!s.effectiveDate().isAfter(day) && all.contains(s.successorCode()) && all.add(s.code())) {
                    grew = true;
                }
            }
        }
        return Set.copyOf(all);
    }

    public Collection<Succession> all() {
        return byCode.values();
    }
}
