// Debian's Chromium, driven by playwright-core: the browser a reader has, not one
// downloaded for the tests. Every page opened through `open` is watched for console errors,
// uncaught exceptions and Content-Security-Policy violations, so that any test that opens a
// page also checks it for them.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axe = require("axe-core");

/// The browser, as the system has it.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/// Headless, with nothing that reaches beyond this machine.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/// The widths a reader may have: a desktop, a large phone, the smallest phone WCAG's reflow
/// criterion (1.4.10) names.
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };
export const NARROW = { width: 320, height: 640 };

/// The WCAG 2.0, 2.1 and 2.2 criteria of levels A and AA, as axe-core tags its rules.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/// Records, in the page itself, every CSP violation it meets: the event fires for a
/// blocked script, style or image even when nothing else shows it.
function listenForViolations() {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
  });
}

/// A new tab of `width` in a fresh context, with what went wrong in it collected in
/// `problems`.
export async function newTab(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(listenForViolations);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`${response.status()} for ${response.url()} (from ${page.url()})`);
    }
  });
  return { context, page, problems };
}

/// Opens `url` and waits until it has loaded; gives the CSP violations the page met too.
export async function open(tab, url) {
  const answer = await tab.page.goto(url, { waitUntil: "load" });
  if (!answer || answer.status() !== 200) {
    throw new Error(`${url} answered ${answer && answer.status()}`);
  }
  await collectViolations(tab);
  return answer;
}

/// Moves the CSP violations the page recorded into the tab's problems.
export async function collectViolations(tab) {
  const violations = await tab.page.evaluate(() => {
    const found = window.__cspViolations ?? [];
    window.__cspViolations = [];
    return found;
  });
  for (const violation of violations) {
    tab.problems.push(`CSP violation on ${tab.page.url()}: ${violation}`);
  }
}

/// axe-core's WCAG A and AA violations on the open page, one line each, naming the rule and
/// the elements. The engine is evaluated through the debugging protocol, which the page's
/// CSP does not govern, so no inline script is added to the page.
export async function wcagViolations(page) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG_TAGS,
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`)
        .join("; ")}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""}`,
  );
}
