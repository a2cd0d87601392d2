package org.tongxin.ingest.synth;

import java.time.LocalDate;
import org.tongxin.model.id.Sex;
import org.tongxin.model.time.LegalAge;

/** A generated resident. Mutable while the city is built (a death date may be planted later). */
final class Person {
    final String id;
    final String name;
    final Sex sex;
    final LocalDate birth;
    String household;
    String relationToHead;
    String phone;
    String address;
    LocalDate death;
    /** Not written to police_residents (a person only other departments know). */
    boolean unregistered;
    /** Background people whose own rows may carry format noise (rejected or flagged cells) without harm. */
    boolean noiseOk;

    Person(String id, String name, Sex sex, LocalDate birth) {
        this.id = id;
        this.name = name;
        this.sex = sex;
        this.birth = birth;
    }

    boolean minorAt(LocalDate d) {
        return LegalAge.isMinorAt(birth, d);
    }

    int ageAt(LocalDate d) {
        return LegalAge.ageAt(birth, d);
    }
}
