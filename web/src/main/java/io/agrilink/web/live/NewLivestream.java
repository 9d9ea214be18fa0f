package io.agrilink.web.live;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of catalog-service's {@code POST /livestreams}: what staff typed, nothing left blank sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewLivestream(String title, String platform, String url, Instant plannedStart, Instant plannedEnd,
        Long campaignId, List<Long> lotIds, List<Host> hosts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Host(String kind, String name, String subject, Long teamId) {
    }
}
