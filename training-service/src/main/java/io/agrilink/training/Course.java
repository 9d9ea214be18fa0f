package io.agrilink.training;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A course of the programme, with its title and description in several languages ({@code vi} always). */
@Entity
public class Course extends PanacheEntity {

    public String code;

    @Enumerated(EnumType.STRING)
    public Topic topic;

    public int hours;

    /** BCP 47 language tag → title. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> title;

    /** BCP 47 language tag → description. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> description;

    /** Courses a farmer must have completed before enrolling in this one. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "course_prerequisite", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "prerequisite_id")
    public Set<Long> prerequisiteIds = new LinkedHashSet<>();

    public Instant createdAt;

    /** The Vietnamese title, the one used in notices and on certificates. */
    public String titleVi() {
        return title.get("vi");
    }
}
