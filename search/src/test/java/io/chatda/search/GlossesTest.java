package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlossesTest {

    @Test
    void koreanThenEnglishInParentheses() {
        assertThat(Glosses.find("교착상태 (Deadlock)는 멈춘 상태다. 세마포어(semaphore, 신호기)도 있다."))
                .containsExactly(
                        new Glosses.Gloss("교착상태", "deadlock"),
                        new Glosses.Gloss("세마포어", "semaphore"),
                        new Glosses.Gloss("신호기", "semaphore"));
    }

    @Test
    void englishThenKoreanInParentheses() {
        assertThat(Glosses.find("Redis(레디스)는 빠르다. 잠금 (lock, 자물쇠)"))
                .containsExactlyInAnyOrder(
                        new Glosses.Gloss("레디스", "redis"),
                        new Glosses.Gloss("잠금", "lock"),
                        new Glosses.Gloss("자물쇠", "lock"));
    }

    @Test
    void severalEnglishWordsAreNotPairedWithTheLastKoreanWord() {
        assertThat(Glosses.find("식사하는 철학자 (Dining Philosophers) 문제")).isEmpty();
    }

    @Test
    void termsAreStoredForBothDirectionsAndLookedUpByPrefix() {
        Glosses.Gloss gloss = new Glosses.Gloss("교착상태", "deadlock");
        assertThat(Glosses.terms(gloss))
                .allSatisfy(t -> assertThat(t)
                        .satisfiesAnyOf(
                                x -> assertThat(x).startsWith(Glosses.prefix("교착상태")),
                                x -> assertThat(x).startsWith(Glosses.prefix("Deadlock"))));
    }
}
