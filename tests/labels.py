"""A question's label as the page writes it, spelt out here: the unit in full-width brackets in Chinese
("您在这个单位已经连续干了几个月？（个月）"), in ASCII brackets after a space in English."""

from __future__ import annotations

from ui.frame import load_translations


def with_unit(lang: str, question: str, unit: str) -> str:
    words = load_translations(lang)
    if lang == "zh_CN":
        return f"{words.gettext(question)}（{words.gettext(unit)}）"
    return f"{words.gettext(question)} ({words.gettext(unit)})"
