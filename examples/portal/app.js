// The portal: reads a dossier (and optionally a policy) chosen by the user, computes everything
// in the browser with the wangge WebAssembly package, and shows the results. Every judgement
// (met / missed / excused, scores, grades, the rules fired, consequences, margins, the clauses,
// the messages of errors) comes from the package; this file only arranges, sorts, prints and
// draws what it answers.
import init, { evaluate, assess, parsePolicy, defaultPolicy, version } from './pkg/wangge_wasm.js';
import { heatmap, barChart, minutesBetween } from './charts.js';
import { setupImport } from './import-panel.js';

const $ = (id) => document.getElementById(id);
const ROLE = { grid_leader: '网格长', grid_worker: '网格员', helper: '协助人员' };
const STATUS = { met: '达标', missed: '未达标', excused: '免除' };
/** The four grades of 4.1, best first: the order of the distribution chart. */
const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'];
const GRADE_ZH = { excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职' };
const GRADE_COLOUR = { excellent: '#2e8b57', competent: '#3a78c2', basically_competent: '#d89a2b', incompetent: '#c0392b' };
const RULE_KIND = { component: '考核项', adjustment: '加减分', exception: '等次限制', quota: '名额', consequence: '结果运用' };
/**
 * The largest file this page reads (a choice of the page, not a rule of the measures): the
 * browser holds a file's text twice while the package reads it. A larger dossier is computed
 * with the command-line tool.
 */
const MAX_FILE_MB = 50;

/** What the page knows: the inputs as read, and the answers computed from them. */
const state = {
  dossierText: null, dossier: null, policyText: null, policy: null, report: null, assessment: null,
  rows: [], selected: null, sort: { key: null, dir: 1 }, grids: new Map(),
};

/**
 * A reason's text for people: a local choice is said as 本地规定 without the policy's field
 * path (the path stays in the element's title, for integrators).
 */
const readable = (text) => (text ?? '').replace(/（本地规定：[A-Za-z0-9_.\-]+）/g, '（本地规定）');

// ---------------------------------------------------------------------------------------------
// Results. `results()` turns the answers into one row per person: the compliance report's
// counts, and for grid workers the assessment's score and grade, merged by person ID.

/** The rate of met among due instances, or null when nothing was due. */
const rate = (t) => (t.met + t.missed === 0 ? null : t.met / (t.met + t.missed));
const pct = (r) => (r === null ? '—' : `${(100 * r).toFixed(1)}%`);

/** Each person's grid (the last assignment starting within the period) by name, from the dossier. */
function gridsOf(dossier, period) {
  const names = new Map();
  for (const c of dossier?.organisation?.communities ?? []) for (const g of c.grids ?? []) names.set(g.id, g.name ?? g.id);
  const out = new Map();
  const assignments = [...(dossier?.organisation?.assignments ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (const a of assignments) {
    if (a.from > period.to || (a.to && a.to < period.from)) continue;
    out.set(a.person, names.get(a.grid) ?? a.grid);
  }
  return out;
}

function results(report, assessment) {
  const communities = new Map(report.communities.map((c) => [c.community, c.name]));
  const workers = new Map(assessment.workers.map((w) => [w.person, w]));
  const grids = gridsOf(state.dossier, report.period);
  return report.people.map((p) => ({
    person: p.person,
    name: p.name,
    community: communities.get(p.community) ?? p.community,
    grid: grids.get(p.person) ?? '—',
    role: p.role,
    totals: p.totals,
    rate: rate(p.totals),
    report: p,
    worker: workers.get(p.person) ?? null,
  }));
}

/** Table columns: label, value of a row, sort key, optional class. */
const columns = [
  { key: 'name', label: '姓名', text: true, value: (r) => r.name },
  { key: 'community', label: '社区', text: true, value: (r) => r.community },
  { key: 'grid', label: '网格', text: true, value: (r) => r.grid },
  { key: 'role', label: '岗位', text: true, value: (r) => ROLE[r.role] ?? r.role },
  { key: 'score', label: '得分', value: (r) => r.worker?.score ?? '—', sort: (r) => (r.worker ? Number(r.worker.score) : null) },
  { key: 'grade', label: '等次', text: true, value: (r) => r.worker?.grade_zh ?? '—', sort: (r) => (r.worker ? GRADES.indexOf(r.worker.grade) : null), cls: (r) => (r.worker ? `grade ${r.worker.grade}` : '') },
  { key: 'met', label: '达标', value: (r) => r.totals.met, sort: (r) => r.totals.met },
  { key: 'missed', label: '未达标', value: (r) => r.totals.missed, sort: (r) => r.totals.missed, cls: (r) => (r.totals.missed ? 'missed' : '') },
  { key: 'excused', label: '免除', value: (r) => r.totals.excused, sort: (r) => r.totals.excused },
  { key: 'rate', label: '达标率', value: (r) => pct(r.rate), sort: (r) => r.rate },
];

/** Bars of the grade distribution (4.2): the communities' roll-ups, summed, with their people. */
function distribution(assessment) {
  return GRADES.map((g) => {
    const count = assessment.communities.reduce((n, c) => n + c.distribution[g], 0);
    const who = assessment.workers.filter((w) => w.grade === g).map((w) => w.name);
    return { label: GRADE_ZH[g], count, key: g, colour: GRADE_COLOUR[g], who, title: `${GRADE_ZH[g]}：${who.join('、') || '无'}` };
  });
}

/** The rows shown: filtered by community, grid and grade, in the chosen order. */
function shownRows() {
  const community = $('filter-community').value;
  const grid = $('filter-grid').value;
  const grade = $('filter-grade').value;
  let rows = state.rows.filter((r) => (!community || r.community === community) && (!grid || r.grid === grid)
    && (!grade || (grade === 'none' ? !r.worker : r.worker?.grade === grade)));
  const col = columns.find((c) => c.key === state.sort.key);
  if (col) {
    const key = col.sort ?? col.value;
    const dir = state.sort.dir;
    rows = rows.map((r, i) => ({ r, i, k: key(r) })).sort((a, b) => {
      const missingA = a.k === null || a.k === '—';
      const missingB = b.k === null || b.k === '—';
      if (missingA || missingB) return missingA - missingB || a.i - b.i; // the blanks last
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k), 'zh-CN');
      return c * dir || a.i - b.i;
    }).map((x) => x.r);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Drawing.

/** Errors for people: the package's Chinese message first, kind and path behind a toggle. */
function showErrors(title, errors) {
  $('status').textContent = title;
  const list = $('errors');
  list.replaceChildren(
    ...errors.map((e) => {
      const li = document.createElement('li');
      li.dataset.kind = e.kind;
      const text = Object.assign(document.createElement('span'), { className: 'people-message', textContent: e.message_zh ?? e.message });
      const details = document.createElement('details');
      const summary = Object.assign(document.createElement('summary'), { textContent: '技术细节（供系统维护人员）' });
      const code = Object.assign(document.createElement('code'), {
        textContent: [`kind: ${e.kind}`, e.path && `path: ${e.path}`, e.record && `record: ${e.record}`, e.date && `date: ${e.date}`,
          e.file && `file: ${e.file}`, e.sheet && `sheet: ${e.sheet}`, e.row && `row: ${e.row}`, e.column && `column: ${e.column}`, `message: ${e.message}`].filter(Boolean).join(' · '),
      });
      details.append(summary, code);
      li.append(text, details);
      return li;
    }),
  );
  list.hidden = false;
  $('results').hidden = true;
  $('print-area').replaceChildren();
}

/** A failure found by the page itself, before the package reads anything (file too large…). */
function refuse(message) {
  showErrors('无法读取所选文件：', [{ kind: 'file', message: message, message_zh: message }]);
}

function fillSelect(select, values, labels = (v) => v) {
  const chosen = select.value;
  select.replaceChildren(
    Object.assign(document.createElement('option'), { value: '', textContent: '全部' }),
    ...values.map((v) => Object.assign(document.createElement('option'), { value: v, textContent: labels(v) })),
  );
  if (values.includes(chosen)) select.value = chosen;
}

function drawFilters() {
  const uniq = (xs) => [...new Set(xs)].filter((x) => x && x !== '—').sort((a, b) => a.localeCompare(b, 'zh-CN'));
  fillSelect($('filter-community'), uniq(state.rows.map((r) => r.community)));
  fillSelect($('filter-grid'), uniq(state.rows.map((r) => r.grid)));
  fillSelect($('filter-grade'), [...GRADES, 'none'], (g) => GRADE_ZH[g] ?? '不参加评定');
}

function drawTable() {
  const head = $('people-table').tHead.rows[0];
  head.replaceChildren(...columns.map((c) => {
    const th = document.createElement('th');
    th.dataset.field = c.key;
    if (c.text) th.className = 'text';
    if (state.sort.key === c.key) th.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: c.label, title: `按${c.label}排序` });
    b.addEventListener('click', () => {
      state.sort = { key: c.key, dir: state.sort.key === c.key ? -state.sort.dir : 1 };
      drawTable();
    });
    th.append(b);
    return th;
  }));
  const rows = shownRows();
  const body = $('people-table').tBodies[0];
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.person = r.person;
      tr.classList.toggle('selected', r.person === state.selected);
      for (const c of columns) {
        const td = document.createElement('td');
        td.textContent = String(c.value(r));
        td.dataset.field = c.key;
        const cls = [c.text ? 'text' : '', c.cls?.(r) ?? ''].join(' ').trim();
        if (cls) td.className = cls;
        tr.append(td);
      }
      tr.addEventListener('click', () => select(r.person, { scroll: true }));
      return tr;
    }),
  );
  $('shown-count').textContent = `显示 ${rows.length} / ${state.rows.length} 人`;
}

