"""The English rendering (engine/data/policy.en.yaml) is complete and keeps every amount of the Chinese text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from engine import policy

EN_PATH = Path(policy.__file__).resolve().parent / "data" / "policy.en.yaml"

# Amounts named in the brief, in the English format used by the rendering.
EXPECTED_AMOUNTS = {
    1: ["200 yuan", "800 yuan"],
    2: ["20,000 yuan", "30,000 yuan", "60,000 yuan", "100,000 yuan"],
    3: ["500,000 yuan", "1,000,000 yuan"],
    4: ["200 yuan"],
    6: ["500,000 yuan"],
    7: ["10,000 yuan"],
    10: ["1,000 yuan", "1,500 yuan", "2,000 yuan"],
    11: ["6,000 yuan", "3,000 yuan"],
}

# Thresholds whose legal reading ("以上" includes the number) must survive translation.
THRESHOLDS = {
    "1年以上": "one year or more",
    "3年以上": "three years or more",
    "6个月以上": "six months or more",
    "年满40周岁以上": "aged 40 or over",
    "11人至20人": "11 to 20 people",
    "21人至30人": "21 to 30 people",
    "31人至100人": "31 to 100 people",
    "100人以上": "100 or more people",
}

_ZH_AMOUNT = re.compile(r"(\d+)(万)?元")
_EN_AMOUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+) yuan")


@pytest.fixture(scope="module")
def doc():
    with EN_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces collapsed (block scalars wrap lines)."""
    return " ".join(text.split())


def zh_amounts(text: str) -> set[int]:
    return {int(n) * (10_000 if wan else 1) for n, wan in _ZH_AMOUNT.findall(text)}


def en_amounts(text: str) -> set[int]:
    return {int(n.replace(",", "")) for n in _EN_AMOUNT.findall(text)}


def test_policy_parser_returns_seventeen_articles():
    arts = policy.articles()
    assert len(arts) == 17
    assert [a.number for a in arts] == list(range(1, 18))


def test_yaml_structure(doc):
    assert isinstance(doc, dict)
    for key in ("title", "issuer", "citation_note", "preamble", "closing"):
        assert isinstance(doc[key], str), key
        assert doc[key].strip(), key
    assert doc["title"] == "Opinions on Further Promoting Employment-Based Poverty Alleviation"
    assert "宁政办规发〔2018〕9号" in doc["citation_note"]
    assert [s["first_article"] for s in doc["sections"]] == [n for _, n in policy.sections()]
    assert all(s["title"].strip() for s in doc["sections"])
    assert sorted(doc["articles"]) == list(range(1, 18))
    for number, art in doc["articles"].items():
        assert isinstance(art["title"], str), number
        assert art["title"].strip(), number
        assert isinstance(art["text"], str), number
        assert art["text"].strip(), number
    assert "1 July 2018" in doc["closing"]
    assert "31 December 2020" in doc["closing"]


@pytest.mark.parametrize("number", sorted(EXPECTED_AMOUNTS))
def test_expected_amounts_present(doc, number):
    text = flat(doc["articles"][number]["text"])
    for amount in EXPECTED_AMOUNTS[number]:
        assert amount in text, (number, amount)


def test_article_3_uses_one_million_in_figures(doc):
    assert "1 million" not in doc["articles"][3]["text"]


@pytest.mark.parametrize("number", range(1, 18))
def test_amounts_match_chinese(doc, number):
    zh = policy.article(number).text
    en = flat(doc["articles"][number]["text"])
    assert en_amounts(en) == zh_amounts(zh), number
    # Each Chinese amount appears in the English text in the "20,000 yuan" format.
    for value in zh_amounts(zh):
        assert f"{value:,} yuan" in en, (number, value)


@pytest.mark.parametrize("number", range(1, 18))
def test_thresholds_rendered(doc, number):
    zh = policy.article(number).text
    en = flat(doc["articles"][number]["text"])
    for phrase, rendering in THRESHOLDS.items():
        if phrase in zh:
            assert rendering in en, (number, phrase)


def test_no_amounts_outside_articles(doc):
    for key in ("preamble", "closing", "citation_note"):
        assert not en_amounts(doc[key]), key
