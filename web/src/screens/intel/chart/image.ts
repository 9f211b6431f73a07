// Export of what the chart shows as SVG (drawn from node positions and colours) and PNG (the same scene on a canvas), client side.
import type { View } from './view';

export interface Scene {
  width: number;
  height: number;
  /** Graph coordinates → image coordinates (y up in the chart, down in the image, as sigma draws it). */
  nodes: { x: number; y: number; r: number; color: string; label: string; highlighted: boolean }[];
  links: { x1: number; y1: number; x2: number; y2: number; color: string; width: number }[];
}

const PAD = 40;

/** Fits the view into an image of at most `width` × `height`, keeping proportions. */
export function scene(view: View, selected: ReadonlySet<string>, width = 1600, height = 1200): Scene {
  if (!view.nodes.length) return { width, height, nodes: [], links: [] };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const n of view.nodes) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const k = Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
  const ox = (width - spanX * k) / 2;
  const oy = (height - spanY * k) / 2;
  const at = new Map<string, { x: number; y: number }>();
  const nodes = view.nodes.map((n) => {
    const p = { x: ox + (n.x - minX) * k, y: oy + (maxY - n.y) * k };
    at.set(n.key, p);
    return { ...p, r: n.size, color: n.color, label: n.label, highlighted: selected.has(n.key) };
  });
  const links = view.links.flatMap((l) => {
    const a = at.get(l.source);
    const b = at.get(l.target);
    return a && b ? [{ x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: l.color, width: l.size }] : [];
  });
  return { width, height, nodes, links };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r2 = (v: number) => Math.round(v * 100) / 100;
/** Labels are drawn for the larger entities and the selected ones, as on screen; all of them on small charts. */
const labelled = (s: Scene, n: Scene['nodes'][number]) => s.nodes.length <= 300 || n.highlighted || n.r >= 9;

export function toSvg(s: Scene, title: string): string {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g class="links" stroke-linecap="round">',
  ];
  for (const l of s.links)
    out.push(`<line x1="${r2(l.x1)}" y1="${r2(l.y1)}" x2="${r2(l.x2)}" y2="${r2(l.y2)}" stroke="${l.color}" stroke-width="${r2(l.width)}"/>`);
  out.push('</g><g class="nodes">');
  for (const n of s.nodes)
    out.push(`<circle cx="${r2(n.x)}" cy="${r2(n.y)}" r="${r2(n.r)}" fill="${n.color}"${n.highlighted ? ' stroke="#000" stroke-width="2"' : ''}/>`);
  out.push('</g><g class="labels" fill="#1a202c">');
  for (const n of s.nodes) if (labelled(s, n)) out.push(`<text x="${r2(n.x + n.r + 3)}" y="${r2(n.y + 4)}">${esc(n.label)}</text>`);
  out.push('</g></svg>');
  return out.join('\n');
}

/** Draws the scene on a 2D canvas (the PNG export). */
export function drawScene(ctx: CanvasRenderingContext2D, s: Scene): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, s.width, s.height);
  ctx.lineCap = 'round';
  for (const l of s.links) {
    ctx.strokeStyle = l.color;
    ctx.lineWidth = l.width;
    ctx.beginPath();
    ctx.moveTo(l.x1, l.y1);
    ctx.lineTo(l.x2, l.y2);
    ctx.stroke();
  }
  for (const n of s.nodes) {
    ctx.fillStyle = n.color;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, Math.PI * 2);
    ctx.fill();
    if (n.highlighted) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  ctx.fillStyle = '#1a202c';
  ctx.font = '12px sans-serif';
  for (const n of s.nodes) if (labelled(s, n)) ctx.fillText(n.label, n.x + n.r + 3, n.y + 4);
}

export async function toPng(s: Scene): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = s.width;
  canvas.height = s.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas');
  drawScene(ctx, s);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made'))), 'image/png'));
}

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
