package io.agrilink.catalog.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.agrilink.catalog.Certification;
import io.agrilink.catalog.Product;
import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Product search. Free text is folded the way {@code product.search_text} is (no diacritics, lower
 * case), each word must occur in it ({@code LIKE '%word%'}, served by the trigram GIN index); the
 * filters are plain SQL over indexed columns. One query for the ids of the page, one for the total.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    private static final ZoneId VIETNAM = AgriLinkTime.configured();

    public enum Sort {
        NAME("p.sort_name, p.id"),
        PRICE("p.price_per_kg, p.id"),
        PRICE_DESC("p.price_per_kg desc, p.id desc"),
        NEWEST("p.created_at desc, p.id desc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** What a buyer searches for; null means "any". */
    public record Search(String text, Product.Category category, String province, Certification.Scheme certification,
            Integer minOcopStars, boolean inSeason, boolean inCampaign, Sort sort, int page, int size) {
    }

    public record Found(List<Product> products, long total) {
    }

    public Found search(Search search) {
        StringBuilder where = new StringBuilder(" from product p join producer pr on pr.id = p.producer_id"
                + " where p.delisted_at is null");
        List<Object> params = new ArrayList<>();
        String folded = VietnameseText.fold(search.text());
        if (folded != null && !folded.isBlank()) {
            for (String word : folded.split(" ")) {
                where.append(" and p.search_text like ?");
                params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (search.category() != null) {
            where.append(" and p.category = ?");
            params.add(search.category().name());
        }
        if (search.province() != null) {
            where.append(" and pr.province = ?");
            params.add(search.province());
        }
        LocalDate today = LocalDate.now(VIETNAM);
        if (search.certification() != null) {
            where.append(" and exists (select 1 from producer_certification c where c.producer_id = pr.id"
                    + " and c.scheme = ? and c.issued_on <= ? and c.expires_on >= ?)");
            params.add(search.certification().name());
            params.add(today);
            params.add(today);
        }
        if (search.minOcopStars() != null) {
            where.append(" and pr.ocop_stars >= ? and (pr.ocop_expires_on is null or pr.ocop_expires_on >= ?)");
            params.add(search.minOcopStars());
            params.add(today);
        }
        if (search.inSeason()) {
            where.append(" and exists (select 1 from product_season_month m where m.product_id = p.id and m.month = ?)");
            params.add((short) today.getMonthValue());
        }
        if (search.inCampaign()) {
            OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
            where.append(" and exists (select 1 from lot l join campaign_lot cl on cl.lot_id = l.id"
                    + " join campaign c on c.id = cl.campaign_id"
                    + " where l.product_id = p.id and c.starts_at <= ? and c.ends_at > ?)");
            params.add(now);
            params.add(now);
        }

        Query count = getEntityManager().createNativeQuery("select count(*)" + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0 || (long) search.page() * search.size() >= total) {
            return new Found(List.of(), total);
        }

        Query page = getEntityManager().createNativeQuery(
                "select p.id" + where + " order by " + search.sort().orderBy + " limit ? offset ?");
        params.add(search.size());
        params.add((long) search.page() * search.size());
        bind(page, params);
        List<Long> ids = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Product> products = new ArrayList<>(
                list("select p from Product p join fetch p.producer where p.id in ?1", ids));
        products.sort(Comparator.comparing(p -> position.get(p.id)));
        return new Found(products, total);
    }

    /** Every listed product of producers in {@code province}, for the season calendar. */
    public List<Product> inProvince(String province, int max) {
        return find("select p from Product p join fetch p.producer pr where pr.province = ?1 and p.delistedAt is null"
                + " order by p.sortName, p.id",
                province).page(0, max).list();
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }
}
