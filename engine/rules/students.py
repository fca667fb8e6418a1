"""Which students on a school's list count, for Article (十一): "two-after" students (两后生).

> 凡有培训意愿的建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业技能培训且培训合格的，按照每人6000元标准从就业补助资金
> 中给予培训补助……同时从切块下达的财政专项扶贫资金中给予每人3000元的扶贫助学补助。

A student counts when they are from a registered poor family, are a "two-after" student, have
trained for at least one semester and passed. The same student brings the training grant to the
school and the study aid to the student, so one row rule serves both; the school's own condition
(a technical school, 技工院校) stays in the benefit rules of :mod:`engine.rules.art11_two_after`,
which the count is given to. Enrolling is taken as the willingness to train (有培训意愿).
"""

from __future__ import annotations

from engine.logic import Fact, Param, is_true
from engine.rules import art11_two_after
from engine.rules.rows import RowCondition, RowRule
from i18n import N_, Nn_

REGISTERED_POOR = "student.registered_poor"
TWO_AFTER = "student.two_after"
SEMESTERS = "student.semesters"
PASSED = "student.passed"

STUDENT = RowRule(
    id="student",
    benefit="two_after_training_grant",
    article=11,
    clause=art11_two_after.CLAUSE,
    conditions=(
        RowCondition(
            "registered_poor", is_true(REGISTERED_POOR),
            unmet=N_("Not from a registered poor family (建档立卡)."),
            unknown=N_("Not known whether the student is from a registered poor family ({column})."),
        ),
        RowCondition(
            "two_after", is_true(TWO_AFTER),
            unmet=N_("Not a “two-after” student (a junior or senior high school leaver who did not go on to further "
                     "study)."),
            unknown=N_("Not known whether the student is a “two-after” student ({column})."),
        ),
        RowCondition(
            "semesters", Fact(SEMESTERS) >= Param("art11.min_semesters"),
            unmet=Nn_("{semesters} semester completed so far; {required} needed.",
                      "{semesters} semesters completed so far; {required} needed."),
            unknown=N_("Semesters completed not known ({column})."),
            fix=Nn_("complete {semesters_more} more semester", "complete {semesters_more} more semesters"),
            params={"semesters": Fact(SEMESTERS), "required": Param("art11.min_semesters"),
                    "semesters_more": Param("art11.min_semesters") - Fact(SEMESTERS)},
            wait="semesters_more", wait_unit="art11.semester_months",
        ),
        RowCondition(
            "passed", is_true(PASSED),
            unmet=N_("Did not pass the training."),
            unknown=N_("Training result not known yet ({column})."),
            fix=N_("pass the training assessment"),
        ),
    ),
    all_met=Nn_("Registered poor family, “two-after” student, {semesters} semester trained, passed.",
                "Registered poor family, “two-after” student, {semesters} semesters trained, passed."),
    count_fact="institution.two_after_passed",
    interpretations=("two_after_payee", "two_after_one_semester_minimum", "action_after_day_assessed"),
)
STUDENT_RULES: tuple[RowRule, ...] = (STUDENT,)
DUPLICATE = N_("Same ID number as row {first_row}: the student is paid for once, in row {first_row}.")
