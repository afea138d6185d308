import { Button } from 'antd-mobile';

export interface NumberPadProps {
  value: string;
  onChange: (value: string) => void;
  /** Longest text accepted (e.g. 4 for "37.5"). */
  maxLength: number;
  deleteLabel: string;
  testId: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '⌫'] as const;

/** Big keys for gloved thumbs: no phone keyboard pops up over the form. */
export function NumberPad({ value, onChange, maxLength, deleteLabel, testId }: NumberPadProps) {
  function press(key: (typeof KEYS)[number]) {
    if (key === '⌫') return onChange(value.slice(0, -1));
    if (key === '.' && value.includes('.')) return;
    if (value.length >= maxLength) return;
    onChange(value + key);
  }
  return (
    <div className="hj-pad" data-testid={testId}>
      {KEYS.map((key) => (
        <Button
          key={key}
          className="hj-pad-key"
          data-testid={`${testId}-${key === '⌫' ? 'del' : key === '.' ? 'dot' : key}`}
          aria-label={key === '⌫' ? deleteLabel : key}
          onClick={() => press(key)}
        >
          {key}
        </Button>
      ))}
    </div>
  );
}
