// "Suivi du plan" page: statuses of the plan's actions by theme (from
// /api/plan); a click on an action shows its series chart, a map of its
// indicator at the level of its territory, and the map of its statuses
// broken down by EPCI or département.
"use strict";
const $ = (id) => document.getElementById(id);
const badgeOf = {
  "en bonne voie": ["✓", "ok"], "à accélérer": ["↗", "accel"], "progrès insuffisants": ["→", "insuf"],
  "s'éloigne de la cible": ["✗", "away"], "non évaluable": ["?", "na"],
};
const order = Object.keys(badgeOf);
const fmt = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
let bilan = null, selected = null;

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}
function badge(status, n) {
  const [sym, cls] = badgeOf[status] || ["?", "na"];
  return el("span", { class: `badge ${cls}` }, `${sym} ${status}` + (n === undefined ? "" : `\u00a0: ${n}`));
}
function counts(results) {
  const c = {};
  for (const r of results) c[r.statut] = (c[r.statut] || 0) + 1;
  return order.filter((s) => c[s]).map((s) => badge(s, c[s]));
}
function point(v, y, unit) {
  if (!y) return "—";
  if (v === null || v === undefined) return `n.d. (${y})`;
  const suffix = { percent: "\u00a0%", euro: "\u00a0€" }[unit] || "";
  return `${fmt.format(v).replace(/\u202f|\u00a0/g, "\u202f")}${suffix} (${y})`;
}

function render() {
  $("total").replaceChildren("Ensemble\u00a0: ", ...counts(bilan.resultats));
  const byTheme = new Map();
  for (const r of bilan.resultats) {
    if (!byTheme.has(r.theme)) byTheme.set(r.theme, []);
    byTheme.get(r.theme).push(r);
  }
  const root = $("themes");
  root.replaceChildren();
  for (const [, rs] of byTheme) {
    const sec = el("section", { "data-theme": rs[0].theme });
    sec.append(el("h2", {}, rs[0].theme_libelle), el("p", { class: "counts" }, ...counts(rs)));
    const table = el("table", {}, el("caption", { class: "sr" }, `Actions du thème ${rs[0].theme_libelle}`),
      el("thead", {}, el("tr", {}, ...["Action", "Indicateur, territoire", "Référence → courant → cible", "Avancement", "Statut"].map((h) => el("th", { scope: "col" }, h)))));
    const tb = el("tbody");
    for (const r of rs) {
      const rate = r.taux_avancement === null ? "—" : `${Math.round(100 * r.taux_avancement)}\u00a0%`;
      const tr = el("tr", r.indicateur ? { "data-line": r.ligne, tabindex: "0" } : {},
        el("td", {}, el("b", {}, r.action), " ", r.intitule, el("br"), el("span", { class: "motif" }, r.pilote)),
        el("td", {}, r.indicateur_libelle || "sans indicateur", el("br"), el("span", { class: "motif" }, r.territoire_nom ? `${r.territoire_nom} (${r.territoire}), ${r.public}, ${r.sens}` : "")),
        el("td", { class: "v" }, point(r.valeur_reference, r.annee_reference, r.unite), el("br"), "→ ", point(r.valeur_courante, r.annee_courante, r.unite), el("br"), "→ ", point(r.valeur_cible, r.annee_cible, r.unite)),
        el("td", { class: "v" }, rate),
        el("td", {}, badge(r.statut), el("br"), el("span", { class: "motif" }, r.motif || "")));
      if (r.indicateur) {
        tr.addEventListener("click", () => drill(r));
        tr.addEventListener("keydown", (e) => { if (e.key === "Enter") drill(r); });
      }
      tb.append(tr);
    }
    table.append(tb);
    sec.append(table);
    root.append(sec);
  }
}

async function svgInto(id, url) {
  const r = await fetch(url);
  $(id).innerHTML = r.ok ? await r.text() : `<p class="erreur">${(await r.json()).erreur}</p>`;
}

async function drill(r) {
  selected = r;
  $("detail").hidden = false;
  $("titre-detail").textContent = `Action ${r.action} — ${r.intitule}`;
  $("detail-texte").replaceChildren(`${r.indicateur_libelle}, ${r.territoire_nom} (${r.territoire}) : `, badge(r.statut),
    ` ${r.motif || ""} Sources\u00a0: ${(r.sources || []).join(" ; ") || "n.d."}.`);
  const level = r.niveau === "region" || r.niveau === "france" ? "departement" : r.niveau;
  $("carte-niveau").textContent = level === "epci" ? "(par EPCI)" : level === "commune" ? "(par commune)" : "(par département)";
  const pub = encodeURIComponent(r.public);
  await Promise.all([
    svgInto("serie", `/charts/series/${r.indicateur}.svg?territory=${r.territoire}&public=${pub}`),
    svgInto("carte", `/maps/${r.indicateur}.svg?level=${level}&public=${pub}`),
    breakdown(),
  ]);
  $("detail").scrollIntoView({ behavior: "smooth" });
  document.body.dataset.detail = r.ligne;
}

async function breakdown() {
  if (!selected) return;
  await svgInto("carte-statuts", `/api/plan?line=${selected.ligne}&level=${$("niveau").value}&format=svg`);
}

async function main() {
  const r = await fetch("/api/plan");
  bilan = await r.json();
  if (!r.ok) throw new Error(bilan.erreur);
  render();
  $("niveau").addEventListener("change", breakdown);
  document.body.dataset.ready = "1";
}
main().catch((e) => { $("themes").innerHTML = `<p class="erreur">${e.message}</p>`; });
