package io.agrilink.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn on the server as SVG (ZXing computes the modules): no script and no image
 * library in the browser, a few hundred bytes, sharp at any size and on paper. Each row's runs of
 * dark modules are one path segment, so the file stays small. Used for a certificate's link and a
 * VietQR transfer.
 */
public final class QrCode {

    /** The quiet zone scanners need around the code, in modules. */
    private static final int MARGIN = 4;

    private QrCode() {
    }

    /**
     * The same drawing as an image address ({@code <img src="data:image/svg+xml;base64,…">}): in the
     * page itself, so a code made for one order is never fetched again or cached anywhere.
     */
    public static String dataUri(String text) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.US_ASCII));
    }

    public static String svg(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, MARGIN));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", tooLong);
        }
        int width = modules.getWidth();
        int height = modules.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < width && modules.get(run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run - x).append("v1h-")
                        .append(run - x).append('z');
                x = run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + width + "\" height=\"" + height
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
