package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.Certification;
import io.agrilink.catalog.FarmerBadge;
import io.agrilink.catalog.Producer;
import io.agrilink.catalog.Product;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.Communes;
import io.agrilink.platform.vn.Phones;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;

/** Producers, their owners, and the livestream badge training-service grants. */
@ApplicationScoped
public class ProducerService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    ProductService products;

    /** A farmer becomes the owner of what they create; staff name the owners. */
    @Transactional
    public Producer create(ProducerDetails input) {
        Producer producer = new Producer();
        apply(producer, input);
        if (caller.isStaff()) {
            producer.owners = owners(input.owners());
        } else {
            producer.owners = new LinkedHashSet<>(Set.of(caller.subject()));
        }
        producer.persist();
        return producer;
    }

    /** Replaces what a producer says about itself; only staff change its owners. */
    @Transactional
    public Producer update(long id, ProducerDetails input) {
        Producer producer = get(id);
        caller.requireOwnerOrStaff(producer.owners, "producer " + id);
        apply(producer, input);
        if (input.owners() != null) {
            Set<String> owners = owners(input.owners());
            if (!owners.equals(producer.owners)) {
                if (!caller.isStaff()) {
                    throw ProblemException.forbidden("Only programme staff change the owners of a producer");
                }
                producer.owners.clear();
                producer.owners.addAll(owners);
            }
        }
        Product.<Product> list("producer", producer).forEach(products::refreshSearchText);
        return producer;
    }

    public Producer get(long id) {
        return Producer.<Producer> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Producer", id));
    }

    public List<Producer> list(String province, String owner, int page, int size) {
        return query(province, owner).page(page, size).list();
    }

    public long count(String province, String owner) {
        return query(province, owner).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Producer> query(String province, String owner) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (province != null) {
            where.append(" and province = :province");
            params.put("province", province);
        }
        if (owner != null) {
            where.append(" and :owner member of owners");
            params.put("owner", owner);
        }
        return Producer.find(where + " order by name, id", params);
    }

    /** The producers among {@code producers} with an owner who holds the livestream badge. */
    public Set<Long> livestreamReady(Collection<Producer> producers) {
        Set<String> subjects = new HashSet<>();
        producers.forEach(p -> subjects.addAll(p.owners));
        if (subjects.isEmpty()) {
            return Set.of();
        }
        Set<String> badged = new HashSet<>(em.createQuery(
                "select b.subject from FarmerBadge b where b.subject in :subjects", String.class)
                .setParameter("subjects", subjects).getResultList());
        Set<Long> ready = new HashSet<>();
        producers.stream().filter(p -> p.owners.stream().anyMatch(badged::contains)).forEach(p -> ready.add(p.id));
        return ready;
    }

    public boolean livestreamReady(Producer producer) {
        return livestreamReady(List.of(producer)).contains(producer.id);
    }

    /** Idempotent: a repeat keeps the first grant (and its certificate code). */
    @Transactional
    public void grantLivestreamBadge(String subject, String certificateCode) {
        if (FarmerBadge.count("subject", subject) > 0) {
            return;
        }
        FarmerBadge badge = new FarmerBadge();
        badge.subject = subject;
        badge.certificateCode = certificateCode;
        badge.grantedAt = Instant.now();
        badge.persist();
    }

    /** How many products each farmer lists through the producers they own, for every subject asked. */
    public Map<String, Long> listings(List<String> subjects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        subjects.forEach(s -> counts.put(s, 0L));
        if (subjects.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("""
                select o, count(distinct p.id) from Producer pr join pr.owners o, Product p
                where p.producer = pr and p.delistedAt is null and o in :subjects group by o""", Object[].class)
                .setParameter("subjects", subjects).getResultList();
        rows.forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    private void apply(Producer producer, ProducerDetails input) {
        Provinces.Resolved province = Provinces.resolve(input.province()).orElseThrow(
                () -> ProblemException.invalid("province", "is not one of the 34 provinces of Vietnam (nor a former one)"));
        String phone = Phones.normalise(input.phone()).orElseThrow(
                () -> ProblemException.invalid("phone", "is not a Vietnamese mobile or landline number"));
        producer.name = VietnameseText.nfc(input.name());
        producer.kind = input.kind();
        producer.province = province.province();
        producer.provinceGiven = province.given();
        producer.commune = Communes.require(province.province(), input.commune(), "commune").commune().name();
        producer.phone = phone;
        producer.growingAreaCode = input.growingAreaCode() == null || input.growingAreaCode().isBlank() ? null
                : input.growingAreaCode().strip().toUpperCase();
        List<Certification> certifications = new ArrayList<>();
        List<ProducerDetails.Certificate> given = input.certifications() == null ? List.of() : input.certifications();
        for (int i = 0; i < given.size(); i++) {
            ProducerDetails.Certificate c = given.get(i);
            if (!c.expiresOn().isAfter(c.issuedOn())) {
                throw ProblemException.invalid("certifications[" + i + "].expiresOn", "must be after issuedOn");
            }
            Certification certification = new Certification();
            certification.scheme = c.scheme();
            certification.code = c.code() == null ? null : c.code().strip();
            certification.issuedOn = c.issuedOn();
            certification.expiresOn = c.expiresOn();
            certifications.add(certification);
        }
        producer.certifications.clear();
        producer.certifications.addAll(certifications);
        if (input.ocop() == null) {
            producer.ocopStars = null;
            producer.ocopLevel = null;
            producer.ocopExpiresOn = null;
        } else {
            producer.ocopStars = input.ocop().stars();
            producer.ocopLevel = input.ocop().level();
            producer.ocopExpiresOn = input.ocop().expiresOn();
        }
    }

    private static Set<String> owners(List<String> owners) {
        Set<String> set = new LinkedHashSet<>();
        if (owners != null) {
            owners.forEach(o -> set.add(o.strip()));
        }
        return set;
    }
}