/** The rows shown as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese). */
function csv(rows) {
  const cell = (v) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function exportShown() {
  const blob = new Blob([csv(shownRows())], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  const { from, to } = state.report.period;
  a.download = `网格员履职情况_${from}_${to}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** IDs of the policy's obligations on patrol minutes, and the daily minimum they require. */
function patrolRequirement() {
  const os = state.policy.obligations.filter((o) => o.requirement.kind === 'patrol_minutes');
  return { ids: new Set(os.map((o) => o.id)), minimum: Math.max(0, ...os.map((o) => o.requirement.minimum ?? 0)) };
}

function drawHeatmap(row) {
  const { from, to } = state.report.period;
  const values = new Map();
  for (const w of state.dossier.records?.work_records ?? []) {
    if (w.person !== row.person || w.date < from || w.date > to) continue;
    const m = (w.patrols ?? []).reduce((sum, p) => sum + minutesBetween(p.start, p.end), 0);
    values.set(w.date, (values.get(w.date) ?? 0) + m);
  }
  const patrol = patrolRequirement();
  const marked = new Set(
    row.report.findings.filter((f) => patrol.ids.has(f.obligation) && f.status === 'missed').map((f) => f.period.from),
  );
  $('heatmap-title').textContent = `每日巡查时长 · ${row.name}`;
  $('heatmap-note').textContent = `按工作记录中的巡查时段逐日合计（分钟）。管理政策要求每天至少 ${patrol.minimum} 分钟：不足的日子为橙红色，达到的为绿色；红框为“巡查时长”未达标的日子。`;
  heatmap($('heatmap'), { from, to, values, marked, unit: '分钟', required: patrol.minimum });
}

/** A clause badge linking to its original text (shown once, in the clause list). */
function clauseBadge(id) {
  const a = Object.assign(document.createElement('a'), { className: 'clause-id', href: `#clause-${id}`, textContent: `第 ${id} 条` });
  a.addEventListener('click', () => {
    const d = document.getElementById(`clause-${id}`);
    if (d) d.open = true;
  });
  return a;
}

/** Each clause cited, its original text once, expandable. */
function drawClauses(ids, clauses) {
  $('clause-texts').replaceChildren(...[...ids].sort(byClause).map((id) => {
    const d = Object.assign(document.createElement('details'), { className: 'clause', id: `clause-${id}` });
    d.dataset.clause = id;
    const s = document.createElement('summary');
    s.append(Object.assign(document.createElement('span'), { className: 'clause-id', textContent: `第 ${id} 条` }), clauses[id]?.title_zh ?? '');
    const quote = Object.assign(document.createElement('blockquote'), { className: 'clause-text', textContent: clauses[id] ? clauses[id].text_zh : `（答复未附第 ${id} 条原文）` });
    quote.dataset.clause = id;
    d.append(s, quote);
    return d;
  }));
}

const byClause = (a, b) => {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
};

/** The assessment of a grid worker: score, grade, consequences, margin, and the rules fired. */
function drawAssessment(row, cited) {
  const box = $('assessment-body');
  const w = row.worker;
  if (!w) {
    box.replaceChildren(Object.assign(document.createElement('p'), { textContent: '年度考核只评定网格员；此人不参加等次评定。' }));
    return;
  }
  const head = document.createElement('p');
  head.className = 'verdict';
  head.innerHTML = '得分 <strong class="score"></strong>，等次 <strong class="grade"></strong><span class="score-grade"></span>';
  head.querySelector('.score').textContent = w.score;
  head.querySelector('.grade').textContent = w.grade_zh;
  head.querySelector('.grade').className = `grade ${w.grade}`;
  if (w.score_grade !== w.grade) head.querySelector('.score-grade').textContent = `（按分数为${GRADE_ZH[w.score_grade]}，受下列限制）`;
  const margin = Object.assign(document.createElement('p'), { className: 'margin', textContent: `差距：${readable(w.margin.text)}` });
  const consequences = w.rules.filter((r) => r.kind === 'consequence');
  const award = Object.assign(document.createElement('p'), {
    className: 'consequences',
    textContent: `结果运用：${consequences.map((r) => r.text).join('；') || '无'}${w.award_eligible ? '' : '（不具备评先资格）'}`,
  });
  // The rules grouped by clause, in the order fired.
  const groups = new Map();
  for (const r of w.rules) {
    if (!groups.has(r.clause)) groups.set(r.clause, []);
    groups.get(r.clause).push(r);
  }
  const rules = [...groups].map(([clause, fired]) => {
    cited.add(clause);
    const div = document.createElement('div');
    div.className = 'rule-group';
    div.dataset.clause = clause;
    const h3 = document.createElement('h3');
    h3.append(clauseBadge(clause), Object.assign(document.createElement('span'), { className: 'title', textContent: state.assessment.clauses[clause]?.title_zh ?? '' }));
    const list = document.createElement('ul');
    list.className = 'rules';
    for (const r of fired) {
      const li = document.createElement('li');
      li.className = `rule ${r.kind}`;
      li.dataset.kind = r.kind;
      li.dataset.rule = r.id;
      li.textContent = `［${RULE_KIND[r.kind] ?? r.kind}］${readable(r.text)}`;
      if (r.local_choice) li.title = `本地规定，见管理政策 ${r.local_choice}`;
      list.append(li);
    }
    div.append(h3, list);
    return div;
  });
  box.replaceChildren(head, award, margin, ...rules);
}

/** A finding in words: its day or period, status and text. */
function findingText(f) {
  const when = f.period.from === f.period.to ? f.period.from : `${f.period.from} 至 ${f.period.to}`;
  return `${when} ${STATUS[f.status]}：${f.text ?? ''}`;
}

/** The obligations a person missed or was excused from, with their findings. */
function groupsOf(row) {
  return state.report.obligations
    .map((o) => ({ o, findings: row.report.findings.filter((f) => f.obligation === o.id && f.status !== 'met') }))
    .filter((g) => g.findings.length > 0);
}

function dayList(findings) {
  const list = document.createElement('ul');
  list.className = 'findings';
  for (const f of findings) {
    const li = document.createElement('li');
    li.className = f.status;
    li.textContent = findingText(f);
    if (f.evidence?.length) li.title = `依据记录 ${f.evidence.join('、')}`;
    list.append(li);
  }
  return list;
}

function drawReasons(row) {
  const report = state.report;
  $('reasons-title').textContent = `事由与条款 · ${row.name}（${ROLE[row.role] ?? row.role}）`;
  const cited = new Set();
  drawAssessment(row, cited);
  const body = $('reasons-body');
  const groups = groupsOf(row);
  if (groups.length === 0) {
    body.replaceChildren(Object.assign(document.createElement('p'), { textContent: '所有事项均达标。' }));
  } else {
    body.replaceChildren(
      ...groups.map(({ o, findings }) => {
        cited.add(o.clause);
        const div = document.createElement('div');
        div.className = 'obligation';
        div.dataset.obligation = o.id;
        div.dataset.clause = o.clause;
        const missed = findings.filter((f) => f.status === 'missed').length;
        const excused = findings.length - missed;
        const h3 = document.createElement('h3');
        h3.append(clauseBadge(o.clause), Object.assign(document.createElement('span'), { className: 'title', textContent: o.title }));
        const days = Object.assign(document.createElement('details'), { className: 'days' });
        const summary = Object.assign(document.createElement('summary'), {
          className: 'count',
          textContent: [missed && `未达标 ${missed} 次`, excused && `免除 ${excused} 次`].filter(Boolean).join('，'),
        });
        summary.dataset.missed = missed;
        days.append(summary, dayList(findings));
        div.append(h3, days);
        return div;
      }),
    );
  }
  drawClauses(cited, { ...report.clauses, ...state.assessment.clauses });
}

function select(person, { scroll = false } = {}) {
  const row = state.rows.find((r) => r.person === person);
  if (!row) return;
  state.selected = person;
  for (const tr of $('people-table').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.person === person);
  drawReasons(row);
  drawHeatmap(row);
  if (scroll) $('reasons').scrollIntoView({ block: 'start' });
}

function drawDistribution() {
  const bars = distribution(state.assessment);
  barChart($('distribution'), bars);
  $('distribution-people').replaceChildren(...bars.map((b) => {
    const li = document.createElement('li');
    li.dataset.grade = b.key;
    const sw = Object.assign(document.createElement('span'), { className: 'swatch' });
    sw.style.background = b.colour;
    li.append(sw, Object.assign(document.createElement('strong'), { textContent: `${b.label}（${b.count}人）：` }), b.who.join('、') || '无');
    return li;
  }));
}

// ---------------------------------------------------------------------------------------------
// Print: a summary page of all graded workers, one page per worker, and on request an appendix
// with every day listed. Built with the results, shown only in print.

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** The main reason of a worker's grade in one line: the limit that capped it, else the largest loss. */
function mainReason(w) {
  if (w.score_grade !== w.grade) {
    const capped = w.rules.find((r) => r.kind === 'exception' && !r.overridden_by) ?? w.rules.find((r) => r.kind === 'quota');
    if (capped) return readable(capped.text);
  }
  const c = w.components.find((x) => x.id === w.margin.largest_shortfall);
  if (c) return `${c.clause} ${c.title}：${c.earned}/${c.out_of} 达标，失${Number(c.lost).toFixed(2)}分`;
  return '各项均达标';
}

function printTable(head, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { textContent: h })))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map(([v, cls]) => el('td', { textContent: String(v), className: cls ?? '' }))))));
}

