package io.agrilink.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * The "livestream ready" badge training-service grants a farmer who passed the course. Kept per
 * farmer, not per producer, so producers the farmer comes to own later show it too.
 */
@Entity
public class FarmerBadge extends PanacheEntity {

    public String subject;

    public String certificateCode;

    public Instant grantedAt;
}
