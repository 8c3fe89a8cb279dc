// Records where Chromium breaks the R6 booklet's cell texts into lines, for TextLinesChromiumTests (ADR 0036).
//
// Each text of seed-data/booklet-r6.json is laid out in a table built like the printed sheet (sheet.css, booklet.css:
// 190 mm, label column 21 %, padding 1.8 mm, 1 px collapsed borders, 9 pt / .9em targets / 1.1em bold name / .95em
// bold labels, pre-wrap report cells, the 目次's fixed columns at 8.5 pt) with the bundled Noto Sans JP, and the start
// of each line is read from the characters' client rects. Output, one cell a line, tab-separated:
//   kind  size(pt)  bold(0/1)  content width(pt)  pre-wrap(0/1)  source  line starts (UTF-16 offsets, comma-separated)
// where source names the text in the seed ("1-6/currentSituation/0", "1-6/targets/R5/0", "1-6/executing", ...).
//
// With --mixed it records instead 600 texts put together (by a fixed pseudo-random sequence) from pieces of the R6
// texts, Latin words, numbers, URLs, quotation marks, brackets, symbols, spaces and line breaks, in boxes of random
// widths at the sheet's sizes: what users may type into a report. There the source column is the text itself (\n
// written as \\n). Emoji are left out: the bundled font has none, and Chromium takes them from another font.
//
// Run (node and playwright-core 1.64.1 in a folder of your own, Debian's Chromium):
//   npm i --prefix /tmp/breaks playwright-core@1.64.1
//   NODE_PATH=/tmp/breaks/node_modules node tools/chromium-breaks/record.js > tests/Honjo.GyoseiKaikaku.Infrastructure.Tests/Booklets/ChromiumBreaks.R6.tsv
//   NODE_PATH=/tmp/breaks/node_modules node tools/chromium-breaks/record.js --mixed > tests/Honjo.GyoseiKaikaku.Infrastructure.Tests/Booklets/ChromiumBreaks.Mixed.tsv
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const seed = JSON.parse(fs.readFileSync(path.join(root, 'seed-data', 'booklet-r6.json'), 'utf8'));
const fonts = path.join(root, 'src', 'Honjo.GyoseiKaikaku.Infrastructure', 'Pdf', 'Fonts');

const cases = [];
const add = (kind, src, text, prewrap = false) => { if (text && text.length) cases.push({ kind, src, text, prewrap }); };
for (const p of seed.plans) {
  add('name', `${p.id}/name`, p.name);
  add('contents-name', `${p.id}/name`, p.name);
  add('contents-dept', `${p.id}/executing`, p.executingDepartments.join('、'));
  add('half', `${p.id}/executing`, p.executingDepartments.join('、'));
  add('half', `${p.id}/cooperating`, p.cooperating.entries.join('、') + (p.cooperating.openEnded ? 'など' : ''));
  add('wide', `${p.id}/perspective`, p.perspective);
  add('wide', `${p.id}/policy`, p.policyItems.join('、'));
  for (const key of ['currentSituation', 'actions', 'effects', 'remarks']) {
    (p[key] || []).forEach((t, i) => { add('wide', `${p.id}/${key}/${i}`, t); add('narrow', `${p.id}/${key}/${i}`, t); });
  }
  for (const y of Object.keys(p.targets || {})) p.targets[y].forEach((t, i) => add('target', `${p.id}/targets/${y}/${i}`, t));
  add('report', `${p.id}/report-situation`, p.currentSituation.join('\n'), true);
  add('report', `${p.id}/report-actions`, p.actions.join('\n\n') + '\n', true);
}
for (const label of ['改革分野', '計画名', '実行課', '連携課', '開始年度', '達成目標年度', 'SDGs関連No.', '改革の視点', '現状と課題', '取組内容',
  '取組の効果', '各年度達成目標', '年度末評価', '備考', '令和6年度の取組状況', '令和7年度の取組方針']) {
  add('label', `label/${label}`, label);
}

const mixed = process.argv.includes('--mixed');
if (mixed) {
  cases.length = 0;
  let state = 20261130;
  const random = () => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state / 4294967296; };
  const pick = list => list[Math.floor(random() * list.length)];
  const pieces = [];
  for (const p of seed.plans) {
    for (const t of [...p.currentSituation, ...p.actions, ...p.effects]) {
      for (let i = 0; i < t.length;) { const n = 1 + Math.floor(random() * 6); pieces.push(t.slice(i, i + n)); i += n; }
    }
  }
  const tokens = ['SDGs', 'ICT', 'DX', 'Wi-Fi', 'e-Tax', 'LINE', 'YouTube', 'Instagram', '(仮称)', '(株)', 'R5', 'R6年度', '1,000件', '10%',
    '3.5倍', '12.3%減', 'https://www.city.honjo.saitama.jp/', 'info@example.jp', 'A4', 'No.1', '“新しい生活様式”', '"テスト"', '①', '②', '※',
    '○', '→', '～', '〜', '…', '――', 'ｶﾀｶﾅ', 'Catalog Pocket', 'PDCAサイクル', 'AI-OCR', 'ver.2.0', '2024/04/01', '10:00～17:00',
    '￥1,000', '$100', '100万円', '△5%', '（注）', '【重要】', '〔参考〕', '《案》', '『市報』', '・', '：', '；', '！', '？', '、', '。', 'ぁ',
    'ッ', 'ー', '々', 'ゝ', '＆', '＝', '＋', '－'];
  for (let k = 0; k < 600; k++) {
    let text = '';
    const count = 3 + Math.floor(random() * 38);
    for (let j = 0; j < count; j++) {
      const r = random();
      text += r < 0.6 ? pick(pieces) : r < 0.9 ? pick(tokens) : r < 0.97 ? ' ' : '\n';
    }
    const prewrap = random() < 0.3;
    text = prewrap ? text.replace(/^\s+|\s+$/g, '') : text.replace(/\n/g, ' ').trim();
    const size = pick([12, 10.8, 11.4]), bold = random() < 0.2, px = 30 + random() * 530;
    if (text) cases.push({ kind: 'mixed', src: text.replace(/\n/g, '\\n'), text, prewrap, size, bold, px });
  }
}

