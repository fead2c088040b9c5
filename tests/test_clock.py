"""The meeting clock, with time passed in: no test sleeps."""

from mtss_tui.domain.clock import MeetingClock, mmss


def make_clock() -> MeetingClock:
    return MeetingClock.plan([("previous", 10), ("students", 5)])


def test_counts_down_warns_and_counts_overtime():
    clock = make_clock()
    clock.start(0)

    assert clock.remaining(300) == 300
    assert clock.phase(300) == "ok"
    # 10-minute step: the warning starts with 60 s left (a fifth would be 120 s).
    assert clock.phase(539) == "ok"
    assert clock.phase(545) == "warning"
    assert clock.overtime(700) == 100
    assert clock.phase(700) == "overtime"
    assert mmss(clock.remaining(700)) == "+01:40"
    assert mmss(clock.remaining(1)) == "09:59"


def test_pause_stops_the_count_and_resume_continues():
    clock = make_clock()
    clock.start(0)
    clock.pause(100)

    assert clock.spent(5_000) == 100
    assert not clock.running

    clock.toggle(5_000)
    assert clock.spent(5_030) == 130


def test_steps_keep_their_own_time_and_extension():
    clock = make_clock()
    clock.start(0)

    assert clock.next_step(650)
    clock.extend(60)
    assert clock.spent(700, 0) == 650
    assert clock.spent(700) == 50
    assert clock.remaining(700) == 5 * 60 + 60 - 50
    assert not clock.next_step(710)
    assert clock.previous_step(720)
    assert clock.spent(730) == 660
    assert clock.spent(730, 1) == 70


def test_student_time_accumulates_only_while_on_the_card():
    clock = make_clock()
    clock.start(0)
    clock.focus("S1", 10)
    clock.focus("S2", 70)
    clock.pause(100)
    clock.start(200)
    clock.focus(None, 230)

    assert clock.subject_seconds("S1", 300) == 60
    assert clock.subject_seconds("S2", 300) == 30 + 30


def test_resume_from_stored_state_does_not_count_dead_time():
    clock = make_clock()
    clock.start(0)
    clock.next_step(600)
    clock.focus("S9", 600)
    state = clock.to_state(640)

    # The process died at 640 and the meeting is reopened at 10,000.
    resumed = MeetingClock.from_state(state, 10_000)

    assert resumed.current == 1
    assert resumed.running
    assert resumed.spent(10_020, 0) == 600
    assert resumed.spent(10_020) == 60
    assert resumed.subject_seconds("S9", 10_020) == 60


def test_paused_state_stays_paused_after_resume():
    clock = make_clock()
    clock.start(0)
    clock.pause(30)
    resumed = MeetingClock.from_state(clock.to_state(40), 99_999)

    assert not resumed.running
    assert resumed.spent(100_000) == 30
