// The portal: reads a dossier (and optionally a policy) chosen by the user, computes everything
// in the browser with the wangge WebAssembly package, and shows the results. Every judgement
// (met / missed / excused, scores, grades, the rules fired, consequences, margins, the clauses)
// comes from the package; this file only arranges and draws what it answers.
import init, { evaluate, assess, parsePolicy, defaultPolicy, version } from './pkg/wangge_wasm.js';
import { heatmap, barChart, minutesBetween } from './charts.js';

const $ = (id) => document.getElementById(id);
const ROLE = { grid_leader: '网格长', grid_worker: '网格员', helper: '协助人员' };
const STATUS = { met: '达标', missed: '未达标', excused: '免除' };
/** The four grades of 4.1, best first: the order of the distribution chart. */
const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'];
const GRADE_ZH = { excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职' };
const RULE_KIND = { component: '考核项', adjustment: '加减分', exception: '等次限制', quota: '名额', consequence: '结果运用' };

/** What the page knows: the inputs as read, and the answers computed from them. */
const state = { dossierText: null, dossier: null, policyText: null, policy: null, report: null, assessment: null, rows: [], selected: null };

// ---------------------------------------------------------------------------------------------
// Results. `results()` turns the answers into one row per person: the compliance report's
// counts, and for grid workers the assessment's score and grade, merged by person ID.

/** The rate of met among due instances, or null when nothing was due. */
const rate = (t) => (t.met + t.missed === 0 ? null : t.met / (t.met + t.missed));
const pct = (r) => (r === null ? '—' : `${(100 * r).toFixed(1)}%`);

function results(report, assessment) {
  const communities = new Map(report.communities.map((c) => [c.community, c.name]));
  const workers = new Map(assessment.workers.map((w) => [w.person, w]));
  return report.people.map((p) => ({
    person: p.person,
    name: p.name,
    community: communities.get(p.community) ?? p.community,
    role: p.role,
    totals: p.totals,
    rate: rate(p.totals),
    report: p,
    worker: workers.get(p.person) ?? null,
  }));
}

/** Table columns: label, value of a row, optional class. */
const columns = [
  { key: 'name', label: '姓名', value: (r) => r.name },
  { key: 'community', label: '社区', value: (r) => r.community },
  { key: 'role', label: '岗位', value: (r) => ROLE[r.role] ?? r.role },
  { key: 'score', label: '得分', value: (r) => r.worker?.score ?? '—' },
  { key: 'grade', label: '等次', value: (r) => r.worker?.grade_zh ?? '—', cls: (r) => (r.worker ? `grade ${r.worker.grade}` : '') },
  { key: 'met', label: '达标', value: (r) => r.totals.met },
  { key: 'missed', label: '未达标', value: (r) => r.totals.missed, cls: (r) => (r.totals.missed ? 'missed' : '') },
  { key: 'excused', label: '免除', value: (r) => r.totals.excused },
  { key: 'rate', label: '达标率', value: (r) => pct(r.rate) },
];

/** Bars of the grade distribution (4.2): the communities' roll-ups, summed; names as tooltips. */
function distribution(assessment) {
  return GRADES.map((g) => {
    const count = assessment.communities.reduce((n, c) => n + c.distribution[g], 0);
    const who = assessment.workers.filter((w) => w.grade === g).map((w) => w.name);
    return { label: GRADE_ZH[g], count, key: g, title: `${GRADE_ZH[g]}：${who.join('、') || '无'}` };
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

/** A clause heading and its original text, from the answer's `clauses` map. */
function clauseBlock(id, clauses) {
  const clause = clauses[id];
  const quote = document.createElement('blockquote');
  quote.className = 'clause-text';
  quote.dataset.clause = id;
  quote.textContent = clause ? `${clause.title_zh}：${clause.text_zh}` : `（答复未附第 ${id} 条原文）`;
  return quote;
}

/** The assessment of a grid worker: score, grade, consequences, margin, and the rules fired. */
function drawAssessment(row) {
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
  const margin = Object.assign(document.createElement('p'), { className: 'margin', textContent: `差距：${w.margin.text}` });
  const consequences = w.rules.filter((r) => r.kind === 'consequence');
  const award = Object.assign(document.createElement('p'), {
    className: 'consequences',
    textContent: `结果运用：${consequences.map((r) => r.text).join('；') || '无'}${w.award_eligible ? '' : '（不具备评先资格）'}`,
  });
  // The rules grouped by clause, in the order fired, each clause with its original text.
  const groups = new Map();
  for (const r of w.rules) {
    if (!groups.has(r.clause)) groups.set(r.clause, []);
    groups.get(r.clause).push(r);
  }
  const rules = [...groups].map(([clause, fired]) => {
    const div = document.createElement('div');
    div.className = 'rule-group';
    div.dataset.clause = clause;
    const h3 = document.createElement('h3');
    h3.innerHTML = '<span class="clause-id"></span><span class="title"></span>';
    h3.querySelector('.clause-id').textContent = `第 ${clause} 条`;
    h3.querySelector('.title').textContent = state.assessment.clauses[clause]?.title_zh ?? '';
    const list = document.createElement('ul');
    list.className = 'rules';
    for (const r of fired) {
      const li = document.createElement('li');
      li.className = `rule ${r.kind}`;
      li.dataset.kind = r.kind;
      li.dataset.rule = r.id;
      li.textContent = `［${RULE_KIND[r.kind] ?? r.kind}］${r.text}`;
      list.append(li);
    }
    div.append(h3, clauseBlock(clause, state.assessment.clauses), list);
    return div;
  });
  box.replaceChildren(head, award, margin, ...rules);
}

function drawReasons(row) {
  const report = state.report;
  $('reasons-title').textContent = `事由与条款 · ${row.name}（${ROLE[row.role] ?? row.role}）`;
  drawAssessment(row);
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
      const missed = findings.filter((f) => f.status === 'missed').length;
      const h3 = document.createElement('h3');
      h3.innerHTML = `<span class="clause-id"></span><span class="title"></span>`;
      h3.querySelector('.clause-id').textContent = `第 ${o.clause} 条`;
      h3.querySelector('.title').textContent = `${o.title}：未达标 ${missed} 次，免除 ${findings.length - missed} 次`;
      const quote = clauseBlock(o.clause, report.clauses);
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
    `${r.people.length} 人（其中网格员 ${state.assessment.workers.length} 人参加年度考核）；达标 ${all.met}，未达标 ${all.missed}，免除 ${all.excused}` +
    (r.complete ? '。' : `；另有 ${r.warnings.length} 条记录不在本期或不适用，未计入。`);
  drawTable();
  barChart($('distribution'), distribution(state.assessment));
  // Start with the grid worker who missed most, so the reasons panel has something to explain.
  const worst = [...state.rows].sort((a, b) => (b.worker ? 1 : 0) - (a.worker ? 1 : 0) || b.totals.missed - a.totals.missed)[0];
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
