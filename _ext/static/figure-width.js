/* maintbook: keep every plotly figure as wide as its column.
 *
 * plotly.js's `responsive` option lays a figure out again on the window's resize event only.
 * When a window grows in one step (maximised, or a tablet turned), the theme's sidebar slides
 * in over the next quarter second and narrows the column after that event: the figures stay
 * too wide, their right side cut off. A ResizeObserver sees every change of a figure's width,
 * whatever its cause, and asks plotly.js to lay that figure out again (Plotly.Plots.resize,
 * which leaves a figure of fixed width and height alone).
 */
(function () {
  function follow(entries) {
    entries.forEach(function (entry) {
      var figure = entry.target, svg = figure.querySelector(".main-svg");
      if (figure.offsetWidth > 0 && svg && Math.abs(svg.width.baseVal.value - figure.offsetWidth) > 1) {
        window.Plotly.Plots.resize(figure);
      }
    });
  }
  function watch() {
    if (!window.ResizeObserver || !window.Plotly) return;
    var observer = new ResizeObserver(follow);
    // the explorer's figure (.mbx-plot) follows its width itself, in Jupyter as on the site
    document.querySelectorAll(".js-plotly-plot:not(.mbx-plot)").forEach(function (figure) {
      observer.observe(figure);
    });
  }
  window.addEventListener("load", watch);
})();
