"""What a rule is: conditions, an amount, the clause it implements, and the readings it uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.logic import Context, Expr
from engine.messages import Message, Text, message_of
from engine.remedies import Remedy, Upgrade

if TYPE_CHECKING:
    from engine.assess import Assessment


@dataclass(frozen=True)
class Condition:
    """One condition of an article, with what to say when it is met and when it is not.

    ``params`` name the values a message shows, as expressions (facts or parameters). ``remedy`` says how
    the condition can come to hold (:mod:`engine.remedies`); ``None``: it cannot (the article's place, the
    kind of organisation). ``readings`` name the interpretations (:mod:`engine.interpretations`) its test or
    its messages depend on; its rule must disclose each of them in ``Rule.interpretations``.
    """

    test: Expr
    met: Text
    unmet: Text
    params: Mapping[str, Expr] = field(default_factory=dict)
    remedy: Remedy | None = None
    readings: tuple[str, ...] = ()

    def message(self, ctx: Context, met: bool) -> Message:
        values = {key: expr.one(ctx) for key, expr in self.params.items()}
        return message_of(self.met if met else self.unmet, values)


@dataclass(frozen=True)
class MissingFigure:
    """A figure the policy relies on but no source gives; the profile may supply it via ``fact``.

    ``year_before``: the figure is the one of the year before the assessment ("上年度"), so the result names
    that year; ``place_fact``: the fact that names whose figure it is (the person's city). ``context``: a
    parameter that holds, by year, a figure that may be shown beside it as context, never in its place.
    """

    figure: str
    label: str
    published_in: str
    fact: str | None = None
    year_before: bool = False
    place_fact: str | None = None
    context: str | None = None

    def as_dict(self, ctx: Context | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"figure": self.figure, "fact": self.fact, "label": self.label,
                                "published_in": self.published_in}
        if ctx is not None and self.year_before:
            year = ctx.params["date"].year - 1
            data["year"] = year
            data["place"] = ctx.facts.get(self.place_fact) if self.place_fact else None
            known = (ctx.params.get(self.context) or {}).get(year) if self.context else None
            data["context"] = None if known is None else {"figure": self.context, "year": year, "amount": known}
        return data


Decider = Callable[[Context, "Assessment"], "bool | None"]


@dataclass(frozen=True)
class Decides:
    """When the reading ``reading`` (:mod:`engine.interpretations`) decides a result, so that the card says it on its
    face: a result that is what it is because of how the site reads the text says so where it is read.

    - With ``condition``: the reading settles that condition when ``when(ctx, assessment)`` is true, and it decides the
      result when the condition is pivotal (met or failed, and the other value would give another status).
    - Without ``condition``: the reading decides whenever ``when`` is true (an amount's or a payee's reading, a
      test the site does not apply).
    - With ``never`` instead of ``when``: why the reading never decides a result on its own (a count the applicant
      gives already holds it; it dates a step).
    """

    reading: str
    when: Decider | None = None
    condition: Condition | None = None
    never: str = ""


def decides(reading: str, when: Decider, condition: Condition | None = None) -> Decides:
    return Decides(reading, when, condition)


def never_decides(reading: str, why: str) -> Decides:
    return Decides(reading, never=why)


def met(condition: Condition) -> Decider:
    """The reading settles ``condition`` whenever it holds."""
    return lambda ctx, now: condition in now.met


def failed(condition: Condition) -> Decider:
    """The reading settles ``condition`` whenever it fails."""
    return lambda ctx, now: condition in now.failed


def settled(condition: Condition) -> Decider:
    """The reading settles ``condition`` whatever its answer, once it is known."""
    return lambda ctx, now: condition in now.met or condition in now.failed


def fact_is(name: str, *values: Any) -> Decider:
    """The fact ``name`` has one of ``values`` (with a condition: the answer that the reading settles)."""
    return lambda ctx, now: ctx.facts.get(name) in values


def at_threshold(condition: Condition) -> Decider:
    """A test "fact ≥ parameter" that holds with equality: 12 months exactly (以上 includes the number)."""
    test = condition.test
    return lambda ctx, now: condition in now.met and test.left.one(ctx) == test.right.one(ctx)


def due(ctx: Context, now: Assessment) -> bool:
    """The benefit is due: a reading of its amount or of its payee decides what is paid, and to whom."""
    return now.status == "eligible"


# Why a reading of a count never decides a result on its own, and why a reading of a total does not.
IN_THE_COUNT = ("it says which hires or placements a count holds; the count is the applicant's answer (a list is "
                "checked row by row), so no result turns on the reading itself")
IN_THE_TOTAL = ("it decides the total, not this result: engine.evaluate puts its face sentence on the result that "
                "the total leaves out (engine.totals)")
# Why a reading that dates a step does not decide a result on its own: the step's sentence, or the too_late reason
# when no day is left, is on the card and names the last day.
AFTER_THE_DAY = ("it dates a step, not a result: the step's sentence names its last day, and when no day is left the "
                 "card's too_late reason says so")
CALENDAR_YEAR = ("the question and the condition's own sentence name the year (“in 2019”), so the card already says "
                 "it")


@dataclass(frozen=True)
class Rule:
    """A benefit of one article.

    ``amount`` is ``None`` for a benefit in kind or a service. When it evaluates to ``None`` for an
    eligible profile, the ``missing_figures`` say which published figure is needed.
    ``applies_when``: a fact whose presence selects this variant of the benefit (e.g. the
    institution's count of passed students instead of one student's facts). ``upgrades``: changes
    that raise the amount of the benefit once it is due (:mod:`engine.steps`).
    ``interpretations``: the readings each result of the rule discloses, those its conditions declare
    (``Condition.readings``) and those its amount depends on. ``decides``: for each of them, when it decides a
    result (its face sentence is then in the result's ``face``), or why it never does on its own.
    """

    benefit: str
    article: int
    clause: str
    conditions: tuple[Condition, ...]
    amount: Expr | None = None
    interpretations: tuple[str, ...] = ()
    missing_figures: tuple[MissingFigure, ...] = ()
    upgrades: tuple[Upgrade, ...] = ()
    person_level: bool = False
    applies_when: str | None = None
    extras: Callable[[Context, Any], dict[str, Any]] | None = None
    decides: tuple[Decides, ...] = ()

    def facts(self) -> set[str]:
        needed: set[str] = set()
        for condition in self.conditions:
            needed |= condition.test.facts()
        if self.amount is not None:
            needed |= self.amount.facts()
        return needed
