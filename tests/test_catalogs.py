"""Both languages, always: every message in the code is translated, none fuzzy, in zh_CN and en."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from i18n import LOCALES, po_path

ROOT = Path(__file__).resolve().parents[1]


def _extract(tmp_path: Path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "pyproject.toml", "-k", "N_", "-k", "Nn_:1,2",
         "-c", "TRANSLATORS:", "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def test_every_message_in_the_code_is_translated_in_both_languages(tmp_path):
    template = _extract(tmp_path)
    problems = []
    for locale in LOCALES:
        with po_path(locale).open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            text = entry.string if entry else None
            if entry is None or not (all(text[:catalog.num_plurals]) if isinstance(text, tuple) else text):
                problems.append(f"{locale}: untranslated {message.id!r}")
            elif entry.fuzzy:
                problems.append(f"{locale}: fuzzy {message.id!r}")
    assert not problems, "\n".join(problems[:40]) + f"\n… {len(problems)} in all; run make i18n"


def test_placeholders_survive_translation():
    """A translation keeps exactly the named placeholders of its msgid."""
    field = re.compile(r"\{(\w+)\}")
    for locale in LOCALES:
        with po_path(locale).open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id and message.string and isinstance(message.id, str):
                assert set(field.findall(message.id)) == set(field.findall(message.string)), (
                    locale, message.id)


# Placeholders that hold how many of something there are.
COUNT_NAMES = ("count", "months", "rows", "cells", "hires", "semesters", "placements", "shown", "students", "years")
COUNT_BEFORE_A_WORD = re.compile(r"\{(?:" + "|".join(COUNT_NAMES) + r")\} [a-z]")
# Singular msgids that write a count before a word and still need no plural form, each with the reason.
NO_PLURAL_NEEDED = {
    # "3 can apply": the word after the number is a verb (the persons are not named), the same for one or many.
    "{count} can apply, amount not known to the site",
    # "as far as row 900 and column 40": positions in the sheet (a row number, a column number), not how many.
    "The first sheet has filled cells as far as row {rows} and column {columns}: far more than a roster fills. "
    "Delete what is below and to the right of the roster (or save it as CSV) and upload it again.",
    # {rows} is the site's limit on a roster (engine.roster.files.MAX_ROWS, 100,000), never one.
    "CSV (UTF-8, or GBK as Excel in China saves it) or XLSX; at most {size} MB and {rows} rows; the first sheet of a "
    "workbook is read. The file is checked in memory: it is not saved, logged or kept after you leave the page.",
    "What an employer or a workshop that hires registered poor workers (建档立卡贫困劳动力) can apply for under this "
    "policy, and which of your workers already count. An incubation park's award goes by the standard it meets. "
    "Rosters of up to {rows} workers are checked in seconds.",
}


def test_every_english_count_has_a_plural_form(tmp_path):
    """"1 months", "1 qualifying hires" (issue 17): a message that writes a count before a noun is a singular and
    plural pair (``Nn_``, ``ngettext``), so English picks "1 month" or "2 months"."""
    singular = {message.id for message in _extract(tmp_path) if isinstance(message.id, str)}
    found = sorted(text for text in singular if COUNT_BEFORE_A_WORD.search(text) and text not in NO_PLURAL_NEEDED)
    assert not found, "a count without a plural form:\n" + "\n".join(found)
    assert singular >= NO_PLURAL_NEEDED, f"no longer in the code: {sorted(NO_PLURAL_NEEDED - singular)}"


def test_no_message_hides_inside_an_f_string():
    """Babel cannot extract ``_("…")`` written inside an f-string on Python 3.11: such text stays English."""
    hidden = []
    for path in [*ROOT.glob("*.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("engine/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    literal = isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant)
                    if literal and getattr(call.func, "id", None) in {"_", "N_", "gettext"}:
                        hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, hidden


def _glossary() -> dict:
    import tomllib  # noqa: PLC0415

    return tomllib.loads((ROOT / "i18n" / "glossary.toml").read_text(encoding="utf-8"))


def _translations(locale: str):
    with po_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    for message in catalog:
        if message.id:
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            yield message.id, [text for text in texts if text]


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def forbidden_in(text: str, words: dict[str, str], patterns: dict[str, str] | None = None) -> list[str]:
    """The glossary's words found in ``text`` (in any case: "Carrier" as "carrier"), then its patterns that match."""
    folded = text.casefold()
    return ([word for word in words if word.casefold() in folded]
            + [pattern for pattern in patterns or {} if re.search(pattern, text)])


# English count and plural messages that another branch is rewriting (issue 17, plural forms): their words are
# fixed once it lands. Each is named by its msgid; the test fails when one is gone, so that its new msgid is checked.
def test_no_translation_uses_a_word_the_glossary_forbids():
    """领取, 能领 … promise money or a post the county has not granted; 再就业 means re-employment after losing a
    job; 您的单位 is the one form (not 贵单位, 您单位); ages are 周岁; the 两后生's training grant goes to the school; carrier,
    claim and fee are wrong English (issue 17). The glossary says why and what to write."""
    found = []
    for locale, table in _glossary().items():
        words, patterns = table.get("forbidden", {}), table.get("forbidden_patterns", {})
        found += [(locale, word, msgid, words.get(word) or patterns[word])
                  for msgid, texts in _translations(locale) for text in texts
                  for word in forbidden_in(text, words, patterns)]
    assert not found, "\n".join(f"{locale}: {word!r} in the translation of {msgid!r}: {why}"
                                 for locale, word, msgid, why in found)


