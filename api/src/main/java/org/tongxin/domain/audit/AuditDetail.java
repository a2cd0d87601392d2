package org.tongxin.domain.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tongxin.domain.education.BookingStatus;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.observer.SubmissionStatus;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.problem.Messages;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.workflow.State;
import org.tongxin.ingest.mapping.Labels;

/**
 * An audit entry's detail as data: a code and its values (codes, counts, an address — never personal data), stored
 * in the entry's {@code detail} as {@code {"code":…,"args":[…]}} and put into words only when read
 * ({@code details.properties}, Chinese, and {@code details_en.properties}), so the page, the workbook and the English
 * switch name statuses, departments and kinds by their names. Entries written before details had codes are read by
 * the same words where their English text has a known shape (“to referred (education)”, “3 items”, “from …”); any
 * other detail shows as written. The stored text is never rewritten: the hash chain covers it.
 */
public record AuditDetail(String code, List<String> args) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Labels LABELS = Labels.bundled();
    private static final Map<String, String> ZH = load("details.properties");
    private static final Map<String, String> EN = load("details_en.properties");
    /** Object keys written as {@code Kind:reference} ({@code Lead:…}). */
    private static final Pattern KIND_KEY = Pattern.compile("([A-Z][A-Za-z]+):([^:]+)");

    /** The statuses of each kind of casework, by the kind's code in a detail. */
    private static final Map<String, Map<String, State>> STATUSES = Map.of(
            "lead", byCode(LeadStatus.values()), "order", byCode(OrderStatus.values()),
            "submission", byCode(SubmissionStatus.values()), "booking", byCode(BookingStatus.values()));

    public AuditDetail {
        if (!ZH.containsKey(code) || !EN.containsKey(code)) {
            throw new IllegalArgumentException("no words for audit detail '" + code + "' in details*.properties");
        }
        args = List.copyOf(args);
    }

    public static AuditDetail of(String code, Object... args) {
        return new AuditDetail(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** A step to a status of one kind of casework (lead, order, submission, booking). */
    public static AuditDetail status(String kind, String status) {
        return of("status", kind, status);
    }

    /** How many things were read. */
    public static AuditDetail count(long n) {
        return of("count", n);
    }

    /** The address a login came from. */
    public static AuditDetail address(String address) {
        return of("address", address);
    }

    /** The form kept in the log. */
    public String stored() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored detail in the reader's language; empty or null as {@code ""}. */
    public static String render(String action, String stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return parse(action, stored).map(d -> d.words(locale)).orElse(stored);
    }

    /** An object key in the reader's language: {@code Lead:R-1} as 线索 R-1; other keys (node ids) as they are. */
    public static String object(String key, Locale locale) {
        Matcher m = key == null ? null : KIND_KEY.matcher(key);
        if (m == null || !m.matches() || !LABELS.namesKind(m.group(1))) {
            return key;
        }
        return LABELS.kind(m.group(1), locale) + " " + m.group(2);
    }

    /** The detail as data: the stored form, or the known shapes of the English text older entries hold. */
    static Optional<AuditDetail> parse(String action, String stored) {
        if (stored.startsWith("{\"code\"")) {
            try {
                AuditDetail d = JSON.readValue(stored, AuditDetail.class);
                return Optional.of(d);
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Matcher m;
        if (action == null) {
            return Optional.empty();
        }
        if (action.equals("lead.status") && (m = Pattern.compile("to (\\S+)(?: \\((\\S+)\\))?").matcher(stored)).matches()) {
            return Optional.of(m.group(2) == null ? status("lead", m.group(1)) : of("referral", m.group(1), m.group(2)));
        }
        if (action.equals("order.status") && STATUSES.get("order").containsKey(stored)) {
            return Optional.of(status("order", stored));
        }
        if (action.equals("submission.step") && STATUSES.get("submission").containsKey(stored)) {
            return Optional.of(status("submission", stored));
        }
        if (action.startsWith("login") && (m = Pattern.compile("from (\\S+)").matcher(stored)).matches()) {
            return Optional.of(address(m.group(1)));
        }
        if (action.equals("users.list") && Role.of(stored).isPresent()) {
            return Optional.of(of("role", stored));
        }
        if ((m = Pattern.compile("(\\d+) (items|events|rows)").matcher(stored)).matches()) {
            return Optional.of(count(Long.parseLong(m.group(1))));
        }
        if ((m = Pattern.compile("(\\d+) nodes").matcher(stored)).matches()) {
            return Optional.of(of("nodes", m.group(1)));
        }
        if (action.equals("node.neighbours") && (m = Pattern.compile("centre (\\S+)").matcher(stored)).matches()) {
            return Optional.of(of("centre", m.group(1)));
        }
        if ((action.equals("assign") || action.equals("order.issue")) && (m = Pattern.compile("to (\\S+)").matcher(stored)).matches()) {
            return Optional.of(of(action.equals("assign") ? "assigned" : "issued", m.group(1)));
        }
        if (action.equals("unassign") && (m = Pattern.compile("from (\\S+)").matcher(stored)).matches()) {
            return Optional.of(of("unassigned", m.group(1)));
        }
        return Optional.empty();
    }

    /** The words, values by their names (a status, a department); an unknown code as it is. */
    String words(Locale locale) {
        boolean en = Messages.english(locale);
        List<String> values = switch (code) {
            case "status" -> List.of(status(args.get(0), args.get(1), en));
            case "referral" -> List.of(status("lead", args.get(0), en), department(args.get(1), en));
            case "role" -> List.of(Role.of(args.get(0)).map(r -> en ? r.en() : r.zh()).orElse(args.get(0)));
            default -> args;
        };
        String text = (en ? EN : ZH).get(code);
        for (int i = 0; i < values.size(); i++) {
            text = text.replace("{" + i + "}", values.get(i));
        }
        return text;
    }

    private static String status(String kind, String code, boolean en) {
        State s = STATUSES.getOrDefault(kind, Map.of()).get(code);
        return s == null ? code : en ? s.en() : s.zh();
    }

    private static String department(String code, boolean en) {
        if (!Departments.known(code)) {
            return code;
        }
        return en ? Departments.english(code) : Departments.all().get(code);
    }

    private static <S extends State> Map<String, State> byCode(S[] values) {
        return Arrays.stream(values).collect(Collectors.toMap(State::code, Function.identity()));
    }

    private static Map<String, String> load(String name) {
        try (InputStream in = AuditDetail.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " beside " + AuditDetail.class.getName());
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(k -> k, p::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
