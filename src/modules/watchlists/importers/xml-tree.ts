// The element tree of one XML record and the small lookups importers use on it (children by name, trimmed texts).

/** An element of a record: local name (prefix dropped), attributes as written, direct text (CDATA included), children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
  line: number;
  column: number;
}

/** The name without its namespace prefix. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The first child named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child named `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of the first child named `name`, or of the element itself without a name; '' when absent. */
export function textOf(el: XmlElement | undefined, name?: string): string {
  const e = name === undefined ? el : child(el, name);
  return e ? e.text.replace(/\s+/g, ' ').trim() : '';
}

/** Trimmed texts of every child named `name`, empty ones left out. */
export function textsOf(el: XmlElement | undefined, name: string): string[] {
  return childrenNamed(el, name)
    .map((c) => textOf(c))
    .filter(Boolean);
}

/** Every element named `name` below `el`, at any depth, in document order. */
export function descendants(el: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return out;
}
