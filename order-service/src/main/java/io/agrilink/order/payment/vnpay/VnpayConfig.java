package io.agrilink.order.payment.vnpay;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** VNPay (domestic cards and QR); VNPAY is offered only when the terminal code and the hash secret are set. */
@ConfigMapping(prefix = "agrilink.payment.vnpay")
public interface VnpayConfig {

    /** The merchant's terminal code ({@code vnp_TmnCode}, 8 characters) from VNPay's merchant portal. */
    Optional<String> tmnCode();

    /** The hash secret that signs the pay URL, the IPN and the refund API; a secret, never in git. */
    Optional<String> hashSecret();

    /** VNPay's pay page, where the buyer is sent with the signed URL. */
    @WithDefault("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html")
    String payUrl();

    /** VNPay's merchant web API (refund, querydr). */
    @WithDefault("https://sandbox.vnpayment.vn/merchant_webapi/api/transaction")
    String apiUrl();
}
