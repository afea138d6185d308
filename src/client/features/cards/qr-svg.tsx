import { useEffect, useState } from 'react';

/** A QR module matrix as one SVG path: one `h`-run per row of dark modules. */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col += 1;
      d += `M${start + 4} ${row + 4}h${col - start}v1h${start - col}z`;
    }
  }
  return d;
}

interface Matrix {
  size: number;
  path: string;
}

/**
 * A QR code drawn as SVG (sharp on paper at any size). The encoder is loaded
 * only on the card screen (dynamic import), never on the station's first screen.
 */
export function QrSvg({ text, label }: { text: string; label: string }) {
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((mod) => {
      // CommonJS package: its functions may sit on `default` depending on the bundler's interop.
      const lib = (mod as unknown as { default?: typeof mod }).default ?? mod;
      const qr = lib.create(text, { errorCorrectionLevel: 'M' });
      const { size } = qr.modules;
      if (live) setMatrix({ size, path: qrPath(size, (r, c) => !!qr.modules.get(r, c)) });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!matrix) return <div className="hj-qr hj-qr-empty" aria-label={label} />;
  const box = matrix.size + 8; // 4 modules of quiet zone each side
  return (
    <svg
      className="hj-qr"
      viewBox={`0 0 ${box} ${box}`}
      role="img"
      aria-label={label}
      data-testid="qr-svg"
      data-text={text}
      shapeRendering="crispEdges"
    >
      <rect width={box} height={box} fill="#ffffff" />
      <path d={matrix.path} fill="#000000" />
    </svg>
  );
}
