"""Generate the fictional sample school used by mtss_tui demos and tests.

Maple Hollow Elementary (school code MHE) is an invented school. Grades 2 and 3
have 44 students each, and each grade has its own MTSS team. The staff share a
principal, a counselor and a school psychologist. Every person is made up, with
whimsical names (Juniper Thimblewick, Basil Quillfeather, ...). No real student
data went into this file. The school year here is the 93 school days that end
on 2026-12-03, the day before the next team meetings.

Each storyline gives the app something real to show:

* Screening: fall (2026-08-12) and winter (2026-12-01) oral reading fluency and
  math computation for everyone, plus a behavior screener (SRSS, 2026-09-30).
  Roughly a fifth of students fall below a winter cut. Some of them have no
  intervention yet, so the team has new names to discuss.
* On track: reading and math interventions that follow the aim line. One of
  them sits above it for the last four probes (a candidate for fading).
* Not on track: interventions whose last four probes all fall below the aim
  line. This is the decision rule that says "change something".
* Mixed: noisy series that cross the aim line, where the team must judge.
* Descending goal: one Check-In/Check-Out plan measured in disruptions per day,
  where fewer is better. It is not improving fast enough, and the student has
  recent incidents, a suspension and a high SRSS.
* Two interventions: a tier 2 group that ended, then a tier 3 plan on the same
  measure, so the chart shows two start lines on one series.
* Attendance: most students attend well. Several are chronically absent, one
  above twenty percent and two with a Monday/Friday pattern. For one reading
  intervention, absence helps explain the weak progress.
* Incidents: a few students with repeated recent incidents, and others whose
  incidents are all older, so the thirty-day window matters.
* History: one closed meeting per team on 2026-11-13, with decisions and action
  items, so the next meeting (2026-12-04) can review follow-through.

Usage: ``python scripts/make_sample_data.py [--out DIR]``. A fixed seed and no
clock reads mean every run writes byte-identical files.
"""

import argparse
import csv
import datetime as dt
import math
import random
import statistics
from pathlib import Path

SEED = 20261204
END = dt.date(2026, 12, 3)
HOLIDAYS = {dt.date(2026, m, d) for m, d in ((9, 7), (11, 25), (11, 26), (11, 27))}
N_DAYS = 93
FALL, SRSS_DAY, WINTER = dt.date(2026, 8, 12), dt.date(2026, 9, 30), dt.date(2026, 12, 1)
GOAL_DATE = dt.date(2027, 3, 5)
DAY = dt.timedelta(days=1)
# (grade, measure): fall cut, winter cut, fall mean, winter mean, sd
SCREEN = {
    (2, "orf"): (40, 74, 55, 84, 16),
    (3, "orf"): (73, 87, 88, 99, 16),
    (2, "math_comp"): (6, 11, 10, 14, 3),
    (3, "math_comp"): (9, 16, 14, 20, 3),
}
MEASURES = [
    ("orf", "academics", "wcpm", "higher", "screening",
     "Oral reading fluency (screening)"),
    ("math_comp", "academics", "points", "higher", "screening",
     "Math computation (screening)"),
    ("orf_pm", "academics", "wcpm", "higher", "progress",
     "Oral reading fluency (progress monitoring)"),
    ("math_pm", "academics", "points", "higher", "progress",
     "Math computation (progress monitoring)"),
    ("disruptions", "behavior", "per_day", "lower", "progress",
     "Classroom disruptions per day (progress monitoring)"),
    ("srss", "life_skills", "points", "lower", "screening",
     "Student Risk Screening Scale (externalizing, 0-21)"),
]  # fmt: skip
GIVEN = """Juniper Basil Marigold Clover Fennel Bramble Thistle Pippin Rosemary Acorn
Sorrel Tansy Quince Barnaby Figaro Lark Poppy Mungo Nutmeg Pumpkin Cricket Bellflower
Peregrine Periwinkle Ember Sprocket Toffee Dandelion Clementine Rhubarb Cobble Zinnia
Pickle Bluebell Huckleberry Ginger Button Mallow Primrose Parsley Wisteria Biscuit
Tumbleweed Hollyhock""".split()
FAMILY = """Thimblewick Quillfeather Puddingstone Bramblecott Teacosy Honeywhistle
Fiddlestump Pebblebrook Crumpetshire Wafflebury Dewdropper Gumbleton Mumblecrust
Tinkerpot Snorkelwood Butterwhisk Kettleburn Nettlefoot Acornby Pinecrumble
Muddlecombe Sprinklewood Thistledown Jellybottom Parsnipple Noodleham Gigglethorn
Puddlefoot Marmaladewick Biscuitbarrow Mothwing Gooseberry""".split()
STAFF = [
    ("T01", "Ada Buttonwhistle", "teacher"),
    ("T02", "Felix Honeycrumb", "teacher"),
    ("T03", "Opal Inkwhistle", "teacher"),
    ("T04", "Rupert Lanternfield", "teacher"),
    ("T05", "Wren Pebblesworth", "reading specialist"),
    ("T06", "Cosmo Fiddlesprout", "reading specialist"),
    ("T07", "Dahlia Mossbottom", "counselor"),
    ("T08", "Augustus Wobblegate", "principal"),
    ("T09", "Saffron Teaspoonly", "school psychologist"),
]
TEAMS = {"grade-2": ("Grade 2 team", "2", "T01 T02 T05 T07 T08 T09"),
         "grade-3": ("Grade 3 team", "3", "T03 T04 T06 T07 T08 T09")}  # fmt: skip
