// The commission's workplace in Debian's Chromium, served by `tandoo serve` from the demo
// story's set-up (every station and candidate, no protocol entered): two operators
// double-enter a protocol with the keyboard only, a supervisor settles a differing pair, a
// broken control relation is shown beside its lines, an observer can change nothing, a
// district's operator cannot open another constituency's protocol, the screens speak
// Russian and Kyrgyz with no English or catalog key left, and axe-core finds no WCAG 2.x A
// or AA violation on any screen.
//
// Run: TANDOO_BIN=target/debug/tandoo node --test tests/browser/staff.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { startDemo, PASSWORD } from "./lib/server.mjs";
import { launch, newTab, open, wcagViolations, collectViolations, DESKTOP } from "./lib/browser.mjs";

const ACCOUNTS = [
  { user: "dec13.operator1", role: "operator", commission: "DEC-13" },
  { user: "dec13.operator2", role: "operator", commission: "DEC-13" },
  { user: "dec13.supervisor", role: "supervisor", commission: "DEC-13" },
  { user: "dec1.operator", role: "operator", commission: "DEC-1" },
  { user: "cec.observer", role: "observer", commission: "CEC" },
  { user: "cec.secretary", role: "secretary", commission: "CEC" },
  { user: "cec.admin", role: "administrator", commission: "CEC" },
];

/// A laptop's screen: the workplace must be usable at 1366×768.
const LAPTOP = { width: 1366, height: 768 };

let server;
let browser;
const tabs = [];

