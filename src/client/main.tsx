import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app.js';
import { initI18n, loadLanguage, storedLanguage } from './i18n/i18n.js';
import { applyStoredTheme } from './ui/theme-mode.js';
import 'antd-mobile/es/global';
import './ui/theme.css';

// antd-mobile's imperative APIs (Toast, Dialog) render nothing under React 19
// until they are given a createRoot-based renderer (TOOLCHAIN.md).
unstableSetRender((node, container) => {
  const holder = container as Element & { _huijuRoot?: Root };
  holder._huijuRoot ??= createRoot(container);
  holder._huijuRoot.render(node);
  return async () => {
    holder._huijuRoot?.unmount();
    delete holder._huijuRoot;
  };
});

applyStoredTheme();
const i18n = initI18n();
// An English phone loads its strings (a precached chunk) before the first frame.
await loadLanguage(storedLanguage());
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
