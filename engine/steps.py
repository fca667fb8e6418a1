"""Next steps as checked promises, built the same way for every rule from its conditions.

For a benefit that is not due, every condition still unmet or not known says how it can come to hold
(:mod:`engine.remedies`). The step is the union of those changes, after the longest of their waits:

- ``change``: the facts that must then hold, by dotted name (``person.job.months: 12``);
- ``months``: how long must pass before they can (0 when nothing has to wait);
- ``from``: the day from which they surely hold: ``months`` after the day assessed, or after the day after
  it when an action must come first and then last (a new hire who must work 12 months);
- ``by``: when the step asks for something to be done (a contract, a course and its certificate, a hire),
  the last day it can be done and still count: the policy's last day, 31 December 2020, or earlier when
  what is done must then last some months, or 31 December of the year applied for (the certificate of
  Article 10 (十)). An action is done after the day assessed (reading ``action_after_day_assessed``): on
  that last day, nothing can be done in time any more;
- ``gives``: what the rule gives for the profile with ``change`` applied, assessed on ``from``.

The step is offered only when that assessment is the benefit, on a date within the policy period: a
promise the rules have checked, not arithmetic of its own. When a wait or an action runs past the policy's
end, or a condition cannot come to hold at all (a job in the home county, a household not registered poor),
the benefit is *ruled out* and the reason says so. A parameter that changes during the wait (the
unemployment-insurance years of article (十) from 2019-01-01) is met by trying each date it changes.
For a benefit already due, a rule's :class:`~engine.remedies.Upgrade` steps say what raises the amount.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from engine import policy
from engine.assess import ELIGIBLE, NOT_ELIGIBLE, Assessment, assess
from engine.logic import Context
from engine.messages import Message
from engine.params import definitions, values_on
from engine.remedies import IMPOSSIBLE, UNKNOWN, Do, Outcome, Plan
from engine.rules.base import Condition, Rule
from i18n import N_

# The step's sentence: with an amount or without one (a service, a figure we lack), now or from a date.
STEP_WORDS = {
    (True, False): N_("Still needed: {steps}. Then you can apply for {amount}."),
    (True, True): N_("Still needed: {steps}. Then, from {date}, you can apply for {amount}."),
    (False, False): N_("Still needed: {steps}. Then you can apply."),
    (False, True): N_("Still needed: {steps}. Then, from {date}, you can apply."),
}
# The same when the step asks for something to be done, with its last day ({deadline}: DEADLINE_WORDS).
STEP_BY_WORDS = {
    (True, False): N_("Still needed: {steps}, {deadline}. Then you can apply for {amount}."),
    (True, True): N_("Still needed: {steps}, {deadline}. Then, from {date}, you can apply for {amount}."),
    (False, False): N_("Still needed: {steps}, {deadline}. Then you can apply."),
    (False, True): N_("Still needed: {steps}, {deadline}. Then, from {date}, you can apply."),
}
# The last day to do what a step asks: the policy's last day itself, or an earlier one: what is done must then last
# some months, or it must fall in the year applied in (the certificate of that year, by 31 December of it).
END, LASTING, THAT_YEAR = "end", "lasting", "year"
DEADLINE_WORDS = {
    END: N_("by {end}, when the policy ends"),
    LASTING: N_("starting by {date}, to last long enough before the policy ends on {end}"),
    THAT_YEAR: N_("by {date}, the end of that year"),
}
# A part of a step with its own last day, when a step's parts do not share one (a wait and an action; an assumed
# fact and an action; two actions with different last days).
PART_BY = N_("{step} ({deadline})")
# A step with nothing to do but wait for a rule that changes in the person's favour.
RULE_CHANGE_WORDS = {
    True: N_("Under the rule in force from {date}, you can apply for {amount}."),
    False: N_("Under the rule in force from {date}, you can apply."),
}
# A higher amount applied for instead of the one due now (a one-off grant is applied for once, at one amount), or
# a further amount added to it (a fee for each placement): UPGRADE_WORDS[instead][dated], UPGRADE_BY_WORDS likewise.
MORE_WORDS = {
    False: N_("To apply for {amount} ({increase} more): {steps}."),
    True: N_("To apply for {amount} ({increase} more) from {date}: {steps}."),
}
MORE_BY_WORDS = {
    False: N_("To apply for {amount} ({increase} more): {steps}, {deadline}."),
    True: N_("To apply for {amount} ({increase} more) from {date}: {steps}, {deadline}."),
}
INSTEAD_WORDS = {
    False: N_("To apply for {amount} instead ({increase} more): {steps}."),
    True: N_("To apply for {amount} instead ({increase} more) from {date}: {steps}."),
}
INSTEAD_BY_WORDS = {
    False: N_("To apply for {amount} instead ({increase} more): {steps}, {deadline}."),
    True: N_("To apply for {amount} instead ({increase} more) from {date}: {steps}, {deadline}."),
}
UPGRADE_WORDS = {True: INSTEAD_WORDS, False: MORE_WORDS}
UPGRADE_BY_WORDS = {True: INSTEAD_BY_WORDS, False: MORE_BY_WORDS}
TOO_LATE = N_("Still needed: {steps}. That cannot be done before {date}, and the policy ends on {end}.")
MAYBE_TOO_LATE = N_(
    "Still needed: {steps}. That is certain only by {date}, after the policy ends on {end}; if it is done by {end}, "
    "ask the county employment service centre."
)
# What is still to be done comes after the day assessed: on the last day it could be done, no day is left.
ACTION_TOO_LATE = {
    True: N_("Still needed: {steps}. That must be done after the day assessed and by {end}, when the policy ends: "
             "no day is left for it."),
    False: N_("Still needed: {steps}. To last long enough before the policy ends on {end}, that must start after the "
              "day assessed and by {date}: no day is left for it."),
}
# The same reason alone, as one part of what a choice of the comparison still needs (engine.scenarios).
ACTION_LATE_WORDS = {
    True: N_("That must be done after the day assessed and by {end}, when the policy ends: no day is left for it."),
    False: N_("To last long enough before the policy ends on {end}, that must start after the day assessed and by "
              "{date}: no day is left for it."),
}
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Step:
    """A checked promise: apply ``change``, wait ``months``, and from ``on`` the rule gives ``amount``.

    ``by``: the last day to do what the step asks (``None`` when it only waits or assumes)."""

    change: dict[str, Any]
    months: int
    on: date  # when the change surely holds: the assessment date plus ``months`` (from the day after, after an action)
    parts: tuple[Message, ...]
    amount: Any
    increase: Any = None  # for a step that raises an amount already due
    by: date | None = None
    why: str = END  # why ``by`` is that day: DEADLINE_WORDS
    dated: bool = False  # say from when: it waits, or it is applied for in a later year than the one assessed
    apart: bool = False  # the parts name their own last days (``_worded``), not the step as a whole
    instead: bool = True  # an upgrade's amount replaces the one due now (Upgrade.instead)

    def message(self, has_amount: bool) -> Message:
        steps = [part.as_dict() for part in self.parts]
        later = self.dated
        params: dict[str, Any] = {"steps": steps}
        if later:
            params["date"] = self.on.isoformat()
        if self.by is not None and steps and not self.apart:
            params["deadline"] = [deadline(self.by, self.why).as_dict()]
        if self.increase is not None:
            words = (UPGRADE_BY_WORDS if "deadline" in params else UPGRADE_WORDS)[self.instead]
            return Message(words[later], {**params, "amount": self.amount, "increase": self.increase})
        if has_amount:
            params["amount"] = self.amount
        if not steps:
            del params["steps"]
            return Message(RULE_CHANGE_WORDS[has_amount], params)
        words = STEP_BY_WORDS if "deadline" in params else STEP_WORDS
        return Message(words[(has_amount, later)], params)

    def as_dict(self, lang: str | None, has_amount: bool) -> dict[str, Any]:
        return {
            **self.message(has_amount).as_dict(lang),
            "change": dict(self.change),
            "months": self.months,
            "from": self.on.isoformat(),
            "by": None if self.by is None else self.by.isoformat(),
            "gives": {"status": ELIGIBLE, "amount": _plain(self.amount)},
        }


def deadline(by: date, why: str = LASTING) -> Message:
    """The words of the last day to do what a step asks ("by 31 December 2020, when the policy ends")."""
    end = policy.IN_FORCE_UNTIL
    if by == end:
        return Message(DEADLINE_WORDS[END], {"end": end.isoformat()})
    return Message(DEADLINE_WORDS[why], {"date": by.isoformat(), "end": end.isoformat()})


@dataclass(frozen=True)
class Timing:
    """When the plans of a step can all hold: ``months`` of waiting, the day ``on`` they surely hold, the day
    ``start`` they may already hold (an age may be reached sooner), and ``by``, the last day to do what they ask
    (``None``: nothing to do), and ``why`` it is that day (:data:`DEADLINE_WORDS`)."""

    months: int
    on: date
    start: date
    by: date | None
    why: str = END


def timing(assessed: date, plans: Iterable[Plan], at_least: int = 0) -> Timing:
    """When ``plans`` (assessed on ``assessed``) can all hold, after at least ``at_least`` months.

    A wait counts from the day assessed. An action is done after it (reading ``action_after_day_assessed``):
    the months that must follow it count from the day after, and it must be done by the policy's last day,
    ``months`` before it when it must then last, or by 31 December of the year applied for (``this_year``)."""
    plans = list(plans)
    months = max([at_least, *(p.months for p in plans)])
    ready = start = add_months(assessed, at_least)
    for p in plans:
        if p.act:
            done = add_months(assessed + DAY, p.months)
            ready, start = max(ready, done), max(start, done)
        else:
            ready = max(ready, add_months(assessed, p.months))
            start = max(start, add_months(assessed, p.months if p.earliest is None else p.earliest))
    ready = max(ready, add_months(assessed, months))
    waits = [p for p in plans if not p.act and p.months]
    if ready > policy.IN_FORCE_UNTIL >= add_months(assessed, at_least) and waits and not any(p.act for p in plans) \
            and all(p.surely is not None and p.surely <= policy.IN_FORCE_UNTIL for p in waits):
        # Whole months overshoot a wait known to the day (born in December 1980: surely 40 on 31 December 2020):
        # the step is dated on the policy's last day, by which it surely holds.
        ready = policy.IN_FORCE_UNTIL
    deadlines = sorted(_last_day(p, ready) for p in plans if p.act)
    if not deadlines:
        return Timing(months, ready, start, None)
    by, why = deadlines[0]
    return Timing(months, ready, start, by, END if by == policy.IN_FORCE_UNTIL else why)


def _dated(assessed: date, when: Timing, plans: Iterable[Plan]) -> bool:
    """Whether the step's sentence says from when: it waits, or what it asks must fall in a later year than the one
    assessed (a certificate of that year). An action that only needs a day after the day assessed is not dated:
    no length is assumed for it, so the day after would promise a course finished overnight."""
    return when.months > 0 or (when.on.year > assessed.year and any(p.this_year for p in plans))


def _last_day(plan: Plan, ready: date) -> tuple[date, str]:
    """The last day ``plan``'s action can be done and still hold by the policy's end (or the year's), and why."""
    end = policy.IN_FORCE_UNTIL
    if plan.this_year and date(ready.year, 12, 31) < end:
        return date(ready.year, 12, 31), THAT_YEAR
    return (add_months(end, -plan.months), LASTING) if plan.months else (end, END)


def _apart(plans: Iterable[Plan], ready: date) -> bool:
    """Whether each action must name its own last day: the parts said do not all share one (a wait or an assumed
    fact beside an action, or actions with different last days)."""
    said = [p for p in plans if p.part is not None]
    actions = [p for p in said if p.act]
    return bool(actions) and (len(actions) < len(said) or len({_last_day(p, ready) for p in actions}) > 1)


def _worded(plans: Iterable[Plan], ready: date, apart: bool = False) -> tuple[Message, ...]:
    """The plans' words; an action of the year applied for names that year; with ``apart``, each action its last
    day (:data:`PART_BY`)."""
    parts = []
    for p in plans:
        if p.part is None:
            continue
        part = p.part
        if p.this_year:
            part = Message(part.id, {**part.params, "year": str(ready.year)}, part.plural, part.count)
        if apart and p.act:
            by, why = _last_day(p, ready)
            part = Message(PART_BY, {"step": [part.as_dict()], "deadline": [deadline(by, why).as_dict()]})
        parts.append(part)
    return tuple(parts)


def _step(change: Mapping[str, Any], plans: list[Plan], when: Timing, assessed: date, amount: Any, *,
          increase: Any = None, instead: bool = True) -> Step:
    """The step of ``plans`` at ``when``, worded: one last day for the whole step, or one for each action."""
    apart = _apart(plans, when.on)
    return Step(dict(change), when.months, when.on, _worded(plans, when.on, apart), amount, increase, by=when.by,
                why=when.why, dated=_dated(assessed, when, plans), apart=apart, instead=instead)


@dataclass(frozen=True)
class Outlook:
    """What can still happen to a benefit: the steps to it, or why it is ruled out for the policy's life."""

    steps: tuple[Step, ...] = ()
    ruled_out: bool = False
    too_late: tuple[Message, ...] = field(default_factory=tuple)
    wanted: frozenset[str] = frozenset()  # facts not known that decide whether there is a step


def add_months(on: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter)."""
    index = on.year * 12 + on.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def months_until(start: date, end: date) -> int:
    """The fewest whole months after ``start`` on which ``end`` has been reached."""
    months = max((end.year - start.year) * 12 + end.month - start.month - 1, 0)
    while add_months(start, months) < end:
        months += 1
    return months


@lru_cache(maxsize=1)
def _parameter_changes() -> tuple[date, ...]:
    """Every date from which some parameter takes a new value."""
    found = {date.fromisoformat(str(key)) for spec in definitions().values() for key in spec["values"]}
    return tuple(sorted(found))


def _epochs(on: date) -> list[date]:
    """The assessment date, and each later date within the policy period on which a parameter changes."""
    return [on, *(d for d in _parameter_changes() if on < d <= policy.IN_FORCE_UNTIL)]


def plan_of(condition: Condition, ctx: Context) -> Outcome:
    if condition.remedy is None:
        return IMPOSSIBLE if condition.test.one(ctx) is False else UNKNOWN
    return condition.remedy.plan(ctx)


def _merge(plans: Iterable[Plan]) -> dict[str, Any]:
    change: dict[str, Any] = {}
    for plan in plans:
        change.update(plan.change)
    return change


def _check(rule: Rule, facts: Mapping[str, Any], change: Mapping[str, Any], later: date) -> Assessment | None:
    """The rule on the changed profile on ``later``; ``None`` after the policy period."""
    if not policy.in_force(later):
        return None
    return assess(rule, Context({**facts, **change}, {**values_on(later), "date": later}))


def outlook(rule: Rule, facts: Mapping[str, Any], on: date, now: Assessment) -> Outlook:
    """The steps to ``rule``'s benefit for ``facts`` assessed on ``on`` (``now``), or why there are none."""
    if now.status == ELIGIBLE:
        return Outlook(tuple(_upgrades(rule, facts, on, now)))
    if now.status != NOT_ELIGIBLE:
        return Outlook()  # not known yet: the questions come first
    return _towards(rule, facts, on, now)


def _towards(rule: Rule, facts: Mapping[str, Any], on: date, now: Assessment) -> Outlook:
    """The soonest checked step to a benefit not due, trying each date a parameter changes."""
    best: Step | None = None
    late: tuple[list[Plan], Timing] | None = None
    for epoch in _epochs(on):
        ctx = Context(facts, {**values_on(epoch), "date": epoch})
        plans = _plans(now.open, ctx)
        if plans is IMPOSSIBLE:
            return Outlook(ruled_out=True)
        if not isinstance(plans, list):
            if best is not None:  # a step already found; a later rule's date cannot make it sooner (an age)
                break
            return Outlook(wanted=_wanted(now.open, ctx))
        when = timing(on, plans, months_until(on, epoch))
        change = _merge(plans)
        first = (plans, when)
        bound = _year_bound(rule) - set(change)
        if when.on.year > on.year and policy.in_force(when.on) and any(facts.get(n) is not None for n in bound):
            # What held in the year assessed (a certificate of that year) does not in the year applied in: plan
            # again without it.
            fresh = {name: value for name, value in facts.items() if name not in bound}
            ctx = Context(fresh, {**values_on(epoch), "date": epoch})
            plans = _plans(assess(rule, ctx).open, ctx)
            if not isinstance(plans, list):
                continue
            when = timing(on, plans, months_until(on, epoch))
            change = _merge(plans)
            checked = _check(rule, fresh, change, when.on)
        else:
            checked = _check(rule, facts, change, when.on)
        if checked is not None and checked.status == ELIGIBLE:
            if best is None or when.on < best.on:
                best = _step(change, plans, when, on, checked.amount)
        elif checked is None and late is None:
            late = first
    if best is not None:
        return Outlook((best,))
    if late is None:
        return Outlook()  # the changes together do not give the benefit: nothing is promised
    return Outlook(ruled_out=True, too_late=(_too_late(on, *late),))


def _year_bound(rule: Rule) -> set[str]:
    """The facts of ``rule`` that are about the calendar year assessed (the certificate obtained that year)."""
    return {name for condition in rule.conditions if isinstance(condition.remedy, Do) and condition.remedy.this_year
            for name in condition.remedy.change}


def _wanted(conditions: Iterable[Condition], ctx: Context) -> frozenset[str]:
    """The unknown facts that would settle the open conditions, and those their plans read."""
    names: set[str] = set()
    for condition in conditions:
        names |= condition.test.missing(ctx)
        if condition.remedy is not None:
            names |= condition.remedy.missing(ctx)
    return frozenset(names)


def _plans(conditions: Iterable[Condition], ctx: Context) -> list[Plan] | object:
    """Each open condition's plan; or IMPOSSIBLE when one cannot come to hold, UNKNOWN when one cannot tell.

    Two waits for one fact (turning 40 for the article's age, turning 16 for the working age) are one wait, the
    longer: the shorter is reached on the way."""
    outcomes = [plan_of(condition, ctx) for condition in conditions]
    if any(o is IMPOSSIBLE for o in outcomes):
        return IMPOSSIBLE
    if any(o is UNKNOWN for o in outcomes):
        return UNKNOWN
    plans = [o for o in outcomes if isinstance(o, Plan)]
    longest: dict[str, Plan] = {}
    for plan in plans:
        if len(plan.change) == 1 and not plan.act:
            (fact,) = plan.change
            if fact not in longest or plan.months > longest[fact].months:
                longest[fact] = plan
    return [p for p in plans if not (len(p.change) == 1 and not p.act) or longest[next(iter(p.change))] is p]


def no_day_left(on: date, when: Timing) -> bool:
    """Only the day of an action is missing: the waits end in time, but the last day to act is not after the day
    assessed (reading ``action_after_day_assessed``)."""
    return when.by is not None and add_months(on, when.months) <= policy.IN_FORCE_UNTIL and when.by <= on


def _too_late(on: date, plans: list[Plan], when: Timing) -> Message:
    """Why the step comes too late: its waits end after the policy, perhaps, or surely; or only the day of
    an action is missing (assessed on the last day it could be done)."""
    end = policy.IN_FORCE_UNTIL
    steps = [part.as_dict() for part in _worded(plans, min(when.on, end))]
    if no_day_left(on, when):
        if when.by == end:
            return Message(ACTION_TOO_LATE[True], {"steps": steps, "end": end.isoformat()})
        return Message(ACTION_TOO_LATE[False], {"steps": steps, "date": when.by.isoformat(), "end": end.isoformat()})
    if when.start <= end < when.on:
        return Message(MAYBE_TOO_LATE, {"steps": steps, "date": when.on.isoformat(), "end": end.isoformat()})
    return Message(TOO_LATE, {"steps": steps, "date": when.start.isoformat(), "end": end.isoformat()})


def _upgrades(rule: Rule, facts: Mapping[str, Any], on: date, now: Assessment) -> list[Step]:
    ctx = Context(facts, {**values_on(on), "date": on})
    steps = []
    for upgrade in rule.upgrades:
        for plan in upgrade.plans(ctx):
            when = timing(on, [plan])
            if plan.this_year and when.on.year != on.year:
                continue  # a certificate of the next year is that year's own application, not a higher amount now
            checked = _check(rule, facts, plan.change, when.on)
            if (checked is not None and checked.status == ELIGIBLE and checked.amount is not None
                    and now.amount is not None and checked.amount > now.amount):
                steps.append(_step(plan.change, [plan], when, on, checked.amount,
                                   increase=_plain(checked.amount - now.amount), instead=upgrade.instead))
    return steps


def _plain(amount: Any) -> Any:
    if amount is None:
        return None
    return int(amount) if float(amount).is_integer() else round(float(amount), 2)
