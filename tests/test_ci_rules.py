"""The CI rule (tests/ci_rules.py, through conftest.py): with ``CI=true`` a test that cannot
run fails the run, however it was skipped; on a developer's machine it skips with its reason.

Each case runs in a pytest of its own, over test files written here, with the project's
``conftest.py`` loaded as a plugin: the hooks a real run uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import ROOT

SKIPPING = """
import pytest

def test_runs():
    assert True

def test_skips_itself():
    pytest.skip("/usr/bin/chromium is absent")

@pytest.mark.skipif(True, reason="the shared corpus is absent")
def test_skipped_by_a_marker():
    pass

@pytest.fixture
def extra():
    pytest.importorskip("no_such_extra_module", reason="the bench extra is not installed")

def test_skipped_by_a_fixture(extra):
    pass

@pytest.mark.xfail(reason="known", strict=True)
def test_expected_to_fail():
    assert False
"""

SKIPPED_MODULE = """
import pytest

pytest.importorskip("no_such_extra_module", reason="playwright is not installed")

def test_never_collected():
    pass
"""


def _run(tmp_path: Path, ci: str | None) -> tuple[int, dict[str, str], str]:
    """Run pytest over the two files; returns its exit code, each test's outcome and output."""
    (tmp_path / "test_skipping.py").write_text(SKIPPING, encoding="utf-8")
    (tmp_path / "test_skipped_module.py").write_text(SKIPPED_MODULE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), str(ROOT)])
    report = tmp_path / "report.xml"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider"),
            *("--continue-on-collection-errors", "-rA", f"--junitxml={report}"),
            *("test_skipping.py", "test_skipped_module.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    outcomes = {}
    for case in ET.parse(report).iter("testcase"):
        name = case.get("name") or case.get("classname") or ""
        kinds = [child.tag for child in case if child.tag in {"failure", "error", "skipped"}]
        outcomes[name] = kinds[0] if kinds else "passed"
    return done.returncode, outcomes, done.stdout + done.stderr


@pytest.mark.parametrize("ci", ["true", "1"])
def test_in_ci_every_skip_fails_the_run_and_says_why(tmp_path: Path, ci: str) -> None:
    code, outcomes, output = _run(tmp_path, ci)
    assert code == pytest.ExitCode.TESTS_FAILED, output
    assert outcomes["test_runs"] == "passed"
    assert outcomes["test_skips_itself"] == "failure"
    assert outcomes["test_skipped_by_a_marker"] == "error"  # at setup
    assert outcomes["test_skipped_by_a_fixture"] == "error"
    assert outcomes["test_expected_to_fail"] == "skipped"  # an xfail ran: it stays one
    assert any(outcome == "error" for name, outcome in outcomes.items() if "module" in name)
    for reason in (
        "/usr/bin/chromium is absent",
        "the shared corpus is absent",
        "the bench extra is not installed",
        "playwright is not installed",
    ):
        assert f"CI=true: this test could not run ({reason})" in output


@pytest.mark.parametrize("ci", [None, "false"])
def test_on_a_developers_machine_skips_stay_skips_with_their_reason(
    tmp_path: Path, ci: str | None
) -> None:
    code, outcomes, output = _run(tmp_path, ci)
    assert code == pytest.ExitCode.OK, output
    assert outcomes == {
        "test_runs": "passed",
        "test_skips_itself": "skipped",
        "test_skipped_by_a_marker": "skipped",
        "test_skipped_by_a_fixture": "skipped",
        "test_expected_to_fail": "skipped",
        "test_skipped_module": "skipped",
    }
    assert "SKIPPED" in output and "/usr/bin/chromium is absent" in output
    assert "playwright is not installed" in output
