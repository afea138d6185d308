import { Button } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Overlay } from '../../ui/overlay.js';
import './station.css';

export type ScanKind = 'tube' | 'card';

export interface BarcodeScannerProps {
  kind: ScanKind;
  /** The value to hand back for a detected text, or null to keep looking (a code of another kind). */
  accept: (text: string) => string | null;
  onResult: (value: string) => void;
  onClose: () => void;
}

type Phase = 'starting' | 'scanning' | 'no-camera' | 'failed';

/** Time between two reads of the camera: fast enough to feel instant, slow enough for a cheap phone. */
const READ_EVERY_MS = 180;

/**
 * Full screen camera that reads a tube barcode or a resident's QR card. The
 * reader is loaded only now (dynamic import), and its wasm comes from our own
 * origin (precached): it works offline. When there is no camera, or the
 * person refuses it, the screen says so; typing the code is always possible
 * behind it.
 */
export function BarcodeScanner({ kind, accept, onResult, onClose }: BarcodeScannerProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<Phase>('starting');
  const [engine, setEngine] = useState<string>('');
  const [seenOther, setSeenOther] = useState(false);
  const handlers = useRef({ accept, onResult });
  useEffect(() => {
    handlers.current = { accept, onResult };
  });

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setPhase('no-camera');
        return;
      }
      try {
        const [engineModule, media] = await Promise.all([
          import('./scan-engine.js'),
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
            audio: false,
          }),
        ]);
        stream = media;
        if (stopped) return;
        const detector = await engineModule.createDetector(
          kind === 'tube' ? engineModule.TUBE_FORMATS : engineModule.CARD_FORMATS,
        );
        const el = video.current;
        if (!el || stopped) return;
        el.srcObject = media;
        await el.play().catch(() => undefined);
        setEngine(detector.engine);
        setPhase('scanning');
        const tick = async () => {
          if (stopped) return;
          try {
            if (el.readyState >= 2) {
              for (const found of await detector.detect(el)) {
                const value = handlers.current.accept(found.rawValue);
                if (value !== null) {
                  stopped = true;
                  handlers.current.onResult(value);
                  return;
                }
                setSeenOther(true);
              }
            }
          } catch {
            // One bad frame (the camera still warming up): read the next one.
          }
          timer = setTimeout(() => void tick(), READ_EVERY_MS);
        };
        void tick();
      } catch (error) {
        if (stopped) return;
        const name = error instanceof Error ? error.name : '';
        setPhase(
          name === 'NotAllowedError' || name === 'NotFoundError' || name === 'NotReadableError'
            ? 'no-camera'
            : 'failed',
        );
      }
    }

    void start();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [kind]);

  const status =
    phase === 'starting'
      ? t('scanner.starting')
      : phase === 'scanning'
        ? seenOther
          ? t(kind === 'tube' ? 'scanner.notTube' : 'scanner.notCard')
          : t(kind === 'tube' ? 'scanner.aimTube' : 'scanner.aimCard')
        : phase === 'no-camera'
          ? t('scanner.noCamera')
          : t('scanner.failed');

  return (
    <Overlay
      full
      testId="scanner"
      title={t(kind === 'tube' ? 'scanner.titleTube' : 'scanner.titleCard')}
      onClose={onClose}
      actions={
        <Button block size="large" data-testid="scanner-cancel" onClick={onClose}>
          {t('scanner.typeInstead')}
        </Button>
      }
    >
      <div className="hj-scan-frame" data-phase={phase}>
        <video ref={video} className="hj-scan-video" muted playsInline aria-hidden="true" />
        <div className="hj-scan-aim" aria-hidden="true" />
      </div>
      <p
        className={phase === 'scanning' || phase === 'starting' ? 'hj-queue-caption' : 'hj-error'}
        role="status"
        data-testid="scanner-status"
        data-phase={phase}
        data-engine={engine}
      >
        {status}
      </p>
    </Overlay>
  );
}
