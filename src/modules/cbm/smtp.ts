// A minimal SMTP client (RFC 5321) over node:net/tls: EHLO, STARTTLS when offered, AUTH PLAIN, one connection for many messages.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export class SmtpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

const TIMEOUT_MS = 30_000;

/** A header value, encoded (RFC 2047) when it is not plain ASCII. */
const header = (v: string) => (/^[\x20-\x7e]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v, 'utf8').toString('base64')}?=`);

/** The message as sent after DATA: headers, a text body (7bit when ASCII, else base64), dot-stuffed, CRLF line ends. */
export function formatMessage(from: string, mail: Mail, date: Date, domain: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x09\x0a\x0d\x20-\x7e]*$/.test(mail.text);
  const body = ascii
    ? mail.text.replace(/\r?\n/g, '\r\n')
    : (Buffer.from(mail.text, 'utf8')
        .toString('base64')
        .match(/.{1,76}/g)
        ?.join('\r\n') ?? '');
  const lines = [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: ${header(mail.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${ascii ? '7bit' : 'base64'}`,
    '',
    body,
  ].join('\r\n');
  return lines.replace(/(^|\r\n)\./g, '$1..');
}

export class SmtpSession {
  #socket!: Socket | TLSSocket;
  #buffer = '';
  #waiting: ((line: string | Error) => void) | undefined;
  #lines: string[] = [];
  #error: Error | undefined;

  private constructor(private readonly url: URL) {}

  /** Connects, greets and authenticates; throws SmtpError or a network error. */
  static async open(smtpUrl: string): Promise<SmtpSession> {
    const s = new SmtpSession(new URL(smtpUrl));
    await s.#connect();
    return s;
  }

  #attach(socket: Socket | TLSSocket): void {
    this.#socket = socket;
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('the SMTP server did not answer in time')));
    socket.on('data', (d: Buffer) => {
      this.#buffer += d.toString('latin1');
      let at: number;
      while ((at = this.#buffer.indexOf('\n')) >= 0) {
        this.#lines.push(this.#buffer.slice(0, at).replace(/\r$/, ''));
        this.#buffer = this.#buffer.slice(at + 1);
      }
      this.#wake();
    });
    socket.on('error', (err) => {
      this.#error = err;
      this.#wake();
    });
    socket.on('close', () => {
      this.#error ??= new Error('the SMTP server closed the connection');
      this.#wake();
    });
  }

  #wake(): void {
    const w = this.#waiting;
    if (!w) return;
    const line = this.#lines.shift();
    if (line !== undefined) {
      this.#waiting = undefined;
      w(line);
    } else if (this.#error) {
      this.#waiting = undefined;
      w(this.#error);
    }
  }

  #line(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#waiting = (v) => (v instanceof Error ? reject(v) : resolve(v));
      this.#wake();
    });
  }

  /** Reads one (possibly multi-line) reply; throws unless its code is expected. */
  async #reply(expect: number[]): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const l = await this.#line();
      lines.push(l);
      if (lines.length > 200) throw new SmtpError(0, 'the SMTP reply is too long');
      if (!/^\d{3}-/.test(l)) break;
    }
    const code = Number(lines.at(-1)!.slice(0, 3));
    if (!expect.includes(code)) throw new SmtpError(code, `SMTP ${lines.at(-1)}`);
    return lines;
  }

  async #command(line: string, expect: number[]): Promise<string[]> {
    this.#socket.write(line + '\r\n');
    return this.#reply(expect);
  }

  async #connect(): Promise<void> {
    const u = this.url;
    const port = Number(u.port) || (u.protocol === 'smtps:' ? 465 : 25);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    await new Promise<void>((resolve, reject) => {
      const sock = u.protocol === 'smtps:' ? tlsConnect({ host, port, servername: host }, resolve) : netConnect({ host, port }, resolve);
      sock.once('error', reject);
      this.#attach(sock);
    });
    await this.#reply([220]);
    let caps = await this.#command(`EHLO ${hostname() || 'vigil'}`, [250]);
    if (u.protocol === 'smtp:' && caps.some((c) => /^250[- ]STARTTLS/i.test(c))) {
      await this.#command('STARTTLS', [220]);
      const plain = this.#socket;
      plain.removeAllListeners('data');
      const secure = await new Promise<TLSSocket>((resolve, reject) => {
        const t = tlsConnect({ socket: plain, servername: host }, () => resolve(t));
        t.once('error', reject);
      });
      this.#attach(secure);
      caps = await this.#command(`EHLO ${hostname() || 'vigil'}`, [250]);
    }
    if (u.username) {
      const auth = Buffer.from(`\0${decodeURIComponent(u.username)}\0${decodeURIComponent(u.password)}`, 'utf8').toString('base64');
      await this.#command(`AUTH PLAIN ${auth}`, [235]);
    }
  }

  /** Sends one message; a refused recipient throws SmtpError and leaves the session usable. */
  async send(from: string, mail: Mail, date: Date): Promise<void> {
    if (/[\r\n<>]/.test(mail.to) || /[\r\n<>]/.test(from)) throw new SmtpError(0, 'an address holds a line break or angle bracket');
    try {
      await this.#command(`MAIL FROM:<${from}>`, [250]);
      await this.#command(`RCPT TO:<${mail.to}>`, [250, 251]);
      await this.#command('DATA', [354]);
      this.#socket.write(formatMessage(from, mail, date, from.split('@')[1] ?? 'vigil') + '\r\n.\r\n');
      await this.#reply([250]);
    } catch (err) {
      if (err instanceof SmtpError && err.code >= 400) await this.#command('RSET', [250]).catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.#command('QUIT', [221]).catch(() => undefined);
    this.#socket.destroy();
  }
}
