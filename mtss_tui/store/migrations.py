"""Schema migrations, from the first schema on.

Each migration is a list of statements applied in one transaction; the number
of migrations applied is kept in `PRAGMA user_version`. A file whose version
is higher than the last migration here was written by a newer mtss_tui and is
refused rather than guessed at.
"""

from __future__ import annotations

V1 = [
    """CREATE TABLE students (
        student_id TEXT PRIMARY KEY,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        grade TEXT NOT NULL,
        school TEXT NOT NULL DEFAULT '',
        iep INTEGER NOT NULL DEFAULT 0,
        plan_504 INTEGER NOT NULL DEFAULT 0,
        english_learner INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE staff (
        staff_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE teams (
        team TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        grades TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE team_members (
        team TEXT NOT NULL REFERENCES teams(team),
        staff_id TEXT NOT NULL REFERENCES staff(staff_id),
        PRIMARY KEY (team, staff_id)
    )""",
    """CREATE TABLE measures (
        measure TEXT PRIMARY KEY,
        domain TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        kind TEXT NOT NULL DEFAULT 'progress',
        title TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE scores (
        student_id TEXT NOT NULL REFERENCES students(student_id),
        measure TEXT NOT NULL REFERENCES measures(measure),
        date TEXT NOT NULL,
        value REAL NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (student_id, measure, date, source)
    )""",
    """CREATE TABLE attendance (
        student_id TEXT NOT NULL REFERENCES students(student_id),
        date TEXT NOT NULL,
        status TEXT NOT NULL,
        fraction REAL,
        PRIMARY KEY (student_id, date)
    )""",
    "CREATE INDEX attendance_date ON attendance(date)",
    """CREATE TABLE incidents (
        incident_id TEXT PRIMARY KEY,
        student_id TEXT NOT NULL REFERENCES students(student_id),
        date TEXT NOT NULL,
        time TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX incidents_student ON incidents(student_id, date)",
    """CREATE TABLE interventions (
        intervention_id TEXT PRIMARY KEY,
        student_id TEXT NOT NULL REFERENCES students(student_id),
        name TEXT NOT NULL,
        domain TEXT NOT NULL,
        tier INTEGER NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        measure TEXT REFERENCES measures(measure),
        baseline REAL,
        goal_value REAL,
        goal_date TEXT,
        interventionist TEXT NOT NULL DEFAULT '',
        frequency TEXT NOT NULL DEFAULT '',
        minutes INTEGER
    )""",
    """CREATE TABLE meetings (
        meeting_id TEXT PRIMARY KEY,
        team TEXT NOT NULL REFERENCES teams(team),
        protocol TEXT NOT NULL,
        protocol_json TEXT,
        date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('setup', 'in_progress', 'closed')),
        started_at TEXT,
        ended_at TEXT,
        recorded_by TEXT NOT NULL DEFAULT '',
        clock_state TEXT,
        focus_student TEXT,
        next_meeting_date TEXT,
        minutes_path TEXT,
        holder TEXT,
        held_at REAL
    )""",
    """CREATE TABLE meeting_attendance (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        staff_id TEXT NOT NULL REFERENCES staff(staff_id),
        present INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, staff_id)
    )""",
    """CREATE TABLE meeting_roles (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        role TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(staff_id),
        PRIMARY KEY (meeting_id, role)
    )""",
    """CREATE TABLE step_times (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        position INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        title TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        actual_seconds REAL NOT NULL,
        PRIMARY KEY (meeting_id, position)
    )""",
    """CREATE TABLE student_times (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        student_id TEXT NOT NULL REFERENCES students(student_id),
        planned_seconds REAL NOT NULL,
        actual_seconds REAL NOT NULL,
        PRIMARY KEY (meeting_id, student_id)
    )""",
    """CREATE TABLE decisions (
        decision_id INTEGER PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        student_id TEXT NOT NULL REFERENCES students(student_id),
        kind TEXT NOT NULL,
        rationale TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL DEFAULT '{}',
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    )""",
    """CREATE TABLE decision_revisions (
        revision_id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decisions(decision_id),
        kind TEXT NOT NULL,
        rationale TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL
    )""",
    """CREATE TABLE action_items (
        item_id INTEGER PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        student_id TEXT REFERENCES students(student_id),
        decision_id INTEGER REFERENCES decisions(decision_id),
        what TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'done', 'carried', 'closed')),
        carried_from INTEGER REFERENCES action_items(item_id),
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    )""",
    """CREATE TABLE item_reviews (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        item_id INTEGER NOT NULL REFERENCES action_items(item_id),
        implementation TEXT,
        effectiveness TEXT,
        outcome TEXT CHECK (outcome IN ('closed', 'carried')),
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, item_id)
    )""",
    """CREATE TABLE notes (
        note_id INTEGER PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        step_id TEXT NOT NULL,
        student_id TEXT REFERENCES students(student_id),
        text TEXT NOT NULL,
        restricted INTEGER NOT NULL DEFAULT 0,
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    )""",
    """CREATE TABLE evaluations (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        position INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        PRIMARY KEY (meeting_id, position)
    )""",
    """CREATE TABLE audit (
        audit_id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        login TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        meeting_id TEXT
    )""",
    """CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]

