// Test helpers of the taxii module: a partner organisation with a token and a person, medallion's data loaded.
import { existsSync, readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { TEST_PASSWORD, type TestApp } from '../../../test-support/app.js';
import { importMedallion, type MedallionImport } from '../medallion.js';

export const MEDALLION_DATA = '/work/shared/data/taxii/medallion-default_data.json';
export const SHARED_STIX = '/work/shared/data/stix';
export const TAXII = 'application/taxii+json;version=2.1';

export interface Partner {
  orgId: string;
  /** Bearer token of its machine account. */
  authorization: string;
  /** A person of the organisation, for HTTP Basic. */
  username: string;
  basic: string;
}

export async function createPartner(t: TestApp, name: string): Promise<Partner> {
  const by = { actor: SYSTEM_ACTOR };
  const org = await t.ctx.auth.directory.createOrg({ name, kind: 'partner' }, by);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const machine = await t.ctx.auth.directory.createUser(
    { username: `${slug}-feed`, displayName: `${name} feed`, kind: 'machine', orgId: org.id, roles: ['partner'] },
    by,
  );
  const token = await t.ctx.auth.credentials.createToken({ userId: machine.id, name: 'taxii' }, by);
  const username = `${slug}-analyst`;
  await t.ctx.auth.directory.createUser({ username, displayName: `${name} analyst`, orgId: org.id, roles: ['partner'], password: TEST_PASSWORD }, by);
  return {
    orgId: org.id,
    authorization: `Bearer ${token.token}`,
    username,
    basic: `Basic ${Buffer.from(`${username}:${TEST_PASSWORD}`).toString('base64')}`,
  };
}

export const medallionAvailable = (): boolean => {
  if (existsSync(MEDALLION_DATA)) return true;
  console.warn(`[skipped] medallion conformance suite: ${MEDALLION_DATA} is absent`);
  return false;
};

export async function loadMedallion(t: TestApp, p: Partner): Promise<MedallionImport> {
  const data = JSON.parse(readFileSync(MEDALLION_DATA, 'utf8')) as Record<string, unknown>;
  return importMedallion(t.ctx, data, p.orgId, 'red', { actor: SYSTEM_ACTOR });
}
