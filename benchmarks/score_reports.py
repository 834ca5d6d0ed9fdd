"""Score the extractor on the test report sets in ``benchmarks/reports/`` with the shared scorer.

Each set holds reports written for testing in the style of the evaluation reports (``articles/``)
and an analyst's gold for each (``gold/``, the scorer's format; coordinate sources in ``coords.md``
where given). Sets 2 and 3 were used while the sentence rules were improved; sets 4 to 119 were
each written without looking at the rules and scored before any rule was changed for them (sets 7
to 24 include reports from after December 2024).

Run: ``python benchmarks/score_reports.py [path/to/score.py]`` (default ``../shared/eval/score.py``).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    scorer = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "eval" / "score.py"
    if not scorer.exists():
        sys.exit(f"{scorer}: scorer not found; pass the path of score.py as the first argument")
    geo = Path(sys.executable).with_name("geo")
    for folder in sorted((REPO / "benchmarks" / "reports").iterdir()):
        out = subprocess.run([sys.executable, str(scorer), "--geo", str(geo), "--articles", str(folder / "articles"),
                              "--gold", str(folder / "gold")], capture_output=True, text=True, check=False)
        last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()
        print(f"{folder.name}: {last}")


if __name__ == "__main__":
    main()
