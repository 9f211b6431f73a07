// Double Metaphone, written from Lawrence Philips' published description (C/C++ Users Journal, 2000), for ASCII lower case.
/* eslint-disable @typescript-eslint/no-unused-expressions -- comma sequences keep the rule branches on one line each */

const VOWELS = new Set('aeiouy');
const MAX_CODE = 6;

class Coder {
  primary = '';
  alternate = '';
  constructor(readonly w: string) {}
  add(p: string, a: string = p): void {
    this.primary += p;
    this.alternate += a;
  }
  at(i: number, ...subs: string[]): boolean {
    return subs.some((s) => i >= 0 && this.w.startsWith(s, i));
  }
  vowel(i: number): boolean {
    return i >= 0 && i < this.w.length && VOWELS.has(this.w[i]!);
  }
  get done(): boolean {
    return this.primary.length >= MAX_CODE && this.alternate.length >= MAX_CODE;
  }
}

const slavoGermanic = (w: string) => /w|k|cz|witz/.test(w);

/** The primary and alternate Double Metaphone codes (at most 6 letters each) of an ASCII lower-case word. */
export function doubleMetaphone(word: string): [string, string] {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return ['', ''];
  const c = new Coder(w);
  const last = w.length - 1;
  const sg = slavoGermanic(w);
  let i = 0;
  if (c.at(0, 'gn', 'kn', 'pn', 'wr', 'ps')) i = 1;
  if (w[0] === 'x') (c.add('S'), (i = 1));
  while (i <= last && !c.done) {
    const ch = w[i]!;
    switch (ch) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        if (i === 0) c.add('A');
        i++;
        break;
      case 'b':
        c.add('P');
        i += w[i + 1] === 'b' ? 2 : 1;
        break;
      case 'c':
        if (c.at(i, 'ch')) {
          if (i === 0 && c.at(0, 'chae')) c.add('K', 'X');
          else if (i === 0 && /^ch(ar|or|ym|em|ia)/.test(w) && !c.at(0, 'chore')) c.add('K');
          else if (
            c.at(0, 'van ', 'von ', 'sch') ||
            c.at(i + 2, 't', 's') ||
            (c.at(i - 1, 'a', 'o', 'u', 'e') && c.at(i + 2, 'l', 'r', 'n', 'm', 'b', 'h', 'f', 'v', 'w'))
          )
            c.add('K');
          else if (i > 0) c.add(c.at(0, 'mc') ? 'K' : 'X', 'K');
          else c.add('X');
          i += 2;
        } else if (c.at(i, 'cz') && !c.at(i - 2, 'wicz')) (c.add('S', 'X'), (i += 2));
        else if (c.at(i, 'cc') && !(i === 1 && w[0] === 'm')) {
          if (c.at(i + 2, 'i', 'e', 'h') && !c.at(i + 2, 'hu')) c.add(c.at(i - 1, 'acc', 'ucc') ? 'KS' : 'X');
          else c.add('K');
          i += c.at(i + 2, 'i', 'e', 'h') && !c.at(i + 2, 'hu') ? 3 : 2;
        } else if (c.at(i, 'ck', 'cg', 'cq')) (c.add('K'), (i += 2));
        else if (c.at(i, 'ci', 'ce', 'cy')) (c.add(c.at(i, 'cio', 'cie', 'cia') ? 'S' : 'S', c.at(i, 'cio', 'cie', 'cia') ? 'X' : 'S'), (i += 2));
        else (c.add('K'), (i += c.at(i + 1, 'c', 'k', 'q') && !c.at(i + 1, 'ce', 'ci') ? 2 : 1));
        break;
      case 'd':
        if (c.at(i, 'dg') && c.at(i + 2, 'i', 'e', 'y')) (c.add('J'), (i += 3));
        else (c.add('T'), (i += c.at(i, 'dt', 'dd') ? 2 : 1));
        break;
      case 'f':
      case 'v':
        c.add('F');
        i += w[i + 1] === ch ? 2 : 1;
        break;
      case 'g':
        if (w[i + 1] === 'h') {
          if (i > 0 && !c.vowel(i - 1)) c.add('K');
          else if (i === 0) c.add(w[2] === 'i' ? 'J' : 'K');
          else if (c.at(i - 2, 'b', 'h', 'd') || c.at(i - 3, 'b', 'h', 'd') || c.at(i - 4, 'b', 'h')) c.add('');
          else if (i > 2 && w[i - 1] === 'u' && c.at(i - 3, 'c', 'g', 'l', 'r', 't')) c.add('F');
          else if (i > 0 && w[i - 1] !== 'i') c.add('K');
          i += 2;
        } else if (w[i + 1] === 'n') {
          if (i === 1 && c.vowel(0) && !sg) c.add('KN', 'N');
          else if (!c.at(i + 2, 'ey') && w[i + 1] !== 'y' && !sg) c.add('N', 'KN');
          else c.add('KN');
          i += 2;
        } else if (c.at(i + 1, 'li') && !sg) (c.add('KL', 'L'), (i += 2));
        else if (i === 0 && (w[1] === 'y' || c.at(1, 'es', 'ep', 'eb', 'el', 'ey', 'ib', 'il', 'in', 'ie', 'ei', 'er'))) (c.add('K', 'J'), (i += 2));
        else if (c.at(i + 1, 'e', 'i', 'y') || c.at(i - 1, 'aggi', 'oggi')) {
          if (c.at(0, 'van ', 'von ', 'sch') || c.at(i + 1, 'et')) c.add('K');
          else if (c.at(i + 1, 'ier')) c.add('J');
          else c.add('J', 'K');
          i += 2;
        } else (c.add('K'), (i += w[i + 1] === 'g' ? 2 : 1));
        break;
      case 'h':
        if ((i === 0 || c.vowel(i - 1)) && c.vowel(i + 1)) (c.add('H'), (i += 2));
        else i++;
        break;
      case 'j':
        if (c.at(i, 'jose') || c.at(0, 'san ')) c.add('H');
        else if (i === 0) c.add('J', 'A');
        else if (c.vowel(i - 1) && !sg && (w[i + 1] === 'a' || w[i + 1] === 'o')) c.add('J', 'H');
        else if (i === last) c.add('J', '');
        else c.add('J');
        i += w[i + 1] === 'j' ? 2 : 1;
        break;
      case 'k':
        c.add('K');
        i += w[i + 1] === 'k' ? 2 : 1;
        break;
      case 'l':
        if (
          w[i + 1] === 'l' &&
          ((i === last - 2 && c.at(i - 1, 'illo', 'illa', 'alle')) || ((c.at(last - 1, 'as', 'os') || c.at(last, 'a', 'o')) && c.at(i - 1, 'alle')))
        )
          c.add('L', '');
        else c.add('L');
        i += w[i + 1] === 'l' ? 2 : 1;
        break;
      case 'm':
        c.add('M');
        i += w[i + 1] === 'm' || (c.at(i - 1, 'umb') && (i + 1 === last || c.at(i + 2, 'er'))) ? 2 : 1;
        break;
      case 'n':
        c.add('N');
        i += w[i + 1] === 'n' ? 2 : 1;
        break;
      case 'p':
        if (w[i + 1] === 'h') (c.add('F'), (i += 2));
        else (c.add('P'), (i += c.at(i + 1, 'p', 'b') ? 2 : 1));
        break;
      case 'q':
        c.add('K');
        i += w[i + 1] === 'q' ? 2 : 1;
        break;
      case 'r':
        if (i === last && !sg && c.at(i - 2, 'ie') && !c.at(i - 4, 'me', 'ma')) c.add('', 'R');
        else c.add('R');
        i += w[i + 1] === 'r' ? 2 : 1;
        break;
      case 's':
        if (c.at(i - 1, 'isl', 'ysl')) i++;
        else if (i === 0 && c.at(0, 'sugar')) (c.add('X', 'S'), i++);
        else if (c.at(i, 'sh')) (c.add(c.at(i + 1, 'heim', 'hoek', 'holm', 'holz') ? 'S' : 'X'), (i += 2));
        else if (c.at(i, 'sio', 'sia', 'sian')) (c.add('S', sg ? 'S' : 'X'), (i += 3));
        else if ((i === 0 && c.at(1, 'm', 'n', 'l', 'w')) || c.at(i + 1, 'z')) (c.add('S', 'X'), (i += c.at(i + 1, 'z') ? 2 : 1));
        else if (c.at(i, 'sc')) {
          if (w[i + 2] === 'h') {
            if (c.at(i + 3, 'oo', 'er', 'en', 'uy', 'ed', 'em')) c.add(c.at(i + 3, 'er', 'en') ? 'X' : 'SK', 'SK');
            else if (i === 0 && !c.vowel(3) && w[3] !== 'w') c.add('X', 'S');
            else c.add('X');
          } else c.add(c.at(i + 2, 'i', 'e', 'y') ? 'S' : 'SK');
          i += 3;
        } else {
          if (i === last && c.at(i - 2, 'ai', 'oi')) c.add('', 'S');
          else c.add('S');
          i += c.at(i + 1, 's', 'z') ? 2 : 1;
        }
        break;
      case 't':
        if (c.at(i, 'tion', 'tia', 'tch')) (c.add('X'), (i += 3));
        else if (c.at(i, 'th', 'tth')) (c.add(c.at(i + 2, 'om', 'am') || c.at(0, 'van ', 'von ', 'sch') ? 'T' : '0', 'T'), (i += 2));
        else (c.add('T'), (i += c.at(i + 1, 't', 'd') ? 2 : 1));
        break;
      case 'w':
        if (c.at(i, 'wr')) (c.add('R'), (i += 2));
        else {
          if (i === 0 && (c.vowel(1) || c.at(i, 'wh'))) c.add(c.vowel(1) ? 'A' : 'A', c.vowel(1) ? 'F' : 'A');
          else if ((i === last && c.vowel(i - 1)) || c.at(i - 1, 'ewski', 'ewsky', 'owski', 'owsky') || c.at(0, 'sch')) c.add('', 'F');
          else if (c.at(i, 'wicz', 'witz')) c.add('TS', 'FX');
          i += c.at(i, 'wicz', 'witz') ? 4 : 1;
        }
        break;
      case 'x':
        if (!(i === last && (c.at(i - 3, 'iau', 'eau') || c.at(i - 2, 'au', 'ou')))) c.add('KS');
        i += c.at(i + 1, 'c', 'x') ? 2 : 1;
        break;
      case 'z':
        if (w[i + 1] === 'h') (c.add('J'), (i += 2));
        else (c.add('S', c.at(i + 1, 'zo', 'zi', 'za') || (sg && i > 0 && w[i - 1] !== 't') ? 'TS' : 'S'), (i += w[i + 1] === 'z' ? 2 : 1));
        break;
      default:
        i++;
    }
  }
  return [c.primary.slice(0, MAX_CODE), c.alternate.slice(0, MAX_CODE)];
}
