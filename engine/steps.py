"""Next steps as checked promises, built the same way for every rule from its conditions.

For a benefit that is not due, every condition still unmet or not known says how it can come to hold
(:mod:`engine.remedies`). The step is the union of those changes, after the longest of their waits:

- ``change``: the facts that must then hold, by dotted name (``person.job.months: 12``);
- ``months``: how long must pass before they can (0 when nothing has to wait);
- ``gives``: what the rule gives for the profile with ``change`` applied, assessed ``months`` later.

The step is offered only when that assessment is the benefit, on a date within the policy period: a
promise the rules have checked, not arithmetic of its own. When a wait runs past the policy's end, or a
condition cannot come to hold at all (a job in the home county, a household not registered poor), the
benefit is *ruled out* and the reason says so. A parameter that changes during the wait (the
unemployment-insurance years of article (十) from 2019-01-01) is met by trying each date it changes.
For a benefit already due, a rule's :class:`~engine.remedies.Upgrade` steps say what raises the amount.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from engine import policy
from engine.assess import ELIGIBLE, NOT_ELIGIBLE, Assessment, assess
from engine.logic import Context
from engine.messages import Message
from engine.params import definitions, values_on
from engine.remedies import IMPOSSIBLE, UNKNOWN, Outcome, Plan
from engine.rules.base import Condition, Rule
from i18n import N_

# The step's sentence: with an amount or without one (a service, a figure we lack), now or from a date.
STEP_WORDS = {
    (True, False): N_("Still needed: {steps}. Then you can apply for {amount}."),
    (True, True): N_("Still needed: {steps}. Then, from {date}, you can apply for {amount}."),
    (False, False): N_("Still needed: {steps}. Then you can apply."),
    (False, True): N_("Still needed: {steps}. Then, from {date}, you can apply."),
}
# A step with nothing to do but wait for a rule that changes in the person's favour.
RULE_CHANGE_WORDS = {
    True: N_("Under the rule in force from {date}, you can apply for {amount}."),
    False: N_("Under the rule in force from {date}, you can apply."),
}
UPGRADE_WORDS = {
    False: N_("To apply for {amount} ({increase} more): {steps}."),
    True: N_("To apply for {amount} ({increase} more) from {date}: {steps}."),
}
TOO_LATE = N_("Still needed: {steps}. That cannot be done before {date}, and the policy ends on {end}.")
MAYBE_TOO_LATE = N_(
    "Still needed: {steps}. That is certain only by {date}, after the policy ends on {end}; if it is done by {end}, "
    "ask the county employment service centre."
)


@dataclass(frozen=True)
class Step:
    """A checked promise: apply ``change``, wait ``months``, and the rule gives ``status`` and ``amount``."""

    change: dict[str, Any]
    months: int
    on: date  # when the change surely holds: the assessment date plus ``months``
    parts: tuple[Message, ...]
    amount: Any
    increase: Any = None  # for a step that raises an amount already due

    def message(self, has_amount: bool) -> Message:
        steps = [part.as_dict() for part in self.parts]
        later = self.months > 0
        params: dict[str, Any] = {"steps": steps}
        if later:
            params["date"] = self.on.isoformat()
        if self.increase is not None:
            return Message(UPGRADE_WORDS[later], {**params, "amount": self.amount, "increase": self.increase})
        if has_amount:
            params["amount"] = self.amount
        if not steps:
            del params["steps"]
            return Message(RULE_CHANGE_WORDS[has_amount], params)
        return Message(STEP_WORDS[(has_amount, later)], params)

    def as_dict(self, lang: str | None, has_amount: bool) -> dict[str, Any]:
        return {
            **self.message(has_amount).as_dict(lang),
            "change": dict(self.change),
            "months": self.months,
            "from": self.on.isoformat(),
            "gives": {"status": ELIGIBLE, "amount": _plain(self.amount)},
        }


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
    late: tuple[list[Plan], int, date] | None = None
    for epoch in _epochs(on):
        ctx = Context(facts, {**values_on(epoch), "date": epoch})
        plans = _plans(now.open, ctx)
        if plans is IMPOSSIBLE:
            return Outlook(ruled_out=True)
        if not isinstance(plans, list):
            if best is not None:  # a step already found; a later rule's date cannot make it sooner (an age)
                break
            return Outlook(wanted=_wanted(now.open, ctx))
        months = max([months_until(on, epoch), *(p.months for p in plans)])
        later = add_months(on, months)
        change = _merge(plans)
        checked = _check(rule, facts, change, later)
        if checked is not None and checked.status == ELIGIBLE:
            if best is None or months < best.months:
                parts = tuple(p.part for p in plans if p.part is not None)
                best = Step(change, months, later, parts, checked.amount)
        elif checked is None and late is None:
            late = (plans, months, later)
    if best is not None:
        return Outlook((best,))
    if late is None:
        return Outlook()  # the changes together do not give the benefit: nothing is promised
    return Outlook(ruled_out=True, too_late=(_too_late(*late),))


def _wanted(conditions: Iterable[Condition], ctx: Context) -> frozenset[str]:
    """The unknown facts that would settle the open conditions, and those their plans read."""
    names: set[str] = set()
    for condition in conditions:
        names |= condition.test.missing(ctx)
        if condition.remedy is not None:
            names |= condition.remedy.missing(ctx)
    return frozenset(names)


def _plans(conditions: Iterable[Condition], ctx: Context) -> list[Plan] | object:
    """Each open condition's plan; or IMPOSSIBLE when one cannot come to hold, UNKNOWN when one cannot tell."""
    outcomes = [plan_of(condition, ctx) for condition in conditions]
    if any(o is IMPOSSIBLE for o in outcomes):
        return IMPOSSIBLE
    if any(o is UNKNOWN for o in outcomes):
        return UNKNOWN
    return [o for o in outcomes if isinstance(o, Plan)]


def _too_late(plans: list[Plan], months: int, later: date) -> Message:
    steps = [p.part.as_dict() for p in plans if p.part is not None]
    end = policy.IN_FORCE_UNTIL.isoformat()
    earliest = max((p.months if p.earliest is None else p.earliest) for p in plans)
    start = add_months(later, earliest - months)
    if start <= policy.IN_FORCE_UNTIL < later:
        return Message(MAYBE_TOO_LATE, {"steps": steps, "date": later.isoformat(), "end": end})
    return Message(TOO_LATE, {"steps": steps, "date": start.isoformat(), "end": end})


def _upgrades(rule: Rule, facts: Mapping[str, Any], on: date, now: Assessment) -> list[Step]:
    ctx = Context(facts, {**values_on(on), "date": on})
    steps = []
    for upgrade in rule.upgrades:
        for plan in upgrade.plans(ctx):
            later = add_months(on, plan.months)
            checked = _check(rule, facts, plan.change, later)
            if (checked is not None and checked.status == ELIGIBLE and checked.amount is not None
                    and now.amount is not None and checked.amount > now.amount):
                steps.append(Step(dict(plan.change), plan.months, later, (plan.part,), checked.amount,
                                  increase=_plain(checked.amount - now.amount)))
    return steps


def _plain(amount: Any) -> Any:
    if amount is None:
        return None
    return int(amount) if float(amount).is_integer() else round(float(amount), 2)
