"""Article (十三): unemployment registration in town after 6 months there without work.

> 对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，享受各项就业创业
> 优惠政策。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.logic import Fact
from engine.rules.base import Condition, Rule, at_threshold, decides, failed
from engine.rules.common import REGISTERED_POOR, months_at_least, wait_months
from i18n import N_, Nn_


def _lives_in_town(facts: Mapping[str, Any]) -> bool:
    """Months in town are running only for someone who lives in town now (0 months: a village)."""
    return facts["person.urban_months"] > 0


def _without_work(facts: Mapping[str, Any]) -> bool | None:
    """Months without work are running only for someone without a job now."""
    if facts["person.unemployed_months"] > 0:
        return True
    place = facts.get("person.job.place")
    return None if place is None else place == "none"



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
WITHOUT_WORK = months_at_least(
    "person.unemployed_months", "art13.min_months",
    met=Nn_("You have been without work for {months} month ({required} or more needed).",
        "You have been without work for {months} months ({required} or more needed)."),
    unmet=Nn_("You have been without work for {months} month; {required} or more are needed.",
        "You have been without work for {months} months; {required} or more are needed."),
    remedy=wait_months("person.unemployed_months", "art13.min_months",
                       Nn_("{more} more month without work", "{more} more months without work"),
                       guard=_without_work, guard_facts=("person.job.place",)),
    readings=("unemployment_six_months",),
)


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
        decides("yishang_inclusive", at_threshold(WITHOUT_WORK), WITHOUT_WORK),
    ),
    person_level=True,
)
RULES = (RULE,)
