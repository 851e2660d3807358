// The entry form's keyboard flow and running total. Every screen works without this.
// Enter moves to the next figure, as Tab does, so that an operator keeps both hands on the
// keypad; on the last figure, Enter sends the form. The candidates' total is the sum of
// their lines as typed, shown beside the paper's own total line.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A form sent back with problems: the summary at the top takes the focus, so that a
  // screen reader reads it first and Tab goes on to the links to the lines.
  const problem = document.getElementById("problem");
  if (problem) problem.focus();
  const form = document.querySelector("form[data-entry-form]");
  if (!form) return;
  const figures = Array.from(form.querySelectorAll("table.protocol input"));
  figures.forEach((input, at) => {
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.isComposing) return;
      const next = figures[at + 1];
      if (next) {
        event.preventDefault();
        next.focus();
        next.select();
      }
    });
  });
  const total = document.getElementById("candidates-total");
  const parts = figures.filter((input) => input.dataset.sum === "candidates-total");
  const sum = () => {
    let whole = 0;
    for (const input of parts) {
      const text = input.value.trim();
      if (text === "") continue;
      if (!/^[0-9]+$/.test(text)) { whole = null; break; }
      whole += Number(text);
    }
    if (total && whole !== null) total.textContent = whole.toLocaleString(document.documentElement.lang);
  };
  parts.forEach((input) => input.addEventListener("input", sum));
  sum();
});

// The draft resolution's running tally: the votes chosen so far, counted as each member's
// choice is made, in the words the server gave the template. The vote's outcome is core's:
// this only counts what is ticked.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-vote-form]");
  const tally = document.getElementById("tally");
  if (!form || !tally) return;
  const count = () => {
    const chosen = { for: 0, against: 0, abstain: 0 };
    for (const input of form.querySelectorAll("input[type=radio][name^='vote-']:checked")) {
      if (input.value in chosen) chosen[input.value] += 1;
    }
    const said = tally.dataset.template.replace(/\{(for|against|abstain)\}/g, (_, k) => String(chosen[k]));
    const missing = Number(tally.dataset.majority) - chosen.for;
    const majority = missing > 0 ? tally.dataset.short.replace("{missing}", String(missing)) : tally.dataset.reached;
    tally.textContent = `${said}. ${majority}`;
    tally.hidden = false;
  };
  form.addEventListener("change", count);
  count();
});

// A table wider than a narrow or zoomed screen scrolls inside its own box (staff.css); one
// that holds no link or field would then be out of the keyboard's reach, so it takes the
// focus itself while it scrolls, named by its caption.
document.addEventListener("DOMContentLoaded", () => {
  const tables = Array.from(document.querySelectorAll("main table"));
  const reachable = () => {
    for (const table of tables) {
      const scrolls = table.scrollWidth > table.clientWidth;
      if (scrolls && !table.hasAttribute("tabindex")) table.tabIndex = 0;
      if (!scrolls && table.getAttribute("tabindex") === "0") table.removeAttribute("tabindex");
    }
  };
  window.addEventListener("resize", reachable);
  reachable();
});
