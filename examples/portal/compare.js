// The comparison view: a dossier graded under two policies (甲, the one in force, and 乙, a
// draft), computed in the browser by the wangge WebAssembly package (`compare`, `diff`). Every
// score, grade, reason and clause comes from the package; this file only arranges what it says.
import init, { compare, diff, version } from './pkg/wangge_wasm.js';

const $ = (id) => document.getElementById(id);
const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'];
const GRADE_ZH = { excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职' };
const MOVE_ZH = { up: '上升', down: '下降', same: '不变', only_a: '仅甲参评', only_b: '仅乙参评' };

const state = { dossier: null, policyA: null, policyB: null };

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
};

const grade = (g) => (g ? GRADE_ZH[g] : '—');
const score = (s) => s ?? '—';

function showErrors(errors) {
  const list = $('errors');
  list.replaceChildren(...errors.map((e) => el('li', {}, `${e.kind}${e.path ? ` @ ${e.path}` : ''}：${e.message}`)));
  list.hidden = errors.length === 0;
}

function distributionTable(title, rows) {
  const table = el('table', { 'data-community': title.id });
  table.append(el('thead', {}, el('tr', {}, el('th', {}, '等次'), el('th', {}, '甲'), el('th', {}, '乙'), el('th', {}, '增减'))));
  const body = el('tbody');
  for (const g of GRADES) {
    const a = rows.distribution_a[g];
    const b = rows.distribution_b[g];
    const d = b - a;
    body.append(el('tr', { 'data-grade': g, 'data-a': a, 'data-b': b },
      el('td', {}, GRADE_ZH[g]), el('td', {}, a), el('td', {}, b),
      el('td', { class: d > 0 ? 'up' : d < 0 ? 'down' : '' }, d > 0 ? `+${d}` : d)));
  }
  table.append(body);
  return el('div', {}, el('h3', {}, title.name), table);
}

function reasonList(reasons) {
  const pts = (p) => (p === undefined ? '—' : p);
  return el('ul', {}, ...reasons.map((r) => el('li', { 'data-clause': r.clause },
    // A consequence or exception without points is said by its texts alone, not "— → —".
    r.points_a === undefined && r.points_b === undefined
      ? `${r.clause} `
      : `${r.clause} ${r.id}：${pts(r.points_a)} → ${pts(r.points_b)}`,
    [r.text_a && `甲：${r.text_a}`, r.text_b && `乙：${r.text_b}`].filter(Boolean).map((t) => `（${t}）`).join(''))));
}

function render(c, d) {
  const period = `${c.period.from} 至 ${c.period.to}`;
  $('summary').textContent = `${period}，政策甲 ${c.a.id} ${c.a.version}，政策乙 ${c.b.id} ${c.b.version}：` +
    `共 ${c.workers.length} 名网格员参评，${c.down} 人等次下降，${c.up} 人等次上升。`;
  $('comparable').hidden = c.scores_comparable;
  $('comparable').textContent = c.note ?? '';
  const all = { id: 'all', name: '全部社区' };
  $('distributions').replaceChildren(
    distributionTable(all, c),
    ...c.communities.map((m) => distributionTable({ id: m.community, name: `${m.name}（上升 ${m.up}，下降 ${m.down}）` }, m)));
  const names = new Map(c.communities.map((m) => [m.community, m.name]));
  const community = (id) => names.get(id) ?? id;
  const movers = c.workers.filter((w) => w.movement !== 'same');
  $('movers').querySelector('tbody').replaceChildren(...movers.map((w) => el('tr', { 'data-person': w.person, 'data-movement': w.movement },
    el('td', {}, w.name), el('td', {}, community(w.community)),
    el('td', { 'data-field': 'score' }, `${score(w.score_a)} → ${score(w.score_b)}`),
    el('td', { 'data-field': 'grade' }, `${grade(w.grade_a)} → ${grade(w.grade_b)}`),
    el('td', { class: w.movement === 'up' ? 'up' : 'down', title: w.text }, MOVE_ZH[w.movement]),
    el('td', { class: 'reasons' }, w.text, reasonList(w.reasons)))));
  $('no-movers').hidden = movers.length > 0;
  $('others').querySelector('tbody').replaceChildren(...c.workers.filter((w) => w.movement === 'same').map((w) =>
    el('tr', { 'data-person': w.person }, el('td', {}, w.name), el('td', {}, community(w.community)),
      el('td', {}, `${score(w.score_a)} → ${score(w.score_b)}`), el('td', {}, grade(w.grade_a)))));
  $('changes').replaceChildren(...d.changes.map((ch) => el('li', { 'data-clause': ch.clause, 'data-kind': ch.kind }, ch.text_zh)));
  $('results').hidden = false;
}

function computeNow() {
  if (!state.dossier || !state.policyB) return;
  const c = compare(state.dossier, state.policyA, state.policyB, null);
  const d = diff(state.policyA, state.policyB);
  if (c.status !== 'success' || d.status !== 'success') {
    showErrors([...(c.errors ?? []), ...(d.errors ?? [])]);
    $('status').textContent = '无法比较：请检查文件。';
    $('results').hidden = true;
  } else {
    showErrors([]);
    $('status').textContent = '已计算。';
    render(c.value, d.value);
  }
  document.body.dataset.computed = String(Date.now());
}

const reader = (key) => async (event) => {
  const file = event.target.files[0];
  state[key] = file ? await file.text() : null;
  computeNow();
};

await init();
$('dossier-file').addEventListener('change', reader('dossier'));
$('policy-a-file').addEventListener('change', reader('policyA'));
$('policy-b-file').addEventListener('change', reader('policyB'));
document.title = `政策修订比较 · wangge ${version()}`;
document.body.dataset.ready = 'true';
