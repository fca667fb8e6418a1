"""First load and rerun of chosen pages, served from several copies of the site, measured interleaved in one run.

    git worktree add /tmp/before c5d22c4          # a copy to compare with
    .venv/bin/python bench/rerun_compare.py /tmp/before:streamlit_app.py .:streamlit_app.py .:serve.py \\
        --page employer --page broker

Each ``ROOT:SCRIPT`` is served by ``streamlit run SCRIPT`` in ROOT; the pages are those of
``bench/site_bench.targets`` (by name). Median of ``--repeats`` after a warm-up, loads interleaved across copies.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from bench.site_bench import CHROMIUM, CHROMIUM_ARGS, Servers, measure, targets


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("copies", nargs="+", help="ROOT:SCRIPT to serve")
    parser.add_argument("--page", action="append", help="a page of site_bench.targets (default employer)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args(argv)
    named = {target.name: target for target in targets()}
    with sync_playwright() as driver, Servers() as servers:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            urls = {}
            for number, copy in enumerate(args.copies):
                root, script = copy.rsplit(":", 1)
                urls[copy] = servers.start(script, args.port + number, Path(root).resolve())[0]
            print("| page | copy | first load | rerun | run ended at |\n|---|---|---|---|---|")
            for name in args.page or ["employer"]:
                target = named[name]
                found: dict[str, list] = {copy: [] for copy in urls}
                for url in urls.values():
                    measure(browser, url, target)  # warm-up
                for _ in range(args.repeats):
                    for copy, url in urls.items():
                        found[copy].append(measure(browser, url, target))
                for copy, timings in found.items():
                    def med(field: str, timings=timings) -> float:
                        return statistics.median(getattr(t, field) for t in timings)
                    print(f"| {name} | {copy} | {med('first'):.3f} s | {med('rerun'):.3f} s | {med('rerun_run'):.3f} s |")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
