// The level report: communes per level per province (and district on the 2024 map), the criteria holding them below
// their next level, and the trend over the years evaluated on 2025 communes. On the host it reads
// /api/reports/levels; in the file `./pipeline report levels` writes, the same report is embedded as JSON
// (#report-data) and nothing is fetched. Charts are SVG drawn here (no library, no outside request); text from the
// warehouse is always set as textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#d4d4d8", "#bae6fd", "#7dd3fc", "#38bdf8", "#0284c7", "#0c4a6e"];
const LEVELS = [0, 1, 2, 3, 4, 5];

const element = (tag, text, className) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
};

const shape = (parent, tag, attributes, text) => {
  const e = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, String(value));
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
};

const cell = (row, text, className) => {
  const td = row.insertCell();
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
};

const percent = (part, whole) => (whole === 0 ? "0%" : `${Math.round((part * 100) / whole)}%`);
const levelName = (report, level) => `${level} ${report.levelNames[level]}`;
const areaName = (a) => (a.districtCode ? `${a.districtCode} ${a.districtName}` : `${a.provinceCode} ${a.provinceName}`);

// An SVG drawn at its natural size in pixels (text stays legible), shrinking only when the window is narrower.
function canvas(width, height) {
  const chart = document.createElementNS(SVG, "svg");
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.setAttribute("width", width);
  chart.setAttribute("height", height);
  chart.setAttribute("role", "img");
  chart.classList.add("chart");
  return chart;
}

// Horizontal bars, one per row, split by level; each segment's width is its share of the row's evaluated communes.
function horizontalBars(container, report, rows) {
  const labelWidth = 220, barWidth = 520, countWidth = 70, rowHeight = 22;
  const chart = canvas(labelWidth + barWidth + countWidth, rows.length * rowHeight + 4);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 2;
    shape(chart, "text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end" }, row.label);
    let x = labelWidth;
    for (const level of LEVELS) {
      const count = row.counts.levels[level];
      if (count === 0) continue;
      const width = (count / row.counts.evaluated) * barWidth;
      const segment = shape(chart, "rect", { x, y, width, height: rowHeight - 6, fill: COLOURS[level] });
      shape(segment, "title", {}, `${row.label}: level ${levelName(report, level)}, ${count} communes (${percent(count, row.counts.evaluated)})`);
      x += width;
    }
    shape(chart, "text", { x: labelWidth + barWidth + 6, y: y + 14 }, String(row.counts.evaluated));
  });
  container.replaceChildren(chart);
}

// Vertical bars, one per assessment year, split by level as shares of the year's evaluated communes.
function yearBars(container, report, years) {
  const barWidth = 56, gap = 28, height = 180, top = 8, axis = 24;
  const chart = canvas(Math.max(1, years.length) * (barWidth + gap) + gap, top + height + axis);
  years.forEach((year, i) => {
    const x = gap + i * (barWidth + gap);
    let y = top + height;
    for (const level of LEVELS) {
      const count = year.counts.levels[level];
      if (count === 0) continue;
      const h = (count / year.counts.evaluated) * height;
      y -= h;
      const segment = shape(chart, "rect", { x, y, width: barWidth, height: h, fill: COLOURS[level] });
      shape(segment, "title", {}, `${year.year}: level ${levelName(report, level)}, ${count} communes (${percent(count, year.counts.evaluated)})`);
    }
    shape(chart, "text", { x: x + barWidth / 2, y: top + height + 16, "text-anchor": "middle" }, String(year.year));
  });
  container.replaceChildren(chart);
}

function legend(report) {
  const box = document.getElementById("legend");
  box.replaceChildren();
  for (const level of LEVELS) {
    const swatch = element("span", "", "swatch");
    swatch.style.background = COLOURS[level];
    const item = element("span", undefined, "legend-item");
    item.append(swatch, ` ${levelName(report, level)}`);
    box.appendChild(item);
  }
}

function levelHeaders(report) {
  for (const row of document.querySelectorAll("tr.levels")) {
    row.replaceChildren();
    for (const _ of ["reached", "attainable"]) {
      for (const level of LEVELS) {
        const th = element("th", String(level));
        th.title = levelName(report, level);
        row.appendChild(th);
      }
    }
  }
}

function countCells(row, counts) {
  for (const level of LEVELS) cell(row, String(counts.levels[level]), "count");
  for (const level of LEVELS) cell(row, String(counts.attainable[level]), "count attainable");
}

const mostBlocking = (criteria) => criteria.filter((c) => c.blocking > 0).slice(0, 3);

function areas(report) {
  const body = document.querySelector("#areas tbody");
  body.replaceChildren();
  for (const a of report.areas) {
    const row = body.insertRow();
    row.dataset.province = a.provinceCode;
    if (a.districtCode) {
      row.dataset.district = a.districtCode;
      row.className = "district";
    }
    cell(row, areaName(a), "area");
    cell(row, `${a.counts.evaluated} of ${a.communes}`, "evaluated");
    countCells(row, a.counts);
    const top = mostBlocking(a.criteria);
    const blocking = cell(row, top.map((c) => `${c.criterion} (${c.blocking})`).join(", "), "blocking");
    blocking.title = top.map((c) => `${c.criterion}: ${c.name}`).join("\n");
  }
  const foot = document.querySelector("#areas tfoot");
  foot.replaceChildren();
  const total = foot.insertRow();
  total.dataset.province = "all";
  cell(total, "All provinces shown", "area");
  cell(total, `${report.total.counts.evaluated} of ${report.total.communes}`, "evaluated");
  countCells(total, report.total.counts);
  cell(total, mostBlocking(report.total.criteria).map((c) => `${c.criterion} (${c.blocking})`).join(", "), "blocking");

  const provinces = report.areas.filter((a) => !a.districtCode).map((a) => ({ label: areaName(a), counts: a.counts }));
  horizontalBars(document.getElementById("distribution-chart"), report, provinces);
}

