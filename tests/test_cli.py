"""The ``xinwen`` command: each subcommand, its output and its exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import DEMO, ROOT, article, build_index, write_jsonl
from xinwen.cli import main
from xinwen.index.stats import index_stats
from xinwen.search import Searcher, SearchRequest
from xinwen.search.readcache import CACHE_FILE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reindex_stats_and_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(tmp_path / "ix")
    code, out, _ = run(capsys, "reindex", str(DEMO), "--index", root, "-q")
    assert code == 0 and "full reindex: read 120 records = indexed 120" in out
    code, out, _ = run(capsys, "stats", "--index", root, "--json")
    stats = json.loads(out)
    assert code == 0 and stats["documents"] == 120 and stats["schema_version"] >= 1
    # The 10 scraped pages name no category (their folder, pages/, is not one): 未分类.
    assert {c["value"] for c in stats["categories"]} == {
        "政策",
        "项目",
        "技术",
        "市场",
        "国际",
        "未分类",
    }
    code, out, _ = run(capsys, "stats", "--index", root)
    assert "documents  120" in out
    code, out, _ = run(capsys, "search", "特高压", "--index", root, "--json", "--size", "3")
    doc = json.loads(out)
    assert code == 0 and doc["total"] > 3 and len(doc["hits"]) == 3
    assert set(doc) == {
        "query",
        "total",
        "groups",
        "page",
        "page_size",
        "took_ms",
        "notice",
        "did_you_mean",
        "hits",
        "facets",
        "facet_totals",
    }
    assert set(doc["hits"][0]) == {
        "id",
        "title",
        "title_html",
        "snippet_html",
        "url",
        "published",
        "category",
        "source",
        "score",
        "similar",
        "similar_ids",
    }
    assert set(doc["facets"]) == {"category", "source", "published", "recent"}
    code, out, _ = run(capsys, "search", "特高压", "--index", root, "--category", "项目")
    assert code == 0 and "[特高压]" in out and "项目" in out
    # The demo corpus has a reposted 特高压 story: 13 articles make 12 groups.
    code, out, _ = run(capsys, "search", "特高压", "--index", root)
    assert code == 0 and out.startswith("13 篇，12 组（")


def test_field_mapping_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"编号": "a1", "headline": "风电场投运", "content_text": "海上风电场今日投运。"}]
    src = write_jsonl(tmp_path / "odd.jsonl", rows)
    root = str(tmp_path / "ix")
    code, out, _ = run(
        capsys, "reindex", str(src), "--index", root, "--field", "body=content_text", "-q"
    )
    assert code == 0 and "indexed 1" in out
    code, out, _ = run(capsys, "search", "风电场", "--index", root, "--json")
    assert json.loads(out)["hits"][0]["id"] == "a1"


def test_a_misspelt_field_name_is_refused_and_the_index_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": "a1", "title": "渔光互补项目", "content": "渔光互补项目今日并网。"}]
    src = write_jsonl(tmp_path / "export.jsonl", rows)
    root = str(tmp_path / "ix")
    assert run(capsys, "reindex", str(src), "--index", root, "-q")[0] == 0
    # body=bodyy matches no record: indexing would have replaced every article's text by
    # nothing, and said "indexed 1, skipped 0".
    code, _, err = run(capsys, "reindex", str(src), "--index", root, "--field", "body=bodyy", "-q")
    assert code == 1
    assert "--field body=bodyy: no record has such a field" in err
    assert "title, content" in err
    code, out, err = run(capsys, "inspect", str(src), "--field", "body=bodyy", "--json")
    assert code == 0 and json.loads(out)["body"] == ""
    assert "warning: --field body=bodyy: no record has such a field" in err
    code, out, _ = run(capsys, "search", "并网", "--index", root, "--json")
    assert [h["id"] for h in json.loads(out)["hits"]] == ["a1"]


def test_nested_fields_by_dotted_name_and_a_cms_export_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # WordPress's REST API gives {"rendered": …} objects; other exports nest their metadata.
    rows = [
        {
            "id": 7,
            "title": {"rendered": "光热电站投运"},
            "content": {"rendered": "<p>塔式光热电站今日投运。</p>"},
            "meta": {"media": {"name": "西部能源报"}},
            "tags": ["项目", "光热"],
        }
    ]
    src = write_jsonl(tmp_path / "posts.jsonl", rows)
    root = str(tmp_path / "ix")
    code, _, err = run(
        capsys,
        "reindex",
        str(src),
        "--index",
        root,
        "-q",
        "--field",
        "source=meta.media.name",
        "--field",
        "category=tags",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "search", "光热电站", "--index", root, "--json")
    [hit] = json.loads(out)["hits"]
    assert (hit["id"], hit["title"]) == ("7", "光热电站投运")
    assert (hit["source"], hit["category"]) == ("西部能源报", "项目")


@pytest.mark.parametrize("command", [["stats"], ["search", "光伏"], ["serve"], ["words"]])
def test_an_index_folder_that_is_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    # (a corpus given as --index: `serve` ended in a NotADirectoryError traceback)
    corpus = write_jsonl(tmp_path / "news.jsonl", [article(1)])
    code, _, err = run(capsys, *command, "--index", str(corpus))
    assert code == 1
    assert err.strip() == (
        f"xinwen: error: the index folder {corpus} is a file: give --index a folder of its own"
        f" (xinwen reindex {corpus} --index FOLDER indexes the file)"
    )


def test_inspect_says_a_missing_title_is_the_bodys_first_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(
        tmp_path / "notes.jsonl",
        [{"id": "b1", "body": "光伏电站今日并网发电。装机十万千瓦。"}, article(2)],
    )
    code, out, _ = run(capsys, "inspect", str(src), "--json")
    assert code == 0
    derived, given = (json.loads(line) for line in out.splitlines())
    assert (derived["title"], derived["title_from"]) == (
        "光伏电站今日并网发电",
        "the body's first sentence",
    )
    assert given["title_from"] == "record field"


def test_errors_are_one_line_and_exit_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "stats", "--index", str(tmp_path / "none"))
    assert code == 1 and "xinwen reindex" in err and "Traceback" not in err
    code, _, err = run(capsys, "search", "光伏", "--index", str(tmp_path / "none"))
    assert code == 1 and "no index" in err
    code, _, err = run(capsys, "reindex", str(tmp_path / "missing.jsonl"), "--index", "x")
    assert code == 2 and "no such source" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(article(1), ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    code, _, err = run(capsys, "reindex", str(bad), "--index", str(tmp_path / "s"), "--strict")
    assert code == 1 and "bad.jsonl:2" in err
    code, _, err = run(capsys, "search", "光伏", "--index", str(tmp_path / "s"), "--size", "500")
    assert code in (1, 2) and "size" in err


def test_the_console_script_runs_and_logs_progress_without_a_terminal(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(30)])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XINWEN_INDEX": str(tmp_path / "envix")}
    done = subprocess.run(
        [sys.executable, "-m", "xinwen", "reindex", str(src)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr  # no progress bar drawn into a log
    assert (tmp_path / "envix" / "current").is_symlink()
    assert (tmp_path / "envix" / "jieba" / "jieba.cache").is_file()


def test_a_closed_pipe_ends_quietly(demo_index: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # `head -c 1` closes the pipe long before the search output ends.
    done = subprocess.run(
        f"{sys.executable} -m xinwen search 电 --size 100 --index {demo_index} | head -c 1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr


def _stat(pid: int, field: int) -> int | None:
    """Field ``field`` (1-based, as in proc(5)) of /proc/PID/stat, None once it ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[field - 3])


