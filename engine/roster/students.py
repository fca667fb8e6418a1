"""A school's list of "two-after" students (两后生): who brings the Article 11 (十一) payments, and why not.

:func:`read_students` reads a CSV or XLSX file with the site's one reader (:mod:`engine.roster.files`)
and :data:`STUDENT_SCHEMA` (Chinese headers and cell words accepted), then checks each student
against :data:`engine.rules.students.STUDENT` with :mod:`engine.roster.check`. :func:`summarise`
gives the count of students who count to the benefit rules of article (十一), with the school's
kind, so the training grant (to the school) and the study aid (to the students) are the same as on
the cohort calculator. Nothing is written anywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engine.employer import results
from engine.roster import check as roster_check
from engine.roster.cells import Column, Schema
from engine.roster.check import REGISTERED_WORDS, RosterCheck, RosterKind, id_column, name_column
from engine.rules.students import (
    DUPLICATE,
    PASSED,
    REGISTERED_POOR,
    SEMESTERS,
    STUDENT,
    STUDENT_RULES,
    TWO_AFTER,
)
from i18n import N_

NAME, ID_NUMBER = "student.name", "student.id_number"
BENEFITS = ("two_after_training_grant", "two_after_study_aid")
PASSED_WORDS = {
    **dict.fromkeys(("合格", "通过", "已通过", "及格", "pass", "passed"), True),
    **dict.fromkeys(("不合格", "未通过", "不及格", "fail", "failed"), False),
}

STUDENT_SCHEMA = Schema((
    name_column(NAME, "姓名", "学生姓名", "学员姓名"),
    id_column(ID_NUMBER),
    Column(REGISTERED_POOR, "bool", N_("From a registered poor family (建档立卡): yes or no"),
           headers=("是否建档立卡", "是否建档立卡贫困家庭", "建档立卡", "是否贫困家庭", "registered poor"),
           values=REGISTERED_WORDS, required=True, en_header="Registered poor", example=("是", "yes")),
    Column(TWO_AFTER, "bool", N_("A “two-after” student (两后生: left junior or senior high school, no further study): "
                                 "yes or no"),
           headers=("是否两后生", "两后生", "two-after", "two after"), required=True, en_header="Two-after student",
           example=("是", "yes")),
    Column(SEMESTERS, "int", N_("Semesters of training completed at your school (a whole number)"),
           headers=("已完成学期数", "完成学期数", "培训学期数", "学期数", "semesters"), minimum=0, maximum=20,
           required=True, en_header="Semesters completed", example=("2", "2")),
    Column(PASSED, "bool", N_("Passed the training: passed or failed (empty while not assessed)"),
           headers=("是否培训合格", "培训是否合格", "是否合格", "培训结果", "考核结果", "passed"), values=PASSED_WORDS,
           required=True, en_header="Passed the training", example=("合格", "passed")),
))
STUDENTS = RosterKind(
    schema=STUDENT_SCHEMA,
    rules=STUDENT_RULES,
    rule_columns={STUDENT.id: (N_("Payments (Article 11 (十一))"), N_("Why"), N_("Next step"))},
    duplicate=DUPLICATE,
    template_fields=(NAME, ID_NUMBER, REGISTERED_POOR, TWO_AFTER, SEMESTERS, PASSED),
    name=NAME,
    id_number=ID_NUMBER,
)
RESULT_COLUMNS = STUDENTS.result_columns


def read_students(data: bytes, filename: str, on: date) -> RosterCheck:
    """Read a school's list and check every student on ``on``; raises RosterError for the whole file."""
    return roster_check.read(data, filename, STUDENTS, on)


def summarise(check: RosterCheck, institution_kind: str | None, lang: str | None) -> dict[str, Any]:
    """Counts per status and the Article 11 (十一) payments for the students who count.

    ``institution_kind`` is the school's kind (``technical_school``, …), ``None`` when not known:
    only technical schools (技工院校) are paid.
    """
    def results_for(count: int) -> dict[str, dict]:
        return results({"institution.kind": institution_kind, STUDENT.count_fact: count}, check.on, lang, BENEFITS)
    return roster_check.summary(check, STUDENT, results_for)


def template(lang: str):
    return roster_check.template(STUDENTS, lang)


def template_notes(lang: str):
    return roster_check.template_notes(STUDENTS, lang)
