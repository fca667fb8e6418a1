"""What-if comparisons for residents: where to work, and what months in a job unlock.

Each scenario changes a few answers, assumes a year has passed in that choice, and re-runs the
same rules; nothing here computes an amount itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.evaluate import ELIGIBLE, evaluate
from engine.params import values_on
from engine.questions import nest
from i18n import N_

A_YEAR = "art01.min_months"  # the "1年以上" of articles (一) and (七): both 12 months

STABLE_JOB = {"person.job.contract": "1_year_or_more", "person.job.social_insurance": True,
              "person.business.kind": "none", "person.unemployed_months": 0}


@dataclass(frozen=True)
class Scenario:
    id: str
    label: str
    benefit: str  # the benefit this choice brings
    requires: str  # what the choice asks of the person, in words
    changes: Mapping[str, Any]


def scenarios(on: date) -> tuple[Scenario, ...]:
    year = values_on(on)[A_YEAR]
    return (
        Scenario("same_county", N_("Work in my home county"), "transport_subsidy",
                 N_("No subsidy under this policy for work in your home county."),
                 {**STABLE_JOB, "person.job.place": "same_county", "person.job.months": year}),
        Scenario("other_county", N_("Work in another county of Ningxia"), "transport_subsidy",
                 N_("A year or more with one employer, a labour contract and social insurance."),
                 {**STABLE_JOB, "person.job.place": "other_county_in_region", "person.job.months": year}),
        Scenario("other_province", N_("Work in another province"), "transport_subsidy",
                 N_("A year or more with one employer, a labour contract and social insurance."),
                 {**STABLE_JOB, "person.job.place": "other_province", "person.job.months": year}),
        Scenario("public_welfare_post", N_("A public-welfare post"), "public_welfare_post",
                 N_("Aged 40 or more (or disabled), able and willing to work; posts are limited."),
                 {"person.job.place": "none", "person.wants_work": True, "person.able_to_work": True}),
        Scenario("business", N_("Start a business that employs others"), "startup_subsidy",
                 N_("A small business or self-employment run normally for a year, employing someone else."),
                 {"person.job.place": "none", "person.business.kind": "individual",
                  "person.business.employs_others": True, "person.business.months": values_on(on)["art07.min_months"]}),
    )


def compare_scenarios(answers: Mapping[str, Any], on: date, lang: str | None = None) -> list[dict[str, Any]]:
    """For each choice: its status, the amount it brings in the first year, and what it requires."""
    rows = []
    for scenario in scenarios(on):
        facts = {**answers, **scenario.changes}
        result = next(r for r in evaluate(nest(facts), on, lang=lang)["results"] if r["benefit"] == scenario.benefit)
        eligible = result["status"] == ELIGIBLE
        rows.append({
            "scenario": scenario.id,
            "label": scenario.label,
            "conditions": scenario.requires,
            "benefit": scenario.benefit,
            "article": result["article"],
            "status": result["status"],
            "amount": (result["amount"] or 0) if eligible else 0,
            "amount_known": (not eligible) or result["amount"] is not None,
            "requires": result["unmet"] + [{"id": N_("Answer: {fact}"), "params": {"fact": fact}}
                                           for fact in result["missing"]],
            "met": result["met"],
        })
    return rows


def job_timeline(answers: Mapping[str, Any], on: date, months: int = 24) -> list[dict[str, Any]]:
    """Month by month in the current job (or, with no job away from home, one in another province):
    which subsidies the months unlock. One row per month and benefit with an amount."""
    place = answers.get("person.job.place")
    if place not in ("other_county_in_region", "other_province"):
        place = "other_province"
    rows = []
    for month in range(months + 1):
        facts = {**answers, **STABLE_JOB, "person.job.place": place, "person.job.months": month}
        results = evaluate(nest(facts), on, lang=None)["results"]
        for result in results:
            if result["benefit"] == "transport_subsidy":
                rows.append({"month": month, "benefit": result["benefit"], "status": result["status"],
                             "amount": result["amount"] or 0, "place": place})
    return rows
