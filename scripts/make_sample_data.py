"""Generate the fictional sample school used by mtss_tui demos and tests.

Maple Hollow Elementary (school code MHE) is invented. It has grades 2 and 3
with 44 students each and one MTSS team per grade. The principal, counselor and
school psychologist sit on both teams. Every person is made up and has a
whimsical name (Juniper Thimblewick, Basil Quillfeather); no real student data
is used. The data cover the 93 school days up to 2026-12-03, the day before the
next team meetings. Each storyline gives the app something to show:

* Screening (fall 2026-08-12, winter 2026-12-01, SRSS 2026-09-30): about a
  fifth of students are below a winter cut, some with no intervention yet, so
  the team has new names to discuss.
* On track: interventions that follow the aim line. One sits above it for the
  last four probes, which makes it a candidate for fading.
* Not on track: the last four probes are all below the aim line, the decision
  rule that says "change something".
* Mixed: noisy series that cross the aim line and call for judgment.
* Descending goal: Check-In/Check-Out measured in disruptions per day, where
  fewer is better. It is not improving fast enough, and the student also has
  recent incidents, a suspension and a high SRSS.
* Two interventions: a tier 2 group that ended and a tier 3 plan on the same
  measure, so one chart shows two start lines.
* Attendance: most students attend well. Several are chronically absent (one
  above twenty percent, two with a Monday/Friday pattern), and for one reading
  intervention absence helps explain the weak progress.
* Incidents: some students have repeated recent incidents and others only
  older ones, so the thirty-school-day window matters.
* History: a closed meeting per team on 2026-11-13 with decisions and action
  items, so the next meeting (2026-12-04) can review follow-through.

Usage: ``python scripts/make_sample_data.py [--out DIR]``. A fixed seed and no
clock reads mean every run writes byte-identical files.
"""

import argparse
import csv
import datetime as dt
import math
import random
from collections import Counter
from pathlib import Path
from statistics import mean, median


def words(text):
    return text.split()


def table(text, sep="|"):
    """Parse a block of records, one a line; an indented line continues the last."""
    lines = text.replace("\n  ", " ").strip().splitlines()
    return [line.split(sep) for line in lines]


