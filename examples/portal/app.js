// The portal: reads a dossier (and optionally a policy) chosen by the user, computes everything
// in the browser with the wangge WebAssembly package, and shows the results. Every judgement
// (met / missed / excused, the reasons, the clauses) comes from the package; this file only
// arranges and draws what it answers.
import init, { evaluate, parsePolicy, defaultPolicy, version } from './pkg/wangge_wasm.js';
import { heatmap, barChart, minutesBetween } from './charts.js';

const $ = (id) => document.getElementById(id);
const ROLE = { grid_leader: '网格长', grid_worker: '网格员', helper: '协助人员' };
const STATUS = { met: '达标', missed: '未达标', excused: '免除' };

/** What the page knows: the inputs as read, and the answers computed from them. */
const state = { dossierText: null, dossier: null, policyText: null, policy: null, report: null, rows: [], selected: null };

// ---------------------------------------------------------------------------------------------
// Results. `results()` turns the answers into one row per person. The assessment issue adds an
// `assess` call here and merges its grade and score into each row by person ID; the table
// columns and the distribution below then only need new entries.

/** The rate of met among due instances, or null when nothing was due. */
const rate = (t) => (t.met + t.missed === 0 ? null : t.met / (t.met + t.missed));
const pct = (r) => (r === null ? '—' : `${(100 * r).toFixed(1)}%`);

function results(report) {
  const communities = new Map(report.communities.map((c) => [c.community, c.name]));
  return report.people.map((p) => ({
    person: p.person,
    name: p.name,
    community: communities.get(p.community) ?? p.community,
    role: p.role,
    totals: p.totals,
    rate: rate(p.totals),
    report: p,
  }));
}

/** Table columns: label, value of a row, optional class. Grade and score columns go here. */
const columns = [
  { key: 'name', label: '姓名', value: (r) => r.name },
  { key: 'community', label: '社区', value: (r) => r.community },
  { key: 'role', label: '岗位', value: (r) => ROLE[r.role] ?? r.role },
  { key: 'met', label: '达标', value: (r) => r.totals.met },
  { key: 'missed', label: '未达标', value: (r) => r.totals.missed, cls: (r) => (r.totals.missed ? 'missed' : '') },
  { key: 'excused', label: '免除', value: (r) => r.totals.excused },
  { key: 'rate', label: '达标率', value: (r) => pct(r.rate) },
];

/** Bars of the distribution chart. The grade distribution (优秀/称职/基本称职/不称职) goes here. */
function distribution(rows) {
  const bins = [
    { label: '<80%', test: (x) => x < 0.8 },
    { label: '80–85%', test: (x) => x >= 0.8 && x < 0.85 },
    { label: '85–90%', test: (x) => x >= 0.85 && x < 0.9 },
    { label: '90–95%', test: (x) => x >= 0.9 && x < 0.95 },
    { label: '95–100%', test: (x) => x >= 0.95 && x < 1 },
    { label: '100%', test: (x) => x === 1 },
  ];
  const rated = rows.filter((r) => r.rate !== null);
  return bins.map((b) => {
    const who = rated.filter((r) => b.test(r.rate));
    return { label: b.label, count: who.length, title: `${b.label}：${who.map((r) => r.name).join('、') || '无'}` };
  });
}

// ---------------------------------------------------------------------------------------------
// Drawing.

function showErrors(title, errors) {
  $('status').textContent = title;
  const list = $('errors');
  list.replaceChildren(
    ...errors.map((e) => {
      const li = document.createElement('li');
      const where = [e.path && `位置 ${e.path}`, e.record && `记录 ${e.record}`, e.date && `日期 ${e.date}`].filter(Boolean);
      li.textContent = `[${e.kind}] ${e.message}${where.length ? `（${where.join('，')}）` : ''}`;
      li.dataset.kind = e.kind;
      return li;
    }),
  );
  list.hidden = false;
  $('results').hidden = true;
}

function drawTable() {
  const head = $('people-table').tHead.rows[0];
  head.replaceChildren(...columns.map((c) => Object.assign(document.createElement('th'), { textContent: c.label })));
  const body = $('people-table').tBodies[0];
  body.replaceChildren(
    ...state.rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.person = r.person;
      for (const c of columns) {
        const td = document.createElement('td');
        td.textContent = String(c.value(r));
        td.dataset.field = c.key;
        const cls = c.cls?.(r);
        if (cls) td.className = cls;
        tr.append(td);
      }
      tr.addEventListener('click', () => select(r.person));
      return tr;
    }),
  );
}

/** IDs of the policy's obligations on patrol minutes, read from the policy document. */
function patrolObligations() {
  return new Set(state.policy.obligations.filter((o) => o.requirement.kind === 'patrol_minutes').map((o) => o.id));
}

function drawHeatmap(row) {
  const { from, to } = state.report.period;
  const values = new Map();
  for (const w of state.dossier.records?.work_records ?? []) {
    if (w.person !== row.person || w.date < from || w.date > to) continue;
    const m = (w.patrols ?? []).reduce((sum, p) => sum + minutesBetween(p.start, p.end), 0);
    values.set(w.date, (values.get(w.date) ?? 0) + m);
  }
  const patrol = patrolObligations();
  const marked = new Set(
    row.report.findings.filter((f) => patrol.has(f.obligation) && f.status === 'missed').map((f) => f.period.from),
  );
  $('heatmap-title').textContent = `每日巡查时长 · ${row.name}`;
  heatmap($('heatmap'), { from, to, values, marked, unit: '分钟' });
}

