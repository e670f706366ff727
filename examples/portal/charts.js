// SVG charts of the portal: a calendar heatmap and a bar chart. Presentation only — they draw
// the numbers they are given and decide nothing.

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const DAY = 86400000;
const parse = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Each day of `from`..`to` (inclusive, `YYYY-MM-DD`). */
export function days(from, to) {
  const out = [];
  for (let t = parse(from); t <= parse(to); t += DAY) out.push(iso(t));
  return out;
}

/** Minutes between two `HH:MM` times of one day. */
export function minutesBetween(start, end) {
  const m = (t) => +t.slice(0, 2) * 60 + +t.slice(3, 5);
  return Math.max(0, m(end) - m(start));
}

/**
 * A calendar heatmap: one column per week (Monday first), one cell per day of `from`..`to`,
 * shaded by `values.get(day)`; days in `marked` get a red outline.
 */
export function heatmap(container, { from, to, values, marked = new Set(), unit = '' }) {
  const cell = 13, gap = 2, left = 22, top = 16;
  const all = days(from, to);
  const max = Math.max(1, ...all.map((d) => values.get(d) ?? 0));
  const weekday = (d) => (new Date(parse(d)).getUTCDay() + 6) % 7; // Monday 0
  const start = parse(all[0]) - weekday(all[0]) * DAY;
  const weeks = Math.floor((parse(all[all.length - 1]) - start) / DAY / 7) + 1;
  const svg = el('svg', {
    width: left + weeks * (cell + gap) + 4,
    height: top + 7 * (cell + gap) + 26,
    role: 'img',
    'aria-label': '每日数值热力图',
  });
  ['一', '三', '五', '日'].forEach((w, i) => {
    svg.append(el('text', { x: 0, y: top + [0, 2, 4, 6][i] * (cell + gap) + 10 }, w));
  });
  let lastMonth = '';
  for (const d of all) {
    const week = Math.floor((parse(d) - start) / DAY / 7);
    const x = left + week * (cell + gap);
    const y = top + weekday(d) * (cell + gap);
    if (d.slice(5, 7) !== lastMonth) {
      lastMonth = d.slice(5, 7);
      svg.append(el('text', { x, y: 11 }, `${+lastMonth}月`));
    }
    const v = values.get(d) ?? 0;
    const shade = v === 0 ? '#ebedf0' : `hsl(145, 55%, ${Math.round(80 - 50 * (v / max))}%)`;
    const rect = el('rect', {
      x, y, width: cell, height: cell, rx: 2, fill: shade,
      'data-date': d, 'data-value': v,
    });
    if (marked.has(d)) {
      rect.setAttribute('stroke', '#d93025');
      rect.setAttribute('stroke-width', 2);
      rect.setAttribute('data-marked', 'true');
    }
    rect.append(el('title', {}, `${d}：${v}${unit}${marked.has(d) ? '（未达标）' : ''}`));
    svg.append(rect);
  }
  const ly = top + 7 * (cell + gap) + 14;
  svg.append(el('text', { x: left, y: ly }, '少'));
  [0, 0.25, 0.5, 0.75, 1].forEach((f, i) => {
    const fill = f === 0 ? '#ebedf0' : `hsl(145, 55%, ${Math.round(80 - 50 * f)}%)`;
    svg.append(el('rect', { x: left + 16 + i * (cell + gap), y: ly - 10, width: cell, height: cell, rx: 2, fill }));
  });
  svg.append(el('text', { x: left + 20 + 5 * (cell + gap), y: ly }, `多（最多 ${max}${unit}）`));
  container.replaceChildren(svg);
}

/** A vertical bar chart of `bars` = [{label, count, title?}]. */
export function barChart(container, bars, { unit = '人' } = {}) {
  const width = 460, height = 210, left = 30, bottom = 40, top = 16;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = (width - left) / bars.length;
  const svg = el('svg', { width, height, role: 'img', 'aria-label': '分布图' });
  svg.append(el('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: '#9aa5ad' }));
  bars.forEach((b, i) => {
    const h = ((height - bottom - top) * b.count) / max;
    const x = left + i * step + step * 0.15;
    const y = height - bottom - h;
    const rect = el('rect', {
      x, y, width: step * 0.7, height: h, fill: '#c0504d', 'data-label': b.label, 'data-count': b.count,
    });
    rect.append(el('title', {}, b.title ?? `${b.label}：${b.count}${unit}`));
    svg.append(rect);
    svg.append(el('text', { x: x + step * 0.35, y: y - 3, 'text-anchor': 'middle' }, String(b.count)));
    const label = el('text', { x: x + step * 0.35, y: height - bottom + 14, 'text-anchor': 'middle' }, b.label);
    svg.append(label);
  });
  svg.append(el('text', { x: 0, y: 12 }, unit));
  container.replaceChildren(svg);
}
