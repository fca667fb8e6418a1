"""What the home page says of each benefit carries the conditions a person would otherwise not know (issue 26), and
the brokers' benefits name their payee and their office truly.

The home page said 跨省（区）就业的，每年800元 without the year away, the contract or the insurance; the workshop grant
without its minimum of 11 hires; the brokers' subsidy without the contract or the insurance. Each row below is read
from the benefit's rule in engine/rules/ (its conditions and parameters): the summary, in both languages, must say
them. The Chinese keeps to 40 characters a sentence.

The 4050 insurance (四) covers "劳务经纪人中的“4050”人员", the broker as a person: its payee is that person, not
"劳务中介组织或劳务经纪人". An agency has no household registration, and no source says which county handles a
broker's subsidy: the office text says so, with 12333, instead of "your household's county".
"""

from __future__ import annotations

import html
import re

import pytest

from engine import catalog
from i18n import LOCALES
from tests.app.pages_under_test import block_text, open_page, t

# benefit: (Chinese phrases, English phrases), each the words of a condition or amount of the rule.
CONDITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "transport_subsidy": (("建档立卡", "本县（区）", "满1年", "劳动合同", "社保", "200元", "800元"),
                          ("registered poor", "home county", "a year or more", "labour contract", "social insurance",
                           "200 yuan", "800 yuan")),
    "workshop_grant": (("贫困村", "移民村", "扶贫产业园", "至少11名", "满1年", "劳动合同", "社保", "2万", "10万元"),
                       ("poor village", "migrant village", "industrial park", "at least 11", "a year or more",
                        "labour contract", "social insurance", "20,000", "100,000")),
    "incubator_award": (("示范基地建设标准", "地市级", "不低于50万元", "自治区级或国家级", "100万元"),
                        ("demonstration-base standard", "city level", "at least 500,000", "region or national",
                         "1,000,000")),
    "broker_fee": (("建档立卡", "企业初次就业", "满1年", "劳动合同", "社保", "200元"),
                   ("registered poor", "first job with an enterprise", "a year or more", "labour contract",
                    "social insurance", "200 yuan")),
    "broker_4050_insurance": (("女性年满40周岁", "男性年满50周岁", "自愿参加城镇职工社会保险"),
                              ("a woman aged 40 or more", "a man aged 50 or more",
                               "joins urban employee social insurance voluntarily")),
    "sme_insurance_subsidy": (("区内外", "中小微企业", "新型农业经营主体", "民办非企业单位", "社会团体", "建档立卡",
                               "1年以上劳动合同", "社保", "1年"),
                              ("Small, medium and micro enterprises", "new agricultural businesses",
                               "private non-enterprise units", "social groups", "in Ningxia or outside it",
                               "registered poor", "a labour contract of a year or more", "social insurance paid",
                               "one year")),
    "public_welfare_post": (("建档立卡", "年满40周岁", "就业愿望", "残疾人年龄可放宽", "岗位有限", "县里安排"),
                            ("registered poor", "aged 40 or more", "disabled", "want such work", "able to do it",
                             "Posts are limited and assigned by the county")),
    "startup_subsidy": (("建档立卡", "小微企业", "个体经营", "除本人外至少雇用1人", "满1年", "1万元"),
                        ("registered poor", "small or micro enterprise", "self-employment", "a year or more",
                         "at least one person besides them", "10,000 yuan")),
    "training_subsidy": (("建档立卡", "自己选择培训机构", "取得证书后"),
                         ("registered poor", "choose a training institution themselves", "obtain its certificate")),
    "out_of_region_training_subsidy": (("区外用人单位", "建档立卡", "在区外就业", "1年以上劳动合同", "社保", "培训",
                                        "户籍所在县"),
                                       ("outside Ningxia", "registered poor", "a year or more", "social insurance",
                                        "training", "home county")),
    "out_of_region_insurance_subsidy": (("区外用人单位", "建档立卡", "在区外就业", "1年以上劳动合同", "社保"),
                                        ("outside Ningxia", "registered poor", "a year or more", "social insurance")),
    "employer_training_subsidy": (("区内用人单位", "培训", "培训合格证书或职业资格证书"),
                                  ("in Ningxia", "training", "training or vocational qualification certificate")),
    "skill_upgrade_subsidy": (("建档立卡", "失业保险满3年", "2019年起满1年", "1000元", "2000元"),
                              ("registered poor", "3 years of unemployment insurance", "from 2019 the site takes 1 year", "1,000",
                               "2,000")),
    "two_after_training_grant": (("建档立卡贫困家庭", "两后生", "未继续升学", "技工院校", "1个学期并合格", "6000元"),
                                 ("registered poor family", "two-after", "did not go on", "technical school",
                                  "completes a semester", "passes", "6,000 yuan")),
    "two_after_study_aid": (("建档立卡贫困家庭", "两后生", "技工院校", "1个学期并合格", "3000元"),
                            ("registered poor family", "two-after", "technical school", "completes a semester",
                             "passes", "3,000 yuan")),
    "special_ability_assessment": (("建档立卡", "生态移民", "免费", "18个项目"),
                                   ("registered poor", "ecological migrants", "Free", "18 projects")),
    "unemployment_registration": (("建档立卡", "城镇常住", "无业满6个月", "失业登记"),
                                  ("registered poor", "lived in a town for 6 months or more without work",
                                   "register as unemployed")),
}


