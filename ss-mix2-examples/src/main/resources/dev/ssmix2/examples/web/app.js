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
      const answer = await getJson('/api/search?q=' + encodeURIComponent(query) + '&limit=' + SEARCH_LIMIT);
      if (seq !== searchSeq) return; // a newer keystroke already asked again
      renderHits(answer.hits || []);
      $('search-status').textContent = answer.hits.length === 0 ? '該当する患者はいません'
        : answer.hits.length + ' 件' + (answer.hint ? ' — ' + answer.hint : '');
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
        el('div', 'hit-main', [text('span', 'hit-name', hit.name), text('span', 'hit-kana', hit.kana)]),
        el('div', 'hit-sub', [
          text('span', 'hit-birth', birthText(hit.birthDate, hit.age)),
          text('span', 'hit-sex', sexText(hit.sex)),
          text('span', 'hit-id', '患者ID ' + hit.patientId),
          tags,
        ]),
      ]);
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      item.dataset.patientId = hit.patientId;
      const open = () => openPatient(hit.patientId);
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
    resetChart();
    $('chart-status').textContent = '読み込み中…';
    try {
      const chart = await getJson('/api/patients/' + encodeURIComponent(patientId));
      if (currentPatient !== patientId) return;
      renderChart(chart);
      $('chart-status').textContent = '';
    } catch (e) {
      if (currentPatient !== patientId) return;
      $('chart-status').textContent = e.status === 404 ? 'この患者は見つかりません' : '読み込めませんでした: ' + e.message;
      return;
    }
    loadRecords();
  }

  function resetChart() {
    for (const id of ['allergy-banner', 'patient-name', 'patient-kana', 'patient-id', 'patient-birth', 'patient-sex',
      'patient-address', 'patient-phones', 'notes', 'lab-matrix', 'raw', 'raw-title']) {
      clear($(id));
    }
    $('allergy-banner').className = '';
    for (const id of ['prescriptions', 'problems', 'encounters', 'vitals', 'timeline']) {
      clear($(id).tBodies[0]);
    }
  }

  function renderChart(chart) {
    renderAllergies(chart);
    $('patient-name').textContent = chart.name || '（氏名なし）';
    $('patient-kana').textContent = [chart.kana, chart.romaji].filter((s) => s).join(' / ');
    $('patient-id').textContent = chart.patientId;
    $('patient-birth').textContent = birthText(chart.birthDate, chart.age);
    $('patient-sex').textContent = sexText(chart.sex);
    $('patient-address').textContent = chart.address || '—';
    $('patient-phones').textContent = (chart.phones || []).join(', ') || '—';
    document.title = (chart.name || chart.patientId) + ' - SS-MIX2 緊急時閲覧';
    for (const note of chart.notes || []) {
      $('notes').appendChild(text('li', 'note', note));
    }
    fillTable('prescriptions', chart.prescriptions, (p) => [p.date, p.start, p.kind, p.drug, p.dose, p.unit, p.usage, p.days, p.route],
      (row, p) => row.classList.add(p.kind === '注射' ? 'kind-injection' : 'kind-prescription'));
    renderLabs(chart.labs || []);
    // An ambiguous value is shown raw with a mark, never as a parsed part of it.
    fillTable('vitals', chart.vitals, (v) => [v.time, v.item, (v.ambiguity ? '⚠' : '') + v.value, v.unit],
      (row, v) => { if (v.ambiguity) { row.classList.add('ambiguous'); row.title = '曖昧な値（送信元の表記のまま）: ' + v.ambiguity; } });
    fillTable('problems', chart.problems, (p) => [p.name, p.icd10, p.onset, p.status]);
    fillTable('encounters', chart.encounters, (e) => [e.date, e.kind, e.department, e.ward]);
  }

  function renderAllergies(chart) {
    const banner = $('allergy-banner');
    const allergies = chart.allergies || [];
    if (allergies.length > 0) {
      banner.className = 'allergy-present';
      banner.appendChild(text('strong', 'allergy-title', '⚠ アレルギーあり（' + allergies.length + '件）'));
      const list = el('ul', 'allergy-list');
      for (const a of allergies) {
        const details = [a.type, a.severity, a.reaction].filter((s) => s).join(' / ');
        list.appendChild(el('li', 'allergy', [text('span', 'allergen', a.allergen || '（名称なし）'),
          details ? text('span', 'allergy-details', '：' + details) : '']));
      }
      banner.appendChild(list);
    } else if (chart.allergiesRecorded) {
      banner.className = 'allergy-none';
      banner.textContent = 'アレルギー情報なし（アレルギー記録あり：登録されたアレルギーはありません）';
    } else {
      banner.className = 'allergy-unknown';
      banner.textContent = 'アレルギー情報なし（未登録：アレルギーの有無は不明です。本人・家族に確認してください）';
    }
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
    node.addEventListener('click', () => showRaw(recordId));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') showRaw(recordId);
    });
  }

  /** Rows = tests, columns = dates (newest first), cells flagged by OBX-8. */
  function renderLabs(labs) {
    const table = $('lab-matrix');
    clear(table);
    if (labs.length === 0) {
      table.appendChild(el('tbody', '', [el('tr', 'empty', [text('td', '', '記録なし')])]));
      return;
    }
    const dates = Array.from(new Set(labs.map((l) => l.date))).sort().reverse();
    const tests = new Map();
    for (const lab of labs) {
      const key = lab.code || lab.name;
      if (!tests.has(key)) tests.set(key, { name: lab.name || lab.code, unit: '', range: '', byDate: new Map() });
      const test = tests.get(key);
      if (!test.unit) test.unit = lab.unit;
      if (!test.range) test.range = lab.referenceRange;
      if (!test.byDate.has(lab.date)) test.byDate.set(lab.date, []);
      test.byDate.get(lab.date).push(lab);
    }
    const head = el('thead', '', [el('tr', '', [text('th', 'lab-name', '検査項目'), text('th', '', '単位'),
      text('th', '', '基準値')].concat(dates.map((d) => text('th', 'lab-date', d))))]);
    const body = el('tbody');
    for (const test of tests.values()) {
      const row = el('tr', 'lab-row', [text('th', 'lab-name', test.name), text('td', 'lab-unit', test.unit),
        text('td', 'lab-range', test.range)]);
      for (const date of dates) {
        row.appendChild(labCell(test.byDate.get(date) || []));
      }
      body.appendChild(row);
    }
    table.appendChild(head);
    table.appendChild(body);
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
        STATUS[r.status] || r.status, r.orderNo], (row, r) => {
        row.classList.add('record-row');
        if (Object.prototype.hasOwnProperty.call(STATUS, r.status)) row.classList.add('status-' + r.status);
        row.title = r.file;
      });
    } catch (e) {
      if (currentPatient !== patientId) return;
      body.appendChild(el('tr', 'empty', [text('td', '', '記録一覧を読み込めませんでした: ' + e.message)]));
    }
  }

  async function showRaw(recordId) {
    const panel = $('raw-panel');
    panel.hidden = false;
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
    panel.scrollIntoView({ block: 'start' });
  }

  /* ---------------- session ---------------- */

  async function loadSession() {
    try {
      const session = await getJson('/api/session');
      if (session.loginRequired) {
        $('session-user').textContent = '利用者: ' + session.user;
        $('logout-form').hidden = false;
      }
    } catch (e) {
      // The page still works for searching; the header just stays empty.
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('q').addEventListener('input', scheduleSearch);
    $('back').addEventListener('click', () => {
      location.hash = '';
    });
    $('show-history').addEventListener('change', loadRecords);
    $('raw-close').addEventListener('click', () => {
      $('raw-panel').hidden = true;
    });
    window.addEventListener('hashchange', route);
    loadSession();
    route();
  });
})();
