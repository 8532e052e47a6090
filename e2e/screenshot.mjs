#!/usr/bin/env node
// Screenshots of the connected app, in English and in Korean, for checking
// the UI by eye and for the README.
//
// Usage: node e2e/screenshot.mjs OUTDIR [--url APP_URL] [--width N] [--height N]
//
// Without --url (or MQTTLAB_APP_URL) it serves ./dist itself on a free
// 127.0.0.1 port: build it first with `trunk build --release` (with
// node_modules/.bin on PATH, as scripts/lib/toolchain.sh sets it up).
// It starts a mosquitto of its own, connects the app to it, subscribes to
// lab/#, has mosquitto_pub send a few messages, and writes
// OUTDIR/app-en.png and OUTDIR/app-ko.png (full page), then the explorer
// views in each language: OUTDIR/explorer-{topics,retained,packets}-{en,ko}.png.

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { connect, controls, openApp, statistic, subscribe, waitForStatus } from './lib/app.mjs';
import { launch } from './lib/browser.mjs';
import { startBroker } from './lib/broker.mjs';
import { publish } from './lib/mqtt-cli.mjs';
import { serveDistUnlessGiven, waitFor } from './lib/util.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node e2e/screenshot.mjs OUTDIR [--url APP_URL] [--width N] [--height N]');
  process.exit(2);
}
const outDir = resolve(positionals[0]);
await mkdir(outDir, { recursive: true });

if (values.url) process.env.MQTTLAB_APP_URL = values.url;
const server = await serveDistUnlessGiven();

/** A CSS path from <body> to `el` (tag:nth-of-type steps), to find the same
 * control in the Korean page, whose accessible names differ. */
function cssPathOf(locator) {
  return locator.evaluate((el) => {
    const steps = [];
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const siblings = [...node.parentElement.children].filter((s) => s.tagName === node.tagName);
      steps.unshift(`${node.tagName.toLowerCase()}:nth-of-type(${siblings.indexOf(node) + 1})`);
    }
    return `body > ${steps.join(' > ')}`;
  });
}

/** Switches the running app to Korean through its language control, if one
 * can be found by name; returns whether it did. */
async function switchToKorean(page) {
  const korean = /한국어|Korean/;
  for (const role of ['button', 'link', 'radio', 'menuitem', 'tab']) {
    const control = page.getByRole(role, { name: korean });
    if ((await control.count()) > 0) {
      await control.first().click();
      return true;
    }
  }
  const select = page.getByRole('combobox', { name: /Language|언어/ });
  if ((await select.count()) > 0) {
    const labels = await select.first().locator('option').allTextContents();
    const index = labels.findIndex((l) => korean.test(l) || /^\s*ko\b/i.test(l));
    if (index >= 0) {
      await select.first().selectOption({ index });
      return true;
    }
  }
  return false;
}

const broker = await startBroker();
const browser = await launch({ viewport: { width: Number(values.width), height: Number(values.height) } });
let status = 0;
try {
  const page = browser.page;
  await openApp(page);
  const c = controls(page);
  const paths = {
    brokerUrl: await cssPathOf(c.brokerUrl),
    connect: await cssPathOf(c.connect),
    topicFilter: await cssPathOf(c.topicFilter),
    subscribe: await cssPathOf(c.subscribe),
  };
  await connect(page, { url: broker.wsUrl });
  await waitForStatus(page, 'Connected');
  const mark = broker.mark();
  await subscribe(page, 'lab/#', 1);
  await broker.waitForLog(/Sending SUBACK to /, { from: mark });
  const samples = [
    ['lab/greenhouse/temperature', '{"celsius": 21.5, "sensor": "dht22"}', 1],
    ['lab/greenhouse/humidity', '{"percent": 48}', 0],
    ['lab/door/front', 'closed', 2],
    ['lab/hello', '안녕하세요, MQTT!', 1],
  ];
  for (const [topic, payload, qos] of samples) await publish(broker, topic, payload, { qos });
  await publish(broker, 'lab/door/back', 'locked', { qos: 1, retain: true });
  // A series for the topic detail's chart.
  for (let i = 0; i < 12; i++) {
    const celsius = (21 + Math.sin(i / 2) * 1.5).toFixed(1);
    await publish(broker, 'lab/greenhouse/temperature', `{"celsius": ${celsius}, "sensor": "dht22"}`, { qos: 1 });
  }
  // Every message arrived (the log draws only the rows in view, so the
  // early ones are no longer in the page once the later ones push them down).
  const sent = samples.length + 1 + 12;
  await waitFor(`${sent} messages received`, async () => (await statistic(page, 'Messages received')) >= sent,
    { timeoutMs: 10_000 });
  await toTop(page);
  await page.screenshot({ path: `${outDir}/app-en.png`, fullPage: true });
  console.log(`wrote ${outDir}/app-en.png`);
  await captureExplorer(page, 'en');

  if (await switchToKorean(page)) {
    await page.waitForTimeout(500);
  } else {
    // No language switch found by name: open ?lang=ko and repeat the
    // steps through the English page's element paths.
    console.log('no language switch found by name; reconnecting in a ?lang=ko page');
    const korean = new URL(process.env.MQTTLAB_APP_URL);
    korean.searchParams.set('lang', 'ko');
    await page.goto(korean.href, { waitUntil: 'load' });
    await page.locator(paths.brokerUrl).fill(broker.wsUrl);
    await page.locator(paths.connect).click();
    await page.waitForTimeout(1_000);
    await page.locator(paths.topicFilter).fill('lab/#');
    await page.locator(paths.subscribe).click();
    await page.waitForTimeout(500);
    for (const [topic, payload, qos] of samples) await publish(broker, topic, payload, { qos });
    await page.waitForTimeout(1_000);
  }
  await toTop(page);
  await page.screenshot({ path: `${outDir}/app-ko.png`, fullPage: true });
  console.log(`wrote ${outDir}/app-ko.png`);
  await captureExplorer(page, 'ko');
} catch (e) {
  console.error(`screenshot failed: ${e.message}\n${browser.diagnostics()}`);
  status = 1;
} finally {
  await browser.close();
  await broker.cleanup();
  if (server) server.kill();
}
process.exit(status);

/** Scrolls to the top and drops the focus: a full-page capture of a page
 * scrolled by typing would draw a sticky header part-way down. */
async function toTop(page) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(100);
}

/** The three explorer views, found by id so the same steps work in Korean. */
async function captureExplorer(page, lang) {
  const panel = page.locator('.explorer-panel');
  await page.locator('#explorer-tab-topics').click();
  await page.locator('.topic-explorer .explorer-buttons button').first().click();
  await page.locator('[role=treeitem][data-path="lab/greenhouse/temperature"]').click();
  const field = page.locator('.chart-field select');
  if ((await field.count()) > 0) await field.selectOption('celsius');
  await page.waitForTimeout(300);
  await panel.screenshot({ path: `${outDir}/explorer-topics-${lang}.png` });
  await page.locator('#explorer-tab-retained').click();
  await page.locator('.retained-inspector .explorer-buttons button').first().click();
  await page.waitForTimeout(2_500);
  await panel.screenshot({ path: `${outDir}/explorer-retained-${lang}.png` });
  await page.locator('#explorer-tab-packets').click();
  await page.locator('.packet-table .link-button', { hasText: /^PUBLISH$/ }).first().click();
  await page.waitForTimeout(300);
  await panel.screenshot({ path: `${outDir}/explorer-packets-${lang}.png` });
  await page.locator('#explorer-tab-topics').click();
  console.log(`wrote ${outDir}/explorer-*-${lang}.png`);
}
