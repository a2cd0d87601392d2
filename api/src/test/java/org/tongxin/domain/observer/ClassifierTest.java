package org.tongxin.domain.observer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifierTest {

    @Test
    void onExamplesItNeverSawItSuggestsTheRightCategoryMostOfTheTime() {
        Classifier.Accuracy a = Classifier.heldOut(4);
        a.misses().forEach(m -> System.out.println("classifier miss " + m));
        System.out.printf("classifier held-out accuracy %.3f (%d of %d; trained on %d)%n", a.accuracy(), a.correct(), a.heldOut(), a.trained());
        assertThat(a.heldOut()).isGreaterThanOrEqualTo(28);
        assertThat(a.accuracy()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void crossValidatedOverEveryExampleItStaysAboveTwoInThree() {
        Classifier.Accuracy a = Classifier.crossValidated(4);
        System.out.printf("classifier 4-fold cross-validated accuracy %.3f (%d of %d)%n", a.accuracy(), a.correct(), a.heldOut());
        assertThat(a.heldOut()).isEqualTo(126);
        assertThat(a.accuracy()).isGreaterThanOrEqualTo(0.67);
    }

    @Test
    void aDescriptionOfMinorsInAnInternetCafeIsSuggestedAsNetbar() {
        Classifier c = Classifier.bundled();
        assertThat(c.suggest("半夜网吧里还有好几个初中生在上网").category()).isEqualTo(Category.NETBAR);
        assertThat(c.suggest("校车超载，孩子挤在一起").category()).isEqualTo(Category.SCHOOL_BUS);
    }

    @Test
    void anEmptyDescriptionSuggestsOtherWithNoConfidence() {
        Classifier.Suggestion s = Classifier.bundled().suggest(" ");
        assertThat(s.category()).isEqualTo(Category.OTHER);
        assertThat(s.score()).isZero();
    }
}
