"""The vacancy page at 1366x768: the ranked citizens have room (several
rows, not a scroll area inside a scroll area), "Foreslå borger" and the record's actions are
inside the visible window, and the citizens the ranking left out are shown with why, in
Danish. Runs the real main window in a child process on an offscreen 1366x768 screen, as
test_window_fit does; the screenshots go to var/screenshots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots"))


def test_vacancy_page_at_1366x768_shows_the_ranking_its_actions_and_who_was_left_out(
        tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "dpr": 1.0}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "tests.ui.vacancy_fit_child", str(SHOTS)],
                          check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    print(report)
    assert report["suggestions"] >= 6, report  # the profile gives a ranking to look at
    assert report["outside"] == [], report
    assert not report["ranking_in_scroll_area"], report
    assert report["rows_visible"] >= 6, report
    assert report["excluded_count"] > 0, report
    assert all(text.startswith("Udelukket: ") and len(text) > len("Udelukket: ")
               for text in report["excluded"]), report
