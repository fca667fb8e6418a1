"""What-if figures for employers: the workshop grant (Article 2) and SME subsidy (Article 5) against the number of hires.

Every amount comes from the benefit rules themselves (``evaluate_rule`` on the rule of article (二)
or (五)) with the parameters in force on the date; nothing here computes a grant. The only
arithmetic of its own is the employer's monthly contribution from a base and rates the employer
types (their own figures: no rate is assumed).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, wraps
from itertools import pairwise
from typing import Any

from engine.evaluate import ELIGIBLE, evaluate, evaluate_rule, params_on
from engine.logic import Context, band_for
from engine.messages import Message, msg
from engine.params import definitions, value_entry
from engine.rules import VARIANTS
from engine.rules.base import Rule
from i18n import N_

WORKSHOP_RULE: Rule = VARIANTS["workshop_grant"][0]
SME_RULE: Rule = VARIANTS["sme_insurance_subsidy"][0]
EMPLOYER_BENEFITS = ("workshop_grant", "sme_insurance_subsidy", "out_of_region_training_subsidy",
                     "out_of_region_insurance_subsidy", "employer_training_subsidy", "incubator_award")
CHART_MARGIN = 20  # hires shown past the top band's start, or past the employer's own number
CHART_POINTS = 300  # at most this many points along the hires axis (plus every band edge)


class InputError(ValueError):
    """A figure the employer typed that cannot be used: names the input and says why (msgid + params)."""

    def __init__(self, name: str, message: str, **params: Any) -> None:
        super().__init__(f"{name}: {message.format(**params)}")
        self.name = name
        self.message = message
        self.params = params


def results(facts: Mapping[str, Any], on: date, lang: str | None, benefits: Iterable[str]) -> dict[str, dict]:
    """The results of ``benefits`` for an employer's facts (dotted names), by benefit id."""
    wanted = set(benefits)
    profile: dict[str, dict[str, Any]] = {}
    for name, value in facts.items():
        if value is not None:
            section, key = name.split(".", 1)
            profile.setdefault(section, {})[key] = value
    out = evaluate(profile, on, lang=lang)
    return {r["benefit"]: r for r in out["results"] if r["benefit"] in wanted}


def bands(on: date) -> list[dict[str, Any]]:
    """The grant's bands in force: ``{min, max, amount}`` (``max`` ``None`` for the open band)."""
    return [dict(band) for band in params_on(on)["art02.bands"]]


