"""Article (十三): unemployment registration in town after 6 months there without work.

> 对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，享受各项就业创业
> 优惠政策。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.logic import Context, Expr, Fact, Param
from engine.messages import Message, Text, message_of
from engine.rules.base import Condition, Rule, at_threshold, decides, failed
from engine.rules.common import REGISTERED_POOR, months_at_least, wait_months
from i18n import N_, Nn_

if TYPE_CHECKING:
    import pandas as pd

    from engine.assess import Assessment

PLACE, IDLE = "person.job.place", "person.unemployed_months"
# The answers that say the person has a job now (the questionnaire's "Where do you work now?").
IN_A_JOB = ("same_county", "other_county_in_region", "other_province")
BUSINESS, OWN_BUSINESS = "person.business.kind", ("micro_enterprise", "individual")


def _lives_in_town(facts: Mapping[str, Any]) -> bool | None:
    """Months in town are running only for someone who lives in town now (0 months: a village)."""
    months = facts.get("person.urban_months")
    return None if months is None else months > 0


def _has_a_job(facts: Mapping[str, Any]) -> bool | None:
    """In work now: a job, or a business of one's own (self-employment is not 无业). Not known while neither is."""
    if facts.get(BUSINESS) in OWN_BUSINESS:
        return True
    place = facts.get(PLACE)
    return None if place is None else place in IN_A_JOB


def _without_work(facts: Mapping[str, Any]) -> bool | None:
    """Months without work come to 6 only for someone without a job now: a job now rules it out, whatever
    months without work were answered; without an answer on the job, months without work say so."""
    job = _has_a_job(facts)
    if job is not None:
        return not job
    idle = facts.get(IDLE)
    return True if idle is not None and idle > 0 else None


class WithoutWorkFor(Expr):
    """Without work now (no job) for at least ``art13.min_months``: false for someone with a job now, else the
    months without work against the minimum (not known while they are not)."""

    def one(self, ctx: Context) -> bool | None:
        if _has_a_job(ctx.facts):
            return False
        idle = ctx.facts.get(IDLE)
        return None if idle is None else idle >= ctx.params["art13.min_months"]

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        long_enough = (Fact(IDLE) >= Param("art13.min_months")).many(frame, params)
        in_a_job = Fact(PLACE).isin(IN_A_JOB).many(frame, params).fillna(False).astype(bool)
        in_a_job |= Fact(BUSINESS).isin(OWN_BUSINESS).many(frame, params).fillna(False).astype(bool)
        return long_enough.mask(in_a_job, False).astype("boolean")

    def facts(self) -> set[str]:
        return {IDLE, PLACE, BUSINESS}


@dataclass(frozen=True)
class _WithoutWork(Condition):
    """The months without work, said as a job for someone who has one ("You have a job now: …")."""

    in_a_job: Text = ""

    def message(self, ctx: Context, met: bool) -> Message:
        if not met and _has_a_job(ctx.facts):
            return message_of(self.in_a_job, {})
        return super().message(ctx, met)


CLAUSE = (
    "对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，享受各项就业创业"
    "优惠政策。"
)
LIVES_IN_TOWN = Condition(
    Fact("person.urban_months") > 0,
    met=N_("You live in a town or city."),
    unmet=N_("Registration in town is for people who live in a town or city, not in a village."),
)
IN_TOWN = months_at_least(
    "person.urban_months", "art13.min_months",
    met=Nn_("You have lived in town for {months} month ({required} or more needed).",
        "You have lived in town for {months} months ({required} or more needed)."),
    unmet=Nn_("You have lived in town for {months} month; {required} or more are needed.",
        "You have lived in town for {months} months; {required} or more are needed."),
    remedy=wait_months("person.urban_months", "art13.min_months",
                       Nn_("{more} more month living in town", "{more} more months living in town"),
                       guard=_lives_in_town),
    readings=("unemployment_six_months",),
)
WITHOUT_WORK = _WithoutWork(
    WithoutWorkFor(),
    met=Nn_("You have been without work for {months} month ({required} or more needed).",
        "You have been without work for {months} months ({required} or more needed)."),
    unmet=Nn_("You have been without work for {months} month; {required} or more are needed.",
        "You have been without work for {months} months; {required} or more are needed."),
    in_a_job=N_("You are in work now (a job, or a business of your own): registering as unemployed in town is for "
                "people without work."),
    params={"months": Fact(IDLE), "required": Param("art13.min_months")},
    # No step for someone with a job: the article is for people without work, not a reason to leave one.
    remedy=wait_months(IDLE, "art13.min_months", Nn_("{more} more month without work", "{more} more months without work"),
                       guard=_without_work, guard_facts=(PLACE, BUSINESS)),
    readings=("unemployment_six_months", "yishang_inclusive"),
)


def _idle_exactly_the_minimum(ctx: Context, now: Assessment) -> bool:
    """Without work for exactly the months required (以上 includes the number)."""
    return WITHOUT_WORK in now.met and ctx.facts.get(IDLE) == ctx.params["art13.min_months"]


RULE = Rule(
    benefit="unemployment_registration",
    article=13,
    clause=CLAUSE,
    conditions=(REGISTERED_POOR, LIVES_IN_TOWN, IN_TOWN, WITHOUT_WORK),
    interpretations=("unemployment_six_months", "yishang_inclusive"),
    decides=(
        # The 6 months qualify the time in town too: a person in town for less is kept out by the reading.
        decides("unemployment_six_months", failed(IN_TOWN), IN_TOWN),
        decides("yishang_inclusive", at_threshold(IN_TOWN), IN_TOWN),
        decides("yishang_inclusive", _idle_exactly_the_minimum, WITHOUT_WORK),
    ),
    person_level=True,
)
RULES = (RULE,)
