"""The window fits the field laptop's screen at first start and after a bigger screen.

Before: the first size was a fixed 1280x800, so on 1366x768, 1280x720 and 1920x1080 at 150 %
(1280x720 logical) the status bar and the bottom buttons lay below the edge. Each case runs
the real main window in a child process on an offscreen screen of that size (Qt's offscreen
platform takes the screen from a JSON file).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {  # name: (width, height, device pixel ratio)
    "1366x768": (1366, 768, 1.0),
    "1280x720": (1280, 720, 1.0),
    "1920x1080 at 150 %": (1920 * 2 // 3, 1080 * 2 // 3, 1.5),
    "1920x1200": (1920, 1200, 1.0),
}


def run_window(tmp_path: Path, screen: str, saved_geometry: str = "") -> dict:
    width, height, dpr = SCREENS[screen]
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "dpr": dpr}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "tests.ui.window_fit_child", saved_geometry],
                          check=False, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _within(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("screen", ["1366x768", "1280x720", "1920x1080 at 150 %"])
def test_at_first_start_the_window_and_every_pages_buttons_fit_the_screen(tmp_path, screen):
    report = run_window(tmp_path, screen)
    assert _within(report["frame"], report["screen"]), report
    assert report["outside"] == []


def test_a_window_saved_on_a_big_screen_fits_the_laptop_screen_it_opens_on(tmp_path):
    big = run_window(tmp_path, "1920x1200")
    width, height = big["frame"][2:]
    assert width >= 1280 and height >= 800  # the comfortable size ...
    assert width < 1920 and height < 1200  # ... not maximized
    report = run_window(tmp_path, "1366x768", big["geometry"])
    assert _within(report["frame"], report["screen"]), report
    assert report["outside"] == []
