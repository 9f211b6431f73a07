// Country names for the codes entities carry (ISO 3166-1 alpha-2 lower case, plus FtM's historic and disputed territories).
import { locale, t, type MessageKey } from '../i18n';

/** Codes the browser's region names do not cover, or name as their successor; their names are messages. */
const SPECIAL: Readonly<Record<string, MessageKey>> = {
  zz: 'country.zz',
  cd: 'country.cd',
  cg: 'country.cg',
  dd: 'country.dd',
  zr: 'country.zr',
  suhh: 'country.suhh',
  cshh: 'country.cshh',
  csxx: 'country.csxx',
  yucs: 'country.yucs',
  'az-nk': 'country.az-nk',
  'cn-xz': 'country.cn-xz',
  'cy-trnc': 'country.cy-trnc',
  'gb-nir': 'country.gb-nir',
  'gb-sct': 'country.gb-sct',
  'gb-wls': 'country.gb-wls',
  'ge-ab': 'country.ge-ab',
  'iq-kr': 'country.iq-kr',
  'md-pmr': 'country.md-pmr',
  'pk-km': 'country.pk-km',
  'so-som': 'country.so-som',
  'ua-cri': 'country.ua-cri',
  'ua-dpr': 'country.ua-dpr',
  'ua-lpr': 'country.ua-lpr',
  'x-so': 'country.x-so',
};

let regions: Intl.DisplayNames | null | undefined;
function regionNames(): Intl.DisplayNames | null {
  if (regions === undefined) {
    try {
      regions = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      regions = null;
    }
  }
  return regions;
}

/** The display name of a country code, or the code itself (upper case) when it is unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  const key = code.trim().toLowerCase();
  const special = SPECIAL[key];
  if (special) return t(special);
  if (/^[a-z]{2}$/.test(key)) {
    try {
      const name = regionNames()?.of(key.toUpperCase());
      // English short forms join with "&" ("Trinidad & Tobago"); formal records spell out "and".
      if (name) return locale === 'en' ? name.replace(/ & /g, ' and ') : name;
    } catch {
      // not a region the browser knows
    }
  }
  return key.toUpperCase();
}

/** "Name (CODE)" for CSV and titles, so exports keep the machine-readable code. */
export const countryLabel = (code: string): string => {
  const name = countryName(code);
  return name.toLowerCase() === code.toLowerCase() ? name : `${name} (${code.toUpperCase()})`;
};
