// Every installed package must support the Node.js these machines run (the project's decision: Node 20): a package
// whose `engines` exclude it installs with a warning and may break at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/test-support/cli.js';

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

describe('dependencies', () => {
  it('lock only packages whose engines allow the Node.js in use and the package.json engines range', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const floor = semver.minVersion(root.engines?.node ?? process.version)!.version;
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!path || !range) continue;
      for (const node of [process.version, floor])
        if (!semver.satisfies(node, range)) refused.push(`${path}@${entry.version} needs node ${range}, not ${node}`);
    }
    expect(refused).toEqual([]);
  });
});
