// maintbook on paper: before a page prints, each freeze-time explorer gets its current settings
// as plain text (its sliders, boxes and menus do not print; see print.css). Served by
// _ext/print_edition.py on the pages that hold an explorer. `make pdf` calls
// window.maintbook.printSettings() itself; a reader's browser runs it on "beforeprint".
(() => {
  const valueOf = (control) => {
    if (control instanceof HTMLSelectElement) return control.selectedOptions[0]?.textContent ?? "";
    return control.value;
  };
  function printSettings() {
    let count = 0;
    for (const root of document.querySelectorAll(".mbx")) {
      const lines = [...root.querySelectorAll("fieldset")].map((group) => {
        const items = [...group.querySelectorAll("label[for]")].flatMap((label) => {
          const control = document.getElementById(label.htmlFor);
          return control ? [`${label.textContent.trim()} ${valueOf(control).trim()}`] : [];
        });
        const line = document.createElement("p");
        const legend = document.createElement("strong");
        legend.textContent = (group.querySelector("legend")?.textContent ?? "").trim();
        line.append(legend, `: ${items.join("; ")}`);
        return line;
      });
      let box = root.querySelector(":scope > .mbx-print-settings");
      if (!box) {
        box = document.createElement("div");
        box.className = "mbx-print-settings";
        const answer = root.querySelector(".mbx-top");
        if (answer) answer.after(box); else root.prepend(box);
      }
      box.replaceChildren(...lines);
      count += 1;
    }
    return count;
  }
  (globalThis.maintbook ??= {}).printSettings = printSettings;
  addEventListener("beforeprint", printSettings);
})();
