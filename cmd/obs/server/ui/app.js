// Analyst UI: pick an indicator, level, public, vintage and classification;
// see the map (SVG from /maps), the ranked table (its text alternative) and
// a chart; pick a territory to see its fact sheet.
"use strict";
const $ = (id) => document.getElementById(id);
let catalogue = [];

function params() {
  const p = new URLSearchParams();
  for (const k of ["level", "public", "vintage", "method", "classes"]) {
    const v = $(k).value;
    if (v) p.set(k, v);
  }
  return p;
}

// dataParams are the parameters of /api/values and /charts, which refuse
// the map-only ones (method, classes).
function dataParams() {
  const p = params();
  p.delete("method");
  p.delete("classes");
  return p;
}

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.erreur || r.statusText);
  return body;
}

function option(value, label, selected) {
  const o = document.createElement("option");
  o.value = value; o.textContent = label; o.selected = !!selected;
  return o;
}

function fillIndicators() {
  const sel = $("indicator");
  const groups = {};
  for (const ind of catalogue) {
    if (ind.statut !== "disponible") continue; // counts are drawn with proportional symbols
    (groups[ind.theme_libelle] ||= []).push(ind);
  }
  for (const [theme, inds] of Object.entries(groups)) {
    const g = document.createElement("optgroup");
    g.label = theme;
    for (const ind of inds) g.appendChild(option(ind.id, ind.libelle, ind.id === "taux_chomage_15_64"));
    sel.appendChild(g);
  }
}

function current() { return catalogue.find((i) => i.id === $("indicator").value); }

function fillPublicsAndVintages() {
  const ind = current();
  const pub = $("public"), vin = $("vintage");
  const keepPub = pub.value, keepVin = vin.value;
  pub.replaceChildren(); vin.replaceChildren();
  for (const p of ind.publics) pub.appendChild(option(p.id, p.libelle, p.id === keepPub));
  for (const v of ind.millesimes) vin.appendChild(option(v, v, v === keepVin));
  if (![...vin.options].some((o) => o.selected) && vin.options.length) vin.options[vin.options.length - 1].selected = true;
  $("definition").textContent = `${ind.libelle} : ${ind.definition} Source : ${ind.source}.`;
}

async function refresh() {
  const ind = $("indicator").value;
  const p = params();
  const mapURL = `/maps/${ind}.svg?${p}`;
  $("map-svg").href = mapURL;
  $("map-png").href = `/maps/${ind}.png?${p}`;
  $("map-embed").href = `/embed/map/${ind}?${p}`;
  $("csv").href = `/api/values?indicator=${ind}&${dataParams()}&format=csv`;
  try {
    const [svg, data] = await Promise.all([
      fetch(mapURL).then(async (r) => { if (!r.ok) throw new Error((await r.json()).erreur); return r.text(); }),
      getJSON(`/api/values?indicator=${ind}&${dataParams()}`),
    ]);
    $("map").innerHTML = svg;
    for (const path of $("map").querySelectorAll("path[data-code]")) {
      path.addEventListener("click", () => openSheet(path.dataset.code));
    }
    fillRanking(data);
    // A ranking of 1,202 communes would be unreadable: rank the EPCI then.
    const cp = dataParams();
    if (cp.get("level") === "commune") cp.set("level", "epci");
    const chart = await fetch(`/charts/ranking/${ind}.svg?${cp}`);
    $("chart").innerHTML = chart.ok ? await chart.text() : "";
  } catch (e) {
    $("map").innerHTML = `<p class="erreur">${e.message}</p>`;
  }
}

function fillRanking(data) {
  const tbody = $("ranking").querySelector("tbody");
  tbody.replaceChildren();
  $("ranking").querySelector("caption").textContent = `${data.indicateur.libelle}, ${data.niveau}, ${data.millesime}`;
  data.valeurs.forEach((v, i) => {
    const tr = document.createElement("tr");
    tr.className = v.statut;
    const cells = [v.rang || "", v.libelle, v.texte, v.statut_libelle];
    cells.forEach((c, j) => {
      const td = document.createElement("td");
      td.textContent = c;
      if (j === 2) td.className = "v";
      tr.appendChild(td);
    });
    tr.addEventListener("click", () => openSheet(v.code));
    tbody.appendChild(tr);
  });
}

function openSheet(code) {
  const sel = $("territory");
  if (![...sel.options].some((o) => o.value === code)) sel.appendChild(option(code, code, true));
  sel.value = code;
  $("sheet").src = `/sheets/${code}.html`;
  $("sheet-pdf").href = `/sheets/${code}.pdf`;
  $("sheet").scrollIntoView({ behavior: "smooth" });
}

async function fillTerritories() {
  const sel = $("territory");
  for (const level of ["region", "departement", "epci"]) {
    const g = document.createElement("optgroup");
    g.label = { region: "Région", departement: "Départements", epci: "Intercommunalités" }[level];
    for (const t of await getJSON(`/api/territories?level=${level}`)) g.appendChild(option(t.code, t.nom));
    sel.appendChild(g);
  }
  sel.addEventListener("change", () => openSheet(sel.value));
  // Start with the region's portrait, without scrolling to it.
  sel.value = "53";
  $("sheet").src = "/sheets/53.html";
  $("sheet-pdf").href = "/sheets/53.pdf";
}

async function main() {
  catalogue = await getJSON("/api/indicators");
  fillIndicators();
  fillPublicsAndVintages();
  $("indicator").addEventListener("change", () => { fillPublicsAndVintages(); refresh(); });
  for (const k of ["level", "public", "vintage", "method", "classes"]) $(k).addEventListener("change", refresh);
  await refresh();
  await fillTerritories();
  document.body.dataset.ready = "1";
}
main().catch((e) => { $("map").innerHTML = `<p class="erreur">${e.message}</p>`; });
