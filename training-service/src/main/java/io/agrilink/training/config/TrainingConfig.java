package io.agrilink.training.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.training")
public interface TrainingConfig {

    /** How long a freed seat is held for the first waitlisted farmer before it passes to the next. */
    @WithDefault("48h")
    Duration offerHold();

    /** How long before an offer expires the farmer is reminded of it. */
    @WithDefault("12h")
    Duration offerReminderBefore();

    /** How farmers are told of changes (seat, waitlist, offer, cancellation, certificate). */
    Notices notices();

    /** Who issues certificates and how their signatures are checked. */
    Certificates certificates();

    interface Notices {

        /** Which {@code NoticeSender} sends notices: {@code log} (default) or {@code webhook}. */
        @WithDefault("log")
        String sender();

        /** Where the webhook sender POSTs each notice (an SMS or Zalo gateway); needed for {@code webhook}. */
        Optional<URI> webhookUrl();

        /** How long the webhook sender waits for the gateway. */
        @WithDefault("5s")
        Duration webhookTimeout();
    }

    interface Certificates {

        /** The issuer printed on every certificate. */
        @WithDefault("Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh — chương trình AgriLink")
        String issuer();

        /**
         * The {@code iss} of every certificate's JWS. Not the login issuer ({@code mp.jwt.verify.issuer}):
         * a certificate is a document, not a token anyone signs in with.
         */
        @WithDefault("https://id.agrilink.local/certificates")
        String tokenIssuer();

        /**
         * PEM private key that signs certificates: a file path, {@code classpath:} resource or URL.
         * Its own key, never the key of login or service tokens, and trusted by no service as one.
         */
        String signKeyLocation();

        /** PEM public key, the other half of {@code sign-key-location}, that verifies certificates. */
        String verifyKeyLocation();

        /** The {@code kid} header of every certificate; verification accepts no other. */
        @WithDefault("training-certificates-1")
        String keyId();
    }
}