function drawPrint() {
  const { from, to } = state.report.period;
  const today = new Date().toISOString().slice(0, 10);
  const byPerson = new Map(state.rows.map((r) => [r.person, r]));
  const workers = state.assessment.workers;
  const summary = el('section', { className: 'page summary-page' },
    el('h1', { textContent: '网格员年度考核结果汇总' }),
    el('p', { textContent: `考核期间：${from} 至 ${to}　　政策：${state.report.policy.id}（${state.report.policy.version}）　　制表日期：${today}` }),
    printTable(['序号', '姓名', '社区', '网格', '得分', '等次', '主要原因'], workers.map((w, i) => {
      const r = byPerson.get(w.person);
      return [[i + 1, 'num'], [w.name], [r?.community ?? ''], [r?.grid ?? ''], [w.score, 'num'], [w.grade_zh, `grade ${w.grade}`], [mainReason(w), 'wide']];
    })),
    el('p', { className: 'note', textContent: `等次依第 4.1 条评定，分布依第 4.2 条；各人事由见后附个人页。共 ${workers.length} 人：${GRADES.map((g) => `${GRADE_ZH[g]} ${workers.filter((w) => w.grade === g).length} 人`).join('，')}。` }),
    el('div', { className: 'sign' }, el('span', { textContent: '考核组（签字）：______________________' }), el('span', { textContent: '日期：______年____月____日' })),
  );
  const pages = workers.map((w) => {
    const r = byPerson.get(w.person);
    const rules = w.rules.filter((x) => x.kind !== 'consequence');
    const consequences = w.rules.filter((x) => x.kind === 'consequence');
    const groups = r ? groupsOf(r) : [];
    return el('section', { className: 'page worker-page' },
      el('h1', { textContent: `${w.name} · 年度考核个人页` }),
      el('p', { textContent: `${r?.community ?? ''}　${r?.grid ?? ''}　考核期间 ${from} 至 ${to}` }),
      el('p', {}, '得分 ', el('strong', { textContent: w.score }), '，等次 ', el('strong', { className: `grade ${w.grade}`, textContent: w.grade_zh }),
        w.score_grade !== w.grade ? `（按分数为${GRADE_ZH[w.score_grade]}，受等次限制）` : ''),
      el('p', { textContent: `差距：${readable(w.margin.text)}` }),
      el('h2', { textContent: '失分与限制的规则' }),
      printTable(['条款', '类别', '内容'], rules.map((x) => [[x.clause], [RULE_KIND[x.kind] ?? x.kind], [readable(x.text), 'wide']])),
      el('h2', { textContent: '结果运用' }),
      el('p', { textContent: `${consequences.map((x) => x.text).join('；') || '无'}${w.award_eligible ? '' : '（不具备评先资格）'}` }),
      el('h2', { textContent: '未达标与免除事项（次数；逐日明细见附录）' }),
      printTable(['条款', '事项', '未达标', '免除'], groups.map(({ o, findings }) => {
        const missed = findings.filter((f) => f.status === 'missed').length;
        return [[o.clause], [o.title, 'wide'], [missed, 'num'], [findings.length - missed, 'num']];
      })),
    );
  });
  const parts = [summary, ...pages];
  if ($('print-appendix').checked) {
    for (const w of workers) {
      const r = byPerson.get(w.person);
      if (!r) continue;
      parts.push(el('section', { className: 'page appendix' },
        el('h1', { textContent: `附录 · ${w.name} 逐日明细` }),
        ...groupsOf(r).map(({ o, findings }) => el('div', {},
          el('h3', { textContent: `第 ${o.clause} 条 ${o.title}（${findings.length} 次）` }), dayList(findings)))));
    }
  }
  $('print-area').replaceChildren(...parts);
}

