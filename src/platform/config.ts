// Configuration: read once from the environment and an optional JSON file, validated, frozen.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type ProcessRole = 'all' | 'api' | 'worker';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly natsUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly auditKey: string | undefined;
  readonly metricsPublic: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  readonly cookieSecure: 'auto' | boolean;
  readonly sessionTtlMinutes: number;
  readonly bodyLimitBytes: number;
  readonly role: ProcessRole;
  readonly eventStream: string;
  readonly auditCheckpointSeconds: number;
  /** Folder watched for passenger messages (API/PNR files); `off` disables it. */
  readonly travelDropDir: string | undefined;
  /** NATS subject passenger messages arrive on, when NATS is configured. */
  readonly travelIntakeSubject: string;
  /** The State whose passenger information unit this is (ISO alpha-2): tells inbound from outbound flights. */
  readonly travelCountry: string | undefined;
  /** Pushes expected from carriers per flight: message type and hours before departure (0 = at closure), e.g. `PNRGOV-48,PNRGOV-24,PAXLST-0`. */
  readonly travelPushes: readonly { type: 'PAXLST' | 'PNRGOV'; hoursBefore: number }[];
  /** SMTP server for outgoing mail (communication checks, reminders), e.g. `smtp://user:pass@127.0.0.1:2525`; smtps:// for implicit TLS. */
  readonly smtpUrl: string | undefined;
  /** Sender address of outgoing mail. */
  readonly smtpFrom: string;
  /** The URL people reach this server at, for links in mail; default http://<host>:<port>. */
  readonly publicUrl: string | undefined;
  /** Days after which a point of contact not re-confirmed is flagged stale. */
  readonly cbmReconfirmDays: number;
  /** Where confirmed passenger matches are posted (signed), if anywhere. */
  readonly travelWebhookUrl: string | undefined;
  /** HMAC-SHA256 key of the webhook's signature. */
  readonly travelWebhookSecret: string | undefined;
  /** Months after receipt when API and PNR data are depersonalised (EU PNR Directive art. 12(2): 6). */
  readonly travelDepersonaliseMonths: number;
  /** Months after receipt when they are deleted unless linked to a confirmed alert (art. 12(4): 60). */
  readonly travelDeleteMonths: number;
}