ASCII_BRACKETS_AROUND_CHINESE = re.compile(r"\([^()]*[\u4e00-\u9fff][^()]*\)")
ASCII_PUNCTUATION_BESIDE_CHINESE = re.compile(r"[\u4e00-\u9fff][(),:;]|[(),:;]\s*[\u4e00-\u9fff]")


def test_chinese_text_uses_full_width_punctuation():
    """（周岁）, not (周岁) nor （周岁); ，：； in a Chinese sentence, not , : ; (issue 17)."""
    found = [msgid for msgid, texts in _translations("zh_CN") for text in texts
             if ASCII_BRACKETS_AROUND_CHINESE.search(text) or ASCII_PUNCTUATION_BESIDE_CHINESE.search(text)]
    assert not found, found


# What the editor found (issue 17), as it was and as it is now: each old wording is caught, each new one is not.
WAS_AND_NOW = {
    "zh_CN": [
        ("暂时还不能领取补贴", "暂时还不能申请补贴"),
        ("按{policy}您可以享受的扶持", "按{policy}您可以申请的扶持"),
        ("再就业{months_more}个月", "在该岗位再干{months_more}个月"),
        ("金额未公布", "本站暂无该金额"),
        ("贵单位属于哪一类？", "您的单位属于哪一类？"),
        ("培训补贴要求由您单位组织岗前培训", "培训补贴要求由您的单位组织岗前培训"),
        ("扶贫载体一次性补贴", "扶贫载体补贴"),
        ("计入：载体补贴（二）", "计入：扶贫载体补贴（二）"),
        ("您当年拿到职业资格证书或职业技能等级证书了吗？", "您本年度取得职业资格证书或职业技能等级证书了吗？"),
        ("女40岁以上、男50岁以上", "女40周岁以上、男50周岁以上"),
        ("公益性岗位安排年满{required}周岁的人（您现在{age}岁）", "公益性岗位安排年满{required}周岁的人（您现在{age}周岁）"),
        ("“两后生”到技工院校培训1个学期并合格的，每人6000元；学费、住宿费和实习材料费全免。",
         "“两后生”到技工院校培训1个学期并合格的，培训补助按每人6000元拨付给技工院校；学费、住宿费和实习材料费全免。"),
        ("按二档标准帮您缴费", "按二档（城乡居民养老和医疗保险的第二档缴费标准）帮您缴费"),
        ("政府向培训机构或企业整建制购买培训项目", "政府向培训机构或企业整建制（整班集中）购买培训项目"),
        ("让台账信息准确", "让台账（登记名册）信息准确"),
    ],
    "en": [
        ("Kind of carrier", "Kind of workshop or base"),
        ("Carriers must be in a poor village.", "Workshops must be in a poor village."),
        ("This policy ended on {end}: claims under it are closed.", "This policy ended on {end}: applications under it are closed."),
        ("nothing can be claimed under it", "nothing can be applied for under it"),
        ("Claim it at the county.", "Apply for it at the county."),
        ("Fee (Article 4)", "Service subsidy (Article 4 (四))"),
        ("{count} placement counts: a fee of {amount}.", "{count} placement counts: a service subsidy of {amount}."),
        ("Why (Article 2)", "Why (Article 2 (二))"),
        ("training support (Articles 9 and 10)", "training support (Articles 9 (九) and 10 (十))"),
        ("a technical-school semester (Article 十一)", "a technical-school semester (Article 11 (十一))"),
    ],
}


def test_the_glossary_checks_can_fail():
    """The translations this issue found (issue 17) are each caught; the fixed ones are not. Fees (学费、住宿费)
    stay fees, 虚岁 stays 虚岁, and the 3,000-yuan study aid goes to the student."""
    glossary = _glossary()
    for locale, pairs in WAS_AND_NOW.items():
        words, patterns = glossary[locale]["forbidden"], glossary[locale].get("forbidden_patterns", {})
        for was, now in pairs:
            assert forbidden_in(was, words, patterns), was
            assert not forbidden_in(now, words, patterns), now
    zh, en = glossary["zh_CN"], glossary["en"]
    for fine in ("传统算法（虚岁）会多出一两岁", "符合条件的学生，每人3000元扶贫助学补助。", "女40周岁以上"):
        assert not forbidden_in(fine, zh["forbidden"], zh["forbidden_patterns"]), fine
    for fine in ("tuition, accommodation fees (bedding included) or practice-material fees", "Article {number}",
                 "unlike Article 5 (五) and Article 10 (十)", "General Provisions of the Civil Law of the PRC (民法总则), article 205"):
        assert not forbidden_in(fine, en["forbidden"], en["forbidden_patterns"]), fine
    for was in ("（您现在{age}岁)", "咨询电话12333,请拨打", "女40周岁以上;男50周岁以上"):
        assert ASCII_BRACKETS_AROUND_CHINESE.search(was) or ASCII_PUNCTUATION_BESIDE_CHINESE.search(was), was
