"""How a condition of an article can come to hold: the facts that must change and how long that takes.

Each :class:`~engine.rules.base.Condition` may carry a remedy. For a condition that is unmet or not known,
the remedy gives a :class:`Plan` (facts to set, months to wait, the words for it), or says that nothing the
person can do makes it hold (:data:`IMPOSSIBLE`: the household is not registered poor, the job is in the
home county), or that it cannot tell yet (:data:`UNKNOWN`: how many months has the business run?).

A plan is either a wait for something already running (months in a job, an age) or an action (``act``): a
contract signed, a course finished and its certificate obtained, a hire made. An action is done after the day
assessed (reading ``action_after_day_assessed``): its months, if any, run from the day after, and it must be
done by the policy's last day, or, for what must happen in the year applied for (``this_year``: the certificate
of Article 10 (十)), by 31 December of that year.

:mod:`engine.steps` joins the plans of every open condition of a benefit into one next step and checks it
with the rules themselves before anything is said.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.logic import Context, Expr
from engine.messages import Message

MONTHS_A_YEAR = 12


@dataclass(frozen=True)
class Plan:
    """What makes one condition hold: ``change`` (facts by dotted name), after ``months``, said as ``part``.

    ``earliest``: for a wait counted in whole years (an age), the fewest months after which the change may
    already hold (a 39-year-old may turn 40 tomorrow); ``months`` is when it surely holds.
    ``act``: the change needs something done after the day assessed; ``months`` then run from the day after.
    ``this_year``: that action must fall in the calendar year in which the benefit is applied for (its words
    get the ``year``). ``surely``: the very day a wait surely ends, when it is known to the day (a birthday
    month's last day), earlier than ``months`` whole months may say.
    """

    change: Mapping[str, Any]
    months: int
    part: Message | None  # None: nothing to say (a duration already long enough under a later rule)
    earliest: int | None = None
    act: bool = False
    this_year: bool = False
    surely: date | None = None


class _Verdict:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


IMPOSSIBLE = _Verdict("IMPOSSIBLE")  # nothing the person (or organisation) can do makes it hold
UNKNOWN = _Verdict("UNKNOWN")  # a fact the plan needs is not known: ask it first

Outcome = Plan | _Verdict
Guard = Callable[[Mapping[str, Any]], bool | None]


def allowed(guard: Guard | None, facts: Mapping[str, Any]) -> _Verdict | None:
    """``None`` when the guard lets the remedy apply; else why not."""
    if guard is None:
        return None
    verdict = guard(facts)
    if verdict is None:
        return UNKNOWN
    return None if verdict else IMPOSSIBLE


class Remedy:
    """How an open condition can come to hold."""

    def plan(self, ctx: Context) -> Outcome:
        raise NotImplementedError

    def facts(self) -> set[str]:
        """The facts the plan reads: when one is not known, it is asked before a step is promised."""
        return set()

    def missing(self, ctx: Context) -> set[str]:
        """The facts not known that the plan needs: asked before a step is promised."""
        return {name for name in self.facts() if ctx.facts.get(name) is None}


@dataclass(frozen=True)
class Wait(Remedy):
    """A duration that grows while the situation lasts: months in a job, years of age, years of insurance.

    ``fact`` must reach the parameter ``param``; ``unit_months`` is how many months one unit of the fact
    takes (12 for years). ``part`` is a message with ``more`` (units still to go) and ``required``.
    ``whole_units``: the fact is counted in whole units that only say the unit has begun (an age in
    完整周岁), so the change may hold up to one unit sooner. ``guard`` says whether the duration can come to
    its end at all (no wait for months without work for someone with a job); a guard that says no rules the
    condition out whatever the fact's value. ``running`` says whether the duration runs now: when it does not
    (or that is not known), it must be started first, an action done after the day assessed (unemployment
    insurance is paid only in an insured job).
    """

    fact: str
    param: str
    part: Message
    unit_months: int | str = 1  # months per unit, or the parameter that holds them
    whole_units: bool = False
    guard: Guard | None = None
    guard_facts: tuple[str, ...] = ()
    running: Guard | None = None

    def facts(self) -> set[str]:
        return {self.fact, *self.guard_facts}

    def plan(self, ctx: Context) -> Outcome:
        blocked = allowed(self.guard, ctx.facts)
        if blocked is IMPOSSIBLE:
            return blocked
        current = ctx.facts.get(self.fact)
        if current is None or blocked is not None:
            return UNKNOWN
        required = ctx.params[self.param]
        unit = ctx.params[self.unit_months] if isinstance(self.unit_months, str) else self.unit_months
        more = required - current
        if more <= 0:  # long enough under the rule in force then (the insurance years from 2019)
            return Plan({}, 0, None)
        months = math.ceil(round(more * unit, 6))
        earliest = max(months - unit + 1, 0) if self.whole_units and months else None
        part = Message(self.part.id, {**self.part.params, "more": _plain(more), "required": required},
                       self.part.plural, self.part.count)
        act = self.running is not None and self.running(ctx.facts) is not True
        return Plan({self.fact: required}, months, part, None if act else earliest, act=act)


@dataclass(frozen=True)
class Count(Remedy):
    """A count that must reach ``target`` (an expression): qualifying hires, placements, passed students.

    ``wait_param`` names the months a newly added one takes to count (12 months of work for a workshop's
    hire), or ``None`` when one counts at once (a hire with a contract of a year and social insurance).
    ``part`` gets ``more`` and ``required``. Adding one is an action: a new hire, placement or student comes
    after the day assessed, and the months run from the day after.
    """

    fact: str
    target: Expr
    part: Message
    wait_param: str | None = None

    def facts(self) -> set[str]:
        return {self.fact}

    def plan(self, ctx: Context) -> Outcome:
        if ctx.facts.get(self.fact) is None:
            return UNKNOWN
        return self.to(ctx, self.target.one(ctx))

    def to(self, ctx: Context, target: int) -> Plan:
        """The plan that brings the count to ``target``."""
        current = ctx.facts.get(self.fact) or 0
        months = ctx.params[self.wait_param] if self.wait_param else 0
        part = Message(self.part.id, {**self.part.params, "more": target - current, "required": target},
                       self.part.plural, self.part.count)
        return Plan({self.fact: target}, months, part, act=True)


@dataclass(frozen=True)
class Do(Remedy):
    """Something the person or organisation can do: sign a contract, pay social insurance, train.

    ``change`` holds the facts it sets. ``only_unknown``: an action that is a step only while its outcome
    is not known (to pass a course not yet taken; a failed one is not undone by saying so). It is done after
    the day assessed and by the policy's last day; ``this_year``: by the last day of the year applied for.
    """

    change: Mapping[str, Any]
    part: Message
    only_unknown: bool = False
    guard: Guard | None = None
    guard_facts: tuple[str, ...] = ()
    this_year: bool = False

    def facts(self) -> set[str]:
        return set(self.guard_facts)

    def plan(self, ctx: Context) -> Outcome:
        if self.only_unknown and any(ctx.facts.get(name) is not None for name in self.change):
            return IMPOSSIBLE
        blocked = allowed(self.guard, ctx.facts)
        if blocked is not None:
            return blocked
        return Plan(dict(self.change), 0, self.part, act=True, this_year=self.this_year)


@dataclass(frozen=True)
class Assume(Remedy):
    """A fact nobody can change (a registered poor household), that a step may assume while it is unknown.

    A known fact that fails is :data:`IMPOSSIBLE`; an unknown one becomes part of the step ("if your
    household is registered as poor, ...").
    """

    change: Mapping[str, Any]
    part: Message

    def plan(self, ctx: Context) -> Outcome:
        if any(ctx.facts.get(name) is not None for name in self.change):
            return IMPOSSIBLE
        return Plan(dict(self.change), 0, self.part)


@dataclass(frozen=True)
class Upgrade:
    """A change that raises the amount of a benefit already due: the next band, a higher certificate, one more
    placement. ``instead``: the higher amount is applied for in place of the one due now (a one-off grant by band,
    a certificate of the year by level), not added to it (200 yuan for each further placement)."""

    plans: Callable[[Context], list[Plan]]
    instead: bool = True


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 2)


def part(words: str | tuple[str, str], **params: Any) -> Message:
    """The words of a plan: a msgid, or a singular and plural pair (``Nn_``) whose form follows ``more``."""
    if isinstance(words, tuple):
        singular, plural = words
        return Message(singular, dict(params), plural, "more")
    return Message(words, dict(params))