def chart_span(hires: int | None, on: date) -> int:
    """How far the hires axis of a chart reaches: past the top band's start and past ``hires``."""
    top = max(band["min"] for band in bands(on))
    return max(top + CHART_MARGIN - 1, (hires or 0) + CHART_MARGIN // 2)


def _points(span: int, on: date, extra: Iterable[int] = ()) -> list[int]:
    step = max(1, math.ceil(span / CHART_POINTS))
    edges = set()
    for band in bands(on):
        edges |= {band["min"] - 1, band["min"]}
        if band["max"] is not None:
            edges |= {band["max"], band["max"] + 1}
    found = set(range(0, span + 1, step)) | {e for e in edges | set(extra) if 0 <= e <= span} | {span}
    return sorted(found)


def _amount(rule: Rule, facts: Mapping[str, Any], on: date) -> float | None:
    """The rule's amount for the facts: 0 when not eligible, ``None`` when it cannot be known."""
    result = evaluate_rule(rule, Context(facts, params_on(on)), None)
    if result["status"] == ELIGIBLE:
        return result["amount"]
    return 0 if result["status"] == "not_eligible" else None


Curve = Callable[..., list[dict[str, Any]]]  # (employer facts, date, hires) -> rows


def _once_per_input(build: Curve) -> Curve:
    """Work out each distinct (facts, date, hires) once for all sessions; every caller gets its own copy.

    The employers' page asks for both curves on every rerun, and most reruns change the inputs of one section
    only (the workshop's hires leave the SME section's curve as it was); a curve is 30-300 evaluations of a rule.
    Facts that cannot be hashed (none the page sends) are worked out every time.
    """
    remembered = lru_cache(maxsize=256)(lambda items, on, hires: tuple(build(dict(items), on, hires)))

    @wraps(build)
    def curve(employer: Mapping[str, Any], on: date, hires: int | None = None) -> list[dict[str, Any]]:
        items = tuple(sorted(employer.items()))
        try:
            rows = remembered(items, on, hires)
        except TypeError:  # an unhashable fact
            return build(employer, on, hires)
        return [dict(row) for row in rows]

    return curve


@_once_per_input
def grant_curve(employer: Mapping[str, Any], on: date, hires: int | None = None) -> list[dict[str, Any]]:
    """The workshop grant (Article 2) at each number of qualifying hires, for this carrier and place."""
    span = chart_span(hires, on)
    return [{"hires": h, "amount": _amount(WORKSHOP_RULE, {**employer, "employer.qualifying_hires": h}, on)}
            for h in _points(span, on, [hires] if hires is not None else [])]


@_once_per_input
def support_curve(employer: Mapping[str, Any], on: date, hires: int | None = None) -> list[dict[str, Any]]:
    """Grant (二) and one year of SME subsidy (Article 5) at each number of hires that count for both.

    ``employer`` holds the carrier, place, kind and the monthly employer contribution per worker;
    the subsidy is ``None`` where that contribution is not known.
    """
    span = chart_span(hires, on)
    rows = []
    for h in _points(span, on, [hires] if hires is not None else []):
        facts = {**employer, "employer.qualifying_hires": h, "employer.insured_hires": h}  # they count for both
        grant = _amount(WORKSHOP_RULE, facts, on)
        subsidy = _amount(SME_RULE, facts, on)
        total = None if grant is None or subsidy is None else grant + subsidy
        rows.append({"hires": h, "grant": grant, "subsidy": subsidy, "total": total})
    return rows


def overlap(on: date) -> dict[str, Any] | None:
    """Where a closed band meets the open band "N人以上" at N, and the amount the reading gives there.

    The text's bands "31人至100人" and "100人以上" both hold 100; the parameters put 100 in the closed
    band (interpretation ``workshop_band_overlap_100``).
    """
    ordered = bands(on)
    for lower, upper in pairwise(ordered):
        if upper["max"] is None and lower["max"] is not None and lower["max"] == upper["min"] - 1:
            return {"hires": lower["max"], "amount": lower["amount"], "interpretation": "workshop_band_overlap_100"}
    return None


def band_of(hires: int | None, on: date) -> dict[str, Any] | None:
    """The band ``hires`` falls in, or ``None`` below the first band."""
    if hires is None:
        return None
    return band_for(hires, bands(on))


def next_band(result: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The workshop result's step to a (higher) band, if the engine offers one within the policy period:
    ``hires`` (the count it needs), ``amount``, ``months`` (how long until the new hires can count),
    ``from`` (that date) and ``text``."""
    for step in result.get("next", []):
        hires = step["change"].get("employer.qualifying_hires")
        if hires is not None:
            return {"hires": hires, "amount": step["gives"]["amount"], "months": step["months"],
                    "from": step["from"], "text": step.get("text")}
    return None


# ---------------------------------------------------------------------------------------------
# The employer's monthly contribution from a base and rates (the employer's own figures)
# ---------------------------------------------------------------------------------------------

INSURANCE_LABELS = {
    "pension": N_("Basic pension insurance (employer part)"),
    "medical": N_("Basic medical insurance (employer part)"),
    "unemployment": N_("Unemployment insurance (employer part)"),
}
MAX_RATE = 100  # percent: a rate above the whole base cannot be right


@dataclass(frozen=True)
class Contribution:
    monthly: float | None
    errors: list[InputError] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def insurances(on: date) -> list[str]:
    """The insurances whose employer part Article 5 (五) subsidises."""
    return list(params_on(on)["art05.insurances"])


def monthly_contribution(base: float | None, rates: Mapping[str, float | None], on: date) -> Contribution:
    """The employer's monthly contribution per worker: base × the sum of the employer rates (percent).

    Missing or impossible inputs are returned as errors naming the input (``base`` or the
    insurance), never raised; ``notes`` carry checks against sourced figures (the pension cap).
    """
    errors: list[InputError] = []
    if base is None:
        errors.append(InputError("base", N_("Enter the monthly contribution base (缴费基数).")))
    elif not math.isfinite(base) or base <= 0:
        errors.append(InputError("base", N_("The contribution base must be more than 0.")))
    for name in insurances(on):
        rate = rates.get(name)
        if rate is None:
            errors.append(InputError(name, N_("Enter the employer rate in percent, as on your payment voucher.")))
        elif not math.isfinite(rate) or rate < 0 or rate > MAX_RATE:
            errors.append(InputError(name, N_("A rate is a percentage between 0 and {maximum}."), maximum=MAX_RATE))
    notes = []
    cap = params_on(on)["art05.pension_rate_cap"]
    pension = rates.get("pension")
    if cap is not None and pension is not None and pension > cap:
        notes.append(msg(N_("From {start} the employer pension rate could be lowered to {cap}% ({source}); check "
                            "the rate on your payment voucher."),
                         start=_cap_start(on), cap=cap, source="国办发〔2019〕13号"))
    if errors:
        return Contribution(None, errors, notes)
    total_rate = sum(rates[name] for name in insurances(on))
    return Contribution(round(base * total_rate / 100, 2), [], notes)


def _cap_start(on: date) -> str:
    """The date from which the cap in force on ``on`` applies (ISO)."""
    starts = sorted(str(key) for key in definitions()["art05.pension_rate_cap"]["values"])
    return max((s for s in starts if s <= on.isoformat()), default=starts[0])


def pension_cap(on: date) -> tuple[float | None, str]:
    """The sourced cap on the employer pension rate in force on ``on`` and its reference."""
    entry = value_entry("art05.pension_rate_cap", on)
    return entry["value"], entry["reference"]
