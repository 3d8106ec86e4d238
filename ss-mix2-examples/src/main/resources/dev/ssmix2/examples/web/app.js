'use strict';
/*
 * SS-MIX2 outage viewer UI. Plain ES2017, no framework, no external origin.
 * Every value from the server is untrusted text: it reaches the page only through textContent and DOM creation,
 * never through innerHTML, and never into an attribute that can run or load anything.
 */
(function () {
  const DEBOUNCE_MS = 150;
  const SEARCH_LIMIT = 30;
  const SEX = { M: '男', F: '女', O: 'その他', U: '不明', A: '不明', N: '不明' };
  const STATUS = { current: '現行', superseded: '過去版', deleted: '削除' };
  const NORMAL_FLAGS = ['', 'N'];

  const $ = (id) => document.getElementById(id);

  /** Creates an element with text content and classes; children are nodes or strings (as text). */
  function el(tag, className, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children || []) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function text(tag, className, value) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value == null ? '' : String(value);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      location.assign('/login');
      throw new Error('ログインが必要です');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const error = new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  function birthText(birthDate, age) {
    if (!birthDate) return '不明';
    return age == null ? birthDate : birthDate + '（' + age + '歳）';
  }

  function sexText(sex) {
    return SEX[sex] || sex || '不明';
  }

  /**
   * Kana as a person reads it: a separate voiced-sound mark (ヨシタ゛, as some systems store it) is joined to its kana
   * (ヨシダ). Display only; search keys are built by the index.
   */
  function displayKana(kana) {
    if (!kana) return '';
    return String(kana).replace(/([\u3041-\u30FA])\u309B/g, '$1\u3099').replace(/([\u3041-\u30FA])\u309C/g, '$1\u309A')
      .normalize('NFC').replace(/([\u3041-\u30FA])[\u3099\u309A]/g, '$1'); // a mark left over was doubled (ダ゛)
  }

  /** An order number only when it is one: all-9 placeholders (999999999999999) say "none". */
  function orderNoText(orderNo) {
    return !orderNo || /^9+$/.test(orderNo) || /^0+$/.test(orderNo) ? '—' : orderNo;
  }

  function isAbnormal(flag) {
    return NORMAL_FLAGS.indexOf((flag || '').trim().toUpperCase()) < 0;
  }

  /* ---------------- search ---------------- */

  let searchSeq = 0;
  let searchTimer = null;

  function scheduleSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, DEBOUNCE_MS);
  }

  async function runSearch() {
    const query = $('q').value.trim();
    const seq = ++searchSeq;
    const results = $('results');
    if (!query) {
      clear(results);
      $('search-status').textContent = '';
      return;
    }
    $('search-status').textContent = '検索中…';
    try {
      const facility = $('facility-filter').value;
      const answer = await getJson('/api/search?q=' + encodeURIComponent(query) + '&limit=' + SEARCH_LIMIT
        + (facility ? '&facility=' + encodeURIComponent(facility) : ''));
      if (seq !== searchSeq) return; // a newer keystroke already asked again
      const hits = answer.hits || [];
      renderHits(hits);
      const status = $('search-status');
      status.classList.toggle('capped', hits.length >= SEARCH_LIMIT);
      status.textContent = hits.length === 0 ? '該当する患者はいません'
        : hits.length >= SEARCH_LIMIT ? SEARCH_LIMIT + ' 件以上 — 生年月日などで絞り込んでください'
          : hits.length + ' 件' + (answer.hint ? ' — ' + answer.hint : '');
    } catch (e) {
      if (seq !== searchSeq) return;
      clear(results);
      $('search-status').textContent = '検索できませんでした: ' + e.message;
    }
  }

  function renderHits(hits) {
    const results = $('results');
    clear(results);
    for (const hit of hits) {
      const tags = el('span', 'hit-tags', (hit.matched || []).map((tag) => text('span', 'tag', tag)));
      const item = el('li', 'hit', [
        el('div', 'hit-main', [text('span', 'hit-name', hit.name), text('span', 'hit-kana', displayKana(hit.kana))]
          .concat((hit.formerNames || []).length ? [text('span', 'hit-former', '旧氏名で一致: ' + hit.formerNames.join('、'))] : [])),
        el('div', 'hit-sub', [
          text('span', 'hit-birth', birthText(hit.birthDate, hit.age)),
          text('span', 'hit-sex', sexText(hit.sex)),
          text('span', 'hit-id', '患者ID ' + hit.patientId),
        ].concat(facilityName(hit.facility) ? [text('span', 'hit-facility', facilityName(hit.facility))] : [])
          .concat([tags])),
      ]);
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      item.dataset.patientId = hit.patientId;
      item.dataset.key = hit.key || hit.patientId;
      const open = () => openPatient(hit.key || hit.patientId);
      item.addEventListener('click', open);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      });
      results.appendChild(item);
    }
  }

  /** The facility's name as the backup registered it; '' for the default facility (roots indexed without one). */
  function facilityName(facility) {
    return facility && facility.name ? facility.name : '';
  }

  /* ---------------- chart ---------------- */

  let currentPatient = null;

  function openPatient(patientId) {
    location.hash = '#/patient/' + encodeURIComponent(patientId);
  }

  function route() {
    const prefix = '#/patient/';
    if (location.hash.indexOf(prefix) === 0) {
      let id;
      try {
        id = decodeURIComponent(location.hash.substring(prefix.length));
      } catch (e) {
        id = null;
      }
      if (id) {
        showPatient(id);
        return;
      }
    }
    showSearch();
  }

  function showSearch() {
    currentPatient = null;
    $('chart').hidden = true;
    $('search-panel').hidden = false;
    $('q').focus();
  }

  async function showPatient(patientId) {
    currentPatient = patientId;
    $('search-panel').hidden = true;
    $('chart').hidden = false;
    $('raw-panel').hidden = true;
    $('not-found').hidden = true;
    $('chart-body').hidden = false;
    resetChart();
    $('chart-status').textContent = '読み込み中…';
    window.scrollTo(0, 0);
    try {
      const chart = await getJson('/api/patients/' + encodeURIComponent(patientId));
      if (currentPatient !== patientId) return;
      renderChart(chart);
      $('chart-status').textContent = '';
    } catch (e) {
      if (currentPatient !== patientId) return;
      if (e.status === 404) {
        showNotFound(patientId);
      } else if (e.status === 409 && e.body && Array.isArray(e.body.candidates)) {
        // the ID alone names patients of several facilities: the clinician chooses, the viewer never does
        $('chart-status').textContent = e.message;
        const list = el('ul', 'candidates', e.body.candidates.map((c) => {
          const item = text('li', 'hit', (facilityName(c.facility) || c.facility.code) + ' — ' + (c.name || ''));
          item.tabIndex = 0;
          item.setAttribute('role', 'button');
          item.addEventListener('click', () => openPatient(c.key));
          return item;
        }));
        $('chart-status').appendChild(list);
      } else {
        $('chart-status').textContent = '読み込めませんでした: ' + e.message;
      }
      return;
    }
    loadRecords();
  }

  function showNotFound(patientId) {
    $('chart-body').hidden = true;
    $('not-found').hidden = false;
    $('patient-name').textContent = '見つかりません';
    $('patient-id').textContent = patientId;
    $('not-found-text').textContent = '患者ID「' + patientId + '」の患者はこのバックアップにありません。'
      + 'ID を確かめるか、氏名・生年月日で検索してください。';
    document.title = '見つかりません - SS-MIX2 緊急時閲覧';
  }

  function resetChart() {
    $('patient-facility').hidden = true;
    for (const id of ['allergy-banner', 'allergy-chip', 'patient-name', 'patient-kana', 'patient-id', 'patient-facility',
      'patient-agesex',
      'patient-birth', 'patient-sex', 'patient-address', 'patient-phones', 'notes', 'lab-matrix', 'raw', 'raw-title',
      'data-as-of', 'meds-note', 'labs-note', 'contraindications']) {
      clear($(id));
    }
    $('contraindications').hidden = true;
    $('labs-older').hidden = true;
    $('meds-older').hidden = true;
    $('allergy-banner').className = '';
    $('allergy-chip').className = 'allergy-chip';
    for (const id of ['prescriptions', 'problems', 'encounters', 'vitals', 'infections', 'timeline']) {
      clear($(id).tBodies[0]);
    }
  }

  let chartData = null;
  let showAllMeds = false;

  function renderChart(chart) {
    chartData = chart;
    renderAllergies(chart);
    $('patient-name').textContent = chart.name || '（氏名なし）';
    $('patient-kana').textContent = [displayKana(chart.kana), chart.romaji].filter((s) => s).join(' / ');
    $('patient-id').textContent = chart.patientId;
    $('patient-facility').textContent = facilityName(chart.facility);
    $('patient-facility').hidden = !facilityName(chart.facility);
    $('patient-agesex').textContent = (chart.age == null ? '年齢不明' : chart.age + '歳') + ' ' + sexText(chart.sex);
    $('patient-birth').textContent = birthText(chart.birthDate, chart.age);
    $('patient-sex').textContent = sexText(chart.sex);
    $('patient-address').textContent = chart.address || '—';
    $('patient-phones').textContent = (chart.phones || []).join(', ') || '—';
    $('data-as-of').textContent = asOfText(chart);
    document.title = (chart.name || chart.patientId) + ' - SS-MIX2 緊急時閲覧';
    for (const note of chart.notes || []) {
      $('notes').appendChild(text('li', 'note', note));
    }
    showAllMeds = !Array.isArray(chart.activeMedications);
    renderMedications();
    renderLabs(chart);
    // An ambiguous value is shown raw with a mark, never as a parsed part of it.
    fillTable('vitals', chart.vitals, (v) => [v.time, v.item, (v.ambiguity ? '⚠' : '') + v.value, v.unit],
      (row, v) => { if (v.ambiguity) { row.classList.add('ambiguous'); row.title = '曖昧な値（送信元の表記のまま）: ' + v.ambiguity; } });
    // Infection serology as sent (the newest value of each test); the viewer does not judge positive or negative.
    fillTable('infections', chart.infections, (r) => {
      const latest = (r.cells || [])[0] || {};
      return [r.name || r.code, (latest.ambiguity ? '⚠' : '') + (latest.value || '')
        + (isAbnormal(latest.abnormalFlag) ? ' ' + latest.abnormalFlag.trim().toUpperCase() : ''),
      String(latest.column || '').substring(0, 10), latest.unit || r.unit];
    }, (row, r) => linkToRaw(row, ((r.cells || [])[0] || {}).recordId));
    fillTable('problems', chart.problems, (p) => [p.name, p.icd10, p.onset, p.status || '—']);
    fillTable('encounters', chart.encounters, (e) => [e.date, e.kind, e.department, e.ward]);
  }

  /** How old the backup is: the patient's newest record and, when known, the newest record of the whole storage. */
  function asOfText(chart) {
    const asOf = chart.dataAsOf || {};
    if (asOf.patient || asOf.storage) {
      return 'データ時点: ' + [asOf.patient ? 'この患者の最新記録 ' + asOf.patient : '',
        asOf.storage ? 'バックアップ全体の最新記録 ' + asOf.storage : ''].filter((s) => s).join(' ／ ')
        + '（これ以降の記録はありません）';
    }
    const dates = [].concat((chart.encounters || []).map((e) => e.date), (chart.prescriptions || []).map((p) => p.date),
      (chart.labs || []).map((l) => l.date)).filter((d) => d).sort();
    return 'データ時点: ' + (dates.length ? 'この患者の最新記録 ' + dates[dates.length - 1] : '不明（日付のある記録がありません）');
  }

  /** Current prescriptions by default (a nurse reads 現行 as "taking now"); すべて lists every order. */
  function renderMedications() {
    const chart = chartData;
    if (!chart) return;
    const all = chart.prescriptions || [];
    const hasActive = Array.isArray(chart.activeMedications);
    const active = hasActive ? chart.activeMedications : all;
    $('meds-active').textContent = '現在の処方（' + active.length + '）';
    $('meds-all').textContent = 'すべて（' + all.length + '）';
    $('meds-active').hidden = !hasActive;
    $('meds-active').setAttribute('aria-pressed', String(!showAllMeds));
    $('meds-all').setAttribute('aria-pressed', String(showAllMeds));
    const shown = showAllMeds ? all : active;
    const note = $('meds-note');
    if (!showAllMeds && active.length === 0 && all.length > 0) {
      note.textContent = '現在続いている処方・注射はありません（最終の処方日 ' + all[0].date + '）。「すべて」で過去の処方を表示します。';
    } else if (showAllMeds && hasActive) {
      note.textContent = '過去の処方も含めて新しい順に表示しています。灰色は終了した処方です。';
    } else {
      note.textContent = '';
    }
    $('meds-older').hidden = !(showAllMeds && chart.prescriptionsOlderBefore);
    fillTable('prescriptions', shown, (p) => [p.date, p.start, p.kind, p.drug, p.dose, p.unit, p.usage, p.days, p.route],
      (row, p) => {
        row.classList.add(p.kind === '注射' ? 'kind-injection' : 'kind-prescription');
        if (hasActive && p.active === false) row.classList.add('inactive');
      });
  }

  function renderAllergies(chart) {
    renderContraindications(chart.contraindications || []);
    const banner = $('allergy-banner');
    const chip = $('allergy-chip');
    const allergies = chart.allergies || [];
    const state = chart.allergyState || (allergies.length > 0 ? 'recorded'
      : chart.allergiesRecorded ? 'none' : 'not-recorded');
    if (state === 'recorded') {
      banner.className = 'allergy-present';
      chip.classList.add('allergy-present');
      chip.textContent = '⚠ アレルギー 登録あり: ' + allergies.map((a) => a.allergen).join('、');
      banner.appendChild(text('strong', 'allergy-title', '⚠ アレルギー 登録あり（' + allergies.length + '件）'));
      const list = el('ul', 'allergy-list');
      for (const a of allergies) {
        const details = [a.type, a.severity, a.reaction].filter((s) => s).join(' / ');
        list.appendChild(el('li', 'allergy', [text('span', 'allergen', a.allergen || '（名称なし）'),
          details ? text('span', 'allergy-details', '：' + details) : '']));
      }
      banner.appendChild(list);
    } else if (state === 'none') {
      banner.className = 'allergy-none';
      chip.classList.add('allergy-none');
      chip.textContent = 'アレルギー:「アレルギーなし」と登録';
      banner.textContent = 'アレルギー:「アレルギーなし」と登録（アレルギー記録に、登録されたアレルギーはありません）';
    } else {
      banner.className = 'allergy-unknown';
      chip.classList.add('allergy-unknown');
      chip.textContent = 'アレルギー: 未登録（確認が必要）';
      banner.textContent = 'アレルギー: 未登録（確認が必要）— アレルギーの記録がなく、有無は不明です。本人・家族に確認してください';
    }
  }

  /** 禁忌 (allergy type MC) as sent, next to the allergy banner; not counted as allergies. */
  function renderContraindications(items) {
    const box = $('contraindications');
    if (items.length === 0) return;
    box.hidden = false;
    box.appendChild(text('strong', 'contra-title', '禁忌（' + items.length + '件）'));
    const list = el('ul', 'contra-list');
    for (const c of items) {
      const details = [c.severity, c.reaction].filter((s) => s).join(' / ');
      list.appendChild(el('li', '', [text('span', 'allergen', c.allergen || '（名称なし）'),
        details ? text('span', 'allergy-details', '：' + details) : '']));
    }
    box.appendChild(list);
  }

  /** Fills a table body; rows with a recordId open the HL7 message when tapped. */
  function fillTable(tableId, items, cells, decorate) {
    const body = $(tableId).tBodies[0];
    clear(body);
    if (!items || items.length === 0) {
      const row = el('tr', 'empty', [text('td', '', '記録なし')]);
      row.firstChild.colSpan = $(tableId).tHead.rows[0].cells.length;
      body.appendChild(row);
      return;
    }
    for (const item of items) {
      const row = el('tr', '', cells(item).map((value) => text('td', '', value)));
      if (decorate) decorate(row, item);
      linkToRaw(row, item.recordId);
      body.appendChild(row);
    }
  }

  function linkToRaw(node, recordId) {
    if (!recordId) return;
    node.classList.add('has-record');
    node.dataset.recordId = recordId;
    node.tabIndex = 0;
    node.addEventListener('click', () => showRaw(recordId, node));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') showRaw(recordId, node);
    });
  }

  /**
   * Rows = tests grouped by specimen and category, columns = collection times (newest first), cells flagged by
   * OBX-8. The server's lab table is used when it sends one; otherwise the flat list is grouped by specimen here.
   */
  let labModel = null;

  function renderLabs(chart) {
    labModel = chart.labTable && (chart.labTable.columns || []).length > 0 ? chart.labTable : labTableOf(chart.labs || []);
    renderLabModel(labModel);
  }

  function renderLabModel(model) {
    const table = $('lab-matrix');
    clear(table);
    if (model.columns.length === 0) {
      table.appendChild(el('tbody', '', [el('tr', 'empty', [text('td', '', '記録なし')])]));
      return;
    }
    const head = el('thead', '', [el('tr', '', [text('th', 'lab-name sticky-col', '検査項目'),
      text('th', 'lab-unit-head sticky-col', '単位'), text('th', 'lab-range-head sticky-col', '基準値')]
      .concat(model.columns.map((d) => text('th', 'lab-date', d))))]);
    const body = el('tbody');
    for (const group of model.groups) {
      const title = [group.specimen, group.categoryName].filter((s) => s).join(' ・ ') || 'その他';
      const groupRow = el('tr', 'lab-group', [text('th', 'lab-group-title', title)]);
      groupRow.firstChild.colSpan = 3;
      const filler = el('th', 'lab-group-fill');
      filler.colSpan = model.columns.length;
      groupRow.appendChild(filler);
      body.appendChild(groupRow);
      for (const test of group.rows) {
        const row = el('tr', 'lab-row', [text('th', 'lab-name sticky-col', test.name || test.code),
          text('td', 'lab-unit sticky-col', test.unit), text('td', 'lab-range sticky-col', test.referenceRange)]);
        row.firstChild.title = test.name || test.code;
        const byColumn = new Map();
        for (const cell of test.cells || []) {
          if (!byColumn.has(cell.column)) byColumn.set(cell.column, []);
          byColumn.get(cell.column).push(cell);
        }
        for (const column of model.columns) {
          row.appendChild(labCell(byColumn.get(column) || []));
        }
        body.appendChild(row);
      }
    }
    table.appendChild(head);
    table.appendChild(body);
    $('labs-note').textContent = model.olderBefore
      ? model.olderBefore + ' より前の結果もあります（下のボタンで表示します）。' : '';
    $('labs-older').hidden = !model.olderBefore;
    pinColumns(table);
    measureHeader();
  }

  /**
   * Older results a page at a time (the chart itself sends only the newest dates): the page's columns go to the right
   * of the shown ones, its rows into their groups.
   */
  async function loadOlderLabs() {
    const patientId = currentPatient;
    const model = labModel;
    if (!patientId || !model || !model.olderBefore) return;
    $('labs-older').disabled = true;
    try {
      const page = await getJson('/api/patients/' + encodeURIComponent(patientId) + '/labs?before='
        + encodeURIComponent(model.olderBefore));
      if (currentPatient !== patientId || labModel !== model) return;
      labModel = mergeLabs(model, page);
      renderLabModel(labModel);
    } catch (e) {
      $('labs-note').textContent = '前の結果を読み込めませんでした: ' + e.message;
    } finally {
      $('labs-older').disabled = false;
    }
  }

  function mergeLabs(model, page) {
    const groups = model.groups.map((g) => ({ specimen: g.specimen, category: g.category, categoryName: g.categoryName,
      rows: g.rows.map((r) => Object.assign({}, r, { cells: (r.cells || []).slice() })) }));
    for (const pg of page.groups || []) {
      let group = groups.find((g) => g.specimen === pg.specimen && (g.category || '') === (pg.category || ''));
      if (!group) {
        group = { specimen: pg.specimen, category: pg.category, categoryName: pg.categoryName, rows: [] };
        groups.push(group);
      }
      for (const pr of pg.rows || []) {
        const row = group.rows.find((r) => r.code === pr.code && r.name === pr.name);
        if (row) {
          row.cells = row.cells.concat(pr.cells || []);
        } else {
          group.rows.push(pr);
        }
      }
    }
    return { columns: model.columns.concat(page.columns || []), groups: groups, olderBefore: page.olderBefore || '' };
  }

  /** Older prescriptions and injections a page at a time, appended under the ones shown. */
  async function loadOlderMedications() {
    const patientId = currentPatient;
    const chart = chartData;
    if (!patientId || !chart || !chart.prescriptionsOlderBefore) return;
    $('meds-older').disabled = true;
    try {
      const page = await getJson('/api/patients/' + encodeURIComponent(patientId) + '/medications?before='
        + encodeURIComponent(chart.prescriptionsOlderBefore));
      if (currentPatient !== patientId || chartData !== chart) return;
      chart.prescriptions = (chart.prescriptions || []).concat(page.prescriptions || []);
      chart.prescriptionsOlderBefore = page.olderBefore || '';
      renderMedications();
    } catch (e) {
      $('meds-note').textContent = '前の処方を読み込めませんでした: ' + e.message;
    } finally {
      $('meds-older').disabled = false;
    }
  }

  /** The lab box fits under the pinned header, so its own date row is never hidden behind it. */
  function measureHeader() {
    document.documentElement.style.setProperty('--chart-header-height', $('chart-header').offsetHeight + 'px');
  }

  /** The flat lab list as a table: columns newest first, groups by specimen, rows in order of first appearance. */
  function labTableOf(labs) {
    const columns = Array.from(new Set(labs.map((l) => l.date))).sort().reverse();
    const groups = new Map();
    for (const lab of labs) {
      const specimen = lab.specimen || '';
      if (!groups.has(specimen)) groups.set(specimen, { specimen: specimen, categoryName: '', rows: new Map() });
      const rows = groups.get(specimen).rows;
      const key = lab.code || lab.name;
      if (!rows.has(key)) rows.set(key, { code: lab.code, name: lab.name, unit: '', referenceRange: '', cells: [] });
      const row = rows.get(key);
      if (!row.unit) row.unit = lab.unit;
      if (!row.referenceRange) row.referenceRange = lab.referenceRange;
      row.cells.push({ column: lab.date, value: lab.value, unit: lab.unit, abnormalFlag: lab.abnormalFlag,
        ambiguity: lab.ambiguity || '', recordId: lab.recordId });
    }
    return { columns: columns, groups: Array.from(groups.values()).map((g) => ({ specimen: g.specimen,
      categoryName: g.categoryName, rows: Array.from(g.rows.values()) })) };
  }

  /** Sticks the test, unit and range columns side by side: each one's left edge is the width of those before it. */
  function pinColumns(table) {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    const lefts = [0, head.cells[0].offsetWidth, head.cells[0].offsetWidth + head.cells[1].offsetWidth];
    for (const row of table.rows) {
      if (row.classList.contains('lab-group')) continue;
      for (let i = 0; i < 3 && i < row.cells.length; i++) {
        row.cells[i].style.left = lefts[i] + 'px';
      }
    }
  }

  function labCell(results) {
    const cell = el('td', 'lab-value');
    results.forEach((lab, i) => {
      if (i > 0) cell.appendChild(document.createTextNode(' / '));
      if (lab.ambiguity) {
        // The sender's text does not fit its type (e.g. an unescaped ^): show it raw and marked, never a part of it.
        const mark = text('span', 'ambiguous-mark', '⚠');
        mark.title = '曖昧な値（送信元の表記のまま）: ' + lab.ambiguity;
        cell.classList.add('ambiguous');
        cell.appendChild(mark);
      }
      const value = text('span', 'value', lab.value);
      cell.appendChild(value);
      if ((lab.comments || []).length > 0) {
        // The sender's comment on this value (NTE), e.g. 溶血あり: marked here, its text in the title and the raw view.
        const note = text('span', 'comment-mark', '※');
        note.title = 'コメント: ' + lab.comments.join(' / ');
        cell.classList.add('has-comment');
        cell.appendChild(note);
      }
      if (isAbnormal(lab.abnormalFlag)) {
        const flag = lab.abnormalFlag.trim().toUpperCase();
        cell.classList.add('abnormal');
        // Only letters reach the class name; the flag itself is shown as text.
        cell.classList.add('flag-' + flag.replace(/[^A-Z]/g, ''));
        cell.appendChild(text('span', 'flag', ' ' + flag));
      }
    });
    if (results.length === 1) linkToRaw(cell, results[0].recordId);
    return cell;
  }

  /* ---------------- records & raw HL7 ---------------- */

  async function loadRecords() {
    const patientId = currentPatient;
    if (!patientId) return;
    const history = $('show-history').checked;
    const body = $('timeline').tBodies[0];
    clear(body);
    try {
      const rows = await getJson('/api/patients/' + encodeURIComponent(patientId) + '/records?history=' + history);
      if (currentPatient !== patientId || history !== $('show-history').checked) return;
      fillTable('timeline', rows, (r) => [r.date || '（日付なし）', r.dataType + ' ' + r.dataTypeName, r.summary,
        STATUS[r.status] || r.status, orderNoText(r.orderNo)], (row, r) => {
        row.classList.add('record-row');
        if (Object.prototype.hasOwnProperty.call(STATUS, r.status)) row.classList.add('status-' + r.status);
        row.title = r.file;
      });
    } catch (e) {
      if (currentPatient !== patientId) return;
      body.appendChild(el('tr', 'empty', [text('td', '', '記録一覧を読み込めませんでした: ' + e.message)]));
    }
  }

  let tapped = null;

  async function showRaw(recordId, origin) {
    const panel = $('raw-panel');
    if (tapped) tapped.classList.remove('tapped');
    tapped = origin || null;
    if (tapped) tapped.classList.add('tapped');
    panel.hidden = false;
    placeNextTo(panel, origin);
    $('raw-title').textContent = '読み込み中…';
    $('raw').textContent = '';
    try {
      const raw = await getJson('/api/records/' + encodeURIComponent(recordId) + '/raw');
      const status = raw.status === 'current' ? '' : '【' + (STATUS[raw.status] || raw.status) + '】 ';
      $('raw-title').textContent = status + raw.file + '（' + raw.charset + '）';
      $('raw').textContent = raw.text;
    } catch (e) {
      $('raw-title').textContent = 'HL7 メッセージを読み込めませんでした: ' + e.message;
    }
    placeNextTo(panel, origin);
  }

  /**
   * Below the tapped row or cell when the message fits there, else above it, else on the roomier side with its height
   * cut to fit: never over the tapped value, never under the pinned patient header.
   */
  function placeNextTo(panel, origin) {
    const margin = 8;
    const headerBottom = $('chart-header').getBoundingClientRect().bottom;
    panel.style.maxHeight = '';
    if (!origin) {
      panel.style.top = Math.max(headerBottom + margin, (window.innerHeight - panel.offsetHeight) / 2) + 'px';
      return;
    }
    const rect = origin.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom - 2 * margin;
    const above = rect.top - Math.max(headerBottom, 0) - 2 * margin;
    const height = panel.offsetHeight;
    let top;
    if (height <= below || below >= above) {
      top = rect.bottom + margin;
      if (height > below) panel.style.maxHeight = Math.max(below, 120) + 'px';
    } else {
      const h = Math.min(height, above);
      if (height > above) panel.style.maxHeight = Math.max(above, 120) + 'px';
      top = rect.top - margin - h;
    }
    panel.style.top = top + 'px';
  }

  function closeRaw() {
    $('raw-panel').hidden = true;
    if (tapped) {
      tapped.classList.remove('tapped');
      tapped.focus();
      tapped = null;
    }
  }

  /* ---------------- session ---------------- */

  async function loadSession() {
    try {
      const session = await getJson('/api/session');
      if (session.loginRequired) {
        $('session-user').textContent = '利用者: ' + session.user;
        $('logout-form').hidden = false;
      }
      // several hospitals in one backup: a filter (default: every facility)
      const facilities = session.facilities || [];
      if (facilities.length > 1) {
        const select = $('facility-filter');
        for (const f of facilities) {
          const option = document.createElement('option');
          option.value = f.code;
          option.textContent = (f.name || '施設コードなし') + ' (' + f.code + ')';
          select.appendChild(option);
        }
        $('facility-filter-label').hidden = false;
      }
    } catch (e) {
      // The page still works for searching; the header just stays empty.
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('q').addEventListener('input', scheduleSearch);
    $('facility-filter').addEventListener('change', runSearch);
    $('back').addEventListener('click', () => {
      location.hash = '';
    });
    $('show-history').addEventListener('change', loadRecords);
    $('raw-close').addEventListener('click', closeRaw);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !$('raw-panel').hidden) closeRaw();
    });
    $('not-found-back').addEventListener('click', () => {
      location.hash = '';
    });
    $('meds-active').addEventListener('click', () => {
      showAllMeds = false;
      renderMedications();
    });
    $('labs-older').addEventListener('click', loadOlderLabs);
    $('meds-older').addEventListener('click', loadOlderMedications);
    $('meds-all').addEventListener('click', () => {
      showAllMeds = true;
      renderMedications();
    });
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', measureHeader);
    loadSession();
    route();
  });
})();
