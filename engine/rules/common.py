"""Conditions that several articles share, written once."""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.remedies import Assume, Count, Remedy, Wait, part
from engine.rules.base import Condition
from i18n import N_

REGISTERED_POOR = Condition(
    is_true("person.registered_poor"),
    met=N_("You are a registered poor worker (建档立卡贫困劳动力)."),
    unmet=N_("Only registered poor workers (建档立卡贫困劳动力) can apply for this."),
    remedy=Assume({"person.registered_poor": True},
                  part(N_("your household being registered as poor (建档立卡)"))),
)


def months_at_least(fact: str, param: str, met: str, unmet: str, remedy: Remedy | None = None, *,
                    readings: tuple[str, ...] = ()) -> Condition:
    """A duration condition "N个月/1年以上" (以上 includes N: reading ``yishang_inclusive``, with any
    ``readings`` of its own); messages get ``months`` and ``required``."""
    return Condition(
        Fact(fact) >= Param(param), met=met, unmet=unmet,
        params={"months": Fact(fact), "required": Param(param)}, remedy=remedy,
        readings=("yishang_inclusive", *readings),
    )


def wait_months(fact: str, param: str, words: tuple[str, str], **options) -> Wait:
    """A duration in months that grows while the situation lasts (``words``: singular and plural)."""
    return Wait(fact, param, part(words), **options)


def count_at_least(fact: str, param: str, met: str, unmet: str, *, more: tuple[str, str],
                   wait_param: str | None = None, readings: tuple[str, ...] = ()) -> Condition:
    """At least ``param`` of something; messages get ``count`` and ``required``.

    ``more`` words the step ("3 more qualifying hires"); ``wait_param`` names the months a new one takes
    to count; ``readings`` the interpretations the count depends on.
    """
    return Condition(
        Fact(fact) >= Param(param), met=met, unmet=unmet,
        params={"count": Fact(fact), "required": Param(param)},
        remedy=Count(fact, Param(param), part(more), wait_param), readings=readings,
    )
