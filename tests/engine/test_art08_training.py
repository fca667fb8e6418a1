"""(八) 培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。The regional training
subsidy standard is not published in our facts: eligible with no amount and a missing figure."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "training_subsidy"
BASE = ELIGIBLE[BENEFIT]

CASES = [
    pytest.param({}, "eligible", id="培训结束并取得资格证书：补贴直补个人（标准待查）"),
    pytest.param({"person.training_certificate": False}, "not_eligible", id="未取得资格证书"),
    pytest.param({"person.registered_poor": False}, "not_eligible", id="非建档立卡贫困劳动力"),
    pytest.param({"person.training_certificate": MISSING}, "needs_info", id="是否取得证书未知：待补充"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", id="是否建档立卡未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status"), CASES)
def test_training_subsidy(overrides, status):
    r = result_for(build(BASE, overrides), BENEFIT)
    check_case(r, overrides, status, None)
    if status == "eligible":
        assert r["missing_figures"], "the regional training-subsidy standard is not published: a missing figure"


def test_metadata():
    check_metadata(result_for(BASE, BENEFIT), 8, "person", None, "cash", "将职业技能培训补贴直补个人")
