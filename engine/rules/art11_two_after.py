"""Article (十一): "two-after" students (两后生) of registered poor families at technical schools.

> 凡有培训意愿的建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业技能培训且培训合格的，按照每人6000元标准从就业补助资金
> 中给予培训补助，培训期间学费、住宿费（含卧具）和实习材料费全免，同时从切块下达的财政专项扶贫资金中给予每人3000元的扶贫
> 助学补助。

Two variants of each benefit: one student (person facts), or a school's cohort
(``institution.two_after_passed`` passed students, 6,000 and 3,000 yuan each). When the school's count is known it
is assessed and a student's own facts are not (reading ``two_after_school_count``). "1个学期" is at least one
semester (reading ``two_after_one_semester_minimum``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from engine.logic import Context, Fact, Param, is_true
from engine.remedies import Assume, Do, Wait, part
from engine.rules.base import (
    AFTER_THE_DAY,
    IN_THE_COUNT,
    Condition,
    Decides,
    Rule,
    decides,
    due,
    failed,
    never_decides,
)
from engine.rules.common import count_at_least
from i18n import N_, Nn_

if TYPE_CHECKING:
    from engine.assess import Assessment

# How long a semester may take, for a step that needs one (reading two_after_semester_months).
SEMESTER = "art11.semester_months"

CLAUSE = (
    "凡有培训意愿的建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业技能培训且培训合格的，按照每人6000元标准从就业补助资金"
    "中给予培训补助，培训期间学费、住宿费（含卧具）和实习材料费全免，同时从切块下达的财政专项扶贫资金中给予每人3000元的扶贫"
    "助学补助。"
)


def _not_known_to_run(facts: Mapping[str, Any]) -> None:
    """Whether a semester has begun is not asked: the one still needed starts after the day assessed."""
    return None


STUDENT = (
    Condition(
        is_true("person.registered_poor"),
        met=N_("The student is from a registered poor family."),
        unmet=N_("Only students from registered poor families (建档立卡贫困家庭) qualify."),
        remedy=Assume({"person.registered_poor": True},
                      part(N_("your household being registered as poor (建档立卡)"))),
    ),
    Condition(
        is_true("person.two_after_student"),
        met=N_("The student is a “two-after” student (left school after junior or senior high school)."),
        unmet=N_("Only “two-after” students qualify: school leavers after junior or senior high school "
                 "who did not go on to further study."),
        remedy=Assume({"person.two_after_student": True}, part(N_("being a “two-after” student (两后生)"))),
    ),
    Condition(
        Fact("person.tech_school_semesters") >= Param("art11.min_semesters"),
        met=Nn_("{count} semester of vocational training at a technical school (at least {required}).",
        "{count} semesters of vocational training at a technical school (at least {required})."),
        unmet=Nn_("{count} semester at a technical school so far; at least {required} is needed.",
        "{count} semesters at a technical school so far; at least {required} is needed."),
        params={"count": Fact("person.tech_school_semesters"), "required": Param("art11.min_semesters")},
        remedy=Wait("person.tech_school_semesters", "art11.min_semesters", part(Nn_(
            "{more} more semester of vocational training at a technical school (技工院校)",
            "{more} more semesters of vocational training at a technical school (技工院校)")), unit_months=SEMESTER,
            running=_not_known_to_run),
        readings=("two_after_one_semester_minimum", "two_after_semester_months", "action_after_day_assessed"),
    ),
    Condition(
        is_true("person.training_passed"),
        met=N_("The student passed the training."),
        unmet=N_("The student must pass the training."),
        remedy=Do({"person.training_passed": True}, part(N_("passing the training")), only_unknown=True),
        readings=("action_after_day_assessed",),
    ),
)
COHORT = (
    Condition(
        Fact("institution.kind").equals("technical_school"),
        met=N_("You are a technical school (技工院校)."),
        unmet=N_("The article pays for training at technical schools (技工院校) only."),
    ),
    count_at_least(
        "institution.two_after_passed", "art11.min_passed",
        met=Nn_("{count} “two-after” student passed after a semester.",
        "{count} “two-after” students passed after a semester."),
        unmet=N_("No student has passed yet."),
        more=Nn_("{more} more “two-after” student passing after a semester",
                 "{more} more “two-after” students passing after a semester"),
        wait_param=SEMESTER,
        readings=("two_after_school_count", "two_after_one_semester_minimum", "two_after_semester_months",
                  "action_after_day_assessed"),
    ),
)
PASSED = Fact("institution.two_after_passed")
SEMESTERS_DONE = next(c for c in STUDENT if "two_after_one_semester_minimum" in c.readings)
PASSED_COUNT = next(c for c in COHORT if "two_after_school_count" in c.readings)


def _more_than_one_semester(ctx: Context, now: Assessment) -> bool:
    """Two semesters or more: “1个学期” read as at least one lets the student in."""
    semesters = ctx.facts.get("person.tech_school_semesters")
    return SEMESTERS_DONE in now.met and semesters > ctx.params["art11.min_semesters"]


def _students_answers_set_aside(ctx: Context, now: Assessment) -> bool:
    """The school's count is assessed while a student's own answers are there too."""
    own = ("person.two_after_student", "person.tech_school_semesters", "person.training_passed")
    return any(ctx.facts.get(name) is not None for name in own)


def _payee(benefit: str) -> Decides:
    if benefit == "two_after_training_grant":
        return decides("two_after_payee", due)
    return never_decides("two_after_payee", "the study aid is the student's by the text (每人3000元的扶贫助学补助); "
                         "the reading decides who is paid the training grant")


def _rules(benefit: str, amount_param: str) -> tuple[Rule, Rule]:
    # two_after_payee is the amount's reading (who is paid); the others are the conditions'.
    common = {"benefit": benefit, "article": 11, "clause": CLAUSE}
    readings = ("two_after_payee", "two_after_one_semester_minimum", "two_after_semester_months",
                "action_after_day_assessed")
    cohort = Rule(conditions=COHORT, amount=PASSED * Param(amount_param), applies_when="institution.two_after_passed",
                  interpretations=("two_after_school_count", *readings), **common, decides=(
                      decides("two_after_school_count", _students_answers_set_aside),
                      _payee(benefit),
                      never_decides("two_after_one_semester_minimum", IN_THE_COUNT),
                      # The step to a first passed student is dated with the semester's length.
                      decides("two_after_semester_months", failed(PASSED_COUNT), PASSED_COUNT),
                      never_decides("action_after_day_assessed", AFTER_THE_DAY),
                  ))
    student = Rule(conditions=STUDENT, amount=Param(amount_param), person_level=True, interpretations=readings,
                   **common, decides=(
                       decides("two_after_one_semester_minimum", _more_than_one_semester, SEMESTERS_DONE),
                       _payee(benefit),
                       # The step to a semester is dated with its length, when the semester is all that is missing.
                       decides("two_after_semester_months", failed(SEMESTERS_DONE), SEMESTERS_DONE),
                       never_decides("action_after_day_assessed", AFTER_THE_DAY),
                   ))
    return cohort, student


RULES = (*_rules("two_after_training_grant", "art11.training_grant"),
         *_rules("two_after_study_aid", "art11.study_aid"))
