"""A row whose ID number is wrong does not count until it is corrected, on every roster.

The policy pays for identified people (建档立卡 workers, students, placements are each one person): a
row whose ID number is filled in but wrong — the GB 11643 check digit does not match, the date of
birth is not a date, it is not 18 characters, it is an old 15-digit number, or Excel turned it into
6.40422E+17 — cannot be paid until the number is corrected, so it does not count toward the
workshop grant (二), the SME subsidy (五), the 两后生 payments (十一) or the broker fee (四). A number
repeated from an earlier row counts once (in the earlier row). The ID column is optional: an empty
cell changes nothing. Check characters are computed here from the standard itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

import i18n
from engine.messages import Message, render
from engine.roster import placements as placement_roster
from engine.roster import students as student_roster
from engine.roster import workers as worker_roster
from engine.roster.check import CORRECT_ID, WRONG_ID, WRONG_ID_COUNTS_ONCE_CORRECTED, RosterCheck, explain
from engine.rules.rows import COUNTS, DOES_NOT_COUNT, NOT_KNOWN, STATUS_TEXT

ON = date(2019, 12, 31)
LANGS = ("en", "zh_CN")
ID_HEADER = "身份证号"

# GB 11643-1999: weights of the first 17 digits, and the check character for the weighted sum mod 11.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


def with_check(first17: str) -> str:
    return first17 + CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def valid_id(person: int) -> str:
    """A valid 18-character number: 640104 (银川市兴庆区), born 1990-01-01, sequence 0xx."""
    return with_check(f"64010419900101{person:03d}")


def wrong_check_digit(number: str) -> str:
    right = number[-1]
    return number[:-1] + CHECK_CHARACTERS[(CHECK_CHARACTERS.index(right) + 1) % len(CHECK_CHARACTERS)]


# (id of the case, the last row's ID cell given the first row's ID and the last row's own valid ID)
WRONG_IDS = [
    pytest.param(lambda first, own: wrong_check_digit(own), id="校验码错误"),
    pytest.param(lambda first, own: with_check("64010419990230011"), id="出生日期不是日期(19990230)"),
    pytest.param(lambda first, own: own[:17], id="17位"),
    pytest.param(lambda first, own: "640104900101011", id="15位旧身份证号"),
    pytest.param(lambda first, own: "6.40422E+17", id="Excel科学计数法"),
]
REPEATED = pytest.param(lambda first, own: first, id="与第2行重复")


@dataclass(frozen=True)
class Kind:
    """One roster kind and one of its rules, with rows that count, are not known, and do not count."""

    rule: str
    header: str
    read: Callable[[bytes, str, date], RosterCheck]
    counts: str  # the cells after the ID number of a row that counts
    not_known: str  # … of a row whose status is not known yet
    not_poor: str  # … of a row that does not count whatever is done (not registered poor)
    too_short: str  # … of a row that does not count yet, with a next step
    summary: Callable[[RosterCheck], tuple[int, object, object]]  # (count, amount, amount if all known)
    amounts: tuple[object, object]  # amount for 10 and for 11 rows that count
    duplicate: str  # msgid of a repeated ID number


def _workers(rule: str) -> Callable[[RosterCheck], tuple[int, object, object]]:
    employer = {"carrier": "workshop", "located_in": "poor_village", "kind": "sme", "employer_insurance_monthly": 500}

    def summary(check: RosterCheck) -> tuple[int, object, object]:
        found = worker_roster.summarise(check, employer, "en")[rule]
        upper = found["if_all_known"]
        return found["counts"], found["result"]["amount"], None if upper is None else upper["amount"]
    return summary


def _students(check: RosterCheck) -> tuple[int, object, object]:
    found = student_roster.summarise(check, "technical_school", "en")

    def both(results):
        return None if results is None else (results["two_after_training_grant"]["amount"],
                                             results["two_after_study_aid"]["amount"])
    return found["counts"], both(found["results"]), both(found["if_all_known"])


def _placements(check: RosterCheck) -> tuple[int, object, object]:
    found = placement_roster.summarise(check, "en")
    upper = found["if_all_known"]
    return found["counts"], found["results"]["broker_fee"]["amount"], None if upper is None else (
        upper["broker_fee"]["amount"])


WORKER_HEADER = f"{ID_HEADER},是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
KINDS = [
    # (二) 11–20 people: 2万元; 10: no grant.
    pytest.param(Kind("workshop", WORKER_HEADER, worker_roster.read_workers, "是,14,一年以上,是", "是,14,一年以上,",
                      "否,14,一年以上,是", "是,9,一年以上,是", _workers("workshop"), (None, 20_000),
                      worker_roster.WORKERS.duplicate), id="用工名册·车间补贴(二)"),
    # (五) 12 months × 500 yuan per hire.
    pytest.param(Kind("sme", WORKER_HEADER, worker_roster.read_workers, "是,14,一年以上,是", "是,14,一年以上,",
                      "否,14,一年以上,是", "是,14,不满一年,是", _workers("sme"), (60_000, 66_000),
                      worker_roster.WORKERS.duplicate), id="用工名册·社保补贴(五)"),
    # (十一) 6000 to the school and 3000 to the student, per student who passed.
    pytest.param(Kind("student", f"{ID_HEADER},是否建档立卡,是否两后生,已完成学期数,是否培训合格", student_roster.read_students,
                      "是,是,1,合格", "是,是,1,", "否,是,1,合格", "是,是,0,合格", _students,
                      ((60_000, 30_000), (66_000, 33_000)), student_roster.STUDENTS.duplicate), id="两后生名单(十一)"),
    # (四) 200 yuan per placement.
    pytest.param(Kind("placement", f"{ID_HEADER},是否建档立卡,是否初次就业,用工单位是否企业,已就业月数,是否签订劳动合同,是否缴纳社保",
                      placement_roster.read_placements, "是,是,是,12,是,是", "是,是,是,12,是,", "否,是,是,12,是,是",
                      "是,是,是,10,是,是", _placements, (2_000, 2_200), placement_roster.PLACEMENTS.duplicate),
                 id="输送名单(四)"),
]


def read(kind: Kind, rows: list[tuple[str, str]], on: date = ON) -> RosterCheck:
    """A roster of (ID cell, other cells) rows, in GBK as Excel in China saves it."""
    lines = [kind.header, *(f"{number},{cells}" for number, cells in rows)]
    return kind.read(("\n".join(lines) + "\n").encode("gbk"), "roster.csv", on)


def eleven(kind: Kind, last_id: Callable[[str, str], str]) -> RosterCheck:
    """Eleven rows that count with valid, distinct ID numbers, the last row's ID cell replaced."""
    numbers = [valid_id(person) for person in range(11)]
    numbers[-1] = last_id(numbers[0], numbers[-1])
    return read(kind, [(number, kind.counts) for number in numbers])


