package org.tongxin.model.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.tongxin.model.time.LegalAge;

/**
 * A valid 18-character citizen identity number (公民身份号码, GB 11643). Instances exist only for numbers that
 * pass every rule in datasets.md; use {@link #check(String, LocalDate)} to learn why a number fails.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Result of checking one written number: the normalised number when valid, else a reason. */
    public record Check(String input, IdNumber id, String reason, String warning) {
        public boolean valid() {
            return id != null;
        }

    }

    /** Checks with today's date as the limit for birth dates. */
    public static Check check(String raw) {
        return check(raw, LocalDate.now(LegalAge.ZONE));
    }

    /**
     * Normalises (trim, upper-case, 15→18) and validates region code, birth date (real, not after
     * {@code today}) and the ISO 7064 MOD 11-2 check character.
     */
    public static Check check(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return new Check(raw, null, "blank", null);
        }
        String s = raw.strip().toUpperCase();
        if (s.length() == 15) {
            if (!s.chars().allMatch(Character::isDigit)) {
                return new Check(raw, null, "15-digit number with a non-digit character", null);
            }
            String body = s.substring(0, 6) + "19" + s.substring(6);
            s = body + checkChar(body);
        } else if (s.length() != 18) {
            return new Check(raw, null, "length " + s.length() + ", expected 18 (or 15)", null);
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return new Check(raw, null, "non-digit character at position " + (i + 1), null);
            }
        }
        char last = s.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return new Check(raw, null, "check character must be 0-9 or X", null);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return new Check(raw, null, "impossible birth date " + s.substring(6, 14), null);
        }
        if (birth.isAfter(today)) {
            return new Check(raw, null, "birth date " + birth + " is in the future", null);
        }
        String warning = null;
        switch (RegionCodes.bundled().check(s.substring(0, 6), birth.getYear())) {
            case UNKNOWN:
                return new Check(raw, null, "region code " + s.substring(0, 6) + " was never a GB/T 2260 code", null);
            case ABOLISHED_BEFORE_BIRTH:
                return new Check(raw, null, "region code " + s.substring(0, 6) + " was abolished before "
                        + birth.getYear(), null);
            case VALID_CODE_NEWER_THAN_BIRTH:
                warning = "region code " + s.substring(0, 6) + " came into use after the birth year "
                        + birth.getYear();
                break;
            default:
                break;
        }
        char expected = checkChar(s.substring(0, 17));
        if (expected != last) {
            return new Check(raw, null, "check character " + last + " is wrong (expected " + expected + ")", null);
        }
        return new Check(raw, new IdNumber(s, birth), null, warning);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Odd sequence digit: male. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public int ageAt(LocalDate date) {
        return LegalAge.ageAt(birthDate, date);
    }

    public int ageAt(LocalDateTime time) {
        return ageAt(time.toLocalDate());
    }

    public boolean isMinorAt(LocalDate date) {
        return LegalAge.isMinorAt(birthDate, date);
    }

    public boolean isMinorAt(LocalDateTime time) {
        return isMinorAt(time.toLocalDate());
    }

    /** {@code 370612***********X}: the region code and the check character stay. */
    public String masked() {
        return mask(value);
    }

    /**
     * Masks any written number the same way, valid or not: the region and the check character stay, the birth date
     * and the sequence number are hidden. The birth date is shown elsewhere (the models need it, so it is kept in
     * clear), so a mask that kept the sequence too would let region + birth date + sequence rebuild the number.
     */
    public static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 7) + s.substring(s.length() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** The masked form, so that a number never reaches a log by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
