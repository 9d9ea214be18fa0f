package io.agrilink.logistics;

import java.util.List;

/**
 * Papers and treatments fresh lychee needs to enter a country. Every destination outside Vietnam
 * needs a phytosanitary certificate; the US, Australia and Japan ask for more.
 */
public enum ExportRequirement {
    PHYTOSANITARY_CERTIFICATE("Phytosanitary certificate"),
    IRRADIATION_400GY("Irradiation treatment, 400 Gy"),
    REGISTERED_ORCHARD("Orchard registered for export (growing area code)"),
    IMPORT_PERMIT("Import permit of the destination country"),
    METHYL_BROMIDE_FUMIGATION("Methyl-bromide fumigation at an approved facility");

    public final String label;

    ExportRequirement(String label) {
        this.label = label;
    }

    /** What a shipment to {@code country} (ISO alpha-2) must carry; empty for Vietnam. */
    public static List<ExportRequirement> forCountry(String country) {
        return switch (country) {
            case "VN" -> List.of();
            case "US" -> List.of(IRRADIATION_400GY, REGISTERED_ORCHARD, PHYTOSANITARY_CERTIFICATE);
            case "AU" -> List.of(IRRADIATION_400GY, IMPORT_PERMIT, PHYTOSANITARY_CERTIFICATE);
            case "JP" -> List.of(METHYL_BROMIDE_FUMIGATION, PHYTOSANITARY_CERTIFICATE);
            default -> List.of(PHYTOSANITARY_CERTIFICATE);
        };
    }
}
