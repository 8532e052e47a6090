// The explorer views as a person reaches them: tabs "Topics", "Retained",
// "Packets" under the three columns; tree "Topic tree" of treeitems named by
// their level; region "Retained messages"; region "Packets".

import { publish } from './mqtt-cli.mjs';

/** Opens explorer tab `name` ("Topics", "Retained" or "Packets"). */
export async function openTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** The tree. */
export function topicTree(page) {
  return page.getByRole('tree', { name: 'Topic tree', exact: true });
}

/** Rows in the DOM (the tree draws only those in view), each as
 * `{ path, name, level, counts, highlighted, text }`. */
export async function renderedRows(page) {
  return topicTree(page).evaluate((tree) =>
    [...tree.querySelectorAll('[role=treeitem]')].map((el) => ({
      path: el.dataset.path,
      name: el.getAttribute('aria-label'),
      level: Number(el.getAttribute('aria-level')),
      counts: el.querySelector('.tree-counts')?.innerText ?? '',
      highlighted: el.dataset.highlighted === 'true',
      text: el.innerText,
    })));
}

/** Publishes `messages` ([topic, payload] pairs) with mosquitto_pub, at most
 * `parallel` processes at a time. */
export async function publishMany(broker, messages, { parallel = 16, qos = 0, retain = false } = {}) {
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const [topic, payload] = messages[next++];
      await publish(broker, topic, payload, { qos, retain });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