def test_every_benefit_has_its_conditions_listed_here():
    assert set(CONDITIONS) == set(catalog.BY_ID)


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("benefit", list(CONDITIONS))
def test_each_summary_states_the_conditions_of_its_rule(benefit, lang):
    summary = t(lang, catalog.BY_ID[benefit].summary)
    phrases = CONDITIONS[benefit][0 if lang == "zh_CN" else 1]
    assert [phrase for phrase in phrases if phrase not in summary] == [], summary


@pytest.mark.parametrize("benefit", list(CONDITIONS))
def test_each_chinese_summary_keeps_to_40_characters_a_sentence(benefit):
    summary = t("zh_CN", catalog.BY_ID[benefit].summary)
    assert [s for s in re.split(r"(?<=[。！？])", summary) if len(s) > 40] == []


@pytest.mark.parametrize("lang", LOCALES)
def test_the_home_page_shows_each_summary_with_its_conditions(lang):
    at = open_page(lang, "streamlit_app.py")
    shown = html.unescape("\n".join(element.proto.body for element in at.get("html")))
    items = re.findall(r"<li>(.*?)</li>", shown, flags=re.S)
    for benefit in catalog.BENEFITS:
        (item,) = [item for item in items if f"<strong>{t(lang, benefit.label)}</strong>" in item]
        phrases = CONDITIONS[benefit.id][0 if lang == "zh_CN" else 1]
        assert [phrase for phrase in phrases if phrase not in item] == [], benefit.id


# ---------------------------------------------------------------------------------------------
# The brokers' payee and office
# ---------------------------------------------------------------------------------------------

BROKER_4050 = {"on": "2020-12-31", "placements": "3"}


def broker_4050(lang: str):
    at = open_page(lang, "pages/broker.py", BROKER_4050)
    if "brk_kind" in [radio.key for radio in at.radio]:  # "who is applying?", where the page asks it
        at.radio(key="brk_kind").set_value("person").run()
    at.radio(key="brk_sex").set_value("woman")
    at.number_input(key="brk_birth_year").set_value(1975)
    at.radio(key="brk_joined").set_value(True).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", LOCALES)
def test_the_4050_insurance_is_paid_to_the_broker_in_person(lang):
    at = broker_4050(lang)
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert t(lang, "Paid to you (the broker)") in captions
    card = block_text(at, "card_broker_4050_insurance")
    assert t(lang, "Paid to you (the broker)") in card
    for payee in (t(lang, "Paid to the labour agency or broker"), "发给劳务经纪人或劳务中介组织", "Paid to the broker by"):
        assert payee not in card


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("benefit", ["broker_fee", "broker_4050_insurance"])
def test_a_brokers_office_does_not_send_an_agency_to_its_household_county(lang, benefit):
    at = broker_4050(lang)
    card = block_text(at, f"card_{benefit}")
    office = t(lang, catalog.APPLY_BROKER)
    assert office in card
    assert "12333" in office
    assert "户籍" not in card
    assert "household" not in card
    assert t(lang, catalog.APPLY_COUNTY_HRSS) not in card


@pytest.mark.parametrize("lang", LOCALES)
def test_the_fee_is_paid_to_the_agency_or_the_broker(lang):
    at = broker_4050(lang)
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert t(lang, "Paid to the labour agency or broker") in captions