function drawReasons(row) {
  const report = state.report;
  $('reasons-title').textContent = `事由与条款 · ${row.name}（${ROLE[row.role] ?? row.role}）`;
  const body = $('reasons-body');
  const groups = report.obligations
    .map((o) => ({ o, findings: row.report.findings.filter((f) => f.obligation === o.id && f.status !== 'met') }))
    .filter((g) => g.findings.length > 0);
  if (groups.length === 0) {
    body.replaceChildren(Object.assign(document.createElement('p'), { textContent: '所有事项均达标。' }));
    return;
  }
  body.replaceChildren(
    ...groups.map(({ o, findings }) => {
      const div = document.createElement('div');
      div.className = 'obligation';
      div.dataset.obligation = o.id;
      div.dataset.clause = o.clause;
      const clause = report.clauses[o.clause];
      const missed = findings.filter((f) => f.status === 'missed').length;
      const h3 = document.createElement('h3');
      h3.innerHTML = `<span class="clause-id"></span><span class="title"></span>`;
      h3.querySelector('.clause-id').textContent = `第 ${o.clause} 条`;
      h3.querySelector('.title').textContent = `${o.title}：未达标 ${missed} 次，免除 ${findings.length - missed} 次`;
      const quote = document.createElement('blockquote');
      quote.className = 'clause-text';
      quote.dataset.clause = o.clause;
      quote.textContent = clause ? `${clause.title_zh}：${clause.text_zh}` : `（报告未附第 ${o.clause} 条原文）`;
      const list = document.createElement('ul');
      list.className = 'findings';
      for (const f of findings) {
        const li = document.createElement('li');
        li.className = f.status;
        const when = f.period.from === f.period.to ? f.period.from : `${f.period.from} 至 ${f.period.to}`;
        const evidence = f.evidence?.length ? `；依据 ${f.evidence.join('、')}` : '';
        li.textContent = `${when} ${STATUS[f.status]}：${f.text ?? ''}${evidence}`;
        list.append(li);
      }
      div.append(h3, quote, list);
      return div;
    }),
  );
}

function select(person) {
  const row = state.rows.find((r) => r.person === person);
  if (!row) return;
  state.selected = person;
  for (const tr of $('people-table').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.person === person);
  drawReasons(row);
  drawHeatmap(row);
}

function draw() {
  const r = state.report;
  const all = r.people.reduce((t, p) => ({ met: t.met + p.totals.met, missed: t.missed + p.totals.missed, excused: t.excused + p.totals.excused }), { met: 0, missed: 0, excused: 0 });
  $('summary').textContent =
    `政策 ${r.policy.id}（${r.policy.version}），期间 ${r.period.from} 至 ${r.period.to}，` +
    `${r.people.length} 人；达标 ${all.met}，未达标 ${all.missed}，免除 ${all.excused}` +
    (r.complete ? '。' : `；另有 ${r.warnings.length} 条记录不在本期或不适用，未计入。`);
  drawTable();
  barChart($('distribution'), distribution(state.rows));
  // Start with the person who missed most, so the reasons panel has something to explain.
  const worst = [...state.rows].sort((a, b) => b.totals.missed - a.totals.missed)[0];
  select(state.selected && state.rows.some((x) => x.person === state.selected) ? state.selected : worst?.person);
  $('errors').hidden = true;
  $('results').hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Computing.

function compute() {
  if (state.dossierText === null) return;
  const started = performance.now();
  const policyAnswer = state.policyText === null ? defaultPolicy() : parsePolicy(state.policyText);
  if (policyAnswer.status === 'failure') return showErrors('管理政策文件有误：', policyAnswer.errors);
  state.policy = policyAnswer.value;
  const from = $('period-from').value;
  const to = $('period-to').value;
  const options = { lang: 'zh', ...(from && to ? { period: { from, to } } : {}) };
  const answer = evaluate(state.dossierText, state.policy, options);
  if (answer.status === 'failure') return showErrors('无法计算：', answer.errors);
  state.report = answer.value;
  state.rows = results(answer.value);
  draw();
  const ms = Math.round(performance.now() - started);
  $('status').textContent = `计算完成：${state.rows.length} 人，用时 ${ms} 毫秒。`;
  document.body.dataset.computed = String(Date.now());
}

async function readFile(input) {
  const file = input.files?.[0];
  return file ? file.text() : null;
}

async function main() {
  await init();
  $('version').textContent = `（wangge ${version()}）`;
  $('dossier-file').addEventListener('change', async (e) => {
    state.dossierText = await readFile(e.target);
    state.selected = null;
    try {
      state.dossier = JSON.parse(state.dossierText);
      $('period-from').value = state.dossier.period?.from ?? '';
      $('period-to').value = state.dossier.period?.to ?? '';
    } catch {
      state.dossier = null; // the package reports the syntax error with its position
    }
    $('compute').disabled = false;
    compute();
  });
  $('policy-file').addEventListener('change', async (e) => {
    state.policyText = await readFile(e.target);
    compute();
  });
  $('compute').addEventListener('click', compute);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `无法载入计算模块：${e}`;
});
