package io.agrilink.training.rest;

import java.nio.charset.StandardCharsets;

import io.agrilink.training.service.FunnelService.Funnel;
import io.agrilink.training.service.FunnelService.Group;

/**
 * The funnel as CSV (RFC 4180): a header row, a row per group and the total, lines ended by CRLF,
 * UTF-8. A cell with a comma, a quote or a line break is quoted, its quotes doubled. A cell that a
 * spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a carriage return)
 * is prefixed with {@code '}, so a course title or a team name cannot run in the reader's Excel.
 * An unknown figure (its service did not answer) is an empty cell.
 */
final class FunnelCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String HEADER = "key,label,enrolled,attended,certified,listedProduct,hostedStream,firstSale,revenue,"
            + "conversionAttended,conversionCertified,conversionListedProduct,conversionHostedStream,conversionFirstSale";

    private FunnelCsv() {
    }

    static byte[] of(Funnel funnel) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Group g : funnel.groups()) {
            row(csv, g);
        }
        row(csv, funnel.total());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String filename(Funnel funnel) {
        return "funnel-" + funnel.by() + "-" + funnel.from() + "-" + funnel.to() + ".csv";
    }

    private static void row(StringBuilder csv, Group g) {
        csv.append(cell(g.key())).append(',').append(cell(g.label()));
        for (Object figure : new Object[] { g.enrolled(), g.attended(), g.certified(), g.listedProduct(),
                g.hostedStream(), g.firstSale(), g.revenue(), g.conversions().attended(), g.conversions().certified(),
                g.conversions().listedProduct(), g.conversions().hostedStream(), g.conversions().firstSale() }) {
            csv.append(',').append(figure == null ? "" : figure.toString());
        }
        csv.append("\r\n");
    }

    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String value = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
