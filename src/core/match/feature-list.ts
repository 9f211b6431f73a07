// The matcher's features, in the order of the feature vector and of the weights file.

/** Name features: each compares the best-matching pair of name forms. */
export const NAME_FEATURES = [
  /**
   * Weighted mean similarity of aligned tokens over both names' informative tokens. This, both coverages and rarity
   * are 0 for names that contradict each other (see conflict): what else they share does not make them one name.
   */
  'nameSimilarity',
  /** Share of the less covered name that the other name accounts for. */
  'coverageMin',
  /** Share of the better covered name that the other accounts for. */
  'coverageMax',
  /** 1 − the lowest similarity among aligned word tokens (a fuzzy weak link). */
  'weakestToken',
  /** Characters that differ in that weakest correspondence (edits, up to 4, over 4): a typo differs by one or two. */
  'weakestEdits',
  /** Both names keep an informative token the other lacks (George BUSH / George HABBASH): weight of the lesser one. */
  'unmatchedBoth',
  /** The most informative token one name has and the other lacks. */
  'unmatchedOne',
  /** Both names keep a word or initial the other lacks, however common it is (Ruslanovich / Magomedovich, J. / Tom). */
  'conflict',
  /** An organisation name has an informative word the other lacks (CRYSTALORD SYSTEMS / CRYSTALORD). */
  'organisationExtraWord',
  /** The two names have the same tokens. */
  'exactName',
  /** Both names carry numbers and they differ. */
  'numberConflict',
  /** One name carries a number the other lacks. */
  'numberMissing',
  /** Both organisation names carry a legal form and they are of different kinds (AG / GmbH). */
  'legalFormConflict',
  /** Aligned tokens appear in another order. */
  'reordered',
  /**
   * A name is a parent's (after bin, ibn, ben, ould) or a child's (after abu, umm) in one and not in the other (SALMAN BIN
   * MUHAMMAD / MUHAMMAD BIN SALMAN; USAMA BIN LADEN / ABU USAMA).
   */
  'patronymicSwap',
  /** Share of aligned tokens that are only initials or abbreviations. */
  'initials',
  /** How identifying the agreeing tokens are (rare tokens count more). */
  'rarity',
  /** Both names are a single informative token. */
  'singleToken',
  /** The comparison went through a romanisation of a non-Latin name. */
  'romanised',
] as const;

/** Evidence features beyond the name; each is 0 when the value is missing on either side (cannot compare). */
export const EVIDENCE_FEATURES = [
  'birthDateExact',
  'birthDatePartial',
  'birthDateSwapped',
  'birthDateNear',
  'birthDateConflict',
  'nationalityMatch',
  'nationalityConflict',
  'genderMatch',
  'genderConflict',
  'documentMatch',
  'documentConflict',
] as const;

export const FEATURES = [...NAME_FEATURES, ...EVIDENCE_FEATURES] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<FeatureName, number>;
export const NAME_FEATURE_COUNT = NAME_FEATURES.length;
