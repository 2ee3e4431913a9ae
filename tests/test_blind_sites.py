"""The blind sites (`tests/fixtures/blind-sites`, `blind-sites-2` … `blind-sites-27`, scored
by `tests.blindsites`): pages written by someone who had not read the extractor. Each site must
keep at least the pages it gets fully right now, so a change that makes any site worse fails
here; raise a floor when a site gets better. The table in the failure message is the scorer's
(``python -m tests.blindsites [ROOT]``), totals and per site only.

From round 31 a file name's date dates a page only where no page of its site states one: the
undated pages of sets 2, 12, 14, 24, 26–28, 31 and 34 that their file names used to date are
right now, and those sites' floors were raised by one page each (set 31's `bhsy`, `cjxn`,
`wyfgw` too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.blindsites import ROOT, PageScore, score, table
from xinwen.index.records import Record
from xinwen.index.sources import read_sources

ROOT_2 = ROOT.parent / "blind-sites-2"
ROOT_3 = ROOT.parent / "blind-sites-3"
ROOT_4 = ROOT.parent / "blind-sites-4"
ROOT_5 = ROOT.parent / "blind-sites-5"
ROOT_6 = ROOT.parent / "blind-sites-6"
ROOT_7 = ROOT.parent / "blind-sites-7"
ROOT_8 = ROOT.parent / "blind-sites-8"
ROOT_9 = ROOT.parent / "blind-sites-9"
ROOT_10 = ROOT.parent / "blind-sites-10"
ROOT_11 = ROOT.parent / "blind-sites-11"
ROOT_12 = ROOT.parent / "blind-sites-12"
ROOT_13 = ROOT.parent / "blind-sites-13"
ROOT_14 = ROOT.parent / "blind-sites-14"
ROOT_15 = ROOT.parent / "blind-sites-15"
ROOT_16 = ROOT.parent / "blind-sites-16"
ROOT_17 = ROOT.parent / "blind-sites-17"
ROOT_18 = ROOT.parent / "blind-sites-18"
ROOT_19 = ROOT.parent / "blind-sites-19"
ROOT_20 = ROOT.parent / "blind-sites-20"
ROOT_21 = ROOT.parent / "blind-sites-21"
ROOT_22 = ROOT.parent / "blind-sites-22"
ROOT_23 = ROOT.parent / "blind-sites-23"
ROOT_24 = ROOT.parent / "blind-sites-24"
ROOT_25 = ROOT.parent / "blind-sites-25"
ROOT_26 = ROOT.parent / "blind-sites-26"
ROOT_27 = ROOT.parent / "blind-sites-27"
ROOT_28 = ROOT.parent / "blind-sites-28"
ROOT_29 = ROOT.parent / "blind-sites-29"
ROOT_30 = ROOT.parent / "blind-sites-30"
ROOT_31 = ROOT.parent / "blind-sites-31"
ROOT_32 = ROOT.parent / "blind-sites-32"
ROOT_33 = ROOT.parent / "blind-sites-33"
ROOT_34 = ROOT.parent / "blind-sites-34"
ROOT_35 = ROOT.parent / "blind-sites-35"
ROOT_36 = ROOT.parent / "blind-sites-36"
ROOT_37 = ROOT.parent / "blind-sites-37"
ROOT_38 = ROOT.parent / "blind-sites-38"
ROOT_39 = ROOT.parent / "blind-sites-39"
ROOT_40 = ROOT.parent / "blind-sites-40"
ROOT_41 = ROOT.parent / "blind-sites-41"
ROOT_42 = ROOT.parent / "blind-sites-42"
ROOT_43 = ROOT.parent / "blind-sites-43"
ROOT_44 = ROOT.parent / "blind-sites-44"
ROOT_45 = ROOT.parent / "blind-sites-45"
ROOT_46 = ROOT.parent / "blind-sites-46"
ROOT_47 = ROOT.parent / "blind-sites-47"
ROOT_48 = ROOT.parent / "blind-sites-48"
ROOT_49 = ROOT.parent / "blind-sites-49"
ROOT_50 = ROOT.parent / "blind-sites-50"
ROOT_51 = ROOT.parent / "blind-sites-51"
ROOT_52 = ROOT.parent / "blind-sites-52"
ROOT_53 = ROOT.parent / "blind-sites-53"
ROOT_54 = ROOT.parent / "blind-sites-54"
ROOT_55 = ROOT.parent / "blind-sites-55"
ROOT_56 = ROOT.parent / "blind-sites-56"
ROOT_57 = ROOT.parent / "blind-sites-57"
ROOT_58 = ROOT.parent / "blind-sites-58"
ROOT_59 = ROOT.parent / "blind-sites-59"
ROOT_60 = ROOT.parent / "blind-sites-60"
ROOT_61 = ROOT.parent / "blind-sites-61"
ROOT_62 = ROOT.parent / "blind-sites-62"
ROOT_63 = ROOT.parent / "blind-sites-63"
ROOT_64 = ROOT.parent / "blind-sites-64"
ROOT_65 = ROOT.parent / "blind-sites-65"
ROOT_66 = ROOT.parent / "blind-sites-66"
ROOT_67 = ROOT.parent / "blind-sites-67"
ROOT_68 = ROOT.parent / "blind-sites-68"
ROOT_69 = ROOT.parent / "blind-sites-69"
ROOT_70 = ROOT.parent / "blind-sites-70"
ROOT_71 = ROOT.parent / "blind-sites-71"
ROOT_72 = ROOT.parent / "blind-sites-72"
ROOT_73 = ROOT.parent / "blind-sites-73"
ROOT_74 = ROOT.parent / "blind-sites-74"
ROOT_75 = ROOT.parent / "blind-sites-75"
ROOT_77 = ROOT.parent / "blind-sites-77"
ROOT_76 = ROOT.parent / "blind-sites-76"

# Pages fully right (title, date, source, category, body) of the 7 of each site.
FLOORS = {
    # set 1: the rules were shaped by these (its tune half in round 1, both halves in round 2)
    "nengyuan-zhengwu": 7,
    "nenghui-hub": 7,
    "nengyuan-shibao-epaper": 7,
    "huayao-newsroom": 7,
    "jiangbei-nyj": 7,
    "wx-qingneng-guancha": 7,
    "gangneng-xinwen": 7,
    "chuneng-luntan": 7,
}
# set 2: held out in round 2 (its floors then: 39 pages), open from round 3, whose rules were
# shaped by it too; its floors are what it gets at the end of round 3.
FLOORS_2 = {
    "dianwang-zhoukan": 7,
    "dongshan-dianli": 7,
    "hexian-rmt": 7,
    "m-nengyuanbao": 7,
    "tianji-portal": 7,
    "xinghao-zimeiti": 7,
    "zhongguo-nengyan": 7,
    "zhongxun-she": 7,
}
# set 3: held out in round 3 (its floors then: 29 pages), open from round 4, whose rules were
# shaped by it too; its floors are what it gets at the end of round 4.
FLOORS_3 = {
    "beihu-dianli-univ": 7,
    "energy-monitor-zh": 7,
    "hz-xinpi": 7,
    "jiangcheng-tv": 7,
    "jiangyuan-dianli": 7,
    "nengjian-app": 7,
    "qingneng-amp": 7,
    "tw-nengyuan-bao": 7,
}
# set 4: held out in round 4 (its floors then: 27 pages), open from round 5, whose rules were
# shaped by it too; its floors are what it gets at the end of round 5.
FLOORS_4 = {
    "dongchuan-ggzy": 7,
    "dongchuan-nyj-wenjian": 7,
    "huaxia-wang": 7,
    "nengxun-zhoubao": 7,
    "qingyun-spa": 7,
    "shicheng-shibao": 7,
    "xishan-gdj": 7,
    "zhiyan": 7,
}
# set 5: held out in round 5 (its floors then: 36 pages), open from round 6, whose rules were
# shaped by it too; its floors are what it gets at the end of round 6.
FLOORS_5 = {
    "chuneng-portal": 7,
    "dongjiang-nyb": 7,
    "guangfu-wp": 7,
    "huachuan-jituan": 7,
    "jiangnan-xinnengyuan-xiehui": 7,
    "qingneng-ecms": 7,
    "xinfeng-phpcms": 7,
    "zhongchu-dede": 7,
}
# set 6: held out in round 6 (its floors then: 26 pages), open from round 7, whose rules were
# shaped by it too; its floors are what it gets at the end of round 7.
FLOORS_6 = {
    "beiyuan-local163": 5,
    "chenxi-hugo": 7,
    "dongling-epaper": 7,
    "huadian-aspnet": 7,
    "lvneng-powereasy": 7,
    "nengyuanquan-dz": 7,
    "xiaofeng-zblog": 7,
    "yunling-nyj": 7,
}
# set 7: held out in round 7 (its floors then: 46 pages, on first sight), open from round 8,
# whose rules were shaped by it too; its floors are what it gets at the end of round 8.
FLOORS_7 = {
    "chuneng-pboot": 7,
    "dlsc-typecho": 7,
    "fengdian-wx": 7,
    "jiangdong-nyj": 7,
    "jingyang-metinfo": 7,
    "nengyuanhao-tt": 7,
    "qinghe-siteserver": 7,
    "qingneng-eyou": 7,
}
# Sets 8, 9 and 10: written blind and held out in round 8 (first sight: 52, 47 and 52 pages),
# open from round 9, whose rules were shaped by them too; their floors are what they get at the
# end of round 9.
FLOORS_8 = dict.fromkeys(
    (
        "beichen-power",
        "beifang-dianlibao",
        "dongfang-chuneng",
        "huaxia-energy",
        "nengyuanquan",
        "oufeng-tech",
        "suoyang-solar",
        "xinlian-price",
    ),
    7,
)
FLOORS_9 = dict.fromkeys(
    (
        "caixun-she",
        "chaosheng-news",
        "dongbin-ribao",
        "huaxia-news",
        "huaxun-net",
        "jiangdong-shidian",
        "jingji-zaixian",
        "lehu-hao",
    ),
    7,
)
FLOORS_10 = dict.fromkeys(
    (
        "dongchuan-energy",
        "guangchu-pai",
        "huaqing-electric",
        "nanwan-cluster",
        "ranliao-zhoukan",
        "xibu-qingneng",
        "xichuan-fgj",
        "yuanjian-zixun",
    ),
    7,
)
# Set 11: written blind and held out in rounds 8 and 9 (first sight: 54 pages), open from
# round 10, whose rules were shaped by it too; its floors are what it gets at the end of round 10.
FLOORS_11 = dict.fromkeys(
    (
        "beiling-coal",
        "chongdian-quan",
        "dianli-zhijia",
        "dongling-power",
        "lanwan-nuclear",
        "qingyang-solar",
        "xichui-youqi",
        "zhonghuan-jieneng",
    ),
    7,
)
# Set 13: written blind and held out (first sight, with round 9's code: 34 pages), open from
# round 11, whose rules were shaped by it too; its floors are what it gets at the end of round
# 11.
FLOORS_13 = dict.fromkeys(
    (
        "dlnri",
        "fengxun",
        "h2source",
        "hc-nyj",
        "madianyuan",
        "xinliu-cj",
        "zbdlxh",
        "zhiyan",
    ),
    7,
)
# Set 12: written blind and held out (first sight, with round 9's code: 43 pages; with rounds
# 10-11's: 45), open from round 12, whose rules were shaped by it too; its floors are what it
# gets at the end of round 12.
FLOORS_12 = {
    "chuneng-qianyan": 7,
    "dongfang-youqi": 7,
    "fengdian-zixun": 7,
    "lvneng-guancha": 7,
    "meidian-tianxia": 7,
    "nengyuan-huibao": 7,
    "tanjiaoyi-guancha": 7,
    "xinghe-dianwang": 7,
}
# Set 14: written blind and held out (first sight, with rounds 10-12's code: 49 pages), open
# from round 13, whose rules were shaped by it too; its floors are what it gets at the end of
# round 13 (jltv's and nanming's undated pages were dated by their file names, as set 12's
# were, until round 31: their sites' pages state their dates, so they are undated now).
FLOORS_14 = {
    "baiyan": 7,
    "dhu-nd": 7,
    "gucai": 7,
    "guozheng": 7,
    "hdlh": 7,
    "jltv": 7,
    "nanming": 7,
    "xueqiu": 7,
}
# Set 15: written blind and held out (first sight, with rounds 12-13's code: 38 pages), open
# from round 14, whose rules were shaped by it too; its floors are what it gets at the end of
# round 14.
FLOORS_15 = {
    "beichen-chuneng": 7,
    "donglan-nengyuan": 7,
    "huaxu-qingneng": 7,
    "jiangchuan-nyj": 7,
    "nanyue-fengdian": 7,
    "qingtan-yanjiu": 7,
    "xiling-guangdian": 7,
    "zhongneng-dianwang": 7,
}
# Set 16: written blind and held out (first sight, with round 14's code: 51 pages), open from
# round 15, whose rules were shaped by it too; its floors are what it gets at the end of round 15
# (dongli-dianwang's .txt keeps its ——subtitle out of the body, as the documented rule says).
# foxcms-fengdian 7 → 6 in session 13: its writer counts the deck under a headline as text,
# the writers of 26 pages of 14 later sets as the editor's (now left out of the text).
FLOORS_16 = {
    "5ucms-qingneng": 7,
    "dede-youqi": 7,
    "dongli-dianwang": 6,
    "foxcms-fengdian": 6,
    "kesion-guangfu": 7,
    "newasp-chuneng": 7,
    "qiaoke-meidian": 7,
    "qibo-tanshichang": 7,
}
# Set 17: held out in round 15 (its first sight then: 54 pages), open from round 16, whose
# rules were shaped by it too; its floors are what it gets at the end of round 16.
FLOORS_17 = {
    "chuneng-biji": 7,
    "hengtong-youqi": 7,
    "huadong-dianli": 7,
    "jiangbei-nyxh": 7,
    "lvqing-qingneng": 7,
    "qingzhou-nyj": 7,
    "xiyu-fengdian": 7,
    "zhuoyuan-solar": 7,
}
# Set 18: held out in round 16 (its first sight then: 49 pages), open from round 17, whose
# rules were shaped by it too; its floors are what it gets at the end of round 17.
FLOORS_18 = {
    "guangfu-halo": 7,
    "haifeng-fkw": 7,
    "hydrogen-ourphp": 7,
    "jinran-jspx": 7,
    "jiyuan-pageadmin": 7,
    "nengzhan-aliyun": 7,
    "qinghe-nyj": 7,
    "zhongchu-destoon": 7,
}
# Set 19: written blind and held out (never opened); its floors are its first sight, with
# round 16's code (55 pages), so that a later change cannot lose what it got unseen.
FLOORS_19 = {
    "chuneng-jizhi": 7,
    "dongling-vsb": 7,
    "fengxing-sitestar": 7,
    "guangyao-yunyou": 7,
    "jiangling-jiaoyi": 7,
    "lanshan-hao": 6,
    "qingneng-catfish": 7,
    "yuanshan-jekyll": 7,
}
# Set 20 (pages as saving tools leave them): written blind and held out (first sight, with
# round 16's code: 46 pages), open from round 18, whose rules were shaped by it too; its floors
# are what it gets at the end of round 18.
FLOORS_20 = {
    "chuneng-singlefile": 7,
    "crawl-mixed": 7,
    "huadian-httrack": 7,
    "qingneng-reader": 7,
    "tanshi-shtml": 7,
    "xibei-wget": 7,
    "yunhai-complete": 7,
    "zhongyuan-gbk": 7,
}
# Set 21 (regional news: 融媒体, a city portal, an app's share page, AMP, a radio station …):
# held out in rounds 16 and 17 (its first sight then: 51 pages), open from round 19, whose rules
# were shaped by it too; its floors are what it gets at the end of round 19.
FLOORS_21 = {
    "beichen-neikan": 7,
    "canglan-radio": 7,
    "haiyun-app": 7,
    "huadong-huikan": 7,
    "jiangcheng-news": 7,
    "nenghui-amp": 7,
    "qinglan-rongmei": 7,
    "weibo-ttarticle": 7,
}
# Set 22 (AEM, SharePoint, SEMCMS bilingual, a 语雀-style knowledge base, MIPCMS, ZZZCMS, Wix,
# a provincial 站群): held out in round 17 (its first sight then: 33 pages), open from round 20,
# whose rules were shaped by it too; its floors are what it gets at the end of round 20.
FLOORS_22 = {
    "dingli-semcms": 7,
    "haoyu-aem": 7,
    "jinxin-sharepoint": 7,
    "lingnan-zhanqun": 7,
    "lvdian-mipcms": 7,
    "nordhav-wix": 7,
    "qinghe-zzzcms": 7,
    "tanlu-yuque": 6,
}
# Set 23 (Liferay, a coal exchange's Java portal, Astro with Strapi JSON, WebSphere Portal, a GBK
# PHP table site, Zoomla!, Framer, a Go blog): written blind, held out until round 21 (37 pages
# at first sight, with round 18's code), open since; its floors are what it gets now (55).
FLOORS_23 = {
    "beimei-coal": 7,
    "dongwan-sjy": 7,
    "jianghuai-liferay": 7,
    "nengyuan-pipe": 7,
    "qingchuan-zoomla": 7,
    "qingyu-framer": 7,
    "qiyuan-auto": 7,
    "xihai-wps": 7,
}
# Set 24 (PHPOK, BEESCMS, S-CMS, DedeBIZ, HkCms, Wagtail, TYPO3, notices shared from 钉钉):
# held out in rounds 18 to 20 (its first sight: 46 pages), open from round 22, whose rules were
# shaped by it too; its floors are what it gets at the end of round 22.
FLOORS_24 = {
    "binhai-hedian": 7,
    "hengchu-dianqi": 7,
    "jhpv-xiehui": 7,
    "jinheng-meidian": 7,
    "nanxi-gongdian": 7,
    "qingtu-wang": 7,
    "saibei-fengdian": 7,
    "tanheng-yanjiuyuan": 7,
}
# Set 25 (JeeSite, Sitefinity, a NodeBB forum, a Docusaurus blog, Strikingly, an ASP.NET bidding
# portal, emlog, PublicCMS): held out in rounds 20 to 22 (its first sight: 33 pages), open from
# round 23, whose rules were shaped by it too; its floors are what it gets at the end of round 23.
FLOORS_25 = {
    "guangfu-luntan": 7,
    "hengyuan-zhaobiao": 7,
    "lanfeng-biji": 7,
    "lingdong-dianli": 7,
    "nordvind": 7,
    "nuanyang-solar": 7,
    "qiems-blog": 1,
    "yunzhong-meixie": 7,
}
# Set 26 (the commonest families in new templates: WordPress JustNews, 帝国CMS 7.5, YXcms, a UCAP
# bureau, a Vue SSR maker, ThinkPHP, 风讯, OneThink): written blind, held out at first sight with
# round 23's code (41 pages), open from round 24 (48 pages).
FLOORS_26 = {
    "chuneng-guancha": 7,
    "donghai-fengneng": 7,
    "guangfu-qianyan": 7,
    "jiangchuan-nyj": 2,
    "jianghuai-dianli": 7,
    "meitan-zixun": 7,
    "qingyuan-zhuangbei": 5,
    "youqi-neican": 7,
}
# Set 27 (energy sites in 政策/项目/技术: 铭飞 MCMS, FastAdmin, iCMS, WordPress Begin, a 浪潮-style
# bureau, LECMS, JTopCMS, a static SSI site): written blind, scored at first sight with round
# 24's code (53 pages), open from round 25 (the same 53: its three misses are judgement calls);
# floors what it scores (55 after round 37: a credited paper keeps its title marks, 《X》).
FLOORS_27 = {
    "beiyuan-nyyjh": 7,
    "cngc-media": 7,
    "dongyue-grid": 7,
    "fengdian-window": 6,
    "h2note-blog": 7,
    "jhxny-assoc": 7,
    "meidian-online": 7,
    "xcnyj-gov": 7,
}
# Set 28 (energy sites in 政策/项目/技术: WordPress 子比, DTcms, 万户 ezEIP, a ZCMS bureau,
# FineCMS, PHPWEB, a ThinkPHP company re-posting its 公众号 articles, an Umi/React SSR exhibition
# site): written blind, scored at first sight with round 24's code (41), 42 with round 25's,
# open from round 26 (45; its other misses are judgement calls).
FLOORS_28 = {
    "dtcms-fengxie": 7,
    "finecms-chuneng": 7,
    "haicheng-hedian": 7,
    "hdog-expo": 7,
    "heqing-phpweb": 6,
    "nanling-dianwang": 4,
    "qingchuan-nyj": 3,
    "zibll-guangfu": 7,
}
# Set 29 (energy sites as a crawler saved them, in host and URL-path folders: WordPress 子比,
# 万户 ezEIP, 苏迪 WebPlus, a GBK 老Y ASP site, JPress, ModStart, 泛微 e-cology, WordPress +
# Elementor): written blind, scored at first sight with round 24's code (48), 48 with round
# 25's, open from round 26 (55; its one miss is a judgement call).
FLOORS_29 = {
    "ecology-jinyuan": 7,
    "elementor-haoneng": 8,
    "ezeip-xiehui": 7,
    "jpress-fengdian": 7,
    "laoy-meihai": 7,
    "modstart-qingtu": 6,
    "webplus-yanjiuyuan": 7,
    "zibll-guangfu": 6,
}
# Set 30 (small energy organisations on cheap platforms: an 上线了-style builder, 企业微信 微文档,
# WordPress Twenty Twenty-Three and 子比, a cheap 织梦 template, ShopXO, FrontPage in GB2312, 飞书
# wiki): written blind and held out (first sight, round 24's code: 39), open from round 27; its
# floors are what round 27 scores (55).
FLOORS_30 = {
    "baixi": 7,
    "beituo": 7,
    "chidian": 7,
    "chuxu": 7,
    "hcgas": 7,
    "jlmy": 7,
    "qlgd": 7,
    "shengyang": 7,
}
# Set 31 (energy sites, half of the pages saved from the browser as text: a power trade paper,
# a research institute on django CMS, an oil company's .shtml portal, WordPress Puock, a city
# 发改委 site group, SvelteKit, ShuipFCMS, We7 ASP.NET): written blind, its first sight with
# round 24's code (50); open from round 28, its floors what round 28 scores (51), later rounds
# raise (55 after round 37: a credited paper keeps its title marks, 《X》).
FLOORS_31 = {
    "bhsy": 6,
    "cjxn": 7,
    "dyny": 7,
    "dzgc": 7,
    "gfzj": 7,
    "hzdl": 7,
    "jbmx": 7,
    "wyfgw": 7,
}
# Set 32 (ordinary energy-news sites in 政策/项目/技术: 动易 SiteFactory, WordPress Newspaper,
# PHPCMS 2008, a GBK ASP table site, ZKEACMS, a government platform, AnQiCMS, a DianCMS-style
# ASP.NET site): written blind, its first sight with round 26's code (55); open from round 29,
# its floors what round 29 scores (56).
FLOORS_32 = {
    "fengdian": 7,
    "jinpower": 7,
    "meitan": 7,
    "nyrbw": 7,
    "pingyang-nyj": 7,
    "qingneng": 7,
    "sunbright": 7,
    "zhongyou-fw": 7,
}
# Set 33 (energy trade media with heavy chrome and traps: dated sidebars and comments, second
# dates, 引题/副题, <title> ≠ <h1>; XYHCMS, YznCMS, WordPress CorePress, a 南威-style bureau, 齐博
# X1, Gatsby, WellCMS, 易企CMS): written blind, its first sight with round 26's code (47); open
# from round 28, its floors what round 28 scores (55).
FLOORS_33 = {
    "fdgc": 7,
    "gfqs": 7,
    "hcw": 7,
    "hdjt": 7,
    "jxnyj": 7,
    "mdw": 7,
    "qnzb": 7,
    "yqsj": 7,
}
# Set 34 (ordinary energy sites, a third of the pages saved as text: XiaoCms, a 明博-style Java
# CMS, WordPress RiPro, 帝国CMS 8.0, a 微企点-style builder, CLTPHP, NetCMS, a Solo blog): written
# blind, its first sight with round 27's code (52); open from round 29, its floors what round 29
# scores (54).
FLOORS_34 = {
    "beiyuan-reli": 7,
    "chuneng-guancha": 7,
    "huayue-nuclear": 7,
    "jianghuai-nyxh": 7,
    "lvyuan-env": 7,
    "nanyu-power": 7,
    "nengce-biji": 7,
    "trq-shangqing": 7,
}
# Set 35 (real-size portal pages, 33–53 KB: mega-menus, dated sidebars, inline scripts, ads,
# long footers; a central-enterprise platform, SupeSite, ShopNC, Sitecore, WordPress Avada,
# JFinal, WordPress 7B2, Kooboo): written blind, its first sight with round 28's code (39);
# open from round 30, its floors what round 30 scores (50).
FLOORS_35 = {
    "apee": 7,
    "bfmt": 7,
    "gfyg": 7,
    "gndw": 5,
    "hxsh": 5,
    "qcny": 5,
    "xnc": 7,
    "zhnyw": 7,
}
# Set 36 (the first user's case: ordinary energy sites, half of the pages saved as text; a 索贝-
# style 融媒体 CMS, 蓝凌 EKP, a Vue site builder, Angular Universal, a GBK ASP site, ECShop,
# WordPress DUX, Eleventy): written blind, its first sight with round 28's code (50); open
# from round 31, its floors what round 31 scores (51).
FLOORS_36 = {
    "dongyue-design": 6,
    "hongfeng-power": 7,
    "huaxi-rongmei": 7,
    "kunyuan-line": 7,
    "lingang-h2": 7,
    "lvheng-esco": 7,
    "qinghe-solar": 7,
    "tanheng-carbon": 4,
}
# Set 37 (the first user's case, a third of its pages `.txt`: 国泰新点 bureau, Z-BlogPHP,
# WordPress Astra, CodeIgniter, 致远 OA portal, Umbraco, a 勤云-style journal with paywalled
# previews, a uni-app H5 page): written blind, its first sight with round 30's code (37); open
# from round 31, its floors what round 31 scores (50), two raised by round 35 (52).
FLOORS_37 = {
    "dnsj-zazhi": 7,
    "fengrui-wind": 7,
    "hd-chuneng": 7,
    "jiangyuan-nyj": 7,
    "jincheng-gas": 7,
    "longshan-coal": 7,
    "xinneng-yjy": 7,
    "yichong-ev": 3,
}
# Set 38 (a newsroom's back catalogue across redesigns, 2009–2025 templates in each site's
# folder: GB2312 tables, 2015 divs, responsive 2022): written blind, its first sight with round
# 30's code (44); open from round 31, its floors what round 31 scores (56).
FLOORS_38 = {
    "binhai-nuclear": 7,
    "dianli-yuekan": 7,
    "haizhou-ribao": 7,
    "jiangnan-grid": 7,
    "jinbei-coal": 7,
    "xibei-youtian": 7,
    "xinneng-men": 7,
    "zhongneng-bao": 7,
}
# Set 39 (real-size pages of ordinary energy-news sites, 32–33 KB: DedeCMS, PHPMyWind, JumbotCMS,
# ZZCMS, WordPress XIU, FreeCMS, Vue 3 with paywalled previews, Nuxt 3): written blind, its
# first sight with round 30's code (52); open from round 32, its floors what rounds 31–32 score
# (55).
FLOORS_39 = {
    "bh-dlxh": 7,
    "chuneng-tiandi": 7,
    "dianli-shibao": 7,
    "guangfu-zhijia": 7,
    "meitan-jiaoyi": 7,
    "qingneng-zaixian": 7,
    "tanshi-guancha": 7,
    "youqi-guancha": 7,
}
# Set 40 (other views of an article page: mobile, print, AMP, a paginated article, 公众号
# articles, app share pages, reader-view saves, a cached snapshot): written blind, its first
# sight with round 30's code (41); open from round 32, its floors what round 32 scores (54).
FLOORS_40 = {
    "chunengqianyan": 7,
    "fengnengzhisheng": 7,
    "guangfuhui": 7,
    "haiyou-reader": 7,
    "huacheng-nuclear": 7,
    "nanling-grid": 7,
    "qingtu-wechat": 6,
    "xiling-coal": 7,
}
# Set 42 (the first user's case, half `.txt`: a Java site group, 五指CMS text with CRLF,
# WordPress Divi, KingCMS GBK, a Vue 2 portal as text, OpenCms, a government platform as text,
# VitePress): written blind, its first sight with round 30's code (43); open from round 32, its
# floors what rounds 31–32 score (52).
FLOORS_42 = {
    "dongheng-exchange": 7,
    "huixin-recycle": 7,
    "jinre-heating": 5,
    "qinglian-h2": 7,
    "xichuan-nengyuan": 7,
    "yunshan-pumped": 7,
    "zhibiao-meter": 7,
    "zhongwei-fuel": 7,
}
# Set 41 (the first user's case, 43% `.txt`: a Java government CMS, Orchard Core, Spring Boot +
# Thymeleaf, a 中企动力-style template, PHP + Smarty, HDCMS, WordPress Kratos, CmsWing): written
# blind, its first sight with round 30's code (45, and as rounds 31–32 score); open from round
# 33, its floors what round 33 scores (49), one raised by round 35 (50).
FLOORS_41 = {
    "anping-gongdian": 7,
    "hengtu-design": 7,
    "jiangbei-xnyxh": 7,
    "lvyuan-biomass": 3,
    "nengjian-media": 7,
    "qianhe-fgw": 7,
    "ruiguang-power": 7,
    "xiqi-gas": 5,
}
# Set 43 (traditional characters and full-width forms: Hong Kong, Macau and Taiwan energy sites,
# a mainland site's 繁體 edition; ROC years, day-first dates): written blind, 45 at first sight
# with round 30's code, 44 with rounds 31–32's; open from round 33, its floors what round 33
# scores (55).
FLOORS_43 = {
    "gangwan-power": 7,
    "haojiang-power": 7,
    "huamei-gas": 7,
    "jinmei-big5": 7,
    "lvneng-ngo": 7,
    "nanwan-uni-energy": 6,
    "taiyu-energy": 7,
    "xinjing-daily": 7,
}
# Set 44 (the first user's case, all HTML, some with `_files/` folders: a Layui portal, Grav,
# 人人站CMS, PESCMS, a 国脉-style county template, WordPress Argon, TeamSite `.shtml`, MkDocs
# Material): written blind, its first sight with rounds 31–32's code (49); open from round 34,
# its floors what round 34 scores (50).
FLOORS_44 = {
    "dianshi-consult": 7,
    "donghai-refining": 7,
    "fengyuan-wind": 7,
    "hengchu-storage": 7,
    "jingcai-glass": 4,
    "jintai-coalchem": 5,
    "linshui-energy": 7,
    "yanbei-power": 7,
}
# Set 45 (the first user's case, a third `.txt`: QCMS, Lotus Domino, WordPress Flatsome, ASP.NET
# Core Razor, ThinkPHP + Layui, a 搜狐快站-style builder, a university Java 站群, WordPress
# Enfold): written blind, its first sight with rounds 31–32's code (52); open from round 34, its
# floors what round 34 scores (56).
FLOORS_45 = {
    "bincheng-reqi": 7,
    "cneia-h2": 7,
    "dongling-univ": 7,
    "epower-expo": 7,
    "hanhai-lvzheng": 7,
    "kunyuan-geo": 7,
    "lanjiang-hydro": 7,
    "qichong-tech": 7,
}
# Set 46 (the first user's case, all HTML, older sites: 网钛 OTCMS, a GBK ASP table site, ASP.NET
# WebForms, PJBlog3, a 2008 Dreamweaver site with `.HTM` names, WordPress OceanWP, a journal
# system, a Java portal): written blind, its first sight with rounds 31–32's code (46); open from
# round 34, its floors what round 34 scores (56).
FLOORS_46 = {
    "hongshan-coal": 7,
    "huaxia-nuclear": 7,
    "jiyuan-epdi": 7,
    "linshui-nongdian": 7,
    "nydl-journal": 7,
    "qingxi-hydro": 7,
    "rixin-solar": 7,
    "xiyu-oilserv": 7,
}
# Set 47 (the first user's case, a third `.txt`: a government portal template, Concrete CMS,
# Craft CMS, a Java portal as text, CakePHP, a WordPress business theme, Mezzanine, Pelican):
# written blind, its first sight with round 33's code (53), 54 with round 34's; open from round
# 35, its floors what round 35 scores (55).
FLOORS_47 = {
    "dianli-peixun": 7,
    "donghai-offshore": 6,
    "guangyao-pv": 7,
    "haiwan-lng": 7,
    "huaxin-transformer": 7,
    "jinyuan-fgw": 7,
    "nengyuan-zhiku": 7,
    "qinshui-cbm": 7,
}
# Set 48 (the first user's case, a quarter `.txt`: a Java group portal, WordPress GeneratePress,
# 帝国CMS 7.0, 大米CMS, a site builder with 公众号 re-posts, a county template, a newspaper's city
# edition with 引题/副题, an Odoo blog): written blind, its first sight with round 33's code (52,
# and as round 34 scores); open from round 35, its floors what round 35 scores (56).
FLOORS_48 = {
    "fuping-pvfp": 7,
    "hexin-nuclear": 7,
    "huayuan-xinan": 7,
    "jinyuan-invest": 7,
    "lvtu-bus": 7,
    "nysb-jiangcheng": 7,
    "qingyuan-h2": 7,
    "xinnuo-material": 7,
}
# Set 49 (the first user's case, a third `.txt`: a Struts2 government template, WordPress
# Kadence, Remix, DoraCMS, a BlueCMS-style table site, JeePlus, Notion pages, an old ASP site):
# written blind and held out to the end; 54 at first sight with round 34's code and with round
# 35's (the final code of its session); open from round 36, which scores 56; floors what it
# scores.
FLOORS_49 = {
    "binhai-nev": 7,
    "hengyun-om": 7,
    "huazhong-dljx": 7,
    "jiangcheng-jnjc": 7,
    "jinshi-coalprep": 7,
    "kuaihuan-energy": 7,
    "lanling-psh": 7,
    "tanheng-ccus": 7,
}
# Set 50 (the first user's case, a quarter `.txt`: a Struts2 dispatch-centre portal, PbootCMS 3,
# a WebCenter-style company portal, Remix, MetInfo 7.7, a county template, 74cms, WordPress
# Cosy): written blind and held out to the end; 53 at first sight with round 34's code and with
# round 35's; open from round 36, which scores 54 (a meta line run together with its reads);
# floors what it scores.
FLOORS_50 = {
    "beicheng-heat": 7,
    "fengyi-blade": 6,
    "jibei-dispatch": 7,
    "nengyuan-rencai": 6,
    "qingshan-zhaoqi": 7,
    "xiangguan-pipe": 7,
    "yangguang-dianzhan": 7,
    "zhineng-yun": 7,
}
# Sets 51 and 52 (the first user's case written slowly, to real-page shape: hand-written
# templates that vary across a site's pages, articles of 360–1,500 characters with tables and
# lists, HTML 19–39 KB, a third to 43% `.txt`): written blind and held out to the end; 47 and 46
# at first sight with round 35's code (the final code of their session); open from round 36,
# which scores them 50 and 47; floors what they score.
FLOORS_51 = {
    "beiping-coal": 7,
    "binjiang-power": 7,
    "chuneng-guancha": 6,
    "donghai-oilgas": 4,
    "fengrui-wind": 7,
    "jianghuai-h2": 6,
    "jiangyu-nyj": 7,
    "yangguang-bao": 7,
}
FLOORS_52 = {
    "diangong-zhuangbei": 7,
    "donglan-gas": 7,
    "dongling-biomass": 6,
    "dongling-carbon": 5,
    "huayue-nuclear": 7,
    "qinglan-fgj": 6,
    "shengyang-inverter": 7,
    "yuanheng-fenbushi": 6,
}
# Sets 53–56 (the first user's case written slowly, to real-page shape, by four writers at once:
# trade-media portals, company sites, public bodies with an e-paper, pages as a crawler saves
# them): written blind and held out; first sight with round 35's code 37, 41, 41 and 40; floors
# what they score. Sets 53 and 54 open from round 37 (47 and 45 of 56), 55 and 56 from round 38
# (53 and 55); floors what the code scores after them. Set 54 reopened in round 41b (47 of 56),
# which scores 49 (a headline over its unmarked subtitle in a copy); floors raised to it.
FLOORS_53 = {
    "beichen-dianli": 7,
    "dire-nengyuan": 7,
    "fengdian-zhijia": 7,
    "guangfu-shibao": 7,
    "nengyuan-zongheng": 6,
    "reli-guancha": 7,
    "xuneng-jianbao": 6,
    "zhongyuan-meitan": 7,
}
FLOORS_54 = {
    "beichen-wind": 5,
    "huagou-epc": 7,
    "jinghe-energy": 7,
    "qingchuan-h2": 6,
    "ruida-transformer": 5,
    "tianheng-power": 7,
    "xiling-grid": 7,
    "yunhai-hydro": 5,
}
FLOORS_55 = {
    "beichen-xny-xh": 7,
    "haichuan-ogx": 6,
    "heyang-fgw": 7,
    "huayu-nyy": 6,
    "jiangnan-dlxh": 6,
    "ljut-energy": 7,
    "xiling-nyj": 7,
    "zcnyb-epaper": 7,
}
FLOORS_56 = {
    "beichen-energy": 7,
    "huachuan-xny": 7,
    "lanhai-energy": 7,
    "nanhu-nyxx": 7,
    "qingquan-hydro": 7,
    "tanhe-bbs": 7,
    "xiling-dianli": 7,
    "yunling-coal": 7,
}
# Sets 57 and 58 (the same, slowly: regional energy portals; energy-news sites of four eras, 43%
# `.txt`): written blind and held out; first sight 37 and 45, with round 35's code and with round
# 36's alike; floors what they score. Set 57 open from round 39 (39a): 38 before it, 49 after
# (captions, reprint notes, a dotted byline's date, column titles and chips); floors that.
FLOORS_57 = {
    "beiyuan-youqi": 7,
    "hengzhu-dianjian": 7,
    "huaiping-xny": 7,
    "lanjiang-nengyuan": 7,
    "lvyuan-jieneng": 7,
    "wuling-kuangqu": 7,
    "xicheng-dianli": 7,
    "zhuanglian-cdw": 7,
}
# Set 58: open from round 39 (split `test58`); round 39b scores 47 of 56 (45 at first sight):
# floors what it scores.
FLOORS_58 = {
    "cenchuan-nyy": 6,
    "chenghu-dianli": 7,
    "hongche-guancha": 7,
    "lanxi-shuidian": 5,
    "meiyouhui": 7,
    "shuofeng-xinneng": 7,
    "xihe-nengyuan": 7,
    "yaochuan-pv": 7,
}
# Sets 59 and 60 (the same, slowly: energy-news sites with long, varied bodies; oil, gas, coal,
# nuclear, hydrogen and carbon sites): written blind and held out; first sight 44 and 36 with the
# code after round 37 (43 and 35 with round 35's); floors what they score. Set 60: open from
# round 40 (split `test60`); round 40 scores 45 of 56 (36 at first sight). Set 59: open from
# round 41a (split `test59`); round 41a scores 49 of 56 (47 when it was opened).
# Round 45b (a sweep of the open sets): set 59 54 → 55 (a label's line of attachment files).
FLOORS_59 = {
    "chengling-nyb": 7,
    "cl-nengbiaowei": 7,
    "dongyu-epdi": 6,
    "hanneng-zixun": 7,
    "hengce-guancha": 7,
    "jinkun-energy": 7,
    "tongxi-energy": 7,
    "yasheng-expo": 7,
}
FLOORS_60 = {
    "binhai-h2-alliance": 7,
    "cangling-pipeline": 6,
    "haicheng-lng": 7,
    "hanchuan-nuclear-equip": 7,
    "lanjiang-shihua-bao": 7,
    "nanyu-gas-assoc": 5,
    "qinghe-carbon": 7,
    "xiushan-coal": 5,
}
# Sets 61 and 62 (the same, slowly: eight trade-news sites on new families; half `.txt`, GBK and
# CRLF copies, reader mode, a phone's copy): written blind and held out; first sight 53 and 48
# with the code after round 40 (47 and 41 with round 35's); floors what they score. Set 61 open
# from round 42a, which scores 55 (left: a deck under the headline, unlabelled); set 62 open from
# round 42b, which scores 53.
FLOORS_61 = {
    "beiyuan-wind": 7,
    "chuneng-huixun": 7,
    "dianli-jingwei": 7,
    "guangfu-qianyan": 7,
    "jieneng-shidian": 7,
    "qingtu-h2": 7,
    "wuling-coal": 7,
    "youqi-guanlan": 7,
}
FLOORS_62 = {
    "beichuan-energy": 7,
    "chiling-storage": 6,
    "haicheng-institute": 7,
    "lanwan-offshore": 6,
    "qingyu-power": 7,
    "tongyuan-pv": 7,
    "yuetang-coal": 7,
    "yunlan-grid": 7,
}
# Sets 63–66 (slowly, by writers who never read the extractor: 63 self-media pages, 64
# government information disclosure, 65 traditional characters and cross-strait sites, 66
# the first user's case on new families): first sight 32, 49, 25 and 46 with the code of
# session 13's start; floors what they score. Set 63 open from round 43a (38 of 56: a
# bracketed photo credit, a 公众号's card, a thread type the <title> lacks), set 64 from round
# 43b (52; left: a document's full 关于印发…的通知 title, a 政策解读 headline, a date the writer
# leaves out, a company's name in a table's cell), set 65 from round 43c (29: Taiwan's tool bar
# and back links, 資料來源 over the text); then decks left out: 63 +3, 65 +5, 66 (held out) +3.
# Round 44a on set 63 (41 → 49: a UTC stamp takes the day its <time> prints, a reply's floor
# label ends a thread's text, a platform that calls its writers 作者 credits the account).
# Round 44b on set 65: 34 → 37 (size buttons run onto a meta line's source, a press release
# credited under the text).
# Round 45b (a sweep of the open sets): set 63 49 → 50 (a lead restating the <h1> is no
# headline, an office's name over the text its author), set 64 52 → 53 (a meta's 页面生成时间).
# Round 46a on set 65: 38 → 40 (a reporter's bracketed dateline 【記者 X／台北報導】 opening the
# text is a byline).
FLOORS_63 = {
    "huaxia-jjw-nengyuan": 7,
    "lanzhou-pvxh": 7,
    "laozhou-nengyuan": 6,
    "meidian-zhijia": 7,
    "nengchu-qianyan": 7,
    "nengjian-app": 6,
    "qingyuan-newsroom": 5,
    "yunxi-rongmei": 5,
}
FLOORS_64 = {
    "chengjiang-grid": 7,
    "lanchuan-fgw": 7,
    "lanhai-gxt": 6,
    "linxi-fgw": 7,
    "nanping-nyj": 7,
    "qingneng-ju": 7,
    "shiliang-xian": 6,
    "xiling-nyj": 6,
}
FLOORS_65 = {
    "baodao-energy-times": 5,
    "fenghua-energy-weekly": 6,
    "haixia-energy-coop": 7,
    "hanhai-energy-office": 7,
    "haoguang-power-macau": 2,
    "harbour-energy-review": 2,
    "lvneng-online": 5,
    "xiangjiang-energy": 7,
}
# Set 66 open from round 47a (49 → 54: prev/next titles run together between guillemets, an
# office under the headline credited again below the text, a 内容提要 box); its floors what
# round 47a scores (left: two pages whose source the writer gives as the registered name).
FLOORS_66 = {
    "canglan-h2": 7,
    "cenchuan-nengyuan": 7,
    "chengzhou-heat": 7,
    "daiyuan-geothermal": 5,
    "dongyu-news": 7,
    "lanting-pv": 7,
    "lvdian-kuaiping": 7,
    "qingluan-ieri": 7,
}
# Set 67 (traditional characters and cross-strait sites again, written blind while rounds 42
# and 43 ran): held out, first sight 43 of 56 (44 when round 47b began); open from round 47b: it
# scores 51 of 56 (press contact lines, X全球資訊網, translator credits, a paywall's request).
FLOORS_67 = {
    "aocheng-power": 6,
    "fenggang-qiaobao": 7,
    "huanyu-caijing": 6,
    "huaxia-jingji": 7,
    "jiahe-news": 6,
    "nengyuan-zhuanxing-bu": 6,
    "taiyu-lvneng": 7,
    "xiangjiang-rtv": 6,
}
# Sets 68 (the first user's case on eight more families) and 69 (a research group's crawl of
# general news sites): first sight 47 and 46 of 56 with the code after round 43 and the lead's
# deck rules. Set 68 held out to the end (47), then opened by the lead (56: an article in an
# <iframe srcdoc>, a greeting bar with the day's date); set 69 open from round 45a.
FLOORS_68 = {
    "dire-qianyan": 7,
    "heqing-storage": 7,
    "huachen-pv": 7,
    "lanwan-haifeng": 7,
    "lvqing-guancha": 7,
    "lvyuan-chongdian": 7,
    "xiling-energy": 7,
    "zhongcheng-dianli": 7,
}
# Set 69: open from round 45a, which scores 49 of 56 (a gallery's captions kept as its text:
# feichi-tiyu 6 → 7, huaxia-lanjiang 5 → 7). Round 46b scores 52 of 56 (a quote box and a
# one-word 更正 headline, a 稿件来源 credit under the text: jinlan-caijing, lanjiang-wang and
# lucheng-wanbao +1 each).
FLOORS_69 = {
    "feichi-tiyu": 7,
    "huaxia-lanjiang": 7,
    "jinlan-caijing": 7,
    "lanjiang-wang": 7,
    "lucheng-wanbao": 6,
    "qingyu-daxue": 5,
    "xinchao-keji": 6,
    "yungang-xian": 7,
}
# Set 70 (the first user's case as a new user brings it: trade portals, energy companies, public
# bodies, an institute, an association, in 政策/项目/技术): written blind in session 14 and held
# out: first sight 49 of 56, the same after rounds 48a-50b; then opened to round 51, which
# scores 51 (chengyang-fgw 5 -> 6, langang-gas 5 -> 6).
FLOORS_70 = {
    "chengyang-fgw": 6,
    "dianzhuang-daobao": 7,
    "hengwan-pv-xiehui": 7,
    "huineng-wang": 7,
    "langang-gas": 7,
    "qiheng-institute": 5,
    "qingchuan-xny": 7,
    "yuanchuan-nyj": 6,
}
# Set 71 (energy sites across redesigns: each site's folder mixes two or three template
# generations): written blind in session 14 and held out; first sight 43 of 56; 44 after rounds
# 48a-49a, which never saw it (xunlian-charge 4 -> 5); then opened to round 50a, which
# scores 48 of 56 (an RDFa date, a page-kind label; 8 left, see bench/results/pages.md).
FLOORS_71 = {
    "beichen-sjy": 5,
    "haichuan-wind": 3,
    "haoran-guangfu": 7,
    "jinshi-thermal": 7,
    "kunpeng-eri": 6,
    "qingshan-hydro": 7,
    "rongquan-geo": 6,
    "xunlian-charge": 7,
}
# Set 72 (a research group's crawl of energy news: host-named folders, URL paths, GBK by
# http-equiv or no charset, lynx and html2text dumps): first sight 44 of 56 with the code at
# session 14's start; open from round 48a, which scores 52 of 56 (the 4 left: source calls).
FLOORS_72 = {
    "nyj.cenchuan.example.cn": 7,
    "www.beiyuan-rd.example.cn": 5,
    "www.cangwu-cn.example.cn": 7,
    "www.chengyuan-energy.example.cn": 7,
    "www.lanxia-hydro.example.cn": 7,
    "www.qiming-h2.example.com": 7,
    "www.tianheng-ne.example.com": 5,
    "www.xiqiao-epa.example.cn": 7,
}
# Set 73 (energy companies' news centres on agency templates): first sight 52 of 56 with the
# code at session 14's start; open from round 48b, which scores 55 (a table's cells left).
FLOORS_73 = {
    "beishan-nenghua": 7,
    "chuheng-storage": 7,
    "diantu-charging": 7,
    "fengjin-bearing": 7,
    "huadian-sjy": 7,
    "jinghui-solar": 7,
    "qingyu-h2": 7,
    "xinlitai-lithium": 6,
}
# Set 74 (the first user's case with longer articles: eight more families, DedeCMS and PowerEasy
# in GBK, EmpireCMS, PHPCMS v9, Drupal 10, VSB, Hugo, Nuxt 3): written blind in session 14 and
# held out: first sight 51 of 56, the same after rounds 48a-50b; then opened to round 51, which
# scores 53 (chengjiang-dianli 6 -> 7, haiyun-fengdian 6 -> 7).
FLOORS_74 = {
    "beichen-dire": 5,
    "chengjiang-dianli": 7,
    "haiyun-fengdian": 7,
    "nanshan-nengdong": 7,
    "qingheng-yanjiuyuan": 7,
    "tianhu-shuidian": 7,
    "xiyu-guangfu": 7,
    "zhongyuan-nengyuan": 6,
}
# Set 75 (traditional characters: Taiwan, Hong Kong and Macau energy sites, Big5, ROC years,
# day-first dates): written blind in session 14 and held out; first sight 27 of 56, the same
# after rounds 48a-49a, which never saw it; then opened to round 50b, which scores 42.
FLOORS_75 = {
    "baodao-solar": 7,
    "dianye-zhoubao": 5,
    "gangyu-energy": 6,
    "hanyuan-policy": 7,
    "haohai-energy": 7,
    "harbourlight-power": 2,
    "lanshan-county": 5,
    "lvjin-hk": 3,
}
# Set 77 (the first user's case saved as text only, eight ways: Chrome, Firefox's Save as Text,
# Safari, a reader view, a phone's share, a print view, an article-area copy, Notepad in GBK):
# first sight 44 of 56 with the code after round 48; open from round 49a, which scores 55.
FLOORS_77 = {
    "dianli-shichang": 7,
    "dire-nengyuan": 7,
    "haishang-nengyuan": 6,
    "lingtan-qianyan": 7,
    "lvneng-zixun": 7,
    "meiqi-xinxi": 7,
    "nanling-zhoukan": 7,
    "xuneng-zaixian": 7,
}
# Set 76 (energy articles on self-media and content platforms: 公众号-, 头条号-, 百家号-,
# 知乎专栏-, 雪球-, 搜狐号-, 网易号-style pages and a video page): first sight 13 of 56 with the
# code after round 48 (the platform's name taken for the account's as the source); open from
# round 49c, which scores 19 (the publication-time element, a mark after the headline, a like
# count and an action bar run together); the platform as the source left (the lead's call).
FLOORS_76 = {
    "chuneng-laozhang-dianxun": 1,
    "dianli-qianyan-yiwen": 6,
    "fengguangchu-qianxian-video": 6,
    "guangfu-jiazhipai-xueling": 1,
    "nengyuan-caijingquan-xinhu": 1,
    "qingneng-guancha-mp": 4,
    "qingtu-yanjiuyuan-baizhi": 0,
    "tanzhonghe-biji-zhiyan": 0,
}
SETS = {
    "set 1": (ROOT, FLOORS),
    "set 2": (ROOT_2, FLOORS_2),
    "set 3": (ROOT_3, FLOORS_3),
    "set 4": (ROOT_4, FLOORS_4),
    "set 5": (ROOT_5, FLOORS_5),
    "set 6": (ROOT_6, FLOORS_6),
    "set 7": (ROOT_7, FLOORS_7),
    "set 8": (ROOT_8, FLOORS_8),
    "set 9": (ROOT_9, FLOORS_9),
    "set 10": (ROOT_10, FLOORS_10),
    "set 11": (ROOT_11, FLOORS_11),
    "set 12": (ROOT_12, FLOORS_12),
    "set 13": (ROOT_13, FLOORS_13),
    "set 14": (ROOT_14, FLOORS_14),
    "set 15": (ROOT_15, FLOORS_15),
    "set 16": (ROOT_16, FLOORS_16),
    "set 17": (ROOT_17, FLOORS_17),
    "set 18": (ROOT_18, FLOORS_18),
    "set 19": (ROOT_19, FLOORS_19),
    "set 20": (ROOT_20, FLOORS_20),
    "set 21": (ROOT_21, FLOORS_21),
    "set 22": (ROOT_22, FLOORS_22),
    "set 23": (ROOT_23, FLOORS_23),
    "set 24": (ROOT_24, FLOORS_24),
    "set 25": (ROOT_25, FLOORS_25),
    "set 26": (ROOT_26, FLOORS_26),
    "set 27": (ROOT_27, FLOORS_27),
    "set 28": (ROOT_28, FLOORS_28),
    "set 29": (ROOT_29, FLOORS_29),
    "set 30": (ROOT_30, FLOORS_30),
    "set 31": (ROOT_31, FLOORS_31),
    "set 32": (ROOT_32, FLOORS_32),
    "set 33": (ROOT_33, FLOORS_33),
    "set 34": (ROOT_34, FLOORS_34),
    "set 35": (ROOT_35, FLOORS_35),
    "set 36": (ROOT_36, FLOORS_36),
    "set 37": (ROOT_37, FLOORS_37),
    "set 38": (ROOT_38, FLOORS_38),
    "set 39": (ROOT_39, FLOORS_39),
    "set 40": (ROOT_40, FLOORS_40),
    "set 41": (ROOT_41, FLOORS_41),
    "set 42": (ROOT_42, FLOORS_42),
    "set 43": (ROOT_43, FLOORS_43),
    "set 44": (ROOT_44, FLOORS_44),
    "set 45": (ROOT_45, FLOORS_45),
    "set 46": (ROOT_46, FLOORS_46),
    "set 47": (ROOT_47, FLOORS_47),
    "set 48": (ROOT_48, FLOORS_48),
    "set 49": (ROOT_49, FLOORS_49),
    "set 50": (ROOT_50, FLOORS_50),
    "set 51": (ROOT_51, FLOORS_51),
    "set 52": (ROOT_52, FLOORS_52),
    "set 53": (ROOT_53, FLOORS_53),
    "set 54": (ROOT_54, FLOORS_54),
    "set 55": (ROOT_55, FLOORS_55),
    "set 56": (ROOT_56, FLOORS_56),
    "set 57": (ROOT_57, FLOORS_57),
    "set 58": (ROOT_58, FLOORS_58),
    "set 59": (ROOT_59, FLOORS_59),
    "set 60": (ROOT_60, FLOORS_60),
    "set 61": (ROOT_61, FLOORS_61),
    "set 62": (ROOT_62, FLOORS_62),
    "set 63": (ROOT_63, FLOORS_63),
    "set 64": (ROOT_64, FLOORS_64),
    "set 65": (ROOT_65, FLOORS_65),
    "set 66": (ROOT_66, FLOORS_66),
    "set 67": (ROOT_67, FLOORS_67),
    "set 68": (ROOT_68, FLOORS_68),
    "set 69": (ROOT_69, FLOORS_69),
    "set 70": (ROOT_70, FLOORS_70),
    "set 71": (ROOT_71, FLOORS_71),
    "set 72": (ROOT_72, FLOORS_72),
    "set 73": (ROOT_73, FLOORS_73),
    "set 74": (ROOT_74, FLOORS_74),
    "set 75": (ROOT_75, FLOORS_75),
    "set 77": (ROOT_77, FLOORS_77),
    "set 76": (ROOT_76, FLOORS_76),
}


@pytest.fixture(scope="module", params=list(SETS))
def scored(request: pytest.FixtureRequest) -> tuple[list[PageScore], dict[str, int]]:
    root, floors = SETS[request.param]
    return score(Path(root)), floors


def test_every_site_has_a_floor(scored: tuple[list[PageScore], dict[str, int]]) -> None:
    pages, floors = scored
    assert {p.site for p in pages} == set(floors)
    assert len(pages) == 56


def test_no_site_gets_worse(scored: tuple[list[PageScore], dict[str, int]]) -> None:
    pages, floors = scored
    worse = {
        site: right
        for site, floor in floors.items()
        if (right := sum(p.right for p in pages if p.site == site)) < floor
    }
    assert not worse, f"sites below their floor: {worse}\n{table(pages)}"


def _not_articles(root: Path) -> list[str]:
    """The files a set's README lists as no articles (its table "Files that are not articles")."""
    text = (root / "README.md").read_text("utf-8").partition("## Files that are not articles")[2]
    return [line.split("`")[1] for line in text.splitlines() if line.startswith("| `")]


def test_set_20s_files_that_are_no_articles_make_no_records() -> None:
    # Saving tools' files: a browser's X_files/ fragments (share, comment, ad iframes),
    # HTTrack's cache, log and index, wget's robots.txt and column lists, a crawler's manifest.
    listed = _not_articles(ROOT_20)
    assert len(listed) == 34
    sites = sorted({path.split("/")[0] for path in listed})
    made = {
        Path(item.origin.path).resolve().relative_to(ROOT_20.resolve()).as_posix()
        for item in read_sources([ROOT_20 / site for site in sites])
        if isinstance(item, Record)
    }
    assert not made & set(listed)
