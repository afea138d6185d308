import { ChoiceChips } from './choice-chips.js';

export interface LanguageSwitchProps<L extends string> {
  label: string;
  languages: readonly L[];
  /** Each language's own name (中文, English): readable whatever is on screen now. */
  names: Record<L, string>;
  value: string;
  onChange: (language: L) => void;
}

/** 中文 / English, one tap. Test ids: `language-switch`, `language-switch-<lng>`. */
export function LanguageSwitch<L extends string>({
  label,
  languages,
  names,
  value,
  onChange,
}: LanguageSwitchProps<L>) {
  const current = languages.find((l) => l === value) ?? null;
  return (
    <ChoiceChips
      label={label}
      testId="language-switch"
      options={languages.map((l) => ({ value: l, label: names[l] }))}
      value={current}
      onChange={onChange}
    />
  );
}
