"""The meeting opens with the norms and the wins; the glossary is a key away."""

from datetime import date

from textual.widgets import Select

from mtss_tui.store import open_db
from mtss_tui.tui.screens.glossary import GlossaryScreen


def _text(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


# The sample school's grade-3 wins since its meeting of 2026-11-13, by hand:
# S3009 math_comp 6 on 08-12 under the grade-3 fall cut 9, then 17 on 12-01 at
# or over the winter cut 16; S3012 orf 70 under the fall cut 73 (83 - 10), then
# 89 over the winter cut 87 (97 - 10); S3005's item from that meeting is done.
GRADE_3_WINS = [
    "S3009 math_comp 17 on 2026-12-01, cut 16 reached (was 6 on 2026-08-12, cut 9)",
    "S3012 orf 89 on 2026-12-01, cut 87 reached (was 70 on 2026-08-12, cut 73)",
    "S3005: Observe a reading intervention session and share fidelity notes "
    "(Cosmo Fiddlesprout) done since 2026-11-13",
]


async def test_norms_show_on_the_first_step_and_are_recorded_when_left(
    make_app, sample_path, clock
):
    app = make_app(sample_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        norms = app.screen.query_one("#team-norms")
        assert norms.display
        shown = _text(app, "#team-norms")
        # grade-3's own preparation norms replace the default's one.
        assert "The data analyst shares the report two days before" in shown
        assert "Start and end on time" in shown  # the default attendance norm
        assert "everyone reads it" not in shown  # the default it replaced
        db = open_db(sample_path, readonly=True)
        assert list(db.query("SELECT * FROM norms_reviews")) == []

        await pilot.press("n")
        assert not norms.display
        [review] = db.query("SELECT * FROM norms_reviews")
        assert review["meeting_id"] == app.meeting_id
        assert review["recorded_by"] == "R. Alder"

        await pilot.press("n", "ctrl+n", "ctrl+n")
        await pilot.click("#close-meeting")
        await pilot.pause(0.3)  # a second press closes with questions open
        await pilot.click("#close-meeting")
        await pilot.pause()

    minutes = app.minutes_path.read_text()
    assert (
        "Team norms reviewed: Start and end on time; say in advance if you cannot "
        "come. · Bring each student's latest progress scores, entered before the "
        "meeting. · The data analyst shares" in minutes
    )
    wins = minutes.split("## Wins since the last meeting\n\n")[1].split("\n\n")[0]
    assert wins.splitlines() == [f"- {w}" for w in GRADE_3_WINS]


async def test_the_previous_items_step_opens_with_the_wins(
    make_app, sample_path, clock
):
    app = make_app(sample_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        lines = _text(app, "#wins").splitlines()
        assert lines == ["Wins since 2026-11-13"] + [f"★ {w}" for w in GRADE_3_WINS]

        # Closing the first item (S3022's call home) makes it a win at once.
        await pilot.press("c")
        await pilot.pause()
        today = date.today().isoformat()
        assert _text(app, "#wins").splitlines()[-1] == (
            "★ S3022: Call the family about attendance and set up a morning "
            f"greeting (Dahlia Mossbottom) closed {today}"
        )


async def test_glossary_key_and_the_terms_in_the_flag_reasons(
    make_app, sample_path, clock
):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        body = _text(app, "#glossary-body")
        assert "after missing 10% or more of the days" in body
        assert "{threshold" not in body
        await pilot.press("escape", "n")
        await pilot.pause()

        # The first student, S3022: below the orf cut, absent 15.3%, below aim.
        await pilot.press("question_mark")
        await pilot.pause()
        assert _text(app, "#glossary-title") == "Terms in the flag reasons"
        heads = [b.splitlines()[0] for b in _text(app, "#glossary-body").split("\n\n")]
        assert heads == [
            "at risk (attendance) (chronic absence, chronically absent, absent, "
            "attendance)",
            "aim line (aim, goal line)",
            "cut score (cut, cut point, screening_below_cut)",
        ]
        await pilot.press("escape")

        # In the decision dialog, the decision chosen is looked up.
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#decision-kind", Select).value = "fade"
        await pilot.press("question_mark")
        await pilot.pause()
        assert _text(app, "#glossary-title") == "Terms in the decision and rationale"
        assert _text(app, "#glossary-body").startswith("fade (faded, fading)")


async def test_the_command_palette_lists_glossary_terms(make_app, sample_path, clock):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "ctrl+p")
        await pilot.press(*"trend line")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert _text(app, "#glossary-title") == "Glossary: trend line"
        assert "ordinary least squares" in _text(app, "#glossary-body")
