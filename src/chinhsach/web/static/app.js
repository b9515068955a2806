// chinhsach serve: small progressive enhancements, no framework. Every page works without it.
"use strict";

// Tables with class "sortable": click a header to sort by that column (numbers as numbers,
// a cell's data-sort value when it has one, else its text in Vietnamese order).
function sortTable(th) {
  const table = th.closest("table");
  const body = table.tBodies[0];
  const col = Array.prototype.indexOf.call(th.parentNode.children, th);
  const asc = th.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  const key = (row) => {
    const cell = row.children[col];
    return cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim()) : "";
  };
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const nx = parseFloat(x), ny = parseFloat(y);
    let c;
    if (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny) && /^-?[\d.]+$/.test(x) && /^-?[\d.]+$/.test(y)) c = nx - ny;
    else if (x === "" || y === "") c = (x === "") - (y === "");  // blanks last
    else c = x.localeCompare(y, "vi", { numeric: true });
    return asc ? c : -c;
  });
  rows.forEach((r) => body.appendChild(r));
}

// The outline: open every <details> on the way to the anchor in the address (a search hit
// links to its section), and the "open all" / "collapse" buttons.
function openTo(hash) {
  if (!hash || hash.length < 2) return;
  const el = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!el) return;
  for (let p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
  el.scrollIntoView({ block: "start" });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable th").forEach((th) => {
    th.tabIndex = 0;
    th.addEventListener("click", () => sortTable(th));
    th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortTable(th); } });
  });
  document.querySelectorAll("button[data-tree]").forEach((b) => {
    b.addEventListener("click", () => {
      const open = b.dataset.tree === "open";
      document.querySelectorAll("ul.tree details, details.preamble").forEach((d) => { d.open = open; });
    });
  });
  openTo(window.location.hash);
  window.addEventListener("hashchange", () => openTo(window.location.hash));

  // Filters apply as soon as one is changed.
  document.querySelectorAll("select[data-autosubmit]").forEach((s) => {
    s.addEventListener("change", () => { if (s.form.q && s.form.q.value.trim()) s.form.submit(); });
  });

  // The check can take a few seconds: say so and prevent a double submit.
  document.querySelectorAll("form.check").forEach((f) => {
    f.addEventListener("submit", () => {
      const b = f.querySelector("button[data-busy]");
      if (b) { b.textContent = b.dataset.busy; setTimeout(() => { b.disabled = true; }, 0); }
    });
  });
});
