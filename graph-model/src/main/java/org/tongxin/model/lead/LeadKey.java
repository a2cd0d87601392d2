package org.tongxin.model.lead;

import java.util.Optional;

/**
 * The key of a lead, as the "key:" lines of models.md write it — built and read here only:
 * <ul>
 *   <li>{@code comprehensive:<决定书编号>}</li>
 *   <li>{@code mandatory-report:<就诊流水号>}</li>
 *   <li>{@code employment-check:<身份证号>@<单位代码>}</li>
 *   <li>{@code school-bus:<plate>}</li>
 *   <li>{@code venue:<登记编号>}, {@code venue:<记录编号>}, {@code venue:<检查编号>/<身份证号>}</li>
 *   <li>{@code guardianship:<minor's 身份证号>}</li>
 * </ul>
 * The identity number is a token ({@code id~…}) as the store keeps it, or the clear number once the operator's
 * view has revealed it; both read the same. A part the model's key does not have is null. The Gremlin models and
 * the synthetic city's answer key build keys here; the Cypher models write the same strings themselves (a query
 * must return the key), and the answer-key test parses every key the Cypher raises back to the equal Gremlin one.
 * It lives in graph-model so that ingest (the answer key) and analytics (the engines) share it. Errors never repeat
 * a key's parts: they may hold an identity number.
 */
public record LeadKey(String model, String record, String person, String unit, String plate) {

    public static final String COMPREHENSIVE = "comprehensive";
    public static final String MANDATORY_REPORT = "mandatory-report";
    public static final String EMPLOYMENT_CHECK = "employment-check";
    public static final String SCHOOL_BUS = "school-bus";
    public static final String VENUE = "venue";
    public static final String GUARDIANSHIP = "guardianship";

    public LeadKey {
        boolean fits = switch (model == null ? "" : model) {
            case COMPREHENSIVE, MANDATORY_REPORT -> given(record) && person == null && unit == null && plate == null;
            case EMPLOYMENT_CHECK -> record == null && given(person) && given(unit) && plate == null;
            case SCHOOL_BUS -> record == null && person == null && unit == null && given(plate);
            case VENUE -> given(record) && (person == null || given(person)) && unit == null && plate == null;
            case GUARDIANSHIP -> record == null && given(person) && unit == null && plate == null;
            default -> false;
        };
        // The separators must stay readable: an identity number or its token never holds '@' or '/'.
        if (!fits || person != null && (person.indexOf('@') >= 0 || person.indexOf('/') >= 0)) {
            throw new IllegalArgumentException("not the parts of a " + model + " lead key");
        }
    }

    public static LeadKey comprehensive(String decisionNo) {
        return new LeadKey(COMPREHENSIVE, decisionNo, null, null, null);
    }

    public static LeadKey mandatoryReport(String visitNo) {
        return new LeadKey(MANDATORY_REPORT, visitNo, null, null, null);
    }

    public static LeadKey employmentCheck(String person, String unitCode) {
        return new LeadKey(EMPLOYMENT_CHECK, null, person, unitCode, null);
    }

    public static LeadKey schoolBus(String plate) {
        return new LeadKey(SCHOOL_BUS, null, null, null, plate);
    }

    /** A hotel stay (登记编号) or a netbar session (记录编号). */
    public static LeadKey venue(String recordNo) {
        return new LeadKey(VENUE, recordNo, null, null, null);
    }

    /** A person found by a venue check. */
    public static LeadKey venueCheck(String checkNo, String person) {
        return new LeadKey(VENUE, checkNo, person, null, null);
    }

    public static LeadKey guardianship(String minor) {
        return new LeadKey(GUARDIANSHIP, null, minor, null, null);
    }

    /** The parts of a key; {@code parse(k).toString()} is {@code k}. */
    public static LeadKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a lead key");
        }
        String rest = key.substring(colon + 1);
        return switch (key.substring(0, colon)) {
            case COMPREHENSIVE -> comprehensive(rest);
            case MANDATORY_REPORT -> mandatoryReport(rest);
            case EMPLOYMENT_CHECK -> {
                int at = rest.indexOf('@');
                if (at < 0) {
                    throw new IllegalArgumentException("an employment-check key names <person>@<unit>");
                }
                yield employmentCheck(rest.substring(0, at), rest.substring(at + 1));
            }
            case SCHOOL_BUS -> schoolBus(rest);
            case VENUE -> {
                int slash = rest.lastIndexOf('/');
                yield slash < 0 ? venue(rest) : venueCheck(rest.substring(0, slash), rest.substring(slash + 1));
            }
            case GUARDIANSHIP -> guardianship(rest);
            default -> throw new IllegalArgumentException("no model raises leads keyed " + key.substring(0, colon));
        };
    }

    /** Whom or what the lead is about when its key names it: the person (token) or the plate. */
    public Optional<String> subject() {
        return Optional.ofNullable(person != null ? person : plate);
    }

    @Override
    public String toString() {
        return model + ":" + switch (model) {
            case EMPLOYMENT_CHECK -> person + "@" + unit;
            case SCHOOL_BUS -> plate;
            case GUARDIANSHIP -> person;
            case VENUE -> person == null ? record : record + "/" + person;
            default -> record;
        };
    }

    private static boolean given(String part) {
        return part != null && !part.isBlank();
    }
}
