// Confidence-building benchmarks: a round's report over many answers and a contacts file, each against a same-run baseline.
import { report, scaled, timeBatch, type Row } from './harness.js';
import { stats, type CheckMessage } from '../src/modules/cbm/report.js';
import { parseContactsJsonl } from '../src/modules/cbm/contacts-import.js';

export async function cbmBench(): Promise<void> {
  const n = scaled(200_000, 1000);
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  const messages: CheckMessage[] = Array.from({ length: n }, (_, i) => ({
    id: `chk_${i}`,
    contactId: `poc_${i}`,
    contactName: 'Testperson',
    state: 'at',
    kind: 'technical',
    delivery: 'emailed',
    deliveryError: null,
    sentAt: new Date(t0).toISOString(),
    answeredAt: i % 3 === 0 ? null : new Date(t0 + ((i * 7919) % 172_800) * 1000).toISOString(),
    answeredVia: 'link',
  }));
  const rows: Row[] = [];
  rows.push(await timeBatch('baseline: sort answer times', n, () => messages.map((m) => (m.answeredAt ? Date.parse(m.answeredAt) : 0)).sort((a, b) => a - b)));
  rows.push({
    ...(await timeBatch('round report (rate, p50, p90, late)', n, () => stats(messages, '2026-01-02T00:00:00.000Z'))),
    baseline: 'baseline: sort answer times',
  });

  const lines = scaled(20_000, 200);
  const text = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      state: 'fi',
      kind: i % 2 ? 'policy' : 'technical',
      organisation: 'Demo CERT',
      name: `Testperson ${i}`,
      email: `p${i}@cert.fi.example.org`,
      languages: ['en'],
    }),
  ).join('\n');
  rows.push(await timeBatch('baseline: JSON.parse contacts file', lines, () => text.split('\n').map((l) => JSON.parse(l) as unknown)));
  rows.push({ ...(await timeBatch('contacts import check (JSONL)', lines, () => parseContactsJsonl(text))), baseline: 'baseline: JSON.parse contacts file' });
  report('cbm', rows);
}
