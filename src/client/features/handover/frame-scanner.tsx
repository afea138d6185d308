import { Button } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reassembly } from '../../../shared/protocol/handover-frames.js';
import { addFrame, assembled, emptyReassembly } from '../../../shared/protocol/handover-frames.js';
import { Overlay } from '../../ui/overlay.js';

type Phase = 'starting' | 'scanning' | 'no-camera' | 'failed';

/** Time between two reads of the camera: every frame of the sender's loop is seen in time. */
const READ_EVERY_MS = 60;

/**
 * Reads the giver's animated QR codes until it holds every frame, in any
 * order; repeats and misreads are ignored (the sequence loops). Progress is
 * kept while the screen is open: aiming away and back resumes.
 */
export function FrameScanner({
  onComplete,
  onClose,
}: {
  onComplete: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<Phase>('starting');
  const [engine, setEngine] = useState('');
  const [state, setState] = useState<Reassembly>(emptyReassembly);
  const [other, setOther] = useState(false);
  const held = useRef<Reassembly>(emptyReassembly);
  const done = useRef(onComplete);
  useEffect(() => {
    done.current = onComplete;
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
          import('./qr-reader.js'),
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
            audio: false,
          }),
        ]);
        stream = media;
        if (stopped) return;
        const reader = await engineModule.createQrReader();
        const el = video.current;
        if (!el || stopped) return;
        el.srcObject = media;
        await el.play().catch(() => undefined);
        setEngine(reader.engine);
        setPhase('scanning');
        const tick = async () => {
          if (stopped) return;
          try {
            if (el.readyState >= 2) {
              for (const text of await reader.read(el)) {
                const next = addFrame(held.current, text);
                if (next.outcome === 'other_bundle') setOther(true);
                if (next.outcome !== 'added') continue;
                held.current = next.state;
                setState(next.state);
                setOther(false);
                const whole = assembled(next.state);
                if (whole !== null) {
                  stopped = true;
                  done.current(whole);
                  return;
                }
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
  }, []);

  function startOver() {
    held.current = emptyReassembly;
    setState(emptyReassembly);
    setOther(false);
  }

  const status =
    phase === 'no-camera'
      ? t('scanner.noCamera')
      : phase === 'failed'
        ? t('scanner.failed')
        : state.total === 0
          ? t('handover.waitingFirst')
          : t('handover.progress', { received: state.received, total: state.total });

  return (
    <Overlay
      full
      testId="handover-scanner"
      title={t('handover.scanning')}
      onClose={onClose}
      actions={
        <>
          {state.received > 0 ? (
            <Button block size="large" onClick={startOver} data-testid="handover-start-over">
              {t('handover.startOver')}
            </Button>
          ) : null}
          <Button block size="large" onClick={onClose} data-testid="handover-scanner-cancel">
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <div className="hj-handover-scan" data-phase={phase}>
        <video ref={video} className="hj-handover-video" muted playsInline aria-hidden="true" />
      </div>
      <progress
        className="hj-handover-progress"
        max={Math.max(1, state.total)}
        value={state.received}
        data-testid="handover-scan-progress"
        data-received={state.received}
        data-total={state.total}
      />
      <p
        className={phase === 'no-camera' || phase === 'failed' ? 'hj-error' : 'hj-handover-caption'}
        role="status"
        data-testid="handover-scan-status"
        data-engine={engine}
      >
        {status}
      </p>
      {other ? <p className="hj-error">{t('handover.otherBundle')}</p> : null}
    </Overlay>
  );
}
