// dyad dashboard: the only script. It links the highlighted text and the tables that explain it:
// hovering a highlighted piece lights its rows (and a row its pieces), tapping a piece scrolls to the row of its most specific
// annotation (an event before a speaker, an entity, a date, a quote), which phones need since they
// show no tooltips. The page works without it.
(function () {
  "use strict";
  var order = ["ev-", "spk-", "cue-", "ent-", "tmx-", "q-"];
  function refs(el) { return (el.getAttribute("data-ann") || "").split(" ").filter(Boolean); }
  function rows(ids) {
    var out = [];
    ids.forEach(function (id) {
      var r = document.getElementById("row-" + id);
      if (r) out.push(r);
    });
    return out;
  }
  function best(ids) {
    for (var i = 0; i < order.length; i++) {
      for (var j = 0; j < ids.length; j++) {
        if (ids[j].indexOf(order[i]) === 0) return ids[j];
      }
    }
    return ids[0];
  }
  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("text");
    if (!text) return;
    var hot = [], picked = null;
    function clear() { hot.forEach(function (el) { el.classList.remove("hot"); }); hot = []; }
    text.addEventListener("mouseover", function (e) {
      var el = e.target.closest("[data-ann]");
      clear();
      if (!el) return;
      hot = rows(refs(el));
      hot.forEach(function (r) { r.classList.add("hot"); });
    });
    text.addEventListener("mouseleave", clear);
    text.addEventListener("click", function (e) {
      var el = e.target.closest("[data-ann]");
      if (!el) return;
      var id = best(refs(el));
      var r = id && document.getElementById("row-" + id);
      if (r) {
        if (picked) picked.classList.remove("lit");
        r.classList.add("lit");
        picked = r;
        r.scrollIntoView({ behavior: "smooth", block: "center" });
      }
    });
    document.querySelectorAll("tr[data-ann-row]").forEach(function (tr) {
      tr.addEventListener("mouseenter", function () {
        clear();
        document.querySelectorAll('#text [data-ann~="' + tr.getAttribute("data-ann-row") + '"]').forEach(function (el) {
          el.classList.add("hot");
          hot.push(el);
        });
      });
      tr.addEventListener("mouseleave", clear);
    });
  });
})();