V2 = [
    # Cut scores that come with a school's files (an assessment's performance
    # levels, say); config cut scores for the same measure, grade and window win.
    """CREATE TABLE cut_scores (
        measure TEXT NOT NULL REFERENCES measures(measure),
        grade TEXT NOT NULL,
        window TEXT NOT NULL CHECK (window IN ('fall', 'winter', 'spring')),
        cut REAL NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (measure, grade, window)
    )""",
    # A team can be a school's (or a school's grades), for files with several.
    "ALTER TABLE teams ADD COLUMN schools TEXT NOT NULL DEFAULT ''",
]


def _indexed(kind: str, table: str, key: str, text: str, restricted: str) -> list[str]:
    """Triggers that keep the search index in step with one table.

    Each entry is indexed with the id and name of the student it is about, so
    a search for a student finds what was decided for them.
    """
    about = (
        "coalesce(NEW.student_id || ' ' || (SELECT given_name || ' ' || family_name "
        "FROM students WHERE student_id = NEW.student_id), '')"
    )
    row = (
        f"'{kind}', NEW.{key}, NEW.meeting_id, NEW.student_id, {text}, {about}, "
        f"{restricted}"
    )
    columns = "(kind, ref, meeting_id, student_id, body, about, restricted)"
    delete = f"DELETE FROM search_index WHERE kind = '{kind}' AND ref = OLD.{key};"
    insert = f"INSERT INTO search_index {columns} VALUES ({row});"
    return [
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} "
        f"BEGIN {delete} {insert} END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} "
        f"BEGIN {delete} END",
        f"INSERT INTO search_index {columns} "
        f"SELECT '{kind}', {key}, meeting_id, student_id, "
        f"{text.replace('NEW.', '')}, {about.replace('NEW.', f'{table}.')}, "
        f"{restricted.replace('NEW.', '')} FROM {table}",
    ]


V3 = [
    # Full-text search over what teams wrote: decisions (kind and rationale),
    # action items and notes. Triggers keep it current, so every writer,
    # present or future, indexes without knowing about it.
    """CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED, ref UNINDEXED, meeting_id UNINDEXED, student_id UNINDEXED,
        body, about, restricted UNINDEXED, tokenize = 'porter unicode61'
    )""",
    *_indexed(
        "decision", "decisions", "decision_id", "NEW.kind || ': ' || NEW.rationale", "0"
    ),
    *_indexed("action_item", "action_items", "item_id", "NEW.what", "0"),
    *_indexed("note", "notes", "note_id", "NEW.text", "NEW.restricted"),
]

V4 = [
    # That the team read its norms, and which: stored when the first step is
    # left, so the minutes list the norms as they stood that day.
    """CREATE TABLE norms_reviews (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(meeting_id),
        norms TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    )""",
    # The wins a meeting opened with, as found when it closed; student ids and
    # numbers only, so a later `mtss minutes` prints the same list.
    """CREATE TABLE meeting_wins (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        student_id TEXT REFERENCES students(student_id),
        text TEXT NOT NULL,
        PRIMARY KEY (meeting_id, position)
    )""",
]

V5 = [
    # Tardies and absences by class period, where a school's data has periods
    # (secondary schools take attendance per class); a day's own status stays
    # in `attendance`.
    """CREATE TABLE period_attendance (
        student_id TEXT NOT NULL REFERENCES students(student_id),
        date TEXT NOT NULL,
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('tardy', 'absent')),
        PRIMARY KEY (student_id, date, period)
    )""",
]

