export interface Choice<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceChipsProps<V extends string> {
  /** Accessible name of the group. */
  label: string;
  options: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  /** The group gets this test id; each chip gets `<testId>-<value>`. */
  testId: string;
}

/** One tap picks one option: no picker, no keyboard. */
export function ChoiceChips<V extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: ChoiceChipsProps<V>) {
  return (
    <div className="hj-chips" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          className="hj-chip"
          aria-checked={option.value === value}
          data-testid={`${testId}-${option.value}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
