"""Joint tuning of the ranking's constants by coordinate ascent, cross-validated inside tune.

    python -m bench.rank_ascent --index DIR [--rounds N] [--start CONST=V,...]

The tune half is split into two fixed folds (``rank_experiments.folds_of``); a move of one
constant (to one of a few values around its current one) is taken only when the objective —
known-item MRR@10 plus topical nDCG@10 — gains on **both** folds by at least ``--eps``; among
such moves of a constant the best on the whole half wins. Constants move together: every
round tries each constant again from the setting the earlier moves reached. The test half is
never read.
"""

from __future__ import annotations

import sys

from bench.harness import arguments
from bench.rank_experiments import _forget, fold_scores, parse_candidate, patch, run
from bench.topical import read_qrels

# Constant → candidate values relative to the current one (× for floats, + for ints).
STEPS: dict[str, tuple[str, tuple[float, ...]]] = {
    "TITLE_WEIGHT": ("*", (0.67, 0.8, 1.25, 1.5)),
    "CHAR_WEIGHT": ("*", (0.5, 0.75, 1.33, 2.0)),
    "K1": ("*", (0.67, 0.8, 1.25, 1.5)),
    "B": ("*", (0.8, 0.9, 1.1, 1.2)),
    "PHRASE_BONUS": ("*", (0.5, 0.75, 1.33, 2.0)),
    "NEAR_BONUS": ("*", (0.5, 0.75, 1.33, 2.0)),
    "NEAR_WINDOW": ("+", (-20, -10, 10, 20)),
    "LEAD_BONUS": ("*", (0.5, 0.75, 1.33, 2.0)),
    "LEAD_BONUS_ONE": ("*", (0.0, 0.5, 2.0)),
    "LEAD_CHARS": ("+", (-60, -30, 30, 60)),
    "STORY_DAMP": ("*", (0.0, 0.5, 2.0)),
    "VERBATIM_BONUS": ("*", (0.5, 0.75, 1.5, 2.0)),
}


def evaluate(searcher, setting: dict[str, object], qrels) -> dict[str, float]:
    old = patch(setting)
    _forget(searcher)
    try:
        return fold_scores(run(searcher, "tune", qrels))
    finally:
        patch(old)
        _forget(searcher)


def show(s: dict[str, float]) -> str:
    return (
        f"MRR {s['mrr']:.4f} ({s['mrr0']:.4f} / {s['mrr1']:.4f}) "
        f"nDCG {s['ndcg']:.4f} ({s['ndcg0']:.4f} / {s['ndcg1']:.4f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, index="an xinwen index of the whole bench corpus")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--eps", type=float, default=0.001)
    parser.add_argument("--start", default="", help="CONST=V,... to start from")
    parser.add_argument("--only", default="", help="comma-separated constants to move")
    parser.add_argument("--fine", action="store_true", help="steps of ×0.9 / ×1.1 (± 10 chars)")
    args = parser.parse_args(argv)
    import xinwen.search.engine as engine
    from xinwen.search import Searcher

    searcher = Searcher(args.index)
    qrels = read_qrels()
    run(searcher, "tune", qrels)  # warm the caches
    names = [n for n in STEPS if not args.only or n in args.only.split(",")]
    current = {n: getattr(engine, n) for n in names}
    if args.start:
        current.update(parse_candidate(args.start))
    best = evaluate(searcher, current, qrels)
    print(f"start {current}: {show(best)}", flush=True)
    for rnd in range(args.rounds):
        moved = False
        for name in names:
            op, steps = STEPS[name]
            if args.fine:
                steps = (-10, 10) if op == "+" else (0.9, 1.1)
            value = current[name]
            tried = []
            for step in steps:
                new = value * step if op == "*" else value + step
                if isinstance(value, int) and not isinstance(value, bool):
                    new = round(new)
                if new == value or (op == "+" and new <= 0):
                    continue
                s = evaluate(searcher, {**current, name: new}, qrels)
                gain = all(s[f"obj{f}"] >= best[f"obj{f}"] + args.eps for f in (0, 1))
                tried.append((s["obj"], new, s, gain))
                mark = "GAIN" if gain else ""
                print(f"  {name}={new:g}: {show(s)} {mark}", flush=True)
            gains = [t for t in tried if t[3]]
            if gains:
                _, new, s, _ = max(gains, key=lambda t: t[0])
                current[name] = new
                best = s
                moved = True
                print(f"round {rnd + 1}: {name} → {new:g}: {show(best)}", flush=True)
        if not moved:
            break
    print(f"final {current}: {show(best)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
