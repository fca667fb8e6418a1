"""The command line says every message in the language of ``--lang`` (zh_CN unless told): a bad cell of a roster, the
list of bad cells, a bad field of a profile, a bad line of JSON Lines, a file it cannot read, and argparse's own
complaints. Each case runs in both languages: the Chinese line holds the Chinese words and none of the English."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from engine.cli import main

ON = "2019-06-01"
BAD_ROSTER = [
    {"person.registered_poor": "是", "person.job.place": "other_province", "person.job.months": "14"},
    {"person.registered_poor": "也许", "person.job.place": "other_province", "person.job.months": "14"},
    {"person.registered_poor": "是", "person.job.place": "abroad", "person.job.months": "-3"},
]
# English words of the command line's messages that a Chinese line must not hold.
ENGLISH = ("error", "must", "cannot", "row ", "column", "line ", "nothing was written", "unknown", "required",
           "invalid", "bad cell", "not a", "no such", "argument", "choose from")


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cases(tmp: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each bad input: the arguments, and what the one line says in each language."""
    roster = write_csv(tmp / "r.csv", BAD_ROSTER)
    misspelt = write_csv(tmp / "m.csv", [{"person.job.monts": "14"}])
    profile = tmp / "p.json"
    profile.write_text(json.dumps({"person": {"age": "forty"}}), encoding="utf-8")
    lines = tmp / "p.jsonl"
    lines.write_text('{"person": {}}\n{"person": {}}\n{"person": {"job": {"months": -1}}}\n', encoding="utf-8")
    broken = tmp / "b.json"
    broken.write_text("{not json", encoding="utf-8")
    out = str(tmp / "o.csv")
    return {
        "名册单元格有误": (["batch", str(roster), "--date", ON, "--out", out], {
            "zh_CN": "错误：第3行“person.registered_poor”列：“也许”不是“是”或“否”：请填写是或否。另有2处有误。未写出任何文件。",
            "en": "error: row 3, column person.registered_poor: “也许” is not yes or no: write 是 or 否 (yes or no). "
                  "(and 2 more); nothing was written"}),
        "名册列名拼错": (["batch", str(misspelt), "--date", ON, "--out", out], {
            "zh_CN": "错误：列 person.job.monts：没有这个字段。", "en": "error: Column person.job.monts: unknown field."}),
        "不是个人补贴": (["batch", str(misspelt), "--date", ON, "--out", out, "--benefit", "workshop_grant"], {
            "zh_CN": "错误：--benefit workshop_grant：不是个人补贴", "en": "error: --benefit workshop_grant: not a person-level"}),
        "名册文件不存在": (["batch", str(tmp / "absent.csv"), "--date", ON, "--out", out], {
            "zh_CN": "absent.csv：无法读取文件（文件不存在）", "en": "absent.csv: cannot read file (no such file)"}),
        "字段类型错误": (["evaluate", str(profile), "--date", ON], {
            "zh_CN": "错误：person.age：必须是数字，收到的是'forty'", "en": "error: person.age: must be a number, got 'forty'"}),
        "JSON Lines第3行": (["evaluate", str(lines), "--date", ON], {
            "zh_CN": "错误：第3行：person.job.months：不得为负数，收到的是-1",
            "en": "error: line 3: person.job.months: must not be negative, got -1"}),
        "无效JSON": (["compare", str(broken), "--date", ON], {
            "zh_CN": "b.json：第1行第2列不是有效的JSON", "en": "b.json: invalid JSON at line 1 column 2"}),
        "日期无效": (["evaluate", str(profile), "--date", "yesterday"], {
            "zh_CN": "错误：--date：必须是YYYY-MM-DD格式的日期，收到的是'yesterday'",
            "en": "error: --date: must be a date written YYYY-MM-DD, got 'yesterday'"}),
        "缺少参数": (["batch", str(roster)], {
            "zh_CN": "错误：缺少以下参数：--date, --out", "en": "error: the following arguments are required: --date, --out"}),
        "选项无效": (["evaluate", str(profile), "--kind", "x"], {
            "zh_CN": "错误：无法识别的参数：--kind x", "en": "error: unrecognized arguments: --kind x"}),
    }


NAMES = ["名册单元格有误", "名册列名拼错", "不是个人补贴", "名册文件不存在", "字段类型错误", "JSON Lines第3行", "无效JSON", "日期无效",
         "缺少参数", "选项无效"]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_a_bad_input_is_said_in_the_chosen_language(tmp_path, capsys, name, lang):
    args, said = cases(tmp_path)[name]
    code, out, err = run(capsys, *args, "--lang", lang)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert said[lang] in err, err
    if lang == "zh_CN":
        assert not [word for word in ENGLISH if word in err.casefold().replace("--errors", "")], err


def test_without_lang_the_line_is_in_chinese_the_default(tmp_path, capsys):
    args, said = cases(tmp_path)["名册单元格有误"]
    assert said["zh_CN"] in run(capsys, *args)[2]


def test_an_unknown_language_is_refused_in_the_default_one(tmp_path, capsys):
    code, _, err = run(capsys, "evaluate", str(tmp_path / "p.json"), "--lang", "fr")
    assert code == 2
    assert err == "错误：参数--lang：选项无效：'fr'（可选：'zh_CN', 'en'）\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("zh_CN", ("3个单元格有误，已写入", ["行号", "列", "问题"], "“也许”不是“是”或“否”：请填写是或否。")),
    ("en", ("3 bad cells, written to", ["Row", "Column", "Problem"], "“也许” is not yes or no: write 是 or 否 (yes or no).")),
])
def test_the_list_of_bad_cells_and_its_line_are_in_the_chosen_language(tmp_path, capsys, lang, said):
    line, header, problem = said
    roster = write_csv(tmp_path / "r.csv", BAD_ROSTER)
    code, _, err = run(capsys, "batch", str(roster), "--date", ON, "--out", str(tmp_path / "o.csv"), "--errors",
                       str(tmp_path / "bad.csv"), "--lang", lang)
    assert code == 0, err
    assert err.startswith(line), err
    rows = list(csv.reader(io.StringIO((tmp_path / "bad.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == header
    assert rows[1][2] == problem