NICE_FIELD, POLICY_FIELD = 19, 41


def _reindex_priorities(tmp_path: Path, *options: str) -> tuple[set[int | None], set[int | None]]:
    """(nice, policy) pairs seen of a CLI reindex's reading process and of its workers."""
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(3000)])
    env = {k: v for k, v in os.environ.items() if k != "XINWEN_NICE"}
    env["PYTHONPATH"] = str(ROOT)
    argv = [sys.executable, "-m", "xinwen", "reindex", str(src), "--workers", "2", *options]
    proc = subprocess.Popen(
        [*argv, "--index", str(tmp_path / "ix"), "-q"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reader: set = set()
    workers: set = set()

    def seen(pid: int) -> tuple[int | None, int | None]:
        return _stat(pid, NICE_FIELD), _stat(pid, POLICY_FIELD)

    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        while proc.poll() is None and not workers - {(None, None)}:
            reader.add(seen(proc.pid))
            for pid in children.read_text().split():
                workers.add(seen(int(pid)))
    finally:
        _, stderr = proc.communicate(timeout=180)
    assert proc.returncode == 0, stderr
    return reader, workers - {(None, None)}


def test_a_reindex_runs_at_the_lower_priority_asked_for(tmp_path: Path) -> None:
    """The reading process and its workers, once each: niced twice, workers would be at 14."""
    base = os.getpriority(os.PRIO_PROCESS, 0)  # the child starts with ours
    reader, workers = _reindex_priorities(tmp_path, "--nice", "7")
    expected = (min(base + 7, 19), os.SCHED_OTHER)
    assert workers == {expected}
    assert expected in reader


def test_a_reindex_runs_on_idle_cpu_time_by_default(tmp_path: Path) -> None:
    """Linux's SCHED_IDLE: the reindex only gets CPU time a server on the machine leaves."""
    base = os.getpriority(os.PRIO_PROCESS, 0)
    reader, workers = _reindex_priorities(tmp_path)
    assert workers == {(base, os.SCHED_IDLE)}
    assert (base, os.SCHED_IDLE) in reader


def test_a_bad_nice_value_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    code, _, err = run(capsys, "reindex", str(src), "--index", str(tmp_path / "i"), "--nice", "40")
    assert code == 1 and "nice must be 'idle' or a whole number from 0 to 19" in err
    assert not (tmp_path / "i" / "current").exists()


def test_reindex_leaves_the_read_cache_ready_before_the_switch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Servers switching to the new generation load its read cache instead of computing it
    while queries wait: the file is there when ``current`` points at it, and a searcher opening
    the generation uses it as it is (computing it would write a new file)."""
    root = tmp_path / "ix"
    code, _, err = run(capsys, "reindex", str(DEMO), "--index", str(root), "-q", "--workers", "1")
    assert code == 0, err
    cache = root / "current" / CACHE_FILE
    before = cache.stat()
    searcher = Searcher(root)
    try:
        assert searcher.search(SearchRequest(q="光伏")).total > 0
    finally:
        searcher.close()
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_serve_on_a_taken_port_says_so_in_one_line(demo_index: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "xinwen",
                "serve",
                "--index",
                str(demo_index),
                "--port",
                f"{port}",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"端口 {port} 已被占用" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_snippet_of_several_lines_keeps_the_indentation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "储能电站第一段介绍。\n储能电站第二段说明调峰。\n储能电站第三段展望。"
    corpus = write_jsonl(tmp_path / "c.jsonl", [article(1, title="储能简讯", body=body)])
    root = str(tmp_path / "ix")
    run(capsys, "reindex", str(corpus), "--index", root, "-q")
    code, out, _ = run(capsys, "search", "储能", "--index", root)
    assert code == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "[t-1]" in line) + 1
    snippet = [line for line in lines[start:] if line.strip()]
    assert len(snippet) >= 2  # the snippet spans paragraphs
    assert all(line.startswith("   ") for line in snippet)


def test_search_and_stats_find_the_index_from_the_environment(
    demo_index: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the README says: without --index, $XINWEN_INDEX names the index."""
    monkeypatch.setenv("XINWEN_INDEX", str(demo_index))
    code, out, err = run(capsys, "search", "特高压", "--json", "--size", "1")
    assert code == 0 and json.loads(out)["total"] > 0, err
    code, out, err = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["documents"] == 120, err


@pytest.mark.parametrize("q", ["！！", "%%%", "😀", "*"])
def test_a_query_with_no_searchable_word_is_an_error(
    demo_index: Path, capsys: pytest.CaptureFixture[str], q: str
) -> None:
    code, out, err = run(capsys, "search", q, "--index", str(demo_index))
    assert code == 2 and out == ""
    # In English, as every other line of the command is (the web page says it in Chinese).
    assert err == (
        "xinwen: error: q: the query has no words to search for"
        " (only punctuation, symbols or operators)\n"
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--workers", "0"], "--workers must be a whole number ≥ 1 or 'auto', not '0'"),
        (["--workers", "-3"], "--workers must be a whole number ≥ 1 or 'auto', not '-3'"),
        (["--prune"], "--prune only works with --incremental"),
    ],
)
def test_reindex_refuses_options_it_would_ignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], error: str
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    code, out, err = run(capsys, "reindex", str(src), "--index", str(tmp_path / "i"), *argv)
    assert code == 2 and out == ""
    assert err.startswith(f"xinwen: error: {error}") and len(err.splitlines()) == 1
    assert not (tmp_path / "i" / "current").exists()


