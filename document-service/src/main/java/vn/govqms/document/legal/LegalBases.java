package vn.govqms.document.legal;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether the legal documents a procedure rests on are still in force on a date: a document repealed or replaced by
 * then, or past its expiry date, is not (the register's own {@link LegalDocument#statusOn} decides).
 */
@ApplicationScoped
public class LegalBases {

    @Inject LegalDocumentRepository documents;
    @Inject LegalRelationRepository relations;

    /** A legal basis no longer in force: since when, and the document that repealed or replaced it (none when it expired). */
    public record Lapsed(UUID legalDocumentId, String number, LegalStatus status, String statusLabel, LocalDate since,
                         UUID byLegalDocumentId, String byNumber) {

        /** "19/2014/QĐ-TTg (replaced by 101/2025/QĐ-TTg from 2026-03-01)". */
        public String describe() {
            String how = switch (status) {
                case REPLACED -> "replaced by " + byNumber;
                case REPEALED -> "repealed by " + byNumber;
                default -> "expired";
            };
            return number + " (" + how + " from " + since + ")";
        }
    }

    /** Those of {@code ids} that are not in force on {@code on}, in the order of their numbers. */
    public Uni<List<Lapsed>> lapsed(Collection<UUID> ids, LocalDate on) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return documents.findByIds(ids).chain(docs -> ending(docs).map(endings -> docs.stream()
                .map(d -> lapsed(d, endings.getOrDefault(d.id, List.of()), on))
                .filter(l -> l != null)
                .sorted(Comparator.comparing(Lapsed::number))
                .toList()));
    }

    /** Those of {@code docs} that, on the day after their expiry date, are expired rather than repealed or replaced. */
    public Uni<List<LegalDocument>> expiredAlone(List<LegalDocument> docs) {
        return ending(docs).map(endings -> docs.stream().filter(d -> d.expiryDate != null && d.statusOn(d.expiryDate.plusDays(1),
                endings.getOrDefault(d.id, List.of()).stream().map(Ending::incoming).toList()) == LegalStatus.EXPIRED).toList());
    }

    /** A relation that ends a document, with its source. */
    private record Ending(RelationKind kind, LegalDocument by) {
        LegalDocument.Incoming incoming() {
            return new LegalDocument.Incoming(kind, by.effectiveDate);
        }
    }

    /** The repealing and replacing relations to each of {@code docs}, earliest first. */
    private Uni<Map<UUID, List<Ending>>> ending(List<LegalDocument> docs) {
        return relations.ending(docs.stream().map(d -> d.id).toList()).chain(links -> {
            Set<UUID> sources = new HashSet<>();
            links.forEach(l -> sources.add(l.sourceId));
            return documents.findByIds(sources).map(found -> {
                Map<UUID, LegalDocument> byId = found.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
                return links.stream().map(l -> Map.entry(l.targetId, new Ending(l.kind, byId.get(l.sourceId))))
                        .sorted(Comparator.comparing(e -> e.getValue().by().effectiveDate))
                        .collect(Collectors.groupingBy(Map.Entry::getKey,
                                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            });
        });
    }

    private static Lapsed lapsed(LegalDocument d, List<Ending> endings, LocalDate on) {
        LegalStatus status = d.statusOn(on, endings.stream().map(Ending::incoming).toList());
        return switch (status) {
            case REPEALED, REPLACED -> {
                // endings come earliest first, as statusOn met them: the first in force by then is the one it named
                Ending by = endings.stream().filter(e -> !e.by().effectiveDate.isAfter(on)).findFirst().orElseThrow();
                yield new Lapsed(d.id, d.number, status, status.label(), by.by().effectiveDate, by.by().id, by.by().number);
            }
            case EXPIRED -> new Lapsed(d.id, d.number, status, status.label(), d.expiryDate.plusDays(1), null, null);
            default -> null;
        };
    }
}
