/** A labelled bar: "reached 12 / 20". Big enough to read at arm's length. */
export function ProgressBar({
  label,
  done,
  total,
  testId,
}: {
  label: string;
  done: number;
  total: number;
  testId: string;
}) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="hj-progress" data-testid={testId} data-done={done} data-total={total}>
      <div className="hj-progress-label">
        <span>{label}</span>
        <span className="hj-progress-count">
          {done} / {total}
        </span>
      </div>
      <div
        className="hj-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="hj-progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
