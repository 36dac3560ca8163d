package vn.govqms.kit.province;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.util.Set;

/** Keeps {@code province_succession} from document-service's {@code province.merged} events. */
@ApplicationScoped
@IfBuildProperty(name = "govqms.agency-directory.enabled", stringValue = "true")
public class ProvinceSuccessionHandler implements EventHandler {

    public static final String MERGED = EventTypes.of("document", "province.merged");

    @Inject ProvinceRegister register;

    @Override
    public Set<String> eventTypes() {
        return Set.of(MERGED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        ProvinceMergedData m = event.dataAs(ProvinceMergedData.class);
        if (m.code() == null || m.effectiveDate() == null || m.mergedCodes() == null || m.mergedCodes().isEmpty()) {
            throw new PoisonEventException("province.merged without code, effectiveDate or mergedCodes");
        }
        return record(tx, m).invoke(() -> register.reload().subscribe().with(x -> { }, e -> { }));
    }

    /** Records the successions of a merger (document-service calls it in its own transaction too). */
    public static Uni<Void> record(SqlConnection tx, ProvinceMergedData m) {
        return tx.preparedQuery("""
                        insert into province_succession (code, successor_code, effective_date)
                        select unnest($1::text[]), $2, $3
                        on conflict (code) do update set successor_code = excluded.successor_code, effective_date = excluded.effective_date""")
                .execute(Tuple.of(m.mergedCodes().toArray(new String[0]), m.code(), m.effectiveDate())).replaceWithVoid();
    }
}
