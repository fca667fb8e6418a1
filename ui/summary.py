"""A one-page summary of a resident's results, in the page's language, to download and print.

Plain HTML with print styles: opens on any phone, prints on a kiosk printer. Every text from
data is escaped. No personal data is in it (none was asked).

Paper says what the screen says where it bears on acting (issue 26): that the policy has ended and
applications under it are closed, the date assessed, each benefit's limits (posts are limited and
assigned), the figures an amount waits for, who pays, what to bring and where to go, and what is
still to answer; in the language's punctuation (full-width in Chinese).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from engine import catalog, policy
from engine.questions import ASKED_AS, BY_FACT
from engine.totals import Total
from ui import format as fmt
from ui import frame, takeaway
from ui import results as cards
from ui.figures import figure_text
from ui.frame import Page
from ui.results import GROUPS, amount_text, citation, face_texts, grouped, office_text, official_name

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #1a1d21; line-height: 1.55; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #c5ced6; margin-top: 1.6rem; }
.card { border: 1px solid #c5ced6; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; break-inside: avoid; }
.amount { font-size: 1.2rem; font-weight: 700; } .muted { color: #4a5560; font-size: .9rem; }
.takeaway-qr { width: 9rem; height: auto; image-rendering: pixelated; }
.notice { border: 2px solid #8a1c1c; border-radius: 6px; padding: .5rem .8rem; font-weight: 600; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def _esc(text: Any) -> str:
    return fmt.html_escape(text)


def _list(lines: Iterable[str]) -> str:
    items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return f"<ul>{items}</ul>" if items else ""


def _labelled(label: str, text: str, page: Page) -> str:
    """"Bring: …" / "需带材料：…", as a muted line."""
    return f"<div class='muted'>{_esc(fmt.with_colon(label, page.lang))}{fmt.after_colon(page.lang)}{_esc(text)}</div>"


def _joined(items: list[str], page: Page) -> str:
    """Items of a line: "A、B、C" in Chinese, "A; B; C" in English."""
    return ("、" if page.lang == "zh_CN" else "; ").join(items)


def _paid_by(result: dict[str, Any], page: Page) -> str:
    """Who pays whom, from which fund: the card's line."""
    _ = page._
    benefit = catalog.BY_ID[result["benefit"]]
    payer = result["payer"]["text"]
    payer = payer[:1].lower() + payer[1:]
    if benefit.kind == "cash":
        line = _("{payee} by {payer}").format(payee=_(cards.PAYEE_TEXT[result["payee"]]), payer=payer)
    else:
        line = _("Provided by {payer}").format(payer=payer)
    if result["fund"] and page.lang == "zh_CN":
        line += " · " + _("from the {fund}").format(fund=result["fund"])
    elif result["fund"]:
        line += " · " + _("from the {fund} ({fund_zh})").format(
            fund=_(catalog.FUND_LABELS[result["fund"]]), fund_zh=result["fund"])
    return line


def _to_act_on(result: dict[str, Any], page: Page, county: str | None) -> str:
    """What the card of a benefit one can apply for says to act on it: its limits (posts are limited and
    assigned; fees are waived), the figure its amount waits for, who pays, what to bring and where to go."""
    _ = page._
    html = _list(m["text"] for m in result.get("insurance", []))  # what a post's insurance covers, as on the card
    html += "".join(f"<p class='notice'>{_esc(m['text'])}</p>" for m in result.get("notes", []))
    html += "".join(f"<p class='muted'>{_esc(figure_text(figure, page))}</p>" for figure in result["missing_figures"])
    html += f"<div class='muted'>{_esc(_paid_by(result, page))}</div>"
    html += _labelled(_("Bring"), _joined([official_name(m["id"], page, m.get("params")) for m in result["documents"]],
                                          page), page)
    return html + _labelled(_("Where to apply"), office_text(result, page, county), page)