# code: name, measure, frequency, minutes, interventionist for grade 2 / grade 3
PROGRAMS = {
    "RR": ("Repeated reading with feedback", "orf_pm", "4x/week", 30, "T05", "T06"),
    "PH": ("Phonics small group", "orf_pm", "3x/week", 30, "T05", "T06"),
    "IP": ("Intensive phonics, pairs", "orf_pm", "5x/week", 45, "T05", "T06"),
    "MF": ("Math fact fluency group", "math_pm", "3x/week", 20, "T02", "T04"),
    "CI": ("Check-In/Check-Out", "disruptions", "5x/week", 10, "T07", "T07"),
}
PM_SD = {"orf_pm": 4.0, "math_pm": 1.2, "disruptions": 0.6}
RATES = {"orf_pm": (1.5, 1.75, 2.0), "math_pm": (0.5, 0.6, 0.7, 0.8)}
# student, program, tier, story, starting level, start, end (month-day)
PLANS = [
    ("S2003", "RR", 2, "on_track", 31, "09-14", ""),
    ("S2008", "RR", 2, "below", 27, "09-15", ""),
    ("S2011", "MF", 2, "on_track", 5, "09-16", ""),
    ("S2015", "PH", 2, "above", 24, "09-10", ""),
    ("S2019", "MF", 2, "below", 4, "09-21", ""),
    ("S2024", "CI", 2, "descending", 6, "09-22", ""),
    ("S2030", "RR", 2, "mixed", 33, "09-23", ""),
    ("S2036", "PH", 2, "flat", 25, "09-08", "10-02"),
    ("S2036", "IP", 3, "on_track", 27, "10-12", ""),
    ("S3002", "RR", 2, "on_track", 58, "09-09", ""),
    ("S3005", "RR", 2, "below", 52, "09-17", ""),
    ("S3009", "MF", 2, "above", 8, "09-11", ""),
    ("S3014", "RR", 2, "mixed", 61, "09-18", ""),
    ("S3018", "MF", 2, "below", 7, "09-24", ""),
    ("S3022", "PH", 2, "below", 48, "09-28", ""),
    ("S3033", "RR", 2, "on_track", 55, "09-25", ""),
]
EXTRA_LOW = {"orf": ("S2027", "S2041", "S3011", "S3044"),
             "math_comp": ("S2033", "S2041", "S3038")}  # fmt: skip
SRSS_HIGH = {"S2024": 13, "S2040": 10, "S3029": 11, "S3037": 9}
CHRONIC = {"S2008": 12, "S2014": 10, "S2029": 11, "S2040": 13, "S3006": 21,
           "S3019": 10, "S3022": 14, "S3035": 11, "S3042": 16}  # fmt: skip
MON_FRI = ("S2014", "S3042")
SUSPENDED = ("S2024", 55)  # index of the suspension day; incident the day before
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
PLACES = {"classroom": 45, "playground": 20, "cafeteria": 12, "hallway": 13, "bus": 10}
WINDOWS = {"classroom": [(510, 895)], "playground": [(615, 635), (720, 750)],
           "cafeteria": [(675, 735)], "hallway": [(495, 900)],
           "bus": [(465, 490), (910, 935)]}  # fmt: skip
