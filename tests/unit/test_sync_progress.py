"""Records done, records left and time left of a running sync phase (sync.client.progress),
as the terminal and the desktop show them."""

from __future__ import annotations

from sync.client.progress import PhaseProgress, ProgressClock, duration_text, progress_text


def clock_at(*moments: float) -> ProgressClock:
    return ProgressClock(iter(moments).__next__)


def test_time_left_is_the_pace_since_the_first_report_applied_to_what_is_left():
    clock = clock_at(100.0, 102.0, 104.0)
    first = clock.report("pull", 5_000, 140_000)
    assert (first.left, first.seconds_left) == (135_000, None)  # no pace yet
    second = clock.report("pull", 15_000, 140_000)  # 10,000 in 2 s: 5,000 a second
    assert (second.left, second.seconds_left) == (125_000, 25.0)
    third = clock.report("pull", 35_000, 140_000)  # 30,000 in 4 s
    assert third.seconds_left == 105_000 / 7_500


def test_a_new_phase_starts_its_own_pace_and_no_total_means_no_time_left():
    clock = clock_at(0.0, 1.0, 50.0, 60.0)
    clock.report("push", 10, 20)
    assert clock.report("push", 20, 20).seconds_left == 0.0
    assert clock.report("pull", 100, None).seconds_left is None
    unknown = clock.report("pull", 200, None)
    assert (unknown.left, unknown.seconds_left) == (None, None)


def test_the_words_say_done_left_and_about_how_long():
    assert str(progress_text(PhaseProgress("pull", 5_000, 140_000, 25.4))) == \
        "5.000 af 140.000 · 135.000 tilbage · ca. 25 sek. tilbage"
    assert str(progress_text(PhaseProgress("pull", 5_000, 140_000))) == \
        "5.000 af 140.000 · 135.000 tilbage"
    assert str(progress_text(PhaseProgress("pull", 1_234))) == "1.234"
    assert [str(duration_text(s)) for s in (0.2, 59.4, 61, 3_599, 3_600 * 2 + 60 * 5)] == \
        ["1 sek.", "59 sek.", "1 min.", "1 t. 0 min.", "2 t. 5 min."]
