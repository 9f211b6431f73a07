// One line of CSV split into cells with their columns: RFC 4180 quoting, no line breaks inside cells.

/** Splits one CSV line into cells with their 1-based columns; RFC 4180 quotes ("" inside quotes), no line breaks in cells. */
export function splitCsv(line: string): { cells: Array<{ text: string; column: number }> } | { error: string; column: number } {
  const cells: Array<{ text: string; column: number }> = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'a quoted cell is not closed', column };
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else text += line[i++];
      }
      if (i < line.length && line[i] !== ',') return { error: 'text after the closing quote of a cell', column: i + 1 };
      cells.push({ text, column });
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      const text = line.slice(i, stop);
      const quote = text.indexOf('"');
      if (quote >= 0) return { error: 'a quote inside an unquoted cell', column: i + quote + 1 };
      cells.push({ text, column });
      i = stop;
    }
    if (i >= line.length) return { cells };
    i++; // the comma
  }
}
