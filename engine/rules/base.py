"""What a rule is: conditions, an amount, the clause it implements, and the readings it uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from engine.logic import Context, Expr
from engine.messages import Message, Text, message_of
from engine.remedies import Remedy, Upgrade


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


@dataclass(frozen=True)
class Rule:
    """A benefit of one article.

    ``amount`` is ``None`` for a benefit in kind or a service. When it evaluates to ``None`` for an
    eligible profile, the ``missing_figures`` say which published figure is needed.
    ``applies_when``: a fact whose presence selects this variant of the benefit (e.g. the
    institution's count of passed students instead of one student's facts). ``upgrades``: changes
    that raise the amount of the benefit once it is due (:mod:`engine.steps`).
    ``interpretations``: the readings each result of the rule discloses, those its conditions declare
    (``Condition.readings``) and those its amount depends on.
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

    def facts(self) -> set[str]:
        needed: set[str] = set()
        for condition in self.conditions:
            needed |= condition.test.facts()
        if self.amount is not None:
            needed |= self.amount.facts()
        return needed
