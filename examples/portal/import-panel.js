// The import panel: an office's own spreadsheets — the roster template and record sheets, DingTalk
// (or WeCom, or any export through a column map) attendance exports — turned into a dossier in the
// browser by the import module (crate import-wasm, built into ./pkg-import/), then handed to the
// page, which grades it exactly as a chosen JSON dossier. The import module is large (calamine,
// zip, GB18030 tables) and is loaded only when the panel is first opened: the grading path never
// fetches it. Every judgement on the files (what a sheet is, which row is wrong and why) is the
// module's; this file reads the files, passes the options and shows the answer.
const $ = (id) => document.getElementById(id);
const TEMPLATE_NAME = '网格工作档案模板.xlsx';

let loading = null;

/** The import module, fetched and instantiated once (a failed load is tried again next time). */
function importer() {
  loading ??= import('./pkg-import/wangge_import_wasm.js').then(async (m) => {
    await m.default();
    return m;
  });
  loading.catch(() => { loading = null; });
  return loading;
}

function download(bytes, name, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/**
 * Wires the panel. `use(dossier)` takes an imported dossier; `showErrors(title, errors)` and
 * `refuse(message)` are the page's; `communities()` the names of the loaded dossier's
 * communities (suggestions for the community field); `maxFileMb` the page's limit per file.
 */
export function setupImport({ use, showErrors, refuse, communities, maxFileMb }) {
  const status = $('import-status');
  const panel = $('import-panel');

  const opened = async () => {
    if (!panel.open) return;
    $('import-communities').replaceChildren(
      ...[...new Set(communities())].map((c) => Object.assign(document.createElement('option'), { value: c })),
    );
    if ($('import-run').disabled === false) return;
    status.textContent = '正在载入导入模块……';
    try {
      await importer();
      $('import-run').disabled = false;
      $('import-template').disabled = false;
      status.textContent = '导入模块已载入：请选择表格文件。';
      panel.dataset.ready = 'true';
    } catch (e) {
      status.textContent = `无法载入导入模块：${e}`;
    }
  };
  panel.addEventListener('toggle', opened);
  if (panel.open) opened(); // opened before this script ran

  $('import-template').addEventListener('click', async () => {
    const m = await importer();
    download(m.templateXlsx(), TEMPLATE_NAME, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  $('import-run').addEventListener('click', async () => {
    const files = [...($('import-files').files ?? [])];
    if (files.length === 0) {
      refuse('请先在“表格文件”中选择要导入的花名册和考勤导出（可多选）。');
      return;
    }
    for (const f of [...files, ...($('import-maps').files ?? [])]) {
      if (f.size > maxFileMb * 1e6) {
        refuse(`所选文件“${f.name}”有 ${(f.size / 1e6).toFixed(1)} MB，超过本页面可读取的 ${maxFileMb} MB。更大的导出请分月导出，或用命令行工具 wangge import 导入。`);
        return;
      }
    }
    const options = { lang: 'zh' };
    const community = $('import-community').value.trim();
    if (community) options.community = community;
    const from = $('import-from').value;
    const to = $('import-to').value;
    if (from || to) {
      if (!(from && to)) {
        refuse('导入期间须同时填写起止日期，或都不填（不填时为表格中最早到最晚日期所在的整月）。');
        return;
      }
      options.period = { from, to };
    }
    if ($('import-wecom').checked) options.wecom = true;
    const maps = [];
    for (const f of $('import-maps').files ?? []) {
      try {
        maps.push(JSON.parse(await f.text()));
      } catch (e) {
        refuse(`列对应表“${f.name}”不是有效的 JSON：${e.message}`);
        return;
      }
    }
    if (maps.length) options.column_maps = maps;
    status.textContent = `正在导入 ${files.length} 个文件……`;
    let answer, ms;
    $('import-run').disabled = true;
    try {
      const m = await importer();
      const list = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const started = performance.now();
      answer = m.importFiles(list, options);
      ms = Math.round(performance.now() - started);
    } catch (e) {
      status.textContent = '';
      refuse(`导入模块出错，未导入任何内容：${e}`);
      return;
    } finally {
      $('import-run').disabled = false;
    }
    if (answer.status === 'failure') {
      status.textContent = `未导入：共 ${answer.errors.length} 处问题，见下方列表。`;
      showErrors(`表格有误，未导入任何内容（共 ${answer.errors.length} 处）。请按下列说明改正后重新导入：`, answer.errors);
      document.body.dataset.imported = `failure ${Date.now()}`;
      return;
    }
    const s = answer.value.summary;
    status.textContent = `已导入 ${s.files} 个文件（${s.sheets} 张表，${s.rows} 行，用时 ${ms} 毫秒）：${s.people} 人，打卡 ${s.punches} 条，记录 ${s.records} 条` +
      (s.overnight.length ? `；跨零点打卡 ${s.overnight.length} 条计为值班日 23:59 下班：${s.overnight.join('；')}` : '') + '。';
    status.title = s.read_as.join('\n');
    use(answer.value.dossier);
    document.body.dataset.imported = `success ${Date.now()}`;
  });
}
