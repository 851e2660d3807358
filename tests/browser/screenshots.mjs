// Regenerates docs/screenshots/: the portal's pages of the demo record as Chromium draws
// them, at a desktop's width and a phone's, in English for the documentation's readers.
//
// Run: TANDOO_BIN=target/debug/tandoo node tests/browser/screenshots.mjs

import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { startDemo } from "./lib/server.mjs";
import { launch, newTab, open, DESKTOP, PHONE } from "./lib/browser.mjs";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");

/// The pages shown, by the file name each picture gets.
const PAGES = [
  ["results", "/results"],
  ["constituency-13", "/results/13"],
  ["station-13001", "/results/13/stations/13001"],
  ["decisions", "/results/decisions"],
  ["resolution-CEC-161-2025", "/results/decisions/CEC-161-2025"],
];

/// The top of a long page is enough to show how it reads, and keeps the pictures small.
const MAX_HEIGHT = { [DESKTOP.width]: 1300, [PHONE.width]: 1800 };

const server = await startDemo();
const browser = await launch();
try {
  await mkdir(OUT, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const tab = await newTab(browser, viewport);
    for (const [name, path] of PAGES) {
      await open(tab, `${server.base}${path}?lang=en`);
      const height = await tab.page.evaluate(() => document.documentElement.scrollHeight);
      const file = join(OUT, `${name}-${viewport.width}.png`);
      await tab.page.screenshot({
        path: file,
        clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, MAX_HEIGHT[viewport.width]) },
        fullPage: true,
      });
      console.log(`wrote ${file}`);
    }
    if (tab.problems.length > 0) {
      throw new Error(`the pages had problems:\n${tab.problems.join("\n")}`);
    }
    await tab.context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
