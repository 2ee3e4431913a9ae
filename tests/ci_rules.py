"""In CI (``CI=true``) a test that cannot run fails the run; skips are for developers' machines.

Without this, CI passes when Chromium failed to install (every browser test skips), when the
shared corpus is absent or when an optional extra (tantivy) is missing: green, having run none
of them. A pytest plugin, loaded by ``conftest.py`` (and by ``tests/test_ci_rules.py`` in a
pytest of its own); every skip, whatever raised it, is turned into a failure that names it.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

CI_VALUES = {"1", "true", "yes"}


def in_ci() -> bool:
    """Whether this run is CI's (``CI`` set to true, as CI services and ``.ci/run`` do)."""
    return os.environ.get("CI", "").strip().lower() in CI_VALUES


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # (path, line, "Skipped: why")
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _fail(report: pytest.TestReport | pytest.CollectReport) -> None:
    report.outcome = "failed"
    report.longrepr = (
        f"CI=true: this test could not run ({_reason(report)}); in CI that fails the run. "
        "Install what it needs (.ci/run does), or run without CI=true to skip it."
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    # An expected failure (xfail) is reported as skipped too: that one ran.
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        _fail(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    if in_ci() and report.skipped:  # a whole module skipped (importorskip at its top)
        _fail(report)
    return report
