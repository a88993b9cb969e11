import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'partner-kit/themes/ant-design.js';
import { App } from './App.js';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
