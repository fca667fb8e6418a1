"""Opening the site's pages in Streamlit's AppTest, as every app test does: from the entry script, in a
language, with a query, and failing at once if the page raised."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import AlertBase, Block, HeadingBase, Markdown, Metric

from ui.frame import load_translations

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def t(lang: str, message: str) -> str:
    """``message`` as the page shows it in ``lang``."""
    return load_translations(lang).gettext(message)


def tn(lang: str, words: tuple[str, str], n: int) -> str:
    """The singular or plural ``words`` (an ``Nn_`` pair) as the page shows them in ``lang`` for ``n``."""
    return load_translations(lang).ngettext(*words, n)


def open_page(lang: str, path: str, params: dict[str, str] | None = None) -> AppTest:
    """``path`` (``pages/employer.py``) in ``lang`` with the query ``params``, run once, without an exception."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"lang": lang, **(params or {})})
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def block_text(at: AppTest, key: str) -> str:
    """Every text shown inside the container whose key is ``key`` (a card: ``card_workshop_grant``), one a line,
    with Markdown's backslashes removed; "" when there is no such container."""
    def find(node):
        if isinstance(node, Block):
            if node._block_id.endswith(f"-{key}"):
                return node
            for child in node.children.values():
                found = find(child)
                if found is not None:
                    return found
        return None

    def texts(node) -> list[str]:
        if isinstance(node, Block):
            return [text for child in node.children.values() for text in texts(child)]
        if isinstance(node, (Markdown, AlertBase, HeadingBase)):
            return [node.value]
        if isinstance(node, Metric):
            return [f"{node.label} {node.value}"]
        return []

    block = find(at._tree)
    return "" if block is None else "\n".join(texts(block)).replace("\\", "")
