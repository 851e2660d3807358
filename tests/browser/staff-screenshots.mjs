// Regenerates docs/screenshots/staff-*: the workplace's main screens as Chromium draws them on
// a 1366×768 laptop, in Kyrgyz, Russian and English. Protocol entry on the demo story's
// set-up with two protocols entered (one accepted, one with differing entries for the
// supervisor); every other screen on the whole story, as a secretary and an administrator of
// the central commission see it.
//
// Run: TANDOO_BIN=target/debug/tandoo node tests/browser/staff-screenshots.mjs

import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { startDemo, PASSWORD } from "./lib/server.mjs";
import { launch, newTab, open } from "./lib/browser.mjs";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");
const LAPTOP = { width: 1366, height: 768 };
const ACCOUNTS = [
  { user: "operator1", role: "operator", commission: "DEC-13" },
  { user: "operator2", role: "operator", commission: "DEC-13" },
  { user: "supervisor", role: "supervisor", commission: "DEC-13" },
];

const STORY_ACCOUNTS = [
  { user: "secretary", role: "secretary", commission: "CEC" },
  { user: "admin", role: "administrator", commission: "CEC" },
];

/// The screens an operator sees on the set-up, and those a secretary sees on the whole story.
const ENTRY_SCREENS = [
  ["home", "/staff"],
  ["constituencies", "/staff/constituencies"],
  ["constituency-13", "/staff/constituencies/13"],
  ["entry-queue", "/staff/entry"],
  ["entry-form", "/staff/entry/13/13003"],
];
const STORY_SCREENS = [
  ["elections", "/staff/elections"],
  ["stations", "/staff/stations?constituency=13"],
  ["candidates", "/staff/candidates?constituency=13"],
  ["candidate", "/staff/candidates/E1-13-03"],
  ["results", "/staff/results"],
  ["results-13", "/staff/results/13"],
  ["results-13-as-of", "/staff/results/13?as_of=2026-02-12"],
  ["complaints", "/staff/complaints"],
  ["incidents", "/staff/incidents?constituency=13"],
  ["meetings", "/staff/meetings"],
  ["resolutions", "/staff/resolutions"],
  ["record", "/staff/record"],
  ["password", "/staff/password"],
];
/// One of each, shot by following the first link of its list.
const FIRST_OF = [
  ["complaint", "/staff/complaints"],
  ["meeting", "/staff/meetings"],
  ["resolution", "/staff/resolutions"],
];

let server = await startDemo({ accounts: ACCOUNTS, steps: 1 });
const browser = await launch();
const url = (path) => `${server.base}${path}`;

async function loggedIn(user) {
  const tab = await newTab(browser, LAPTOP);
  await open(tab, url("/login"));
  await tab.page.fill("#user", user);
  await tab.page.fill("#password", PASSWORD);
  await Promise.all([tab.page.waitForNavigation(), tab.page.click("button[type=submit]")]);
  return tab;
}

/// Fills the entry form of `station` with figures that keep every relation, but for the
/// lines `change` gives a function of the right figure for.
async function enter(tab, station, change = {}, language = "en") {
  await open(tab, url(`/staff/entry/13/${station}?lang=${language}`));
  const names = await tab.page.$$eval("table.protocol input", (inputs) => inputs.map((i) => i.name));
  const voters = await tab.page.$eval("#voters", (e) => Number(e.dataset.voters));
  const cast = Math.floor(voters / 2) + 10;
  const lines = {
    "line-L1": voters, "line-L2": voters, "line-L3": cast - 10, "line-L4": 10,
    "line-L5": voters - cast, "line-L6": cast, "line-L7": 10, "line-L8": cast - 10,
    "line-L9": 0, "line-L10": cast,
  };
  const candidates = names.filter((n) => n.startsWith("candidate-"));
  const share = Math.floor(cast / (candidates.length + 1));
  for (const name of candidates) lines[name] = share;
  lines["against-all"] = cast - share * candidates.length;
  for (const name of names) await tab.page.fill(`[name="${name}"]`, String(change[name] ? change[name](lines[name]) : lines[name]));
  await Promise.all([tab.page.waitForNavigation(), tab.page.click("form[data-entry-form] button[type=submit]")]);
}

/// The address of the first link on the screen at `path` that leads below `below`.
async function firstLink(tab, path, below) {
  await open(tab, url(path));
  const href = await tab.page.$eval(`main a[href^="${below}"]`, (a) => a.getAttribute("href"));
  return href;
}

async function shoot(tab, name, path) {
  for (const language of ["ky", "ru", "en"]) {
    await open(tab, url(`${path}${path.includes("?") ? "&" : "?"}lang=${language}`));
    await tab.page.screenshot({ path: join(OUT, `staff-${name}-${language}.png`) });
  }
}

try {
  await mkdir(OUT, { recursive: true });
  const [one, two, supervisor] = [await loggedIn("operator1"), await loggedIn("operator2"), await loggedIn("supervisor")];
  await enter(one, 13001);
  await enter(two, 13001);
  await enter(one, 13002);
  // The second operator misreads line 6.
  await enter(two, 13002, { "line-L6": (n) => n + 1 });
  for (const [name, path] of ENTRY_SCREENS) await shoot(one, name, path);
  await shoot(supervisor, "settle", "/staff/entry/13/13002");
  // The form sent back with a broken control relation (E01): the problems beside the lines.
  for (const language of ["ky", "ru", "en"]) {
    await enter(one, 13004, { "line-L2": () => 1 }, language);
    await one.page.screenshot({ path: join(OUT, `staff-entry-problems-${language}.png`), fullPage: true });
  }
  const login = await newTab(browser, LAPTOP);
  await shoot(login, "login", "/login");

  await server.stop();
  server = await startDemo({ accounts: STORY_ACCOUNTS });
  const [secretary, admin] = [await loggedIn("secretary"), await loggedIn("admin")];
  for (const [name, path] of STORY_SCREENS) await shoot(secretary, name, path);
  for (const [name, below] of FIRST_OF) {
    await shoot(secretary, name, await firstLink(secretary, below, `${below}/`));
  }
  await shoot(admin, "accounts", "/staff/accounts");
  await shoot(admin, "audit", "/staff/audit");
} finally {
  await browser.close();
  await server.stop();
}
