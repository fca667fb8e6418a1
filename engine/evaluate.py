"""Evaluate a profile: every benefit's status, amount, reasons, next step and where to apply."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from engine import catalog, policy, totals
from engine.assess import ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, OUT_OF_PERIOD, Assessment, assess
from engine.interpretations import INTERPRETATIONS
from engine.logic import Context
from engine.messages import Message, msg
from engine.params import values_on
from engine.profile import flatten
from engine.rules import VARIANTS
from engine.rules.base import Condition, Rule
from engine.steps import outlook
from i18n import N_

__all__ = ["ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE", "OUT_OF_PERIOD", "evaluate", "evaluate_rule", "params_on"]

OUT_OF_PERIOD_MESSAGE = N_(
    "The policy was in force from {start} to {end}; {date} is outside that period, so nothing can be "
    "applied for under it for that date."
)


def params_on(on: date) -> dict[str, Any]:
    return {**values_on(on), "date": on}


def choose_variant(benefit: str, facts: Mapping[str, Any]) -> Rule:
    for rule in VARIANTS[benefit]:
        if rule.applies_when is None or rule.applies_when in facts:
            return rule
    raise LookupError(benefit)  # pragma: no cover - every benefit has a variant without a selector


def evaluate_rule(rule: Rule, ctx: Context, lang: str | None) -> dict[str, Any]:
    """One benefit's result for one profile on one date within the policy period.

    ``next`` holds the checked steps of :mod:`engine.steps` (each with ``change``, ``months`` and
    ``gives``); ``ruled_out`` says that nothing within the policy period makes the benefit due, and
    ``too_late`` why, when time is the reason. ``face`` holds the readings that decide this result, each with its
    short sentence (:func:`deciding_readings`).
    """
    now = assess(rule, ctx)
    met = [c.message(ctx, met=True) for c in now.met]
    unmet = [c.message(ctx, met=False) for c in now.failed]
    ahead = outlook(rule, ctx.facts, ctx.params["date"], now)
    amount = now.amount
    figures = [f.as_dict(ctx) for f in rule.missing_figures] if now.status == ELIGIBLE and amount is None else []
    has_amount = rule.amount is not None
    result = _describe(rule, now.status, amount, lang)
    result.update(
        met=[m.as_dict(lang) for m in met],
        unmet=[m.as_dict(lang) for m in unmet],
        missing=sorted(now.missing | ahead.wanted),
        missing_figures=figures,
        next=[step.as_dict(lang, has_amount and step.amount is not None) for step in ahead.steps],
        ruled_out=ahead.ruled_out,
        too_late=[m.as_dict(lang) for m in ahead.too_late],
        face=[face_entry(key, lang) for key in deciding_readings(rule, ctx, now)],
    )
    if rule.extras is not None:
        for key, value in rule.extras(ctx, amount).items():
            is_messages = isinstance(value, list) and all(isinstance(v, Message) for v in value)
            if isinstance(value, Message):  # one message in place of the catalog's (an office that fits)
                result[key] = value.as_dict(lang)
            else:
                result[key] = [m.as_dict(lang) for m in value] if is_messages else value
    return result


def pivotal(condition: Condition, now: Assessment) -> bool:
    """``condition`` is settled, and its other value would give another status: a reading that settles it decides
    the result."""
    if condition in now.met:
        value = True
    elif condition in now.failed:
        value = False
    else:
        return False
    failed_else = any(c is not condition for c in now.failed)
    unknown_else = any(c is not condition for c in now.unknown)

    def status(holds: bool) -> str:
        return NOT_ELIGIBLE if failed_else or not holds else NEEDS_INFO if unknown_else else ELIGIBLE

    return status(value) != status(not value)


def deciding_readings(rule: Rule, ctx: Context, now: Assessment) -> list[str]:
    """The readings that decide this result, in the order the rule declares them (``Rule.decides``): a reading of a
    condition when it settles that condition and the condition is pivotal; any other reading when its test holds."""
    found: list[str] = []
    for declared in rule.decides:
        if declared.when is None or declared.reading in found:
            continue
        if declared.condition is not None and not pivotal(declared.condition, now):
            continue
        if declared.when(ctx, now):
            found.append(declared.reading)
    return found


def face_entry(key: str, lang: str | None) -> dict[str, Any]:
    """A reading's face sentence as a message, with the reading's id."""
    return {"reading": key, **msg(INTERPRETATIONS[key].face).as_dict(lang)}


def add_total_readings(results: list[dict[str, Any]], left_out: tuple[dict[str, Any], ...], lang: str | None) -> None:
    """A benefit the total leaves out because of a reading (``post_or_work_away``, ``one_certificate_one_subsidy``)
    says that reading on its face: the reading decides whether its amount is counted. So do both benefits of such
    a set when both are due while an amount is not known, so that the total cannot compare them (a training
    subsidy without the region's standard beside a skill-upgrade subsidy): one of them may not be paid."""
    by_benefit = {r["benefit"]: r for r in results}
    said = [(entry["benefit"], entry["set"]) for entry in left_out]
    for exclusive in totals.EXCLUSIVE_SETS:
        due = [b for b in exclusive.benefits if b in by_benefit and by_benefit[b]["status"] == ELIGIBLE]
        if len(due) > 1 and any(by_benefit[b]["amount"] is None for b in due):
            said += [(benefit, exclusive.id) for benefit in due]
    for benefit, reading in said:
        result = by_benefit[benefit]
        if all(item["reading"] != reading for item in result["face"]):
            result["face"].append(face_entry(reading, lang))


def _describe(rule: Rule, status: str, amount: Any, lang: str | None) -> dict[str, Any]:
    benefit = catalog.BY_ID[rule.benefit]
    return {
        "benefit": rule.benefit,
        "article": rule.article,
        "status": status,
        "amount": _plain_number(amount),
        "payee": benefit.payee,
        "payer": msg(benefit.payer).as_dict(lang),
        "fund": benefit.fund,
        "kind": benefit.kind,
        "documents": [msg(d).as_dict(lang) for d in benefit.documents],
        "notes": [msg(n).as_dict(lang) for n in benefit.notes],
        "apply_at": msg(benefit.apply_at).as_dict(lang),
        "interpretations": list(rule.interpretations),
        "clause": rule.clause,
    }


def _plain_number(amount: Any) -> Any:
    if amount is None:
        return None
    return int(amount) if float(amount).is_integer() else round(float(amount), 2)


def out_of_period_result(rule: Rule, on: date, lang: str | None) -> dict[str, Any]:
    result = _describe(rule, OUT_OF_PERIOD, None, lang)
    notice = msg(OUT_OF_PERIOD_MESSAGE, start=policy.IN_FORCE_FROM.isoformat(),
                 end=policy.IN_FORCE_UNTIL.isoformat(), date=on.isoformat())
    result.update(met=[], unmet=[notice.as_dict(lang)], missing=[], missing_figures=[], next=[], ruled_out=True,
                  too_late=[], face=[])
    if rule.benefit == "public_welfare_post":
        result["monthly"] = None
    return result


def evaluate(profile: Mapping[str, Any], on: date, lang: str | None = "zh_CN") -> dict[str, Any]:
    """Every benefit for ``profile`` assessed on ``on``: ``{policy, date, in_force, results, total, left_out}``.

    ``total`` adds the due amounts, at most one of each set of benefits that exclude each other
    (:mod:`engine.totals`); ``left_out`` names those it did not add, and why.

    Raises :class:`engine.profile.ProfileError` (a ValueError) on bad input, naming the field.
    """
    facts = flatten(profile)  # ages are worked out by the rules' own tests, on each date (engine.age)
    in_force = policy.in_force(on)
    ctx = Context(facts, params_on(on))
    results = []
    for benefit in VARIANTS:
        rule = choose_variant(benefit, facts)
        results.append(evaluate_rule(rule, ctx, lang) if in_force else out_of_period_result(rule, on, lang))
    summed = totals.total(results, lang)
    add_total_readings(results, summed.left_out, lang)
    return {
        "policy": policy.POLICY_ID,
        "date": on.isoformat(),
        "in_force": in_force,
        "results": results,
        "total": summed.amount,
        "left_out": list(summed.left_out),
    }
