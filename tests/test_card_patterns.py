"""The card's attendance patterns, on a sample student counted by hand."""

from mtss_tui.services.school import School
from mtss_tui.tui.widgets.student_card import _months_table

# S3042 in sample_data/attendance.csv, whole-day absences (excused, unexcused):
#   Mondays  Aug 10, Aug 24, Sep 28, Oct 12, Nov 9, Nov 16, Nov 23   = 7
#   Tuesday  Jul 28 = 1; Thursday Sep 3 = 1; no Wednesday
#   Fridays  Jul 31, Aug 7, Aug 14, Sep 11, Sep 25, Oct 16, Nov 6    = 7
# 16 in all; by month Jul 2, Aug 4, Sep 4, Oct 2, Nov 4, Dec 0.
# Tardy: Fri Aug 28, Thu Oct 8, Thu Nov 12 = Thu 2, Fri 1.


def test_attendance_panel_shows_the_weekday_pattern_and_its_flag(sample_db, settings):
    card = School(sample_db, settings).card("S3042")
    panel = next(p for p in card.panels if p.domain == "attendance")

    # 7 of 16 = 43.75%, shown as 44%, for Monday and for Friday.
    assert panel.flags[1] == (
        "7 of 16 absences on Monday (44%), 7 on Friday (44%); "
        "rule: at least 40% on one weekday, at least 8 absences"
    )
    assert panel.lines[1:3] == [
        "absent 16 whole days:",
        "Mon 7, Tue 1, Wed 0, Thu 1, Fri 7",
    ]
    assert panel.lines[-1] == "tardies: 3 (Thu 2, Fri 1)"


def test_month_table_has_absences_per_month_and_weekday_rows(sample_db, settings):
    card = School(sample_db, settings).card("S3042")
    lines = _months_table(card).plain.splitlines()

    assert lines[0].split() == ["Month", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert lines[2].split() == ["Absences", "2", "4", "4", "2", "4", "0"]
    assert lines[5].split() == ["Weekday", "Mon", "Tue", "Wed", "Thu", "Fri"]
    assert lines[6].split() == ["Absent", "7", "1", "0", "1", "7", "of", "16"]
    assert lines[7].split() == ["Tardy", "0", "0", "0", "2", "1", "of", "3"]
