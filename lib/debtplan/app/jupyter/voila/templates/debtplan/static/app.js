/* debtplan app (Voila): small accessibility repairs the widgets cannot make themselves. Runs on every change
   of the page (widgets are drawn after load and redrawn on edits).
   - the page's language (screen readers pick their voice from it) and tab title: from an element with
     data-dp-lang / data-dp-title (debtplan.app.language.page_language_html), else the language from the
     first heading (Chinese characters: zh-CN);
   - a slider's handle gets its label as its accessible name (ipywidgets leaves it nameless);
   - a box with no visible label gets its tooltip or placeholder as its accessible name;
   - a table or chart wider than the screen scrolls inside its own box: that box can take the keyboard focus
     (so it can be scrolled with the arrow keys) and is named after its caption or heading. */
(function () {
  "use strict";
  var CJK = /[\u3400-\u9fff]/;

  function labelText(el) {
    var label = el && el.querySelector(":scope > .widget-label");
    return label && label.style.display !== "none" ? label.textContent.trim() : "";
  }

  function repair() {
    var root = document.getElementById("rendered_cells") || document.body;
    var marked = document.querySelector("[data-dp-lang]");
    var lang = marked ? marked.getAttribute("data-dp-lang") : "";
    if (!lang) {
      var h1 = root.querySelector("h1");
      if (h1) lang = CJK.test(h1.textContent) ? "zh" : "en";
    }
    if (lang) document.documentElement.lang = lang === "zh" ? "zh-CN" : lang;
    var title = marked && marked.getAttribute("data-dp-title");
    if (title && document.title !== title) document.title = title;

    root.querySelectorAll(".widget-slider").forEach(function (box) {
      var name = labelText(box);
      box.querySelectorAll("[role=slider]").forEach(function (h) {
        if (name && h.getAttribute("aria-label") !== name) h.setAttribute("aria-label", name);
      });
    });
    root.querySelectorAll(".widget-inline-hbox").forEach(function (box) {
      if (labelText(box)) return;
      var field = box.querySelector("input, select, textarea");
      if (!field || field.getAttribute("aria-label")) return;
      var name = box.getAttribute("title") || field.getAttribute("title") || field.getAttribute("placeholder");
      if (name && name.trim() && name !== "\u200b") field.setAttribute("aria-label", name.trim());
    });
    root.querySelectorAll("table.dp-table, figure.dp-chart").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      if (wide && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", box.tagName === "TABLE" ? "table" : "figure");
        var cap = box.querySelector("caption, figcaption");
        var prev = box.previousElementSibling;
        var name = cap ? cap.textContent : (prev && /^H[1-4]$/.test(prev.tagName) ? prev.textContent : "");
        if (name) box.setAttribute("aria-label", name.trim());
      } else if (!wide && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repair(); });
  }
  new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true, characterData: true});
  window.addEventListener("resize", schedule);
  schedule();
})();
