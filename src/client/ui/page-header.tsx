import { Button } from 'antd-mobile';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  /** Shown as a big back button when given. */
  onBack?: () => void;
  backLabel?: string;
  /** Extra actions at the right. */
  right?: ReactNode;
}

/** A page title with a glove-sized back button (a real button, reachable by keyboard). */
export function PageHeader({ title, onBack, backLabel, right }: PageHeaderProps) {
  return (
    <div className="hj-header">
      {onBack ? (
        <Button fill="outline" onClick={onBack} data-testid="nav-back" aria-label={backLabel}>
          <span aria-hidden="true">‹</span> {backLabel}
        </Button>
      ) : null}
      <h1 className="hj-header-title">{title}</h1>
      {right}
    </div>
  );
}
