/* debtplan app (Voila): small accessibility repairs the widgets cannot make themselves. Runs on every change
   of the page (widgets are drawn after load and redrawn on edits).
   - the page's language (screen readers pick their voice from it) and tab title: from an element with
     data-dp-lang / data-dp-title (debtplan.app.language.page_language_html), else the language from the
     first heading (Chinese characters: zh-CN);
   - a slider's handle gets its label as its accessible name (ipywidgets leaves it nameless);
   - a box with no visible label gets its tooltip or placeholder as its accessible name;
   - a table or chart wider than the screen scrolls inside its own box: that box can take the keyboard focus
     (so it can be scrolled with the arrow keys) and is named after its caption or heading;
   - the page's kernel ends when the page is closed or reloaded (see endKernelWithPage);
   - typing redraws without Tab or Enter (debounceTyping);
   - a field with a problem says so to screen readers (aria-invalid), and a refused Save takes the cursor to the
     field (followFocusRequest, the links of the refusal: goToProblem). */
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
    root.querySelectorAll(".dp-app-field").forEach(function (box, n) {
      var bad = box.classList.contains("dp-app-invalid") ? "true" : null;
      var error = box.querySelector(":scope > .dp-app-error");
      if (error && !error.id) error.id = "dp-app-error-" + n + "-" + Math.random().toString(36).slice(2, 8);
      box.querySelectorAll("input, select, textarea").forEach(function (field) {
        if (field.getAttribute("aria-invalid") !== bad) {
          if (bad) field.setAttribute("aria-invalid", bad); else field.removeAttribute("aria-invalid");
        }
        var said = bad && error ? error.id : null;  // the message is read out with the field
        if (field.getAttribute("aria-describedby") !== said) {
          if (said) field.setAttribute("aria-describedby", said); else field.removeAttribute("aria-describedby");
        }
      });
    });
    followFocusRequest();
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

  /* Voila asks the server to shut the page's kernel down when the page goes (a beacon on "beforeunload" that
     carries the "_xsrf" cookie), but this server never sets that cookie, so the request was refused (403) and
     every open or reload left a kernel running (about 160 MB each). The check is a double-submit one (the
     cookie's value must equal the value sent), so the page makes its own random token. Phones may skip
     "beforeunload": "pagehide" sends the same request when it has not been sent. */
  function endKernelWithPage() {
    if (!/(^|;\s*)_xsrf=/.test(document.cookie)) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      var token = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      document.cookie = "_xsrf=" + token + "; path=/; SameSite=Strict";
    }
    var sent = false;
    window.addEventListener("beforeunload", function () { sent = true; });
    window.addEventListener("pagehide", function () {
      var config = document.getElementById("jupyter-config-data");
      var cookie = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/);
      if (sent || !config || !cookie || !navigator.sendBeacon) return;
      var data = JSON.parse(config.textContent), form = new FormData();
      if (!data.kernelId) return;
      form.append("_xsrf", cookie[1]);
      navigator.sendBeacon((data.baseUrl || "/") + "voila/api/shutdown/" + data.kernelId, form);
    });
  }
  endKernelWithPage();

  /* A box reports what was typed when it is left or on Enter (ipywidgets' "change"). Here it also reports it
     300 ms after the last keystroke, so the figures follow her typing; not while an input method is still
     composing (those letters are not her words yet). */
  var TYPING_PAUSE_MS = 300;
  function debounceTyping() {
    var timers = new WeakMap();
    function typed(event) {
      var box = event.target;
      if (!box || !box.matches || !box.matches(".dp-app-input input, .dp-app-input textarea")) return;
      if (event.isComposing) return;
      clearTimeout(timers.get(box));
      timers.set(box, setTimeout(function () {
        if (document.contains(box)) box.dispatchEvent(new Event("change", {bubbles: true}));
      }, TYPING_PAUSE_MS));
    }
    document.addEventListener("input", typed, true);
    document.addEventListener("compositionend", typed, true);
  }
  debounceTyping();

  /* The field (or record) with the CSS class ``cls``: scrolled to the middle of the screen and given the
     cursor; it may take a moment to be drawn (its step is being opened), so it is looked for again. */
  function focusTarget(cls, tries) {
    var box = document.querySelector("." + cls);
    var field = box && (box.querySelector("input, select, textarea") || box.querySelector("button"));
    if (!field) {
      if ((tries || 0) < 50) setTimeout(function () { focusTarget(cls, (tries || 0) + 1); }, 100);
      return;
    }
    box.scrollIntoView({block: "center"});
    field.focus({preventScroll: true});
  }

  var lastFocusRequest = "";
  function followFocusRequest() {
    var request = document.querySelector(".dp-app-focus[data-dp-seq]");
    if (!request || request.getAttribute("data-dp-seq") === lastFocusRequest) return;
    lastFocusRequest = request.getAttribute("data-dp-seq");
    var target = request.getAttribute("data-dp-target");
    if (target) focusTarget(target);
  }

  function goToProblem(event) {
    var link = event.target && event.target.closest && event.target.closest("a.dp-app-goto");
    if (!link) return;
    event.preventDefault();
    var steps = document.querySelectorAll(".dp-app-nav button");
    var step = steps[Number(link.getAttribute("data-dp-step"))];
    if (step && !step.classList.contains("mod-active")) step.click();
    var target = link.getAttribute("data-dp-target");
    if (target) focusTarget(target);
  }
  document.addEventListener("click", goToProblem, true);

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
