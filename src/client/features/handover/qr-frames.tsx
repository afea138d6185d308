import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Matrix {
  size: number;
  path: string;
}

/** One QR module matrix as an SVG path: one run per row of dark modules (4 modules quiet zone). */
function pathOf(size: number, dark: (row: number, col: number) => boolean): string {
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

/** Time each code stays on screen: long enough for a cheap camera to focus and read. */
const FRAME_MS = 250;

/**
 * The bundle's frames as an animated QR code that loops until the receiver
 * has them all (it needs no way to answer). The encoder loads only here.
 */
export function QrFrames({ frames }: { frames: string[] }) {
  const { t } = useTranslation();
  const [matrices, setMatrices] = useState<Matrix[] | null>(null);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    let live = true;
    void import('qrcode').then((mod) => {
      // CommonJS package: its functions may sit on `default` depending on the bundler's interop.
      const lib = (mod as unknown as { default?: typeof mod }).default ?? mod;
      const all = frames.map((text) => {
        const qr = lib.create(text, { errorCorrectionLevel: 'L' });
        const { size } = qr.modules;
        return { size, path: pathOf(size, (r, c) => !!qr.modules.get(r, c)) };
      });
      if (live) setMatrices(all);
    });
    return () => {
      live = false;
    };
  }, [frames]);

  useEffect(() => {
    if (!matrices) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % matrices.length), FRAME_MS);
    return () => clearInterval(timer);
  }, [matrices]);

  const matrix = matrices?.[index];
  if (!matrix) return <div className="hj-handover-qr hj-handover-qr-empty" />;
  const box = matrix.size + 8;
  return (
    <figure className="hj-handover-figure">
      <svg
        className="hj-handover-qr"
        viewBox={`0 0 ${box} ${box}`}
        role="img"
        aria-label={t('handover.frame', { index: index + 1, total: frames.length })}
        data-testid="handover-qr"
        data-index={index + 1}
        data-total={frames.length}
        data-text={frames[index]}
        shapeRendering="crispEdges"
      >
        <rect width={box} height={box} fill="#ffffff" />
        <path d={matrix.path} fill="#000000" />
      </svg>
      <figcaption className="hj-handover-caption">
        {t('handover.frame', { index: index + 1, total: frames.length })}
      </figcaption>
      <progress className="hj-handover-progress" max={frames.length} value={index + 1} />
    </figure>
  );
}