function criteria(report) {
  const body = document.querySelector("#criteria-table tbody");
  body.replaceChildren();
  const widest = Math.max(1, ...report.criteria.map((c) => c.blocking));
  for (const c of report.criteria) {
    const row = body.insertRow();
    row.dataset.criterion = c.criterion;
    cell(row, c.criterion, "code");
    cell(row, c.name);
    const blocking = cell(row, "", "bar-cell");
    const bar = document.createElementNS(SVG, "svg");
    bar.setAttribute("viewBox", "0 0 200 14");
    bar.classList.add("bar");
    if (c.blocking > 0) shape(bar, "rect", { x: 0, y: 2, width: (c.blocking / widest) * 200, height: 10, fill: "#0284c7" });
    blocking.append(bar, element("span", String(c.blocking), "count"));
    cell(row, String(c.missing), "count");
  }
}

function trend(report) {
  const years = report.trend.filter((t) => t.provinceCode === null);
  const body = document.querySelector("#trend-table tbody");
  body.replaceChildren();
  for (const t of years) {
    const row = body.insertRow();
    row.dataset.year = t.year;
    cell(row, String(t.year));
    cell(row, String(t.counts.evaluated), "evaluated");
    countCells(row, t.counts);
    cell(row, t.simulated ? "SIMULATED" : "", t.simulated ? "simulated" : "");
  }
  const provinces = document.querySelector("#trend-provinces tbody");
  provinces.replaceChildren();
  for (const t of report.trend.filter((r) => r.provinceCode !== null)) {
    const row = provinces.insertRow();
    row.dataset.year = t.year;
    row.dataset.province = t.provinceCode;
    cell(row, String(t.year));
    cell(row, `${t.provinceCode} ${t.provinceName}`);
    cell(row, String(t.counts.evaluated), "evaluated");
    countCells(row, t.counts);
  }
  yearBars(document.getElementById("trend-chart"), report, years);
}

function header(report) {
  document.title = `Levels ${report.year}, ${report.framework}`;
  const evaluated = report.evaluatedAt ? `; levels stored ${report.evaluatedAt.replace("T", " ").slice(0, 16)} UTC` : "";
  document.getElementById("subtitle").textContent =
    `${report.instrument} (${report.framework}): ${report.frameworkTitle}. Communes of the ${report.era} map, assessment year ${report.year}${evaluated}.`;
  const simulated = document.getElementById("simulated");
  simulated.hidden = !report.simulated;
  simulated.textContent = report.simulated
    ? `SIMULATED: facts of ${report.year} come from the bundled simulators of the national systems, so these levels may rest on simulated data. They show how the pipeline works, not how the communes stand.`
    : "";
}

function render(report) {
  header(report);
  const status = document.getElementById("status");
  const main = document.getElementById("report");
  if (report.total.counts.evaluated === 0) {
    status.textContent = `No commune of the ${report.era} map has a stored ${report.framework} level for ${report.year}.`;
    main.hidden = true;
    return;
  }
  status.textContent = "";
  legend(report);
  levelHeaders(report);
  areas(report);
  criteria(report);
  trend(report);
  main.hidden = false;
}

// On the host: the evaluation asked for in the address (framework, era, year), or the API's default (the latest year).
async function load(query) {
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  // Absolute from location.origin: a page opened as http://user:pass@host/ would otherwise refuse relative fetches.
  const response = await fetch(new URL(`/api/reports/levels?${query}`, window.location.origin), { credentials: "same-origin" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  render(body);
  choices(body);
}

function choices(report) {
  const form = document.getElementById("choose");
  const select = form.elements.evaluation;
  select.replaceChildren();
  for (const e of report.evaluations) {
    const option = element("option", `${e.year} on the ${e.era} map`);
    option.value = `${e.era}:${e.year}`;
    option.selected = e.era === report.era && e.year === report.year;
    select.appendChild(option);
  }
  form.hidden = report.evaluations.length === 0;
  form.dataset.framework = report.framework;
}

function start() {
  const embedded = document.getElementById("report-data");
  if (embedded) {
    const report = JSON.parse(embedded.textContent);
    render(report);
    document.getElementById("origin").textContent =
      `Written by ./pipeline report levels from the warehouse. Evaluations stored: ${report.evaluations.map((e) => `${e.year} (${e.era} map)`).join(", ")}.`;
    return;
  }
  const form = document.getElementById("choose");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const [era, year] = form.elements.evaluation.value.split(":");
    const query = new URLSearchParams({ framework: form.dataset.framework, era, year });
    history.replaceState(null, "", `?${query}`);
    load(query).catch(failed);
  });
  load(new URLSearchParams(window.location.search)).catch(failed);
}

function failed(error) {
  document.getElementById("status").textContent = `Could not load the report: ${error.message}`;
  document.getElementById("report").hidden = true;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
