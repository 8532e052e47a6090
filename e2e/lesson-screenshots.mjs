#!/usr/bin/env node
// Screenshots of every lesson, for checking by eye (clipped or untranslated
// text) and for the README.
//
// Usage: node e2e/lesson-screenshots.mjs OUTDIR [--lang ko|en] [--only slug,slug] [--width N]
//
// Serves ./dist itself on a free 127.0.0.1 port (build it first with
// `trunk build --release`) unless MQTTLAB_APP_URL is set. The lessons run on
// the sandbox broker in the page. Before each capture a few steps of the
// lesson's exercise are done through its buttons (found by their place in
// the page, so the same steps work in both languages), so the readouts show
// real packets. Writes OUTDIR/lesson-<slug>-<lang>.png (full page).

import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { launch } from './lib/browser.mjs';
import { LESSONS } from './lib/learn.mjs';
import { freePort, portOpen, track, waitFor } from './lib/util.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string', default: 'ko' },
    only: { type: 'string' },
    width: { type: 'string', default: '1280' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node e2e/lesson-screenshots.mjs OUTDIR [--lang ko|en] [--only slug,slug] [--width N]');
  process.exit(2);
}
const outDir = resolve(positionals[0]);
await mkdir(outDir, { recursive: true });

let server = null;
if (!process.env.MQTTLAB_APP_URL) {
  const port = await freePort();
  server = track(spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', 'dist', String(port)], {
    stdio: 'ignore',
  }));
  await waitFor(`the static server for dist/ on port ${port}`, () => portOpen(port), { timeoutMs: 5_000 });
  process.env.MQTTLAB_APP_URL = `http://127.0.0.1:${port}/`;
}

/** Clicks the n-th button (1-based) of the lesson's exercise, if enabled. */
async function press(page, n, waitMs = 600) {
  const button = page.locator('.lesson-try button').nth(n - 1);
  if ((await button.count()) && (await button.isEnabled())) {
    await button.click();
    await page.waitForTimeout(waitMs);
  }
}

/** What to do in each lesson before the capture. */
const DEMO = {
  'why-mqtt': async (page) => press(page, 1, 1_500),
  roles: async (page) => {
    await press(page, 1);
    await press(page, 2);
    await press(page, 3);
  },
  summary: async (page) => {
    const radios = page.locator('.quiz-question');
    for (let i = 0; i < 4; i++) await radios.nth(i).locator('input[type=radio]').nth(i % 3).check();
    await page.waitForTimeout(300);
  },
};

const only = values.only ? values.only.split(',') : Object.keys(LESSONS);
const browser = await launch({ viewport: { width: Number(values.width), height: 900 } });
let status = 0;
try {
  const page = browser.page;
  for (const slug of only) {
    const url = new URL(process.env.MQTTLAB_APP_URL);
    url.searchParams.set('lang', values.lang);
    url.hash = `#learn/${slug}`;
    await page.goto(url.href, { waitUntil: 'load' });
    await page.locator(`#lesson-${slug}`).waitFor();
    if (DEMO[slug]) await DEMO[slug](page);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(200);
    const path = `${outDir}/lesson-${slug}-${values.lang}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path}`);
  }
} catch (e) {
  console.error(`screenshot failed: ${e.message}\n${browser.diagnostics()}`);
  status = 1;
} finally {
  await browser.close();
  if (server) server.kill();
}
process.exit(status);
