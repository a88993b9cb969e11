import { QUIET_ZONE, qrExtent, type QrModules } from './qr-code.js';

/**
 * The code as a PNG, drawn on a canvas module by module (whole pixels, no smoothing), black on
 * white with the quiet zone. Nothing leaves the page: no network, no external image.
 */
export function qrPng(modules: QrModules, pixelsPerModule = 8): Promise<Blob> {
  const side = qrExtent(modules) * pixelsPerModule;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('No 2D canvas.'));
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) context.fillRect((x + QUIET_ZONE) * pixelsPerModule, (y + QUIET_ZONE) * pixelsPerModule, pixelsPerModule, pixelsPerModule);
    }),
  );
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas made no PNG.'))), 'image/png'));
}

/** Offers `blob` as a file named `name`, through a temporary object URL (no network, nothing kept). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
