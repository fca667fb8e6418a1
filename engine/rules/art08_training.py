"""Article (八): the vocational training subsidy, paid to the person after the certificate.

> 培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。政府购买社会服务由培训机构或
> 企业承担培训任务的，采取整建制购买培训项目开展集中培训，培训任务完成后，将职业技能培训补助兑付给培训机构或企业。

The amount follows the region's training-subsidy standard by occupation and level, which was not
found: the result is eligible with no amount and names the missing figure.
"""

from __future__ import annotations

from engine.logic import Context, Param, is_true
from engine.messages import Message, msg
from engine.rules.base import Condition, MissingFigure, Outcome, Rule
from engine.rules.common import REGISTERED_POOR
from i18n import N_

CLAUSE = "培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。"

CERTIFICATE = Condition(
    is_true("person.training_certificate"),
    met=N_("You finished training and obtained the certificate."),
    unmet=N_("The subsidy is paid after you finish training and obtain the certificate."),
)

TRAINING_STANDARD = MissingFigure(
    "regional_training_standard",
    N_("The region's vocational training subsidy standard for your occupation and level"),
    N_("Published by the Ningxia Department of Human Resources and Social Security; the county employment "
       "service centre tells you the amount for your course."),
)


def _next(ctx: Context, outcome: Outcome) -> list[Message]:
    if outcome.failed == (CERTIFICATE,):
        return [msg(N_("Finish a course at a training institution you choose and obtain the certificate."))]
    return []


RULE = Rule(
    benefit="training_subsidy",
    article=8,
    clause=CLAUSE,
    conditions=(REGISTERED_POOR, CERTIFICATE),
    amount=Param("art08.regional_training_standard"),
    missing_figures=(TRAINING_STANDARD,),
    next_step=_next,
    person_level=True,
)
RULES = (RULE,)
