"""Conditions that several articles share, written once."""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.rules.base import Condition
from i18n import N_

REGISTERED_POOR = Condition(
    is_true("person.registered_poor"),
    met=N_("You are a registered poor worker (建档立卡贫困劳动力)."),
    unmet=N_("Only registered poor workers (建档立卡贫困劳动力) can get this."),
)


def months_at_least(fact: str, param: str, met: str, unmet: str) -> Condition:
    """A duration condition "N个月/1年以上" (以上 includes N); messages get ``months`` and ``required``."""
    return Condition(
        Fact(fact) >= Param(param), met=met, unmet=unmet,
        params={"months": Fact(fact), "required": Param(param)},
    )


def count_at_least(fact: str, param: str, met: str, unmet: str) -> Condition:
    """At least ``param`` of something; messages get ``count`` and ``required``."""
    return Condition(
        Fact(fact) >= Param(param), met=met, unmet=unmet,
        params={"count": Fact(fact), "required": Param(param)},
    )