before(async () => {
  server = await startDemo({ accounts: ACCOUNTS, steps: 1 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function url(path) {
  return `${server.base}${path}`;
}

/// A tab logged in as `user` through the login page, with the keyboard: the user name, Tab,
/// the password, Enter.
async function loggedIn(user, viewport = LAPTOP) {
  const tab = await newTab(browser, viewport);
  tabs.push(tab);
  await open(tab, url("/login?lang=en"));
  await tab.page.focus("#user");
  await tab.page.keyboard.type(user);
  await tab.page.keyboard.press("Tab");
  await tab.page.keyboard.type(PASSWORD);
  await Promise.all([tab.page.waitForNavigation(), tab.page.keyboard.press("Enter")]);
  assert.equal(new URL(tab.page.url()).pathname, "/staff", `${user} is at the home screen`);
  return tab;
}

/// The figures of a protocol that keeps every control relation: `names` are the entry
/// form's fields in order, `voters` the station's voters on the list.
function figures(names, voters) {
  const issuedIn = Math.floor(voters / 2);
  const issuedOut = 10;
  const cast = issuedIn + issuedOut;
  const lines = {
    "line-L1": voters,
    "line-L2": voters,
    "line-L3": issuedIn,
    "line-L4": issuedOut,
    "line-L5": voters - cast,
    "line-L6": cast,
    "line-L7": issuedOut,
    "line-L8": issuedIn,
    "line-L9": 0,
    "line-L10": cast,
  };
  const candidates = names.filter((n) => n.startsWith("candidate-"));
  const share = Math.floor(cast / (candidates.length + 1));
  for (const name of candidates) lines[name] = share;
  lines["against-all"] = cast - share * candidates.length;
  return names.map((name) => [name, String(lines[name])]);
}

/// Opens station `station`'s protocol from the entry queue with the keyboard (its number,
/// Enter) and gives the form's fields in order and the station's voters.
async function openProtocol(tab, station) {
  await open(tab, url("/staff/entry"));
  await tab.page.focus("#station");
  await tab.page.keyboard.type(String(station));
  await Promise.all([tab.page.waitForNavigation(), tab.page.keyboard.press("Enter")]);
  assert.equal(new URL(tab.page.url()).pathname, `/staff/entry/13/${station}`);
  const names = await tab.page.$$eval("table.protocol input", (inputs) => inputs.map((i) => i.name));
  const voters = await tab.page.$eval("#voters", (e) => Number(e.dataset.voters));
  return { names, voters };
}

/// Types every figure and goes on with Enter, as an operator at a keypad does: the first
/// figure has the focus when the form opens, Enter moves to the next line, and Enter on the
/// last sends the form.
async function enterByKeyboard(tab, entered) {
  const focused = await tab.page.evaluate(() => document.activeElement?.name);
  assert.equal(focused, entered[0][0], "the first line has the focus");
  for (let at = 0; at < entered.length; at += 1) {
    await tab.page.keyboard.type(entered[at][1]);
    if (at === entered.length - 1) {
      await Promise.all([tab.page.waitForNavigation(), tab.page.keyboard.press("Enter")]);
    } else {
      await tab.page.keyboard.press("Enter");
      const now = await tab.page.evaluate(() => document.activeElement?.name);
      assert.equal(now, entered[at + 1][0], `Enter moves from ${entered[at][0]} to the next line`);
    }
  }
}

async function statusText(tab) {
  return tab.page.$eval("#status", (e) => e.textContent.trim());
}

test("two operators double-enter a protocol with the keyboard only and it is accepted", async () => {
  const first = await loggedIn("dec13.operator1");
  const { names, voters } = await openProtocol(first, 13001);
  const entered = figures(names, voters);
  await enterByKeyboard(first, entered);
  assert.match(await first.page.textContent("main"), /Your entry is recorded/);
  assert.equal(await first.page.$("form[data-entry-form]"), null, "one operator makes one entry");

  const second = await loggedIn("dec13.operator2");
  await openProtocol(second, 13001);
  const shown = await second.page.$$eval("table.protocol input", (inputs) => inputs.map((i) => i.value));
  assert.ok(shown.every((v) => v === ""), "the second operator never sees the first entry");
  await enterByKeyboard(second, entered);
  assert.equal(await statusText(second), "accepted");
});

test("a supervisor settles two differing entries by keeping the one that matches the paper", async () => {
  const first = await loggedIn("dec13.operator1");
  const { names, voters } = await openProtocol(first, 13002);
  const entered = figures(names, voters);
  await enterByKeyboard(first, entered);
  const second = await loggedIn("dec13.operator2");
  await openProtocol(second, 13002);
  const misread = entered.map(([n, v]) => [n, n === "line-L6" ? String(Number(v) + 1) : v]);
  await enterByKeyboard(second, misread);

  const supervisor = await loggedIn("dec13.supervisor");
  await open(supervisor, url("/staff/entry"));
  await Promise.all([supervisor.page.waitForNavigation(), supervisor.page.click("a[href='/staff/entry/13/13002']")]);
  const differing = await supervisor.page.$$eval("table.compare tr.differs th", (cells) => cells.map((c) => c.textContent));
  assert.equal(differing.length, 1);
  assert.match(differing[0], /L6/);
  assert.deepEqual(await wcagViolations(supervisor.page), []);
  await Promise.all([
    supervisor.page.waitForNavigation(),
    supervisor.page.click("button:has-text('Keep entry 1')"),
  ]);
  assert.equal(await statusText(supervisor), "accepted");
});

test("an entry breaking a control relation is shown its error beside the lines it names", async () => {
  const tab = await loggedIn("dec13.operator1");
  const { names, voters } = await openProtocol(tab, 13003);
  const entered = figures(names, voters).map(([n, v]) => [n, n === "line-L2" ? "1" : v]);
  await enterByKeyboard(tab, entered);
  const focused = await tab.page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "problem", "the summary of problems takes the focus");
  for (const line of ["L2", "L3", "L4", "L5"]) {
    const beside = await tab.page.$eval(`#line-${line}-problem`, (e) => e.textContent);
    assert.match(beside, /E01/, `E01 beside ${line}`);
  }
  assert.deepEqual(await wcagViolations(tab.page), []);
});

test("an observer sees every screen and can change nothing", async () => {
  const tab = await loggedIn("cec.observer");
  await open(tab, url("/staff/constituencies"));
  const menu = await tab.page.$$eval("nav.menu a", (links) => links.map((a) => a.getAttribute("href")));
  assert.ok(!menu.includes("/staff/entry"), "no entry in an observer's menu");
  await open(tab, url("/staff/constituencies/13"));
  const forms = await tab.page.$$eval("form[method='post']", (found) => found.map((f) => f.getAttribute("action")));
  assert.deepEqual(forms, ["/logout"], "no form but logging out");
  // A forged entry, sent from the observer's own page with its session's token.
  const answer = await tab.page.evaluate(async () => {
    const csrf = document.querySelector("input[name='csrf']").value;
    const body = new URLSearchParams({ csrf, "line-L1": "1" });
    const sent = await fetch("/staff/entry/13/13004", { method: "POST", body });
    return sent.status;
  });
  assert.equal(answer, 403);
  tab.problems.splice(0); // the refused forgery is logged as a 403, as it should be
});

test("a district commission's operator cannot open another constituency's entry", async () => {
  const tab = await loggedIn("dec1.operator");
  const answer = await tab.page.goto(url("/staff/entry/13/13001"));
  assert.equal(answer.status(), 403);
  tab.problems.splice(0);
  await open(tab, url("/staff/entry"));
  const offered = await tab.page.$$eval("#constituency option", (options) => options.map((o) => o.value));
  assert.deepEqual(offered, ["1"], "only its own constituency is offered");
});

/// The screens each language is checked on, with the account that sees them: every screen
/// of the menu, and the forms of a protocol and a candidate.
const SCREENS = [
  ["dec13.operator1", "/staff"],
  ["dec13.operator1", "/staff/elections"],
  ["dec13.operator1", "/staff/constituencies"],
  ["dec13.operator1", "/staff/constituencies/13"],
  ["dec13.operator1", "/staff/stations?constituency=13"],
  ["dec13.operator1", "/staff/entry"],
  ["dec13.operator1", "/staff/entry/13/13005"],
  ["dec13.operator1", "/staff/results"],
  ["dec13.operator1", "/staff/results/13"],
  ["dec13.operator1", "/staff/resolutions"],
  ["dec13.operator1", "/staff/record"],
  ["dec13.operator1", "/staff/password"],
  ["cec.secretary", "/staff/candidates?constituency=13"],
  ["cec.secretary", "/staff/candidates/E1-13-01"],
  ["cec.secretary", "/staff/complaints"],
  ["cec.secretary", "/staff/incidents?constituency=13"],
  ["cec.secretary", "/staff/meetings"],
  ["cec.admin", "/staff/accounts"],
  ["cec.admin", "/staff/audit"],
];

/// One logged-in tab per account of `SCREENS`, at `viewport`.
async function tabsFor(viewport = LAPTOP) {
  const byUser = new Map();
  for (const [user] of SCREENS) {
    if (!byUser.has(user)) byUser.set(user, await loggedIn(user, viewport));
  }
  return byUser;
}

/// Latin words a Russian or Kyrgyz screen may hold: the product's name, the language
/// switch's "English", the protocol's line codes, and the commission's id in the example of
/// a resolution's reference a form asks for (`CEC 161/2025`), typed as the record has it;
/// and the names of file formats and a time zone, written so in every language.
const ALLOWED_LATIN = /^(tandoo|English|L\d+|AA|E\d\d|W\d\d|W_REGISTER|CEC|CSV|PDF|UTC)$/;

for (const language of ["ru", "ky"]) {
  test(`the screens speak ${language}: no catalog key and no English word of the interface`, async () => {
    const byUser = await tabsFor();
    for (const [user, path] of SCREENS) {
      const tab = byUser.get(user);
      await open(tab, url(`${path}${path.includes("?") ? "&" : "?"}lang=${language}`));
      assert.equal(await tab.page.getAttribute("html", "lang"), language);
      // What the commission registered (names of places, people and accounts) is data, not
      // interface, and every screen isolates it in <bdi>, or, in a list to choose a
      // station or commission from, where no markup may go, names it as the record does;
      // hashes are <code>; the accounts' names also stand inside sentences of the catalogs
      // ("disable cec.observer"). All are left out of the check.
      const accounts = ACCOUNTS.map((a) => a.user);
      const text = await tab.page.evaluate((names) => {
        const copy = document.body.cloneNode(true);
        const data = "bdi, code, select[name=station] option, select[name=commission] option";
        for (const found of copy.querySelectorAll(data)) found.remove();
        return names.reduce((left, name) => left.replaceAll(name, ""), copy.innerText);
      }, accounts);
      assert.doesNotMatch(text, /staff-[a-z]/, `${path}: a catalog key`);
      const latin = (text.match(/[A-Za-z][A-Za-z_]+\d*/g) ?? []).filter((w) => !ALLOWED_LATIN.test(w));
      assert.deepEqual(latin, [], `${path} in ${language}: English left`);
    }
  });
}

test("axe-core finds no WCAG 2.x A or AA violation on any screen, in any language, at any width", async () => {
  const failures = [];
  for (const viewport of [LAPTOP, DESKTOP]) {
    const byUser = await tabsFor(viewport);
    for (const language of ["ky", "ru", "en"]) {
      for (const [user, path] of SCREENS) {
        const tab = byUser.get(user);
        await open(tab, url(`${path}${path.includes("?") ? "&" : "?"}lang=${language}`));
        for (const v of await wcagViolations(tab.page)) failures.push(`${path}?lang=${language} at ${viewport.width}: ${v}`);
      }
    }
  }
  const login = await newTab(browser, LAPTOP);
  tabs.push(login);
  for (const language of ["ky", "ru", "en"]) {
    await open(login, url(`/login?lang=${language}`));
    for (const v of await wcagViolations(login.page)) failures.push(`/login?lang=${language}: ${v}`);
  }
  assert.deepEqual(failures, []);
});

// A 1366×768 laptop at 200 % zoom lays a page out in 683×384 CSS pixels. Every screen
// reflows into that width: nothing makes the page scroll sideways (a wide table scrolls
// inside its own box, which takes the keyboard's focus), and axe-core still finds nothing.
const ZOOMED = { width: 683, height: 384 };

test("at 200 % zoom on a 1366×768 laptop every screen reflows without sideways scrolling", async () => {
  const failures = [];
  const byUser = await tabsFor(ZOOMED);
  for (const language of ["ky", "ru", "en"]) {
    for (const [user, path] of SCREENS) {
      const tab = byUser.get(user);
      await open(tab, url(`${path}${path.includes("?") ? "&" : "?"}lang=${language}`));
      const wide = await tab.page.evaluate(() => {
        const page = document.documentElement;
        if (page.scrollWidth <= page.clientWidth) return null;
        // What sticks out: the outermost elements wider than the page, by tag and class.
        const out = [...document.body.querySelectorAll("*")]
          .filter((e) => e.getBoundingClientRect().right > page.clientWidth + 1)
          .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= page.clientWidth + 1)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.className ? "." + e.className : ""}`);
        return `${page.scrollWidth} px wide: ${out.join(", ")}`;
      });
      if (wide) failures.push(`${path}?lang=${language}: ${wide}`);
      for (const v of await wcagViolations(tab.page)) failures.push(`${path}?lang=${language} zoomed: ${v}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("no console error, failed request or CSP violation on any screen", async () => {
  for (const tab of tabs) await collectViolations(tab).catch(() => {});
  const problems = tabs.flatMap((t) => t.problems);
  // A form sent back with its problems answers 422 by design.
  assert.deepEqual(problems.filter((p) => !p.startsWith("422 ") && !p.includes("status of 422")), []);
});