def statuses(check: RosterCheck) -> list[list[str]]:
    """Each rule's statuses (every rule of the roster, not only the one under test)."""
    return [check.results[f"{rule.id}.status"].tolist() for rule in check.kind.rules]


def cell(table, kind: Kind, column: str, position: int = -1) -> str:
    return table[f"{kind.rule}_{column}"].iloc[position]


# --- the baseline: valid and empty ID numbers count ----------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("last_id", [
    pytest.param(lambda first, own: own, id="有效身份证号"),
    pytest.param(lambda first, own: "", id="身份证号空：选填，照常计入"),
    pytest.param(lambda first, own: "11010519491231002x", id="校验码小写x也有效"),
])
def test_valid_or_empty_id_numbers_count(kind, last_id):
    check = eleven(kind, last_id)
    assert all(row == [COUNTS] * 11 for row in statuses(check))
    assert kind.summary(check) == (11, kind.amounts[1], None)
    assert check.errors == ()
    for lang in LANGS:
        assert cell(explain(check, lang), kind, "status") == i18n.gettext(lang, STATUS_TEXT[COUNTS])


def test_the_check_characters_of_the_test_are_those_of_the_standard():
    assert with_check("11010519491231002") == "11010519491231002X"  # the standard's own example
    assert len({valid_id(person) for person in range(11)}) == 11