function draw() {
  const r = state.report;
  const all = r.people.reduce((t, p) => ({ met: t.met + p.totals.met, missed: t.missed + p.totals.missed, excused: t.excused + p.totals.excused }), { met: 0, missed: 0, excused: 0 });
  $('summary').textContent =
    `政策 ${r.policy.id}（${r.policy.version}），期间 ${r.period.from} 至 ${r.period.to}，` +
    `${r.people.length} 人（其中网格员 ${state.assessment.workers.length} 人参加年度考核）；达标 ${all.met}，未达标 ${all.missed}，免除 ${all.excused}` +
    (r.complete ? '。' : `；另有 ${r.warnings.length} 条记录不在本期或不适用，未计入。`);
  drawFilters();
  drawTable();
  drawDistribution();
  // Start with the grid worker who missed most, so the reasons panel has something to explain.
  const worst = [...state.rows].sort((a, b) => (b.worker ? 1 : 0) - (a.worker ? 1 : 0) || b.totals.missed - a.totals.missed)[0];
  select(state.selected && state.rows.some((x) => x.person === state.selected) ? state.selected : worst?.person);
  drawPrint();
  $('errors').hidden = true;
  $('results').hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Computing.

function compute() {
  if (state.dossierText === null) return;
  const started = performance.now();
  const policyAnswer = state.policyText === null ? defaultPolicy() : parsePolicy(state.policyText);
  if (policyAnswer.status === 'failure') return showErrors('管理政策文件有误，请改正后重新选择：', policyAnswer.errors);
  state.policy = policyAnswer.value;
  const from = $('period-from').value;
  const to = $('period-to').value;
  const options = { lang: 'zh', ...(from && to ? { period: { from, to } } : {}) };
  const answer = evaluate(state.dossierText, state.policy, options);
  if (answer.status === 'failure') return showErrors('工作档案有误，无法计算。请按下列说明改正后重新选择文件：', answer.errors);
  const graded = assess(state.dossierText, state.policy, options);
  if (graded.status === 'failure') return showErrors('无法评定等次：', graded.errors);
  state.report = answer.value;
  state.assessment = graded.value;
  state.rows = results(answer.value, graded.value);
  draw();
  const ms = Math.round(performance.now() - started);
  $('status').textContent = `计算完成：${state.rows.length} 人，用时 ${ms} 毫秒。`;
  document.body.dataset.computed = String(Date.now());
}

/** The file's text, or null after telling the user why it cannot be read as a JSON document. */
async function readDocument(file, what) {
  const mb = (file.size / 1e6).toFixed(1);
  if (file.size === 0) {
    refuse(`所选文件“${file.name}”是空的：此处需要 JSON 格式的${what}（.json 文件）。`);
    return null;
  }
  if (file.size > MAX_FILE_MB * 1e6) {
    refuse(`所选文件“${file.name}”有 ${mb} MB，超过本页面可读取的 ${MAX_FILE_MB} MB：此处需要不超过 ${MAX_FILE_MB} MB 的 JSON 格式${what}。更大的档案请分期导出，或用命令行工具计算。`);
    return null;
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const zip = head[0] === 0x50 && head[1] === 0x4b; // PK: xlsx, ods, zip
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0; // old .xls
  if (zip || ole || /\.(xlsx|xls|ods|csv|et)$/i.test(file.name)) {
    refuse(`所选文件“${file.name}”是表格文件，不是 JSON：此处需要 JSON 格式的${what}。花名册和钉钉导出等表格请用“导入考勤与花名册”导入。`);
    return null;
  }
  return file.text();
}

/**
 * Takes a dossier — a chosen JSON file's text, or an import's answer — as the page's dossier and
 * computes. `dossier` is the text parsed, or null when it is not JSON (the package then reports
 * the syntax error with its position).
 */
function useDossier(text, dossier) {
  state.dossierText = text;
  state.dossier = dossier;
  // Keep the chosen period when it lies within the new dossier's; otherwise take the dossier's.
  // After a file that cannot be read, the chosen dates stay as they were.
  const p = dossier?.period;
  if (p?.from && p?.to) {
    const from = $('period-from').value, to = $('period-to').value;
    if (!(from && to && from >= p.from && to <= p.to && from <= to)) {
      $('period-from').value = p.from;
      $('period-to').value = p.to;
    }
  }
  $('compute').disabled = false;
  compute();
}

async function main() {
  await init();
  $('version').textContent = `（wangge ${version()}）`;
  $('dossier-file').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await readDocument(file, '工作档案');
    if (text === null) return;
    let dossier = null;
    try {
      dossier = JSON.parse(text);
    } catch {
      dossier = null; // the package reports the syntax error with its position
    }
    useDossier(text, dossier);
  });
  // Office spreadsheets: a module of their own, loaded when the panel is first opened.
  setupImport({
    maxFileMb: MAX_FILE_MB,
    showErrors,
    refuse,
    communities: () => (state.dossier?.organisation?.communities ?? []).map((c) => c.name ?? c.id),
    use: (dossier) => {
      $('dossier-file').value = '';
      useDossier(JSON.stringify(dossier), dossier);
    },
  });
  $('policy-file').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await readDocument(file, '管理政策');
    if (text === null) return;
    state.policyText = text;
    compute();
  });
  $('compute').addEventListener('click', compute);
  for (const id of ['filter-community', 'filter-grid', 'filter-grade']) $(id).addEventListener('change', drawTable);
  $('export').addEventListener('click', exportShown);
  $('print').addEventListener('click', () => window.print());
  $('print-appendix').addEventListener('change', () => state.report && drawPrint());
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `无法载入计算模块：${e}`;
});
