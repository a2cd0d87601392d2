package org.tongxin.model.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal values as the store keeps them: a token {@code <kind>~<base64url>} that is both the keyed equality
 * token the graph links and compares by, and the value encrypted.
 *
 * <p>The token is AES-256-GCM over the clear value with a synthetic nonce: the first 12 bytes of
 * HMAC-SHA-256(mac key, kind ‖ value). Equal values therefore give equal tokens (so records link, keys stay
 * stable and a changed row is still recognised), different values different ones, and without the keys a token
 * tells nothing — no prefix, no length beyond the value's, no shape — so no query can derive the value or test a
 * guess about it. Only a holder of the keyring (the API, which shows values masked, and the operator's command
 * line) can open it. Layout before base64: key version (1 byte) ‖ nonce (12) ‖ ciphertext ‖ tag (16); the kind
 * and the version are authenticated as associated data.
 *
 * <p>Thread-safe; cipher instances are kept per thread.
 */
public final class Pseudonyms {

    /** A token anywhere in a text (a lead key, a record id, a JSON array of cells). */
    public static final Pattern TOKEN = Pattern.compile("\\b(id|tel|adr|txt)~([A-Za-z0-9_-]{38,})");

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keys;
    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private final ThreadLocal<Mac> mac;
    private final ThreadLocal<Sealer> sealers;

    public Pseudonyms(Keyring keys) {
        this.keys = keys;
        Keyring.Key current = keys.current();
        this.sealers = ThreadLocal.withInitial(() -> new Sealer(current));
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(current.mac(), "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Keyring keyring() {
        return keys;
    }

    /** The token of a value; null stays null, and a token is returned unchanged (sealing twice is harmless). */
    public String seal(PiiKind kind, String clear) {
        if (clear == null || isToken(clear)) {
            return clear;
        }
        byte[] plain = clear.getBytes(StandardCharsets.UTF_8);
        Mac m = mac.get();
        m.update((byte) kind.ordinal());
        byte[] nonce = Arrays.copyOf(m.doFinal(plain), NONCE);
        Sealer sealer = sealers.get();
        // The JDK refuses to encrypt twice in a row with one nonce on one cipher; here the same nonce means the
        // same value, so the token sealed last time is the answer.
        if (Arrays.equals(nonce, sealer.lastNonce)) {
            return sealer.lastToken;
        }
        try {
            sealer.cipher.init(Cipher.ENCRYPT_MODE, sealer.key, new GCMParameterSpec(TAG_BITS, nonce));
            sealer.cipher.updateAAD(aad(kind, sealer.version));
            byte[] sealed = sealer.cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE + sealed.length);
            out.put((byte) sealer.version).put(nonce).put(sealed);
            String token = kind.prefix() + "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
            sealer.lastNonce = nonce;
            sealer.lastToken = token;
            return token;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a value", e);
        }
    }

    /** One thread's encrypting cipher under the current key, and what it sealed last. */
    private static final class Sealer {
        final Cipher cipher = instance("AES/GCM/NoPadding");
        final SecretKeySpec key;
        final int version;
        byte[] lastNonce;
        String lastToken;

        Sealer(Keyring.Key current) {
            this.key = new SecretKeySpec(current.aes(), "AES");
            this.version = current.version();
        }
    }

    /** Seals every string of a list (identity numbers of a list property). */
    public List<String> sealAll(PiiKind kind, List<String> clear) {
        return clear.stream().map(c -> seal(kind, c)).toList();
    }

    /** The clear value of a whole token, or empty when it is not one this keyring can open. */
    public Optional<Opened> open(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        return open(PiiKind.ofPrefix(m.group(1)).orElseThrow(), m.group(2));
    }

    /** A token opened: its kind and clear value. */
    public record Opened(PiiKind kind, String value) {
    }

    private Optional<Opened> open(PiiKind kind, String body) {
        byte[] blob;
        try {
            blob = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (blob.length < 1 + NONCE + TAG_BITS / 8) {
            return Optional.empty();
        }
        Keyring.Key key = keys.version(blob[0] & 0xff);
        if (key == null) {
            return Optional.empty();
        }
        try {
            Cipher c = cipher.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.aes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, blob, 1, NONCE));
            c.updateAAD(aad(kind, key.version()));
            byte[] plain = c.doFinal(blob, 1 + NONCE, blob.length - 1 - NONCE);
            return Optional.of(new Opened(kind, new String(plain, StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The text with every token in it replaced by its clear value (tokens this keyring cannot open stay). */
    public String reveal(String text) {
        return reveal(text, (kind, clear) -> clear);
    }

    /**
     * The text with every token in it replaced by {@code view(kind, clear)} — the API passes its masking here, so a
     * value is masked by what it is, not by its shape. A token that cannot be opened becomes {@code unreadable}.
     */
    public String reveal(String text, BiFunction<PiiKind, String, String> view) {
        return eachToken(text, m -> open(kind(m), m.group(2)).map(o -> view.apply(o.kind(), o.value())).orElse(UNREADABLE));
    }

    /** What a token this keyring cannot open shows as. */
    public static final String UNREADABLE = "〔无法解密〕";

    /** Every string inside maps and lists revealed through {@code view}; other values pass through. */
    public Object revealAll(Object value, BiFunction<PiiKind, String, String> view) {
        return mapStrings(value, s -> reveal(s, view));
    }

    /** Every string inside maps and lists (at any depth) passed through {@code f}; other values as they are. */
    public static Object mapStrings(Object value, UnaryOperator<String> f) {
        if (value instanceof String s) {
            return f.apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, mapStrings(v, f)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(mapStrings(v, f)));
            return out;
        }
        return value;
    }

    /** Re-seals every token in a text under the keyring's current key (key rotation). */
    public String reseal(String text) {
        return eachToken(text, m -> open(kind(m), m.group(2)).map(o -> seal(o.kind(), o.value())).orElse(m.group()));
    }

    /** The text with every token in it replaced by what {@code replacement} makes of its match. */
    private static String eachToken(String text, Function<MatchResult, String> replacement) {
        if (text == null || text.indexOf('~') < 0) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
    }

    private static PiiKind kind(MatchResult token) {
        return PiiKind.ofPrefix(token.group(1)).orElseThrow();
    }

    public static boolean isToken(String s) {
        return s != null && TOKEN.matcher(s).matches();
    }

    private static byte[] aad(PiiKind kind, int version) {
        return new byte[] {(byte) kind.ordinal(), (byte) version};
    }

    private static Cipher instance(String name) {
        try {
            return Cipher.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