# --- a wrong ID number: the row does not count, the count drops by one, the amount follows -------

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("last_id", [*WRONG_IDS, REPEATED])
def test_a_wrong_or_repeated_id_does_not_count(kind, last_id):
    check = eleven(kind, last_id)
    for row in statuses(check):  # every rule of the roster, not only the one of the case
        assert row == [COUNTS] * 10 + [DOES_NOT_COUNT]
    assert check.counts(kind.rule) == {COUNTS: 10, DOES_NOT_COUNT: 1, NOT_KNOWN: 0}
    assert kind.summary(check) == (10, kind.amounts[0], None)
    assert [(e.row, e.column) for e in check.errors] == [(12, ID_HEADER)]  # the cell's problem is still listed


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("last_id", WRONG_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_reason_names_the_wrong_id_number_in_both_languages(kind, last_id, lang):
    table = explain(eleven(kind, last_id), lang)
    assert cell(table, kind, "status") == i18n.gettext(lang, STATUS_TEXT[DOES_NOT_COUNT])
    assert cell(table, kind, "reason") == i18n.gettext(lang, WRONG_ID_COUNTS_ONCE_CORRECTED)
    assert cell(table, kind, "next") == i18n.gettext(lang, CORRECT_ID)
    assert table["problems"].iloc[-1].startswith(f"{ID_HEADER}: ")  # what is wrong with it, as before
    assert table["id"].iloc[-1] == ""  # a wrong number is not shown back
    assert (table["problems"].iloc[:-1] == "").all()
    assert (table[f"{kind.rule}_status"].iloc[:-1] == i18n.gettext(lang, STATUS_TEXT[COUNTS])).all()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_repeated_id_keeps_its_own_reason(kind, lang):
    table = explain(eleven(kind, lambda first, own: first), lang)
    assert cell(table, kind, "reason") == render(Message(kind.duplicate, {"first_row": 2}), lang)
    assert cell(table, kind, "next") == ""


# --- a wrong ID number on a row that would not count anyway ----------------------------------------

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("cells", ["not_known", "not_poor", "too_short"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_id_comes_first_then_the_rows_own_reasons(kind, cells, lang):
    """The ID number must be corrected whatever else: it is said first, then what the row lacks itself."""
    other = getattr(kind, cells)
    valid = explain(read(kind, [(valid_id(1), other)]), lang)
    check = read(kind, [(wrong_check_digit(valid_id(1)), other)])
    wrong = explain(check, lang)
    for rule in check.kind.rules:
        assert check.results[f"{rule.id}.status"].tolist() == [DOES_NOT_COUNT]
        own_reason, own_next = valid[f"{rule.id}_reason"].iloc[0], valid[f"{rule.id}_next"].iloc[0]
        if valid[f"{rule.id}_status"].iloc[0] == i18n.gettext(lang, STATUS_TEXT[COUNTS]):
            expected = (i18n.gettext(lang, WRONG_ID_COUNTS_ONCE_CORRECTED), i18n.gettext(lang, CORRECT_ID))
        else:
            expected = (f"{i18n.gettext(lang, WRONG_ID)} {own_reason}", f"{i18n.gettext(lang, CORRECT_ID)} {own_next}".strip())
        assert (wrong[f"{rule.id}_reason"].iloc[0], wrong[f"{rule.id}_next"].iloc[0]) == expected, rule.id
        assert wrong[f"{rule.id}_status"].iloc[0] == i18n.gettext(lang, STATUS_TEXT[DOES_NOT_COUNT])


@pytest.mark.parametrize("kind", KINDS)
def test_the_own_reasons_follow_the_wrong_id_in_english(kind):
    """The combined reason, spelled out once: a row not registered poor with a wrong ID number."""
    table = explain(read(kind, [("6.40422E+17", kind.not_poor)]), "en")
    assert cell(table, kind, "reason").startswith(
        "The ID number is wrong (see the problems of this row) and must be corrected. Not ")
    assert cell(table, kind, "next") == "Correct the ID number."


@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_id_is_not_counted_among_the_rows_that_could_count(kind):
    """``if_all_known`` adds the rows not known yet; one with a wrong ID number is not among them."""
    rows = [(valid_id(person), kind.counts) for person in range(10)]
    check = read(kind, [*rows, (valid_id(10), kind.not_known), (valid_id(11)[:17], kind.not_known)])
    assert check.counts(kind.rule) == {COUNTS: 10, DOES_NOT_COUNT: 1, NOT_KNOWN: 1}
    assert kind.summary(check) == (10, kind.amounts[0], kind.amounts[1])
    only_wrong = read(kind, [*rows, (valid_id(11)[:17], kind.not_known)])
    assert kind.summary(only_wrong) == (10, kind.amounts[0], None)


# --- many rows at once ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_many_wrong_ids_in_a_large_roster(kind):
    """Every third ID number wrong (a check digit, an Excel number, 15 digits in turn): none of them counts."""
    numbers = [valid_id(person % 1000) if person < 1000 else "" for person in range(3_000)]
    bad = {0: wrong_check_digit, 1: lambda n: "6.40422E+17", 2: lambda n: n[:6] + n[8:17]}
    for position in range(0, 3_000, 3):
        numbers[position] = bad[position // 3 % 3](valid_id(position % 1000))
    check = read(kind, [(number, kind.counts) for number in numbers])
    expected = [DOES_NOT_COUNT if position % 3 == 0 else COUNTS for position in range(3_000)]
    assert statuses(check) == [expected] * len(check.kind.rules)
    table = explain(check, "en")
    reasons = table[f"{kind.rule}_reason"]
    assert (reasons[::3] == WRONG_ID_COUNTS_ONCE_CORRECTED).all()
    assert not reasons.drop(index=reasons.index[::3]).str.contains("ID number").any()


def test_outside_the_policy_period_a_wrong_id_is_still_named():
    """Nothing counts outside the period (every row not known); the wrong ID number is said all the same."""
    kind = KINDS[0].values[0]
    check = read(kind, [(valid_id(1), kind.counts), (valid_id(2)[:17], kind.counts)], on=date(2021, 1, 1))
    assert statuses(check) == [[NOT_KNOWN, NOT_KNOWN]] * 2
    reasons = explain(check, "en")["workshop_reason"].tolist()
    assert reasons[1].startswith(WRONG_ID)
    assert WRONG_ID not in reasons[0]
