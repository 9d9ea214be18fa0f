package io.agrilink.platform.vn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.Communes.Commune;
import io.agrilink.platform.vn.Communes.Kind;
import io.agrilink.platform.vn.Communes.Resolved;

/** The commune-level units since 1 July 2025: counts per province, names as people write them, former names. */
class CommunesTest {

    /** The data set's count per province (thanglequoc/vietnamese-provinces-database, wards per province_code). */
    private static final Map<String, Integer> COUNTS = new LinkedHashMap<>();

    static {
        Object[] table = {
            "Hà Nội", 126, "Cao Bằng", 56, "Tuyên Quang", 124, "Điện Biên", 45, "Lai Châu", 38,
            "Sơn La", 75, "Lào Cai", 99, "Thái Nguyên", 92, "Lạng Sơn", 65, "Quảng Ninh", 54,
            "Bắc Ninh", 99, "Phú Thọ", 148, "Hải Phòng", 114, "Hưng Yên", 104, "Ninh Bình", 129,
            "Thanh Hóa", 166, "Nghệ An", 130, "Hà Tĩnh", 69, "Quảng Trị", 78, "Huế", 40,
            "Đà Nẵng", 94, "Quảng Ngãi", 96, "Gia Lai", 135, "Khánh Hòa", 65, "Đắk Lắk", 102,
            "Lâm Đồng", 124, "Đồng Nai", 95, "Hồ Chí Minh", 168, "Tây Ninh", 96, "Đồng Tháp", 102,
            "Vĩnh Long", 124, "An Giang", 102, "Cần Thơ", 103, "Cà Mau", 64,
        };
        for (int i = 0; i < table.length; i += 2) {
            COUNTS.put((String) table[i], (Integer) table[i + 1]);
        }
    }

    @Test
    void everyProvinceHasTheDataSetsCountOfUnitsSumming3321() {
        assertEquals(34, COUNTS.size());
        assertEquals(3321, COUNTS.values().stream().mapToInt(Integer::intValue).sum());
        COUNTS.forEach((province, count) -> assertEquals(count, Communes.of(province).size(), province));
        assertEquals(3321, Communes.count());
        assertEquals(Provinces.all().stream().sorted().toList(), COUNTS.keySet().stream().sorted().toList());
    }

    @Test
    void unitsAreWardsCommunesAndThirteenSpecialZones() {
        List<Commune> all = Provinces.all().stream().flatMap(p -> Communes.of(p).stream()).toList();
        assertEquals(697, all.stream().filter(c -> c.kind() == Kind.WARD).count());
        assertEquals(2611, all.stream().filter(c -> c.kind() == Kind.COMMUNE).count());
        assertEquals(13, all.stream().filter(c -> c.kind() == Kind.SPECIAL_ZONE).count());
        all.forEach(c -> assertTrue(c.name().startsWith(c.kind().word() + " "), c.name()));
        all.forEach(c -> assertTrue(Provinces.isCurrent(c.province()), c.province()));
    }

    @Test
    void acceptsTheNameWithOrWithoutItsKindInAnyCaseAndNormalForm() {
        for (String given : List.of("Ba Đình", "Phường Ba Đình", "phường ba đình", "  PHƯỜNG   Ba  Đình ",
                Normalizer.normalize("Phường Ba Đình", Normalizer.Form.NFD), "Ba Dinh", "phuong ba dinh")) {
            Resolved resolved = Communes.resolve("Hà Nội", given).orElseThrow(() -> new AssertionError(given));
            assertEquals(new Commune("Hà Nội", "Phường Ba Đình", "00004", Kind.WARD), resolved.commune(), given);
            assertFalse(resolved.former(), given);
        }
    }

    @Test
    void knowsLucNganAndChuInBacNinhAlsoUnderTheFormerBacGiang() {
        assertEquals("07582", Communes.resolve("Bắc Ninh", "Xã Lục Ngạn").orElseThrow().commune().code());
        assertEquals("07582", Communes.resolve("Bắc Giang", "Lục Ngạn").orElseThrow().commune().code());
        assertEquals(Kind.WARD, Communes.resolve("Bắc Ninh", "Chũ").orElseThrow().commune().kind());
    }

