// Settings shared by the browser tests and their global setup: paths, the browser and the test administrator.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS_DIR = resolve(ROOT, 'artifacts/e2e');
export const CHROMIUM = process.env.VIGIL_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** Password the server gives `admin` on first start (VIGIL_ADMIN_PASSWORD); only for the throwaway test data dir. */
export const ADMIN_PASSWORD = 'e2e-admin-Passphrase-2024!';
