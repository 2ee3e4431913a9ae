"""Long inputs: a 1,000,000-character body, and queries of as many words as fit in 256 characters.

1. A temporary index holding one article whose body is the first 1,000,000 characters of the
   bench corpus's bodies (joined by line breaks: the longest body a source may give) and the
   next 20 articles whole. Times a search for a word found thousands of times in that body
   (its snippet is picked from all of them) and the article itself with the word marked
   (``Searcher.article``: the article page and ``/api/article`` without the HTML around it).
2. With ``--index DIR`` (an index of the bench corpus), two queries no article matches whole,
   so the any-word fallback answers: 128 common characters, and 86 common two-character words
   (the query is cut at 256 characters). Times each on a fresh searcher (cold: posting lists
   read from disk) and again (warm), and counts the postings scored (``scored_postings``).

Appends one row to ``bench/results/long-inputs.md``. Never asserts a timing.
"""

from __future__ import annotations

import json
import tempfile
from functools import partial
from pathlib import Path

from bench.harness import (
    BENCH_CORPUS,
    NOISE_NOTE,
    RESULTS_DIR,
    append_row,
    arguments,
    git_commit,
    iter_raw,
    machine,
    now,
    require_corpus,
    timed,
)
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.search import Searcher, SearchRequest

RESULTS = RESULTS_DIR / "long-inputs.md"
LONG_CHARS = 1_000_000
WORD = "发展"
COMMON_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
    "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
)
COMMON_WORDS = (
    "光伏 风电 储能 电网 改革 发展 建设 项目 推进 市场 政策 经济 企业 技术 创新 能源 安全 农业 "
    "工业 城市 乡村 环境 保护 交通 铁路 公路 水利 教育 医疗 卫生 文化 旅游 体育 科学 研究 国际 "
    "合作 贸易 投资 金融 航天 卫星 火箭 飞机 轮船 港口 机场 高铁 地铁 公交 汽车 电池 芯片 手机 "
    "电脑 网络 数据 算法 软件 硬件 钢铁 煤炭 石油 天然 化工 纺织 服装 食品 粮食 水果 蔬菜 猪肉 "
    "牛奶 鸡蛋 大米 小麦 玉米 大豆 棉花 茶叶 森林 草原 湿地 沙漠 海洋 河流 湖泊 山区"
)


def long_body(corpus: Path, workdir: Path) -> dict[str, str]:
    parts, size, rest = [], 0, []
    for raw in iter_raw(corpus):
        if size < LONG_CHARS:
            body = raw.get("body") or ""
            parts.append(body)
            size += len(body) + 1
        else:
            rest.append(raw)
            if len(rest) == 20:
                break
    body = "\n".join(parts)[:LONG_CHARS]
    rows = [{"id": "long", "title": "一百万字的正文", "body": body}, *rest]
    src = workdir / "long.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    root = workdir / "ix"
    reindex(ReindexOptions(sources=[src], root=root, progress=False))
    searcher = Searcher(root)
    searcher.search(SearchRequest(q="新闻"))  # opened, columns read
    search_s, result = timed(lambda: searcher.search(SearchRequest(q=WORD)))
    assert any(h.id == "long" for h in result.hits)
    article_s, article = timed(lambda: searcher.article("long", WORD))
    assert article is not None
    found = body.count(WORD)
    print(f"1M body: {found:,} × {WORD}; search {search_s:.2f} s, article {article_s:.2f} s")
    searcher.close()
    return {"search": f"{search_s:.2f}", "article": f"{article_s:.2f}"}


def long_queries(index: Path) -> dict[str, str]:
    out = {}
    for name, q in (
        ("chars", " ".join(list(dict.fromkeys(COMMON_CHARS))[:128])),
        ("words", COMMON_WORDS),
    ):
        searcher = Searcher(index)
        searcher.search(SearchRequest(q="光伏"))  # opened, columns read
        engine = searcher._current().engine
        request = SearchRequest(q=q)
        cold, result = timed(partial(searcher.search, request))
        before = getattr(engine, "scored_postings", None)
        warm, _ = timed(partial(searcher.search, request))
        after = getattr(engine, "scored_postings", None)
        scored = f"{after - before:,}" if before is not None and after is not None else "–"
        print(
            f"{name}: total {result.total:,}, cold {cold:.2f} s, warm {warm:.2f} s, scored {scored}"
        )
        out |= {
            f"{name} cold": f"{cold:.2f}",
            f"{name} warm": f"{warm:.2f}",
            f"{name} scored": scored,
        }
        searcher.close()
    return out


def main() -> None:
    parser = arguments(__doc__, index="an index of the bench corpus (part 2)")
    parser.add_argument("--note", default="", help="a word for the row (e.g. 'before')")
    args = parser.parse_args()
    corpus = require_corpus(BENCH_CORPUS)
    with tempfile.TemporaryDirectory(prefix="xinwen-long-") as tmp:
        body = long_body(corpus, Path(tmp))
    queries = long_queries(args.index) if args.index else {}
    intro = (
        "# Long inputs (python -m bench.long_inputs)\n\n"
        f"A 1,000,000-character body: a search for {WORD} (found thousands of times in it) and "
        "its article with the word marked. Long queries on the bench index: 128 common "
        "characters and 86 common words, no article has all of them (any-word fallback); cold "
        "is a fresh searcher, warm the same query again; scored: postings scored, warm. Seconds; "
        f"{NOISE_NOTE}."
    )
    headers = ["date", "commit", "note", "machine", "1M search", "1M article"]
    headers += [
        "chars cold",
        "chars warm",
        "chars scored",
        "words cold",
        "words warm",
        "words scored",
    ]
    row = [now(), git_commit(), args.note, machine(), body["search"], body["article"]]
    row += [queries.get(h, "–") for h in headers[6:]]
    append_row(RESULTS, intro, headers, row)


if __name__ == "__main__":
    main()