const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cols = '<colgroup><col style="width:21%"><col span="5"></colgroup>';
function cell(c, i) {
  const div = `<div class="t${c.prewrap ? ' pw' : ''}" id="c${i}">${esc(c.text)}</div>`;
  switch (c.kind) {
    case 'mixed':
      return `<div style="width:${c.px}px;font-size:${c.size}px;font-weight:${c.bold ? 700 : 400};line-height:1.4;overflow-wrap:anywhere">${div}</div>`;
    case 'name': return `<table class="s">${cols}<tr><th>計画名</th><td colspan="5" class="name">${div}</td></tr></table>`;
    case 'wide': return `<table class="s">${cols}<tr><th>x</th><td colspan="5">${div}</td></tr></table>`;
    case 'half': return `<table class="s">${cols}<tr><th>x</th><td colspan="2">${div}</td><th>x</th><td colspan="2"></td></tr></table>`;
    case 'narrow': case 'target': return `<table class="s">${cols}<tr><th>x</th><td class="tg">${div}</td><td></td><td></td><td></td><td></td></tr></table>`;
    case 'label': return `<table class="s">${cols}<tr><th>${div}</th><td colspan="5"></td></tr></table>`;
    case 'report': return `<table class="s"><colgroup><col style="width:21%"><col></colgroup><tr><th>x</th><td>${div}</td></tr></table>`;
    default: {
      const name = c.kind === 'contents-name' ? div : '', dept = c.kind === 'contents-dept' ? div : '';
      return `<table class="contents"><colgroup><col class="c-no"><col><col class="c-dept"><col class="c-year"><col class="c-year"><col class="c-page"></colgroup>`
        + `<tr><td class="c-no">1</td><td>${name}</td><td class="c-dept">${dept}</td><td class="c-year">R5</td><td class="c-year">R9</td><td class="c-page">1</td></tr></table>`;
    }
  }
}
const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>
@font-face { font-family: "Noto Sans JP"; font-weight: 400; src: url("/fonts/NotoSansJP-Regular.ttf"); }
@font-face { font-family: "Noto Sans JP"; font-weight: 700; src: url("/fonts/NotoSansJP-Bold.ttf"); }
body { margin: 0; font-family: "Noto Sans JP"; }
.sheet { width: 190mm; font-size: 9pt; line-height: 1.4; }
table.s { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.s th, table.s td { border: 1px solid #333; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.s th { font-weight: 600; font-size: .95em; }
td.name { font-weight: 700; font-size: 1.1em; }
td.tg { font-size: .9em; }
.pw { white-space: pre-wrap; }
.contents { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 8.5pt; line-height: 1.3; }
.contents th, .contents td { border: 1px solid #555; padding: .9mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.contents col.c-no { width: 10mm; } .contents col.c-dept { width: 38mm; } .contents col.c-year { width: 10mm; } .contents col.c-page { width: 11mm; }
.contents .c-no, .contents .c-year, .contents .c-page { text-align: center; white-space: nowrap; }
</style></head><body><div class="sheet">${cases.map(cell).join('\n')}</div></body></html>`;

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  const page = await browser.newPage();
  // The page and the fonts are served from memory and the repository, through a made-up origin.
  await page.route('http://breaks.test/**', route => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/fonts/')) {
      return route.fulfill({ body: fs.readFileSync(path.join(fonts, path.basename(url.pathname))), contentType: 'font/ttf' });
    }
    return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
  });
  await page.goto('http://breaks.test/page.html');
  await page.evaluate(() => document.fonts.ready);
  const measured = await page.evaluate(n => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const el = document.getElementById('c' + i);
      const node = el.firstChild, s = node.data, starts = [0];
      let top = null;
      for (let k = 0; k < s.length; k++) {
        const len = s.charCodeAt(k) >= 0xD800 && s.charCodeAt(k) < 0xDC00 ? 2 : 1;
        const ch = s.substr(k, len);
        if (ch === '\n') { starts.push(k + 1); top = null; continue; }
        const range = document.createRange();
        range.setStart(node, k);
        range.setEnd(node, k + len);
        const rects = range.getClientRects();
        if (rects.length && ch !== ' ') {
          const t = rects[rects.length - 1].top;
          // A new line starts here (spaces before it hang at the end of the line above).
          if (top !== null && t > top + 2 && starts[starts.length - 1] !== k) starts.push(k);
          top = t;
        }
        k += len - 1;
      }
      if (s.endsWith('\n')) starts.pop(); // a break at the very end opens no line
      const style = getComputedStyle(el);
      out.push({ width: el.getBoundingClientRect().width, size: parseFloat(style.fontSize), bold: parseInt(style.fontWeight, 10) >= 600, starts });
    }
    return out;
  }, cases.length);
  await browser.close();
  const round = x => Math.round(x * 10000) / 10000;
  const lines = cases.map((c, i) => [c.kind, round(measured[i].size * 0.75), measured[i].bold ? 1 : 0, round(measured[i].width * 0.75),
    c.prewrap ? 1 : 0, c.src, measured[i].starts.join(',')].join('\t'));
  process.stdout.write(lines.join('\n') + '\n');
})();
