import { encode } from 'uqr';

/** A QR code's modules, row by row: `true` is dark. Square, without the quiet zone. */
export type QrModules = readonly (readonly boolean[])[];

/** The light margin, in modules, that scanners need around the code (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

/**
 * The modules encoding `text` exactly (UTF-8 in byte mode where it is not plain digits or upper-case
 * letters), at error-correction level M: a printed code still scans with a smudge on it.
 */
export function qrModules(text: string): QrModules {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/**
 * The dark modules as one SVG path in module units: each run of dark modules in a row is one
 * rectangle, so the code stays a few kilobytes and, drawn with `shape-rendering="crispEdges"`, sharp
 * at any size. Only numbers go into it: no text of the link can reach the markup.
 */
export function qrPath(modules: QrModules): string {
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x += 1;
      d += `M${start} ${y}h${x - start + 1}v1h${start - x - 1}z`;
    }
  });
  return d;
}

/** The side of the drawing, quiet zone included, in modules. */
export function qrExtent(modules: QrModules): number {
  return modules.length + 2 * QUIET_ZONE;
}

/**
 * A standalone SVG file of the code (black on white, quiet zone included), `pixelsPerModule` wide
 * per module by default. Built from numbers only, so it is safe to offer as a download.
 */
export function qrSvgFile(modules: QrModules, pixelsPerModule = 8): string {
  const extent = qrExtent(modules);
  const side = extent * pixelsPerModule;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${extent} ${extent}" width="${side}" height="${side}" shape-rendering="crispEdges">` +
    `<rect x="${-QUIET_ZONE}" y="${-QUIET_ZONE}" width="${extent}" height="${extent}" fill="#fff"/><path d="${qrPath(modules)}" fill="#000"/></svg>`
  );
}
