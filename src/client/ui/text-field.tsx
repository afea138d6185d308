import type { HTMLAttributes, ReactNode, Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Test id of the native input (so tests can type into it). */
  testId: string;
  /** A sentence saying what is wrong, or null. */
  error?: string | null;
  /** Test id of the error message. */
  errorTestId?: string;
  /** A quiet line under the field (a counter, a hint). */
  hint?: ReactNode;
  type?: 'text' | 'tel' | 'password' | 'search';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  enterKeyHint?: 'done' | 'go' | 'next' | 'search' | 'send' | 'enter';
  placeholder?: string;
  autoComplete?: string;
  autoCapitalize?: string;
  autoFocus?: boolean;
  maxLength?: number;
  onBlur?: () => void;
  /** A button beside the input (e.g. "X" for ID numbers on a number pad). */
  trailing?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

/** A large labelled input with its problem spelled out underneath. */
export function TextField({
  id,
  label,
  value,
  onChange,
  testId,
  error,
  errorTestId,
  hint,
  type = 'text',
  inputMode,
  enterKeyHint,
  placeholder,
  autoComplete = 'off',
  autoCapitalize,
  autoFocus,
  maxLength,
  onBlur,
  trailing,
  inputRef,
}: TextFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const input = (
    <input
      ref={inputRef}
      id={id}
      className="hj-input"
      data-testid={testId}
      type={type}
      inputMode={inputMode}
      enterKeyHint={enterKeyHint}
      placeholder={placeholder}
      autoComplete={autoComplete}
      autoCapitalize={autoCapitalize}
      autoCorrect="off"
      spellCheck={false}
      autoFocus={autoFocus}
      maxLength={maxLength}
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
    />
  );
  return (
    <div className="hj-field">
      <label className="hj-label" htmlFor={id}>
        {label}
      </label>
      {trailing ? (
        <div className="hj-input-row">
          {input}
          {trailing}
        </div>
      ) : (
        input
      )}
      {hint ? (
        <p className="hj-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="hj-error" id={errorId} role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
