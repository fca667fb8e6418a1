"""The "where to work" comparison for residents, and the months a job takes to unlock its subsidy.

Each choice changes a few facts of the person (``change``: a job in another province for a year with a contract
and social insurance; a business run for a year that employs someone), and the rules themselves assess the
profile with that change on the same date: ``status`` and ``amount`` are the engine's, nothing is computed here.
``still_needed`` says what the person lacks today for that choice, in translatable messages: each part of the
change they do not already meet, every question still unanswered, the last day to do what it asks (``by``), and,
when it cannot be done before the policy's end, that too; for a choice that would not pay whatever they did, the
conditions the choice does not fix (a job in the home county, an age, a household not registered poor) instead.
It is empty only when the person already meets the choice.

``months``, ``from``, ``by`` and ``in_time`` follow the rule of next steps (:mod:`engine.steps`): a part that
lasts while it runs (months in the job one has) counts from the day assessed; a part to be done (a new job, a
contract, a business) is done after it (reading ``action_after_day_assessed``), its months from the day after.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine import policy
from engine.evaluate import ELIGIBLE, evaluate
from engine.messages import Message
from engine.params import values_on
from engine.questions import nest, question_for
from engine.remedies import Plan, part
from engine.steps import ACTION_LATE_WORDS, DAY, Timing, add_months, deadline, no_day_left, timing
from i18n import N_, Nn_

PLACE, MONTHS, CONTRACT, INSURANCE = "person.job.place", "person.job.months", "person.job.contract", \
    "person.job.social_insurance"
BUSINESS, BUSINESS_MONTHS, EMPLOYS = "person.business.kind", "person.business.months", \
    "person.business.employs_others"
JOB_AWAY = ("other_county_in_region", "other_province")
CONTRACTS = ("under_1_year", "1_year_or_more")  # article (一) asks for a signed contract of any length
BUSINESSES = ("micro_enterprise", "individual")
ANSWER = N_("Answer: {question}")
TOO_LATE = N_("That takes until {date}, after the policy ends on {end}.")
POSTS_ASSIGNED = N_("a post assigned by the county (posts are limited)")


@dataclass(frozen=True)
class Need:
    """One part of a choice: the facts it sets, whether the person already meets it, its words, its months, and
    whether it is something to do (``act``: done after the day assessed) or a duration already running."""

    change: Mapping[str, Any]
    met: bool
    words: Message
    months: int = 0
    act: bool = True


@dataclass(frozen=True)
class Scenario:
    id: str
    label: str  # msgid
    benefit: str
    needs: Callable[[Mapping[str, Any], Mapping[str, Any]], list[Need]]  # (facts, parameters) → parts


def _time(fact: str, year: int, months: int | None, more: tuple[str, str], whole: tuple[str, str]) -> Need:
    """A year of something (a job, a business): the months still to go when it has begun, else the whole year."""
    if months is not None and months < year:
        return Need({fact: year}, False, part(more, more=year - months), year - months, act=False)
    return Need({fact: year}, months is not None, part(whole, more=year), year)


def _job(place: str, words: str) -> Callable[[Mapping[str, Any], Mapping[str, Any]], list[Need]]:
    def needs(facts: Mapping[str, Any], params: Mapping[str, Any]) -> list[Need]:
        same = facts.get(PLACE) == place
        return [
            Need({PLACE: place}, same, part(words)),
            _time(MONTHS, params["art01.min_months"], facts.get(MONTHS) if same else None,
                  Nn_("{more} more month in that job", "{more} more months in that job"),
                  Nn_("{more} month in that job without a break", "{more} months in that job without a break")),
            Need({CONTRACT: "1_year_or_more"}, same and facts.get(CONTRACT) in CONTRACTS,
                 part(N_("a signed labour contract"))),
            Need({INSURANCE: True}, same and facts.get(INSURANCE) is True,
                 part(N_("social insurance paid by your employer"))),
        ]
    return needs


def _post(facts: Mapping[str, Any], params: Mapping[str, Any]) -> list[Need]:
    return [
        Need({"person.wants_work": True}, facts.get("person.wants_work") is True, part(N_("wanting a post near home")),
             act=False),
        Need({"person.able_to_work": True}, facts.get("person.able_to_work") is True,
             part(N_("being able to do some work")), act=False),
        Need({}, False, part(POSTS_ASSIGNED), act=False),  # the county's doing, not the person's: no last day
    ]


def _business(facts: Mapping[str, Any], params: Mapping[str, Any]) -> list[Need]:
    has = facts.get(BUSINESS) in BUSINESSES
    return [
        Need({BUSINESS: facts[BUSINESS] if has else "individual"}, has,
             part(N_("a business of your own (self-employed or a small or micro enterprise)"))),
        _time(BUSINESS_MONTHS, params["art07.min_months"], facts.get(BUSINESS_MONTHS) if has else None,
              Nn_("{more} more month of normal operation", "{more} more months of normal operation"),
              Nn_("{more} month of normal operation without a break",
                  "{more} months of normal operation without a break")),
        Need({EMPLOYS: True}, has and facts.get(EMPLOYS) is True, part(N_("employing at least one person besides you"))),
    ]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("same_county", N_("Work in my home county"), "transport_subsidy",
             _job("same_county", N_("a job in your home county"))),
    Scenario("other_county", N_("Work in another county of Ningxia"), "transport_subsidy",
             _job("other_county_in_region", N_("a job in another county of Ningxia"))),
    Scenario("other_province", N_("Work in another province"), "transport_subsidy",
             _job("other_province", N_("a job in another province"))),
    Scenario("public_welfare_post", N_("A public-welfare post"), "public_welfare_post", _post),
    Scenario("business", N_("Start a business that employs others"), "startup_subsidy", _business),
)


def _question(fact: str) -> Message:
    question = question_for(fact)
    return Message(ANSWER, {"question": question.label if question else fact})


def compare(facts: Mapping[str, Any], on: date, lang: str | None = None) -> list[dict[str, Any]]:
    """The comparison's rows for a person's facts (dotted names) on ``on``; see the module's docstring.

    Each row: ``scenario``, ``label``, ``benefit``, ``article``, ``change``, ``status``, ``amount``,
    ``still_needed`` (messages), ``months`` and ``from`` (how long the parts still lacking take, and the date
    they can all hold), ``in_time`` (that date is within the policy period).
    """
    params = values_on(on)
    rows = []
    for scenario in SCENARIOS:
        needs = scenario.needs(facts, params)
        change = {name: value for need in needs for name, value in need.change.items()}
        result = next(r for r in evaluate(nest({**facts, **change}), on, lang=lang)["results"]
                      if r["benefit"] == scenario.benefit)
        lacking = [need for need in needs if not need.met]
        when = timing(on, [Plan(need.change, need.months, None, act=need.act) for need in lacking])
        in_time = policy.in_force(when.on)
        reasons = [Message(m["id"], m["params"], m.get("plural"), m.get("count")) for m in result["unmet"]]
        # A choice that would not pay whatever the person did says why, not what it would take.
        still = reasons if reasons else [need.words for need in lacking]
        if policy.in_force(on) and not reasons:  # the last day belongs to what is to be done: before the questions
            still += _timely(on, when, in_time)
        still += [_question(fact) for fact in result["missing"]]
        eligible = result["status"] == ELIGIBLE
        rows.append({
            "scenario": scenario.id,
            "label": Message(scenario.label).as_dict(lang),
            "benefit": scenario.benefit,
            "article": result["article"],
            "change": change,
            "status": result["status"],
            "amount": (result["amount"] or 0) if eligible else 0,
            "amount_known": (not eligible) or result["amount"] is not None,
            "still_needed": [m.as_dict(lang) for m in still],
            "months": when.months,
            "from": when.on.isoformat(),
            "by": None if when.by is None else when.by.isoformat(),
            "in_time": in_time,
            # A choice not due yet on the day assessed, with the engine's checked step from there (turning 40).
            "next": result["next"] if result["status"] != ELIGIBLE else [],
        })
    return rows


def _timely(on: date, when: Timing, in_time: bool) -> list[Message]:
    """The last day to do what a choice asks, when it is in time; else why it is not (as for next steps)."""
    end = policy.IN_FORCE_UNTIL
    if in_time:
        return [] if when.by is None else [deadline(when.by, when.why)]
    if no_day_left(on, when):
        if when.by == end:
            return [Message(ACTION_LATE_WORDS[True], {"end": end.isoformat()})]
        return [Message(ACTION_LATE_WORDS[False], {"date": when.by.isoformat(), "end": end.isoformat()})]
    return [Message(TOO_LATE, {"date": when.on.isoformat(), "end": end.isoformat()})]


def job_timeline(facts: Mapping[str, Any], on: date, months: int = 24) -> list[dict[str, Any]]:
    """Month by month in the current job away from home (or, without one, a new job in another province, with
    a contract and social insurance): the transport subsidy each month of the job brings, assessed on the date
    that month is reached, so that months after the policy's end bring nothing.

    The months already behind carry their own dates, in the past; a new job starts after the day assessed
    (reading ``action_after_day_assessed``), so its months count from the day after.

    Rows: ``month`` (months in the job), ``date`` (the day that month is reached), ``status``, ``amount``,
    ``place``; ``now`` is the row of today (the months of the current job); ``period`` says where that date
    lies: ``before`` the policy began, ``in_force`` or ``after`` it ended.
    """
    place = facts.get(PLACE)
    current = facts.get(MONTHS) if place in JOB_AWAY else None
    if place not in JOB_AWAY:
        place = "other_province"
    stable = {CONTRACT: facts.get(CONTRACT) if facts.get(CONTRACT) in CONTRACTS else "1_year_or_more",
              INSURANCE: True, PLACE: place}
    rows = []
    for month in range(months + 1):
        when = add_months(on, month - current) if current is not None else add_months(on + DAY, month)
        profile = nest({**facts, **stable, MONTHS: month})
        result = next(r for r in evaluate(profile, when, lang=None)["results"] if r["benefit"] == "transport_subsidy")
        period = ("before" if when < policy.IN_FORCE_FROM else "after" if when > policy.IN_FORCE_UNTIL
                  else "in_force")
        rows.append({"month": month, "date": when.isoformat(), "status": result["status"],
                     "amount": result["amount"] or 0, "place": place, "now": month == current, "period": period})
    return rows
