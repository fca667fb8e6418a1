"""The policy text: the Chinese original, and in English the unofficial rendering beside the original.

Every article has an anchor ``#art-1`` … ``#art-17`` that other pages link to
(``policy?lang=en#art-6``). Text from the data files is escaped: it always shows as text.
"""

from __future__ import annotations

import streamlit as st

from engine import policy
from i18n import N_
from ui import errors
from ui import format as fmt
from ui.blocks import text_block
from ui.frame import Page, frame, policy_title
from ui.policy_text import chinese_body, chinese_closing, chinese_preamble, english_rendering, paragraphs


def heading_of(article: policy.Article, page: Page) -> str:
    if page.lang == "zh_CN":
        return f"（{article.numeral}）{article.title}"
    return f"{article.number}. {english_rendering()['articles'][article.number]['title']}"


def section_titles(page: Page) -> list[tuple[str, int]]:
    if page.lang == "zh_CN":
        return list(policy.sections())
    return [(s["title"], int(s["first_article"])) for s in english_rendering()["sections"]]


def table_of_contents(page: Page, sections: list[tuple[str, int]]) -> None:
    lines: list[str] = []
    for index, (title, first) in enumerate(sections):
        last = sections[index + 1][1] - 1 if index + 1 < len(sections) else len(policy.articles())
        lines.append(f"**{fmt.md_escape(title)}**\n")
        lines.extend(f"- [{fmt.md_escape(heading_of(policy.article(n), page))}](#art-{n})"
                     for n in range(first, last + 1))
        lines.append("")
    st.markdown("\n".join(lines))


def article_block(article: policy.Article, page: Page) -> None:
    st.subheader(fmt.md_escape(heading_of(article, page)), anchor=f"art-{article.number}")
    if page.lang == "zh_CN":
        text_block([chinese_body(article)], "zh_CN")
        return
    text_block(paragraphs(english_rendering()["articles"][article.number]["text"]), "en")
    # TRANSLATORS: expander under each English article that holds the Chinese text of the policy.
    with st.expander(page._("Chinese original (authoritative)")):
        text_block([article.text], "zh_CN")


def main() -> None:
    page = frame(N_("Policy text"))
    _ = page._
    english = page.lang != "zh_CN"
    st.title(fmt.md_escape(policy_title(page)), anchor="policy")
    if english:
        rendering = english_rendering()
        st.caption(fmt.md_escape(f"{policy.POLICY_ID} · {policy.POLICY_TITLE_ZH} · {rendering['issuer']}"))
        st.info(fmt.md_escape(" ".join(paragraphs(rendering["citation_note"]))), icon=":material/translate:")
    else:
        st.caption(fmt.md_escape(policy.POLICY_ID))

    sections = section_titles(page)
    # TRANSLATORS: heading of the list of the policy's articles, each linking to its text.
    st.header(_("Contents"), anchor="contents")
    table_of_contents(page, sections)

    # TRANSLATORS: expander with the notice that forwarded the opinions and their opening paragraph.
    with st.expander(_("Forwarding notice and preamble")):
        text_block(paragraphs(english_rendering()["preamble"]) if english else chinese_preamble(), page.lang)

    starts = {first: (index, title) for index, (title, first) in enumerate(sections, start=1)}
    for article in policy.articles():
        if article.number in starts:
            index, title = starts[article.number]
            st.header(fmt.md_escape(title), anchor=f"part-{index}", divider="gray")
        article_block(article, page)

    st.divider()
    text_block([english_rendering()["closing"] if english else chinese_closing()], page.lang)
    scroll_to_anchor()


# Streamlit scrolls to ``#art-N`` only if the heading is there when it looks; on a slow first load it may
# not be yet. This finishes the job once the heading exists (and again after late content settles).
_SCROLL_SCRIPT = """<script>
(function () {
  var id = decodeURIComponent((window.location.hash || "").slice(1));
  if (!/^[a-z0-9-]+$/.test(id)) { return; }
  var tries = 0;
  var timer = setInterval(function () {
    var target = document.getElementById(id);
    tries += 1;
    if (target) { target.scrollIntoView(); }
    if ((target && tries > 8) || tries > 100) { clearInterval(timer); }
  }, 150);
})();
</script>"""


def scroll_to_anchor() -> None:
    st.html(_SCROLL_SCRIPT, unsafe_allow_javascript=True)


errors.run(main)
