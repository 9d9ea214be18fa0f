package io.agrilink.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.agrilink.catalog.service.Usernames;
import io.agrilink.platform.problem.ProblemException;

class UsernamesTest {

    @Test
    void aPhoneNumberIsKeptAsFarmersTypeIt() {
        assertEquals("0912345678", Usernames.normalise("0912 345 678"));
        assertEquals("0912345678", Usernames.normalise("+84 912.345.678"));
        assertEquals("0912345678", Usernames.normalise("84912345678"));
        assertEquals("02043123456", Usernames.normalise("0204 3123 456"));
    }

    @Test
    void anyOtherUsernameIsLowerCased() {
        assertEquals("farmer-lan", Usernames.normalise(" Farmer-Lan "));
        assertEquals("htx.luc_ngan", Usernames.normalise("HTX.Luc_Ngan"));
    }

    @Test
    void digitsThatAreNoVietnameseNumberAreRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> Usernames.normalise("0912 345"));
        assertEquals("username", e.violations().get(0).field());
        assertThrows(ProblemException.class, () -> Usernames.normalise("12345"));
        assertThrows(ProblemException.class, () -> Usernames.normalise("Trần Văn"));
        assertThrows(ProblemException.class, () -> Usernames.normalise(""));
    }
}
