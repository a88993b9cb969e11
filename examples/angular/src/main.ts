import { provideAppInitializer } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'partner-kit/partner-kit-provider.js';
import 'partner-kit/withdraw-dialog.js';
import 'partner-kit/themes/devui.js';
import { PartnerCenter } from './partner-center';
import { seedBackend } from './backend';

bootstrapApplication(PartnerCenter, { providers: [provideAppInitializer(seedBackend)] }).catch((error: unknown) => console.error(error));
