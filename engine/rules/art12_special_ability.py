"""Article (十二): free special vocational ability assessment (专项职业能力考核).

> 确定挖掘机操作、装载机操作、宁夏特色小吃制作、刺绣品制作、手工编织、剪纸等18个我区群众普遍欢迎、但未列入国家职业资格鉴定
> 目录的职业工种为我区专项职业能力考核项目，为建档立卡贫困劳动力和“十二五”生态移民（含劳务移民）开展专项职业能力免费考核鉴定。
"""

from __future__ import annotations

from engine.logic import Or, is_true
from engine.rules.base import Condition, Rule
from i18n import N_

CLAUSE = (
    "确定挖掘机操作、装载机操作、宁夏特色小吃制作、刺绣品制作、手工编织、剪纸等18个我区群众普遍欢迎、但未列入国家职业资格"
    "鉴定目录的职业工种为我区专项职业能力考核项目，为建档立卡贫困劳动力和“十二五”生态移民（含劳务移民）开展专项职业能力"
    "免费考核鉴定。"
)
# The six projects the text names; the other twelve of the 18 are not published in our sources.
NAMED_PROJECTS = ("挖掘机操作", "装载机操作", "宁夏特色小吃制作", "刺绣品制作", "手工编织", "剪纸")
PROJECT_COUNT = 18

RULE = Rule(
    benefit="special_ability_assessment",
    article=12,
    clause=CLAUSE,
    conditions=(
        Condition(
            Or((is_true("person.registered_poor"), is_true("person.ecological_migrant"))),
            met=N_("You are a registered poor worker or a 12th Five-Year Plan ecological migrant."),
            unmet=N_("Free assessment is for registered poor workers and 12th Five-Year Plan ecological "
                     "migrants (including labour migrants)."),
        ),
    ),
    person_level=True,
)
RULES = (RULE,)
