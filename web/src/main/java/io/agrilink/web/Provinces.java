package io.agrilink.web;

import java.util.List;

/**
 * The 34 provinces in force since 1 July 2025, for the search filter. catalog-service resolves
 * any name (former ones too) with the platform's {@code Provinces}; the web app keeps its own copy
 * of the names only, as it carries no platform jar (that brings the services' database and token setup).
 */
public final class Provinces {

    public static final List<String> ALL = List.of("An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ",
            "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng",
            "Hồ Chí Minh", "Huế", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Nghệ An",
            "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên",
            "Thanh Hóa", "Tuyên Quang", "Vĩnh Long");

    private Provinces() {
    }
}
