/* maintbook: a glossary link shows its term's definition on hover and on keyboard focus.
 * The build put the definition into the link's title (_ext/glossary_tooltips.py). */
(function () {
  var tip;
  var current = null;
  // The same runs of Japanese text that _ext/japanese_lang.py marks on the pages.
  var JAPANESE_RUN = new RegExp(
    "[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]" +
    "(?:[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef" +
    "0-9 .,:%/-]*[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff" +
    "\uff00-\uffef])?", "g");

  function fill(text) {
    tip.textContent = "";
    var last = 0;
    text.replace(JAPANESE_RUN, function (run, at) {
      tip.appendChild(document.createTextNode(text.slice(last, at)));
      var span = document.createElement("span");
      span.lang = "ja";
      span.textContent = run;
      tip.appendChild(span);
      last = at + run.length;
      return run;
    });
    tip.appendChild(document.createTextNode(text.slice(last)));
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function show(link) {
    current = link;
    fill(link.dataset.definition);
    tip.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", tip.id);
  }
  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tip.hidden = true;
  }
  function init() {
    var links = document.querySelectorAll("a.term-link[title]");
    if (!links.length) return;
    tip = document.createElement("div");
    tip.id = "maintbook-term-tip";
    tip.className = "term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    links.forEach(function (link) {
      link.dataset.definition = link.title;
      link.removeAttribute("title"); // no second, native tooltip
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
