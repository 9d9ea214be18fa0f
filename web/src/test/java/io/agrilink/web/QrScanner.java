package io.agrilink.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code the app drew ({@link QrCode}) back as a phone's scanner would: the tests' proof it scans. */
public final class QrScanner {

    private QrScanner() {
    }

    /** An {@code <img src="data:image/svg+xml;base64,…">}'s code. */
    public static String decodeDataUri(String dataUri) throws Exception {
        String prefix = "data:image/svg+xml;base64,";
        if (!dataUri.startsWith(prefix)) {
            throw new IllegalArgumentException("not an SVG data address: " + dataUri);
        }
        return decode(new String(Base64.getDecoder().decode(dataUri.substring(prefix.length())), StandardCharsets.US_ASCII));
    }

    /** Reads the SVG's modules back (one unit square per module) and decodes them. */
    public static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        if (!size.find()) {
            throw new IllegalArgumentException("no viewBox: " + svg);
        }
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[modules * scale * modules * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
                for (int dy = 0; dy < scale; dy++) {
                    pixels[(y * scale + dy) * modules * scale + x] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(modules * scale, modules * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