    @Test
    void knowsSpecialZones() {
        Commune vanDon = Communes.resolve("Quảng Ninh", "Vân Đồn").orElseThrow().commune();
        assertEquals(new Commune("Quảng Ninh", "Đặc khu Vân Đồn", "06994", Kind.SPECIAL_ZONE), vanDon);
        assertEquals("Đặc khu Phú Quốc", Communes.resolve("Kiên Giang", "đặc khu phú quốc").orElseThrow().commune().name());
    }

    @Test
    void eitherTonePlacementFindsTheSameUnit() {
        Commune old = Communes.resolve("Hà Nội", "Phường Yên Hoà").orElseThrow().commune();
        Commune modern = Communes.resolve("Hà Nội", "Phường Yên Hòa").orElseThrow().commune();
        assertEquals(old, modern);
        assertEquals("Phường Yên Hòa", modern.name());
    }

    @Test
    void aFormerCommuneResolvesToTheUnitItMergedInto() {
        Resolved truc = Communes.resolve("Hà Nội", "Phường Trúc Bạch").orElseThrow();
        assertEquals("Phường Ba Đình", truc.commune().name());
        assertTrue(truc.former());
        assertEquals("Phường Trúc Bạch", truc.given());

        Resolved phiDien = Communes.resolve("Bắc Giang", "Thị trấn Phì Điền").orElseThrow();
        assertEquals("Xã Lục Ngạn", phiDien.commune().name());
        assertTrue(phiDien.former());
        assertEquals("Xã Lục Ngạn", Communes.resolve("Bắc Ninh", "Phì Điền").orElseThrow().commune().name());
    }

    @Test
    void aUnitRenamedSinceJuly2025ResolvesToItsNameToday() {
        Resolved longThanh = Communes.resolve("Đồng Nai", "Xã Long Thành").orElseThrow();
        assertEquals(new Commune("Đồng Nai", "Phường Long Thành", "26368", Kind.WARD), longThanh.commune());
        assertTrue(longThanh.former());
        assertEquals("Xã Phố Bảng", Communes.resolve("Tuyên Quang", "Xã Phó Bảng").orElseThrow().commune().name());
    }

    @Test
    void aFormerCommuneSplitAmongSeveralUnitsIsNotGuessedButItsSuccessorsAreNamed() {
        assertTrue(Communes.resolve("Hà Nội", "Phường Kim Mã").isEmpty());
        assertEquals(List.of("Phường Ngọc Hà", "Phường Giảng Võ"),
                Communes.successorsOf("Hà Nội", "Phường Kim Mã").stream().map(Commune::name).toList());
    }

    @Test
    void refusesNamesOfNoUnitOfTheProvince() {
        assertTrue(Communes.resolve("Hồ Chí Minh", "Phường Ba Đình").isEmpty());
        assertTrue(Communes.resolve("Hà Nội", "Xã Không Có").isEmpty());
        assertTrue(Communes.resolve("Hà Nội", "Phường").isEmpty());
        assertTrue(Communes.resolve("Hà Nội", " ").isEmpty());
        assertTrue(Communes.resolve("Hà Nội", null).isEmpty());
        assertTrue(Communes.resolve("Atlantis", "Ba Đình").isEmpty());
        assertTrue(Communes.of("Atlantis").isEmpty());
    }

    @Test
    void requireGivesAProblemNamingTheFieldAndTheSplitCommunesSuccessors() {
        assertEquals("Phường Ba Đình", Communes.require("Hà Nội", "ba đình", "delivery.commune").commune().name());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> Communes.require("Hà Nội", "Xã Không Có", "delivery.commune"));
        assertEquals(400, unknown.status());
        assertEquals("delivery.commune", unknown.violations().get(0).field());
        ProblemException split = assertThrows(ProblemException.class,
                () -> Communes.require("Hà Nội", "Kim Mã", "commune"));
        assertTrue(split.getMessage().contains("Phường Ngọc Hà, Phường Giảng Võ"), split.getMessage());
        ProblemException missing = assertThrows(ProblemException.class, () -> Communes.require("Hà Nội", " ", "commune"));
        assertEquals("commune", missing.violations().get(0).field());
    }
}
