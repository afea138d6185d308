import { Button } from 'antd-mobile';

export interface StepperProps {
  label: string;
  /** What is shown between the buttons (already formatted). */
  text: string;
  onMinus: () => void;
  onPlus: () => void;
  minusDisabled?: boolean;
  plusDisabled?: boolean;
  testId: string;
  minusLabel: string;
  plusLabel: string;
}

/** − value +: big buttons instead of a keyboard, for counts and times. */
export function Stepper(props: StepperProps) {
  return (
    <div className="hj-field">
      <span className="hj-label">{props.label}</span>
      <div className="hj-stepper" role="group" aria-label={props.label}>
        <Button
          data-testid={`${props.testId}-minus`}
          aria-label={props.minusLabel}
          disabled={props.minusDisabled}
          onClick={props.onMinus}
        >
          −
        </Button>
        <output className="hj-stepper-value" data-testid={`${props.testId}-value`}>
          {props.text}
        </output>
        <Button
          data-testid={`${props.testId}-plus`}
          aria-label={props.plusLabel}
          disabled={props.plusDisabled}
          onClick={props.onPlus}
        >
          ＋
        </Button>
      </div>
    </div>
  );
}
