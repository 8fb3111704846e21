"""The demo county congress: deputies, candidate projects, staff."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from voting.programs.models import CandidateCreate
from voting.roster.models import DeputyCreate

BODY_NAME = "示范县人民代表大会"
PROGRAM_TITLE = "2027年示范县民生实事项目票决"
SESSION_TITLE = "示范县第十八届人民代表大会第七次会议"
VENUE = "县人民会堂"
DEPUTY_COUNT = 150

DELEGATIONS = [
    "城关镇代表团",
    "东城街道代表团",
    "西城街道代表团",
    "河口镇代表团",
    "石桥镇代表团",
    "青山乡代表团",
    "柳林镇代表团",
    "解放军代表团",
    "县直机关代表团",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉兰春燕海波晓东丹宁辉"


def demo_deputies() -> list[DeputyCreate]:
    """150 deputies spread over the delegations, with seats; the same every run."""
    rng = random.Random(2027)
    deputies = []
    for i in range(DEPUTY_COUNT):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        delegation = DELEGATIONS[i % len(DELEGATIONS)]
        seat = f"{i // 15 + 1:02d}排{i % 15 + 1:02d}号"
        deputies.append(DeputyCreate(name=name, delegation=delegation, seat=seat))
    return deputies


def _c(name: str, summary: str, category: str, cost: int, funding: str, unit: str, done: str) -> CandidateCreate:
    return CandidateCreate(
        name=name,
        summary=summary,
        category=category,
        cost_wan=Decimal(cost),
        funding=funding,
        responsible_unit=unit,
        completion_date=dt.date.fromisoformat(done),
    )


DEMO_CANDIDATES = [
    _c(
        "城区老旧小区改造提升工程",
        "改造2000年前建成的老旧小区32个，涉及住户4100户：管网、加装电梯、停车和绿化。",
        "城市建设",
        4800,
        "县财政＋中央补助资金",
        "县住房和城乡建设局",
        "2027-11-30",
    ),
    _c(
        "农村饮水安全巩固提升工程",
        "新建和改造供水管网186公里，解决11个行政村季节性缺水问题。",
        "乡村振兴",
        3200,
        "县财政＋专项债券",
        "县水利局",
        "2027-10-31",
    ),
    _c(
        "县人民医院急诊急救能力提升",
        "改造急诊中心，新增2辆负压救护车，建设胸痛、卒中中心。",
        "医疗卫生",
        2600,
        "县财政",
        "县卫生健康局",
        "2027-12-31",
    ),
    _c(
        "新建城东幼儿园",
        "新建12个班的公办幼儿园一所，新增学位360个。",
        "教育",
        2100,
        "县财政",
        "县教育局",
        "2027-08-31",
    ),
    _c(
        "中小学食堂改造及“明厨亮灶”工程",
        "改造28所中小学食堂，后厨全部实现视频公开。",
        "教育",
        680,
        "县财政",
        "县教育局",
        "2027-09-30",
    ),
    _c(
        "城乡公交一体化及新能源公交更新",
        "新开通城乡公交线路6条，更新新能源公交车40辆。",
        "交通出行",
        1500,
        "县财政＋省级补助",
        "县交通运输局",
        "2027-12-31",
    ),
    _c(
        "社区居家养老服务中心建设",
        "建设9个社区居家养老服务中心，提供助餐、日间照料。",
        "社会保障",
        900,
        "县财政＋福彩公益金",
        "县民政局",
        "2027-10-31",
    ),
    _c(
        "城区背街小巷路灯亮化工程",
        "新装和更换背街小巷路灯1300盏。",
        "城市建设",
        420,
        "县财政",
        "县城市管理局",
        "2027-06-30",
    ),
    _c(
        "农村生活污水治理",
        "完成24个行政村生活污水收集处理设施建设。",
        "生态环境",
        2800,
        "县财政＋中央补助资金",
        "县生态环境分局",
        "2027-12-31",
    ),
    _c(
        "全民健身中心及口袋公园建设",
        "建设全民健身中心一处、口袋公园15个。",
        "文化体育",
        1200,
        "县财政＋体彩公益金",
        "县文化广电旅游体育局",
        "2027-11-30",
    ),
    _c(
        "城区停车设施及充电桩建设",
        "新增公共停车泊位1800个、充电桩300个。",
        "交通出行",
        1600,
        "社会资本＋县财政",
        "县住房和城乡建设局",
        "2027-12-31",
    ),
    _c(
        "重点路口智能交通信号及视频监控",
        "改造40个重点路口信号灯，新增高清视频监控点位260个。",
        "公共安全",
        750,
        "县财政",
        "县公安局",
        "2027-09-30",
    ),
]
DEMO_SEATS = 10

DEMO_STAFF = [
    ("admin", "系统管理员", "admin"),
    ("clerk", "大会秘书处", "clerk"),
    ("presiding", "大会执行主席", "presiding"),
    ("teller1", "计票人甲", "teller"),
    ("teller2", "计票人乙", "teller"),
    ("scrutineer1", "监票人甲", "scrutineer"),
    ("scrutineer2", "监票人乙", "scrutineer"),
]
