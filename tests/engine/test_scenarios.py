"""The "where to work" comparison and the timeline of a job, against the policy's dates.

Each row of the comparison is a choice (a job in another province, a business) and what it still takes. A part
that runs already (the months of the job one has) counts from the day assessed; a part to be done (a new job, a
contract, a business, an employee) is done after it (reading ``action_after_day_assessed``), so its months count
from the day after, and it must be done by a last day (``by``) for the choice to pay before 31 December 2020.
The timeline gives each month of a job its own day: months behind in the past, months ahead in the future; a month
before the policy began (1 July 2018) is not one after it ended.
"""

from __future__ import annotations

from datetime import date

import pytest

from engine.scenarios import compare, job_timeline

POOR = {"person.registered_poor": True}
JOB_AWAY = {**POOR, "person.job.place": "other_province"}
DEADLINE_END = "by {end}, when the policy ends"
DEADLINE_EARLIER = "starting by {date}, to last long enough before the policy ends on {end}"
ACTION_LATE_END = "That must be done after the day assessed and by {end}, when the policy ends: no day is left for it."
ACTION_LATE_EARLIER = ("To last long enough before the policy ends on {end}, that must start after the day assessed "
                       "and by {date}: no day is left for it.")
TAKES_UNTIL = "That takes until {date}, after the policy ends on {end}."


def row(facts: dict, on: date, scenario: str) -> dict:
    return next(r for r in compare(facts, on, lang="en") if r["scenario"] == scenario)


def ids(messages: list[dict]) -> list[str]:
    return [m["id"] for m in messages]


# (the person's facts, the day assessed, the choice) → (months, from, by, in_time, the last part of still_needed)
CASES = [
    pytest.param({**JOB_AWAY, "person.job.months": 14, "person.job.contract": "none",
                  "person.job.social_insurance": True}, date(2020, 12, 30), "other_province",
                 (0, "2020-12-31", "2020-12-31", True, DEADLINE_END), id="跨省14个月未签合同，2020-12-30：最迟12月31日签订"),
    pytest.param({**JOB_AWAY, "person.job.months": 14, "person.job.contract": "none",
                  "person.job.social_insurance": True}, date(2020, 12, 31), "other_province",
                 (0, "2021-01-01", "2020-12-31", False, ACTION_LATE_END), id="同上，2020-12-31：已没有一天可签"),
    pytest.param({**JOB_AWAY, "person.job.months": 11, "person.job.contract": "none",
                  "person.job.social_insurance": True}, date(2020, 12, 1), "other_province",
                 (1, "2021-01-01", "2020-12-31", False, TAKES_UNTIL), id="跨省11个月，2020-12-01：满12个月已过期"),
    pytest.param({**JOB_AWAY, "person.job.months": 11, "person.job.contract": "none",
                  "person.job.social_insurance": True}, date(2019, 12, 31), "other_province",
                 (1, "2020-01-31", "2020-12-31", True, DEADLINE_END), id="跨省11个月，2019-12-31：再1个月并签合同"),
    pytest.param(POOR, date(2019, 12, 30), "other_province",
                 (12, "2020-12-31", "2019-12-31", True, DEADLINE_EARLIER),
                 id="无工作，2019-12-30：次日入职，满12个月正好是2020-12-31"),
    pytest.param(POOR, date(2019, 12, 31), "other_province",
                 (12, "2021-01-01", "2019-12-31", False, ACTION_LATE_EARLIER),
                 id="无工作，2019-12-31：新工作满12个月已在政策结束后"),
    pytest.param(POOR, date(2019, 12, 31), "business",
                 (12, "2021-01-01", "2019-12-31", False, ACTION_LATE_EARLIER),
                 id="没有经营，2019-12-31：经营满1年已在政策结束后"),
    pytest.param({**POOR, "person.business.kind": "individual", "person.business.months": 14,
                  "person.business.employs_others": False}, date(2020, 12, 31), "business",
                 (0, "2021-01-01", "2020-12-31", False, ACTION_LATE_END), id="经营14个月未雇人，2020-12-31：来不及"),
]


@pytest.mark.parametrize(("facts", "on", "scenario", "expected"), CASES)
def test_a_choice_obeys_the_deadline_rule_for_actions(facts, on, scenario, expected):
    months, start, by, in_time, last = expected
    found = row(facts, on, scenario)
    assert (found["months"], found["from"], found["by"], found["in_time"]) == (months, start, by, in_time)
    assert ids(found["still_needed"])[-1] == last


def test_a_job_one_has_runs_from_the_day_assessed():
    """10 months in the job on 2019-12-31 and a contract and insurance: 2 more months, nothing to do."""
    facts = {**JOB_AWAY, "person.job.months": 10, "person.job.contract": "1_year_or_more",
             "person.job.social_insurance": True}
    found = row(facts, date(2019, 12, 31), "other_province")
    assert (found["months"], found["from"], found["by"], found["in_time"]) == (2, "2020-02-29", None, True)
    assert ids(found["still_needed"]) == ["{more} more month in that job"]


def test_the_timeline_dates_the_months_behind_in_the_past():
    """10 months in a job in another province on 2019-12-31: month 0 was about 10 months earlier, not that day."""
    rows = job_timeline({**JOB_AWAY, "person.job.months": 10}, date(2019, 12, 31))
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)
    assert [r["month"] for r in rows if r["now"]] == [10]
    assert rows[10]["date"] == "2019-12-31"
    assert all(r["date"] < "2019-12-31" for r in rows[:10])
    assert rows[12]["date"] == "2020-02-29"
    assert rows[12]["amount"] == 800
    assert [r["period"] for r in rows] == ["in_force"] * 23 + ["after"] * 2


def test_a_month_before_the_policy_began_is_not_after_it_ended():
    """20 months in the job on 2019-12-31: the first months fell before 1 July 2018."""
    rows = job_timeline({**JOB_AWAY, "person.job.months": 20}, date(2019, 12, 31))
    before = [r["month"] for r in rows if r["period"] == "before"]
    assert before == [0, 1, 2]
    assert all(r["date"] < "2018-07-01" for r in rows if r["period"] == "before")
    assert all(r["date"] > "2020-12-31" for r in rows if r["period"] == "after")


def test_a_new_job_starts_after_the_day_assessed():
    """No job away: the timeline is of a new job in another province, begun the day after."""
    rows = job_timeline(POOR, date(2019, 12, 30))
    assert not any(r["now"] for r in rows)
    assert (rows[0]["date"], rows[12]["date"], rows[12]["amount"]) == ("2019-12-31", "2020-12-31", 800)
