package io.agrilink.web.staff.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** catalog-service's {@code POST /accounts} body: a farmer's account, its username the phone number. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NewAccount(String username, String firstName, String lastName, String role, String email,
        String phone) {

    /** The answer: the temporary password is shown once and never kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String username, String role, String temporaryPassword, String signInUrl) {
    }
}
