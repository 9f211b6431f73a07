// A TLP label as FIRST's TLP 2.0 standard prints it: the level's colour on a black background (RED, AMBER, GREEN, CLEAR).
import type { Tlp } from './api';

/** FIRST TLP 2.0, "Colour-coding": font colours in RGB on a black background (RGB 0, 0, 0). */
export const TLP_COLOURS: Readonly<Record<Tlp, string>> = {
  red: '#FF2B2B', // R=255 G=43 B=43
  amber: '#FFC000', // R=255 G=192 B=0
  'amber+strict': '#FFC000',
  green: '#33FF00', // R=51 G=255 B=0
  clear: '#FFFFFF', // R=255 G=255 B=255
};

export const tlpLabel = (level: Tlp): string => `TLP:${level.toUpperCase()}`;

export function TlpBadge({ level }: { level: Tlp }) {
  return (
    <span className="tlp" style={{ color: TLP_COLOURS[level] }} data-tlp={level}>
      {tlpLabel(level)}
    </span>
  );
}
