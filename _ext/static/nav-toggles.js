/* maintbook: make every sidebar toggle button work (pydata-sphinx-theme issue #2451).
 *
 * pydata-sphinx-theme 0.17 renders its own "Site navigation" and "On this page" buttons in the
 * top bar, and sphinx-book-theme renders a second pair in the article header. Both themes wire
 * only the first button of each class (document.querySelector), which is hidden on phones: the
 * visible button showed a tooltip and never opened the drawer. Every other button of the class
 * now passes its click to the wired one, so the themes' own code opens the drawer on a phone and
 * collapses the sidebar on a wide screen.
 */
(function () {
  function forward(selector) {
    var buttons = document.querySelectorAll(selector);
    var wired = buttons[0];
    Array.prototype.slice.call(buttons, 1).forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        button.blur(); // close Bootstrap's tooltip
        wired.click();
      });
    });
  }
  function init() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
