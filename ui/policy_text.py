"""The policy's text as the pages show it: the Chinese original and the unofficial English rendering.

The Chinese text and its articles come from ``engine.policy``; the English rendering is
``engine/data/policy.en.yaml``. Paragraphs of the English file are hard-wrapped, so they are
joined back into one line each here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from engine import policy

ENGLISH_PATH = Path(policy.__file__).resolve().parent / "data" / "policy.en.yaml"


@lru_cache(maxsize=1)
def english_rendering() -> dict[str, Any]:
    """The parsed English rendering: title, issuer, citation_note, preamble, sections, articles, closing."""
    with ENGLISH_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each joined into one line."""
    blocks = [" ".join(line.strip() for line in block.splitlines()) for block in str(text).split("\n\n")]
    return [block for block in blocks if block]


def chinese_preamble() -> list[str]:
    """The lines of the Chinese text before the first part heading (the forwarding notice and preamble)."""
    first_heading = policy.sections()[0][0]
    head = policy.full_text().split(first_heading, 1)[0]
    return [line.strip() for line in head.splitlines() if line.strip()]


def chinese_closing() -> str:
    """The last line of the Chinese text: when the opinions take effect and until when."""
    return policy.full_text().strip().splitlines()[-1].strip()


def chinese_body(article: policy.Article) -> str:
    """An article's text without its leading numeral "（一）", which the heading already shows."""
    return article.text.removeprefix(f"（{article.numeral}）")