SEED = 20261204
END, N_DAYS = dt.date(2026, 12, 3), 93
HOLIDAYS = {dt.date(2026, m, d) for m, d in ((9, 7), (11, 25), (11, 26), (11, 27))}
FALL, SRSS_DAY = dt.date(2026, 8, 12), dt.date(2026, 9, 30)
WINTER, GOAL_DATE = dt.date(2026, 12, 1), dt.date(2027, 3, 5)
DAY, YN = dt.timedelta(days=1), ("no", "yes")
ABSENT = ("absent_excused", "absent_unexcused", "suspended")
# File name, then its columns; an indented line continues the line above.
HEADERS = """
students.csv student_id given_name family_name grade school iep plan_504
  english_learner
staff.csv staff_id name role
teams.csv team title grades
team_members.csv team staff_id
measures.csv measure domain unit direction kind title
scores.csv student_id measure date value source
attendance.csv student_id date status fraction
incidents.csv incident_id student_id date time type location severity action
interventions.csv intervention_id student_id name domain tier start_date end_date
  measure baseline goal_value goal_date interventionist frequency minutes
history/meetings.csv meeting_id team protocol date started_at ended_at
  next_meeting_date present facilitator minute_taker data_analyst timekeeper
history/decisions.csv meeting_id student_id kind rationale recorded_by
history/action_items.csv meeting_id student_id what owner due_date status
"""
COLUMNS = {name: cols for name, *cols in table(HEADERS, None)}
MEASURES = table("""
orf|academics|wcpm|higher|screening|Oral reading fluency (screening)
math_comp|academics|points|higher|screening|Math computation (screening)
orf_pm|academics|wcpm|higher|progress|Oral reading fluency (progress monitoring)
math_pm|academics|points|higher|progress|Math computation (progress monitoring)
disruptions|behavior|per_day|lower|progress|Classroom disruptions per day
  (progress monitoring)
srss|life_skills|points|lower|screening|Student Risk Screening Scale
  (externalizing, 0-21)
""")
# (grade, measure): fall cut, winter cut, fall mean, winter mean, sd
SCREEN = {
    (2, "orf"): (40, 74, 50, 80, 16),
    (3, "orf"): (73, 87, 76, 90, 18),
    (2, "math_comp"): (6, 11, 9, 13, 3),
    (3, "math_comp"): (9, 16, 13, 19, 3),
}
GIVEN = words("""
Juniper Basil Marigold Clover Fennel Bramble Thistle Pippin Rosemary Acorn Sorrel
Tansy Quince Barnaby Figaro Lark Poppy Mungo Nutmeg Pumpkin Cricket Bellflower Ember
Peregrine Periwinkle Sprocket Toffee Dandelion Clementine Rhubarb Cobble Zinnia
Pickle Bluebell Huckleberry Ginger Button Mallow Primrose Parsley Wisteria Biscuit
Tumbleweed Hollyhock""")
FAMILY = words("""
Thimblewick Quillfeather Puddingstone Bramblecott Teacosy Honeywhistle Fiddlestump
Pebblebrook Crumpetshire Wafflebury Dewdropper Gumbleton Mumblecrust Tinkerpot
Snorkelwood Butterwhisk Kettleburn Nettlefoot Acornby Pinecrumble Muddlecombe
Sprinklewood Thistledown Jellybottom Parsnipple Noodleham Gigglethorn Puddlefoot
Marmaladewick Biscuitbarrow Mothwing Gooseberry""")
STAFF = table("""
T01|Ada Buttonwhistle|teacher
T02|Felix Honeycrumb|teacher
T03|Opal Inkwhistle|teacher
T04|Rupert Lanternfield|teacher
T05|Wren Pebblesworth|reading specialist
T06|Cosmo Fiddlesprout|reading specialist
T07|Dahlia Mossbottom|counselor
T08|Augustus Wobblegate|principal
T09|Saffron Teaspoonly|school psychologist
""")
TEAMS = {"2": words("T01 T02 T05 T07 T08 T09"), "3": words("T03 T04 T06 T07 T08 T09")}
# code: name, measure, frequency, minutes, interventionist in grade 2, in grade 3
PROGRAMS = {row[0]: row[1:] for row in table("""
RR|Repeated reading with feedback|orf_pm|4x/week|30|T05|T06
PH|Phonics small group|orf_pm|3x/week|30|T05|T06
IP|Intensive phonics, pairs|orf_pm|5x/week|45|T05|T06
MF|Math fact fluency group|math_pm|3x/week|20|T02|T04
CI|Check-In/Check-Out|disruptions|5x/week|10|T07|T07
""")}  # fmt: skip
PM_SD = {"orf_pm": 4.0, "math_pm": 1.2, "disruptions": 0.6}
RATES = {"orf_pm": (1.5, 1.75, 2.0), "math_pm": (0.5, 0.6, 0.7, 0.8)}
# student|program|tier|story|true starting level|start|end
PLANS = table("""
S2003|RR|2|on_track|31|2026-09-14|
S2008|RR|2|below|27|2026-09-15|
S2011|MF|2|on_track|5|2026-09-16|
S2015|PH|2|above|24|2026-09-10|
S2019|MF|2|below|4|2026-09-21|
S2024|CI|2|descending|6|2026-09-22|
S2030|RR|2|mixed|33|2026-09-23|
S2036|PH|2|flat|25|2026-09-08|2026-10-02
S2036|IP|3|on_track|27|2026-10-12|
S3002|RR|2|on_track|58|2026-09-09|
S3005|RR|2|below|52|2026-09-17|
S3009|MF|2|above|8|2026-09-11|
S3014|RR|2|mixed|61|2026-09-18|
S3018|MF|2|below|7|2026-09-24|
S3022|PH|2|below|48|2026-09-28|
S3033|RR|2|on_track|55|2026-09-25|
""")
EXTRA_LOW = {"orf": words("S2027 S2041 S3011 S3044"), "math_comp": words("S2033 S3038")}
SRSS_HIGH = {"S2024": 13, "S2040": 10, "S3029": 11, "S3037": 9}
# student: days absent (before partial days); the first two skip Mondays and Fridays
CHRONIC = {"S2014": 10, "S3042": 16, "S2008": 12, "S2029": 11, "S2040": 13,
           "S3006": 21, "S3019": 10, "S3022": 14, "S3035": 11}  # fmt: skip
