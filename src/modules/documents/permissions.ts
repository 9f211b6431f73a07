// Permissions of the documents module, with the built-in roles that hold them by default.
import type { PermissionDef } from '../../platform/module.js';

/** Parse an MRZ and run a document check (MRZ, expiry, lost/stolen, holder screening, chip). */
export const DOCUMENTS_CHECK = 'documents.check';
/** See the lost and stolen registry and the trusted certificates. */
export const DOCUMENTS_READ = 'documents.read';
/** Import lost/stolen reports, CSCA certificates, master lists and CRLs; activate registry versions. */
export const DOCUMENTS_MANAGE = 'documents.manage';

export const DOCUMENTS_PERMISSIONS: readonly PermissionDef[] = [
  {
    name: DOCUMENTS_CHECK,
    description: 'Check travel documents: MRZ, expiry, lost and stolen, holder, chip',
    roles: ['admin', 'supervisor', 'analyst', 'officer'],
  },
  { name: DOCUMENTS_READ, description: 'See the lost and stolen registry and the trusted certificates', roles: ['admin', 'supervisor', 'analyst'] },
  { name: DOCUMENTS_MANAGE, description: 'Import lost and stolen reports, CSCA certificates, master lists and CRLs', roles: ['admin', 'supervisor'] },
];
