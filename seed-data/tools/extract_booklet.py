#!/usr/bin/env python3
"""Turns the extracted text of the R6 booklet into seed-data/booklet-r6.json.

Run once by a person, reviewed, committed: the application reads only the JSON.
    python3 seed-data/tools/extract_booklet.py seed-data/source/honjo-r6-jisshi-keikaku-sheets.txt seed-data/booklet-r6.json

What it removes are extraction artefacts only (see seed-data/README.md): HTML tags, tab runs, `-------` rows,
spaces inside words (`I C T`, `R 5`, `L I N E`, `WEB アンケート`), half-width `!!` in a Japanese title.
Everything else is kept, item by item, in the order printed.
"""
import json
import re
import sys
from collections import OrderedDict

SHEET_HEADER = "本庄市行政改革大綱 R6年度実施計画シート"
GROUP_WORDS = ["全庁", "関係各課", "各公共施設所管課", "福祉部各課", "庁内各課"]
BULLETS = "○・"


def is_ascii(ch):
    return ord(ch) < 128


def normalize(text):
    """Removes the spacing artefacts of the extraction, nothing else."""
    t = text.replace("\u3000", " ")
    # Letters spaced apart: "I C T" -> "ICT", "L I N E" -> "LINE", "S N S" -> "SNS".
    t = re.sub(r"(?<![A-Za-z])[A-Z](?: [A-Z])+(?![A-Za-z])", lambda m: m.group(0).replace(" ", ""), t)
    # Fiscal years spaced apart: "R 5" -> "R5".
    t = re.sub(r"(?<![A-Za-z])R (\d)", r"R\1", t)
    # An ASCII word glued to Japanese by a stray space: "ICT の", "WEB アンケート", "LINE 配信".
    t = re.sub(r"(?<=[A-Za-z]) (?=[^\x00-\x7f])", "", t)
    # A bullet or a full-width colon followed by a stray space: "・ 1公園", "割合： 23.9%".
    t = re.sub(r"(?<=[・：]) +", "", t)
    # Digits spaced apart inside Japanese: "法 63 条" -> "法63条".
    t = re.sub(r"(?<=[^\x00-\x7f]) (\d+) (?=[^\x00-\x7f])", r"\1", t)
    # Half-width exclamation marks inside Japanese text: "一歩先へ!!」" -> "一歩先へ！！」".
    t = re.sub(r"(?<=[^\x00-\x7f])(!+)", lambda m: "！" * len(m.group(1)), t)
    return t


