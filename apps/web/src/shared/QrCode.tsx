import { encode } from 'uqr';
import { useMemo } from 'react';

/**
 * A QR code as one inline SVG path (library `uqr`, no network): crisp at any size, so it can fill
 * a projector screen. Medium error correction; a quiet zone of 4 modules.
 */
export function QrCode({ text, title, className }: { text: string; title: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 4 });
    let d = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { size: qr.size, path: d };
  }, [text]);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={title} shapeRendering="crispEdges">
      <title>{title}</title>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