SUSPENDED = ("S2024", 55)  # student and day index; the incident is the day before
FIGHT = ("physical aggression", "playground", "major", "office referral")
# student: (incidents in the last 30 school days, older incidents)
INCIDENTS = {
    "S2024": (3, 4), "S2012": (2, 1), "S2040": (3, 0), "S3007": (2, 2),
    "S3018": (2, 0), "S3029": (2, 1), "S3041": (2, 0), "S2005": (0, 2),
    "S2017": (0, 1), "S2026": (0, 1), "S2031": (0, 3), "S2043": (0, 1),
    "S3003": (0, 2), "S3012": (0, 1), "S3020": (0, 2), "S3025": (0, 1),
    "S3034": (0, 2), "S3036": (0, 2), "S3040": (0, 1), "S2009": (1, 1),
    "S2021": (1, 0), "S2038": (1, 2), "S3010": (1, 0), "S3016": (1, 1),
    "S3031": (1, 0), "S3043": (1, 0),
}  # fmt: skip
TYPES = {"disruption": 35, "defiance": 25, "inappropriate language": 20,
         "physical aggression": 10, "property misuse": 10}  # fmt: skip
RESPONSES = {
    "major": ("office referral", "parent contact", "detention"),
    "minor": ("conference", "conference", "loss of privilege", "parent contact"),
}
PLACES = {"classroom": 45, "playground": 20, "cafeteria": 12, "hallway": 13, "bus": 10}
# minutes after midnight in which an incident can happen at each place
WINDOWS = {"classroom": [(510, 895)], "playground": [(615, 635), (720, 750)],
           "cafeteria": [(675, 735)], "hallway": [(495, 900)],
           "bus": [(465, 490), (910, 935)]}  # fmt: skip
# grade|start|end|present|facilitator|minute_taker|data_analyst|timekeeper
MEETINGS = table("""
3|14:00|15:02|T03;T04;T06;T07;T08;T09|T08|T03|T06|T04
2|15:15|16:09|T01;T02;T05;T07;T08|T07|T01|T05|T02
""")
DECISIONS = table("""
3|S3005|modify|Still below the aim line; add repeated reading and check fidelity.
3|S3033|continue|Tracking the aim line; keep the plan and review at the next meeting.
3|S3022|continue|Missed sessions limit dosage; keep the plan, add attendance support.
2|S2024|modify|Disruptions are not dropping; add a midday check-in and new rewards.
2|S2036|continue|Growth picked up after the move to daily intensive instruction.
2|S2019|modify|Gains are slow; add a concrete warm-up with manipulatives.
2|S2015|continue|Above the aim line; continue and discuss fading at the next review.
""")
ACTIONS = table("""
3|S3005|Observe a reading intervention session and share fidelity notes|T06|11-20|done
3|S3022|Call the family about attendance and set up a morning greeting|T07|11-24|open
3|S3005|Add repeated reading passages to the intervention kit|T06|12-01|open
3||Bring winter screening results sorted by risk to the next meeting|T08|12-03|open
3|S3018|Send math fact practice games home with a note|T04|12-11|open
2|S2024|Update the point card with a midday check-in|T07|11-20|done
2|S2024|Meet with the family to review the new reinforcement plan|T01|11-24|open
2|S2019|Add a manipulatives warm-up to math group sessions|T02|12-01|open
2||Prepare the winter screening summary for the team|T09|12-03|open
""")


def school_days():
    days, d = [], END
    while len(days) < N_DAYS:
        if d.weekday() < 5 and d not in HOLIDAYS:
            days.append(d)
        d -= DAY
    return days[::-1]


def week(monday, school):
    return [monday + k * DAY for k in range(5) if monday + k * DAY in school]


