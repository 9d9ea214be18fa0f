package io.agrilink.web.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.web.client.Fetched;

/**
 * What the livestream, host, team and funnel pages read from catalog-service, order-service and
 * training-service: each read answers or says its service is down (the page shows the banner); a
 * 4xx passes through for the page to say. Writes are the pages' own calls through {@link #catalog()}.
 */
@ApplicationScoped
public class LiveServices {

    static final String CATALOG = "catalog-service";
    static final String ORDER = "order-service";
    static final String TRAINING = "training-service";

    /** A livestream's code as the services take it (they upper-case it); anything else is no stream at all. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,12}");

    @Inject
    @RestClient
    LiveCatalogRestClient catalog;

    @Inject
    @RestClient
    LiveOrderRestClient orders;

    @Inject
    @RestClient
    FunnelRestClient funnel;

    @Inject
    ObjectMapper json;

    public LiveCatalogRestClient catalog() {
        return catalog;
    }

    public FunnelRestClient funnelClient() {
        return funnel;
    }

    /** The code upper-cased, or 404 for one that cannot be a code (the services would refuse it with a 400). */
    public static String code(String typed) {
        if (typed == null || !CODE.matcher(typed).matches()) {
            throw new NotFoundException();
        }
        return typed.toUpperCase(Locale.ROOT);
    }

    /** A well-formed code upper-cased, else empty: what a campaign page's {@code ?live=} carries on. */
    public static Optional<String> codeOrNone(String typed) {
        return typed != null && CODE.matcher(typed.strip()).matches()
                ? Optional.of(typed.strip().toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** The stream; an unknown code is the 404 page, catalog down the banner with nothing to show. */
    public Fetched<Livestream> livestream(String code) {
        try {
            return Fetched.of(CATALOG, () -> catalog.livestream(code), null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 400) {
                throw new NotFoundException();
            }
            throw e;
        }
    }

    public Fetched<List<Livestream>> livestreams(String state) {
        return Fetched.of(CATALOG, () -> list(catalog.livestreams(state, null), Livestream.class), List.of());
    }

    public Fetched<List<Livestream>> mine() {
        return Fetched.of(CATALOG, () -> list(catalog.myLivestreams(), Livestream.class), List.of());
    }

    public Fetched<List<Team>> teams() {
        return Fetched.of(CATALOG, () -> list(catalog.teams(), Team.class), List.of());
    }

    public Fetched<Team> team(long id) {
        return Fetched.of(CATALOG, () -> catalog.team(id), null);
    }

    /** The farmer's team; none (catalog's 404) is an empty answer, not an error. */
    public Fetched<Optional<Team>> myTeam() {
        return Fetched.of(CATALOG, () -> {
            try {
                return Optional.of(catalog.myTeam());
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.<Team>empty();
                }
                throw e;
            }
        }, Optional.empty());
    }

    public Fetched<StreamCounter> counter(String code) {
        return Fetched.of(ORDER, () -> orders.counter(code), StreamCounter.none(code));
    }

    /**
     * The stream's results with revenue; a stream order-service has not heard of yet (404) or one this
     * person may not read (403) has none to show.
     */
    public Fetched<Optional<StreamCounter>> results(String code) {
        return Fetched.of(ORDER, () -> {
            try {
                return Optional.of(orders.results(code));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 403 || status == 404) {
                    return Optional.<StreamCounter>empty();
                }
                throw e;
            }
        }, Optional.empty());
    }

    public Fetched<Optional<TeamResults>> teamResults(long team) {
        return Fetched.of(ORDER, () -> {
            try {
                return Optional.of(orders.teamResults(team));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 403 || e.getResponse().getStatus() == 404) {
                    return Optional.<TeamResults>empty();
                }
                throw e;
            }
        }, Optional.empty());
    }

    /** A list answered as a JSON array, or as a page with {@code items}: either is read. */
    <T> List<T> list(JsonNode answer, Class<T> type) {
        JsonNode items = answer == null ? null : answer.isArray() ? answer : answer.path("items");
        List<T> all = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                all.add(json.convertValue(item, type));
            }
        }
        return all;
    }
}
