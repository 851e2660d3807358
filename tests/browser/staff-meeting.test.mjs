// The CEC's meeting of 13 February 2026 recorded through the workplace in Debian's Chromium,
// on the demo story up to that day (resolution No. 161 in force, the collective statement
// and the ministry's answer on record): the secretary records the meeting and the members
// present, composes the resolution from the effects offered, records each member's vote
// (9 for, 2 against), and constituency 13's seats on the results screen become Altynbekov,
// Mamytov and Karabekova. axe-core checks each screen on the way.
//
// Run: TANDOO_BIN=target/debug/tandoo node --test tests/browser/staff-meeting.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { startDemo, PASSWORD } from "./lib/server.mjs";
import { launch, newTab, open, wcagViolations } from "./lib/browser.mjs";

/// The story's steps before the meeting: set-up, voting day, incidents, resolution 161,
/// new chairs, the repeat election, the collective statement.
const BEFORE_THE_MEETING = 7;
const LAPTOP = { width: 1366, height: 768 };
const PRESENT = ["shainazarov", "mambetaipov", "koychukeev", "cec-04", "cec-05", "cec-06", "cec-07", "cec-08", "cec-09", "cec-10", "cec-11"];
const AGAINST = ["mambetaipov", "koychukeev"];

let server;
let browser;

before(async () => {
  server = await startDemo({
    accounts: [{ user: "cec.secretary", role: "secretary", commission: "CEC" }],
    steps: BEFORE_THE_MEETING,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const url = (path) => `${server.base}${path}`;

async function noViolations(page) {
  assert.deepEqual(await wcagViolations(page), [], page.url());
}

test("a secretary records the 13 February meeting and constituency 13's seats follow", async () => {
  const tab = await newTab(browser, LAPTOP);
  const { page } = tab;
  await open(tab, url("/login?lang=en"));
  await page.fill("#user", "cec.secretary");
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form.login button[type=submit]")]);

  await open(tab, url("/staff/results/13?lang=en"));
  assert.doesNotMatch(await page.textContent("#seats"), /Altynbekov/, "before the meeting, nobody is recognised");

  await open(tab, url("/staff/meetings?lang=en"));
  await noViolations(page);
  await page.fill("#date", "2026-02-13");
  await page.fill("#agenda", "Review of resolution No. 161 of 3 December 2025 on new circumstances");
  for (const member of PRESENT) await page.check(`input[name=present][value="${member}"]`);
  await Promise.all([page.waitForNavigation(), page.click("form:has(#agenda) button[type=submit]")]);
  assert.match(new URL(page.url()).pathname, /^\/staff\/meetings\/[^/]+$/, "the meeting's own screen");

  // The draft's effects are about one contest: constituency 13 of E1.
  await page.selectOption("#matter-election", "E1");
  await page.selectOption("#matter-constituency", "13");
  await Promise.all([page.waitForNavigation(), page.click("form:has(#matter-election) button[type=submit]")]);
  await noViolations(page);

  await page.fill("[name=title_ky]", "№161 токтомду жаңы жагдайлар боюнча кайра кароо жөнүндө");
  await page.fill("[name=title_ru]", "О пересмотре постановления №161 по новым обстоятельствам");
  await page.fill("[name=title_en]", "On the review of resolution No. 161 on new circumstances");
  await page.check("input[name=considers]");
  await page.check('input[name=rescind][value="CEC/2025/161"]');
  await page.check("input[name=declare][value=valid]");
  await page.check('input[name=annul_votes][value="E1-13-01"]');
  for (const elected of ["E1-13-03", "E1-13-02", "E1-13-13"]) {
    await page.check(`input[name=elected][value="${elected}"]`);
  }
  await page.check('input[name=cancel][value="E2"]');
  assert.match(await page.textContent("#quorum"), /make a quorum/);
  for (const member of PRESENT) {
    await page.check(`input[name="vote-${member}"][value="${AGAINST.includes(member) ? "against" : "for"}"]`);
    if (member === PRESENT[0]) {
      assert.match(await page.textContent("#tally"), /more votes for are needed/, "the tally follows each vote");
    }
  }
  const tally = await page.textContent("#tally");
  assert.match(tally, /for 9, against 2/);
  assert.match(tally, /reach the majority/);
  await Promise.all([page.waitForNavigation(), page.click("form:has([name=title_en]) button[type=submit]")]);
  const outcome = await page.textContent("#outcome");
  assert.match(outcome, /adopted/);
  assert.match(outcome, /9/);
  assert.match(outcome, /2/);
  await noViolations(page);

  await open(tab, url("/staff/results/13?lang=en"));
  const seats = await page.textContent("#seats");
  for (const name of ["Altynbekov", "Mamytov", "Karabekova"]) assert.match(seats, new RegExp(name));
  await noViolations(page);

  // The day before, the record stood as it was.
  await open(tab, url("/staff/results/13?as_of=2026-02-12&lang=en"));
  assert.doesNotMatch(await page.textContent("#seats"), /Altynbekov/);
  assert.deepEqual(tab.problems.filter((p) => !p.includes("422")), []);
});
