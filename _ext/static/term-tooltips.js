/* maintbook: a glossary link shows its term's definition on hover and on keyboard focus.
 * The build put the definition into the link's title (_ext/glossary_tooltips.py). */
(function () {
  var tip;
  var current = null;

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function show(link) {
    current = link;
    tip.textContent = link.dataset.definition;
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
