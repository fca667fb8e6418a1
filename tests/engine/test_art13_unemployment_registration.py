"""(十三) 对于建档立卡贫困劳动力在城镇常住并处于无业状态6个月以上的，可在城镇常住地街道（社区）进行失业登记，
享受各项就业创业优惠政策。A service: no amount. "6个月以上" includes 6 months."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "unemployment_registration"
BASE = ELIGIBLE[BENEFIT]  # 8 months in town, 7 months without work
URBAN = "person.urban_months"
IDLE = "person.unemployed_months"

CASES = [
    pytest.param({}, "eligible", id="城镇常住8个月、无业7个月：可在街道（社区）失业登记"),
    pytest.param({URBAN: 5}, "not_eligible", id="城镇常住5个月：不满6个月"),
    pytest.param({URBAN: 6}, "eligible", id="城镇常住6个月：6个月以上含本数"),
    pytest.param({URBAN: 7}, "eligible", id="城镇常住7个月：满6个月"),
    pytest.param({IDLE: 5}, "not_eligible", id="无业5个月：不满6个月"),
    pytest.param({IDLE: 6}, "eligible", id="无业6个月：6个月以上含本数"),
    pytest.param({IDLE: 0}, "not_eligible", id="正在就业：不处于无业状态"),
    pytest.param({URBAN: 6, IDLE: 6}, "eligible", id="常住和无业均恰好6个月：可"),
    pytest.param({"person.registered_poor": False}, "not_eligible", id="非建档立卡贫困劳动力"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", id="是否建档立卡未知：待补充"),
    pytest.param({URBAN: MISSING}, "needs_info", id="城镇常住月数未知：待补充"),
    pytest.param({IDLE: MISSING}, "needs_info", id="无业月数未知：待补充"),
    pytest.param({URBAN: 2, IDLE: MISSING}, "not_eligible", id="常住2个月且无业月数未知：已确定不满足"),
]


@pytest.mark.parametrize(("overrides", "status"), CASES)
def test_unemployment_registration(overrides, status):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, None)


def test_metadata():
    check_metadata(result_for(BASE, BENEFIT), 13, "person", None, "service", "可在城镇常住地街道（社区）进行失业登记")


IN_A_JOB = ("You are in work now (a job, or a business of your own): registering as unemployed in town is for people "
            "without work.")
WITHOUT_WORK_IDS = {"You have been without work for {months} month; {required} or more are needed.",
                    "You have been without work for {months} month ({required} or more needed)."}


@pytest.mark.parametrize("place", ["same_county", "other_county_in_region", "other_province"])
@pytest.mark.parametrize("idle", [0, 3, MISSING], ids=["无业0个月", "无业3个月", "无业月数未答"])
def test_someone_with_a_job_is_told_so_and_offered_no_wait_without_work(place, idle):
    """处于无业状态: a man with a job now is not “without work for 0 months”; registration is for people without
    work, and no step asks him to be without work for 6 more months."""
    r = result_for(build(BASE, {"person.job.place": place, IDLE: idle}), BENEFIT, lang="en")
    assert r["status"] == "not_eligible"
    assert [m["id"] for m in r["unmet"]] == [IN_A_JOB]
    assert not {m["id"] for m in r["met"] + r["unmet"]} & WITHOUT_WORK_IDS
    assert (r["next"], r["ruled_out"], r["missing"]) == ([], True, [])


@pytest.mark.parametrize("business", ["individual", "micro_enterprise"])
@pytest.mark.parametrize("place", ["none", MISSING], ids=["答“现在没有工作”", "工作未答"])
def test_someone_running_a_business_is_in_work(business, place):
    """A shopkeeper who answered "no job now" and 0 months without work (the residents' walkthrough, 盐池县) is not
    无业: she is told she is in work, with no step to be without work for 6 more months."""
    r = result_for(build(BASE, {"person.job.place": place, IDLE: 0, "person.business.kind": business}), BENEFIT,
                   lang="en")
    assert r["status"] == "not_eligible"
    assert [m["id"] for m in r["unmet"]] == [IN_A_JOB]
    assert (r["next"], r["ruled_out"]) == ([], True)


def test_without_a_job_the_months_without_work_still_count():
    r = result_for(build(BASE, {"person.job.place": "none", IDLE: 3}), BENEFIT, lang="en")
    assert [m["id"] for m in r["unmet"]] == [
        "You have been without work for {months} month; {required} or more are needed."]
    (step,) = r["next"]
    assert (step["change"], step["months"]) == ({IDLE: 6}, 3)