M3, M2 = "M-2026-11-13-grade-3", "M-2026-11-13-grade-2"
# meeting, team, start, end, present, facilitator/minutes/data/time
MEETINGS = [
    (M3, "grade-3", "14:00", "15:02", "T03 T04 T06 T07 T08 T09", "T08 T03 T06 T04"),
    (M2, "grade-2", "15:15", "16:09", "T01 T02 T05 T07 T08", "T07 T01 T05 T02"),
]
DECISIONS = [
    (M3, "S3005", "modify", "Progress remains below the aim line. Add a repeated "
     "reading routine and observe a session to check fidelity."),
    (M3, "S3033", "continue", "Scores are tracking the aim line. Keep the current "
     "plan and review at the next meeting."),
    (M3, "S3022", "continue", "Missed sessions are limiting dosage. Keep the plan "
     "and coordinate attendance supports with the counselor."),
    (M2, "S2024", "modify", "Disruptions are not dropping as expected. Add a "
     "midday check-in and adjust the reinforcement menu."),
    (M2, "S2036", "continue", "Growth improved after the move to daily intensive "
     "instruction. Continue and keep weekly monitoring."),
    (M2, "S2019", "modify", "Gains are slow. Add a short concrete warm-up with "
     "manipulatives before timed practice."),
    (M2, "S2015", "continue", "Scores sit above the aim line. Continue for now and "
     "discuss fading at the next review."),
]  # fmt: skip
ACTIONS = [
    (M3, "S3005", "Observe a reading intervention session and share fidelity notes",
     "T06", "11-20", "done"),
    (M3, "S3022", "Call the family about attendance and set up a morning greeting",
     "T07", "11-24", "open"),
    (M3, "S3005", "Add repeated reading passages to the intervention kit",
     "T06", "12-01", "open"),
    (M3, "", "Bring winter screening results sorted by risk to the next meeting",
     "T08", "12-03", "open"),
    (M3, "S3018", "Send math fact practice games home with a note", "T04", "12-11",
     "open"),
    (M2, "S2024", "Update the point card with a midday check-in", "T07", "11-20",
     "done"),
    (M2, "S2024", "Meet with the family to review the new reinforcement plan",
     "T01", "11-24", "open"),
    (M2, "S2019", "Add a manipulatives warm-up to math group sessions", "T02",
     "12-01", "open"),
    (M2, "", "Prepare the winter screening summary for the team", "T09", "12-03",
     "open"),
]  # fmt: skip


def md(text):
    return dt.date.fromisoformat(f"2026-{text}")


def school_days():
    days, d = [], END
    while len(days) < N_DAYS:
        if d.weekday() < 5 and d not in HOLIDAYS:
            days.append(d)
        d -= DAY
    return days[::-1]


def week_days(monday, school):
    return [monday + k * DAY for k in range(5) if monday + k * DAY in school]


