"""Article (十): training support for employers in Ningxia, and the workers' skill-upgrade subsidy.

> 区内用人单位吸纳贫困劳动力就业，开展上岗培训、转岗培训和岗位技能提升培训，培训后取得培训合格证书或职业资格证书（职业技能
> 等级证书、专项职业能力证书），按照自治区职业培训政策给予培训鉴定补贴。依法参加失业保险3年以上、当年取得国家职业资格证书
> 或职业技能等级证书的建档立卡贫困劳动力可按规定申请职工技能提升补贴，补贴标准按照取得的国家职业资格证书或职业等级证书
> 初、中、高级分别给予1000元、1500元、2000元补贴，补贴资金按规定从失业保险金中列支。

From 2019-01-01 the years of unemployment insurance are 1 instead of 3 (the national relaxation Ningxia
applied; reading ``skill_upgrade_12_months``, parameter ``art10.min_insurance_years``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from engine import catalog, policy
from engine.logic import Context, Expr, Fact, Lookup, Param
from engine.messages import msg
from engine.params import value_entry
from engine.remedies import Do, Plan, Upgrade, Wait, part
from engine.rules.art08_training import EMPLOYER_TRAINING_STANDARD
from engine.rules.base import (
    AFTER_THE_DAY,
    CALENDAR_YEAR,
    IN_THE_COUNT,
    IN_THE_TOTAL,
    Condition,
    Rule,
    at_threshold,
    decides,
    never_decides,
)
from engine.rules.common import REGISTERED_POOR, count_at_least
from i18n import N_, Nn_

if TYPE_CHECKING:
    import pandas as pd

    from engine.assess import Assessment

EMPLOYER_CLAUSE = (
    "区内用人单位吸纳贫困劳动力就业，开展上岗培训、转岗培训和岗位技能提升培训，培训后取得培训合格证书或职业资格证书"
    "（职业技能等级证书、专项职业能力证书），按照自治区职业培训政策给予培训鉴定补贴。"
)
UPGRADE_CLAUSE = (
    "依法参加失业保险3年以上、当年取得国家职业资格证书或职业技能等级证书的建档立卡贫困劳动力可按规定申请职工技能提升补贴，"
    "补贴标准按照取得的国家职业资格证书或职业等级证书初、中、高级分别给予1000元、1500元、2000元补贴，补贴资金按规定从"
    "失业保险金中列支。"
)

EMPLOYER_TRAINING = Rule(
    benefit="employer_training_subsidy",
    article=10,
    clause=EMPLOYER_CLAUSE,
    conditions=(
        Condition(
            Fact("employer.in_region").equals(True),
            met=N_("Your organisation is in Ningxia."),
            unmet=N_("This is for employers in Ningxia; employers outside Ningxia see Article 9 (九)."),
        ),
        count_at_least(
            "employer.certified_trained_hires", "art10.min_hires",
            met=Nn_("{count} poor worker you hired and trained obtained a training or vocational qualification "
                    "certificate.",
                    "{count} poor workers you hired and trained obtained a training or vocational qualification "
                    "certificate."),
            unmet=N_("No poor worker you hired and trained has obtained a training certificate (培训合格证书) or a "
                     "vocational qualification certificate (职业资格证书) yet: the subsidy pays for training that "
                     "ends in one."),
            more=Nn_("{more} poor worker you hired who completes your induction, job-change or on-the-job "
                     "training and obtains a training or vocational qualification certificate",
                     "{more} poor workers you hired who complete your induction, job-change or on-the-job "
                     "training and obtain a training or vocational qualification certificate"),
            readings=("employer_training_certified_hires", "action_after_day_assessed"),
        ),
    ),
    amount=Param("art08.regional_training_standard"),
    interpretations=("employer_training_certified_hires", "action_after_day_assessed"),
    decides=(never_decides("employer_training_certified_hires", IN_THE_COUNT),
             never_decides("action_after_day_assessed", AFTER_THE_DAY)),
    missing_figures=(EMPLOYER_TRAINING_STANDARD,),
)

class AssessedYear(Expr):
    """The calendar year of the day assessed, as text (a year, not a number to format): the year “当年” (that
    year) names (reading ``skill_certificate_calendar_year``)."""

    def one(self, ctx: Context) -> str:
        return str(ctx.params["date"].year)

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:  # pragma: no cover - messages only
        raise NotImplementedError


def _insured_now(facts: Mapping[str, Any]) -> bool | None:
    """Unemployment insurance is paid while in a job with social insurance; else an insured job comes first."""
    place, insured = facts.get("person.job.place"), facts.get("person.job.social_insurance")
    if place == "none" or insured is False:
        return False
    return True if place is not None and insured is True else None


INSURANCE_YEARS = Condition(
    Fact("person.unemployment_insurance_years") >= Param("art10.min_insurance_years"),
    met=Nn_("You have paid unemployment insurance for {years} year ({required} or more needed).",
        "You have paid unemployment insurance for {years} years ({required} or more needed)."),
    unmet=Nn_("You have paid unemployment insurance for {years} year; {required} or more are needed.",
        "You have paid unemployment insurance for {years} years; {required} or more are needed."),
    params={"years": Fact("person.unemployment_insurance_years"), "required": Param("art10.min_insurance_years")},
    remedy=Wait("person.unemployment_insurance_years", "art10.min_insurance_years",
                part(Nn_("{more} more year of unemployment insurance", "{more} more years of unemployment insurance")),
                unit_months=12, running=_insured_now),
    readings=("skill_upgrade_12_months", "yishang_inclusive", "action_after_day_assessed"),
)


def _fewer_than_the_articles_years(ctx: Context, now: Assessment) -> bool:
    """The years held only under the relaxed rule: fewer than the article's own (3年以上, its first value)."""
    article = value_entry("art10.min_insurance_years", policy.IN_FORCE_FROM)["value"]
    years = ctx.facts.get("person.unemployment_insurance_years")
    return INSURANCE_YEARS in now.met and years is not None and years < article