def test_reindex_refuses_workers_of_zero_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XINWEN_WORKERS", "0")
    src = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    code, _, err = run(capsys, "reindex", str(src), "--index", str(tmp_path / "i"))
    assert code == 2 and "$XINWEN_WORKERS must be a whole number ≥ 1 or 'auto'" in err


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--workers", "0"], "xinwen: error: --workers must be a whole number ≥ 1, not '0'"),
        (["--host", "999.1.1.1"], "xinwen: error: --host '999.1.1.1' is not an IP address"),
        (["--host", "no-such-host.invalid"], "xinwen: error: --host 'no-such-host.invalid'"),
        (["--host", "192.0.2.1"], "this address is not one of this machine's"),  # TEST-NET-1
    ],
)
def test_serve_refuses_bad_workers_and_hosts_before_starting(
    demo_index: Path, argv: list[str], error: str
) -> None:
    import socket

    # The port is taken: were the options let through, the server would stop there (exit 1).
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serve = ["serve", "--index", str(demo_index), "--port", f"{port}"]
        done = subprocess.run(
            [sys.executable, "-m", "xinwen", *serve, *argv],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert done.returncode == 2, done.stderr
    assert error in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"xinwen {version('xinwen')}\n"


def test_a_page_past_the_last_says_so(demo_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "光伏", "--index", str(demo_index), "--page", "99")
    searcher = Searcher(demo_index)
    try:
        last = searcher.search(SearchRequest(q="光伏")).pages
    finally:
        searcher.close()
    assert code == 0 and f"第 99/{last} 页" in out
    assert f"第 99 页没有结果：结果只有 {last} 页。" in out.splitlines()
    code, out, _ = run(capsys, "search", "光伏", "--index", str(demo_index), "--page", f"{last}")
    assert code == 0 and "没有结果" not in out


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two articles in two categories: 民生 about 新冠 and 春耕, 经济 about 春耕 only."""
    rows = [
        article(
            1,
            title="社区新冠疫苗接种",
            body="社区新冠疫苗接种点开放，春耕时节不停工。",
            category="民生",
        ),
        article(
            2, title="春耕备耕有序推进", body="各地春耕备耕有序推进，农机下田。", category="经济"
        ),
    ]
    src = write_jsonl(tmp_path_factory.mktemp("small-src") / "a.jsonl", rows)
    return str(build_index(tmp_path_factory.mktemp("small-index"), src))


def test_a_query_that_starts_with_a_minus_is_the_query(
    small_index: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """-新冠 and -category:民生 exclude, as on the web: argparse took them for unknown options."""
    for query in ("-新冠", "-category:民生"):
        for argv in (
            ["search", query, "--index", small_index],
            ["search", "--index", small_index, query, "--json"],
            ["-v", "search", "--ind", small_index, query],  # an abbreviated option stays one
            ["search", "--index", small_index, "--", query],
        ):
            code, out, err = run(capsys, *argv)
            assert (code, err) == (0, ""), argv
            assert "t-2" in out and "t-1" not in out, argv
    # An option's value that starts with a minus stays its value; -h is still the help.
    code, _, err = run(capsys, "search", "春耕", "--index", small_index, "--recent", "-1")
    assert code == 2 and "between 0 and 10" in err
    with pytest.raises(SystemExit) as done:
        main(["search", "-h"])
    assert done.value.code == 0 and "put it after --" in " ".join(capsys.readouterr().out.split())


def test_a_userdict_that_is_not_utf8_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A GBK word list (common for Chinese) stopped the reindex with a bare "'utf-8' codec
    can't decode byte 0xb1", naming neither the file nor the flag."""
    src = write_jsonl(tmp_path / "a.jsonl", [article(1), article(2)])
    root = str(tmp_path / "ix")
    assert run(capsys, "reindex", str(src), "--index", root, "-q")[0] == 0
    served = index_stats(Path(root)).generation
    words = tmp_path / "词典.txt"
    words.write_bytes("光伏电站 100\n并网发电 50\n".encode("gbk"))
    code, out, err = run(capsys, "reindex", str(src), "--index", root, "--userdict", str(words))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"xinwen: error: --userdict {words} is not UTF-8 (byte 0xb9 on line 1)")
    assert "must be UTF-8" in err and "the served index is unchanged" in err
    missing = tmp_path / "no-such-dict.txt"
    code, _, err = run(capsys, "reindex", str(src), "--index", root, "--userdict", str(missing))
    assert code == 1 and err.startswith(f"xinwen: error: --userdict {missing}: No such file")
    assert index_stats(Path(root)).generation == served