def pm_dates(start, stop, school):
    """Three baseline days in the week before start, then one day a week."""
    monday = start - start.weekday() * DAY
    prev = week(monday - 7 * DAY, school)
    base, weekly = [prev[0], prev[len(prev) // 2], prev[-1]], []
    while monday <= stop:
        wed = monday + 2 * DAY
        options = [d for d in week(monday, school) if start <= d <= stop]
        if options:
            weekly.append(min(options, key=lambda d: (abs((d - wed).days), d)))
        monday += 7 * DAY
    return base, weekly


def aim(p, d):
    """The straight line from (start, baseline) to (goal date, goal), at d."""
    start, base = p["start_date"], p["baseline"]
    share = (d - start).days / (GOAL_DATE - start).days
    return base + (p["goal_value"] - base) * share


def num(v, dec):
    return round(max(0.0, v), 1) if dec else max(0, round(v))


def pm_values(p, rng):
    """Weekly scores that tell the plan's story relative to its aim line."""
    sd, dec, base, story = PM_SD[p["measure"]], p["dec"], p["baseline"], p["story"]
    n, unit, out = len(p["weekly"]), 10**dec, []
    for i, d in enumerate(p["weekly"]):
        a = aim(p, d)
        if story in ("on_track", "above"):
            v = a + rng.gauss(0.4 * sd, 0.7 * sd)
        elif story == "mixed":
            v = a + rng.gauss(0, sd)
        elif story == "flat":
            v = base + rng.gauss(0, 0.6 * sd)
        else:  # below or descending: about a third of the planned change
            v = base + (a - base) * 0.35 + rng.gauss(0, 0.6 * sd)
        # Over the last four points, hold each story to its side of the line.
        side = {"above": 1, "below": -1, "descending": 1, "mixed": (n - i) % 2 * 2 - 1}
        if i >= n - 4 and story == "on_track":
            v = max(v, a - 0.5 * sd)
        elif i >= n - 4 and side.get(story) == 1:
            v = max(v, (math.floor(a * unit) + 1) / unit)
        elif i >= n - 4 and side.get(story) == -1:
            v = min(v, (math.ceil(a * unit) - 1) / unit)
        out.append(num(v, dec))
    return out


def last4(p):
    """How far each of the last four weekly points is from the aim line."""
    pairs = zip(p["weekly"][-4:], p["values"][-4:], strict=True)
    return [v - aim(p, d) for d, v in pairs]


def build(out):
    rng = random.Random(SEED)
    days = school_days()
    school, recent = set(days), days[-30:]
    staff_name = {sid: name for sid, name, _ in STAFF}
    students, seen = [], set()
    for grade in (2, 3):
        for k in range(1, 45):
            while (name := (rng.choice(GIVEN), rng.choice(FAMILY))) in seen:
                pass
            seen.add(name)
            iep = rng.random() < 0.1
            flags = (iep, not iep and rng.random() < 0.05, rng.random() < 0.12)
            row = (f"S{grade}{k:03d}", *name, grade, "MHE", *(YN[f] for f in flags))
            students.append(row)
    grade_of = {s[0]: s[3] for s in students}

    plans = []
    for i, (sid, code, tier, story, level, start, end) in enumerate(PLANS, 1):
        name, measure, freq, minutes, *staff = PROGRAMS[code]
        who = staff_name[staff[grade_of[sid] - 2]]
        p = dict(intervention_id=f"N{i:03d}", student_id=sid, name=name, tier=tier)
        p.update(measure=measure, frequency=freq, minutes=minutes, interventionist=who)
        p.update(story=story, level=float(level), goal_date=GOAL_DATE)
        p["dec"] = int(measure == "disruptions")
        p["domain"] = ("academics", "behavior")[p["dec"]]
        first, last = dt.date.fromisoformat(start), end and dt.date.fromisoformat(end)
        p.update(start_date=first, end_date=last or None)
        p["base_days"], p["weekly"] = pm_dates(first, last or END, school)
        plans.append(p)

    # Attendance: absences avoid test days; then a few partial days and tardies.
    reserved = {s[0]: {FALL, SRSS_DAY, WINTER} for s in students}
    for p in plans:
        reserved[p["student_id"]].update(p["base_days"] + p["weekly"])
    sus_sid, sus_i = SUSPENDED
    sus_day, fight_day = days[sus_i], days[sus_i - 1]
    reserved[sus_sid] |= {sus_day, fight_day}
    moderate = rng.sample([s[0] for s in students if s[0] not in CHRONIC], 12)
    status, missed = {}, {}
    for sid, *_ in students:
        st = dict.fromkeys(days, ("present", ""))
        free = [d for d in days if d not in reserved[sid]]
        n = CHRONIC.get(sid) or rng.choice([0, 0, 1, 1, 2, 2, 3])
        n = rng.randint(5, 8) if sid in moderate else n
        if sid in list(CHRONIC)[:2]:  # a Monday/Friday pattern
            mon_fri = [d for d in free if d.weekday() in (0, 4)]
            rest = [d for d in free if d.weekday() in (1, 2, 3)]
            chosen = rng.sample(mon_fri, n - 2) + rng.sample(rest, 2)
        else:
            chosen = rng.sample(free, n)
        excused = 0.3 if sid in CHRONIC else 0.7
        for d in chosen:
            st[d] = (ABSENT[rng.random() >= excused], "")
        free = [d for d in free if d not in chosen]
        if rng.random() < (0.4 if sid in CHRONIC else 0.15):
            st[free.pop(rng.randrange(len(free)))] = (
                "partial",
                rng.choice([0.25, 0.5]),
            )
        for d in rng.sample(free, rng.choice([0, 0, 0, 1, 1, 2, 3, 6])):
            st[d] = ("tardy", "")
        if sid == sus_sid:
            st[sus_day] = ("suspended", "")
        status[sid] = st
        missed[sid] = sum(f or s in ABSENT for s, f in st.values()) / N_DAYS

    # Progress monitoring: three baseline probes, a goal, then the weekly series.
    scores = []
    for p in plans:
        sd = PM_SD[p["measure"]]
        probes = [num(p["level"] + rng.gauss(0, sd), p["dec"]) for _ in range(3)]
        p["baseline"] = base = median(probes)
        rate = rng.choice(RATES.get(p["measure"], (0,)))
        weeks = (GOAL_DATE - p["start_date"]).days / 7
        p["goal_value"] = 1.0 if p["dec"] else round(base + rate * weeks)
        p["values"] = pm_values(p, rng)
        dates = p["base_days"] + p["weekly"]
        for d, v in zip(dates, probes + p["values"], strict=True):
            scores.append((p["student_id"], p["measure"], d, v, "progress"))

    # Screening: students in an intervention follow their own series.
    screen_of = {"orf_pm": "orf", "math_pm": "math_comp"}
    series = {(p["student_id"], screen_of.get(p["measure"])): p for p in plans}
    winter = {}
    for sid, _, _, grade, *_ in students:
        for m in ("orf", "math_comp"):
            fall_cut, cut, fall_avg, avg, sd = SCREEN[(grade, m)]
            noise = 3 if m == "orf" else 1
            if (sid, m) in series:
                first = next(q for q in plans if q["student_id"] == sid)
                fall = round(first["level"] - noise + rng.gauss(0, noise))
                fall = min(fall, fall_cut - 1)
                win = round(series[(sid, m)]["values"][-1] + rng.gauss(0, noise))
            else:
                if sid in EXTRA_LOW[m]:
                    win = rng.randint(round(cut * 0.75), cut - 1)
                else:
                    while (win := round(rng.gauss(avg, sd))) < cut:
                        pass
                fall = max(0, round(win - avg + fall_avg + rng.gauss(0, sd / 3)))
            winter[(sid, m)] = win
            scores.append((sid, m, FALL, fall, "screening"))
            scores.append((sid, m, WINTER, win, "screening"))
        if sid in SRSS_HIGH:
            srss = SRSS_HIGH[sid]
        elif sum(INCIDENTS.get(sid, (0, 0))) >= 2:
            srss = rng.randint(4, 8)
        else:
            srss = rng.choices(range(9), weights=[36, 26, 16, 10, 3, 3, 2, 2, 2])[0]
        scores.append((sid, "srss", SRSS_DAY, srss, "screening"))

    # Incidents, on days the student was at school.
    events = [(sus_sid, fight_day, 725, *FIGHT)]
    for sid, (n_recent, n_old) in INCIDENTS.items():
        here = [d for d in days[5:] if status[sid][d][0] in ("present", "tardy")]
        here = [d for d in here if d != fight_day]
        picks = rng.sample([d for d in here if d >= recent[0]], n_recent)
        picks += rng.sample([d for d in here if d < recent[0]], n_old)
        for d in picks:
            kind = rng.choices(list(TYPES), weights=list(TYPES.values()))[0]
            place = rng.choices(list(PLACES), weights=list(PLACES.values()))[0]
            major = rng.random() < (0.7 if kind == "physical aggression" else 0.15)
            severity = "major" if major else "minor"
            minute = rng.randint(*rng.choice(WINDOWS[place]))
            act = rng.choice(RESPONSES[severity])
            events.append((sid, d, minute, kind, place, severity, act))
    events.sort(key=lambda e: (e[1], e[2], e[0]))

    # Self-checks: each storyline must be visible in what was generated.
    now = {p["student_id"]: p for p in plans if p["end_date"] is None}
    rising = {s: p for s, p in now.items() if p["goal_value"] > p["baseline"]}
    below = [s for s, p in rising.items() if max(last4(p)) < 0]
    above = [s for s, p in now.items() if min(last4(p)) > 0]
    good = [s for s, p in now.items() if p["story"] in ("on_track", "above")]
    on_track = [s for s in good if mean(last4(now[s])) >= 0]
    desc = [s for s in now if s not in rising]
    two = sorted({p["student_id"] for p in plans if p["end_date"]})
    chronic = {s: r for s, r in missed.items() if r >= 0.10}
    n_recent = Counter(e[0] for e in events if e[1] >= recent[0])
    busy = sorted(s for s, n in n_recent.items() if n >= 2)
    low = [s for (s, m), v in winter.items() if v < SCREEN[(grade_of[s], m)][1]]
    cuts = sorted(set(low))
    srss9 = [s[0] for s in scores if s[1] == "srss" and s[3] >= 9]
    flagged = set(cuts) | set(chronic) | set(busy) | set(srss9) | set(below) | set(desc)
    assert len(days) == N_DAYS and FALL in school and WINTER in school
    assert len(below) >= 4 and len(on_track) >= 4 and set(above) & set(on_track)
    assert desc == ["S2024"] and "S2024" in above and "S2024" in busy and two
    assert all(len(p["weekly"]) >= 8 for p in now.values()) and len(now) >= 14
    assert len(chronic) >= 8 and max(missed.values()) >= 0.20 and len(busy) >= 6
    assert 50 <= len(events) <= 80 and 13 <= len(cuts) <= 22
    assert 25 <= len(flagged) <= 40 and all(d[1] in now for d in DECISIONS)

    # Write the files; csv writes dates as ISO text and None as an empty cell.
    mid = "M-2026-11-13-grade-{}".format
    meetings = []
    for g, a, b, *people in MEETINGS:
        times = [f"2026-11-13T{t}:00" for t in (a, b)]
        meetings.append([mid(g), f"grade-{g}", "tips", "2026-11-13", *times])
        meetings[-1] += ["2026-12-04", *people]
    recorder = {m[0]: staff_name[m[5]] for m in MEETINGS}  # the minute taker
    decisions = [(mid(g), *rest, recorder[g]) for g, *rest in DECISIONS]
    plan_rows = [[p[c] for c in COLUMNS["interventions.csv"]] for p in plans]
    files = {
        "students.csv": students,
        "staff.csv": STAFF,
        "teams.csv": [(f"grade-{g}", f"Grade {g} team", g) for g in TEAMS],
        "team_members.csv": [(f"grade-{g}", t) for g in TEAMS for t in TEAMS[g]],
        "measures.csv": MEASURES,
        "scores.csv": sorted(scores),
        "attendance.csv": [(s, d, *status[s][d]) for s in status for d in days],
        "incidents.csv": [
            (f"I{i:04d}", s, d, f"{t // 60:02d}:{t % 60:02d}", *rest)
            for i, (s, d, t, *rest) in enumerate(events, 1)
        ],
        "interventions.csv": plan_rows,
        "history/meetings.csv": meetings,
        "history/decisions.csv": decisions,
        "history/action_items.csv": [
            (mid(g), s, what, staff_name[who], f"2026-{due}", state)
            for g, s, what, who, due, state in ACTIONS
        ],
    }
    for name, rows in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([COLUMNS[name], *rows])
        print(f"{name}: {len(rows)} rows")

    print("first school day:", days[0], "| last 30 school days from:", recent[0])
    print("on track:", on_track, "| last 4 above:", above, "| last 4 below:", below)
    print("descending:", desc, "| two interventions:", two)
    print("chronic:", ", ".join(f"{s} {r:.1%}" for s, r in chronic.items()))
    print(">=2 incidents in last 30 school days:", busy)
    print(f"below a winter cut ({len(cuts)}):", cuts)
    print("srss >= 9:", srss9, f"| flagged by any rule: {len(flagged)} of 88")


def main():
    default = Path(__file__).resolve().parent.parent / "sample_data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default, help="output directory")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
