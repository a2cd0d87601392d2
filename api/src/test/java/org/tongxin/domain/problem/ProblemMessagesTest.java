package org.tongxin.domain.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    /** A problem's code as the source names it: {@code Problem.notFound("lead.not-found"} and the like. */
    private static final Pattern CODE = Pattern.compile(
            "(?:Problem\\.(?:invalid|forbidden|notFound|conflict|refused|unavailable)\\(|Problem\\.tooMany\\([^,]+,\\s*|new Problem\\(Problem\\.Kind\\.\\w+,\\s*|Kind\\.\\w+,\\s*)\"([a-z0-9.-]+)\"");

    @Test
    void everyMessageIsInBothLanguages() {
        assertThat(Messages.untranslated()).isEmpty();
    }

    @Test
    void everyCodeTheSourceRaisesHasAMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Messages.codes()).containsAll(used);
    }

    @Test
    void aMessageNamesItsValuesLiterallyInTheReadersLanguage() {
        Problem p = Problem.invalid("field.too-long", "note", 4000);
        assertThat(p.message()).isEqualTo("“note”最多 4000 个字符");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo("'note' is at most 4000 characters");
        assertThat(p.code()).isEqualTo("field.too-long");
    }

    @Test
    void aCodeWithoutAMessageIsRefusedWhereItIsRaised() {
        assertThatThrownBy(() -> Problem.notFound("no.such.code")).isInstanceOf(IllegalArgumentException.class);
    }
}