def test_search_errors_name_the_options_as_typed(
    small_index: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the API's parameter names: --recent 50 said "recency: recency must be …"."""
    cases = {
        ("--recent", "50"): "--recent must be between 0 and 10",
        ("--page", "0"): "--page must be a whole number ≥ 1",
        ("--size", "500"): "--size must be between 1 and 100",
        ("--page", "200", "--size", "100"): "--page: only the first 10,000 results are served",
        ("--from", "2021-05-01", "--to", "2021-01-01"): "--from is later than --to",
        ("--undated", "--to", "2021-01-01"): "--undated cannot be combined with --from or --to",
    }
    for options, message in cases.items():
        for json_out in ([], ["--json"]):
            code, out, err = run(
                capsys, "search", "春耕", "--index", small_index, *options, *json_out
            )
            assert (code, out, err) == (2, "", f"xinwen: error: {message}\n"), options
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "newer articles, from 0 to 10" in shown and "nothing on stdout" in shown


def test_an_empty_category_or_source_is_a_usage_error(
    small_index: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It found 0 without a word, where the API answers category= with a 400."""
    for flag in ("--category", "--source"):
        for value in ("", "  "):
            code, out, err = run(capsys, "search", "春耕", "--index", small_index, flag, value)
            assert (code, out) == (2, "") and err.startswith(f"xinwen: error: {flag} must not be")
    code, out, _ = run(capsys, "search", "春耕", "--index", small_index, "--category", "民生")
    assert code == 0 and "t-1" in out and "t-2" not in out


def test_inspect_of_a_folder_with_nothing_to_read_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed nothing and exited 0; `reindex` of the same folder exits 1 saying why."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "blank").mkdir()
    (tmp_path / "blank" / "a.jsonl").write_text("", encoding="utf-8")
    for folder in (empty, tmp_path / "blank"):
        for json_out in ([], ["--json"]):
            code, out, err = run(capsys, "inspect", str(folder), *json_out)
            assert (code, out) == (1, "")
            assert err == f"xinwen: error: found no files to read in {folder}" + (
                " (nothing xinwen reads, or only empty files)\n"
            )
    code, out, _ = run(capsys, "inspect", str(write_jsonl(tmp_path / "one.jsonl", [article(1)])))
    assert code == 0 and "t-1" in out


@pytest.mark.parametrize("command", ["inspect", "reindex"])
def test_a_mistyped_or_unreadable_patterns_file_is_one_line_of_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """`inspect --boilerplate MISSING` printed a traceback where `reindex` gave one line."""
    page = tmp_path / "s" / "1.txt"
    page.parent.mkdir()
    page.write_text("零碳园区通过验收\n2025-06-07\n省内首个零碳园区通过验收。\n", "utf-8")
    extra = ["--index", str(tmp_path / "ix"), "-q"] if command == "reindex" else []
    missing = str(tmp_path / "my-site-patterns.txt")
    code, _, err = run(capsys, command, str(page.parent), "--boilerplate", missing, *extra)
    assert code == 2
    assert err == f"xinwen: error: no such patterns file (--boilerplate): {missing}\n"
    # (there, but a folder: one line too, from reading it)
    code, _, err = run(capsys, command, str(page.parent), "--boilerplate", str(tmp_path), *extra)
    assert code == 1
    assert err.startswith("xinwen: error: ") and err.count("\n") == 1, err
    assert "cannot read the patterns file" in err and "Traceback" not in err
    assert not (tmp_path / "ix" / "current").exists()