/** One setting: its environment name, config-file key, parser and default. */
interface Setting<K extends keyof Config> {
  key: K;
  env: string;
  secret?: boolean;
  parse: (raw: string) => Config[K];
  fallback: (dataDir: string) => Config[K];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const integer = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw.trim())) throw new Error(`must be a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`must be a whole number from ${min} to ${max}`);
  return n;
};
const bool = (raw: string) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new Error('must be 1/true/yes/on or 0/false/no/off');
};
const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string): T => {
    if ((values as string[]).includes(raw)) return raw as T;
    throw new Error(`must be one of ${values.join(', ')}`);
  };
const url =
  (...protocols: string[]) =>
  (raw: string) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error('is not a valid URL');
    }
    if (!protocols.includes(parsed.protocol)) throw new Error(`must start with ${protocols.map((p) => p + '//').join(' or ')}`);
    return raw;
  };
const text = (raw: string) => raw;
const none = () => undefined;

const settings: { [K in keyof Config]: Setting<K> } = {
  port: { key: 'port', env: 'VIGIL_PORT', parse: integer(0, 65535), fallback: () => 8080 },
  host: { key: 'host', env: 'VIGIL_HOST', parse: text, fallback: () => '127.0.0.1' },
  dataDir: { key: 'dataDir', env: 'VIGIL_DATA_DIR', parse: (raw) => resolve(raw), fallback: () => resolve('data') },
  databaseUrl: { key: 'databaseUrl', env: 'VIGIL_DATABASE_URL', secret: true, parse: url('postgres:', 'postgresql:'), fallback: none },
  natsUrl: { key: 'natsUrl', env: 'VIGIL_NATS_URL', secret: true, parse: url('nats:', 'tls:'), fallback: none },
  adminPassword: {
    key: 'adminPassword',
    env: 'VIGIL_ADMIN_PASSWORD',
    secret: true,
    parse: (raw) => {
      if (raw.length < 12) throw new Error('must be at least 12 characters');
      return raw;
    },
    fallback: none,
  },
  auditKey: { key: 'auditKey', env: 'VIGIL_AUDIT_KEY', secret: true, parse: text, fallback: none },
  metricsPublic: { key: 'metricsPublic', env: 'VIGIL_METRICS_PUBLIC', parse: bool, fallback: () => false },
  logLevel: {
    key: 'logLevel',
    env: 'VIGIL_LOG_LEVEL',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    fallback: () => 'info',
  },
  trustProxy: { key: 'trustProxy', env: 'VIGIL_TRUST_PROXY', parse: bool, fallback: () => false },
  cookieSecure: {
    key: 'cookieSecure',
    env: 'VIGIL_COOKIE_SECURE',
    parse: (raw) => (raw === 'auto' ? 'auto' : bool(raw)),
    fallback: () => 'auto',
  },
  sessionTtlMinutes: { key: 'sessionTtlMinutes', env: 'VIGIL_SESSION_TTL_MINUTES', parse: integer(5, 7 * 24 * 60), fallback: () => 480 },
  bodyLimitBytes: { key: 'bodyLimitBytes', env: 'VIGIL_BODY_LIMIT_BYTES', parse: integer(1024, 1024 ** 3), fallback: () => 1024 * 1024 },
  role: { key: 'role', env: 'VIGIL_ROLE', parse: oneOf('all', 'api', 'worker'), fallback: () => 'all' },
  eventStream: {
    key: 'eventStream',
    env: 'VIGIL_EVENT_STREAM',
    parse: (raw) => {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new Error('must be 1-64 letters, digits, _ or -');
      return raw;
    },
    fallback: () => 'VIGIL_EVENTS',
  },
  auditCheckpointSeconds: {
    key: 'auditCheckpointSeconds',
    env: 'VIGIL_AUDIT_CHECKPOINT_SECONDS',
    parse: integer(1, 86400),
    fallback: () => 60,
  },
  travelDropDir: {
    key: 'travelDropDir',
    env: 'VIGIL_TRAVEL_DROP_DIR',
    parse: (raw) => (raw === 'off' ? undefined : resolve(raw)),
    fallback: (dataDir) => resolve(dataDir, 'inbox', 'travel'),
  },
  travelIntakeSubject: {
    key: 'travelIntakeSubject',
    env: 'VIGIL_TRAVEL_INTAKE_SUBJECT',
    parse: (raw) => {
      if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(raw)) throw new Error('must be a NATS subject: tokens of letters, digits, _ or - joined by dots');
      return raw;
    },
    fallback: () => 'vigil.travel.inbound',
  },
  travelCountry: {
    key: 'travelCountry',
    env: 'VIGIL_TRAVEL_COUNTRY',
    parse: (raw) => {
      if (!/^[A-Za-z]{2}$/.test(raw)) throw new Error('must be an ISO 3166 alpha-2 country code');
      return raw.toLowerCase();
    },
    fallback: none,
  },
  travelPushes: {
    key: 'travelPushes',
    env: 'VIGIL_TRAVEL_PUSHES',
    parse: (raw) =>
      raw.split(',').map((part) => {
        const m = /^(PAXLST|PNRGOV)-(\d{1,3})$/.exec(part.trim());
        if (!m) throw new Error(`"${part.trim()}" is not TYPE-HOURS (PAXLST-0, PNRGOV-48)`);
        return { type: m[1] as 'PAXLST' | 'PNRGOV', hoursBefore: Number(m[2]) };
      }),
    fallback: () => [
      { type: 'PNRGOV', hoursBefore: 48 },
      { type: 'PNRGOV', hoursBefore: 24 },
      { type: 'PAXLST', hoursBefore: 0 },
    ],
  },
  smtpUrl: { key: 'smtpUrl', env: 'VIGIL_SMTP_URL', secret: true, parse: url('smtp:', 'smtps:'), fallback: none },
  smtpFrom: {
    key: 'smtpFrom',
    env: 'VIGIL_SMTP_FROM',
    parse: (raw) => {
      if (!/^[^\s@<>]+@[^\s@<>]+$/.test(raw)) throw new Error('must be an e-mail address');
      return raw;
    },
    fallback: () => 'vigil@localhost',
  },
  publicUrl: { key: 'publicUrl', env: 'VIGIL_PUBLIC_URL', parse: (raw) => url('http:', 'https:')(raw).replace(/\/+$/, ''), fallback: none },
  cbmReconfirmDays: { key: 'cbmReconfirmDays', env: 'VIGIL_CBM_RECONFIRM_DAYS', parse: integer(1, 3650), fallback: () => 180 },
  travelWebhookUrl: { key: 'travelWebhookUrl', env: 'VIGIL_TRAVEL_WEBHOOK_URL', secret: true, parse: url('http:', 'https:'), fallback: none },
  travelWebhookSecret: {
    key: 'travelWebhookSecret',
    env: 'VIGIL_TRAVEL_WEBHOOK_SECRET',
    secret: true,
    parse: (raw) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters');
      return raw;
    },
    fallback: none,
  },
  travelDepersonaliseMonths: { key: 'travelDepersonaliseMonths', env: 'VIGIL_TRAVEL_DEPERSONALISE_MONTHS', parse: integer(1, 60), fallback: () => 6 },
  travelDeleteMonths: { key: 'travelDeleteMonths', env: 'VIGIL_TRAVEL_DELETE_MONTHS', parse: integer(1, 120), fallback: () => 60 },
};

/**
 * Reads the configuration. The file named by VIGIL_CONFIG (JSON, keys as in `Config`) is read first;
 * environment variables override it. Every wrong setting is reported, each in one line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const problems: string[] = [];
  let file: Record<string, unknown> = {};
  const filePath = env.VIGIL_CONFIG;
  if (filePath) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('top level must be a JSON object');
      file = parsed as Record<string, unknown>;
      for (const key of Object.keys(file)) {
        if (!(key in settings)) problems.push(`${filePath}: unknown setting "${key}"`);
      }
    } catch (err) {
      problems.push(`VIGIL_CONFIG=${filePath}: ${(err as Error).message}`);
    }
  }
  const out: Record<string, unknown> = {};
  const order = Object.keys(settings) as (keyof Config)[];
  for (const key of order) {
    const s = settings[key] as Setting<typeof key>;
    const fromOverride = overrides[key];
    const fromEnv = env[s.env];
    const fromFile = file[key];
    const [raw, where] =
      fromOverride !== undefined
        ? [fromOverride, `--${key}`]
        : fromEnv !== undefined && fromEnv !== ''
          ? [fromEnv, s.env]
          : fromFile !== undefined
            ? [String(fromFile), `${filePath}: ${key}`]
            : [undefined, ''];
    if (raw === undefined) continue;
    try {
      out[key] = s.parse(raw);
    } catch (err) {
      problems.push(`${where} ${(err as Error).message}${s.secret ? '' : ` (got "${raw}")`}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  const dataDir = (out.dataDir as string | undefined) ?? settings.dataDir.fallback('');
  for (const key of order) {
    if (!(key in out)) out[key] = settings[key].fallback(dataDir);
  }
  return Object.freeze(out as unknown as Config);
}

/** The configuration as it may be logged: secrets are replaced by whether they are set. */
export function summariseConfig(config: Config): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of Object.keys(settings) as (keyof Config)[]) {
    const value = config[key];
    if (settings[key].secret) {
      summary[key] = value === undefined ? 'unset' : key === 'databaseUrl' || key === 'natsUrl' || key === 'smtpUrl' ? redactUrl(String(value)) : 'set';
    } else summary[key] = value;
  }
  return summary;
}

function redactUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.toString();
}
