package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One export paper or treatment of a shipment, ticked with the reference of its document. */
@Entity
public class ChecklistItem extends PanacheEntity {

    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public ExportRequirement requirement;

    public boolean done;

    public String documentRef;

    public String tickedBy;

    public Instant tickedAt;
}