def pm_dates(start, stop, school):
    """Three baseline days in the week before start, then one day per week."""
    week = start - start.weekday() * DAY
    prev = week_days(week - 7 * DAY, school)
    base, weekly = [prev[0], prev[len(prev) // 2], prev[-1]], []
    while week <= stop:
        options = [d for d in week_days(week, school) if start <= d <= stop]
        wed = week + 2 * DAY
        if options:
            weekly.append(min(options, key=lambda d: (abs((d - wed).days), d)))
        week += 7 * DAY
    return base, weekly


def aim(p, d):
    span = (p["goal_date"] - p["start"]).days
    return p["baseline"] + (p["goal"] - p["baseline"]) * (d - p["start"]).days / span


def num(v, decimals):
    return round(max(0.0, v), 1) if decimals else max(0, round(v))


def pm_values(p, rng):
    """Weekly scores that follow the plan's story relative to its aim line."""
    sd, dec, n, base = PM_SD[p["measure"]], p["dec"], len(p["weekly"]), p["baseline"]
    unit, out = 10**dec, []
    for i, d in enumerate(p["weekly"]):
        a, story = aim(p, d), p["story"]
        if story in ("on_track", "above"):
            v = a + rng.gauss(0.4 * sd, 0.7 * sd)
        elif story == "mixed":
            v = a + rng.gauss(0, sd)
        elif story == "flat":
            v = base + rng.gauss(0, 0.6 * sd)
        else:  # below or descending: about a third of the planned change
            v = base + (a - base) * 0.35 + rng.gauss(0, 0.6 * sd)
        side = {"above": 1, "below": -1, "descending": 1}.get(story, 0)
        if story == "mixed":
            side = 1 if (n - i) % 2 else -1
        if i >= n - 4 and story == "on_track":
            v = max(v, a - 0.5 * sd)
        elif i >= n - 4 and side > 0:
            v = max(v, (math.floor(a * unit) + 1) / unit)
        elif i >= n - 4 and side < 0:
            v = min(v, (math.ceil(a * unit) - 1) / unit)
        out.append(num(v, dec))
    return out


def residuals(p):
    return [v - aim(p, d) for d, v in zip(p["weekly"][-4:], p["values"][-4:])]


def build(out):
    rng = random.Random(SEED)
    days = school_days()
    school, recent = set(days), days[-30:]
    names, students = set(), []
    for grade in (2, 3):
        for k in range(1, 45):
            while (name := (rng.choice(GIVEN), rng.choice(FAMILY))) in names:
                pass
            names.add(name)
            iep = rng.random() < 0.1
            flags = (iep, not iep and rng.random() < 0.05, rng.random() < 0.12)
            students.append((f"S{grade}{k:03d}", *name, grade, *flags))
    grade_of = {s[0]: s[3] for s in students}
    staff_name = {s[0]: s[1] for s in STAFF}

    plans = []
    for sid, code, tier, story, level, start, end in PLANS:
        name, measure, freq, minutes, t2, t3 = PROGRAMS[code]
        start, end = md(start), md(end) if end else None
        base_days, weekly = pm_dates(start, end or END, school)
        plans.append(dict(sid=sid, code=code, name=name, measure=measure, tier=tier,
                          story=story, level=level, start=start, end=end,
                          freq=freq, minutes=minutes, base_days=base_days,
                          weekly=weekly, dec=int(measure == "disruptions"),
                          who=staff_name[t2 if grade_of[sid] == 2 else t3]))  # fmt: skip
    reserved = {s[0]: {FALL, SRSS_DAY, WINTER} for s in students}
    for p in plans:
        reserved[p["sid"]].update(p["base_days"] + p["weekly"])
    sus_sid, sus_i = SUSPENDED
    reserved[sus_sid].add(days[sus_i - 1])

    # Attendance: sample absence days away from test days, then tardies.
    status, moderate = {}, rng.sample([s[0] for s in students if s[0] not in CHRONIC], 12)
    for sid, *_ in students:
        st = {d: "present" for d in days}
        if sid == sus_sid:
            st[days[sus_i]] = "suspended"
        free = [d for d in days if d not in reserved[sid] and st[d] == "present"]
        n_abs = CHRONIC.get(sid) or (
            rng.randint(5, 8) if sid in moderate else rng.choice([0, 0, 1, 1, 2, 2, 3])
        )
        if sid in MON_FRI:
            mf = [d for d in free if d.weekday() in (0, 4)]
            other = [d for d in free if d.weekday() not in (0, 4)]
            chosen = rng.sample(mf, n_abs - 2) + rng.sample(other, 2)
        else:
            chosen = rng.sample(free, n_abs)
        excused = 0.3 if sid in CHRONIC else 0.7
        for d in chosen:
            st[d] = "absent_excused" if rng.random() < excused else "absent_unexcused"
        free = [d for d in free if st[d] == "present"]
        if rng.random() < (0.4 if sid in CHRONIC else 0.15):
            st[rng.choice(free)] = rng.choice([0.25, 0.5])
        for d in rng.sample(free, rng.choice([0, 0, 0, 1, 1, 2, 3, 6])):
            if st[d] == "present":
                st[d] = "tardy"
        status[sid] = st

    def missed(sid):
        st = status[sid].values()
        return sum(v if isinstance(v, float) else v.startswith(("abs", "sus")) for v in st)

    # Progress monitoring scores: baseline probes, goal, weekly series.
    scores = []
    for p in plans:
        sd = PM_SD[p["measure"]]
        probes = [num(p["level"] + rng.gauss(0, sd), p["dec"]) for _ in range(3)]
        p["baseline"] = statistics.median(probes)
        weeks = (GOAL_DATE - p["start"]).days / 7
        if p["measure"] == "disruptions":
            p["goal"] = 1.0
        else:
            p["goal"] = round(p["baseline"] + rng.choice(RATES[p["measure"]]) * weeks)
        p["goal_date"] = GOAL_DATE
        p["values"] = pm_values(p, rng)
        for d, v in zip(p["base_days"] + p["weekly"], probes + p["values"]):
            scores.append((p["sid"], p["measure"], d, v, "progress"))

    # Screening: intervention students follow their own series.
    series = {(p["sid"], {"orf_pm": "orf", "math_pm": "math_comp"}.get(p["measure"])): p
              for p in plans}  # fmt: skip
    winter = {}
    for sid, *_, grade, _iep, _p504, _el in students:
        for m in ("orf", "math_comp"):
            cf, cw, mf, mw, sd = SCREEN[(grade, m)]
            noise = 3 if m == "orf" else 1
            if (sid, m) in series:
                p = series[(sid, m)]
                first = [q for q in plans if q["sid"] == sid][0]
                fall = min(round(first["level"] - noise + rng.gauss(0, noise)), cf - 1)
                win = round(p["values"][-1] + rng.gauss(0, noise))
            else:
                if sid in EXTRA_LOW[m]:
                    win = rng.randint(round(cw * 0.75), cw - 1)
                else:
                    while (win := round(rng.gauss(mw, sd))) < cw:
                        pass
                fall = max(0, round(win - (mw - mf) + rng.gauss(0, sd / 3)))
            winter[(sid, m)] = win
            scores += [(sid, m, FALL, fall, "screening"), (sid, m, WINTER, win, "screening")]
        if sid in SRSS_HIGH:
            srss = SRSS_HIGH[sid]
        elif sum(INCIDENTS.get(sid, (0, 0))) >= 2:
            srss = rng.randint(4, 8)
        else:
            srss = rng.choices(range(9), weights=[34, 24, 15, 10, 5, 4, 3, 3, 2])[0]
        scores.append((sid, "srss", SRSS_DAY, srss, "screening"))

    # Incidents on days the student was at school.
    events = [(sus_sid, days[sus_i - 1], "physical aggression", "playground", "major",
               "office referral", 725)]  # fmt: skip
    for sid, (n_recent, n_old) in INCIDENTS.items():
        here = [d for d in days[5:] if status[sid][d] in ("present", "tardy")]
        here = [d for d in here if d != days[sus_i - 1]]
        picks = rng.sample([d for d in here if d in recent], n_recent)
        picks += rng.sample([d for d in here if d < recent[0]], n_old)
        for d in picks:
            kind = rng.choices(list(TYPES), weights=list(TYPES.values()))[0]
            place = rng.choices(list(PLACES), weights=list(PLACES.values()))[0]
            major = rng.random() < (0.7 if kind == "physical aggression" else 0.15)
            acts = ["office referral", "office referral", "parent contact", "detention"]
            if not major:
                acts = ["conference", "conference", "loss of privilege", "parent contact"]
            lo, hi = rng.choice(WINDOWS[place])
            events.append((sid, d, kind, place, "major" if major else "minor",
                           rng.choice(acts), rng.randint(lo, hi)))  # fmt: skip
    events.sort(key=lambda e: (e[1], e[6], e[0]))

    # Self-checks: every storyline must be visible in the generated data.
    current = {p["sid"]: p for p in plans if p["end"] is None}
    below = [s for s, p in current.items() if all(r < 0 for r in residuals(p))
             and p["story"] != "descending"]  # fmt: skip
    above = [s for s, p in current.items() if all(r > 0 for r in residuals(p))]
    on_track = [s for s, p in current.items() if p["story"] in ("on_track", "above")
                and statistics.mean(residuals(p)) >= 0]  # fmt: skip
    desc = [s for s, p in current.items() if p["goal"] < p["baseline"]]
    two = sorted({p["sid"] for p in plans if p["end"]})
    rate = {sid: missed(sid) / N_DAYS for sid in status}
    chronic = {s: r for s, r in rate.items() if r >= 0.10}
    n_recent = {s: sum(e[0] == s and e[1] in recent for e in events) for s in status}
    busy = [s for s, n in n_recent.items() if n >= 2]
    cuts = [s for s, _, _, g, *_ in students
            if any(winter[(s, m)] < SCREEN[(g, m)][1] for m in ("orf", "math_comp"))]  # fmt: skip
    srss9 = [s[0] for s in scores if s[1] == "srss" and s[3] >= 9]
    flagged = set(cuts) | set(chronic) | set(busy) | set(srss9) | set(below) | set(desc)
    assert len(days) == N_DAYS and FALL in school and len(desc) == 1
    assert len(below) >= 4 and len(on_track) >= 4 and set(above) & set(on_track)
    assert desc[0] in above and desc[0] in busy and len(two) == 1
    assert all(len(p["weekly"]) >= 8 for p in current.values())
    assert len(chronic) >= 8 and max(rate.values()) >= 0.20 and len(busy) >= 6
    assert 50 <= len(events) <= 80 and 13 <= len(cuts) <= 22
    assert 25 <= len(flagged) <= 40, len(flagged)

    # Write everything.
    yn = {True: "yes", False: "no"}
    iso = dt.date.isoformat
    tables = {
        "students.csv": (
            "student_id,given_name,family_name,grade,school,iep,plan_504,english_learner",
            [(s, g, f, gr, "MHE", yn[a], yn[b], yn[c]) for s, g, f, gr, a, b, c in students],
        ),
        "staff.csv": ("staff_id,name,role", STAFF),
        "teams.csv": ("team,title,grades", [(t, v[0], v[1]) for t, v in TEAMS.items()]),
        "team_members.csv": (
            "team,staff_id",
            [(t, m) for t, v in TEAMS.items() for m in v[2].split()],
        ),
        "measures.csv": ("measure,domain,unit,direction,kind,title", MEASURES),
        "scores.csv": (
            "student_id,measure,date,value,source",
            [(s, m, iso(d), v, src) for s, m, d, v, src in sorted(scores, key=lambda r: r[:3])],
        ),
        "attendance.csv": (
            "student_id,date,status,fraction",
            [(s, iso(d), "partial" if isinstance(v, float) else v,
              v if isinstance(v, float) else "")
             for s in status for d, v in status[s].items()],
        ),  # fmt: skip
        "incidents.csv": (
            "incident_id,student_id,date,time,type,location,severity,action",
            [(f"I{i:04d}", s, iso(d), f"{t // 60:02d}:{t % 60:02d}", k, pl, sev, act)
             for i, (s, d, k, pl, sev, act, t) in enumerate(events, 1)],
        ),  # fmt: skip
        "interventions.csv": (
            "intervention_id,student_id,name,domain,tier,start_date,end_date,measure,"
            "baseline,goal_value,goal_date,interventionist,frequency,minutes",
            [(f"N{i:03d}", p["sid"], p["name"],
              "behavior" if p["dec"] else "academics", p["tier"], iso(p["start"]),
              iso(p["end"]) if p["end"] else "", p["measure"], p["baseline"],
              p["goal"], iso(p["goal_date"]), p["who"], p["freq"], p["minutes"])
             for i, p in enumerate(plans, 1)],
        ),  # fmt: skip
        "history/meetings.csv": (
            "meeting_id,team,protocol,date,started_at,ended_at,next_meeting_date,"
            "present,facilitator,minute_taker,data_analyst,timekeeper",
            [(m, t, "tips", "2026-11-13", f"2026-11-13T{a}:00", f"2026-11-13T{b}:00",
              "2026-12-04", ";".join(pr.split()), *roles.split())
             for m, t, a, b, pr, roles in MEETINGS],
        ),  # fmt: skip
        "history/decisions.csv": (
            "meeting_id,student_id,kind,rationale,recorded_by",
            [(m, s, k, r, {x[0]: x[5].split()[1] for x in MEETINGS}[m])
             for m, s, k, r in DECISIONS],
        ),  # fmt: skip
        "history/action_items.csv": (
            "meeting_id,student_id,what,owner,due_date,status",
            [(m, s, w, staff_name[o], f"2026-{due}", st) for m, s, w, o, due, st in ACTIONS],
        ),
    }
    assert all(s in current for _, s, *_ in DECISIONS)
    for name, (header, rows) in tables.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header.split(","))
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")
    print("first school day:", days[0], "| last-30 window from:", recent[0])
    print("on track:", on_track, "| last 4 above:", above, "| last 4 below:", below)
    print("descending:", desc, "| two interventions:", two)
    print("chronic:", {s: f"{r:.1%}" for s, r in chronic.items()})
    print(">=2 incidents in last 30 days:", busy)
    print(f"below winter cut ({len(cuts)}):", cuts)
    print("srss >= 9:", srss9, "| flagged:", len(flagged))


def main():
    default = Path(__file__).resolve().parent.parent / "sample_data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default, help="output directory")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
