package io.agrilink.order.service;

import java.util.Map;

import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.platform.problem.ProblemException;

/** Turns catalog-service's refusal of one reservation into the problem the buyer gets. */
final class Refusals {

    private Refusals() {
    }

    static ProblemException of(CatalogRestClient.Result result, NewOrder order) {
        Map<String, Object> problem = result.problem() == null ? Map.of() : result.problem();
        Long lotId = number(problem.get("lotId"));
        String detail = problem.get("detail") instanceof String d ? d : null;
        return switch (result.status()) {
            case 409 -> soldOut(problem, lotId, detail, order);
            case 404 -> ProblemException.invalid(lineField(order, lotId, "lotId"),
                    lotId == null ? "a lot of this order does not exist" : "lot " + lotId + " does not exist");
            case 400, 422 -> new ProblemException(400, "Invalid request",
                    detail == null ? "The catalogue refused this order" : detail);
            default -> PlacementBatcher.unavailable(
                    "The catalogue could not reserve stock for this order (status " + result.status() + "); try again");
        };
    }

    private static ProblemException soldOut(Map<String, Object> problem, Long lotId, String detail, NewOrder order) {
        Long gramsLeft = number(problem.get("gramsLeft"));
        Long limitGrams = number(problem.get("limitGrams"));
        ProblemException refusal;
        if (limitGrams != null) {
            refusal = new ProblemException(409, "Campaign limit reached",
                    "You may buy at most " + limitGrams + " g of this campaign"
                            + (gramsLeft == null ? "" : "; " + gramsLeft + " g are left for you"));
            refusal.with("limitGrams", limitGrams);
        } else if (gramsLeft != null) {
            String lot = lotId == null ? "This lot" : "Lot " + lotId;
            refusal = new ProblemException(409, "Sold out", gramsLeft == 0 ? lot + " is sold out: 0 g left"
                    : lot + " has only " + gramsLeft + " g left, less than you asked for");
        } else {
            refusal = new ProblemException(409, "Conflict", detail == null ? "The stock could not be reserved" : detail);
        }
        if (lotId != null) {
            refusal.with("lotId", lotId);
        }
        if (gramsLeft != null) {
            refusal.with("gramsLeft", gramsLeft);
        }
        return refusal;
    }

    private static String lineField(NewOrder order, Long lotId, String member) {
        for (int i = 0; i < order.lines().size(); i++) {
            if (lotId != null && order.lines().get(i).lotId() == lotId) {
                return "lines[" + i + "]." + member;
            }
        }
        return order.lines().size() == 1 ? "lines[0]." + member : "lines";
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
