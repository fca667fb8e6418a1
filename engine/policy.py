"""The policy itself: its citation, period of force and the text of its seventeen articles.

宁政办规发〔2018〕9号, last line: "本意见自2018年7月1日起执行，有效期至2020年12月31日。"
The Chinese text is bundled in ``engine/data/policy.zh.txt`` exactly as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

POLICY_ID = "宁政办规发〔2018〕9号"
POLICY_TITLE_ZH = "关于进一步推进就业扶贫工作的若干意见"
IN_FORCE_FROM = date(2018, 7, 1)
IN_FORCE_UNTIL = date(2020, 12, 31)
TEXT_PATH = Path(__file__).resolve().parent / "data" / "policy.zh.txt"

CHINESE_NUMERALS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七",
)
_ARTICLE_HEAD = re.compile(r"^（(" + "|".join(sorted(CHINESE_NUMERALS, key=len, reverse=True)) + r")）")


@dataclass(frozen=True)
class Article:
    number: int
    numeral: str
    title: str
    text: str

    @property
    def citation(self) -> str:
        return f"{POLICY_ID} 第（{self.numeral}）条"


def in_force(on: date) -> bool:
    return IN_FORCE_FROM <= on <= IN_FORCE_UNTIL


def has_ended(today: date) -> bool:
    """Whether ``today`` is after the policy's last day: claims under it are closed."""
    return today > IN_FORCE_UNTIL


@lru_cache(maxsize=1)
def full_text() -> str:
    return TEXT_PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def articles() -> tuple[Article, ...]:
    """The seventeen articles, in order, each with its heading sentence and full text."""
    found: list[Article] = []
    for raw in full_text().splitlines():
        line = raw.strip()
        match = _ARTICLE_HEAD.match(line)
        if not match:
            continue
        numeral = match.group(1)
        body = line[match.end():]
        title = body.split("。", 1)[0]
        found.append(Article(CHINESE_NUMERALS.index(numeral) + 1, numeral, title, line))
    if [a.number for a in found] != list(range(1, 18)):
        raise RuntimeError("policy text does not hold articles (一)…(十七) in order")
    return tuple(found)


def article(number: int) -> Article:
    return articles()[number - 1]


def sections() -> tuple[tuple[str, int], ...]:
    """The three part headings of the text and the first article under each."""
    return (
        ("一、促进建档立卡贫困劳动力就业创业", 1),
        ("二、技能培训助推建档立卡贫困劳动力就业", 8),
        ("三、公共就业服务帮扶建档立卡贫困劳动力就业", 13),
    )


def citation(number: int, lang: str) -> str:
    """An article as a reader of ``lang`` cites it: 第（十二）条, or "Article 12 (十二)" in English."""
    import i18n  # noqa: PLC0415 - the catalogs only when a citation is written

    numeral = CHINESE_NUMERALS[number - 1]
    if i18n.normalize_locale(lang) == "zh_CN":
        return f"第（{numeral}）条"
    # In English, the Arabic number first and the text's own numeral beside it: "Article 12 (十二)".
    # TRANSLATORS: one article of the policy; {number} is 1 to 17, and its Chinese numeral follows in brackets.
    label = i18n.N_("Article {number}")
    return i18n.gettext(lang, label).format(number=number) + f" ({numeral})"
