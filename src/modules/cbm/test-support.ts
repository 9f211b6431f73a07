// A tiny SMTP server over node:net for tests: records every message it accepts; can refuse chosen recipients.
import { createServer, type Server, type Socket } from 'node:net';

export interface SunkMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: SunkMail[];
  /** Recipients answered with 550 at RCPT TO. */
  refuse: Set<string>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const refuse = new Set<string>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let from = '';
    let to: string[] = [];
    const say = (line: string) => socket.write(line + '\r\n');
    say('220 sink.test ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let at: number;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ from, to, data: data.map((l) => (l.startsWith('..') ? l.slice(1) : l)).join('\n') });
            data = [];
            say('250 2.0.0 queued');
          } else data.push(line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') say('250-sink.test\r\n250 8BITMIME');
        else if (verb === 'HELO') say('250 sink.test');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          say('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          const rcpt = /<([^>]*)>/.exec(line)?.[1] ?? '';
          if (refuse.has(rcpt)) say('550 5.1.1 no such user');
          else {
            to.push(rcpt);
            say('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          if (!to.length) say('503 5.5.1 no recipients');
          else {
            inData = true;
            say('354 end with <CRLF>.<CRLF>');
          }
        } else if (verb === 'RSET') {
          from = '';
          to = [];
          say('250 ok');
        } else if (verb === 'NOOP') say('250 ok');
        else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The one answer link in a message. */
export function answerLink(mail: SunkMail): string {
  const links = mail.data.match(/https?:\/\/\S+\/cbm\/answer\/[A-Za-z0-9_-]+/g) ?? [];
  if (links.length !== 1) throw new Error(`expected one answer link, found ${links.length}`);
  return links[0]!;
}
