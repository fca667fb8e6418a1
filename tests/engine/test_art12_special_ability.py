"""(十二) 为建档立卡贫困劳动力和“十二五”生态移民（含劳务移民）开展专项职业能力免费考核鉴定。A free assessment:
in kind, no amount, never counted in the total."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for, run

BENEFIT = "special_ability_assessment"
BASE = ELIGIBLE[BENEFIT]
POOR = "person.registered_poor"
MIGRANT = "person.ecological_migrant"

CASES = [
    pytest.param({}, "eligible", id="建档立卡贫困劳动力：免费考核鉴定"),
    pytest.param({POOR: False, MIGRANT: True}, "eligible", id="十二五生态移民：免费考核鉴定"),
    pytest.param({POOR: True, MIGRANT: True}, "eligible", id="两者皆是：免费考核鉴定"),
    pytest.param({POOR: False, MIGRANT: False}, "not_eligible", id="两者皆非"),
    pytest.param({POOR: True, MIGRANT: MISSING}, "eligible", id="建档立卡、移民未知：已符合"),
    pytest.param({POOR: MISSING, MIGRANT: True}, "eligible", id="生态移民、建档立卡未知：已符合"),
    pytest.param({POOR: False, MIGRANT: MISSING}, "needs_info", id="非建档立卡、是否移民未知：待补充"),
    pytest.param({POOR: MISSING, MIGRANT: False}, "needs_info", id="非移民、是否建档立卡未知：待补充"),
    pytest.param({POOR: MISSING, MIGRANT: MISSING}, "needs_info", id="两者均未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status"), CASES)
def test_special_ability_assessment(overrides, status):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, None)


def test_in_kind_benefit_adds_nothing_to_the_total():
    assert run(BASE)["total"] == 0


def test_metadata():
    check_metadata(result_for(BASE, BENEFIT), 12, "person", None, "in_kind", "开展专项职业能力免费考核鉴定")
