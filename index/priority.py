"""Lowering a reindex's CPU priority, so that a server on the same machine answers first.

Two levels: a nice value added to the process's (0–19: the reindex still gets a share of the
CPUs however busy the server is, 10 about a tenth against a busy server process), or ``idle``,
Linux's ``SCHED_IDLE`` policy: the reindex runs on CPU time the server leaves unused and
yields the moment a query arrives. Under steady query traffic that keeps query latency close to
what it is without a reindex (bench/results/load.md); against a server that is never idle the
reindex then takes much longer. Child processes inherit either.
"""

from __future__ import annotations

import contextlib
import os

IDLE = "idle"

Priority = int | str  # a nice increment, or IDLE


def lower_priority(level: Priority) -> None:
    """Lower this process's CPU priority to ``level`` (0: leave it as it is).

    Where ``SCHED_IDLE`` is not available (not Linux) ``idle`` falls back to nice 19; where
    the change is not allowed the process keeps its priority.
    """
    if level == IDLE:
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except (AttributeError, OSError):
            level = 19
    if level:
        with contextlib.suppress(OSError):
            os.nice(int(level))