def _still_short_of_the_articles_years(ctx: Context, now: Assessment) -> bool:
    """Fewer years than the article's own 3, not yet enough: what is still needed (a step, or why none is in time)
    is measured against the relaxed 1 year."""
    article = value_entry("art10.min_insurance_years", policy.IN_FORCE_FROM)["value"]
    years = ctx.facts.get("person.unemployment_insurance_years")
    return INSURANCE_YEARS in now.failed and years is not None and years < article


CERTIFICATE = Condition(
    Fact("person.certificate_this_year").isin(("junior", "intermediate", "senior")),
    met=N_("You obtained a vocational qualification or skill-level certificate in {year}."),
    unmet=N_("You need a national vocational qualification or skill-level certificate obtained in {year}."),
    params={"year": AssessedYear()},
    remedy=Do({"person.certificate_this_year": "junior"},
              part(N_("a junior (初级) certificate obtained in {year}")), this_year=True),
    readings=("skill_certificate_calendar_year", "action_after_day_assessed"),
)
AMOUNT = Lookup(Fact("person.certificate_this_year"), Param("art10.amount_by_level"))


HIGHER_LEVEL = {
    "junior": ("intermediate", N_("an intermediate (中级) certificate obtained in {year} instead of a junior one")),
    "intermediate": ("senior", N_("a senior (高级) certificate obtained in {year} instead of an intermediate one")),
}


def _higher_level(ctx: Context) -> list[Plan]:
    """A certificate of the next level obtained in the same year pays more."""
    higher = HIGHER_LEVEL.get(ctx.facts.get("person.certificate_this_year"))
    if higher is None:
        return []
    level, words = higher
    return [Plan({"person.certificate_this_year": level}, 0, part(words), act=True, this_year=True)]


def _extras(ctx: Context, amount: Any) -> dict[str, Any]:
    """What to bring names the year of the certificate."""
    year = AssessedYear().one(ctx)
    others = catalog.BY_ID["skill_upgrade_subsidy"].documents[1:]
    return {"documents": [msg(N_("The certificate obtained in {year}"), year=year), *(msg(d) for d in others)]}


SKILL_UPGRADE = Rule(
    benefit="skill_upgrade_subsidy",
    article=10,
    clause=UPGRADE_CLAUSE,
    conditions=(REGISTERED_POOR, INSURANCE_YEARS, CERTIFICATE),
    amount=AMOUNT,
    interpretations=("skill_upgrade_12_months", "yishang_inclusive", "one_certificate_one_subsidy",
                     "skill_certificate_calendar_year", "action_after_day_assessed"),
    decides=(
        decides("skill_upgrade_12_months", _fewer_than_the_articles_years, INSURANCE_YEARS),
        decides("skill_upgrade_12_months", _still_short_of_the_articles_years),
        decides("yishang_inclusive", at_threshold(INSURANCE_YEARS), INSURANCE_YEARS),
        never_decides("one_certificate_one_subsidy", IN_THE_TOTAL),
        never_decides("skill_certificate_calendar_year", CALENDAR_YEAR),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
    ),
    upgrades=(Upgrade(_higher_level),),
    person_level=True,
    extras=_extras,
)
RULES = (EMPLOYER_TRAINING, SKILL_UPGRADE)
