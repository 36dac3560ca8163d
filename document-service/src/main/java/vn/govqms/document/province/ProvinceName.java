package vn.govqms.document.province;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.util.UUID;

/** A name a province bore, from {@code validFrom} (null: since before the register's records) to {@code validTo}. */
@Entity
public class ProvinceName extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    public LocalDate validFrom;
    public LocalDate validTo;
    public String decision;

    static ProvinceName from(String code, String name, LocalDate validFrom, String decision) {
        ProvinceName n = new ProvinceName();
        n.id = UUID.randomUUID();
        n.code = code;
        n.name = name;
        n.validFrom = validFrom;
        n.decision = decision;
        return n;
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
