// Tests of the streaming XML reader: records, DOCTYPE refusal (XXE, billion laughs), bounds, truncation and fuzzing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readXml, textOf, type XmlReadOptions, type XmlRecord } from './xml-reader.js';
import { BILLION_LAUGHS, XXE, mutated, tempDir } from './fuzz-support.js';
import { ImportError } from './types.js';

const tmp = tempDir();
afterAll(tmp.remove);
let n = 0;

function file(content: string | Buffer): string {
  const path = join(tmp.dir, `f${n++}.xml`);
  writeFileSync(path, content);
  return path;
}

const items = (p: readonly string[]): boolean => p.length === 2 && p[1] === 'item';

async function read(content: string | Buffer, opts: Partial<XmlReadOptions> = {}): Promise<XmlRecord[]> {
  const out: XmlRecord[] = [];
  for await (const r of readXml(file(content), { isRecord: items, ...opts })) out.push(r);
  return out;
}

async function failure(content: string | Buffer, opts: Partial<XmlReadOptions> = {}): Promise<ImportError> {
  const e = await read(content, opts).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('readXml', () => {
  it('yields each record element whole, with names without prefixes, attributes, text and position', async () => {
    const out = await read(
      '<?xml version="1.0"?>\n<x:list xmlns:x="urn:x">\n  <x:item id="1"><name>A &amp; B</name><![CDATA[<raw>]]></x:item>\n  <x:item id="2"/>\n</x:list>',
    );
    expect(out).toHaveLength(2);
    expect(out[0]!.element.name).toBe('item');
    expect(out[0]!.element.attrs.id).toBe('1');
    expect(textOf(out[0]!.element, 'name')).toBe('A & B');
    expect(out[0]!.element.text).toBe('<raw>');
    expect(out[0]!.path).toEqual(['list', 'item']);
    expect(out[0]!).toMatchObject({ line: 3, column: 3, offset: 49 });
  });

  it('refuses an XXE payload before any entity is read, naming the DOCTYPE line and column', async () => {
    const e = await failure(XXE);
    expect(e.message).toMatch(/DOCTYPE declaration is not accepted/);
    expect(e.where).toMatchObject({ line: 2, column: 1, offset: 22 });
  });

  it('refuses a billion-laughs file', async () => {
    const e = await failure(BILLION_LAUGHS);
    expect(e.message).toMatch(/DOCTYPE/);
    expect(e.where.line).toBe(2);
  });

  it('refuses undefined entities, too-deep nesting, too-long text and the wrong root', async () => {
    expect((await failure('<list><item>&nbsp;</item></list>')).message).toMatch(/undefined entity/);
    const deep = '<list>' + '<a>'.repeat(70) + '</a>'.repeat(70) + '</list>';
    expect((await failure(deep)).message).toMatch(/nested deeper than 64/);
    expect((await failure(`<list><item>${'x'.repeat(200)}</item></list>`, { maxTextLength: 100 })).message).toMatch(/longer than 100/);
    expect((await failure('<other/>', { root: 'list' })).message).toMatch(/expected <list> as the root element, found <other>/);
  });

  it('reports a truncated document with line, column and byte offset', async () => {
    const e = await failure('<list>\n  <item>é</item>\n  <item>trunc');
    expect(e.message).toMatch(/unclosed tag/);
    expect(e.where).toMatchObject({ line: 3 });
    expect(e.where.offset).toBe(Buffer.byteLength('<list>\n  <item>é</item>\n  <item>trunc'));
    expect(e.where.file).toMatch(/\.xml$/);
  });

  it('reads an ISO-8859-1 file and a UTF-8 file with a BOM', async () => {
    const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><list><item>'), Buffer.from([0xe9]), Buffer.from('</item></list>')]);
    expect((await read(latin))[0]!.element.text).toBe('é');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<list><item>ü</item></list>')]);
    expect((await read(bom))[0]!.element.text).toBe('ü');
    expect((await failure('<?xml version="1.0" encoding="EBCDIC-X"?><list/>')).message).toMatch(/unsupported character encoding/);
  });

  it('refuses an empty file', async () => {
    expect((await failure('')).message).toMatch(/root/);
  });
});

describe('readXml fuzzing', () => {
  const seed = '<?xml version="1.0"?>\n<list a="1">\n  <item id="x"><name>Testperson &amp; Quuxley</name><![CDATA[c]]></item>\n  <item/><!-- c -->\n</list>\n';

  it('on mutated documents yields records or an ImportError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(seed), async (text) => {
        const e = await read(text, { root: 'list' }).then(
          () => undefined,
          (err: unknown) => err,
        );
        if (e !== undefined) expect(e).toBeInstanceOf(ImportError);
      }),
      { numRuns: 200 },
    );
  });

  it('on random bytes yields records or an ImportError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const e = await read(Buffer.from(bytes)).then(
          () => undefined,
          (err: unknown) => err,
        );
        if (e !== undefined) expect(e).toBeInstanceOf(ImportError);
      }),
      { numRuns: 150 },
    );
  });
});
