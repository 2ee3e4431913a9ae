"""Rules for page reading found on the thirty-fifth round (sets 47 and 48 of the unseen
layouts, `tests/fixtures/blind-sites-47` and `-48`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


def test_a_greeting_with_the_registered_name_does_not_lengthen_the_logos_name(
    tmp_path: Path,
) -> None:
    # A text page of a company's site: the greeting prints the registered name whole
    # (岭东风能开发有限公司), the logo its short name (岭东风能). The registered name less its
    # legal form (岭东风能开发) is printed nowhere on its own: the site goes by its logo's name.
    def page(headline: str, date: str, n: int) -> str:
        lines = [
            "欢迎访问岭东风能开发有限公司",
            "岭东风能",
            "首页",
            "新闻中心",
            "您的位置：首页 » 新闻中心 » 公司新闻",
            headline,
            f"日期：{date}   作者：admin   阅读：308",
            f"{n}月{n + 2}日，{PROSE}",
            f"截至{n}日，{MORE}",
            "关于我们 | 联系我们 | 网站地图",
            "Copyright © 岭东风能开发有限公司 版权所有",
        ]
        return "\n".join(lines) + "\n"

    write_page(tmp_path / "公司新闻" / "news_2130.txt", page(HEADLINE, "2024/6/5", 5))
    write_page(
        tmp_path / "公司新闻" / "news_2131.txt", page("岭东风电场开展安全生产月活动", "2024/6/9", 6)
    )
    write_page(
        tmp_path / "公司新闻" / "news_2132.txt",
        page("岭西光伏电站首批组件完成安装", "2024/6/12", 7),
    )
    rec = records_by_name(tmp_path)["news_2130.txt"]
    assert rec.title == HEADLINE
    assert rec.source == "岭东风能"
