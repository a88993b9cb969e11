import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'partner-kit/partner-kit-provider.js';
import 'partner-kit/withdraw-dialog.js';
import 'partner-kit/themes/ant-design.js';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
