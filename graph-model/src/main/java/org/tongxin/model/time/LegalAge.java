package org.tongxin.model.time;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Age as Chinese law counts it (SPC interpretation of 2006, Art. 2: 周岁从生日的第二天起算): age N is reached on the
 * day after the Nth birthday, where the Nth birthday is the birth date plus N years (29 Feb becomes 28 Feb).
 */
public final class LegalAge {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LegalAge() {
    }

    /** The Nth birthday: birth + N years, 29 Feb clamped to 28 Feb in a non-leap year. */
    public static LocalDate birthday(LocalDate birth, int n) {
        return birth.plusYears(n);
    }

    /** The largest N whose Nth birthday is before {@code date}; -1 before birth. */
    public static int ageAt(LocalDate birth, LocalDate date) {
        if (date.isBefore(birth)) {
            return -1;
        }
        int n = date.getYear() - birth.getYear();
        while (n > 0 && !birthday(birth, n).isBefore(date)) {
            n--;
        }
        return n;
    }

    /** Has reached age N at {@code date}: the Nth birthday is before it. */
    public static boolean hasReached(LocalDate birth, int n, LocalDate date) {
        return birthday(birth, n).isBefore(date);
    }

    /** Minor: on or after the birth date and on or before the 18th birthday. */
    public static boolean isMinorAt(LocalDate birth, LocalDate date) {
        return !date.isBefore(birth) && !hasReached(birth, 18, date);
    }

    /** Under N (14, 16): born and not yet reached N. */
    public static boolean isUnder(LocalDate birth, int n, LocalDate date) {
        return !date.isBefore(birth) && !hasReached(birth, n, date);
    }
}
