"""Article (八): the vocational training subsidy, paid to the person after the certificate.

> 培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。政府购买社会服务由培训机构或
> 企业承担培训任务的，采取整建制购买培训项目开展集中培训，培训任务完成后，将职业技能培训补助兑付给培训机构或企业。

The amount follows the region's training-subsidy standard by occupation and level, which was not
found: the result is eligible with no amount and names the missing figure.

``person.training_certificate``: the person finished a course and obtained the certificate it leads to, of
either kind, a training-completion certificate (培训合格证书) or a vocational qualification certificate (职业资格证书)
(reading ``training_certificate_either_kind``). The trainee must be registered poor: the clause says "培训对象", the
heading of its part of the policy names registered poor workers (reading ``training_registered_poor_from_heading``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engine.logic import Context, Expr, Param, is_true
from engine.remedies import Do, part
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_TOTAL,
    Condition,
    MissingFigure,
    Rule,
    decides,
    failed,
    met,
    never_decides,
)
from engine.rules.common import REGISTERED_POOR
from i18n import N_

if TYPE_CHECKING:
    import pandas as pd

CLAUSE = "培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。"

CERTIFICATE = Condition(
    is_true("person.training_certificate"),
    met=N_("You finished a course and obtained its certificate (a training-completion certificate or a vocational "
           "qualification certificate)."),
    unmet=N_("The subsidy is paid after you finish a course and obtain its certificate: a training-completion "
             "certificate (培训合格证书) or a vocational qualification certificate (职业资格证书)."),
    remedy=Do({"person.training_certificate": True},
              part(N_("finishing a course at a training institution you choose and obtaining its certificate (a "
                      "training-completion or a vocational qualification certificate)"))),
    readings=("training_certificate_either_kind", "action_after_day_assessed"),
)
# “培训对象” (the trainee) is a registered poor worker by the heading of the policy's part two.
TRAINEE_REGISTERED_POOR = replace(REGISTERED_POOR, readings=("training_registered_poor_from_heading",))

TWO_AFTER, SEMESTERS = "person.two_after_student", "person.tech_school_semesters"


class NotTheTechSchoolSemester(Expr):
    """The course is not a “two-after” student's semester at a technical school (paid under article 十一).

    Reading ``one_course_one_subsidy``: false for a “two-after” student with the semester; not known for a
    “two-after” student whose semesters are not known; true otherwise (the certificate is taken to be from
    another course unless the person said so).
    """

    def one(self, ctx: Context) -> bool | None:
        if ctx.facts.get(TWO_AFTER) is not True:
            return True
        semesters = ctx.facts.get(SEMESTERS)
        return None if semesters is None else semesters < ctx.params["art11.min_semesters"]

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        import pandas as pd  # noqa: PLC0415 - rosters only (issue 15)

        two_after = (frame[TWO_AFTER].astype("boolean") if TWO_AFTER in frame
                     else pd.Series(pd.NA, index=frame.index, dtype="boolean"))
        semesters = (pd.to_numeric(frame[SEMESTERS], errors="coerce").astype("Float64") if SEMESTERS in frame
                     else pd.Series(pd.NA, index=frame.index, dtype="Float64"))
        result = (semesters < params["art11.min_semesters"]).astype("boolean")
        return result.where(two_after.fillna(False), True).astype("boolean")

    def facts(self) -> set[str]:
        return {TWO_AFTER, SEMESTERS}


ONE_COURSE = Condition(
    NotTheTechSchoolSemester(),
    met=N_("This course is not a technical-school semester already paid under Article 11 (十一): one course, one "
           "subsidy."),
    unmet=N_("Your semester at a technical school as a “two-after” student is paid under Article 11 (十一): one "
             "course, one subsidy. A different course you chose yourself can be paid here; ask the county "
             "employment service centre."),
    readings=("one_course_one_subsidy",),
)

# The same figure as an employer reads it (articles 九 and 十): the courses it trains its hires in, not "your course".
EMPLOYER_TRAINING_STANDARD = MissingFigure(
    "regional_training_standard",
    N_("The region's vocational training subsidy standard for the occupations and levels you train your hires in"),
    N_("Published by the Ningxia Department of Human Resources and Social Security; the office where you apply tells "
       "you the amount for each course."),
)
TRAINING_STANDARD = MissingFigure(
    "regional_training_standard",
    N_("The region's vocational training subsidy standard for your occupation and level"),
    N_("Published by the Ningxia Department of Human Resources and Social Security; the county employment "
       "service centre tells you the amount for your course."),
)


RULE = Rule(
    benefit="training_subsidy",
    article=8,
    clause=CLAUSE,
    conditions=(TRAINEE_REGISTERED_POOR, CERTIFICATE, ONE_COURSE),
    interpretations=("training_registered_poor_from_heading", "one_certificate_one_subsidy", "training_certificate_either_kind",
                     "one_course_one_subsidy", "action_after_day_assessed"),
    decides=(
        decides("training_registered_poor_from_heading", failed(TRAINEE_REGISTERED_POOR), TRAINEE_REGISTERED_POOR),
        # The kind of certificate is not asked: with one, either kind may be what lets the person in.
        decides("training_certificate_either_kind", met(CERTIFICATE), CERTIFICATE),
        decides("one_course_one_subsidy", failed(ONE_COURSE), ONE_COURSE),
        never_decides("one_certificate_one_subsidy", IN_THE_TOTAL),
        never_decides("action_after_day_assessed", AFTER_THE_DAY),
    ),
    amount=Param("art08.regional_training_standard"),
    missing_figures=(TRAINING_STANDARD,),
    person_level=True,
)
RULES = (RULE,)
