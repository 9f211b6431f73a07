// Organisation legal forms across languages: each written form mapped to a canonical code, its kind and its countries.

export type LegalFormKind = 'limited-liability' | 'joint-stock' | 'public-company' | 'corporation' | 'partnership' | 'company' | 'cooperative' | 'other';

export interface LegalFormSpec {
  code: string;
  kind: LegalFormKind;
  /** ISO 3166-1 alpha-2, lower case; empty when used everywhere. */
  countries: readonly string[];
  forms: readonly string[];
}

/** The table; forms are written as registries and lists print them (dots and case do not matter). */
export const LEGAL_FORMS: readonly LegalFormSpec[] = [
  { code: 'llc', kind: 'limited-liability', countries: ['us'], forms: ['LLC', 'L.L.C.', 'Limited Liability Company'] },
  { code: 'ltd', kind: 'limited-liability', countries: ['gb', 'ie', 'hk', 'cy', 'il', 'ng', 'za'], forms: ['Ltd', 'Limited', 'Ltd.'] },
  { code: 'co-ltd', kind: 'limited-liability', countries: ['cn', 'jp', 'kr', 'th', 'tw'], forms: ['Co Ltd', 'Co., Ltd.', 'Company Limited', 'Co Limited'] },
  { code: 'pte-ltd', kind: 'limited-liability', countries: ['sg'], forms: ['Pte Ltd', 'Pte. Ltd.', 'Private Limited'] },
  { code: 'pvt-ltd', kind: 'limited-liability', countries: ['in', 'pk', 'lk', 'bd', 'np'], forms: ['Pvt Ltd', 'Pvt. Ltd.', 'Private Ltd'] },
  { code: 'sdn-bhd', kind: 'limited-liability', countries: ['my', 'bn'], forms: ['Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad'] },
  { code: 'bhd', kind: 'public-company', countries: ['my'], forms: ['Bhd', 'Berhad'] },
  { code: 'plc', kind: 'public-company', countries: ['gb', 'ie', 'ng'], forms: ['PLC', 'P.L.C.', 'Public Limited Company'] },
  { code: 'inc', kind: 'corporation', countries: ['us', 'ca', 'ph'], forms: ['Inc', 'Inc.', 'Incorporated'] },
  { code: 'corp', kind: 'corporation', countries: ['us', 'ca'], forms: ['Corp', 'Corp.', 'Corporation'] },
  { code: 'co', kind: 'company', countries: [], forms: ['Co', 'Co.', 'Company'] },
  { code: 'llp', kind: 'partnership', countries: ['gb', 'us', 'in', 'kz'], forms: ['LLP', 'L.L.P.', 'Limited Liability Partnership'] },
  { code: 'lp', kind: 'partnership', countries: ['us', 'gb'], forms: ['LP', 'L.P.', 'Limited Partnership'] },
  { code: 'gmbh', kind: 'limited-liability', countries: ['de', 'at', 'ch', 'li'], forms: ['GmbH', 'Gesellschaft mit beschränkter Haftung', 'Ges.m.b.H.'] },
  { code: 'ag', kind: 'joint-stock', countries: ['de', 'at', 'ch', 'li'], forms: ['AG', 'Aktiengesellschaft'] },
  { code: 'kg', kind: 'partnership', countries: ['de', 'at'], forms: ['KG', 'Kommanditgesellschaft', 'GmbH & Co. KG', 'GmbH & Co KG'] },
  { code: 'ohg', kind: 'partnership', countries: ['de'], forms: ['OHG', 'oHG'] },
  {
    code: 'sa',
    kind: 'joint-stock',
    countries: ['fr', 'es', 'be', 'ch', 'lu', 'pt', 'ar', 'br', 'mx', 'pa', 'pl', 'gr'],
    forms: ['SA', 'S.A.', 'Société Anonyme', 'Sociedad Anónima', 'Sociedade Anónima', 'Spółka Akcyjna'],
  },
  { code: 'sas', kind: 'joint-stock', countries: ['fr'], forms: ['SAS', 'S.A.S.', 'Société par actions simplifiée', 'SASU'] },
  {
    code: 'sarl',
    kind: 'limited-liability',
    countries: ['fr', 'be', 'lu', 'ch', 'ma', 'tn', 'dz', 'lb', 'sn', 'ci'],
    forms: ['SARL', 'S.A.R.L.', 'Société à responsabilité limitée', 'EURL'],
  },
  { code: 'sl', kind: 'limited-liability', countries: ['es'], forms: ['SL', 'S.L.', 'Sociedad Limitada', 'SRL'] },
  { code: 'spa', kind: 'joint-stock', countries: ['it'], forms: ['SpA', 'S.p.A.', 'Società per azioni'] },
  { code: 'srl', kind: 'limited-liability', countries: ['it', 'ro', 'ar', 'md'], forms: ['Srl', 'S.r.l.', 'Società a responsabilità limitata'] },
  { code: 'ltda', kind: 'limited-liability', countries: ['br', 'pt', 'co', 'cl'], forms: ['Ltda', 'Ltda.', 'Limitada'] },
  { code: 'bv', kind: 'limited-liability', countries: ['nl', 'be'], forms: ['BV', 'B.V.', 'Besloten Vennootschap'] },
  { code: 'nv', kind: 'joint-stock', countries: ['nl', 'be', 'cw'], forms: ['NV', 'N.V.', 'Naamloze Vennootschap'] },
  { code: 'ab', kind: 'joint-stock', countries: ['se', 'fi'], forms: ['AB', 'Aktiebolag', 'Aktiebolaget'] },
  { code: 'as', kind: 'joint-stock', countries: ['no', 'dk', 'ee', 'tr'], forms: ['AS', 'A/S', 'Aksjeselskap', 'Aktieselskab', 'A.Ş.', 'Anonim Şirketi'] },
  { code: 'asa', kind: 'public-company', countries: ['no'], forms: ['ASA', 'Allmennaksjeselskap'] },
  { code: 'oy', kind: 'joint-stock', countries: ['fi'], forms: ['Oy', 'Oyj', 'Osakeyhtiö'] },
  { code: 'sp-zoo', kind: 'limited-liability', countries: ['pl'], forms: ['Sp. z o.o.', 'Sp z oo', 'Spółka z ograniczoną odpowiedzialnością'] },
  { code: 'sro', kind: 'limited-liability', countries: ['cz', 'sk'], forms: ['s.r.o.', 'spol. s r.o.'] },
  { code: 'kft', kind: 'limited-liability', countries: ['hu'], forms: ['Kft', 'Kft.'] },
  { code: 'doo', kind: 'limited-liability', countries: ['rs', 'hr', 'ba', 'me', 'si', 'mk'], forms: ['d.o.o.', 'doo', 'д.о.о.'] },
  { code: 'ltd-tr', kind: 'limited-liability', countries: ['tr'], forms: ['Ltd. Şti.', 'Ltd Sti', 'Limited Şirketi'] },
  {
    code: 'ooo',
    kind: 'limited-liability',
    countries: ['ru', 'by', 'uz', 'tj', 'kg'],
    forms: ['OOO', 'ООО', 'Obshchestvo s ogranichennoy otvetstvennostyu', 'Общество с ограниченной ответственностью'],
  },
  { code: 'too', kind: 'limited-liability', countries: ['kz', 'ua'], forms: ['TOO', 'ТОО', 'ТОВ', 'TOV', 'Товарищество с ограниченной ответственностью'] },
  { code: 'oao', kind: 'joint-stock', countries: ['ru', 'by'], forms: ['OAO', 'ОАО', 'Открытое акционерное общество'] },
  { code: 'zao', kind: 'joint-stock', countries: ['ru', 'by'], forms: ['ZAO', 'ЗАО', 'Закрытое акционерное общество'] },
  {
    code: 'pao',
    kind: 'public-company',
    countries: ['ru', 'ua'],
    forms: ['PAO', 'ПАО', 'ПАТ', 'PJSC', 'Публичное акционерное общество', 'Public Joint Stock Company', 'Public Joint-Stock Company'],
  },
  {
    code: 'ao',
    kind: 'joint-stock',
    countries: ['ru', 'kz', 'ua'],
    forms: [
      'AO',
      'АО',
      'АТ',
      'JSC',
      'Joint Stock Company',
      'Joint-Stock Company',
      'Акционерное общество',
      'OJSC',
      'CJSC',
      'Open Joint Stock Company',
      'Closed Joint Stock Company',
    ],
  },
  { code: 'ip', kind: 'other', countries: ['ru', 'kz', 'by'], forms: ['ИП', 'Индивидуальный предприниматель'] },
  { code: 'pt', kind: 'limited-liability', countries: ['id'], forms: ['PT', 'P.T.', 'Perseroan Terbatas'] },
  { code: 'tbk', kind: 'public-company', countries: ['id'], forms: ['Tbk', 'Tbk.'] },
  { code: 'kk', kind: 'joint-stock', countries: ['jp'], forms: ['KK', 'K.K.', 'Kabushiki Kaisha', '株式会社'] },
  { code: 'yk', kind: 'limited-liability', countries: ['jp'], forms: ['YK', 'Yugen Kaisha', '有限会社'] },
  { code: 'youxian-gongsi', kind: 'limited-liability', countries: ['cn', 'tw', 'hk'], forms: ['有限公司', '有限责任公司', '有限責任公司', 'Youxian Gongsi'] },
  { code: 'gufen-gongsi', kind: 'joint-stock', countries: ['cn', 'tw'], forms: ['股份有限公司', 'Gufen Youxian Gongsi'] },
  { code: 'jusik-hoesa', kind: 'joint-stock', countries: ['kr'], forms: ['주식회사', '(주)', 'Chusik Hoesa', 'Jusik Hoesa'] },
  {
    code: 'sharika',
    kind: 'company',
    countries: ['sa', 'ae', 'eg', 'iq', 'sy', 'jo', 'lb', 'ly', 'ye'],
    forms: ['شركة', 'Sharikat', 'Sharika', 'Sherkat', 'شرکت'],
  },
  { code: 'wll', kind: 'limited-liability', countries: ['bh', 'kw', 'qa'], forms: ['WLL', 'W.L.L.', 'With Limited Liability'] },
  { code: 'fze', kind: 'limited-liability', countries: ['ae'], forms: ['FZE', 'FZCO', 'FZ-LLC', 'FZC'] },
  { code: 'sae', kind: 'joint-stock', countries: ['eg'], forms: ['SAE', 'S.A.E.'] },
  { code: 'pjs', kind: 'joint-stock', countries: ['ir'], forms: ['PJS', 'Public Joint Stock', 'Sahami Aam', 'Sherkat Sahami Aam'] },
  { code: 'coop', kind: 'cooperative', countries: [], forms: ['Cooperative', 'Co-op', 'Coop', 'eG', 'Genossenschaft'] },
  { code: 'jsc', kind: 'joint-stock', countries: ['vn', 'ge', 'am', 'az', 'bg'], forms: ['Joint Stock Co', 'JSCo', 'AD', 'АД'] },
  { code: 'ood', kind: 'limited-liability', countries: ['bg'], forms: ['OOD', 'ООД', 'EOOD', 'ЕООД'] },
];
