// Helpers for intel tests: the demo files as uploads, and JSON requests as a signed-in user.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../test-support/app.js';
import { DEMO_DIR } from './demo.js';

export type Headers = Record<string, string>;

export const demoFile = (name: string): string => readFileSync(join(DEMO_DIR, name), 'utf8');
export const base64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');

export function client(t: TestApp) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, h: Headers, payload?: object) =>
    t.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  return {
    get: (url: string, h: Headers) => call('GET', url, h),
    post: (url: string, h: Headers, payload: object = {}) => call('POST', url, h, payload),
    put: (url: string, h: Headers, payload: object) => call('PUT', url, h, payload),
    del: (url: string, h: Headers) => call('DELETE', url, h),
  };
}

/** Uploads a demo CSV with its demo mapping into a case. */
export function importDemo(t: TestApp, h: Headers, caseId: string, name: 'calls' | 'registry') {
  return client(t).post(`/api/intel/cases/${caseId}/imports`, h, {
    file: `${name}.csv`,
    format: 'csv',
    content: base64(demoFile(`${name}.csv`)),
    mapping: demoFile(`${name}.yml`),
    prefix: name,
  });
}
