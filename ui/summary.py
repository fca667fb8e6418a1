"""A one-page summary of a resident's results, in the page's language, to download and print.

Plain HTML with print styles: opens on any phone, prints on a kiosk printer. Every text from
data is escaped. No personal data is in it (none was asked).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from engine import catalog, policy
from engine.totals import Total
from ui import format as fmt
from ui import takeaway
from ui.frame import Page
from ui.results import GROUPS, amount_text, citation, face_texts, grouped, office_text, official_name

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #1a1d21; line-height: 1.55; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #c5ced6; margin-top: 1.6rem; }
.card { border: 1px solid #c5ced6; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; break-inside: avoid; }
.amount { font-size: 1.2rem; font-weight: 700; } .muted { color: #4a5560; font-size: .9rem; }
.takeaway-qr { width: 9rem; height: auto; image-rendering: pixelated; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def _esc(text: Any) -> str:
    return fmt.html_escape(text)


def _list(lines: Iterable[str]) -> str:
    items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return f"<ul>{items}</ul>" if items else ""


def summary_html(page: Page, results: list[dict[str, Any]], *, on: date, summed: Total,
                 answers: list[tuple[str, str]], link: str, county: str | None) -> str:
    """The whole summary as one HTML document: where to apply names the office, after the county when known."""
    _ = page._
    heading = _("What you can apply for under {policy}").format(policy=policy.POLICY_ID)
    assessed = _("Situation assessed on {date}.").format(date=fmt.date_text(on, page.lang))
    disclaimer = _("Unofficial self-service result: the county human resources and social security bureau "
                   "decides. Hotline 12333.")
    total_line = _("First-year total you can apply for: {total}").format(total=fmt.money(summed.amount, page.lang))
    bring, where_label = _("Bring"), _("Where to apply")
    parts = [
        f"<h1>{_esc(heading)}</h1>",
        f"<p class='muted'>{_esc(assessed)} {_esc(disclaimer)}</p>",
        f"<p class='amount'>{_esc(total_line)}</p>",
        *(f"<p class='muted'>{_esc(entry['reason']['text'])}</p>" for entry in summed.left_out),
    ]
    groups = grouped(results)
    for key, title, _icon in GROUPS:
        if not groups[key]:
            continue
        parts.append(f"<h2>{_esc(_(title))}</h2>")
        for result in groups[key]:
            benefit = catalog.BY_ID[result["benefit"]]
            lines = face_texts(result)  # the readings that decide this result, as on the card's face
            lines += [m["text"] for m in (result["met"] if key == "apply" else result["unmet"])]
            lines += [m["text"] for m in result["next"] + result.get("too_late", [])]
            body = f"<strong>{_esc(official_name(benefit.label, page))}</strong> · {_esc(citation(result['article'], page))}"
            amount = amount_text(result, page)
            if amount:
                body += f"<div class='amount'>{_esc(amount)}</div>"
            body += _list(lines)
            if key == "apply":
                documents = "; ".join(official_name(m["id"], page) for m in result["documents"])
                body += f"<div class='muted'>{_esc(bring)}: {_esc(documents)}</div>"
                body += f"<div class='muted'>{_esc(where_label)}: {_esc(office_text(result, page, county))}</div>"
            parts.append(f"<div class='card'>{body}</div>")
    answers_heading, again = _("Your answers"), _("Open this result again:")
    parts.append(f"<h2>{_esc(answers_heading)}</h2>")
    parts.append(_list(f"{question}: {answer}" for question, answer in answers))
    parts.append(f"<p class='muted'>{_esc(again)} <a href='{_esc(link)}'>{_esc(link)}</a></p>")
    qr_alt = _("QR code of the link to this result")
    parts.append(f"<p>{takeaway.qr_image(link, qr_alt)}</p>")
    title = _esc(_("Summary"))
    return (f"<!doctype html><html lang='{fmt.html_lang(page.lang)}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{title}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")
