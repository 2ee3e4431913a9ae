"""Rules for page reading found on round 47a (set 66, `tests/fixtures/blind-sites-66`, opened
this round), written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, records_by_name, write_page

HEADLINE = "柳岸县农村电网改造升级工程全面完工"


def _static_site_page(headline: str, date: str, prev_next: str, text: list[str]) -> str:
    # A static generator's article page copied from a browser: the links to the articles
    # before and after sit side by side between guillemets, with nothing between the two
    # titles once copied, and the site's other headlines follow.
    lines = [
        "柳岸县能源服务中心",
        "首页",
        "动态",
        "公告",
        "首页 / 动态 / 正文",
        headline,
        date,
        *text,
        "来源：综合科",
        prev_next,
        "相关阅读",
        "柳岸县开展迎峰度夏安全检查 2024-06-02",
        "柳岸县能源服务中心 版权所有",
    ]
    return "\n".join(lines) + "\n"


def test_run_together_previous_and_next_titles_between_guillemets_are_left_out(
    tmp_path: Path,
) -> None:
    prev_next = "« 柳岸县开展迎峰度夏安全检查工作柳岸县光伏扶贫电站运维交接完成 »"
    write_page(
        tmp_path / "动态" / "rural-grid.txt",
        _static_site_page(HEADLINE, "2024年7月3日", prev_next, [PROSE, MORE]),
    )
    write_page(
        tmp_path / "动态" / "pv-handover.txt",
        _static_site_page(
            "柳岸县光伏扶贫电站运维交接完成",
            "2024年7月9日",
            "« 柳岸县上一条消息柳岸县下一条消息 »",
            ["7月8日，柳岸县光伏扶贫电站完成运维交接，共涉及村级电站二十六座。"],
        ),
    )
    rec = records_by_name(tmp_path)["rural-grid.txt"]
    assert rec.title == HEADLINE
    assert "全市新建充电桩两千余个" in rec.body
    assert "方便居民夜间充电" in rec.body
    assert "光伏扶贫电站运维交接完成" not in rec.body
    assert "«" not in rec.body


def _undated_page(headline: str, office: str, text: list[str]) -> str:
    # An undated page of a research institute's site, copied from a browser: the office that
    # wrote it stands alone under the headline, and is credited again below the text.
    lines = [
        "柳岸能源研究所",
        "首页",
        "政策",
        "项目",
        "首页 / 政策 / 正文",
        headline,
        office,
        *text,
        f"来源：{office}",
        "相关阅读",
        "柳岸县开展迎峰度夏安全检查 2024-06-02",
        "柳岸能源研究所 版权所有",
    ]
    return "\n".join(lines) + "\n"


def test_an_office_under_the_headline_credited_again_below_the_text_is_no_headline(
    tmp_path: Path,
) -> None:
    write_page(
        tmp_path / "政策" / "tariffs.txt",
        _undated_page("柳岸县分时电价政策汇编", "电价研究室", [PROSE, MORE]),
    )
    write_page(
        tmp_path / "政策" / "heating.txt",
        _undated_page(
            "柳岸县清洁取暖补贴政策汇编",
            "热力研究室",
            ["本页汇总柳岸县现行清洁取暖补贴政策，供居民和企业查阅，内容不定期更新。"],
        ),
    )
    rec = records_by_name(tmp_path)["tariffs.txt"]
    assert rec.title == "柳岸县分时电价政策汇编"
    assert rec.source == "电价研究室"
    assert "全市新建充电桩两千余个" in rec.body


def _intro_page(headline: str, intro: str, text: list[str]) -> str:
    # An ASP.NET CMS's article page: the intro field printed above the text, labelled 内容提要.
    paragraphs = "".join(f"<p>{t}</p>" for t in text)
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_柳岸热力</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>'
        f"<h2>{headline}</h2><div>作者：佚名 文章来源：柳岸热力 更新时间：2024-9-20 10:16:05</div>"
        f"<div><b>内容提要：</b>{intro}</div><div>{paragraphs}</div>"
        '<div class="foot">柳岸热力集团有限公司 版权所有</div></body></html>'
    )


def test_an_intro_box_labelled_nei_rong_ti_yao_above_the_text_is_left_out(tmp_path: Path) -> None:
    intro = "新修订的办法共五章三十条，重点调整了报停办理和热费退补规定。"
    write_page(
        tmp_path / "news" / "1298.html",
        _intro_page("柳岸县供热管理办法修订施行", intro, [PROSE, MORE]),
    )
    write_page(
        tmp_path / "news" / "1299.html",
        _intro_page(
            "柳岸热力启动冬季供热管网检修",
            "今年检修涉及主干管网十二公里，计划十月底前完成。",
            ["9月下旬，柳岸热力集团启动冬季供热前的管网检修。", "检修期间部分片区将临时停水。"],
        ),
    )
    rec = records_by_name(tmp_path)["1298.html"]
    assert rec.title == "柳岸县供热管理办法修订施行"
    assert "全市新建充电桩两千余个" in rec.body
    assert "五章三十条" not in rec.body
