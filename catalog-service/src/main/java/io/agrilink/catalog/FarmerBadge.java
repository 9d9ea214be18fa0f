package io.agrilink.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * The "livestream ready" badge training-service grants a farmer who passed the course. Kept per
 * farmer, not per producer, so producers the farmer comes to own later show it too.
 */
@Entity
@Table(name = "farmer_badge")
public class FarmerBadge extends PanacheEntity {

    public String subject;

    @Column(name = "certificate_code")
    public String certificateCode;

    @Column(name = "granted_at")
    public Instant grantedAt;
}
