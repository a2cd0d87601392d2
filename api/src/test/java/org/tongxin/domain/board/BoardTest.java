package org.tongxin.domain.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.domain.problem.Problem;

class BoardTest {

    @Test
    void threadsAndMessagesSurviveARestartAndStayWithTheirPeople(@TempDir Path state) {
        Board board = new Board(state, Clock.systemUTC());
        Board.Thread t = board.open("prosecutor-a", "督促监护令 O1", "order:O1", List.of("guardian-b"));
        board.post(t.id(), "guardian-b", "guardian", "已收到");
        board.post(t.id(), "prosecutor-a", "prosecutor", "下周二走访");
        Board again = new Board(state, Clock.systemUTC());
        Board.Thread read = again.visible(t.id(), "guardian-b").orElseThrow();
        assertThat(read.messages()).extracting(Board.Message::text).containsExactly("已收到", "下周二走访");
        assertThat(read.about()).isEqualTo("order:O1");
        assertThat(again.visible(t.id(), "guardian-c")).isEmpty();
        assertThat(again.of("guardian-c", null)).isEmpty();
        assertThat(again.of("guardian-b", "order:O1")).hasSize(1);
        assertThatThrownBy(() -> again.post(t.id(), "guardian-c", "guardian", "x")).isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("board.thread-not-found"));
        assertThatThrownBy(() -> again.open("prosecutor-a", "x", "lead:1", List.of("b"))).isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("board.about"));
        assertThatThrownBy(() -> again.open("prosecutor-a", "alone", null, List.of())).isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("board.people"));
    }
}