V6 = [
    # Running a meeting well (one migration: roles with backups, attendance at
    # the end, the review queue as the team rearranged it, TIPS problems).
    #
    # Each role has a primary holder and a backup: `backup` 0 or 1 joins the
    # key. SQLite cannot change a key in place, so the table is rebuilt.
    """CREATE TABLE meeting_roles_v5 (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        role TEXT NOT NULL,
        backup INTEGER NOT NULL DEFAULT 0 CHECK (backup IN (0, 1)),
        staff_id TEXT NOT NULL REFERENCES staff(staff_id),
        PRIMARY KEY (meeting_id, role, backup)
    )""",
    "INSERT INTO meeting_roles_v5 (meeting_id, role, backup, staff_id) "
    "SELECT meeting_id, role, 0, staff_id FROM meeting_roles",
    "DROP TABLE meeting_roles",
    "ALTER TABLE meeting_roles_v5 RENAME TO meeting_roles",
    # Who was still there when the meeting closed; NULL until confirmed.
    "ALTER TABLE meeting_attendance ADD COLUMN present_at_end INTEGER",
    # The student-review queue as the team left it: its order, who was
    # skipped, and minutes added to a student's time box.
    """CREATE TABLE review_queue (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        student_id TEXT NOT NULL REFERENCES students(student_id),
        position INTEGER NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0,
        extra_seconds REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (meeting_id, student_id)
    )""",
    # A TIPS problem record: the precise statement, the goal, how fidelity and
    # effectiveness will be measured; reviewed at the team's later meetings.
    """CREATE TABLE problems (
        problem_id INTEGER PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        student_id TEXT REFERENCES students(student_id),
        what TEXT NOT NULL,
        who TEXT NOT NULL,
        location TEXT NOT NULL,
        timing TEXT NOT NULL,
        how_often TEXT NOT NULL,
        why TEXT NOT NULL,
        goal TEXT NOT NULL,
        goal_date TEXT NOT NULL,
        fidelity_measure TEXT NOT NULL DEFAULT '',
        effectiveness_measure TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    )""",
    # Each solution action is also an action item, so it has an owner and a
    # due date in every list of items.
    """CREATE TABLE problem_actions (
        action_id INTEGER PRIMARY KEY,
        problem_id INTEGER NOT NULL REFERENCES problems(problem_id),
        position INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('prevent', 'teach', 'prompt',
            'reward', 'correct', 'extinguish', 'adapt', 'safety')),
        item_id INTEGER NOT NULL REFERENCES action_items(item_id)
    )""",
    """CREATE TABLE problem_reviews (
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        problem_id INTEGER NOT NULL REFERENCES problems(problem_id),
        implementation TEXT,
        effectiveness TEXT,
        recorded_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, problem_id)
    )""",
]

V7 = [
    # A meeting about one student (initial meeting, student support team,
    # progress review) names the student; team meetings leave it empty.
    "ALTER TABLE meetings ADD COLUMN student_id TEXT REFERENCES students(student_id)",
    # The next meeting's start time, beside its date: the next meeting is then
    # judged against it for starting on time.
    "ALTER TABLE meetings ADD COLUMN next_meeting_time TEXT",
    # Interventions a screening meeting gave a group of students at once; one
    # row per student's own intervention, all of one group sharing its number.
    """CREATE TABLE group_assignments (
        intervention_id TEXT PRIMARY KEY REFERENCES interventions(intervention_id),
        meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id),
        group_no INTEGER NOT NULL,
        student_id TEXT NOT NULL REFERENCES students(student_id)
    )""",
    # The meeting foundations as found when a meeting closed. Each check is
    # 'yes', 'no' or, where the fact was not recorded, 'unknown'.
    """CREATE TABLE meeting_quality (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(meeting_id),
        started_on_time TEXT NOT NULL,
        start_minutes_late REAL,
        present_at_start TEXT NOT NULL,
        share_present_at_start REAL,
        present_at_end TEXT NOT NULL,
        share_present_at_end REAL,
        roles_filled TEXT NOT NULL,
        roles_missing TEXT NOT NULL DEFAULT '',
        ended_on_time TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        actual_seconds REAL NOT NULL,
        next_meeting_scheduled TEXT NOT NULL,
        evaluation TEXT NOT NULL DEFAULT '{}',
        recorded_at TEXT NOT NULL
    )""",
]

V8 = [
    # A meeting's and a student's entries are read by those ids on every
    # review screen; over years of meetings a scan of each table would not do.
    "CREATE INDEX decisions_meeting ON decisions(meeting_id)",
    "CREATE INDEX decisions_student ON decisions(student_id)",
    "CREATE INDEX action_items_meeting ON action_items(meeting_id)",
    "CREATE INDEX notes_meeting ON notes(meeting_id)",
    "CREATE INDEX notes_student ON notes(student_id)",
]

MIGRATIONS: list[list[str]] = [V1, V2, V3, V4, V5, V6, V7, V8]
"""Index i holds the statements that take a file from version i to i + 1."""

SCHEMA_VERSION = len(MIGRATIONS)
