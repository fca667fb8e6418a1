"""Article (十): training support for employers in Ningxia, and the workers' skill-upgrade subsidy.

> 区内用人单位吸纳贫困劳动力就业，开展上岗培训、转岗培训和岗位技能提升培训，培训后取得培训合格证书或职业资格证书（职业技能
> 等级证书、专项职业能力证书），按照自治区职业培训政策给予培训鉴定补贴。依法参加失业保险3年以上、当年取得国家职业资格证书
> 或职业技能等级证书的建档立卡贫困劳动力可按规定申请职工技能提升补贴，补贴标准按照取得的国家职业资格证书或职业等级证书
> 初、中、高级分别给予1000元、1500元、2000元补贴，补贴资金按规定从失业保险金中列支。
"""

from __future__ import annotations

from engine.logic import Context, Fact, Lookup, Param, is_true
from engine.messages import Message, msg
from engine.rules.art08_training import TRAINING_STANDARD
from engine.rules.base import Condition, Outcome, Rule
from engine.rules.common import REGISTERED_POOR, count_at_least
from i18n import N_

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
            unmet=N_("This is for employers in Ningxia; employers outside Ningxia see article (九)."),
        ),
        count_at_least(
            "employer.qualifying_hires", "art10.min_hires",
            met=N_("{count} poor workers hired."),
            unmet=N_("No poor worker hired yet."),
        ),
        Condition(
            is_true("employer.trains_hires"),
            met=N_("You train them (induction, job-change or on-the-job skills training)."),
            unmet=N_("The subsidy needs induction, job-change or on-the-job skills training that you "
                     "organise, ending in a certificate."),
        ),
    ),
    amount=Param("art08.regional_training_standard"),
    missing_figures=(TRAINING_STANDARD,),
)

INSURANCE_YEARS = Condition(
    Fact("person.unemployment_insurance_years") >= Param("art10.min_insurance_years"),
    met=N_("You have paid unemployment insurance for {years} years ({required} or more needed)."),
    unmet=N_("You have paid unemployment insurance for {years} years; {required} or more are needed."),
    params={"years": Fact("person.unemployment_insurance_years"), "required": Param("art10.min_insurance_years")},
)
CERTIFICATE = Condition(
    Fact("person.certificate_this_year").isin(("junior", "intermediate", "senior")),
    met=N_("You obtained a vocational qualification or skill-level certificate this year."),
    unmet=N_("You need a national vocational qualification or skill-level certificate obtained this year."),
)
AMOUNT = Lookup(Fact("person.certificate_this_year"), Param("art10.amount_by_level"))


def _next(ctx: Context, outcome: Outcome) -> list[Message]:
    table = ctx.params["art10.amount_by_level"]
    years = ctx.facts.get("person.unemployment_insurance_years")
    if outcome.failed == (CERTIFICATE,):
        return [msg(N_("Obtain a junior certificate this year → {amount}; intermediate or senior pays more."),
                    amount=table["junior"])]
    if outcome.failed == (INSURANCE_YEARS,) and years is not None:
        return [msg(N_("After {years_more} more years of unemployment insurance you can claim {amount}."),
                    years_more=round(ctx.params["art10.min_insurance_years"] - years, 2),
                    amount=AMOUNT.one(ctx) or table["junior"])]
    if outcome.status == "eligible":
        level = ctx.facts.get("person.certificate_this_year")
        higher = {"junior": "intermediate", "intermediate": "senior"}.get(level)
        if higher:
            return [msg(N_("A higher-level certificate would pay {amount}."), amount=table[higher])]
    return []


SKILL_UPGRADE = Rule(
    benefit="skill_upgrade_subsidy",
    article=10,
    clause=UPGRADE_CLAUSE,
    conditions=(REGISTERED_POOR, INSURANCE_YEARS, CERTIFICATE),
    amount=AMOUNT,
    interpretations=("yishang_inclusive",),
    next_step=_next,
    person_level=True,
)
RULES = (EMPLOYER_TRAINING, SKILL_UPGRADE)
