"""Amounts as the site writes them, spelt out here by hand (not imported): the policy's own style in Chinese
(800元, 6万元 for whole ten-thousands, 27,360元) and "800 yuan", "60,000 yuan" in English."""

from __future__ import annotations

import re

# An amount heading or figure in either language: "2万元", "1,140元", "20,000 yuan".
AMOUNT = re.compile(r"[\d,.]+(?:万元|元| yuan)")


def yuan(amount: float, lang: str) -> str:
    cents = f"{amount:,.2f}" if amount % 1 else f"{int(amount):,}"
    if lang == "zh_CN":
        return f"{int(amount) // 10_000:,}万元" if amount >= 10_000 and amount % 10_000 == 0 else f"{cents}元"
    return f"{cents} yuan"
