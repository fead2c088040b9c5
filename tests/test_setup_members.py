"""A team imported from files without staff: members are added at the table."""

from pathlib import Path

from textual.widgets import Input

from mtss_tui.cli import main
from mtss_tui.paths import bundled
from mtss_tui.store import open_db

UCI = Path(__file__).parent / "fixtures" / "uci" / "student-mat.csv"
MAPPING = bundled("config") / "mappings" / "uci_student_performance.toml"


async def test_add_members_to_an_empty_team_and_hand_out_roles(make_app, tmp_path):
    db = tmp_path / "uci.db"
    args = ["import", "csv", str(UCI), "--mapping", str(MAPPING), "--db", str(db)]
    assert main(args) == 0

    app = make_app(db, team="uci-gp")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#members")
        assert table.row_count == 0
        await pilot.press("a")
        app.screen.query_one("#member-name", Input).value = "  Rowan   Ashby "
        app.screen.query_one("#member-role", Input).value = "counselor"
        await pilot.press("ctrl+s")
        await pilot.press("a")
        app.screen.query_one("#member-name", Input).value = "Ira Vale"
        await pilot.press("enter")
        await pilot.pause()
        rows = [[str(c) for c in table.get_row_at(n)[:3]] for n in range(2)]
        assert rows == [["✓", "Ira Vale", ""], ["✓", "Rowan Ashby", "counselor"]]
        await pilot.press("1")  # the one just added, under the cursor, facilitates
        assert str(table.get_row_at(0)[3]) == "Facilitator"

    conn = open_db(db, readonly=True)
    members = conn.query(
        "SELECT s.name, a.present FROM team_members m JOIN staff s USING (staff_id) "
        "JOIN meeting_attendance a USING (staff_id) WHERE m.team = 'uci-gp' "
        "ORDER BY s.staff_id"
    )
    assert [(m["name"], m["present"]) for m in members] == [
        ("Rowan Ashby", 1),
        ("Ira Vale", 1),
    ]
    [role] = conn.query("SELECT role, staff_id FROM meeting_roles")
    assert role["role"] == "facilitator"
    audited = conn.execute(
        "SELECT count(*) FROM audit WHERE table_name IN ('staff', 'team_members')"
    ).fetchone()[0]
    assert audited == 4
    conn.close()
