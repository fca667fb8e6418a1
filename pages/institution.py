"""Training institutions: the 两后生 cohort calculator (article 十一), the training routes (八), employer-led
training (九, 十) and the special-ability assessment (十二).

A thin page: amounts come from the engine (engine.evaluate through engine.employer.results); ui/ draws them.
Session-state keys start with ``inst_``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from engine import employer as emp
from engine.guidance import BY_ARTICLE, PROJECT_PARAMS
from engine.roster.students import STUDENTS, summarise
from i18n import N_
from ui import cohort_charts as charts
from ui import errors, needs, results, takeaway
from ui import format as fmt
from ui import roster_check as lists
from ui import url_state as url
from ui.frame import LANG_KEY, Page, frame

SECTIONS = (
    ("two-after", N_("“Two-after” students (两后生)")),
    ("students", N_("Check a list of students")),
    ("routes", N_("Two training routes")),
    ("employers", N_("Training for employers")),
    ("assessment", N_("Special vocational ability assessment")),
)
MAX_STUDENTS = 100_000
BENEFITS = ("two_after_training_grant", "two_after_study_aid")
KINDS = {
    "technical_school": N_("A technical school (技工院校)"),
    "training_institution": N_("Another training institution"),
    "enterprise": N_("An enterprise"),
}
# Article (八)'s two routes, side by side: what each party does and who is paid.
ROUTES = (
    (N_("The person chooses the institution"), (
        N_("The trainee picks a recognised institution and course."),
        N_("Institution: train, assess and help the trainee obtain the certificate."),
        N_("Trainee: finish the course and obtain the certificate."),
        N_("Who is paid: the trainee, after the certificate."))),
    (N_("The government buys a programme"), (
        N_("The government buys a whole training programme from an institution or enterprise."),
        N_("Institution: run the programme and keep attendance and results."),
        N_("Trainee: join the programme; it costs nothing."),
        N_("Who is paid: the institution, after the training is completed."))),
)
# The questions of this page, by the engine's fact each answers (msgids): a card names the one still to answer.
QUESTIONS = {
    "institution.kind": N_("What kind of institution are you?"),
    "institution.two_after_passed": N_("Completed and passed"),
}
# Columns of the students' table in the order shown (the download keeps the engine's order).
SHOWN_ORDER = ("row", "name", "student_status", "student_reason", "student_next", "problems", "id")


def cohort_amounts(kind: str, passed: int, on: date, lang: str | None) -> dict[str, dict]:
    facts = {"institution.kind": kind, "institution.two_after_passed": passed}
    return emp.results(facts, on, lang, BENEFITS)


def institution_kind(page: Page) -> str | None:
    """The kind of institution, unanswered until chosen: only a technical school is paid (Article 11 (十一))."""
    _ = page._
    return url.choice(page, st.radio, _(QUESTIONS["institution.kind"]), "kind", "inst_kind", options=list(KINDS),
                      format_func=lambda k: _(KINDS[k]), horizontal=True)


def card(page: Page, result: dict) -> None:
    results.card(result, page, county=None, questions=needs.asked_above(page, QUESTIONS))


def count_input(page: Page, label: str, param: str) -> int | None:
    """A count kept in the URL; empty until the visitor types it (no amount they did not ask for)."""
    value = url.number(page, label, param, f"inst_{param}", maximum=MAX_STUDENTS, step=1)
    return None if value is None else int(value)


def amount_of(result: dict) -> float:
    return float(result.get("amount") or 0)


# An example the visitor opens by choice, its every answer named on the link (the kind of school included).
EXAMPLE = {"kind": "technical_school", "enrolled": 40, "completed": 35, "passed": 35}


def counts(page: Page) -> tuple[int, int, int, list[str]] | None:
    """Enrolled, completed and passed students, ``None`` until all three are typed; each problem is shown
    beside its field."""
    _ = page._
    first, second, third = st.columns(3)
    with first:
        enrolled = count_input(page, _("Students enrolled"), "enrolled")
    with second:
        completed = count_input(page, _("Completed one semester"), "completed")
        if None not in (completed, enrolled) and completed > enrolled:
            st.error(fmt.md_escape(page.ngettext("Cannot be more than the {count} student enrolled.",
                                                 "Cannot be more than the {count} students enrolled.", enrolled).format(
                count=fmt.number(enrolled, page.lang))), icon=":material/error:")
    with third:
        passed = count_input(page, _(QUESTIONS["institution.two_after_passed"]), "passed")
        if None not in (passed, completed) and passed > completed:
            st.error(fmt.md_escape(page.ngettext(
                "Cannot be more than the {count} student who completed the semester.",
                "Cannot be more than the {count} students who completed the semester.", completed).format(
                count=fmt.number(completed, page.lang))), icon=":material/error:")
    if None in (enrolled, completed, passed):
        st.info(fmt.md_escape(_("Type the three numbers to see what the cohort brings.")), icon=":material/edit:")
        example = _("See an example: a technical school (技工院校) with {enrolled} enrolled, {completed} completed "
                    "and {passed} passed").format(
            **{key: fmt.number(value, page.lang) for key, value in EXAMPLE.items() if key != "kind"})
        st.page_link("pages/institution.py", label=example, icon=":material/lightbulb:",
                     query_params={**page.query, **{key: str(value) for key, value in EXAMPLE.items()}})
        return None
    problems = ["completed"] * (completed > enrolled) + ["passed"] * (passed > completed)
    return int(enrolled), int(completed), int(passed), problems


def two_after(page: Page, on: date) -> str | None:
    _ = page._
    st.header(_("“Two-after” students (两后生)"), anchor="two-after")
    st.markdown(fmt.md_escape(_(
        "For each “two-after” student from a registered poor family (建档立卡贫困家庭) who trains for one semester "
        "at a technical school (技工院校) and passes: a training grant to the school from the employment subsidy "
        "fund, and poverty-alleviation study aid to the student from the special poverty-alleviation fund.")))
    st.info(fmt.md_escape(_(
        "During the training the student pays no tuition, accommodation fees (bedding included) or practice-"
        "material fees: they are waived, so do not charge them.")), icon=":material/school:")
    kind = institution_kind(page)
    cohort(page, on, kind)
    return kind


@st.fragment
@errors.guard
def cohort(page: Page, on: date, kind: str | None) -> None:
    """The cohort's counts, what it brings, the chart, and the take-away of that result.

    A fragment: answering a count reruns this section alone (nothing else reads the counts). The take-away is
    in it so that its link and QR code always hold the counts on screen.
    """
    _ = page._
    typed = counts(page)
    if typed is None:
        takeaway.offer(page)
        return
    enrolled, _done, passed, problems = typed
    if problems:
        st.warning(fmt.md_escape(_("Correct the numbers above to see the amounts.")), icon=":material/warning:")
        return
    found = cohort_amounts(kind, passed, on, page.lang)
    grant, aid = found["two_after_training_grant"], found["two_after_study_aid"]
    if grant["status"] == "eligible":  # the amounts, and who is paid, only as the engine says them for this school
        school, students = amount_of(grant), amount_of(aid)
        left, middle, right = st.columns(3)
        left.metric(_("To the school"), fmt.money(school, page.lang))
        middle.metric(_("To the students"), fmt.money(students, page.lang))
        right.metric(_("Not counted now"), fmt.number(enrolled - passed, page.lang),
                     help=_("Enrolled students who have not completed a semester and passed, on the day assessed."))
        said = page.ngettext("{passed} of {enrolled} students passed: {school} to the school and {students} to the "
                             "student.",
                             "{passed} of {enrolled} students passed: {school} to the school and {students} to the "
                             "students.", passed)
        unpaid = enrolled - passed
        words = {"passed": fmt.number(passed, page.lang), "enrolled": fmt.number(enrolled, page.lang),
                 "school": fmt.money(school, page.lang), "students": fmt.money(students, page.lang),
                 "unpaid": fmt.number(unpaid, page.lang)}
        parts = [said.format(**words)]
        if unpaid:  # the rule, not a verdict: whether one of them could still pass in time is not known here
            parts.append(page.ngettext(
                "{unpaid} student does not count now: a student counts after completing a semester and passing.",
                "{unpaid} students do not count now: a student counts after completing a semester and passing.",
                unpaid).format(**words))
        st.markdown(fmt.md_escape(fmt.sentences(parts, page.lang)))
    for benefit in BENEFITS:
        card(page, found[benefit])
    if grant["status"] == "eligible":
        cohort_chart(page, on, kind, enrolled, passed)
    takeaway.offer(page)  # the counts are in the link; a list never is


def cohort_chart(page: Page, on: date, kind: str, enrolled: int, passed: int) -> None:
    _ = page._
    st.subheader(_("Who receives what as the pass count varies"), anchor="cohort-chart")
    count, school, students = _("Students passed"), _("To the school"), _("To the students")
    rows = []
    for n in charts.counts_to_show(max(enrolled, passed, 1), passed):
        found = cohort_amounts(kind, n, on, None)  # amounts only: no texts
        rows.append({"count": n, school: amount_of(found["two_after_training_grant"]),
                     students: amount_of(found["two_after_study_aid"])})
    charts.chart_and_table(page, "inst_cohort", rows, count=count, series=(school, students), you=passed,
                           note=page.ngettext("The vertical line marks your {passed} passed student.",
                                              "The vertical line marks your {passed} passed students.",
                                              passed).format(passed=fmt.number(passed, page.lang)))


def student_list(page: Page, on: date, kind: str | None) -> None:
    """Each student of a list: paid for or why not; the totals from the same rules as the calculator."""
    _ = page._
    st.header(_("Check a list of students"), anchor="students")
    st.markdown(fmt.md_escape(_(
        "Upload your list of “two-after” students: each row says whether the student brings the training grant "
        "and the study aid, or why not yet, with the smallest next step. The totals use the kind of institution "
        "chosen above.")))
    check = lists.upload_and_check(
        page, key="inst_students", kind=STUDENTS, on=on, label=_("List of students (CSV or XLSX)"),
        sheet=N_("Students"), stem="students",
        note=N_("Other columns are ignored. Name and ID number are optional (an ID number is checked and shown "
                "masked); leave “passed” empty while a student has not been assessed."))
    if check is None:
        return
    summary = summarise(check, kind, page.lang)
    student_totals(page, summary)
    lists.rows_and_downloads(page, check, key="inst_students", stem="students-results", order=SHOWN_ORDER)


def student_totals(page: Page, summary: dict) -> None:
    _ = page._
    lists.counts_line(page, summary)
    found = summary["results"]
    school, students = amount_of(found[BENEFITS[0]]), amount_of(found[BENEFITS[1]])
    if found[BENEFITS[0]]["status"] == "eligible":
        st.markdown("**" + fmt.md_escape(page.ngettext(
            "{count} student counts: {school} to the school and {students} to the student.",
            "{count} students count: {school} to the school and {students} to the students.",
            summary["counts"]).format(
            count=fmt.number(summary["counts"], page.lang), school=fmt.money(school, page.lang),
            students=fmt.money(students, page.lang))) + "**")
    else:
        st.markdown(fmt.md_escape(needs.why_not_yet(page, found[BENEFITS[0]], QUESTIONS)))
    upper = summary["if_all_known"]
    if upper is not None and upper[BENEFITS[0]]["status"] == "eligible":
        st.caption(fmt.md_escape(page.ngettext(
            "If the {count} student still unknown counted: {school} to the school and {students} to the students.",
            "If all {count} students still unknown counted: {school} to the school and {students} to the "
            "students.", summary["needs_info"]).format(count=fmt.number(summary["needs_info"], page.lang),
                                school=fmt.money(amount_of(upper[BENEFITS[0]]), page.lang),
                                students=fmt.money(amount_of(upper[BENEFITS[1]]), page.lang))))


def guidance_block(page: Page, article: int) -> None:
    _ = page._
    for entry in BY_ARTICLE[article]:
        st.markdown(fmt.md_escape(_(entry.meaning).format(**PROJECT_PARAMS)))
        st.markdown("\n".join(f"- {fmt.md_escape(_(line).format(**PROJECT_PARAMS))}" for line in entry.to_do))
        st.caption(fmt.md_escape(_(entry.contact)))


def routes(page: Page) -> None:
    _ = page._
    st.header(_("Two training routes"), anchor="routes")
    st.caption(fmt.md_escape(results.citation(8, page)))
    for column, (title, steps) in zip(st.columns(2), ROUTES, strict=True):
        with column:
            st.subheader(_(title))
            st.markdown("\n".join(f"- {fmt.md_escape(_(step))}" for step in steps))
    # The routes as an institution reads them; article (八)'s guidance speaks to the trainee ("paid to you").


def employers(page: Page) -> None:
    _ = page._
    st.header(_("Training for employers"), anchor="employers")
    st.markdown(fmt.md_escape(_(
        "Employers in Ningxia that hire poor workers and give them induction, job-change or on-the-job skills "
        "training can apply for the region's training and assessment subsidy once the workers obtain a certificate "
        "(Article 10 (十)). Employers outside Ningxia that hire Ningxia's registered poor workers with a labour "
        "contract of a year or more and social insurance, working outside Ningxia, and give them pre-job or "
        "on-the-job skills training can apply to the worker's home county (Article 9 (九)). An institution can run this training for the employer; the subsidy goes to the employer, at the "
        "region's standard by occupation and level, which the county employment service centre gives.")))
    st.page_link("pages/employer.py", label=_("The employers' page: training support (Articles 9 (九) and 10 (十))"),
                 icon=":material/factory:", query_params={LANG_KEY: page.lang})


def assessment(page: Page) -> None:
    _ = page._
    st.header(_("Special vocational ability assessment"), anchor="assessment")
    st.caption(fmt.md_escape(results.citation(12, page)))
    guidance_block(page, 12)


def main() -> None:
    page = frame(N_("Training institutions"))
    _ = page._
    st.title(_("Training institutions"), anchor="top")
    st.markdown(fmt.md_escape(_(
        "What a technical school or training institution can apply for under this policy, what its students can "
        "apply for, and the training routes it can offer.")))
    st.markdown(" · ".join(f"[{fmt.md_escape(_(title))}](#{anchor})" for anchor, title in SECTIONS))
    on = url.situation_date(page, "inst_date")
    kind = two_after(page, on)
    student_list(page, on, kind)
    routes(page)
    employers(page)
    assessment(page)


errors.run(main)
