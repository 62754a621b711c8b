/** Entry point: i18n (the chosen language's catalog), then React. zod loads with the forms (src/web/api/schemas.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n/setup.ts';
import { App } from './app.tsx';
import './ui/a11y.css';

void setupI18n().then(() => {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
