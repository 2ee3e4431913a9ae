"""xinwen's benchmarks, run from the repository root as ``python -m bench.<name>``.

``bench.harness`` holds what every benchmark shares (arguments, corpus, timing, memory, the
header and tables of a results file), ``bench.targets`` the figures they are checked against;
``bench/README.md`` describes each benchmark.
"""
