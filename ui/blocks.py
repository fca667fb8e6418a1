"""Blocks of text from data, written as escaped HTML so they show as text and carry their language.

``st.html`` sanitises what it is given; everything from data is also passed through
``html.escape`` here, so no text can become markup. The ``lang`` attribute lets screen readers
speak, and browsers choose glyphs for, Chinese text inside an English page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st

from ui.format import html_lang


@dataclass(frozen=True)
class LinkedItem:
    """One entry of a list: a bold name, a sentence, and a link (same tab) to read more."""

    name: str
    text: str
    link_label: str
    href: str


def text_block(paragraphs: Iterable[str], lang: str) -> None:
    """Paragraphs of text in ``lang``."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in paragraphs)
    st.html(f'<div class="text-block" lang="{html_lang(lang)}">{body}</div>')


def linked_list(items: Iterable[LinkedItem], lang: str) -> None:
    """A bulleted list of named entries, each with a link that opens in the same tab."""
    rows = "".join(
        f"<li><strong>{html.escape(item.name)}</strong><br>{html.escape(item.text)} "
        f'<a href="{html.escape(item.href, quote=True)}">{html.escape(item.link_label)}</a></li>'
        for item in items
    )
    st.html(f'<ul class="linked-list" lang="{html_lang(lang)}">{rows}</ul>')
