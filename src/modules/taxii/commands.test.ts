// `vigil taxii collection add|ls`, `vigil taxii partner add|ls` and `vigil stix import` as a user runs them (child processes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test-support/cli.js';

const DEMO = join(import.meta.dirname, 'demo');

describe('vigil taxii and vigil stix (CLI)', { timeout: 180_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => vigil(args, env);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-taxii-cli-'));
    env = { VIGIL_DATA_DIR: join(dir, 'data'), VIGIL_LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds and lists collections, and grants a partner organisation', async () => {
    const added = await run('taxii', 'collection', 'add', '--title', 'Shared with CERTs', '--alias', 'certs', '--json');
    expect(added.code, added.stderr).toBe(0);
    const { id } = JSON.parse(added.stdout) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const ls = await run('taxii', 'collection', 'ls', '--json');
    expect((JSON.parse(ls.stdout) as { id: string; alias: string }[]).map((c) => [c.id, c.alias])).toEqual([[id, 'certs']]);
    expect((await run('taxii', 'collection', 'add', '--title', 'Again', '--alias', 'certs')).code).toBe(1);

    expect((await run('org', 'add', 'Partner CERT Testland', '--kind', 'partner')).code).toBe(0);
    const granted = await run('taxii', 'partner', 'add', 'Partner CERT Testland', '--collection', 'certs', '--read', '--max-tlp', 'TLP:WHITE', '--json');
    expect(granted.code, granted.stderr).toBe(0);
    expect(JSON.parse(granted.stdout)).toMatchObject({ collectionId: id, canRead: true, canWrite: false, maxTlp: 'clear' });
    expect((await run('taxii', 'partner', 'add', 'Partner CERT Testland', '--collection', 'certs', '--max-tlp', 'green')).code).toBe(2);
    expect((await run('taxii', 'partner', 'add', 'Partner CERT Testland', '--collection', 'certs', '--read', '--max-tlp', 'purple')).code).toBe(1);
    expect((await run('taxii', 'partner', 'add', 'Nobody Agency', '--collection', 'certs', '--read', '--max-tlp', 'red')).code).toBe(3);
    expect((await run('taxii', 'partner', 'add', 'Partner CERT Testland', '--collection', 'nope', '--read', '--max-tlp', 'red')).code).toBe(3);
    const partners = await run('taxii', 'partner', 'ls');
    expect(partners.stdout).toMatch(/Partner CERT Testland.*yes.*no.*clear/);
  });

  it('subscribes to a partner collection (credentials named by an environment variable), refusing bad URLs', async () => {
    const url = 'https://taxii.partner.example/taxii2/default/collections/7b0b7b9e-0000-4000-8000-000000000001/';
    const sub = await run('taxii', 'subscribe', url, '--collection', 'certs', '--token-env', 'PARTNER_TOKEN', '--every', '600', '--json');
    expect(sub.code, sub.stderr).toBe(0);
    expect(JSON.parse(sub.stdout)).toMatchObject({ url, everySeconds: 600 });
    expect((await run('taxii', 'subscribe', 'ftp://example.org/x', '--collection', 'certs')).code).toBe(1);
    expect((await run('taxii', 'subscribe', url, '--collection', 'nope')).code).toBe(3);
  });

  it('imports a valid bundle (exit 0), then a bundle with an invalid object: errors with JSON paths, exit 1', async () => {
    const ok = await run('stix', 'import', join(DEMO, 'apt1.json'), '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ objects: 76, added: 76, rejected: 0 });
    const again = await run('stix', 'import', join(DEMO, 'apt1.json'), '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, present: 76 });

    const file = join(dir, 'mixed.json');
    const good = {
      type: 'tool',
      spec_version: '2.1',
      id: 'tool--00000000-0000-4000-8000-000000000001',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: 't',
    };
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--00000000-0000-4000-8000-000000000002',
        objects: [good, { ...good, id: 'malware--00000000-0000-4000-8000-000000000003' }],
      }),
    );
    const mixed = await run('stix', 'import', file);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('$.objects[1].id');
    expect(mixed.stdout).toMatch(/2 objects: 1 added, 0 already present, 1 rejected/);

    writeFileSync(join(dir, 'broken.json'), '{\n  "type": "bundle",\n  "objects": [}\n');
    const broken = await run('stix', 'import', join(dir, 'broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json:3:\d+: not JSON/);
    expect((await run('stix', 'import', join(dir, 'missing.json'))).code).toBe(3);
  });
});
