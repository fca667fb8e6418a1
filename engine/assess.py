"""One rule on one profile: which conditions hold, fail or are not known, the status and the amount.

The bare verdict, with no words: :mod:`engine.evaluate` adds the messages, and :mod:`engine.steps`
uses it to check a next step before it is offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.logic import Context
from engine.rules.base import Condition, Rule

ELIGIBLE, NOT_ELIGIBLE, NEEDS_INFO, OUT_OF_PERIOD = "eligible", "not_eligible", "needs_info", "out_of_period"


@dataclass(frozen=True)
class Assessment:
    status: str
    amount: Any
    met: tuple[Condition, ...]
    failed: tuple[Condition, ...]
    unknown: tuple[Condition, ...]
    missing: frozenset[str]
    open: tuple[Condition, ...]  # the conditions that do not hold yet (failed or not known), in order


def assess(rule: Rule, ctx: Context) -> Assessment:
    met, failed, unknown, still_open = [], [], [], []
    missing: set[str] = set()
    for condition in rule.conditions:
        value = condition.test.one(ctx)
        if not value:
            still_open.append(condition)
        if value is None:
            unknown.append(condition)
            missing |= condition.test.missing(ctx)
        elif value:
            met.append(condition)
        else:
            failed.append(condition)
    status = NOT_ELIGIBLE if failed else NEEDS_INFO if unknown else ELIGIBLE
    amount = rule.amount.one(ctx) if (status == ELIGIBLE and rule.amount is not None) else None
    return Assessment(status, amount, tuple(met), tuple(failed), tuple(unknown), frozenset(missing),
                      tuple(still_open))
