package org.tongxin.domain.export;

/**
 * Who sends the documents and how they are numbered: the procuratorate's name (烟台市牟平区人民检察院) heads every
 * document, and each document has a number in the usual form {@code 牟检未监〔2026〕3号}: the prefix (the first
 * character of the procuratorate's place plus 检, e.g. 牟平区 → 牟检, unless one is configured), 未 for the
 * minors' office, a character for the kind of document, the year and a sequence within that year and kind.
 */
public record Letterhead(String unitName, String prefix) {

    public static final String DEFAULT_UNIT = "人民检察院";

    public Letterhead {
        if (unitName == null || unitName.isBlank()) {
            throw new IllegalArgumentException("the unit name cannot be blank");
        }
        unitName = unitName.strip();
        prefix = prefix == null || prefix.isBlank() ? derivePrefix(unitName) : prefix.strip();
    }

    /** The document number: {@code 牟检未监〔2026〕3号} for kind 监, year 2026 and sequence 3. */
    public String number(String kind, int year, long sequence) {
        return prefix + "未" + kind + "〔" + year + "〕" + sequence + "号";
    }

    /**
     * The usual short form of a procuratorate's name: the first character of its place after the province and
     * city (烟台市牟平区人民检察院 → 牟检, 烟台市人民检察院 → 烟检); a bare 人民检察院 gives 检.
     */
    static String derivePrefix(String unitName) {
        String place = unitName.endsWith(DEFAULT_UNIT)
                ? unitName.substring(0, unitName.length() - DEFAULT_UNIT.length()) : unitName;
        for (int i = place.length() - 2; i >= 0; i--) {
            if (place.charAt(i) == '省' || place.charAt(i) == '市') {
                place = place.substring(i + 1);
                break;
            }
        }
        return place.isEmpty() ? "检" : place.substring(0, place.offsetByCodePoints(0, 1)) + "检";
    }
}
