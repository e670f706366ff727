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
 * The fill of a day against a daily requirement: grey without any minutes, warm shades below
 * the requirement (never green), greens from the requirement up, darker to twice it.
 */
export function shadeFor(v, required) {
  if (!v) return '#ebedf0';
  if (required && v < required) return `hsl(${Math.round(8 + 30 * (v / required))}, 85%, ${Math.round(62 + 20 * (v / required))}%)`;
  const over = required ? Math.min(1, (v - required) / required) : 1;
  return `hsl(145, 55%, ${Math.round(62 - 32 * over)}%)`;
}

/**
 * A calendar heatmap: one column per week (Monday first), one cell per day of `from`..`to`,
 * shaded by `values.get(day)` against `required` (see `shadeFor`); days in `marked` get a red
 * outline. Every weekday is labelled.
 */
export function heatmap(container, { from, to, values, marked = new Set(), unit = '', required = 0 }) {
  const cell = 13, gap = 2, left = 22, top = 16;
  const all = days(from, to);
  const weekday = (d) => (new Date(parse(d)).getUTCDay() + 6) % 7; // Monday 0
  const start = parse(all[0]) - weekday(all[0]) * DAY;
  const weeks = Math.floor((parse(all[all.length - 1]) - start) / DAY / 7) + 1;
  const width = Math.max(left + weeks * (cell + gap) + 4, 330);
  const height = top + 7 * (cell + gap) + 26;
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': '每日数值热力图' });
  ['一', '二', '三', '四', '五', '六', '日'].forEach((w, i) => {
    svg.append(el('text', { x: 0, y: top + i * (cell + gap) + 10, 'data-weekday': i }, w));
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
    const rect = el('rect', {
      x, y, width: cell, height: cell, rx: 2, fill: shadeFor(v, required),
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
  const legend = [
    [0, '无'],
    [required / 2, `不足${required}${unit}`],
    [required, `${required}${unit}以上`],
    [required * 2, `${required * 2}${unit}以上`],
  ];
  let lx = left;
  for (const [v, label] of legend) {
    svg.append(el('rect', { x: lx, y: ly - 10, width: cell, height: cell, rx: 2, fill: shadeFor(v, required) }));
    const text = el('text', { x: lx + cell + 3, y: ly }, label);
    svg.append(text);
    lx += cell + 8 + label.length * 9;
  }
  container.replaceChildren(svg);
}

/** A vertical bar chart of `bars` = [{label, count, title?, colour?}]. */
export function barChart(container, bars, { unit = '人' } = {}) {
  const width = 460, height = 210, left = 30, bottom = 40, top = 16;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = (width - left) / bars.length;
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': '分布图' });
  svg.append(el('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: '#9aa5ad' }));
  bars.forEach((b, i) => {
    const h = ((height - bottom - top) * b.count) / max;
    const x = left + i * step + step * 0.15;
    const y = height - bottom - h;
    const rect = el('rect', {
      x, y, width: step * 0.7, height: h, fill: b.colour ?? '#c0504d', 'data-label': b.label, 'data-count': b.count,
    });
    rect.append(el('title', {}, b.title ?? `${b.label}：${b.count}${unit}`));
    svg.append(rect);
    svg.append(el('text', { x: x + step * 0.35, y: y - 3, 'text-anchor': 'middle' }, `${b.count}${unit}`));
    svg.append(el('text', { x: x + step * 0.35, y: height - bottom + 16, 'text-anchor': 'middle' }, b.label));
  });
  container.replaceChildren(svg);
}
