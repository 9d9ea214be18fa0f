package io.agrilink.web.live;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * order-service's figures of one livestream: the public counter ({@code GET /livestreams/{code}/counter},
 * no amounts) or the results staff and the stream's hosts read ({@code …/results}, with {@code revenue}
 * in whole đồng on the totals and in every group).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamCounter(String code, String state, Instant asOf, Instant startedAt, Instant endedAt, long orders,
        long grams, Long revenue, List<Group> byProvince, List<Group> byCountry, List<Group> perMinute,
        String headline) {

    /** One group: {@code province}, {@code country} or {@code minute} names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String province, String country, String minute, long orders, long grams, Long revenue) {

        public String key() {
            return province != null ? province : country != null ? country : minute;
        }

        public long revenueOrZero() {
            return revenue == null ? 0 : revenue;
        }
    }

    public static StreamCounter none(String code) {
        return new StreamCounter(code, null, null, null, null, 0, 0, null, List.of(), List.of(), List.of(), null);
    }

    public List<Group> byProvince() {
        return byProvince == null ? List.of() : byProvince;
    }

    public List<Group> byCountry() {
        return byCountry == null ? List.of() : byCountry;
    }

    public List<Group> perMinute() {
        return perMinute == null ? List.of() : perMinute;
    }

    public int provinces() {
        return byProvince().size();
    }

    public int countries() {
        return byCountry().size();
    }
}
