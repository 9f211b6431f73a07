// Configuration: defaults, environment over file, one clear line per wrong setting, frozen, no secrets in the summary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, summariseConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe(resolve('data'));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.metricsPublic).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads a file and lets the environment override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cfg-'));
    const file = join(dir, 'vigil.json');
    writeFileSync(file, JSON.stringify({ port: 9000, metricsPublic: true, logLevel: 'debug' }));
    const c = loadConfig({ VIGIL_CONFIG: file, VIGIL_PORT: '9100' });
    expect(c.port).toBe(9100);
    expect(c.metricsPublic).toBe(true);
    expect(c.logLevel).toBe('debug');
  });

  it('reports every wrong setting, one line each, naming it', () => {
    let err: unknown;
    try {
      loadConfig({ VIGIL_PORT: 'eighty', VIGIL_DATABASE_URL: 'mysql://x', VIGIL_METRICS_PUBLIC: 'maybe', VIGIL_ADMIN_PASSWORD: 'short' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^VIGIL_PORT must be a whole number/);
    expect(problems.join('\n')).toMatch(/VIGIL_DATABASE_URL must start with postgres:/);
    expect(problems.join('\n')).not.toContain('short'); // a secret's value is never echoed
  });

  it('rejects unknown keys in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cfg-'));
    const file = join(dir, 'vigil.json');
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ VIGIL_CONFIG: file })).toThrow(/unknown setting "prot"/);
  });

  it('summarises without secrets', () => {
    const c = loadConfig({
      VIGIL_DATABASE_URL: 'postgres://vigil:hunter2hunter2@db.internal:5432/vigil',
      VIGIL_ADMIN_PASSWORD: 'a very secret password',
      VIGIL_AUDIT_KEY: '/etc/vigil/audit.pem',
    });
    const s = JSON.stringify(summariseConfig(c));
    expect(s).not.toContain('hunter2');
    expect(s).not.toContain('a very secret password');
    expect(s).not.toContain('/etc/vigil/audit.pem');
    expect(s).toContain('db.internal');
  });
});