def items(cell):
    """A text cell as its ordered items (paragraphs and bulleted lines)."""
    is_list = "<ul" in cell
    t = re.sub(r"<ul[^>]*>|</ul>|</?li>|</?p>", "\n", cell)
    t = normalize(t)
    # A heading the city wrote, such as "<令和6年度計画変更>", stands on its own line.
    t = re.sub(r" *(<[^<>\n]*[^\x00-\x7f][^<>\n]*>) *", "\n\\1\n", t)
    out = []
    for para in t.split("\n"):
        para = para.strip()
        if not para:
            continue
        if is_list:
            # Inside a list every remaining space separates two list items.
            parts = para.split(" ")
        else:
            # A space between two Japanese characters was a line break in the cell.
            parts = re.split(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", para)
        out.extend(p.strip() for p in parts if p.strip())
    return out


def cells(line):
    return line.split("\t")


def first_value(fields):
    for f in fields[1:]:
        if f.strip():
            return f.strip()
    return ""


def parse_fiscal(text):
    text = normalize(text).strip()
    if not text:
        return None
    if not re.fullmatch(r"R\d", text):
        raise ValueError(f"not a fiscal year: {text!r}")
    return text


def split_departments(text):
    text = normalize(text).strip()
    return [d for d in re.split(r"[、 ]", text) if d]


def parse_toc(toc_text):
    fields = []
    for m in re.finditer(r"改革分野(\d)\. (\S+) (\d+)", toc_text):
        fields.append({"number": int(m.group(1)), "name": m.group(2), "tocPage": int(m.group(3))})
    tables = toc_text.split("計画名\t\t実行課\t開始\t終了\t頁")[1:]
    entries = []
    for field_no, table in enumerate(tables, start=1):
        for line in table.strip("\n").split("\n"):
            if not line.strip():
                continue
            c = cells(line)
            number, name, dept, start, end, page = c[0], c[1], c[2], c[3], c[4], c[5]
            entries.append({
                "plan": f"{field_no}-{int(number)}",
                "name": normalize(name).strip(),
                "departments": split_departments(dept),
                "start": parse_fiscal(start),
                "end": parse_fiscal(end),
                "page": int(page),
            })
    return fields, entries


def parse_sheet(block):
    rows = OrderedDict()
    theme = None
    for line in block.split("\n"):
        if not line.strip() or line.startswith("-------"):
            continue
        if line.startswith("改革テーマ "):
            theme = line[len("改革テーマ "):].strip()
            continue
        c = cells(line)
        key = normalize(c[0]).replace(" ", "")
        if key in rows:
            raise ValueError(f"row {key} twice")
        rows[key] = c
    field_text = first_value(rows["改革分野"])
    m = re.fullmatch(r"(\d)\. (.+)", field_text)
    field_no, field_name = int(m.group(1)), m.group(2)

    exec_row = rows["実行課"]
    i = exec_row.index("連携課")
    executing = split_departments(" ".join(exec_row[1:i]))
    coop_text = normalize(" ".join(x for x in exec_row[i + 1:] if x.strip())).strip()
    open_ended = coop_text.endswith("など")
    coop_entries = [e for e in (coop_text[:-2] if open_ended else coop_text).split("、") if e]

    start_row = rows["開始年度"]
    start = parse_fiscal(start_row[1])
    target = parse_fiscal(start_row[3])
    sdgs_text = normalize(start_row[5]).strip() if len(start_row) > 5 else ""
    if sdgs_text:
        raise ValueError("SDGs numbers were not expected in the extract")

    years = [normalize(y).strip() for y in rows["年度"][1:6]]
    if years != ["R5", "R6", "R7", "R8", "R9"]:
        raise ValueError(f"unexpected year row {years}")
    target_cells = rows["各年度達成目標"][1:]
    targets = OrderedDict()
    for year, cell in zip(years, target_cells + [""] * 5):
        targets[year] = items(cell) if cell.strip() else []
    extra = [x for x in target_cells[5:] if x.strip()]
    if extra:
        raise ValueError("target beyond R9")

    grade = first_value(rows["年度末評価"])
    status_key = next(k for k in rows if k.endswith("年度末の取組状況報告"))
    policy_key = next(k for k in rows if k.endswith("年度に向けた取組方針"))
    if first_value(rows[status_key]) or first_value(rows[policy_key]):
        raise ValueError("the R6 year-end cells were expected blank")

    policy_items = [p for p in normalize(first_value(rows["本庄市総合振興計画（後期基本計画施策中項目）"])).split("、") if p]

    return {
        "theme": theme,
        "field": field_no,
        "fieldName": field_name,
        "name": normalize(first_value(rows["計画名"])).strip(),
        "executingDepartments": executing,
        "cooperating": {"entries": coop_entries, "openEnded": open_ended},
        "startYear": start,
        "targetYear": target,
        "sdgs": [],
        "perspective": normalize(first_value(rows["改革の視点"])).strip(),
        "policyItems": policy_items,
        "currentSituation": items(first_value(rows["現状と課題"])),
        "actions": items(first_value(rows["取組内容"])),
        "effects": items(first_value(rows["取組の効果"])),
        "targets": targets,
        # The grades printed in the R6 draft are the R5 year-end results (see seed-data/source/README.md).
        "grades": {"R5": grade} if grade else {},
        "remarks": items(first_value(rows["備考"])),
    }


def main(src, dst):
    text = open(src, encoding="utf-8").read()
    head, *blocks = text.split(SHEET_HEADER)
    toc_fields, toc_entries = parse_toc(head)
    sheets = [parse_sheet(b) for b in blocks]

    counters = {}
    plans = []
    for sheet, toc in zip(sheets, toc_entries, strict=True):
        counters[sheet["field"]] = counters.get(sheet["field"], 0) + 1
        plan_id = f"{sheet['field']}-{counters[sheet['field']]}"
        if plan_id != toc["plan"]:
            raise ValueError(f"sheet order {plan_id} differs from the contents {toc['plan']}")
        if sheet["name"] != toc["name"]:
            raise ValueError(f"{plan_id}: sheet name {sheet['name']!r} differs from contents {toc['name']!r}")
        if sheet["executingDepartments"] != toc["departments"]:
            raise ValueError(f"{plan_id}: departments differ")
        if sheet["startYear"] != toc["start"]:
            raise ValueError(f"{plan_id}: start year differs")
        plan = OrderedDict(id=plan_id, tocPage=toc["page"], tocEnd=toc["end"])
        for k, v in sheet.items():
            if k not in ("theme", "fieldName", "field"):
                plan[k] = v
        plans.append(plan)

    themes = {s["theme"] for s in sheets}
    assert len(themes) == 1
    departments = []
    for p in plans:
        for d in p["executingDepartments"] + p["cooperating"]["entries"]:
            if d not in GROUP_WORDS and d not in departments:
                departments.append(d)
    for extra in ["情報システム課", "市民課", "企画課"]:
        assert extra in departments

    booklet = OrderedDict(
        format="honjo-gyoseikaikaku-booklet/1",
        source="本庄市行政改革大綱 令和6年度 実施計画シート(案)",
        outline=OrderedDict(
            title="本庄市行政改革大綱",
            theme=themes.pop(),
            startYear="R5",
            endYear="R9",
            periodLabel="令和5年度(2023年度)～令和9年度(2027年度)",
        ),
        edition=OrderedDict(year="R6", title="令和6年度 実施計画シート(案)", issuedLabel="令和6年 月", status="draft"),
        fields=[OrderedDict(number=f["number"], name=f["name"], tocPage=f["tocPage"]) for f in toc_fields],
        groupWords=GROUP_WORDS,
        departments=departments,
        perspectives=sorted({p["perspective"] for p in plans}),
        plans=plans,
    )
    with open(dst, "w", encoding="utf-8") as out:
        json.dump(booklet, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(f"{len(plans)} plans, {len(departments)} departments -> {dst}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
