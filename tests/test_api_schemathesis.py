"""Schemathesis, a client nobody here wrote, against a real server: every check it has,
driven by our own OpenAPI document, with a fixed seed and a bounded number of examples.

It runs the ``st`` command in a subprocess over the demo index served by gunicorn (the
document is fetched from that local server; nothing goes to the network), and fails with
schemathesis' report of each failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.servers import LiveServer

pytest_plugins = ["tests.webfixtures"]

SEED = 20261206
EXAMPLES = 30  # per operation and phase: a few hundred requests, 20-40 s


def test_schemathesis_finds_nothing(live_server: LiveServer, tmp_path: Path) -> None:
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("schemathesis is not installed: `make setup` installs the test extra")
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [
            str(st),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--checks",
            "all",
            "--seed",
            str(SEED),
            "--max-examples",
            str(EXAMPLES),
            "--generation-database",
            "none",
            "--workers",
            "1",
            "--request-timeout",
            "20",
            "--no-color",
        ],
        cwd=tmp_path,  # its reports, if any, stay out of the repository
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    # Every operation but the document's own (schemathesis leaves out the one it loaded).
    assert "7 selected / 7 total" in report and "No issues found" in report, report
