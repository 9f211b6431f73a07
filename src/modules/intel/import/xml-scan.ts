// A minimal XML scanner for spreadsheet parts: tags, attributes and text in one linear pass; no DTD, no external entities.
export interface XmlTag {
  /** Local name (prefix dropped): `c`, `row`, `si`. */
  name: string;
  attrs: Record<string, string>;
  /** `<x/>` */
  empty: boolean;
  /** `</x>` */
  close: boolean;
  offset: number;
}

export class XmlScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlScanError';
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the five predefined entities and character references; anything else is an error. */
export function unescapeXml(s: string, offset = 0): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,10});?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new XmlScanError('a bare & in text', offset);
    if (Object.hasOwn(ENTITIES, name)) return ENTITIES[name]!;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : name.startsWith('#') ? Number.parseInt(name.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new XmlScanError(`unknown entity &${name.slice(0, 10)};`, offset);
    return String.fromCodePoint(code);
  });
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Tags and the text between them, in order. Comments, processing instructions and CDATA are handled; a DOCTYPE is refused. */
export function* scanXml(xml: string): Generator<XmlTag | string> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield unescapeXml(xml.slice(i), i);
      return;
    }
    if (lt > i) yield unescapeXml(xml.slice(i, lt), i);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlScanError('unterminated comment', lt);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlScanError('unterminated CDATA section', lt);
      yield xml.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) throw new XmlScanError('document type declarations are not accepted in spreadsheet parts', lt);
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlScanError('unterminated processing instruction', lt);
      i = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) throw new XmlScanError('unterminated tag', lt);
    let body = xml.slice(lt + 1, gt);
    const close = body.startsWith('/');
    const empty = !close && body.endsWith('/');
    if (close) body = body.slice(1);
    if (empty) body = body.slice(0, -1);
    const m = /^[A-Za-z_][\w.:-]*/.exec(body);
    if (!m) throw new XmlScanError('malformed tag', lt);
    const qname = m[0];
    const attrs: Record<string, string> = {};
    if (!close) {
      const rest = body.slice(qname.length);
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(rest); a; a = ATTR.exec(rest)) {
        const key = a[1]!.includes(':') ? a[1]! : a[1]!;
        attrs[key] = unescapeXml(a[3] ?? a[4] ?? '', lt);
      }
    }
    const colon = qname.indexOf(':');
    yield { name: colon >= 0 ? qname.slice(colon + 1) : qname, attrs, empty, close, offset: lt };
    i = gt + 1;
  }
}