def _still_to_answer(result: dict[str, Any], page: Page) -> str:
    """The questions a result still needs, as the card lists them: a follow-up question waits for the question it
    follows."""
    facts = list(dict.fromkeys(ASKED_AS.get(fact, fact) for fact in result["missing"]))
    leads = [f for f in facts if f in BY_FACT and not set(BY_FACT[f].requires) & set(facts)]
    if not leads:
        return ""
    need = page._("To tell you whether you can apply for this, we need to know:")
    return f"<div class='muted'>{_esc(need)}</div>" + _list(page._(BY_FACT[fact].label) for fact in leads)


def summary_html(page: Page, results: list[dict[str, Any]], *, on: date, summed: Total,
                 answers: list[tuple[str, str]], link: str, county: str | None) -> str:
    """The whole summary as one HTML document: where to apply names the office, after the county when known."""
    _ = page._
    any_due = any(r["status"] == "eligible" for r in results)
    heading = (_("What you can apply for under {policy}") if any_due else _("Your results under {policy}")).format(
        policy=policy.POLICY_ID)
    assessed = _("Situation assessed on {date}.").format(date=fmt.date_text(on, page.lang))
    disclaimer = _("Unofficial self-service result: the county human resources and social security bureau "
                   "decides. Hotline 12333.")
    ended = f"<p class='notice'>{_esc(frame.ended_text(page))}</p>" if policy.has_ended(date.today()) else ""
    total_line = _("First-year total you can apply for: {total}").format(total=fmt.money(summed.amount, page.lang))
    parts = [
        f"<h1>{_esc(heading)}</h1>",
        ended,  # the screen's notice on every page: a resident could otherwise take the paper to the county today
        f"<p class='muted'>{_esc(fmt.sentences([assessed, disclaimer], page.lang))}</p>",
        f"<p class='amount'>{_esc(total_line)}</p>",
        *(f"<p class='muted'>{_esc(entry['reason']['text'])}</p>" for entry in summed.left_out),
    ]
    waiting = [_(catalog.BY_ID[r["benefit"]].label) for r in results
               if r["status"] == "eligible" and r["amount"] is None and r["missing_figures"]]
    if waiting:  # as the screen's headline says: the total leaves them out
        note = _("Not counted yet: {names} (the amount depends on a figure we do not have; see the card).")
        parts.append(f"<p class='muted'>{_esc(note.format(names=fmt.words(waiting, page.lang)))}</p>")
    groups = grouped(results, person=True)  # as the screen: money to the school apart from the person's own
    for key, title, _icon in GROUPS:
        if not groups[key]:
            continue
        parts.append(f"<h2>{_esc(_(title))}</h2>")
        for result in groups[key]:
            benefit = catalog.BY_ID[result["benefit"]]
            lines = face_texts(result)  # the readings that decide this result, as on the card's face
            due = key in ("apply", "school")  # the school's money is due too, paid to the school
            lines += [m["text"] for m in (result["met"] if due else result["unmet"])]
            lines += [m["text"] for m in result["next"] + result.get("too_late", [])]
            body = f"<strong>{_esc(official_name(benefit.label, page))}</strong> · {_esc(citation(result['article'], page))}"
            amount = amount_text(result, page)
            if amount:
                body += f"<div class='amount'>{_esc(amount)}</div>"
            if due and result.get("monthly") is not None:
                monthly = _("{monthly} a month").format(monthly=fmt.money(result["monthly"], page.lang))
                body += f"<div>{_esc(monthly)}</div>"
            body += _list(lines)
            if due:
                body += _to_act_on(result, page, county)
            elif key == "need":
                body += _still_to_answer(result, page)
            parts.append(f"<div class='card'>{body}</div>")
    answers_heading, again = _("Your answers"), _("Open this result again:")
    parts.append(f"<h2>{_esc(answers_heading)}</h2>")
    parts.append(_list(f"{question} {answer}" for question, answer in answers))  # as on the screen
    gap = "" if page.lang == "zh_CN" else " "
    parts.append(f"<p class='muted'>{_esc(again)}{gap}<a href='{_esc(link)}'>{_esc(link)}</a></p>")
    qr_alt = _("QR code of the link to this result")
    parts.append(f"<p>{takeaway.qr_image(link, qr_alt)}</p>")
    title = _esc(_("Summary"))
    return (f"<!doctype html><html lang='{fmt.html_lang(page.lang)}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{title}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")
