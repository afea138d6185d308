export interface BigQueueNumberProps {
  /** The queue number, e.g. "C27". */
  value: string;
  /** Accessible label, e.g. "排队号". */
  label: string;
}

/** The queue number, huge (≥ 96 px), to copy onto a hand with a marker in the cold. */
export function BigQueueNumber({ value, label }: BigQueueNumberProps) {
  return (
    <output className="hj-queue-number" aria-label={`${label} ${value}`}>
      <span data-testid="queue-number">{value}</span>
    </output>
  );
}
