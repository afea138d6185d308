import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface OverlayProps {
  title: ReactNode;
  children?: ReactNode;
  /** Big buttons at the bottom, first one is focused when the overlay opens. */
  actions: ReactNode;
  /** Escape or a tap outside; leave out when the person must choose an action. */
  onClose?: () => void;
  /** Cover the whole screen (the queue number). */
  full?: boolean;
  testId?: string;
}

/**
 * A modal sheet (confirmations) or a full-screen page (the queue number):
 * no animation library, big targets, focus moved into it and given back after.
 * Full screen, the actions sit at the bottom (the thumb's zone), below any
 * button of the page underneath, so the second tap of a gloved double-tap
 * cannot dismiss the number before anyone has read it.
 */
export function Overlay({ title, children, actions, onClose, full, testId }: OverlayProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target =
      panel.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      panel.current?.querySelector<HTMLElement>('.hj-overlay-actions button');
    target?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => {
    if (!onClose) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return createPortal(
    <div
      className="hj-overlay"
      data-full={full ? 'true' : 'false'}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose?.();
      }}
    >
      <div
        ref={panel}
        className="hj-overlay-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <div className="hj-overlay-body">
          <h2 className="hj-overlay-title" id={titleId}>
            {title}
          </h2>
          {children}
        </div>
        <div className="hj-overlay-actions">{actions}</div>
      </div>
    </div>,
    document.body,
  );
}
