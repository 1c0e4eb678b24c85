"""Reproducible measurements of the product beside baselines doing the same work.

``python -m benchmarks`` (or ``make bench``) runs every ``bench_*.py`` module here that has a
``run(quick: bool) -> list[harness.Result]`` function; see ``__main__.py``. Benchmarks are not
tests: nothing here asserts a time, they report ratios against a baseline from the same run.
"""
