"""Residents' self-check: a guided check of every benefit a registered poor worker can get.

A thin page: the questions come from engine.questions, the results from engine.evaluate, the
comparisons from engine.scenarios; ui/ draws them. Answers live in the URL (no personal data).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from engine import catalog, evaluate, totals
from engine.guidance import BY_ARTICLE, PROJECT_PARAMS
from engine.questions import (
    BY_FACT,
    QUESTIONS,
    RESIDENT_BENEFITS,
    STEPS,
    nest,
    past_school_age,
    relevant_facts,
)
from engine.scenarios import ANSWER, JOB_AWAY, compare, job_timeline
from i18n import N_
from ui import answers as url
from ui import charts, errors, questionnaire, results, takeaway
from ui import format as fmt
from ui.frame import Page, frame
from ui.summary import summary_html

STEP_ORDER = ("year", *(key for key, _ in STEPS), "results")
STEP_TITLES = {"year": N_("Which year"), **dict(STEPS), "results": N_("Your results")}
GUIDANCE_SHOWN = (8, 12, 13, 15)


def visible_steps(shown: list[str]) -> list[str]:
    """The steps that have a question to ask (the year and results steps always)."""
    with_questions = {BY_FACT[fact].step for fact in shown}
    return [s for s in STEP_ORDER if s in ("year", "results") or s in with_questions]


FROM_RESULTS = "from"  # ?from=results: the question was opened from the results, one tap takes it back
CONFIRM_KEY = "res_confirm_start_over"


def go(step: str) -> None:
    url.set_param(url.STEP_KEY, step)
    if step == "results":
        url.set_param(FROM_RESULTS, None)


def ask(fact: str) -> None:
    """Open the question of ``fact`` from the results: an answer changed there goes back in one tap."""
    go(BY_FACT[fact].step)
    url.set_param(FROM_RESULTS, "results")


def start_over() -> None:
    questionnaire.forget_widgets()
    st.session_state.pop(CONFIRM_KEY, None)
    url.clear_all()


def ask_to_start_over() -> None:
    st.session_state[CONFIRM_KEY] = True


def keep_answers() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def year_step(page: Page) -> None:
    _ = page._
    st.markdown(fmt.md_escape(_(
        "The policy covered 1 July 2018 to 31 December 2020. Which year do you want to check?")))
    labels = {y: y for y in url.YEAR_CHOICES[:-1]} | {url.LATER: _("2021 or later")}
    current = st.query_params.get(url.YEAR_KEY)
    st.radio(_("Year of the situation"), url.YEAR_CHOICES, format_func=labels.__getitem__, horizontal=True,
             index=url.YEAR_CHOICES.index(current) if current in url.YEAR_CHOICES else None,
             key="res_year", on_change=lambda: url.set_param(url.YEAR_KEY, st.session_state.get("res_year")))
    if current == url.LATER:
        st.warning(fmt.md_escape(_(
            "The policy ended on 31 December 2020, so nothing can be applied for under it for 2021 or later. Later "
            "rules (such as 宁党发〔2021〕15号) are not covered by this site yet: ask the county human resources "
            "and social security bureau or call 12333.")), icon=":material/event_busy:")
        st.markdown(fmt.md_escape(_(
            "To check what the policy offered in 2018, 2019 or 2020 instead, choose that year above.")))


def question_step(step: str, shown: list[str], answers: dict[str, Any], rejected: list[str], page: Page) -> None:
    for question in QUESTIONS:
        if question.step == step and (question.fact in shown or url.url_key(question.fact) in rejected):
            questionnaire.draw(question, answers, page, rejected=url.url_key(question.fact) in rejected)


def navigation(step: str, steps: list[str], page: Page) -> None:
    _ = page._
    position = steps.index(step)
    no_year = step == "year" and not st.query_params.get(url.YEAR_KEY)
    with st.container(horizontal=True):
        if st.query_params.get(FROM_RESULTS) == "results" and step not in ("results", "year"):
            st.button(_("Back to my results"), type="primary", icon=":material/fact_check:", on_click=go,
                      args=("results",))
        if position > 0:
            st.button(_("Back"), icon=":material/arrow_back:", on_click=go, args=(steps[position - 1],))
        if step != "results" and st.query_params.get(url.YEAR_KEY) != url.LATER:
            label = _("See my results") if steps[position + 1] == "results" else _("Next")
            st.button(label, type="secondary" if st.query_params.get(FROM_RESULTS) else "primary",
                      icon=":material/arrow_forward:", on_click=go, args=(steps[position + 1],), disabled=no_year)
    if no_year:
        st.caption(fmt.md_escape(_("Choose a year above to go on.")))
    if st.session_state.get(CONFIRM_KEY):
        with st.container(border=True, key="confirm_start_over"):
            st.markdown(fmt.md_escape(_("Start over? Every answer you gave will be forgotten.")))
            with st.container(horizontal=True):
                st.button(_("Yes, start over"), icon=":material/restart_alt:", on_click=start_over)
                st.button(_("No, keep my answers"), type="primary", on_click=keep_answers)
    else:
        st.button(_("Start over"), icon=":material/restart_alt:", on_click=ask_to_start_over, type="tertiary")


def progress(step: str, steps: list[str], page: Page) -> None:
    """Where the person is, out of every step there can be: the count does not change as answers come in
    (a step with no question for this person is passed over, not taken out of the count)."""
    _ = page._
    position = STEP_ORDER.index(step)
    st.progress((position + 1) / len(STEP_ORDER), text=_("Step {number} of {count}: {title}").format(
        number=position + 1, count=len(STEP_ORDER), title=_(STEP_TITLES[step])))


def resident_results(answers: dict[str, Any], page: Page) -> None:
    _ = page._
    on = url.assessment_date(st.query_params.get(url.YEAR_KEY))
    if on is None:
        st.info(fmt.md_escape(_("Choose the year first.")), icon=":material/event:")
        st.button(_("Choose the year"), on_click=go, args=("year",))
        return
    out = evaluate(nest(answers), on, lang=page.lang)
    mine = [r for r in out["results"] if r["benefit"] in shown_benefits(answers, on)]
    summed = totals.total(mine, page.lang, payees=totals.PAID_TO_RESIDENT)
    county = answers.get("person.county")
    groups = results.grouped(mine, person=True)
    if out["in_force"]:
        st.caption(fmt.md_escape(_("Situation assessed on {date}.").format(date=fmt.date_text(on, page.lang))))
    headline(groups, summed, page)
    if page.kiosk:  # at a kiosk the way to take the result away comes first, before the details
        take_away(page, mine, on, summed, answers)
    for key, title, icon in results.GROUPS:
        if groups[key]:
            st.subheader(f"{icon} {fmt.md_escape(_(title))} ({len(groups[key])})", anchor=f"group-{key}")
            for result in groups[key]:
                results.card(result, page, county=county, ask=ask)
    guidance(page)
    if out["in_force"]:
        comparisons(answers, on, page)
    your_answers(answers, page)
    if not page.kiosk:
        take_away(page, mine, on, summed, answers)


def headline(groups: dict[str, list[dict[str, Any]]], summed: totals.Total, page: Page) -> None:
    """What the person can apply for, named, first; then the money paid to them and what that sum leaves out."""
    _ = page._
    due = groups["apply"]
    names = [_(catalog.BY_ID[r["benefit"]].label) for r in due]
    if due:
        st.markdown("**" + fmt.md_escape(page.ngettext(
            "You can apply for {count} benefit: {names}.", "You can apply for {count} benefits: {names}.",
            len(due)).format(count=fmt.number(len(due), page.lang), names=fmt.words(names, page.lang))) + "**")
    elif groups["not_yet"] or groups["need"]:
        st.markdown("**" + fmt.md_escape(_(
            "Nothing you can apply for yet with these answers: below is what is not yet due, and what we need "
            "to know.")) + "**")
    else:  # only what is not for the person (or outside the period): say no more than that
        st.markdown("**" + fmt.md_escape(_("Nothing you can apply for with these answers: below is why.")) + "**")
    st.metric(_("First-year amount you can apply for, paid to you"), fmt.money(summed.amount, page.lang))
    for entry in summed.left_out:  # two benefits that do not go together: the total says which one it counted
        st.caption(fmt.md_escape(entry["reason"]["text"]))
    waiting = [_(catalog.BY_ID[r["benefit"]].label) for r in due if r["amount"] is None and r["missing_figures"]]
    if waiting:
        st.caption(fmt.md_escape(_("Not counted yet: {names} (the amount depends on a figure we do not have; see "
                                   "the card).").format(names=fmt.words(waiting, page.lang))))
    for result in groups["school"]:
        st.caption(fmt.md_escape(_("Not counted: {amount} to your school for your training ({name}); it is not "
                                   "paid to you.").format(amount=fmt.money(result["amount"] or 0, page.lang),
                                                          name=_(catalog.BY_ID[result["benefit"]].label))))


def shown_benefits(answers: dict[str, Any], on: date) -> tuple[str, ...]:
    """The resident benefits to show: school-leaver benefits only to those asked about school."""
    if past_school_age(answers, on) and "person.two_after_student" not in answers:
        return tuple(b for b in RESIDENT_BENEFITS if not b.startswith("two_after"))
    return RESIDENT_BENEFITS


def guidance(page: Page) -> None:
    _ = page._
    st.subheader(_("Good to know"), anchor="guidance")
    for article in GUIDANCE_SHOWN:
        for entry in BY_ARTICLE[article]:
            with st.expander(f"{_(entry.title)} · {results.citation(article, page)}"):
                st.markdown(fmt.md_escape(_(entry.meaning).format(**PROJECT_PARAMS)))
                st.markdown("\n".join(f"- {fmt.md_escape(_(line))}" for line in entry.to_do))
                st.caption(fmt.md_escape(_(entry.contact)))


# Each choice of the comparison as the hypothesis it is (issue 26): the engine assessed the person as if they made
# it, so a row never says "you can apply" of a choice the person has not made.
IF_CHOICE = {
    "same_county": N_("If you worked in your home county"),
    "other_county": N_("If you worked in another county of Ningxia"),
    "other_province": N_("If you worked in another province"),
    "public_welfare_post": N_("If you took a public-welfare post"),
    "business": N_("If you started a business that employs others"),
}
IF_OTHER = N_("If you chose “{choice}”")
# What the engine says of the choice, worded as a what-if: {choice} is the "if" above, {benefit} the benefit's name.
COULD = N_("{choice}, you could apply for “{benefit}”: {amount}.")
COULD_FROM = N_("{choice}, you could apply for “{benefit}”: {amount}, from {date}.")
COULD_UNKNOWN = N_("{choice}, you could apply for “{benefit}”; its amount depends on a published figure.")
TOO_LATE_FOR = N_("{choice}, you could not apply for “{benefit}” before the policy ends.")
COULD_NOT = N_("{choice}, you could not apply for “{benefit}”.")
NOT_YET_IF = N_("{choice}, you could not apply for “{benefit}” yet.")
MORE_ANSWERS = N_("{choice}, we would need more answers to tell whether you could apply for “{benefit}”.")
ALREADY = N_("You already meet this choice ({choice}): you can apply for “{benefit}”: {amount}.")
STILL_NEEDED = N_("Still needed: {needs}")
WHY_NOT = N_("Why not: {reasons}")


@st.fragment
@errors.guard
def comparisons(answers: dict[str, Any], on, page: Page) -> None:
    """Where to work, and what months in a job unlock: a chart, and each choice as a line with what it needs.

    The rows are the engine's (``engine.scenarios.compare``): each choice's amount is the rules' own on the
    profile with the choice's change, and "what you still need" is every part the person lacks today. Each row
    is worded as the hypothesis it is ("If you worked in another province, you could apply for …; still needed:
    …"), and so are the chart's labels.
    """
    _ = page._
    st.subheader(_("Compare your choices"), anchor="compare")
    rows = compare(answers, on, lang=page.lang)
    shown = [_comparison_row(row, page) for row in rows]
    choice, amount, status = _("If you made this choice"), _("First year, if so (yuan)"), _("What it would bring")
    st.markdown(fmt.md_escape(_("Each line is a what-if: what you could apply for in its first year under this "
                                "policy if you made that choice, your other answers as they are, and what you "
                                "would still need for it.")))
    for row in shown:  # one line per choice, readable on a phone: what it would bring, and what it needs
        with st.container(border=True, key=f"choice_{row['scenario']}"):
            st.markdown(fmt.md_escape(row["sentence"]))
            if row["needs_text"]:
                st.caption(fmt.md_escape(row["needs_text"]))
    if charts.chart_wanted(page, "res_compare"):
        st.vega_lite_chart(charts.scenario_chart(shown, label=choice, amount=amount, status=status,
                                                 money=lambda x: fmt.money(x, page.lang)), width="stretch")
    if answers.get("person.job.place") in JOB_AWAY:  # the timeline is about the person's own job away from home
        timeline_view(answers, on, page)


def _listed(items: list[str], lang: str) -> str:
    """Items one after another, with the language's semicolon, ended as a sentence; a question keeps its question
    mark, with no semicolon or full stop after it ("…吗？" not "…吗？；")."""
    zh = lang == "zh_CN"
    question, separator, stop, strip = ("？", "；", "。", "。；") if zh else ("?", "; ", ".", ".;")
    parts = [item.rstrip(strip) for item in items]
    text = ""
    for number, part in enumerate(parts):
        text += part
        if not part.endswith(question):
            text += separator if number < len(parts) - 1 else stop
        elif number < len(parts) - 1 and not zh:
            text += " "
    return text


def _comparison_row(row: dict[str, Any], page: Page) -> dict[str, Any]:
    """A row of the comparison as the chart and the list show it (texts in the page's language), each worded as
    the what-if the engine assessed."""
    _ = page._
    due = row["status"] == "eligible" and row["in_time"]
    hypothesis = (_(IF_CHOICE[row["scenario"]]) if row["scenario"] in IF_CHOICE
                  else _(IF_OTHER).format(choice=row["label"]["text"]))
    benefit = _(catalog.BY_ID[row["benefit"]].label)
    needs = [m["text"] for m in row["still_needed"]]
    amount = fmt.money(row["amount"], page.lang)
    words = {"choice": hypothesis, "benefit": benefit, "amount": amount,
             "date": fmt.date_text(date.fromisoformat(row["from"]), page.lang)}
    if due and not needs:  # nothing lacking: the engine's result for the person's own answers
        sentence = _(ALREADY).format(**{**words, "choice": row["label"]["text"]})
        status_text = _("You can apply")
    elif due:
        wording = COULD_UNKNOWN if not row["amount_known"] else COULD_FROM if row["months"] else COULD
        sentence = _(wording).format(**words)
        status_text = _("You could apply")
    elif row["status"] in ("eligible", "needs_info") and not row["in_time"]:  # whatever the answers still missing
        sentence, status_text = _(TOO_LATE_FOR).format(**words), _("Not before the policy ends")
        needs = [m["text"] for m in row["still_needed"] if m["id"] != ANSWER]  # no question to answer for nothing
    elif row["status"] == "needs_info":
        sentence, status_text = _(MORE_ANSWERS).format(**words), _(results.STATUS_TEXT["needs_info"])
    elif row["status"] == "not_eligible" and row["next"]:  # not yet: the engine's step from the choice
        sentence, status_text = _(NOT_YET_IF).format(**words), _(results.STATUS_TEXT["not_eligible"])
    elif row["status"] == "not_eligible":
        sentence, status_text = _(COULD_NOT).format(**words), _("You could not apply")
    else:
        sentence, status_text = _(results.STATUS_TEXT[row["status"]]), _(results.STATUS_TEXT[row["status"]])
    listed = _listed(needs, page.lang) if needs else ""
    if not needs:
        needs_text = ""
    elif row["status"] == "not_eligible" and row["next"]:  # why not yet, and the step that makes it due
        needs_text = fmt.sentences([_(WHY_NOT).format(reasons=listed), *(step["text"] for step in row["next"])],
                                   page.lang)
    elif row["status"] == "not_eligible":  # the conditions the choice does not fix
        needs_text = _(WHY_NOT).format(reasons=listed)
    else:
        needs_text = _(STILL_NEEDED).format(needs=listed)
    amount_text = (amount if row["amount_known"] else _("Amount depends on a published figure")) if due else "—"
    return {"scenario": row["scenario"], "label": hypothesis, "amount": row["amount"] if due else 0,
            "status": row["status"], "eligible": due, "status_text": status_text, "amount_text": amount_text,
            "sentence": sentence, "needs_text": needs_text}


def timeline_view(answers: dict[str, Any], on, page: Page) -> None:
    """The months of a stable job away from home against the transport subsidy, up to the policy's end."""
    _ = page._
    timeline = job_timeline(answers, on)
    month, money = _("Months in the job"), _("Transport subsidy (yuan)")
    place = _("in another province") if timeline[0]["place"] == "other_province" else _("in another county of Ningxia")
    st.markdown(fmt.md_escape(_("Months in a stable job {place}, with a labour contract and social insurance, "
                                "against the subsidy they unlock before the policy ends.").format(place=place)))
    unlock = next((r["month"] for r in timeline if r["status"] == "eligible"), None)
    ends = next((r["month"] for r in timeline if r["period"] == "after"), None)
    now = next((r["month"] for r in timeline if r["now"]), None)
    if charts.chart_wanted(page, "res_timeline"):
        st.vega_lite_chart(charts.timeline_chart(timeline, month=month, amount=money, rule_month=unlock,
                                                 rule_label=_("you can apply"), now=now, now_label=_("you are here"),
                                                 end_month=ends, end_label=_("policy ends")),
                           width="stretch")
    with st.expander(_("Table of the timeline")):
        when = _("Reached on")
        outside = {"before": _("before the policy began"), "after": _("policy ended")}
        st.table({month: [r["month"] for r in timeline],
                  when: [fmt.date_text(date.fromisoformat(r["date"]), page.lang) for r in timeline],
                  money: [outside[r["period"]] if r["period"] in outside else fmt.money(r["amount"], page.lang)
                          for r in timeline]})


def answered(answers: dict[str, Any], page: Page) -> list[tuple[str, str, str]]:
    return [(q.fact, questionnaire.label_of(q, answers, page), questionnaire.answer_text(q.fact, answers[q.fact], page))
            for q in QUESTIONS if q.fact in answers]


def your_answers(answers: dict[str, Any], page: Page) -> None:
    _ = page._
    st.subheader(_("Your answers"), anchor="answers")
    year = st.query_params.get(url.YEAR_KEY)
    year_label = _("2021 or later") if year == url.LATER else year
    with st.container(horizontal=True, vertical_alignment="center"):
        label = _("Year of the situation")
        st.markdown(f"{fmt.md_escape(fmt.with_colon(label, page.lang))}{fmt.after_colon(page.lang)}"
                    f"**{fmt.md_escape(year_label or '—')}**")
        st.button(_("Change"), key="edit_year", on_click=go, args=("year",), type="tertiary", icon=":material/edit:")
    for fact, label, text in answered(answers, page):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"{fmt.md_escape(label)} **{fmt.md_escape(text)}**")
            st.button(_("Change"), key=f"edit_{fact.replace('.', '_')}", on_click=ask, args=(fact,), type="tertiary",
                      icon=":material/edit:")


def take_away(page: Page, mine: list[dict[str, Any]], on, summed: totals.Total, answers: dict[str, Any]) -> None:
    """The QR code and link of this result, a print button, and (not at a kiosk) the summary to download."""
    _ = page._
    rows = [(q, a) for _f, q, a in answered(answers, page)]
    document = summary_html(page, mine, on=on, summed=summed, answers=rows, link=takeaway.link(),
                            county=answers.get("person.county"))
    takeaway.offer(page, document=document)
    if not page.kiosk:  # nothing is downloaded on a shared screen
        st.download_button(_("Download a one-page summary to print"), document.encode("utf-8"),
                           file_name="summary.html", mime="text/html", icon=":material/download:", on_click="ignore")


def main() -> None:
    page = frame(N_("Check what you can apply for"))
    _ = page._
    st.title(_("Check what you can apply for"), anchor="top")
    answers, rejected = url.current_answers()
    if rejected:
        labels = [page._(BY_FACT[url.PREFIX + key].label) if url.PREFIX + key in BY_FACT else key for key in rejected]
        st.warning(fmt.md_escape(_("Some answers in this link were not valid and were left out: {keys}").format(
            keys="; ".join(labels))), icon=":material/warning:")
    on = url.assessment_date(st.query_params.get(url.YEAR_KEY))
    shown = relevant_facts(answers, on) if on else []
    steps = visible_steps(shown)
    step = st.query_params.get(url.STEP_KEY)
    if st.query_params.get(url.YEAR_KEY) == url.LATER:
        step, steps = "year", ["year"]  # nothing can be claimed after the policy: the notice is the answer
    if step not in steps:
        step = "year" if step not in STEP_ORDER else next(s for s in steps if STEP_ORDER.index(s) >= STEP_ORDER.index(step))
    if step == "year":
        st.markdown(fmt.md_escape(_(
            "A few questions about your situation, then every benefit of the policy you can apply for, how much, "
            "what is still missing and where to go. We never ask your name, ID number or phone number.")))
    progress(step, steps, page)
    st.header(_(STEP_TITLES[step]), anchor=f"step-{step}")
    if step == "year":
        year_step(page)
    elif step == "results":
        resident_results(answers, page)
    else:
        if on is not None:  # the questions say "now": the situation is the one on the day assessed
            st.caption(fmt.md_escape(_("Answer for your situation on {date}: “now” in the questions means that "
                                       "day.").format(date=fmt.date_text(on, page.lang))))
        question_step(step, shown, answers, rejected, page)
    navigation(step, steps, page)


errors.run(main)
