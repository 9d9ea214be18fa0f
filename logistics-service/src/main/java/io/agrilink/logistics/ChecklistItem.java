package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One export paper or treatment of a shipment, ticked with the reference of its document. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntity {

    @Column(name = "shipment_id")
    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public ExportRequirement requirement;

    public boolean done;

    @Column(name = "document_ref")
    public String documentRef;

    @Column(name = "ticked_by")
    public String tickedBy;

    @Column(name = "ticked_at")
    public Instant tickedAt;
}
