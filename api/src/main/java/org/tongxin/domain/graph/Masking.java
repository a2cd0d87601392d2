package org.tongxin.domain.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.lead.LeadKey;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * Masks identity numbers ({@code 370612***********X}) and mobile numbers ({@code 138****5678}) wherever they
 * appear in text the API returns: property values, lead keys, summaries, source rows and query results. Matching
 * is by shape, not by property name, so a number in a free-text column or an ad-hoc query alias is masked too;
 * an identity-number shape is masked when it is a valid number or carries a birth date where a number has it (a
 * mistyped number is still someone's), so a unit's unified social credit code of 18 digits stays readable.
 * Addresses are masked by name (a property {@code address}, a column 户籍地址, 住址 …) down to the county:
 * {@code 山东省烟台市牟平区****}.
 *
 * <p>The store keeps identity numbers, phone numbers and addresses only as tokens ({@link Pseudonyms}); the
 * variants taking a {@link Pseudonyms} open them and mask each value by what it is (so a token never reaches a
 * client, and a clear value never leaves unmasked). {@link #opaque} shows a token only as what kind of value it
 * hides, for the ad-hoc console, whose values may be derived from tokens in ways no mask could follow.
 */
public final class Masking {

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

    private Masking() {
    }

    public static String text(String s) {
        if (s == null || s.length() < 11) {
            return s;
        }
        Matcher m = ID.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(personal(found) ? IdNumber.mask(found) : found));
        }
        m.appendTail(out);
        return MOBILE.matcher(out).replaceAll("$1****$3");
    }

    private static final Pattern BIRTH_IN_18 = Pattern.compile("\\d{6}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]");
    private static final Pattern BIRTH_IN_15 = Pattern.compile("\\d{6}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}");

    /**
     * Whether a number of the identity shape is (or was meant to be) a person's: a valid one, or one with a
     * birth date where an identity number has it — a mistyped number is still someone's. A unit's unified social
     * credit code has its region code there, so it stays readable.
     */
    private static boolean personal(String n) {
        return IdNumber.check(n).valid() || BIRTH_IN_18.matcher(n).matches() || BIRTH_IN_15.matcher(n).matches();
    }

    private static final java.util.Set<String> ADDRESS_KEYS = java.util.Set.of("address", "户籍地址", "住址", "家庭住址",
            "现住址", "地址");

    /**
     * The administrative head of an address: an optional province (…省, …自治区), city (…市, …州, …盟, …地区) and
     * county (…区, …县, …旗, …市), each a short run without the characters that end another level. A city alone
     * (without province or county) is not trusted: a street name can end in 市 (…超市, …市场).
     */
    private static final Pattern ADMIN = Pattern.compile(
            "^(?<province>[^省区县市]{2,7}?(?:省|自治区))?(?<city>[^省区县旗市]{2,8}?(?:市|自治州|州|盟|地区))?(?<county>[^省区县旗市]{1,8}?(?:区|县|旗|市))?");

    /** An address down to its county or district, the rest hidden; all of it when no county-level head is found. */
    public static String address(String a) {
        if (a == null || a.isBlank()) {
            return a;
        }
        Matcher m = ADMIN.matcher(a);
        if (m.find() && m.end() > 0 && (m.group("county") != null || m.group("province") != null && m.group("city") != null)) {
            return a.substring(0, m.end()) + "****";
        }
        return "****";
    }

    private static final Pattern LONG_DIGITS = Pattern.compile("\\d(?:[\\s\\-_.]?\\d){10,}[Xx]?");

    /**
     * For text users wrote that goes to the audit log (a query, its parameters): every run of 11 or more digits —
     * even next to letters, or split by spaces or dashes — keeps only its first 3 and last digit. Stricter than
     * {@link #text}, since what a user typed may be a number in any spelling.
     */
    public static String forAudit(String s) {
        if (s == null) {
            return null;
        }
        return LONG_DIGITS.matcher(text(s)).replaceAll(m -> {
            String run = m.group();
            return Matcher.quoteReplacement(run.substring(0, 3) + "*".repeat(run.length() - 4) + run.substring(run.length() - 1));
        });
    }

    /** A clear value shown as the API shows it: identity and phone numbers and addresses masked, texts as they are. */
    public static String view(PiiKind kind, String clear) {
        return switch (kind) {
            case ID -> IdNumber.mask(clear);
            case PHONE -> text(clear);
            case ADDRESS -> address(clear);
            case TEXT -> clear;
        };
    }

    /**
     * A value as the graph explorer and the console's drawn nodes show it: like {@link #view}, but casework texts
     * (orders' facts and names, reports, notes) only as 〔文本〕 — they are read on their own pages, by their roles.
     */
    public static String graphView(PiiKind kind, String clear) {
        return kind == PiiKind.TEXT ? "〔文本〕" : view(kind, clear);
    }

    /** Like {@link #value(Pseudonyms, Object)}, seen in the graph explorer ({@link #graphView}). */
    public static Object graphValue(Pseudonyms p, Object v) {
        return value(p.revealAll(v, Masking::graphView));
    }

    /** The text with its tokens opened and masked by kind, then masked by shape. */
    public static String text(Pseudonyms p, String s) {
        return text(p.reveal(s, Masking::view));
    }

    /** The text with every token replaced by the name of what it hides, then masked by shape. */
    public static String opaque(String s) {
        return text(hideTokens(s));
    }

    private static String hideTokens(String s) {
        if (s == null || s.indexOf('~') < 0) {
            return s;
        }
        return Pseudonyms.TOKEN.matcher(s).replaceAll(m -> switch (m.group(1)) {
            case "id" -> "〔身份证号〕";
            case "tel" -> "〔电话〕";
            case "adr" -> "〔地址〕";
            default -> "〔文本〕";
        });
    }

    /** Like {@link #value(Object)}, with tokens opened and masked by kind. */
    public static Object value(Pseudonyms p, Object v) {
        return value(p.revealAll(v, Masking::view));
    }

    /** Like {@link #value(Object)}, with tokens shown only as what they hide (the console). */
    public static Object opaqueValue(Object v) {
        return value(Pseudonyms.mapStrings(v, Masking::hideTokens));
    }

    private static final Pattern CLEAR_ID = Pattern.compile("(?<![0-9A-Za-z~_-])(\\d{17}[\\dX])(?![0-9A-Za-z])");

    private static final Pattern FIFTEEN_DIGITS = Pattern.compile("\\d{15}");

    /**
     * Whether a key or record id may have an identity number written in clear in it: fifteen digits in a row, which
     * covers both lengths and everything {@link #sealClearIds} seals. Looking such a key up would answer whether a
     * guessed number exists, so the endpoints resolve it for prosecutors only.
     */
    public static boolean hasClearIdentityNumber(String s) {
        return s != null && FIFTEEN_DIGITS.matcher(s).find();
    }

    /** A key or record id written with identity numbers in clear, as the store keeps it: those numbers sealed. */
    public static String sealClearIds(Pseudonyms p, String s) {
        return s == null ? null : CLEAR_ID.matcher(s).replaceAll(m -> Matcher.quoteReplacement(p.seal(PiiKind.ID, m.group(1))));
    }

    /**
     * Whether a lead key names a person by an identity number in clear. Only the person part of the key's own
     * structure counts: a unit's credit code or a record number may hold as many digits without being anyone's.
     */
    public static boolean keyHasClearIdentityNumber(String key) {
        return keyPerson(key).filter(Masking::isClearPerson).isPresent();
    }

    /** A lead key with its person part, when written in clear, sealed as the store keeps it; other parts as given. */
    public static String sealKeyIds(Pseudonyms p, String key) {
        Optional<LeadKey> k = parseKey(key);
        if (k.isEmpty() || !isClearPerson(k.get().person())) {
            return key;
        }
        LeadKey l = k.get();
        return new LeadKey(l.model(), l.record(), p.seal(PiiKind.ID, l.person()), l.unit(), l.plate()).toString();
    }

    private static Optional<String> keyPerson(String key) {
        return parseKey(key).map(LeadKey::person);
    }

    private static Optional<LeadKey> parseKey(String key) {
        try {
            return Optional.of(LeadKey.parse(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isClearPerson(String person) {
        return person != null && !Pseudonyms.TOKEN.matcher(person).find();
    }

    /** Masks every string inside maps, lists and plain values; other values pass through. */
    @SuppressWarnings("unchecked")
    public static Object value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k,
                    ADDRESS_KEYS.contains(k) && x instanceof String a ? address(a) : value(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(value(x)));
            return out;
        }
        return v;
    }
}
